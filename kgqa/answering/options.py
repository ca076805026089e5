"""Multiple choice: link each option, then rank every option by how the graph and the text tie
it to the question's topic. For each option the verifier reads the claim that it answers the
question with its evidence (graph edges of the intent's relation, contradicting statements,
passages); :mod:`~kgqa.answering.relatedness` adds what the graph says beyond a direct edge
(the topic's super- and subtypes, GWAS variants, shared neighbours), and the option model turns
it all into each option's probability of being the answer. The top option is the answer,
``supported`` when the graph or a passage states it, else ``unsupported``: the best guess,
labelled as one. Every option keeps its probability in ``Result.options``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from kgqa.answering.candidates import finding_gene_statements, finding_genes, one_hop, same_named
from kgqa.answering.ranking import (
    SUPPORT_THRESHOLD,
    claim_for,
    evidence_text,
    mentioning,
    passages_about,
    verify_pairs,
)
from kgqa.answering.relatedness import OptionFeatures, OptionModel, TopicContext
from kgqa.answering.verification import GRAPH_ONLY_SUPPORT
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.candidates import NIL_THRESHOLD, close_candidate
from kgqa.records import Answer, Evidence, Node, Passage, Result, Triple
from kgqa.stages import Classifying, Diagnosing, Linking, Retrieving
from kgqa.understanding.claims import inheritance_mode
from kgqa.understanding.registry import CUES, INTENTS
from kgqa.understanding.router import Linked, co_topics, linked, topic_of
from kgqa.validation import MAX_OPTIONS

Statements = Callable[[Node, str, Node], list[Triple]]


def _option_nodes(kg: KnowledgeGraph, options: Sequence[str], linked_options: Sequence[Linked],
                  classes: Sequence[str] = ()) -> list[Node | None]:  # fmt: skip
    """Each option's node: a node of ``classes`` (the answer classes of the question) that the
    option names exactly, else of its linked mentions the first whose candidates hold a node of
    ``classes`` close to the top one ("arachnodactyly" is the HPO phenotype, not the MeSH
    heading), else its first linked mention, else the graph's best name match."""
    out: list[Node | None] = []
    for opt, found in zip(options, linked_options, strict=True):
        # an option that is exactly a name of the answer class is that node ("DMD" among genes
        # is the gene, though the linker reads it alone as Duchenne muscular dystrophy)
        exact = [
            h.node
            for h in kg.find(opt.strip(), limit=10)
            if h.node.cls in classes and h.match in ("exact", "id") and h.name == opt.strip()
        ]
        if not exact and "Inheritance" in classes:
            # "autosomal recessive" is HPO's "Autosomal recessive inheritance", not the
            # disease category the linker reads it as
            mode = inheritance_mode(kg, opt.strip())
            exact = [mode] if mode is not None else []
        fitting = (close_candidate(m, lambda n: n.cls in classes) for m, _ in found)
        node = (exact[0] if exact else next((n for n in fitting if n is not None), None)
                ) if classes else None  # fmt: skip
        node = node or (found[0][1] if found else None)
        if node is None:
            hits = kg.find(opt.strip(), limit=1)
            node = hits[0].node if hits else None
        out.append(node)
    return out


def intent_for_options(text: str, intent: str, found: Linked,
                       option_nodes: Sequence[Node | None]) -> str:  # fmt: skip
    """The intent a multiple-choice question asks: its own when it has a relation to test and
    the question names its topic, else the one whose answers are of the options' class and
    whose topic the question names (an intent whose cue words the question holds first, then
    registry order): "Which of these is NOT a symptom of Marfan syndrome?" over phenotypes
    reads as its symptoms even when the classifier took the list of findings for a diagnosis
    (or, as it did, for drugs acting on a gene)."""
    spec = INTENTS.get(intent)
    iris = {n.iri for n in option_nodes if n is not None}
    topics = [x for x in found if x[1].iri not in iris]
    classes = [n.cls for n in option_nodes if n is not None]
    # the intents whose answers most options are, of a topic the question names; cue first
    covered = {
        name: sum(c in i.answer_classes for c in classes)
        for name, i in INTENTS.items()
        if i.relation and topic_of(name, topics) is not None
    }
    best = max(covered.values(), default=0)
    # its own intent, unless another one's answers are more of the options ("Which of the
    # following is a symptom of hypothyroidism?" read as the diseases that show it, of options
    # that are findings)
    own = spec is not None and spec.relation is not None and topic_of(intent, topics) is not None
    if own and covered.get(intent, 0) >= best:
        return intent
    if not classes:
        return intent
    fits = [name for name, n in covered.items() if n == best and n > 0]
    cued = [name for name in fits if name in CUES and CUES[name].search(text)]
    return (cued or fits or [intent])[0]


