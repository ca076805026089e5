"""Ranking a question's graph candidates: pre-rank by what the graph says of them, then let
the verifier read (claim, evidence) for the best ones. Also the evidence helpers that options
and verification share.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np

from kgqa.answering.candidates import (
    WORDED_RELATIONS,
    GraphCandidate,
    annotated,
    broad_cause,
    has_more_subtypes,
    kinds_stating,
    same_named,
)
from kgqa.answering.verbalize import statement, triple_text
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Answer, Evidence, Node, Passage, Triple
from kgqa.stages import Classifying, Retrieving
from kgqa.text import SALT_WORDS, flipped_level
from kgqa.understanding.registry import INTENTS, MAIN_RELATIONS

# an answer is given when the verifier reads its evidence as support at least this likely
SUPPORT_THRESHOLD = 0.5
MAX_VERIFIED = 16
# the support of an answer a curated graph statement of the asked relation states outright
GRAPH_STATEMENT_SUPPORT = 0.99
EVIDENCE_CHARS = 420
# how alike (cosine) a passage must be to a question that names nothing of the graph to be
# shown: on questions of that kind, passages on the question's subject came at 0.55 to 0.75,
# unrelated ones ("How do I get rid of a splinter?", a phone, a keyboard mash) below 0.43
OPEN_PASSAGE_MIN = 0.5


# ------------------------------------------------------------------------ evidence helpers
def passages_about(
    retriever: Retrieving | None, query: str, about: Sequence[Node], k: int = 20
) -> list[Passage]:
    """Passages for the query that mention one of ``about`` (none without a retriever)."""
    if retriever is None or not about:
        return []
    return retriever.retrieve(query, k=k, about=list(about))


def passages_for(retriever: Retrieving | None, query: str, k: int = 5) -> list[Passage]:
    """For a question naming nothing of the graph: the passages nearest its words, only those
    at least :data:`OPEN_PASSAGE_MIN` alike ("What is the normal blood sugar level?" finds
    MedQuAD's normal glucose ranges at 0.75; "What is the best phone to buy?" nothing above
    0.26)."""
    if retriever is None:
        return []
    return [p for p in retriever.retrieve(query, k=k) if p.score >= OPEN_PASSAGE_MIN]


def mentioning(passages: Sequence[Passage], node: Node) -> list[Passage]:
    """The passages that are about a node, or name it as a word of its own (the gene INS is
    not named by "vitamins", which had made it the gene of night blindness)."""
    label = node.label.casefold()
    named = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
    return [p for p in passages if node.iri in p.nodes
            or (label in (text := p.text.casefold()) and named.search(text))]  # fmt: skip


def evidence_text(triples: Sequence[Triple], passages: Sequence[Passage]) -> str:
    """What the verifier reads: up to three graph statements, then one passage."""
    parts = [triple_text(t) for t in triples[:3]]
    parts += ["passage: " + p.text for p in passages[:1]]
    text = " ".join(parts) or "no graph statement."
    return text[:EVIDENCE_CHARS]


def verify_pairs(verifier: Classifying, claims: list[str], evidence: list[str]) -> np.ndarray:
    """The verifier's probabilities for (claim, evidence) pairs, one row each."""
    if not claims:
        return np.zeros((0, 3), dtype=np.float32)
    return verifier.predict_proba(claims, evidence)


def claim_for(intent: str, topic: Node, node: Node, relation: str | None = None) -> str:
    """The statement that ``node`` answers the intent about ``topic``."""
    spec = INTENTS[intent]
    relation = relation or spec.relation
    s, o = (node, topic) if spec.reversed else (topic, node)
    return statement(s.label, relation or "", o.label)


# ------------------------------------------------------------------------ ranking
# a drug whose every indication of the topic names a kind of it ("Gonococcal Arthritis" for
# penicillin, stated of arthritis) is a kind's answer: it loses what a statement of the topic
# itself gives (1.0) and ranks among the answers its subtypes give ("Which drugs treat
# anemia?" began with 17 corticosteroids for "Erythroblastic Anemia", iron after them)
NARROWER = 1.0


def _only_narrower(c: GraphCandidate) -> bool:
    """Whether each of ``c``'s statements is a label's indication that names a kind of the
    node it reached ("Gonococcal Arthritis" stated of arthritis); a statement with no
    indication wording (SIDER's, PharmacotherapyDB's) names the node itself."""
    if not c.triples:
        return False
    for t in c.triples:
        said = [str(a.value) for stmt in t.attributes for a in stmt if a.key == "indication"]
        if not said or not all(_names_a_kind(x, t.object.label) for x in said):
            return False
    return True


def _names_a_kind(said: str, label: str) -> bool:
    """Whether ``said`` holds ``label``'s words and more ("gonococcal arthritis", arthritis);
    a synonym ("heart attack", myocardial infarction) is no kind.

    Example:
        >>> _names_a_kind("Gonococcal Arthritis", "arthritis"), _names_a_kind("Gout", "gout")
        (True, False)
    """
    words, of = normalize_name(said).split(), normalize_name(label).split()
    n = len(of)
    return len(words) > n and any(words[i : i + n] == of for i in range(len(words) - n + 1))


# a drug whose every statement of a disease is a label's indication for preventing it
# ("Myocardial Infarction Prevention", amlodipine's, from its combination with atorvastatin)
# comes this much after the drugs that treat it, unless the question asks about preventing
PREVENTION_ONLY = 0.3
_ASKS_KEEPING_AWAY = re.compile(r"^(?:prevent|prophyla|avoid|risk|reduc)")


def prevention_only(c: GraphCandidate) -> bool:
    """Whether the labels give ``c`` only for preventing the disorder: every statement with a
    label's wording says prevention, and the rest are of label sources too (SIDER reads the
    same label as MedDRA's term: amlodipine's "Myocardial Infarction Prevention" is its
    "Myocardial Infarction")."""
    worded = [t for t in c.triples if t.source == "drugcentral"]
    return (bool(worded) and all(_prevention_said(t) for t in worded)
            and all(t.source in LABEL_SOURCES for t in c.triples))  # fmt: skip


