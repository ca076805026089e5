"""What a question leaves out of its answers: "Which drugs treat gout other than allopurinol?",
"... asthma without steroids", "... pneumonia if I am allergic to penicillin", "... high
cholesterol in people who cannot take statins", "Which non-opioid drugs treat pain?".

The linker marks such a mention negated (:data:`kgqa.linking.negation.EXCLUSION_CUES`); the
router then takes the other mention for the topic. Here a negated mention beside the topic
becomes a set of nodes no answer may be: the node itself; for a drug class, its members, the
members of its subclasses and of the classes of the same name in other vocabularies ("statins"
is MeSH's HMG-CoA reductase inhibitors and NDF-RT's; "steroids" MeSH's chemical heading and
NDF-RT's corticosteroids); for a drug or a chemical
group, every drug whose name holds its name ("penicillin": benzylpenicillin, penicillin V); for
the common classes, every drug whose name ends in the class's WHO INN stem (:data:`INN_STEMS`:
-olol, -pril, -sartan, -vastatin ...). Leaving out too much is safe; an answer the question
ruled out, listed first, is not.

Example:
    >>> gone = left_out(kg, found, topic)  # "... gout other than allopurinol"  # doctest: +SKIP
    >>> gone.covers(kg.node("DRUGBANK:DB00437"))  # doctest: +SKIP
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgqa.answering.candidates import graph_candidates, same_named
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Mention, Node

# the kinds of a disorder left out that are left out with it (breadth first)
KINDS_LEFT_OUT = 500
# the classes of the same name looked up for a class or a chemical group named
SAME_NAME_LIMIT = 10
# a drug's or a group's name read inside other drugs' names only from this length ("penicillin",
# "ibuprofen"; never "iron" in "ironwood")
MIN_STEM_CHARS = 6
_DRUGS = ("Chemical", "DrugClass")
# the WHO INN stems of common drug classes (kgqa's own table): a class left out takes every
# drug whose name ends so, the graph's sources having left some out of their class
# (flunisolide is in no steroid class of theirs; "without steroids" listed it fifth)
_STEROIDS = r"(?:asone|isone|olone|onide|isolide|cort\w*)"
INN_STEMS: dict[str, str] = {
    "NDFRT:N0000175576": _STEROIDS,  # Corticosteroid
    "MESH:D005938": _STEROIDS,  # Glucocorticoids
    "MESH:D013256": _STEROIDS,  # Steroids
    "MESH:D019161": "vastatin",  # HMG-CoA reductase inhibitors
    "NDFRT:N0000175589": "vastatin",
    "MESH:D000319": "olol",  # beta blockers
    "NDFRT:N0000175556": "olol",
    "MESH:D000806": "pril",  # ACE inhibitors
    "NDFRT:N0000175562": "pril",
    "MESH:D047228": "sartan",  # angiotensin receptor blockers
    "NDFRT:N0000175561": "sartan",
    "MESH:D054328": "(?<!pi)prazole",  # proton pump inhibitors (aripiprazole is none)
    "NDFRT:N0000011281": "cillin",  # penicillins
    "MESH:D010406": "cillin",
    "NDFRT:N0000175694": "(?:azepam|azolam)",  # benzodiazepines
    "MESH:D001569": "(?:azepam|azolam)",
    "NDFRT:N0000175765": "triptan",  # triptans
    "MESH:D058825": "triptan",
}


@dataclass(frozen=True)
class LeftOut:
    """What a question asks to leave out: ``named``, the nodes its negated mentions reached;
    ``iris``, those with every member of the classes among them; ``stems``, the folded names of
    the drugs and chemical groups among them, read inside answers' names; ``endings``, the INN
    stems of the classes among them, read at the end of answers' words."""

    named: tuple[Node, ...]
    iris: frozenset[str]
    stems: tuple[str, ...]
    endings: str = ""  # a pattern of the INN stems of the classes among them ("" for none)
    dropped: int = 0  # how many of the graph's answers it took away, once applied
    # the disorders among ``named`` set against the topic, whose own answers are left out
    # ("Which drugs treat hypertension but not heart failure?": heart failure's drugs)
    contrasted: tuple[Node, ...] = ()

    def covers(self, node: Node) -> bool:
        """Whether ``node`` is one of what was left out."""
        if node.iri in self.iris:
            return True
        label = node.label.casefold()
        if node.cls != "Chemical":
            return False
        if self.endings and re.search(rf"(?:{self.endings})\b", label):
            return True
        return any(s in label for s in self.stems)

    def describe(self) -> str:
        """ "allopurinol", "members of Corticosteroid": what was left out, for a reason."""
        contrasted = {n.iri for n in self.contrasted}
        return ", ".join(
            f"members of {n.label}" if n.cls == "DrugClass"
            else f"the answers the graph states for {n.label}" if n.iri in contrasted
            else n.label
            for n in self.named
        )  # fmt: skip