@dataclass(frozen=True)
class OptionEvidence:
    """One option with what was read for it."""

    node: Node
    triples: tuple[Triple, ...]
    passages: tuple[Passage, ...]
    claim_p: float  # the verifier's P(supported) for its claim with this evidence
    contradicted: bool
    features: OptionFeatures
    # passages about the topic that name the option (the others read are about it alone)
    own: int = 0


def read_options(
    text: str,
    intent: str,
    topic: Node,
    nodes: Sequence[Node],
    *,
    kg: KnowledgeGraph,
    verifier: Classifying,
    retriever: Retrieving | None,
    statements: Statements,
    hide: str | None = None,
) -> tuple[list[OptionEvidence], list[Passage]]:
    """Evidence and features of each option as an answer to ``intent`` about ``topic`` (an
    intent with a relation), and the topic's passages. ``hide`` (an option's IRI) reads the
    graph as if it lacked that option's direct edge: how the option model learns what the
    rest of the evidence is worth."""
    spec = INTENTS[intent]
    relation = spec.relation
    if relation is None:
        raise InputError(f"intent {intent!r} has no relation to read options against")
    topic_passages = passages_about(retriever, text, [topic])
    graph = one_hop(kg, topic, intent)
    claims, evidence, metas = [], [], []
    for node in nodes:
        hidden = node.iri == hide
        triples = [] if hidden else list(graph.get(node.iri, []))
        contradicting = []
        s_, o_ = (node, topic) if spec.reversed else (topic, node)
        # statements that contradict the option ("not indicated for") are evidence too
        for t in statements(s_, relation, o_):
            if t not in triples and not (hidden and t.relation == relation):
                triples.append(t)
                if t.relation != relation:
                    contradicting.append(t)
        own = mentioning(topic_passages, node)
        ps = own or (passages_about(retriever, text, [node], k=3) if not triples else [])
        claims.append(claim_for(intent, topic, node))
        evidence.append(evidence_text(triples, ps))
        metas.append((node, triples, ps, len(own), bool(contradicting)))
    probs = verify_pairs(verifier, claims, evidence)
    context = TopicContext(kg, topic, intent)
    out = []
    for (node, triples, ps, n_own, contra), p in zip(metas, probs, strict=True):
        p_claim = float(p[0])
        row = context.features(node, p_claim, n_own, contra, hide_direct=node.iri == hide)
        out.append(OptionEvidence(node, tuple(triples), tuple(ps), p_claim, contra, row, n_own))
    return out, topic_passages


@lru_cache(maxsize=1)
def option_model() -> OptionModel:
    """The committed option model, loaded once."""
    return OptionModel.load()


# the diseases a findings question is weighed through, and each option's floor among them
DIAGNOSED_K = 10
PATH_FLOOR = 0.01