# a label's indication that names a kind in the question's own words ("Chemotherapy-induced
# nausea and vomiting" for "What treats chemotherapy-induced nausea and vomiting?", where
# diphenhydramine came first; "Opioid-Induced Constipation" for "What treats constipation from
# opioids?") answers it before the rest: it loses nothing as a kind's answer (NARROWER) and
# gains this much
ASKED_WORDING = 0.5
# words a label's wording adds that name no kind
_WORDING_STOP = frozenset({"induced", "due", "associated", "related", "caused", "acute",
                           "chronic", "treatment", "prevention", "symptom"})  # fmt: skip


_LABEL_ORIGIN = "DrugCentral"  # the origin of the indications a label states in its words


@lru_cache(maxsize=8192)
def _name_words(name: str) -> frozenset[str]:
    """The words of a node's name or a label's wording, as keyed (read for each candidate
    of each question: kept)."""
    return frozenset(normalize_name(name).split())


def asked_words(text: str) -> frozenset[str]:
    """The words of a question, as :func:`normalize_name` keys them (singular, American)."""
    return frozenset(normalize_name(text).split())


def worded_as_asked(c: GraphCandidate, asked: frozenset[str]) -> bool:
    """Whether a label's indication among ``c``'s statements adds to the names of the nodes
    it joins only words the question has (and no kind words of :data:`_WORDING_STOP` alone).

    Example:
        >>> from kgqa.records import Attribute, Node, Triple
        >>> nv = Node("x:1", "x:1", "Nausea and vomiting", "Phenotype")
        >>> drug = Node("x:2", "x:2", "ondansetron", "Chemical")
        >>> said = (Attribute("indication", "Chemotherapy-induced nausea and vomiting"),
        ...         Attribute("origin", "DrugCentral (FDB label indication)"))
        >>> c = GraphCandidate(drug, (Triple(drug, "treats", nv, "drugcentral", (said,)),))
        >>> worded_as_asked(c, asked_words("nausea from chemotherapy"))
        True
        >>> worded_as_asked(c, asked_words("nausea"))
        False
    """
    if not asked:
        return False
    for t in c.triples:
        for stmt in t.attributes:
            if not any(a.key == "origin" and str(a.value).startswith(_LABEL_ORIGIN) for a in stmt):
                continue  # SIDER's words are mined from the whole label ("Asthma attack" for
                # ketotifen, which prevents them)
            ends = _name_words(t.subject.label) | _name_words(t.object.label)
            for a in stmt:
                if a.key != "indication":
                    continue
                extra = _name_words(str(a.value)) - ends - _WORDING_STOP
                if extra and extra <= asked:
                    return True
    return False


def _sources(c: GraphCandidate) -> set[str]:
    """The sources that state the candidate's triples."""
    return {t.source for t in c.triples}


def prior_frequency(c: GraphCandidate) -> float:
    """The highest HPO frequency (the share of those with the disease who show the finding)
    of the candidate's statements; 0 without one."""
    return max((float(a.value) for t in c.triples for stmt in t.attributes for a in stmt
                if a.key == "frequencyValue" and isinstance(a.value, int | float)),
               default=0.0)  # fmt: skip


def prior(c: GraphCandidate, frequency: bool = True) -> float:
    """Pre-ranking before verification: direct edges first, more sources, frequency, then
    the strength of a literature co-occurrence (HSDN's tf-idf weight: for gout, "Back
    pain" seen in 9 abstracts before "Angina pectoris" seen in one) and the number of
    curators behind an indication (for gout, allopurinol and probenecid: 3).
    ``frequency``: whether HPO's frequency counts. It says how many of those with the disease
    show the finding, which ranks a disease's findings; it says nothing of how often a
    finding comes from the disease (alopecia, "obligate" in a rare syndrome, came before
    lupus for "What causes hair loss?")."""
    freq = weight = curators = 0.0
    for t in c.triples:
        for stmt in t.attributes:
            for a in stmt:
                if not isinstance(a.value, int | float):
                    continue
                if a.key == "frequencyValue" and frequency:
                    freq = max(freq, float(a.value))
                elif a.key == "weight":
                    weight = max(weight, float(a.value))
                elif a.key == "curators":
                    curators = max(curators, float(a.value))
    main = 0.2 if any(t.relation in MAIN_RELATIONS for t in c.triples) else 0.0
    # an answer several subtypes of the topic share (SMN1 for four kinds of spinal muscular
    # atrophy) speaks for the topic more than one a single kind has; the kinds are the
    # triples' other ends (subjects of has-gene statements, objects of treats ones: permethrin
    # for three kinds of lice infestation before lidocaine, in a kit for two); so does one
    # more of a class's members share (myalgia, stated of all eight statins, before creatine
    # kinase increased, of six)
    kinds = len(kinds_stating(c)) if c.via_relation in ("subtype", "member") else 1
    return (
        (0.0 if c.via else 1.0)
        - (NARROWER if _only_narrower(c) else 0.0)
        + main
        + 0.1 * min(kinds - 1, 9 if c.via_relation == "member" else 4)
        + 0.1 * len(_sources(c))
        + 0.5 * freq
        + 0.1 * math.log1p(max(0.0, weight))
        + 0.05 * min(curators, 4.0)
        + c.weight
    )


# the intents whose answers, diseases, rank by how many drugs treat them too (the log of
# that count, up to COMMON_ENOUGH, this much a step of it)
_COMMON_FIRST = frozenset({"diseases_of_phenotype"})
COMMON_WEIGHT = 0.15
COMMON_ENOUGH = 10  # drugs: past this many, the graph's own evidence decides alone
# what the prior takes off a super- or subtype only MeSH's tree gives (a tree of headings,
# not of kinds: "Diabetes Complications" under diabetes)
MESH_TREE_ONLY = 0.3
# an answer with more subtypes than this (at any depth) is a category, not a specific answer
BROAD_ANSWER = 50
_CATEGORIES = frozenset({"Disease", "Phenotype", "SideEffect"})


