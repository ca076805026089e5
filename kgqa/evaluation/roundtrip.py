"""Name round-trip: does each of a node's own names link back to it?

For a seeded sample of the English names (labels, synonyms, OMIM titles) of disease, drug and
gene nodes, the name alone is linked and the result compared with the node that carries it:

- ``acc_at_1``: a mention spanning the whole name links to that node;
- ``acc_any_named``: ... or to another node that carries the same name (a name two nodes
  share, "Hypertension" for the DO disease and the HPO phenotype, cannot say which it means).

Failures are sorted into kinds: no mention found, a mention covering only part of the name,
a node that shares the name, another node.

With ``typos``, each name is misspelt once (a letter dropped, swapped, doubled or struck by
a neighbouring key) and read in a sentence ("I have ...", "I take ...") beside the same
sentence spelt right: the slip should reach the node the right spelling reaches, or one of
its name or UMLS concept (``same``), else a broader kind of it (``broader``) or nothing
(``none``); another node (``wrong``) is a silent wrong answer. With ``by_ear``, each name
is written as it sounds instead: one or two of a word's spellings of a sound changed for
another ("cirrhosis" as "sirrosis", "pneumonia" as "neumonia"). With ``apart``, a word that
opens with a combining form is written as two ("neuro fibromatosis").
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from kgqa.answering.candidates import same_named
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Mention, Node
from kgqa.stages import Linking

CLASSES = ("Disease", "Chemical", "Gene")
MIN_CHARS, MAX_CHARS = 3, 120


@dataclass(frozen=True)
class NameCase:
    iri: str
    name: str
    cls: str


def name_cases(kg: KnowledgeGraph, per_class: int, seed: int = 13) -> list[NameCase]:
    """``per_class`` names per class of :data:`CLASSES`, sampled with ``seed``."""
    by: dict[str, list[NameCase]] = defaultdict(list)
    for iri, name, _key, cls in kg.english_names():
        if cls in CLASSES and MIN_CHARS <= len(name) <= MAX_CHARS:
            by[cls].append(NameCase(iri, name, cls))
    rng = random.Random(seed)
    out = []
    for cls in CLASSES:
        cases = sorted(by[cls], key=lambda c: (c.iri, c.name))
        out += rng.sample(cases, min(per_class, len(cases)))
    return out


def evaluate_roundtrip(linker: Linking, kg: KnowledgeGraph, cases: list[NameCase],
                       examples: int = 8) -> dict[str, object]:  # fmt: skip
    """acc@1 and failure kinds per class (see the module docstring)."""
    mentions = linker.link_many([c.name for c in cases])
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, list[dict[str, str]]] = defaultdict(list)
    for case, found in zip(cases, mentions, strict=True):
        whole = [m for m in found if m.node is not None and m.start == 0
                 and m.end == len(case.name)]  # fmt: skip
        t = tally[case.cls]
        t["n"] += 1
        if whole and whole[0].node.iri == case.iri:  # type: ignore[union-attr]
            t["ok"] += 1
            t["ok_any"] += 1
            continue
        if whole:
            other = whole[0].node
            named = any(n.casefold() == case.name.casefold() for n, _ in kg.labels(other))
            kind = "a node sharing the name" if named else "another node"
            t["ok_any"] += named
        elif any(m.node is not None for m in found):
            kind = "part of the name"
        else:
            kind = "no mention"
        t[kind] += 1
        if len(shown[kind]) < examples:
            got = whole[0].node if whole else next((m.node for m in found if m.node), None)
            shown[kind].append({"name": case.name, "want": kg.node(case.iri).curie,  # type: ignore[union-attr]
                                "got": got.curie if got else ""})  # fmt: skip
    report: dict[str, object] = {}
    for cls, t in tally.items():
        n = t["n"]
        report[cls] = {
            "names": n,
            "acc_at_1": round(t["ok"] / n, 4),
            "acc_any_named": round(t["ok_any"] / n, 4),
            "failures": {k: v for k, v in t.most_common() if k not in ("n", "ok", "ok_any")},
        }
    report["examples"] = dict(shown)
    return report


# -- misspelt names -----------------------------------------------------------------------------
# People misspell what they write about. A misspelt name is read in the sentence a person
# would write it in, beside the same sentence spelt right: the slip should reach the node the
# right spelling reaches (or one of the same name), or nothing, never another node.
SLIPS = ("drop", "swap", "double", "near")
_SAID_IN = {"Disease": "I have {}", "Chemical": "I take {}"}
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SLIPPABLE = re.compile(r"[a-z]{5,}", re.I)
TYPO_MAX_WORDS = 4


@dataclass(frozen=True)
class TypoCase:
    iri: str
    name: str
    misspelt: str
    slip: str
    cls: str

    def said(self, text: str) -> tuple[str, int]:
        """The sentence holding ``text``, and where ``text`` starts in it."""
        frame = _SAID_IN[self.cls]
        return frame.format(text), frame.index("{}")


def _neighbours(letter: str) -> list[str]:
    for row in _KEY_ROWS:
        i = row.find(letter)
        if i >= 0:
            return [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
    return []


def misspell(name: str, rng: random.Random) -> tuple[str, str] | None:
    """``name`` with one slip (a letter dropped, two swapped, one doubled, or one struck by a
    neighbouring key) inside one of its words of five letters or more (not in capitals),
    never its first letter; with the slip's kind. None when no word can take one."""
    # (a short form in capitals is copied, not spelt: no one writes "SNUDS" for "SUNDS")
    words = [w for w in _SLIPPABLE.finditer(name) if not w.group().isupper()]
    if not words:
        return None
    word = rng.choice(words)
    w = word.group()
    i = rng.randrange(1, len(w) - 1)
    slip = rng.choice(SLIPS)
    if slip == "drop":
        new = w[:i] + w[i + 1 :]
    elif slip == "swap":
        new = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif slip == "double":
        new = w[:i] + w[i] + w[i:]
    else:
        keys = _neighbours(w[i].lower())
        if not keys:
            return None
        new = w[:i] + rng.choice(keys) + w[i + 1 :]
    if new.casefold() == w.casefold():
        return None
    return name[: word.start()] + new + name[word.end() :], slip