def through_diagnosis(
    text: str,
    intent: str,
    found: Linked,
    nodes: Sequence[Node],
    diagnoser: Diagnosing,
    statements: Statements,
) -> tuple[list[float], list[tuple[Triple, ...]], str] | None:
    """Options weighed through the diseases a question's findings suggest ("A child with
    recurrent lung infections and salty sweat most likely has a mutation in which gene?"): each
    option's probability is the diagnosis posterior of the diseases the graph ties it to by the
    intent's relation (normalised over the options, ``PATH_FLOOR`` each at least), with those
    statements as its evidence. None when the question names a disease, fewer than two
    findings, an intent not about a disease, or no option is tied to a suggested disease."""
    spec = INTENTS.get(intent)
    if spec is None or spec.relation is None or "Disease" not in spec.topic_classes:
        return None
    # a mention that may be read as a finding is one ("ectopia lentis" links to the disease
    # "isolated ectopia lentis", and has the HPO term among its candidates)
    options_iris = {o.iri for o in nodes}
    asked = [m for m, n in found if n.iri not in options_iris]
    findings = [m for m in asked if any(c.node.cls == "Phenotype" and c.score >= NIL_THRESHOLD
                                        for c in m.candidates)]  # fmt: skip
    if len(findings) < 2 or len(findings) < len(asked):
        return None
    ranked = diagnoser.diagnose(text, k=DIAGNOSED_K).ranked[:DIAGNOSED_K]
    weights, evidence = [], []
    for option in nodes:
        held: list[Triple] = []
        weight = 0.0
        for r in ranked:
            pair = (option, r.node) if spec.reversed else (r.node, option)
            stated = statements(pair[0], spec.relation, pair[1])
            if any(t.relation == spec.relation for t in stated):
                weight += float(r.posterior)
                held += [t for t in stated if t.relation == spec.relation][:1]
        weights.append(weight)
        evidence.append(tuple(held[:3]))
    if not any(weights):
        return None
    total = sum(w + PATH_FLOOR for w in weights)
    suggested = ", ".join(f"{r.node.label} {float(r.posterior):.2f}" for r in ranked[:3])
    return [(w + PATH_FLOOR) / total for w in weights], evidence, suggested


Weighed = tuple[list[float], list[tuple[Triple, ...]]]


def through_finding(kg: KnowledgeGraph, intent: str, topic: Node | None,
                    nodes: Sequence[Node]) -> Weighed | None:  # fmt: skip
    """Gene options of a finding the graph ties no gene to, weighed through the diseases that
    show it ("Which gene is associated with hearing loss? GJB2, TP53, BRCA1, INS": INS came
    first, at 0.71, from the graph's neighbours around it; GJB2 is the gene of the deafness
    types): each option's probability is its score of :func:`finding_genes` (normalised over
    the options, ``PATH_FLOOR`` of the top score each at least), with its diseases' gene
    statements as its evidence; a disease topic is read as the finding of its name, when there
    is one. None for another intent or topic, or when no option is the gene of a disease that
    shows the finding."""
    if intent != "genes_of_disease" or topic is None:
        return None
    if topic.cls != "Phenotype":
        # a disease of a finding's name ("albinism" linked China's rare-disease list entry,
        # "hypercholesterolemia" MeSH's heading, neither with a gene; TYR and LDLR came after
        # LDLR and DMD): the finding of that name
        topic = next((n for n in same_named(kg, topic) if n.cls == "Phenotype"), None)
        if topic is None:
            return None
    found = finding_genes(kg, topic)
    if found is None:
        return None
    scores = [found.scores.get(n.iri, 0.0) for n in nodes]
    if not any(scores):
        return None
    floor = PATH_FLOOR * max(scores)
    total = sum(x + floor for x in scores)
    evidence = [tuple(finding_gene_statements(kg, found, n, most=3)) for n in nodes]
    return [(x + floor) / total for x in scores], evidence


def _weighed(answers: Sequence[Answer], probs: Sequence[float],
             held: Sequence[tuple[Triple, ...]]) -> list[Answer]:  # fmt: skip
    """The options weighed along a path (the diseases a vignette suggests, or those that show
    the finding asked about): each its path's probability, the path's statements first in its
    evidence, and a best guess, not a statement."""
    return [replace(a, score=round(p, 4), verdict="unsupported",
                    evidence=Evidence(tuple(h) + a.evidence.triples, a.evidence.passages))
            for a, p, h in zip(answers, probs, held, strict=True)]  # fmt: skip