# abstracts (HSDN) that name a disease with the finding asked of, past which the disease is
# an answer people give, however many kinds of it the ontology has (epilepsy with seizures in
# 2,420; "disease by infectious agent" is named in none)
OFTEN_WRITTEN = 50
# ... and past which a finding stands on the abstracts alone, said by the passages or not
# (multiple sclerosis's fatigue, in 408, which the passages found did not name); one in fewer
# that the passages do not name follows those they do (hypothyroidism's coma, in 66)
WIDELY_WRITTEN = 100


def _often_written(c: GraphCandidate) -> bool:
    return cooccurrences(c.triples) >= OFTEN_WRITTEN


def cooccurrences(triples: Sequence[Triple]) -> float:
    """The most abstracts any of the triples' statements says name both ends (0: none says)."""
    return max((float(a.value) for t in triples for stmt in t.attributes for a in stmt
                if a.key == "cooccurrences" and isinstance(a.value, int | float)),
               default=0.0)  # fmt: skip


# the sources that state an edge because abstracts name both ends, not because anyone found
# one causes or shows the other
LITERATURE_SOURCES = frozenset({"hsdn"})


def from_literature(answer: Answer) -> bool:
    """Whether a graph answer stands only on abstracts that name it beside the topic (HSDN),
    however many."""
    triples = answer.evidence.triples  # the path only climbs the hierarchy to them
    return bool(triples) and {t.source for t in triples} <= LITERATURE_SOURCES


def literature_only(answer: Answer) -> bool:
    """Whether a graph answer stands only on abstracts that name it beside the topic, fewer
    than ``OFTEN_WRITTEN`` of them: research attention, not a cause. Hypertension, melanoma and
    Crohn's disease are each named beside dysuria in one abstract (HSDN), prostate cancer in
    four; no curated source relates any of them to it."""
    return from_literature(answer) and cooccurrences(answer.evidence.triples) < OFTEN_WRITTEN


def resources(c: GraphCandidate) -> int:
    """How many indication resources PharmacotherapyDB's curators found the candidate's
    indication in (0 without one): where the prior ties, captopril's and ramipril's four come
    before atorvastatin's one for hypertension (stated for its combination products with
    amlodipine; the curators' count ties at three). Only a tie-break: as a term of the prior
    it put hydrocortisone first for psoriasis and steroids before salbutamol for asthma."""
    said = [a.value for t in c.triples for stmt in t.attributes for a in stmt
            if a.key == "resources"]  # fmt: skip
    return max((int(v) for v in said if isinstance(v, int | float)), default=0)


# a drug class of more members than this says too little to tie two drugs ("Central Nervous
# System Agents", 498)
COHERENT_CLASS_MAX = 150
# what the prior takes off a drug a single label source states for the topic that shares no
# such class with any drug two sources or more state it of
OFF_CLASS = 0.3
# ... and how many drugs of known class must share one to stand in for the drugs two sources
# state, where there are none
OFF_CLASS_SHARERS = 4


@lru_cache(maxsize=4)
def drug_classes(kg: KnowledgeGraph, most: int = COHERENT_CLASS_MAX) -> dict[str, frozenset[str]]:
    """Each drug's classes of at most ``most`` members (one bulk read of the graph's class
    memberships, kept for the graph's life)."""
    members: dict[str, set[str]] = {}
    for drug, cls, _ in kg.edges("inDrugClass"):
        members.setdefault(cls, set()).add(drug)
    out: dict[str, set[str]] = {}
    for cls, drugs in members.items():
        if len(drugs) <= most:
            for d in drugs:
                out.setdefault(d, set()).add(cls)
    return {d: frozenset(c) for d, c in out.items()}


# the words a salt's or an ester's name adds to its drug's: the linker's salts and the esters
# of DrugCentral's names ("triamcinolone diacetate", "cefuroxime axetil", "fluphenazine
# decanoate")
FORM_WORDS = SALT_WORDS | frozenset(
    "acetonide axetil benzoate bitartrate butyrate decanoate diacetate enantate estolate ethyl "
    "furoate gluconate hexacetonide hydrobromide lactate lactobionate nitrate palmitate "
    "pivalate stearate".split()
)


def form_parts(label: str) -> list[str]:
    """The words of a drug's name that may name the drug it is a form of: those of a name of
    more words that are no salt's or ester's ("hydrocortisone" of "hydrocortisone succinate",
    "procaine" and "benzylpenicillin" of "procaine benzylpenicillin"; none of "sodium
    phosphate", which is no form of sodium)."""
    words = label.lower().split()
    return [w for w in words if w not in FORM_WORDS] if len(words) > 1 else []


@lru_cache(maxsize=4)
def form_classes(kg: KnowledgeGraph, most: int = COHERENT_CLASS_MAX) -> dict[str, frozenset[str]]:
    """:func:`drug_classes`, where a form of a drug that no class names has the classes of the
    drugs its name names (:func:`form_parts`): DrugCentral classes hydrocortisone, not
    hydrocortisone succinate; benzylpenicillin, not benzathine benzylpenicillin."""
    out = dict(drug_classes(kg, most))
    named = {n.label.lower(): out[n.iri] for n in map(kg.node, list(out)) if n is not None}
    for n in kg.nodes("Chemical"):
        if n.iri not in out:
            held = frozenset().union(*(named.get(w, frozenset()) for w in form_parts(n.label)))
            if held:
                out[n.iri] = held
    return out


# the sources whose statements of what treats a disease are read off drug labels: two of them
# agreeing is one label read twice (PharmacotherapyDB's physicians are another witness)
LABEL_SOURCES = frozenset({"drugcentral", "sider"})
# ... and the largest class that ties such a drug to the other drugs two sources state: MeSH's
# "Anti-Bacterial Agents" (220) ties erythromycin to the fluoroquinolones for pneumonia, where
# the coherent classes (macrolides, quinolones) do not; "Central Nervous System Agents" (498)
# would tie acetaminophen to the hypnotics
KIN_CLASS_MAX = 250
# ... which at least one in this many of the other drugs two sources state must share
KIN_SHARE = 4


