"""Typed records handed between stages. All frozen dataclasses; none of them is a dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["out", "in", "both"]
# a mention whose best candidate scores under this is NIL: it links nothing (``Mention.linked``)
NIL_THRESHOLD = 0.75


@dataclass(frozen=True)
class Node:
    """A graph node: one concept, reachable from all its ids and names."""

    iri: str
    curie: str
    label: str
    cls: str

    def __str__(self) -> str:
        return f"{self.label} [{self.curie}]"


@dataclass(frozen=True)
class NameMatch:
    """A node found by name, with the name that matched and how."""

    node: Node
    name: str
    match: Literal["id", "exact", "normalized"]
    kind: Literal["id", "label", "synonym"]
    lang: str = "en"


@dataclass(frozen=True)
class Attribute:
    """One attribute of an annotated edge (frequency, reference, weight, licence, ...)."""

    key: str
    value: str | int | float


@dataclass(frozen=True)
class Triple:
    """An edge with the source (named graph) that asserts it.

    ``attributes`` holds the annotation statements' attributes when they were asked for.
    """

    subject: Node
    relation: str
    object: Node
    source: str
    attributes: tuple[tuple[Attribute, ...], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.subject} --{self.relation}--> {self.object} ({self.source})"


@dataclass(frozen=True)
class GraphStats:
    """Counts of nodes per class, edges per relation and quads per source; ``edges_by_source``
    and ``edges_by_licence`` count relation edges (is-a included) per named graph and per its
    licence; ``coverage`` holds headline counts (drugs with an indication, disease nodes with a
    Chinese label, curated duplicate disease pairs before and after identity merging ...)."""

    classes: dict[str, int]
    relations: dict[str, int]
    sources: dict[str, int]
    edges_by_source: dict[str, int] = field(default_factory=dict)
    edges_by_licence: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, int] = field(default_factory=dict)


# ------------------------------------------------------------------ diagnosis
@dataclass(frozen=True)
class Finding:
    """A patient finding linked to a phenotype node; ``excluded`` when it is absent/negated."""

    node: Node
    excluded: bool = False
    text: str = ""


@dataclass(frozen=True)
class FindingContribution:
    """How much one finding adds to (or takes from) one disease, and why.

    ``kind``: implied (the disease is annotated with this finding or a more specific one),
    specific (the finding is more specific than an annotated phenotype), related (both sit
    under a common ancestor), unexplained, contradicted (a NOT annotation), excluded-consistent,
    excluded-contradicts (the disease usually has the excluded finding).
    ``path`` runs through the ontology from the finding to the annotated phenotype.
    """

    finding: Finding
    log_lr: float
    kind: str
    matched: Node | None
    path: tuple[Node, ...] = ()
    frequency: float | None = None


@dataclass(frozen=True)
class RankedDisease:
    """One disease of the differential, with its explanation."""

    node: Node
    rank: int
    score: float
    posterior: float
    contributions: tuple[FindingContribution, ...]
    missing_frequent: tuple[tuple[Node, float], ...] = ()
    # the same disease under other ids (an identical name), merged into this entry
    also: tuple[Node, ...] = ()

    @property
    def explained(self) -> tuple[FindingContribution, ...]:
        return tuple(c for c in self.contributions if c.kind in ("implied", "specific", "related"))

    @property
    def contradictions(self) -> tuple[FindingContribution, ...]:
        return tuple(
            c for c in self.contributions if c.kind in ("contradicted", "excluded-contradicts")
        )


@dataclass(frozen=True)
class NextFinding:
    """A phenotype worth checking next, by expected information gain over the top candidates,
    with the candidates it separates: those that usually have it, those never annotated
    with it."""

    node: Node
    information_gain: float
    p_present: float
    present_in: tuple[Node, ...] = ()
    absent_in: tuple[Node, ...] = ()


@dataclass(frozen=True)
class DiagnosisCheck:
    """The verdict on a proposed diagnosis."""

    disease: Node
    verdict: Literal["consistent", "weakly consistent", "inconsistent", "not scorable"]
    rank: int | None
    reason: str
    explanation: RankedDisease | None = None


@dataclass(frozen=True)
class DrugCheck:
    """What the graph says about a drug for a disease (or one of its ancestors, ``via``)."""

    drug: Node
    disease: Node
    relation: Literal["treats", "palliates", "notIndicatedFor", "none"]
    via: Node | None = None
    evidence: tuple[Triple, ...] = ()


@dataclass(frozen=True)
class Differential:
    """The ranked differential diagnosis for a set of findings."""

    findings: tuple[Finding, ...]
    unlinked: tuple[str, ...]
    ranked: tuple[RankedDisease, ...]
    suggestions: tuple[NextFinding, ...] = ()
    proposed: DiagnosisCheck | None = None
    drugs: tuple[DrugCheck, ...] = ()
    n_diseases: int = 0


MatchKind = Literal["annotated", "id", "exact", "normalized", "abbreviation", "fuzzy", "dense"]


@dataclass(frozen=True)
class Candidate:
    """A node a mention may refer to, with the name that matched, how, and a score in [0, 1]."""

    node: Node
    score: float
    match: MatchKind
    name: str


@dataclass(frozen=True)
class Mention:
    """A typed span of the input text with its ranked candidate nodes (empty: NIL).

    ``start``/``end`` are character offsets into the text given to ``link``; ``score`` is the
    tagger's confidence in the span (1.0 for dictionary spans); ``negated``: the text says it
    is absent ("no fever") or leaves it out ("other than allopurinol", "allergic to
    penicillin", "non-opioid").
    """

    start: int
    end: int
    text: str
    type: str
    negated: bool
    score: float
    candidates: tuple[Candidate, ...] = ()

    @property
    def node(self) -> Node | None:
        """The best candidate's node, however unsure (None only with no candidate at all)."""
        return self.candidates[0].node if self.candidates else None

    @property
    def linked(self) -> Node | None:
        """The best candidate's node when it scores at least the NIL threshold (what kgqa reads
        the words as naming), else None: "heridity condition" has *histidinemia* as its best
        candidate, at 0.50, and links nothing."""
        if not self.candidates or self.candidates[0].score < NIL_THRESHOLD:
            return None
        return self.candidates[0].node


@dataclass(frozen=True)
class Passage:
    """A retrieved passage: its text, where it comes from (``source`` and ``source_id``: a
    MedQuAD question id, an HPO id or a PMID), the graph nodes it is about, and its scores."""

    pid: int
    text: str
    title: str
    source: str
    source_id: str
    url: str
    qtype: str
    nodes: tuple[str, ...]
    score: float
    dense_score: float | None = None
    lexical_score: float | None = None


@dataclass(frozen=True)
class Evidence:
    """Why an answer holds: graph triples (each with its source), passages (each with its
    source id), and for answers reached through the hierarchy or a second hop, the path."""

    triples: tuple[Triple, ...] = ()
    passages: tuple[Passage, ...] = ()
    path: tuple[Triple, ...] = ()


@dataclass(frozen=True)
class Answer:
    """One answer: the node, its score (the probability that it answers the question: the
    support of its evidence, discounted by how sure kgqa is of the question's intent and topic),
    and the evidence. ``via`` names the super- or subtype the graph statement is
    about when it is not the asked entity itself."""

    node: Node
    score: float
    evidence: Evidence
    via: Node | None = None
    # "supertype" | "subtype" | "member" | "same concept" | "shown by" (a disease that shows
    # the finding asked about, whose gene the answer is)
    via_relation: str | None = None
    verdict: str = "supported"
    # the verifier's probability that the evidence states the answer's edge; ``score`` is
    # the probability that the answer answers the question (also how the question was read)
    support: float | None = None


@dataclass(frozen=True)
class Verdict:
    """The verdict on a claim: supported, refuted or unknown, with its evidence."""

    claim: str
    verdict: Literal["supported", "refuted", "unknown"]
    score: float
    probabilities: tuple[tuple[str, float], ...]
    subject: Node | None
    relation: str | None
    object: Node | None
    negated: bool
    evidence: Evidence
    reason: str = ""


@dataclass(frozen=True)
class Reading:
    """How a question was read, as ``ask`` shows it: the intent and how sure the classifier
    is, the topic and how sure the linker is (and whether its mention was negated), the
    relation asked and from which end, and the question's polarity (``negated``: "Which genes
    are not associated with X?", which kgqa does not answer from positive statements)."""

    intent: str
    intent_score: float
    topic: Node | None = None
    topic_score: float = 0.0
    topic_negated: bool = False
    relation: str | None = None
    reversed: bool = False
    polarity: Literal["positive", "negated", "contraindication"] = "positive"
    # further topics asked of together with ``topic`` ("Which gene is associated with both
    # A and B?"): an answer holds for each
    also: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Result:
    """The answer to a question. ``answers`` holds only supported answers. A yes/no question
    (a claim) is answered by ``verdict`` instead, with ``answers`` empty. ``no_answer`` is True
    exactly when nothing answers: no answers, and no verdict other than ``unknown``; then
    ``reason`` says why. With options, ``options`` holds every option with its score and
    evidence and ``answers[0]`` is the best-supported one."""

    question: str
    intent: str
    intent_score: float
    mentions: tuple[Mention, ...]
    answers: tuple[Answer, ...]
    no_answer: bool
    reason: str = ""
    passages: tuple[Passage, ...] = ()
    options: tuple[Answer, ...] = ()
    verdict: Verdict | None = None
    differential: Differential | None = None
    topic: Node | None = None
    reading: Reading | None = None


@dataclass(frozen=True)
class PhenotypeAnnotation:
    """One annotated phenotype of a disease (``negated`` for lacksPhenotype), with its
    frequency (NaN when the source gives none) and references."""

    disease: str  # IRI
    phenotype: str  # IRI
    frequency: float
    negated: bool
    references: tuple[str, ...]


# ------------------------------------------------------------ evidence as a graph
@dataclass(frozen=True)
class GraphNode:
    """A node of an evidence graph: its id (CURIE), IRI, English label, class, and its Chinese
    label where the graph has one."""

    id: str
    iri: str
    label: str
    cls: str
    label_zh: str = ""


@dataclass(frozen=True)
class GraphEdge:
    """An edge of an evidence graph: subject and object by node id, the relation, the source
    (named graph) that asserts it and its licence, and its attributes (frequency, p-value,
    references ...) from the source's annotation statements."""

    id: str
    subject: str
    relation: str
    object: str
    source: str
    attributes: tuple[Attribute, ...] = ()
    licence: str = ""


@dataclass(frozen=True)
class Binding:
    """One result bound to the evidence graph, in the spirit of TRAPI: the node it is about
    (an answer, an option, a claim's subject, a disease of the differential, a checked drug),
    its probability (None for a drug check, which states what the graph says and no more) and
    verdict (for a drug check, the relation found), and the ids of the edges and passages that
    support it."""

    node: str
    score: float | None
    verdict: str
    edges: tuple[str, ...] = ()
    passages: tuple[int, ...] = ()
    role: Literal["answer", "option", "claim", "diagnosis", "drug"] = "answer"


@dataclass(frozen=True)
class EvidenceGraph:
    """Why: a small knowledge graph of the nodes and edges behind every answer, verdict or
    differential, the passages cited (by ``pid``), and the bindings of results to them."""

    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()
    passages: tuple[Passage, ...] = ()
    bindings: tuple[Binding, ...] = ()


@dataclass(frozen=True)
class AskReply:
    """What ``ask`` returns over JSON (CLI ``--json`` and REST): the result and its evidence
    graph."""

    result: Result
    graph: EvidenceGraph


@dataclass(frozen=True)
class VerifyReply:
    """What ``verify`` returns over JSON: the verdict and its evidence graph."""

    verdict: Verdict
    graph: EvidenceGraph


@dataclass(frozen=True)
class DiagnoseReply:
    """What ``diagnose`` returns over JSON: the differential and its evidence graph."""

    differential: Differential
    graph: EvidenceGraph