# the further topics an option is weighed against ("associated with A and B and C")
MAX_CO_TOPICS = 2


def _stated(r: OptionEvidence, text_states: bool) -> bool:
    """Whether the graph (directly or through the topic's hierarchy) or, for a relation a
    passage may state, the verifier reading a passage about the topic that names the option
    states it (passages about the option alone rank it, and state nothing of the topic: the
    verifier found cystic fibrosis "autosomal dominant" in a passage on that mode)."""
    return bool(r.features.values[0] or r.features.values[1]
                or (r.claim_p >= SUPPORT_THRESHOLD
                    and (r.triples or (text_states and r.own > 0))))  # fmt: skip


def answer_options(
    text: str,
    intent: str,
    found: Linked,
    options: Sequence[str],
    base: dict[str, Any],
    *,
    kg: KnowledgeGraph,
    linker: Linking,
    verifier: Classifying,
    retriever: Retrieving | None,
    statements: Statements,
    diagnoser: Diagnosing | None = None,
) -> Result:
    """The options ranked for the question ``text`` read as ``intent`` about ``found``."""
    if len(options) > MAX_OPTIONS:
        raise InputError(f"at most {MAX_OPTIONS} options")
    if any(not isinstance(opt, str) or not opt.strip() for opt in options):
        raise InputError("options must be non-empty text")
    linked_options = [linked(m) for m in linker.link_many(list(options))]  # linked once
    # linked first as the answers of the intent read ("autosomal recessive" as a mode of
    # inheritance, not a disease category), then as those of the intent the options fit
    classes_read = INTENTS[intent].answer_classes if intent in INTENTS else ()
    option_nodes = _option_nodes(kg, options, linked_options, classes_read)
    asked = intent_for_options(text, intent, found, option_nodes)
    if asked != intent:
        intent = asked
        base = {**base, "intent": intent}
        if base.get("reading") is not None:
            base["reading"] = replace(base["reading"], intent=intent,
                                      relation=INTENTS[intent].relation,
                                      reversed=INTENTS[intent].reversed)  # fmt: skip
    spec = INTENTS.get(intent)
    if spec is not None and spec.answer_classes:
        option_nodes = _option_nodes(kg, options, linked_options, spec.answer_classes)
    option_iris = {n.iri for n in option_nodes if n is not None}
    topic = next((n for _, n in found if n.iri not in option_iris), None)
    nodes = list({n.iri: n for n in option_nodes if n is not None}.values())
    topic_passages: list[Passage] = []
    answers = []
    asked_of: list[Node] = [topic] if topic is not None else []
    partly: dict[str, list[str]] = {}
    reading = base.get("reading")
    negated = reading is not None and reading.polarity == "negated"
    if topic is not None and spec is not None and spec.relation is not None:
        # "Which gene is associated with psoriasis and Takayasu's arteritis?": every topic
        # the question asks of together; an option answers for each of them
        also = [t for t in co_topics(text, intent, found, topic) if t.iri not in option_iris]
        readings = []
        asked_of = [topic, *also[:MAX_CO_TOPICS]]
        for t in asked_of:
            read, passages = read_options(text, intent, t, nodes, kg=kg, verifier=verifier,
                                          retriever=retriever, statements=statements)  # fmt: skip
            readings.append(read)
            topic_passages = topic_passages or passages
        # "Which of these is NOT a symptom of X?": the option least tied to the topic answers
        probs = option_model().joint_probabilities(
            [[r.features for r in read] for read in readings], negated=negated
        )
        # a passage alone states no treatment or side effect (it may be a warning): without a
        # graph statement the verifier's reading of it ranks the option but supports nothing
        text_states = spec.relation not in GRAPH_ONLY_SUPPORT
        stated_for = [[_stated(r[j], text_states) for r in readings] for j in range(len(nodes))]
        stated_of = [all(each) for each in stated_for]
        partly = {n.iri: [t.label for t, x in zip(asked_of, each, strict=True) if x]
                  for n, each in zip(nodes, stated_for, strict=True) if any(each)}  # fmt: skip
        for j, (r, p) in enumerate(zip(readings[0], probs, strict=True)):
            direct = r.features.values[0]
            triples = tuple(t for read in readings for t in read[j].triples)
            contradicted = any(read[j].contradicted for read in readings)
            if negated:  # supported: the graph states it of every other option, not of this one
                others = all(x for i, x in enumerate(stated_of) if i != j)
                verdict = "supported" if others and not stated_of[j] else "unsupported"
            else:
                verdict = ("supported" if stated_of[j] and not contradicted
                           else "unsupported")  # fmt: skip
            support = min(read[j].claim_p for read in readings)
            answers.append(Answer(r.node, round(float(p), 4),
                                  Evidence(triples, r.passages[:3]),
                                  via=None if direct else r.features.via,
                                  via_relation="hierarchy" if r.features.via and not direct
                                  else None, verdict=verdict,
                                  support=round(support, 4)))  # fmt: skip
    elif nodes:
        # no relation to test: the verifier compares the question with each option
        claims = [f"{text} {n.label}" for n in nodes]
        passage_sets = [passages_about(retriever, text, [n], k=3) for n in nodes]
        evidence = [evidence_text([], ps) for ps in passage_sets]
        probs = verify_pairs(verifier, claims, evidence)
        for n, ps, p in zip(nodes, passage_sets, probs, strict=True):
            verdict = "supported" if p[0] >= SUPPORT_THRESHOLD else "unsupported"
            answers.append(Answer(n, round(float(p[0]), 4), Evidence((), tuple(ps)),
                                  verdict=verdict, support=round(float(p[0]), 4)))  # fmt: skip
    diagnosed = None
    if diagnoser is not None and answers and not negated:
        # findings and no disease named: the question asks through the diseases they suggest
        # (its "topic" is one finding: "joint pain" for a gout vignette gave sertraline)
        nodes_read = [a.node for a in answers]
        diagnosed = through_diagnosis(text, intent, found, nodes_read, diagnoser, statements)
    if diagnosed is not None:
        answers = _weighed(answers, diagnosed[0], diagnosed[1])
    shown = None
    if (diagnosed is None and answers and not negated
            and not any(a.verdict == "supported" for a in answers)):  # fmt: skip
        # one finding no gene is tied to: the options through the diseases that show it
        shown = through_finding(kg, intent, topic, [a.node for a in answers])
    if shown is not None:
        answers = _weighed(answers, *shown)
    ranked = sorted(answers, key=lambda a: (-a.score, a.verdict != "supported", a.node.label))
    best = tuple(ranked[:1])
    unlinked = [o for o, n in zip(options, option_nodes, strict=True) if n is None]
    reason = ""
    if not best:
        reason = "no option could be found in the graph"
    elif shown is not None:
        reason = (f"the graph ties no option to {topic.label} itself: the options are "
                  "weighed through the diseases that show it (HPO) and their genes, a best "
                  "guess")  # fmt: skip
    elif diagnosed is not None:
        reason = ("the question names findings, not a disease: the options are weighed through "
                  f"the diseases they suggest ({diagnosed[2]}), a best guess")  # fmt: skip
    elif best[0].verdict != "supported" and len(asked_of) > 1 and best[0].node.iri in partly:
        said = partly[best[0].node.iri]
        rest = [t.label for t in asked_of if t.label not in said]
        reason = (f"the graph states {best[0].node.label} for {' and '.join(said)}, not for "
                  f"{' and '.join(rest)}; the best guess")  # fmt: skip
    elif best[0].verdict != "supported":
        reason = ("no option is stated by the graph or a passage; the first is the best guess "
                  "from what the graph says around them")  # fmt: skip
    if unlinked:
        reason = (reason + "; " if reason else "") + "not in the graph: " + ", ".join(unlinked)
    return Result(**base, answers=best, no_answer=not best, reason=reason, options=tuple(ranked),
                  topic=topic, passages=tuple(topic_passages[:5]))  # fmt: skip