# the drugs of the topic's kindred disorders (its parents and their other kinds) whose classes
# stand in where the topic's own drugs give none, at least this many of known class ...
KINDRED_DRUGS = 10
# ... and the share of them a class must hold
KINDRED_SHARE = 4
# the most kinds of a parent read
KINDRED_KINDS = 200


@lru_cache(maxsize=256)
def kindred_classes(kg: KnowledgeGraph, topic: Node) -> frozenset[str]:
    """The classes (of at most ``KIN_CLASS_MAX`` members) that at least one in
    ``KINDRED_SHARE`` of the drugs stated for the topic's parents and their other kinds hold:
    what disorders like it are treated with (antibacterials for diphtheria, a kind of
    bacterial infection; platelet aggregation inhibitors and thrombolytics for stroke). Empty
    when fewer than ``KINDRED_DRUGS`` such drugs have a class known."""
    near: set[str] = set()
    stated = treaters(kg)
    for up in kg.neighbours(topic, "subClassOf"):
        near |= stated.get(up.object.iri, frozenset())
        for down in kg.neighbours(up.object, "subClassOf", direction="in")[:KINDRED_KINDS]:
            if down.subject.iri != topic.iri:
                near |= stated.get(down.subject.iri, frozenset())
    kin = form_classes(kg, KIN_CLASS_MAX)
    known = [kin[d] for d in near if kin.get(d)]
    if len(known) < KINDRED_DRUGS:
        return frozenset()
    counts = Counter(cls for held in known for cls in held)
    return frozenset(cls for cls, n in counts.items() if n * KINDRED_SHARE >= len(known))


def off_class(
    kg: KnowledgeGraph, cands: Sequence[GraphCandidate], topic: Node | None = None
) -> set[str]:
    """The drugs one label source alone states for the topic that share no class with any drug
    two sources or more state it of, when any is: an ingredient of a combination
    product, not what treats it (DrugCentral's label indications for fever list calcium
    carbonate, aluminium hydroxide and phenylephrine, from buffered aspirin and cold remedies,
    beside aspirin, acetaminophen and ibuprofen, which three sources state). When no drug is
    stated by two sources, the classes at least half of the drugs stated share stand in for
    theirs (HIV's label indications list ethanol and vitamin E, a product's solvent and
    excipient, beside 30 antiretrovirals); when they share none either, those of the
    ``topic``'s kindred disorders do (:func:`kindred_classes`). A drug of no class known, a
    salt's or an ester's drug's aside (:func:`form_classes`), is off class too.

    A drug both label sources state is one too when it shares no class (of at most
    ``KIN_CLASS_MAX`` members) with any other drug two sources state, of which at least
    ``OFF_CLASS_SHARERS - 1`` are and half share a coherent class: two sources reading one
    label of a combination product (DrugCentral and SIDER both state acetaminophen for
    insomnia, from acetaminophen with diphenhydramine, beside twelve hypnotics and sedatives;
    atorvastatin for angina, from atorvastatin with amlodipine)."""

    classes = form_classes(kg)
    kin = form_classes(kg, KIN_CLASS_MAX)
    direct = [c for c in cands if c.via is None]
    sure = [c for c in direct if len(_sources(c)) >= 2]
    out: set[str] = set()
    if len(sure) >= OFF_CLASS_SHARERS:
        for c in sure:
            own = kin.get(c.node.iri)
            if not own or not _sources(c) <= LABEL_SOURCES:
                continue
            others = [o for o in sure if o is not c]
            counts = Counter(k for o in others for k in classes.get(o.node.iri, ()))
            coherent = bool(counts) and max(counts.values()) * 2 >= len(others)
            # a tie counts in a class a share of the others hold: what the topic is treated
            # with ("Anti-Bacterial Agents" for pneumonia), not what a few of them are besides
            # (atropine and four opioids for pain: "Respiratory System Agents")
            held = Counter(k for o in others for k in kin.get(o.node.iri, ()))
            ties = {k for k, n in held.items() if n * KIN_SHARE >= len(others)}
            # ... or one a drug holds that a witness beside the labels states (a
            # PharmacotherapyDB physician's indication)
            ties |= {k for o in others if not _sources(o) <= LABEL_SOURCES
                     for k in kin.get(o.node.iri, ())}  # fmt: skip
            if coherent and not own & ties:
                out.add(c.node.iri)
        sure = [c for c in sure if c.node.iri not in out]
    # the classes at least half of the drugs stated share (of known class, at least
    # OFF_CLASS_SHARERS of them; a salt or an ester, of its drug's classes, is no second vote:
    # estradiol's cypionate and valerate made the hormones half of hot flashes' drugs, and
    # paroxetine, the one of another class, fell behind testosterone's esters)
    stated = drug_classes(kg)
    known = [stated[c.node.iri] for c in direct if stated.get(c.node.iri)]
    counts = Counter(cls for held in known for cls in held)
    most = frozenset(cls for cls, n in counts.items()
                     if n >= max(OFF_CLASS_SHARERS, len(known) / 2))  # fmt: skip
    shared: frozenset[str] = frozenset()
    if len(sure) >= OFF_CLASS_SHARERS or (sure and not most):
        shared = frozenset().union(*(classes.get(c.node.iri, frozenset()) for c in sure))
    elif len(known) >= OFF_CLASS_SHARERS:
        # ... which stand in for the few drugs two sources state too: benzyl alcohol, both
        # labels' drug for head lice, is a local anaesthetic as well, and it kept lidocaine
        # (a combination's) among the five pediculicides
        shared = most
    if not shared and topic is not None and not sure:
        # no class the topic's own drugs share: those of disorders like it stand in
        # (diphtheria's label rows give erythromycin, and cyclophosphamide and cisplatin,
        # whose DrugCentral rows are erythromycin's; buffered aspirin's calcium carbonate and
        # aluminium hydroxide for stroke)
        classes = form_classes(kg, KIN_CLASS_MAX)
        shared = kindred_classes(kg, topic)
    if not shared:
        return out
    # ... and so is one of no class known, a single label source's: trolnitrate, whose
    # DrugCentral rows are a cold remedy's (fever, pain, cough), sodium phosphate and exifone,
    # whose rows are a corticosteroid's (gout, psoriasis, rashes)
    return out | {c.node.iri for c in direct if len(_sources(c)) == 1
                  and not classes.get(c.node.iri, frozenset()) & shared}  # fmt: skip