# a disorder set against the topic, named after it: what the answers must not hold for
# ("Which drugs treat hypertension but not heart failure?", "Which genes are associated with
# breast cancer and not ovarian cancer?"); the words right before its mention
_CONTRAST = re.compile(
    r"(?:\b(?:but|and|yet)\s+not|\brather than|\bexcept(?:\s+for)?|\bexcluding)"
    r"\s+(?:(?:for|of|in|with|the|a|an)\s+)?$",
    re.I,
)
_DISORDERS = ("Disease", "Phenotype")


def contrasted(text: str, found: list[tuple[Mention, Node]], topic: Node | None) -> list[Node]:
    """The disorders a question sets against its topic: negated mentions of a disorder after
    the topic's first, with "but not", "and not", "rather than", "except" right before them
    (not a disorder the person is said not to have, which leaves nothing out)."""
    if topic is None:
        return []
    starts = [m.end for m, n in found if n.iri == topic.iri and not m.negated]
    if not starts:
        return []
    first = min(starts)
    return [n for m, n in found
            if m.negated and n.cls in _DISORDERS and n.iri != topic.iri and m.start >= first
            and _CONTRAST.search(text[max(0, m.start - 40) : m.start])]  # fmt: skip


def left_out(kg: KnowledgeGraph, found: list[tuple[Mention, Node]], topic: Node | None,
             text: str = "", intent: str | None = None) -> LeftOut | None:  # fmt: skip
    """What the negated mentions beside ``topic`` leave out (None when none is negated). With
    ``text`` (which the mentions index) and ``intent``, a disorder set against the topic
    (:func:`contrasted`) leaves out the answers the graph states for it by the intent, its
    kinds' and its same-named nodes' too (leaving out too much is safe)."""
    named = [(m, n) for m, n in found if m.negated and (topic is None or n.iri != topic.iri)]
    if not named:
        return None
    iris: set[str] = set()
    against = contrasted(text, found, topic) if text and intent is not None else []
    if against:
        for n in against:
            iris |= {c.node.iri for c in graph_candidates(kg, n, intent)}  # type: ignore[arg-type]
    stems: list[str] = []
    endings: list[str] = []
    for m, n in named:
        iris.add(n.iri)
        if n.cls in _DISORDERS:
            # a disorder left out takes its kinds, and those of its node of the same name
            # elsewhere ("What causes night sweats besides lymphoma?" kept AIDS-related
            # lymphoma and mycosis fungoides)
            for same in same_named(kg, n):
                iris.add(same.iri)
                iris |= {d.iri for d in kg.descendants(same, limit=KINDS_LEFT_OUT)}
        if n.cls not in _DRUGS:
            continue
        # the classes (or chemical headings that classes name: MeSH's glucocorticoids) of
        # its name, its node's first
        classes = {n.iri: n}
        for hit in kg.find(m.text, limit=SAME_NAME_LIMIT):
            if hit.node.cls in _DRUGS and hit.match in ("exact", "normalized"):
                classes.setdefault(hit.node.iri, hit.node)
        for c in list(classes.values()):
            for d in kg.descendants(c):  # a subclass, or a drug under a heading
                if d.cls in _DRUGS:
                    classes.setdefault(d.iri, d)
        iris |= classes.keys()
        endings += [INN_STEMS[c.curie] for c in classes.values() if c.curie in INN_STEMS]
        for c in classes.values():
            iris |= {t.subject.iri for t in kg.neighbours(c, "inDrugClass", direction="in")}
        if n.cls == "Chemical":
            for name in (m.text, n.label):
                stem = name.casefold().strip()
                stem = stem[:-1] if stem.endswith("s") else stem
                if len(stem) >= MIN_STEM_CHARS and stem not in stems:
                    stems.append(stem)
    nodes = tuple(dict((n.iri, n) for _, n in named).values())
    return LeftOut(nodes, frozenset(iris), tuple(stems), "|".join(dict.fromkeys(endings)),
                   contrasted=tuple(against))  # fmt: skip