# how a word is written by ear: one spelling of a sound for another (the slips of people who
# heard a name and never saw it: "sirosis", "nuemonia", "hemroids")
_BY_EAR = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"ph", "f"), (r"c(?=[eiy])", "s"), (r"c(?=[aou])", "k"), (r"ch(?=[^aeiou])", "k"),
        (r"rrh", "r"), (r"(?<=[^r])rh", "r"), (r"ae|oe", "e"), (r"(?<=[^aeiou])y", "i"),
        (r"z", "s"), (r"x", "ks"), (r"^ps", "s"), (r"^pn", "n"), (r"ei", "ie"), (r"ie", "ei"),
        (r"([bdfgklmnprst])\1", r"\1"),  # a doubled letter single
        (r"(?<=[aeiou])([bdfglmnprt])(?=[aeiou])", r"\1\1"),  # ... a single one doubled
    )
)  # fmt: skip


def misspell_by_ear(name: str, rng: random.Random) -> tuple[str, str] | None:
    """``name`` with one of its words (five letters or more, not in capitals) written by
    ear: one or two of its spellings of a sound changed for another (:data:`_BY_EAR`); with
    the kind ``by ear``. None when no word has such a spelling."""
    words = [w for w in _SLIPPABLE.finditer(name) if not w.group().isupper()]
    rng.shuffle(words)
    for word in words:
        low = word.group().lower()
        sites = [(m.start(), m.end(), m.expand(by)) for pattern, by in _BY_EAR
                 for m in pattern.finditer(low)]  # fmt: skip
        if not sites:
            continue
        picked: list[tuple[int, int, str]] = []
        many = rng.choice((1, 2))
        for site in rng.sample(sites, len(sites)):
            if all(site[1] <= a or b <= site[0] for a, b, _ in picked):
                picked.append(site)
            if len(picked) == many:
                break
        new = low
        for a, b, by in sorted(picked, reverse=True):
            new = new[:a] + by + new[b:]
        if new == low:
            continue
        if word.group()[0].isupper():
            new = new[0].upper() + new[1:]
        return name[: word.start()] + new + name[word.end() :], "by ear"
    return None


# the combining forms a word of a medical name opens with, which people write as a word of
# their own ("neuro fibromatosis", "hemo chromatosis", "osteo arthritis")
_APART = re.compile(
    r"^(?:neuro|hemo|haemo|osteo|gastro|cardio|hyper|hypo|poly|fibro|arthro|dermato|hepato|"
    r"nephro|broncho|endo|schizo|psycho|micro|macro|hydro|leuko|leuco|erythro|thrombo|adeno|"
    r"angio|chondro|lympho|myelo|pneumo|retino|spondylo|cranio|entero|immuno|encephalo|myo|"
    r"cysto|dys|anti|para|peri|pseudo|neo)(?=[a-z]{4})",
    re.I,
)


def write_apart(name: str, rng: random.Random) -> tuple[str, str] | None:
    """``name`` with one of its words that opens with a combining form (:data:`_APART`)
    written as two, the form apart ("Neurofibromatosis" as "Neuro fibromatosis"); with the kind
    ``apart``. None when no word opens with one."""
    words = [w for w in _SLIPPABLE.finditer(name) if not w.group().isupper()]
    rng.shuffle(words)
    for word in words:
        form = _APART.match(word.group())
        if form is None:
            continue
        cut = word.start() + form.end()
        return name[:cut] + " " + name[cut:], "apart"
    return None