def off_class_stated(kg: KnowledgeGraph, cands: Sequence[GraphCandidate], topic: Node) -> set[str]:
    """:func:`off_class` of the drugs stated for the topic, or, when it has none of its own,
    of a supertype's, read as the topic's own (atropine, a combination's for pain, came
    first for knee pain)."""
    direct = cands if any(c.via is None for c in cands) else [replace(c, via=None) for c in cands]
    return off_class(kg, direct, topic)


# the class vocabularies in the order a drug's classes are shown: the FDA's established
# pharmacologic classes and mechanisms (NDF-RT), MeSH's pharmacologic actions, ChEBI's roles
_CLASS_VOCABULARIES = {"NDFRT": 0, "MESH": 1, "CHEBI": 2}


@lru_cache(maxsize=4)
def class_sizes(kg: KnowledgeGraph) -> dict[str, int]:
    """How many drugs each class has (one bulk read, kept for the graph's life)."""
    return dict(Counter(cls for _, cls, _ in kg.edges("inDrugClass")))


@lru_cache(maxsize=4)
def class_members(kg: KnowledgeGraph, most: int = COHERENT_CLASS_MAX) -> dict[str, frozenset[str]]:
    """Each drug class of at most ``most`` members: its members (IRIs)."""
    out: dict[str, set[str]] = {}
    for drug, classes in drug_classes(kg, most).items():
        for cls in classes:
            out.setdefault(cls, set()).add(drug)
    return {cls: frozenset(m) for cls, m in out.items()}


@lru_cache(maxsize=4)
def treaters(kg: KnowledgeGraph) -> dict[str, frozenset[str]]:
    """Each disorder's drugs, stated to treat or palliate it (one bulk read, kept for the
    graph's life)."""
    out: dict[str, set[str]] = {}
    for rel in ("treats", "palliates"):
        for drug, disorder, _ in kg.edges(rel):
            out.setdefault(disorder, set()).add(drug)
    return {d: frozenset(s) for d, s in out.items()}


def mates_treating(kg: KnowledgeGraph, drug: Node, cands: Sequence[GraphCandidate]
                   ) -> dict[str, int]:  # fmt: skip
    """For each candidate stated of ``drug`` itself, how many other drugs of its classes (of
    at most ``COHERENT_CLASS_MAX`` members) are stated to treat it; empty when the drug has
    fewer than ``OFF_CLASS_SHARERS`` such class-mates (or no class known)."""
    classes = drug_classes(kg).get(drug.iri)
    if not classes:
        return {}
    members = class_members(kg)
    mates = frozenset().union(*(members.get(c, frozenset()) for c in classes)) - {drug.iri}
    if len(mates) < OFF_CLASS_SHARERS:
        return {}
    treated_by_any = treaters(kg)
    return {c.node.iri: len(treated_by_any.get(c.node.iri, frozenset()) & mates)
            for c in cands if c.via is None}  # fmt: skip


def off_indication(shared: dict[str, int]) -> set[str]:
    """What a drug is stated to treat that no drug of its classes is stated to treat, when
    others of its indications are (``shared``: :func:`mates_treating`): a combination
    product's other ingredient's indication (atorvastatin "treats" hypertension and angina,
    stated of its combination with amlodipine, by DrugCentral, SIDER and PharmacotherapyDB,
    while no other statin or lipid-lowering drug is; lidocaine scabies and lice, in a kit with
    permethrin). The mirror of :func:`off_class` for "What does X treat?"; a drug of no class
    known, or of no indication its classes share, is left as it is."""
    if not any(shared.values()):
        return set()
    return {iri for iri, held in shared.items() if not held}


def class_typical(shared: dict[str, int]) -> set[str]:
    """Of what a drug is stated to treat, what at least ``OFF_CLASS_SHARERS`` drugs of its
    classes are stated to treat too (``shared``: :func:`mates_treating`)."""
    return {iri for iri, held in shared.items() if held >= OFF_CLASS_SHARERS}


# what the prior adds to a side effect, times the largest share of the drug's class-mates
# (with side effects known) that state it too; counted in classes of at least this many
TYPICAL = 0.3
TYPICAL_PEERS = 3


@lru_cache(maxsize=2)
def side_effects(kg: KnowledgeGraph) -> dict[str, frozenset[str]]:
    """Each drug's side effects (IRIs), one bulk read of the graph, kept for its life (about a
    second and 30 MB, on the first question of side effects)."""
    out: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for drug, effect, _ in kg.edges("hasSideEffect"):
        out.setdefault(drug, set()).add(names.setdefault(effect, effect))
    return {d: frozenset(e) for d, e in out.items()}


def typicality(kg: KnowledgeGraph, drug: Node) -> dict[str, float]:
    """For each side effect of ``drug``, the largest share of the other members of one of its
    classes (of at most ``COHERENT_CLASS_MAX``, with ``TYPICAL_PEERS`` or more members of side
    effects known) that state it too: what a drug's class causes comes before what one trial
    of one label recorded (lisinopril's label lists postinfarction angina and persistent
    fetal circulation from its trials, at 12 % and 9 %; no other ACE inhibitor does; cough,
    at 3.5 %, nearly all do)."""
    classes = drug_classes(kg)
    own = classes.get(drug.iri)
    if not own:
        return {}
    effects = side_effects(kg)
    mine = effects.get(drug.iri, frozenset())
    members: dict[str, list[str]] = {}
    for d, held in classes.items():
        if d != drug.iri and held & own and d in effects:
            for c in held & own:
                members.setdefault(c, []).append(d)
    out: dict[str, float] = {}
    for peers in members.values():
        if len(peers) < TYPICAL_PEERS:
            continue
        counts = Counter(e for d in peers for e in effects[d] & mine)
        for e, n in counts.items():
            out[e] = max(out.get(e, 0.0), n / len(peers))
    return out


def commonness(kg: KnowledgeGraph, cands: list[GraphCandidate]) -> dict[str, int]:
    """How many drugs the graph says treat each candidate disease, and how many diseases
    each candidate drug treats: where the graph's own evidence ties, the one people meet more
    comes first. HPO annotates thrombocytopenia on 396 diseases, most of them rare, with one
    source each: "What causes low platelets?" listed Lujo haemorrhagic fever and 16q24.3
    microdeletion syndrome by the alphabet, not lupus, malaria and immune thrombocytopenic
    purpura; "Which antibiotics treat a bladder infection?" began with (S)-mandelic acid and
    acetohydroxamic acid, not the fluoroquinolones."""
    ends = {"Disease": "in", "Chemical": "out"}  # drugs: how many diseases they treat
    return {c.node.iri: len(kg.neighbours(c.node, "treats", direction=ends[c.node.cls]))
            for c in cands if c.node.cls in ends}  # fmt: skip


# the kinds of a disorder read for how many of them each drug is stated to treat (a broad
# disorder's nearest kinds; the walk stops after the level that reaches this many)
KINDS_READ = 200


def kinds_treated(kg: KnowledgeGraph, topic: Node, cands: list[GraphCandidate]) -> dict[str, int]:
    """How many kinds of the topic each candidate drug is stated to treat too: a drug whose
    labels name the disorder's forms one by one is given for it, where the graph's evidence
    ties ("What is the drug of choice for syphilis?" began with fusidic acid, amphotericin B
    and cyclophosphamide, each of one DrugCentral indication of plain "Syphilis", on lists
    that look copied from a tetracycline's; benzylpenicillin's labels state five kinds)."""
    treating = treaters(kg)
    kinds = kg.descendants(topic, limit=KINDS_READ)
    return {c.node.iri: sum(c.node.iri in treating.get(k.iri, ()) for k in kinds)
            for c in cands if c.node.cls == "Chemical"}  # fmt: skip


# the relations that place a GWAS lead variant in a gene (the gene that contains it, the gene
# the study reported)
_VARIANT_GENES = ("variantInGene", "variantReportedGene")


def gwas_studies(kg: KnowledgeGraph, topic: Node) -> dict[str, int]:
    """How many of the topic's GWAS associations (a lead variant, one statement per study)
    each gene holds or was reported for: where the graph's sources tie, the gene more studies
    found comes first ("What causes Parkinson's disease?" listed BST1, DGKQ, FAM47E-STBD1 by
    the alphabet, SNCA tenth; SNCA holds five of its lead variants). Empty for a topic with
    none."""
    out: dict[str, int] = {}
    for t in kg.neighbours(topic, "associatedWithVariant", direction="out"):
        genes = {g.object.iri for rel in _VARIANT_GENES
                 for g in kg.neighbours(t.object, rel, direction="out")}  # fmt: skip
        for iri in genes:
            out[iri] = out.get(iri, 0) + 1
    return out


def vocabularies(kg: KnowledgeGraph, cands: list[GraphCandidate]) -> dict[str, int]:
    """How many vocabularies (DO, MeSH, OMIM, Orphanet, ICD-10, SNOMED ...) give each
    candidate an id: a disease many of them file is one people meet and write about more than
    a syndrome only OMIM and its mirrors list, where nothing else tells them apart."""
    return kg.vocabularies(c.node for c in cands)


# a label indication for keeping a disorder away ("Migraine Prevention", "Prevention of
# Cerebrovascular Accident", "Malaria Prophylaxis")
PREVENTS = re.compile(r"\bprevent|\bprophyla", re.I)


def _prevention_said(t: Triple) -> str | None:
    """The label indication of the statement that says it prevents the disorder (None: none
    says so; a statement with no indication wording says nothing)."""
    return next((str(a.value) for stmt in t.attributes for a in stmt
                 if a.key == "indication" and PREVENTS.search(str(a.value))), None)  # fmt: skip


def prevention_indication(c: GraphCandidate) -> str | None:
    """The first label indication among the candidate's statements that says it prevents the
    disorder (None: none says so)."""
    return next(filter(None, map(_prevention_said, c.triples)), None)


# direct subtypes whose preventing drugs answer for the topic ("Plasmodium vivax malaria
# prevention" for malaria)
MAX_PREVENTED_KINDS = 60


@lru_cache(maxsize=256)
def preventing_candidates(kg: KnowledgeGraph, topic: Node) -> tuple[GraphCandidate, ...]:
    """The drugs a label indication gives for preventing ``topic`` (then a direct subtype of
    it, with the is-a step as the path), each with those statements and their attributes;
    empty when no indication says prevention. Kept for the graph's life: reading a question
    and answering it both ask (pain and its 60 kinds read: 0.3 s)."""
    found: dict[str, GraphCandidate] = {}
    kinds = kg.neighbours(topic, "subClassOf", direction="in")[:MAX_PREVENTED_KINDS]
    for end, step in [(topic, None), *((h.subject, h) for h in kinds)]:
        for t in kg.neighbours(end, "treats", direction="in", attributes=True):
            if _prevention_said(t) is None:
                continue
            c = found.get(t.subject.iri)
            if c is not None:
                found[t.subject.iri] = GraphCandidate(c.node, (*c.triples, t), c.via,
                                                      c.via_relation, c.path)  # fmt: skip
            elif step is None:
                found[t.subject.iri] = GraphCandidate(t.subject, (t,))
            else:
                found[t.subject.iri] = GraphCandidate(t.subject, (t,), end, "subtype", (step, t))
    return tuple(found.values())