def typo_cases(kg: KnowledgeGraph, per_class: int, seed: int = 13,
               by_ear: bool = False, apart: bool = False) -> list[TypoCase]:  # fmt: skip
    """``per_class`` misspelt disease and drug names (of :data:`TYPO_MAX_WORDS` words or
    fewer: the names people write), seeded; ``by_ear``: written as they sound
    (:func:`misspell_by_ear`) rather than with a slip of the keys; ``apart``: a word that
    opens with a combining form written as two (:func:`write_apart`)."""
    slip = write_apart if apart else misspell_by_ear if by_ear else misspell
    by: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for iri, name, _key, cls in kg.english_names():
        if (cls in _SAID_IN and MIN_CHARS <= len(name) <= MAX_CHARS and name.isascii()
                and len(name.split()) <= TYPO_MAX_WORDS):  # fmt: skip
            by[cls].append((iri, name))
    rng = random.Random(seed)
    out = []
    for cls in _SAID_IN:
        names = sorted(by[cls])
        rng.shuffle(names)
        picked = 0
        for iri, name in names:
            slipped = slip(name, rng)
            if slipped is None:
                continue
            out.append(TypoCase(iri, name, slipped[0], slipped[1], cls))
            picked += 1
            if picked == per_class:
                break
    return out


def _sure(m: Mention) -> bool:
    """Whether the linker is sure enough of ``m``'s node to answer (its best score at the NIL
    threshold or above)."""
    return m.linked is not None


def _linked_whole(found: list[Mention], start: int, end: int) -> Node | None:
    """The node of the sure mention (:func:`_sure`) spanning exactly ``start:end``."""
    return next((m.node for m in found if (m.start, m.end) == (start, end) and _sure(m)), None)


def _one_concept(kg: KnowledgeGraph, a: Node, b: Node) -> bool:
    """Two nodes of one name (:func:`same_named`), or of one UMLS concept (DO's *hyperopia*
    and HPO's *Hypermetropia*)."""
    if b.iri in {n.iri for n in same_named(kg, a)}:
        return True
    umls = {i for i in kg.ids(a) if i.startswith("UMLS:")}
    return bool(umls & set(kg.ids(b)))


def evaluate_typos(linker: Linking, kg: KnowledgeGraph, cases: list[TypoCase],
                   examples: int = 8) -> dict[str, object]:  # fmt: skip
    """Per class: of the misspelt names whose right spelling links (in the same sentence),
    how many link to that node or one of its concept (``same``), to a broader kind of it
    (``broader``), to nothing (``none``: kgqa says it does not know), or to another node
    (``wrong``: a silent wrong answer); and the same by kind of slip."""
    right = linker.link_many([c.said(c.name)[0] for c in cases])
    slipped = linker.link_many([c.said(c.misspelt)[0] for c in cases])
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    by_slip: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, list[dict[str, str]]] = defaultdict(list)
    for case, a, b in zip(cases, right, slipped, strict=True):
        _, at = case.said("")
        want = _linked_whole(a, at, at + len(case.name))
        t = tally[case.cls]
        if want is None:
            t["right spelling unlinked"] += 1
            continue
        # the whole misspelt name's node, else the first sure node of a part of it
        got = _linked_whole(b, at, at + len(case.misspelt)) or next(
            (m.node for m in b if _sure(m)), None
        )
        if got is not None and (got.iri == want.iri or _one_concept(kg, want, got)):
            kind = "same"
        elif got is None:
            kind = "none"
        else:
            # a slip in a subtype's words may leave its broader kind ("Gaucher disease, type
            # I" misspelt is Gaucher disease): less than asked, not another disease
            broader = {n.iri for n in kg.ancestors(want)}
            kind = "broader" if got.iri in broader else "wrong"
        t["n"] += 1
        t[kind] += 1
        by_slip[case.slip]["n"] += 1
        by_slip[case.slip][kind] += 1
        if kind != "same" and len(shown[kind]) < examples:
            shown[kind].append({"name": case.name, "misspelt": case.misspelt,
                                "want": want.curie, "got": got.curie if got else ""})  # fmt: skip
    report: dict[str, object] = {}
    for cls, t in tally.items():
        n = t["n"]
        report[cls] = {
            "names": n,
            "same": round(t["same"] / n, 4) if n else 0.0,
            "broader": round(t["broader"] / n, 4) if n else 0.0,
            "none": round(t["none"] / n, 4) if n else 0.0,
            "wrong": round(t["wrong"] / n, 4) if n else 0.0,
            "right_spelling_unlinked": t["right spelling unlinked"],
        }
    report["by_slip"] = {s: {"names": c["n"], "same": round(c["same"] / c["n"], 4)}
                         for s, c in sorted(by_slip.items()) if c["n"]}  # fmt: skip
    report["examples"] = dict(shown)
    return report