def with_attributes(
    kg: KnowledgeGraph, topic: Node, intent: str, cands: list[GraphCandidate]
) -> list[GraphCandidate]:
    """The candidates' own triples with their annotations (HPO frequency, HSDN weight,
    PharmacotherapyDB curator count), one query per node the answers hang on (the topic,
    or the super- or subtypes standing in for it)."""
    ends = {(c.via or topic).iri: c.via or topic for c in cands}
    full: dict[Triple, Triple] = {}
    for end in ends.values():
        full.update(annotated(kg, end, intent))
    return [
        GraphCandidate(
            c.node,
            tuple(full.get(t, t) for t in c.triples),
            c.via,
            c.via_relation,
            tuple(full.get(t, t) for t in c.path),
            c.bridge,
        )
        for c in cands
    ]


def treated_by(kg: KnowledgeGraph, drug: Node) -> dict[str, Node]:
    """What the graph states ``drug`` treats or palliates, by IRI."""
    return {t.object.iri: t.object for rel in ("treats", "palliates")
            for t in kg.neighbours(drug, rel)}  # fmt: skip


def opposite_findings(kg: KnowledgeGraph, finding: Node) -> set[str]:
    """The findings that say the opposite of ``finding`` or of a finding above it: a level off
    the other way ("Decreased body weight", above *Weight loss*, gives *Increased body
    weight*). IRIs; empty when no finding above it says a level."""
    return {h.node.iri for n in (finding, *kg.ancestors(finding))
            for name in flipped_level(n.label)
            for h in kg.find(name, cls="Phenotype", limit=2)
            if h.match in ("exact", "normalized")}  # fmt: skip


def is_opposite(kg: KnowledgeGraph, disease: Node, opposite: set[str]) -> bool:
    """Whether ``disease`` is, by its own name, a finding below one of ``opposite``: obesity
    (HPO's *Obesity*, below *Increased body weight*) for weight loss, which abstracts name
    beside it as its treatment (HSDN put obesity first for "What causes weight loss?")."""
    if not opposite:
        return False
    for n in same_named(kg, disease):
        if n.cls == "Phenotype" and ({n.iri} | {a.iri for a in kg.ancestors(n)}) & opposite:
            return True
    return False


def rank_candidates(
    kg: KnowledgeGraph,
    verifier: Classifying,
    topic: Node,
    intent: str,
    cands: list[GraphCandidate],
    passages: list[Passage],
    words: frozenset[str] = frozenset(),
    off: set[str] | None = None,
) -> list[Answer]:
    """The best candidates by the intent's hop (in the registry's order) and prior; each one a
    graph statement of an asked relation states outright has support
    ``GRAPH_STATEMENT_SUPPORT``, the others are read by the verifier with their evidence.
    Sorted by support (two decimals, at most that of a statement), then by the hop and the
    prior. ``words``: the question's (:func:`asked_words`), for a label's wording it names
    (:func:`worded_as_asked`). ``off``: the drugs off class among all the graph states for the
    topic (:func:`off_class_stated`), read by the caller before the question left some out of
    ``cands`` ("other than steroids"); read here from ``cands`` when None."""
    spec = INTENTS[intent]
    if spec.annotated:
        cands = with_attributes(kg, topic, intent, cands)
    seen = commonness(kg, cands) if {"Disease", "Chemical"} & set(spec.answer_classes) else {}
    # a category as broad as "Abnormality of the gastrointestinal tract" or "disease by
    # infectious agent" (SIDER's "gastrointestinal disorder", "infection") says less than any
    # specific answer: it comes after them
    # (checked in the prior's order until the verified head is full of specific answers)
    # the intent's hops in their order: what causes a disease is its organism, then the way it
    # passes on, then the genes tied to it ("What causes malaria?" listed 62 genes, two
    # sources each, and Plasmodium, of one, fell out of the verified head)
    order = {h.relation: i for i, h in enumerate(spec.hops)}

    def hop(c: GraphCandidate) -> int:
        return min((order.get(t.relation, len(order)) for t in c.triples), default=len(order))

    # the diseases that show a finding: those people meet (more drugs treat them) before
    # rare ones of as many sources ("What causes hives?" began with cystic echinococcosis)
    met = COMMON_WEIGHT if intent in _COMMON_FIRST else 0.0

    # ... and not by HPO's frequency, which says how many with a disease show the finding
    by_frequency = intent not in _COMMON_FIRST

    # a kind the disease ontologies state before one only MeSH's tree files under the topic:
    # the tree files "Diabetes Complications" and "Diabetes Mellitus, Experimental" under
    # diabetes, and they came before type 1 and type 2
    tree_only = MESH_TREE_ONLY if spec.relation == "subClassOf" else 0.0
    # what the drug's class-mates are stated to treat of what it is ("What does X treat?")
    shared = (mates_treating(kg, topic, cands)
              if intent == "diseases_for_drug" and topic.cls == "Chemical" else {})  # fmt: skip
    # (among all the drugs stated, not only those the question left: a pruritic rash's
    # drugs "other than steroids" were sodium phosphate, calcium dobesilate, exifone and thiram,
    # a corticosteroid product's label rows, when the steroids no longer outvoted them)
    apart = ((off if off is not None else off_class_stated(kg, cands, topic))
             if intent == "drugs_for_disease" else off_indication(shared))  # fmt: skip
    typical = (typicality(kg, topic)
               if intent == "side_effects_of_drug" and topic.cls == "Chemical" else {})  # fmt: skip

    # the question's words, read against a label's wording (treatment statements only)
    worded = bool(words) and any(h.relation in WORDED_RELATIONS for h in spec.hops)
    # (a disease's: what keeps a symptom away treats it, the setrons' "Prevention of
    # Chemotherapy-Induced Nausea and Vomiting")
    treating = (intent == "drugs_for_disease" and topic.cls == "Disease"
                and not any(map(_ASKS_KEEPING_AWAY.match, words)))  # fmt: skip

    def pre(c: GraphCandidate) -> float:
        common = met * math.log1p(min(seen.get(c.node.iri, 0), COMMON_ENOUGH))
        filed = tree_only if _sources(c) == {"mesh"} else 0.0
        alone = OFF_CLASS if c.node.iri in apart else 0.0
        kept_away = PREVENTION_ONLY if treating and c.via is None and prevention_only(c) else 0.0
        kin = TYPICAL * typical.get(c.node.iri, 0.0) if c.via is None else 0.0
        if worded and worded_as_asked(c, words):  # the kind the question names, as a label does
            kin += ASKED_WORDING + (NARROWER if _only_narrower(c) else 0.0)
        return prior(c, frequency=by_frequency) + common - filed - alone - kept_away + kin

    # where all else ties (rare syndromes no drug treats, of one source), a disease more
    # vocabularies know comes first ("What diseases cause arachnodactyly?": Marfan syndrome,
    # in 12 of them, not behind 14 syndromes only OMIM and its mirrors list), then one most of
    # whose patients show the finding, not the first in the alphabet ("Which syndromes are
    # associated with craniosynostosis?" began "15q overgrowth syndrome", "16p13.11
    # microduplication syndrome", ...)
    known = vocabularies(kg, cands) if intent in _COMMON_FIRST else {}
    forms = kinds_treated(kg, topic, cands) if intent == "drugs_for_disease" else {}
    studies = (gwas_studies(kg, topic) if topic.cls == "Disease"
               and any(h.relation == "associatedWithGene" for h in spec.hops) else {})  # fmt: skip

    def shown_by_most(c: GraphCandidate) -> float:
        return prior_frequency(c) if not by_frequency else 0.0

    # a drug's classes, the FDA's first, then the narrowest: "HMG-CoA Reductase Inhibitor" (of
    # 8 drugs) before "Enzyme Inhibitors" (and not by the alphabet, which put "Antimetabolites"
    # before it)
    sizes = class_sizes(kg) if intent == "class_of_drug" else {}

    def size(c: GraphCandidate) -> tuple[int, int]:
        if not sizes:
            return (0, 0)
        vocabulary = c.node.curie.split(":")[0]
        return (_CLASS_VOCABULARIES.get(vocabulary, len(_CLASS_VOCABULARIES)),
                sizes.get(c.node.iri, 0))  # fmt: skip

    cands = sorted(cands, key=lambda c: (hop(c), -pre(c), -resources(c), -forms.get(c.node.iri, 0),
                                         -seen.get(c.node.iri, 0), -known.get(c.node.iri, 0),
                                         -shown_by_most(c), size(c),
                                         -studies.get(c.node.iri, 0), c.node.label))  # fmt: skip
    specific: list[GraphCandidate] = []
    broad_cands: list[GraphCandidate] = []
    # a disease that is the finding's opposite comes last, with the categories
    against = opposite_findings(kg, topic) if intent in _COMMON_FIRST else set()
    # ... and so does a side effect the drug is stated to treat: a label's adverse events
    # naming what it is given for (otitis externa for ciprofloxacin, ovarian cancer for
    # altretamine)
    treated = treated_by(kg, topic) if intent == "side_effects_of_drug" else {}

    def given_for(node: Node) -> bool:
        return bool(treated) and any(n.iri in treated for n in same_named(kg, node))

    at = 0
    while at < len(cands) and len(specific) < MAX_VERIFIED:
        c = cands[at]
        at += 1
        categorical = ((c.node.cls in _CATEGORIES and not _often_written(c)
                       and has_more_subtypes(kg, c.node, BROAD_ANSWER))
                       or (intent == "causes" and broad_cause(kg, c.node)))  # fmt: skip
        last = categorical or is_opposite(kg, c.node, against) or given_for(c.node)
        (broad_cands if last else specific).append(c)
    # ... unless the drug's class is given for it: oxycodone's pain, which 21 of its
    # class-mates treat, had come after pityriasis versicolor and tinea (DrugCentral's rows of
    # another product's label)
    broad = {c.node.iri for c in broad_cands} - class_typical(shared)
    head = (specific + broad_cands + cands[at:])[:MAX_VERIFIED]
    # a curated statement of the asked relation about the topic itself states the answer: it
    # needs no model to say so (the verifier gave such statements ≥ 0.99 on the dev questions,
    # at 150 ms a question); what the graph says only of a super- or subtype, or in another
    # relation, is read by the verifier
    asked = {h.relation for h in spec.hops}
    stated = [c.via is None and bool(asked & {t.relation for t in c.triples}) for c in head]
    claims, evidence, passage_sets = [], [], []
    for c, own_statement in zip(head, stated, strict=True):
        ps = mentioning(passages, c.node)
        passage_sets.append(ps)
        if own_statement:
            continue
        own = {t.relation for t in c.triples}
        relation = None if spec.relation in own or not own else sorted(own)[0]
        claims.append(claim_for(intent, topic, c.node, relation=relation))
        evidence.append(f"{c.bridge} {evidence_text(list(c.path) + list(c.triples), ps)}".strip())
    probs = iter(verify_pairs(verifier, claims, evidence))
    scored = []
    for c, own_statement, ps in zip(head, stated, passage_sets, strict=True):
        ev = Evidence(tuple(c.triples), tuple(ps[:3]), tuple(c.path))
        support = GRAPH_STATEMENT_SUPPORT if own_statement else round(float(next(probs)[0]), 4)
        answer = Answer(c.node, support, ev, c.via, c.via_relation, support=support)
        scored.append((answer, (hop(c), -pre(c), -resources(c), -forms.get(c.node.iri, 0))))
    # a verified answer ranks with a stated one at most (the verifier's 0.9997 is no better
    # than a curated statement), then the hop and the graph's prior decide (and the ties as
    # above)
    ties = {c.node.iri: (-known.get(c.node.iri, 0), -shown_by_most(c), size(c),
                         -studies.get(c.node.iri, 0)) for c in head}  # fmt: skip
    scored.sort(key=lambda x: (-round(min(x[0].score, GRAPH_STATEMENT_SUPPORT), 2),
                               x[0].node.iri in broad, x[1], -seen.get(x[0].node.iri, 0),
                               ties[x[0].node.iri], x[0].node.label))  # fmt: skip
    return [a for a, _ in scored]
