"""Question answering over the graph, with passages and the verifier: the orchestrator.

ask: link → route (:mod:`kgqa.understanding.router`: the intent classifier, then the question's
form; the topic entity) → graph candidates (:mod:`~kgqa.answering.candidates`) → ranked by the
verifier (:mod:`~kgqa.answering.ranking`) → answers with P(supported) ≥ ``SUPPORT_THRESHOLD``,
or an explicit no-answer. Options go to :mod:`~kgqa.answering.options`, claims to
:mod:`~kgqa.answering.verification`, findings to the diagnoser.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from kgqa.answering.calibration import FINDING_ASKED, answer_calibrator
from kgqa.answering.candidates import (
    BROAD_SUPERTYPE,
    COMPLEX_GWAS_GENES,
    MENDELIAN_MODE,
    SHOWN_BY,
    broad_cause,
    causes_of_supertypes,
    class_membership,
    graph_candidates,
    gwas_genes,
    has_more_subtypes,
    infection_of,
    kinds_candidates,
    of_subtypes,
    same_named,
    shared_candidates,
)
from kgqa.answering.exclusion import left_out
from kgqa.answering.options import answer_options
from kgqa.answering.ranking import (
    BROAD_ANSWER,
    COMMON_ENOUGH,
    LITERATURE_SOURCES,
    OFTEN_WRITTEN,
    SUPPORT_THRESHOLD,
    WIDELY_WRITTEN,
    asked_words,
    commonness,
    cooccurrences,
    from_literature,
    literature_only,
    off_class_stated,
    passages_about,
    passages_for,
    preventing_candidates,
    prevention_indication,
    rank_candidates,
)
from kgqa.answering.reader import (
    FROM_TEXT,
    page_answers,
    page_words,
    read_answers,
    showing_answers,
)
from kgqa.answering.verification import (
    NAMED_FOR_GENE_SAID,
    NAMED_GENE_SCORE,
    ClaimVerifier,
    chromosome_named,
    deficiency_named,
)
from kgqa.encoder import base_vocabulary
from kgqa.errors import InputError
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.candidates import (
    NIL_THRESHOLD,
    OWN_NAMES,
    close_candidate,
    short_form_in_capitals,
)
from kgqa.records import (
    Answer,
    Candidate,
    Evidence,
    Mention,
    Node,
    Passage,
    Reading,
    Result,
    Triple,
    Verdict,
)
from kgqa.retrieval.index import page_title
from kgqa.stages import (
    ChoosingTopics,
    Classifying,
    Diagnosing,
    Linking,
    Paging,
    ReadingMessages,
    Retrieving,
)
from kgqa.text import (
    COMMON_NAME_WORDS,
    clean_text,
    corrected_cue_words,
    fold_chinese,
    sentence_bounds,
)
from kgqa.understanding.choices import split_choices
from kgqa.understanding.claims import (
    CONTRAINDICATION,
    ParsedClaim,
    asks_use_despite,
    blamed_drug,
    is_drug,
    other_end_worded,
    parse_claim,
)
from kgqa.understanding.message import MessageFocus, asks_outright, read_message
from kgqa.understanding.message_topic import FEATURES as TOPIC_FEATURES
from kgqa.understanding.registry import DRUG_WORD, INTENTS, TRANSMISSION, Intent
from kgqa.understanding.router import (
    AGE_GROUP,
    CARRIED_BY,
    CAUSED_BY,
    CUE_SCORE,
    DRUG_SAID,
    INTERACTION_REASON,
    PREGNANCY,
    PREVENTION_REASON,
    Linked,
    asked_kind,
    asks_no_relation,
    asks_prevention,
    asks_to_prevent,
    brought_on,
    class_asked,
    co_topics,
    cued,
    first_question,
    help_wanted_else,
    is_substance,
    level_way_kept,
    linked,
    members_asked,
    named_alongside,
    names_vaccine,
    organ_asked,
    passages_only,
    plea_for_treatment,
    polarity,
    route,
    states_something,
    subject_cued,
    taken_with_another,
    topic_mention,
    topic_of,
    topic_score,
)
from kgqa.validation import MAX_K, MAX_QUESTION_CHARS

logger = logging.getLogger(__name__)

# how much a topic taken from a negated mention ("... and not arthritis") is still believed
NEGATED_TOPIC = 0.3
# the intents whose answers a question may limit to an organ ("... on the liver")
_OF_AN_ORGAN = frozenset({"side_effects_of_drug", "phenotypes_of_disease"})
# how much an intent read from a message none of whose sentences asks anything is believed
# (the sentence was taken for want of a question: "I take it to treat my Raynaud's.")
UNASKED = 0.5
# a question as read: the reading, the text asked, what it links (in the order the topic is
# sought, and all of it), and where the question stands in the message
_Read = tuple[Reading, str, Linked, list[Mention], MessageFocus]
# a candidate topic of a message: its first mention, the node, its features for the chooser
_Candidate = tuple[Mention, Node, list[float]]
# the genes named when a complex disease's risk genes stand in for its mode of inheritance
RISK_GENES_NAMED = 5
# how much a single-gene mode of a complex disease, or its genes as its causes, count
COMPLEX_MENDELIAN = 0.5
# below this, the classifier's pick of a relation whose topic class the question names nothing
# of is taken for a misreading: the question is read as about what it names (``other``)
UNSURE_INTENT = 0.75
# how sure the learned reading of a message must be to replace a relation the rules read, and
# how sure the rules of one asked plainly, for the learned reading to leave it be
LEARNED_OVER_RULES = 0.3
# the further sentences of a message that linked nothing that are linked again one by one
RELINK_SENTENCES = 20
PLAIN_SURE = 0.9
PLAIN_SURE_UNMARKED = 0.99
# the kinds of a disease read, at most (its subtypes, level by level), when they are left out
# of the diseases that show the finding of its name
KINDS_READ = 2000


# a question about a child (a baby, "9 month old", "a 6-year-old", a teenager, 宝宝): drugs
# not given to children are withheld from its treatments
_CHILD = re.compile(
    r"\b(?:bab(?:y|ies)|infants?|newborns?|toddlers?|child(?:ren)?|kids?|teen(?:ager)?s?|"
    r"\d{1,2}[- ](?:day|week|month)s?[- ]old|(?:[1-9]|1[0-5])[- ](?:year|yr)s?[- ]old)\b"
    r"|婴儿|宝宝|小孩|儿童|孩子|新生儿",
    re.I,
)
# a parent's son or daughter, taken for a child unless an adult's age is said ("my son is 30"):
# aspirin is not given under 19 for a fever
_OFFSPRING = re.compile(
    r"\b(?:my|our) (?:little |young |teenage )?(?:grand)?(?:sons?|daughters?|boys?|girls?)\b", re.I
)
_ADULT_AGE = re.compile(
    r"\b(?:is|are|aged?|turned)\s+(?:19|[2-9]\d)\b|\b(?:19|[2-9]\d)[- ]?(?:years?|yrs?|y/?o)\b",
    re.I,
)


# drugs whose labels keep them from children, by name: withheld from a child's treatments
# (salicylates: Reye syndrome; codeine and tramadol: FDA contraindication under 12, 2017,
# for deaths from breathing stopped)
_NOT_FOR_A_CHILD = (
    (re.compile(r"salicyl", re.I), "salicylates: Reye syndrome"),
    (re.compile(r"\b(?:codeine|tramadol)\b", re.I), "codeine, tramadol: contraindicated under 12"),
)
# drug classes whose labels keep them for a child for when others will not do: after the others
# (fluoroquinolones: joint and tendon harm; tetracyclines: teeth stained for life under 8)
_LAST_FOR_A_CHILD = (
    (re.compile(r"^(?:fluoro)?quinolone", re.I), "fluoroquinolones: joint and tendon harm"),
    (re.compile(r"^tetracycline", re.I), "tetracyclines: teeth stained under 8"),
)


def _about_a_child(text: str) -> bool:
    """Whether ``text`` asks about a child (:data:`_CHILD`, or a son or daughter of no adult
    age said)."""
    return bool(_CHILD.search(text) or (_OFFSPRING.search(text) and not _ADULT_AGE.search(text)))


def answer_probability(support: float, reading: Reading) -> float:
    """The probability that an answer answers the question: the support of its evidence times
    how sure kgqa is of the intent and of the topic, less for a topic from a negated mention."""
    p = support * reading.intent_score * reading.topic_score
    return p * NEGATED_TOPIC if reading.topic_negated else p


def _symptom_list_only(given: Sequence[Answer], k: int) -> bool:
    """Whether the graph's answers are fewer than ``k`` and each stands only on DO's list of a
    disease's symptoms (:data:`_SYMPTOM_LISTS`)."""
    return 0 < len(given) < k and all(
        a.evidence.triples and {t.source for t in a.evidence.triples} <= _SYMPTOM_LISTS
        for a in given
    )


def _associated_only(answers: Sequence[Answer]) -> bool:
    """Whether every supported answer (none counts) is a gene that only association studies
    tie to the topic (DISEASES, GWAS): no organism, no Mendelian gene of HPO or Orphanet."""
    return all(a.node.cls == "Gene" and a.evidence.triples
               and {t.source for t in a.evidence.triples} <= ASSOCIATION_SOURCES
               for a in answers if (a.support or 0.0) >= SUPPORT_THRESHOLD)  # fmt: skip


def _genes_of_kinds_only(answers: Sequence[Answer], topic: Node) -> bool:
    """Whether every supported answer (one at least) is a gene stated only of a kind of
    ``topic``: "What causes cirrhosis?" listed the genes of primary biliary cholangitis, an
    autoimmune kind of it, as if they caused cirrhosis."""
    given = [a for a in answers if (a.support or 0.0) >= SUPPORT_THRESHOLD]
    return bool(given) and all(
        a.node.cls == "Gene" and a.evidence.triples
        and all(topic.iri not in (t.subject.iri, t.object.iri) for t in a.evidence.triples)
        for a in given
    )  # fmt: skip


def _corroborated(weak: list[Answer], read: Sequence[Answer]) -> tuple[list[Answer], list[Answer]]:
    """The answers of ``weak`` (a few abstracts' alone) that the passages' answers ``read``
    name too (by node or name), each with those passages as its evidence; and the rest."""
    said = {a.node.iri: a for a in read} | {normalize_name(a.node.label): a for a in read}
    rest, backed = [], []
    for a in weak:
        t = said.get(a.node.iri) or said.get(normalize_name(a.node.label))
        if t is None or (t.support or 0.0) < SUPPORT_THRESHOLD:
            rest.append(a)
        else:
            backed.append(replace(a, evidence=replace(a.evidence, passages=t.evidence.passages)))
    return rest, backed


def _curated_of_each(triples: Sequence[Triple], topics: Sequence[Node]) -> bool:
    """Whether a source other than the abstracts (HSDN) states each of ``topics`` of an
    intersection's answer, by its ``triples`` that name the topic: a statement of a kind of a
    topic counts by the statement that follows its is-a step, not by the step."""
    said: set[str] = set()
    for i, t in enumerate(triples):
        by = triples[i + 1] if t.relation == "subClassOf" and i + 1 < len(triples) else t
        if t.source not in LITERATURE_SOURCES and by.source not in LITERATURE_SOURCES:
            said.update((t.subject.iri, t.object.iri))
    return all(topic.iri in said for topic in topics)


def _inside(m: Mention, span: tuple[int, int] | None) -> bool:
    """Whether a mention lies within a span of its text (None: no span)."""
    return span is not None and span[0] <= m.start and m.end <= span[1]


# a question that asks whether one thing causes, worsens or is tied to another, in so many
# words ("Do high ammonia levels effect breathing?", "Could this curvature be caused by the
# Cymbalta?", "... can worsen McArdle's disease?")
_ASKS_EFFECT = re.compile(
    r"^\s*(?:(?:and|but|so|also|then|now|my question is)\b[\s,:]*)*(?:can|could|does|do|did|"
    r"is|are|will|would|might|may)\b.*\b(?:caus(?:e|es|ed|ing)|affect(?:s|ed|ing)?|"
    r"effect(?:s|ed)?|worsen(?:s|ed)?|aggravat\w+|trigger(?:s|ed)?|(?:related|linked|"
    r"connected) to|lead to|result in)\b",
    re.I | re.S,
)


# what a question naming a variant alone asks of it when it asks for what it is tied to
_VARIANT_TIES = re.compile(
    r"\b(?:associat\w*|linked|related|tied|connected|risk|diseases?|disorders?|conditions?|"
    r"traits?|phenotypes?)\b",
    re.I,
)


def _variant_asked(text: str, found: Linked) -> bool:
    """Whether a question names a variant and nothing else of the graph, and asks what it is
    tied to (associated, linked, a disease, a risk)."""
    classes = {n.cls for _, n in found}
    return classes == {"Variant"} and _VARIANT_TIES.search(text) is not None


def _names_of(kg: KnowledgeGraph, node: Node) -> set[str]:
    """A node's names, normalised."""
    return {normalize_name(n) for n, _ in kg.labels(node)}


def _one_end_said(asked: str, found: Linked, focus: MessageFocus) -> bool:
    """Whether a message's question that names one thing asks, in words, whether it causes or
    affects another the message says (the other end unlinked, or a pronoun for it): a claim,
    as the same question asked alone is read, not a question about the one thing."""
    named = {n.iri for m, n in found if _inside(m, focus.question)}
    return len(named) == 1 and bool(_ASKS_EFFECT.search(asked))


# a message's question whether what it told of before is the drug's side effect ("I have now
# developed mouth sores ... Could these be a side of effect of this medicine?")
_THIS_A_SIDE_EFFECT = re.compile(
    r"\b(?:could|can|might|may|would|is|are)\s+(?:this|these|it|they|that|those)\s+"
    r"(?:\w+\s+)?(?:be\s+)?(?:an?\s+|the\s+)?(?:side(?: of)?[- ]effects?|adverse|reaction)\b",
    re.I,
)


# what a statement may say a drug does, that `ask` checks as a claim
_DRUG_CLAIMS = frozenset({"treats", "palliates", "hasSideEffect", CONTRAINDICATION})


def _reads_as_claim(parsed: ParsedClaim) -> bool:
    """Whether a parsed statement names a relation and both its ends (the other end may be
    words no node is linked for: a mode of inheritance, a way of passing to people, being
    hereditary)."""
    return parsed.relation is not None and (
        parsed.object is not None or parsed.object_id is not None or parsed.hereditary
        or parsed.vector is not None
    )  # fmt: skip


# a question of what causes or brings on a thing (not of what it is a sign of)
_CAUSE_WORD = re.compile(
    r"\bcaus(?:e|es|ed|ing)\b|\bwhy do(?:es)?\b|\bhow do(?:es)? (?:you|one|"
    r"people|someone) get\b",
    re.I,
)
# words that give examples of what was just said, and where the examples end: "etc.", a
# bracket or sentence end, or a verb going on ("trauma such as a physical injury i.e., neck
# injury, torn ligament, etc., can worsen McArdle's disease?")
_EXAMPLE_CUE = re.compile(r"\b(?:such as|e_g_|i_e_|for example|for instance|including)\W*", re.I)
_EXAMPLE_END = re.compile(
    r"\betc\b|[()?;.!:]|\b(?:can|could|will|would|may|might|is|are|was|were|do|does|did|has|"
    r"have|had|that|which|who)\b",
    re.I,
)


def examples_last(text: str, found: Linked) -> Linked:
    """``found`` with the mentions that are examples of something the sentence says (after
    "such as", "e.g.", "i.e.", "for example", "including", to "etc." or the verb after them)
    after the rest: "Is there any evidence that trauma such as a physical injury i.e., neck
    injury, torn ligament, etc., can worsen McArdle's disease?" asks about McArdle's disease,
    not sprains.

    Example:
        >>> from kgqa.records import Candidate, Mention, Node
        >>> def one(text, name):
        ...     a = text.index(name)
        ...     node = Node(name, name, name, "Disease")
        ...     return Mention(a, a + len(name), name, "DISEASE", False, 1.0,
        ...                    (Candidate(node, 1.0, "exact", name),)), node
        >>> t = "Can trauma such as torn ligaments, etc., worsen McArdle disease?"
        >>> [n.label for _, n in examples_last(t, [one(t, "torn ligaments"),
        ...                                        one(t, "McArdle disease")])]
        ['McArdle disease', 'torn ligaments']
    """
    masked = re.sub(r"\b([ie])\.([eg])\.", r"\1_\2_", text, flags=re.I)
    spans = []
    for cue in _EXAMPLE_CUE.finditer(masked):
        end = _EXAMPLE_END.search(masked, cue.end())
        spans.append((cue.end(), end.start() if end else len(masked)))
    if not spans:
        return found

    def example(m: Mention) -> bool:
        return any(a <= m.start and m.end <= b for a, b in spans)

    return [x for x in found if not example(x[0])] + [x for x in found if example(x[0])]


def _lines(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` each split at its line breaks too, its lines after it: a sentence wrapped over
    lines is linked whole and line by line, where a short line gets the names a tagger misses
    in a long run of text ("... please clarify\nwhether I have ectopic kidney.")."""
    out = []
    for a, b in spans:
        out.append((a, b))
        at = a
        for line in text[a:b].split("\n"):
            if line.strip() and len(line) < b - a:
                lead = len(line) - len(line.lstrip())
                out.append((at + lead, at + len(line.rstrip())))
            at += len(line) + 1
    return list(dict.fromkeys(out))


def _in_focus(found: Linked, focus: MessageFocus) -> Linked:
    """The linked mentions of a message in the order the topic is sought: those in the main
    question, then in the subject line; the rest of a long message only when those hold
    none (its history and side mentions). In the question, examples of what it says come
    last (:func:`examples_last`)."""
    if focus.whole:
        return found
    asked = examples_last(focus.text, [x for x in found if _inside(x[0], focus.question)])
    subject = [x for x in found if _inside(x[0], focus.subject) and x not in asked]
    # a sentence taken for want of one that asks is weaker than the subject line
    return (asked + subject if focus.asks else subject + asked) or found


def _more_specific(kg: KnowledgeGraph, hit: tuple[Mention, Node],
                   everywhere: Linked) -> tuple[Mention, Node]:  # fmt: skip
    """The topic as the message names it most specifically: a message that says "type 1
    diabetes" in its history and asks about "diabetes" asks about type 1 diabetes. Another
    mention (not negated, of the same class) of a subclass of the topic takes its place when
    the message names one such subclass, or one line of them; a message that names several
    kinds ("leukemia ... AML, CLL") asks about the kind they share. A mention's node of
    another class counts by its candidate of the topic's class and the same name ("hiatal
    hernia" linked DO's *hiatus hernia*; HPO's *Hiatus hernia* is a kind of HPO's *Hernia*,
    which "correct my hernia" linked)."""
    below: dict[str, tuple[Mention, Node, set[str]]] = {}
    for m, linked_node in everywhere:
        if m.negated:
            continue
        cls = hit[1].cls
        node = linked_node if linked_node.cls == cls else next(
            (c.node for c in m.candidates if c.node.cls == cls and c.score >= NIL_THRESHOLD
             and c.match in ("exact", "normalized")), None)  # fmt: skip
        if node is not None and node.iri not in below:
            ancestors = {a.iri for a in kg.ancestors(node)}
            if hit[1].iri in ancestors:
                below[node.iri] = (m, node, ancestors)
    # the most specific: those no other one found lies below
    leaves = [v for v in below.values()
              if not any(v[1].iri in w[2] for w in below.values())]  # fmt: skip
    return (leaves[0][0], leaves[0][1]) if len(leaves) == 1 else hit


# how a drug is taken, kept or made ("shaken before use", "40 mg twice a day", "split the
# tablets", "with food"), and the words that ask what it is taken for
_ADMINISTRATION = re.compile(
    r"\b(?:shak(?:e|en|ing)|stor(?:e|ed|ing)|refrigerat\w*|split(?:ting)?|crush\w*|chew\w*|"
    r"dissolv\w*|with food|empty stomach|before use|how (?:much|many|often)|dos(?:e|es|age|ing)|"
    r"\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)|(?:once|twice|\w+ times) a day|"
    r"(?:time|extended|slow|sustained)[- ]release|expir\w*|ingredients?|packag\w*)\b",
    re.I,
)
_INDICATION = re.compile(
    r"\b(?:used? (?:for|to|in)|treat\w*|prescribed|indicat\w*|good for|help(?:s)? (?:with|for)|"
    r"for what|what (?:is|are) \S+(?: \S+)? for)\b",
    re.I,
)
# a word of too much of a drug, right after its name ("Tylenol overdose", "lithium toxicity")
_TOO_MUCH = re.compile(r"\s*(?:['\u2019]s\s+)?(?:overdos\w*|poisoning|toxicity|intoxication)\b",
                       re.I)  # fmt: skip


# ... or before it ("What happens if you take too much Tylenol?", "an overdose of aspirin")
_TOO_MUCH_OF = re.compile(
    r"\b(?:too much|too many|an? overdose of|overdos(?:e|ed|ing) (?:on|of|with))\s+"
    r"(?:(?:my|his|her|the|their|your)\s+)?$",
    re.I,
)
_DISORDER_CLASSES = frozenset({"Disease", "Phenotype"})
# the words before a disorder someone is said to have ("if I have", "since my son has", "with")
_HAD_BEFORE = re.compile(
    r"(?:\b(?:if|when|since|while|as|because|and)\s+(?:i|he|she|we|they|you|my \w+)\s+(?:have|has|"
    r"had|am|is|are|suffer from|suffers from|(?:have|has) been diagnosed with)|\bwith|\bwho "
    r"(?:has|have|had))\s+(?:(?:a|an|the|my|his|her|some|mild|severe|chronic|bad)\s+)*$",
    re.I,
)


# a sentence saying what someone has ("I have diabetes.", "My son has asthma and ...")
_HAS_SENTENCE = re.compile(
    r"(?:^|[.!?;]\s+)(?:i|he|she|we|they|my \w+)\s+(?:have|has|had|suffers? from|(?:have|has|"
    r"was|were) (?:been )?diagnosed with|'ve got|got)\s+(?:(?:a|an|the|mild|severe|chronic|type "
    r"\w+)\s+)*$",
    re.I,
)
# the words before the disorder a drug is asked for ("take for my headache", "to treat a fever")
_ASKED_FOR = re.compile(
    r"\b(?:for|treat|treating|cure|relieve|ease|against|help with|get rid of)\s+(?:(?:a|an|the|my|"
    r"his|her|their|our|your|this|these|bad|mild|severe)\s+)*$",
    re.I,
)


def _is_had(text: str, m: Mention) -> bool:
    """Whether the text says the person has what ``m`` names ("if I have X", "my son with X",
    "I have X.") rather than asking about it."""
    return bool(_HAD_BEFORE.search(text, 0, m.start) or _HAS_SENTENCE.search(text, 0, m.start))


def _had_besides(text: str, found: Linked, topic: Node) -> list[Node]:
    """The disorders besides the topic that the question says the person has ("... if I have
    high blood pressure", "I have diabetes. What can I take for ..."), not negated."""
    out: list[Node] = []
    for m, n in found:
        if (n.cls in _DISORDER_CLASSES and n.iri != topic.iri and not m.negated
                and _is_had(text, m) and n not in out):  # fmt: skip
            out.append(n)
    return out


# a question asking for a drug besides those it names ("I stopped taking lisinopril because of
# my cough. What else can I take for my blood pressure?", "... instead", "an alternative")
_ELSE = re.compile(
    r"\b(?:what|which|anything|something)\s+else\b|\binstead\b|\balternatives?\b|"
    r"\b(?:another|other|different)\s+(?:drugs?|medicines?|medications?|meds?|pills?|options?|"
    r"treatments?)\b",
    re.I,
)


# the words before a drug class a question asks its answers from ("what other beta blockers")
_ASKED_FROM = re.compile(r"\b(?:what|which|any|other|another|different)\s+(?:[\w-]+\s+)?$", re.I)


def _else_asked(text: str, found: Linked, blamed: Node | None = None,
                whole: str | None = None) -> Linked:  # fmt: skip
    """``found`` with drugs marked left out (negated), as "other than" marks them: all those
    it names when ``text`` asks for another drug ("What else can I take ...?"), and the one
    it blames for a finding (``blamed``: "What should I take for my cholesterol if statins
    give me muscle pain?" listed the statins first). ``whole``: the text the mentions'
    offsets hold in, when ``text`` is a message's question."""
    every = _ELSE.search(text) is not None
    if not every and blamed is None:
        return found

    def out(m: Mention, n: Node) -> bool:
        if n.cls not in ("Chemical", "DrugClass"):
            return False
        if blamed is not None and blamed.iri in (n.iri, m.node.iri if m.node else ""):
            return True
        # not the class asked from ("What other beta blockers can I take instead of ...?")
        return every and not _ASKED_FROM.search(whole or text, 0, max(0, m.start))

    return [(replace(m, negated=True), n) if out(m, n) else (m, n) for m, n in found]


def _asked_for(text: str, hit: tuple[Mention, Node], found: Linked) -> tuple[Mention, Node]:
    """The disorder a drug is asked for, not the one the person is said to have: "What can my
    son with asthma take for a fever?" and "I have diabetes. What can I take for my headache?"
    ask for the fever's and the headache's drugs (asthma and diabetes came first, a disease
    before a finding). ``hit``: the topic read; kept unless the text says the person has it
    and asks for another disorder, named after "for" or "treat"."""
    if not _is_had(text, hit[0]):
        return hit
    for m, n in found:
        if (m is hit[0] or m.negated or _is_had(text, m)
                or not _ASKED_FOR.search(text, 0, m.start)):  # fmt: skip
            continue
        other = topic_mention("drugs_for_disease", [(m, n)])
        if other is not None and other[1].cls in _DISORDER_CLASSES:
            return other
    return hit


# a portal's label before a message that has no subject line ("MESSAGE: should Advair and
# Spiriva be used together?"): no word of the question, whose first word the rules read
_MESSAGE_LABEL = re.compile(r"^\s*MESSAGE:", re.I)


def _unlabelled(text: str) -> str:
    """``text`` with a leading "MESSAGE:" label blanked out (offsets kept), unless a subject
    line comes first.

    Example:
        >>> _unlabelled("MESSAGE: should I?")
        '         should I?'
    """
    label = _MESSAGE_LABEL.match(text)
    return " " * label.end() + text[label.end() :] if label else text


def _taken_despite(text: str, said: str, mentions: Sequence[Mention],
                   focus: MessageFocus) -> str | None:  # fmt: skip
    """A message's question whether a drug it names may be taken ("Can I take prednisone?"),
    naming no disorder, with the sentence before it (else the subject line) that names one the
    person has (not negated): the two together, the claim to check; None otherwise."""
    if not asks_use_despite(said):
        return None
    asked, found = _asked_and_said(mentions, focus)
    if not any(n.cls in ("Chemical", "DrugClass") for _, n in asked) or any(
        n.cls in _DISORDER_CLASSES for _, n in asked
    ):
        return None
    if asks_no_relation(said, asked):
        # "SUBJECT: Diabetis ... Can I use Novolin instead of Novolog?", "Could she take Motrin
        # along with these meds.": what may replace it, or how it goes with others
        return None
    return _after_the_disorder(text, said, found, (focus.before, focus.subject),
                               _DISORDER_CLASSES)  # fmt: skip


def _after_the_disorder(text: str, said: str, found: Linked,
                        spans: Sequence[tuple[int, int] | None],
                        classes: Collection[str]) -> str | None:  # fmt: skip
    """``said`` after the first of ``spans`` that names (not negated) a disorder of
    ``classes``: the two together, the claim a message's question and the sentence it stands
    on make; None when none does."""
    for span in spans:
        if span is not None and any(_inside(m, span) and not m.negated and n.cls in classes
                                    for m, n in found):  # fmt: skip
            return f"{text[slice(*span)].strip().rstrip('.')}. {said}"
    return None


# a yes/no question ("is sweating normal?"; after a short phrase of when: "In stage 3 can
# ones bones break?"), or one asked in words ("whether or not fatigue is a part of this
# disease")
_YES_NO_ASKED = re.compile(
    r"^\W*(?:(?:and|but|so|also|then|now|my question is|in \w+ \w+)\b[\s,:]*)*(?:is|are|can|could|"
    r"does|do|will|would|might|may)\b|\bwhether\b",
    re.I,
)
# what a finding is asked to be of a disorder: part of it, its sign, normal in it
_BELONGS = re.compile(
    r"\b(?:part of|symptoms?|signs?|features?|normal|common|usual|typical|related|associated|"
    r"linked|connected|caused|cause|because of|due to|result of|happen|occur|break|fracture)\b",
    re.I,
)


def _shown_in(text: str, said: str, mentions: Sequence[Mention],
              focus: MessageFocus) -> str | None:  # fmt: skip
    """A message's yes/no question whether a finding it names belongs to the disorder its
    subject line, else the sentence before it, names ("SUBJECT: stage 5 kidney failure ... is
    sweating normal?", "sarcoidosis. ... whether or not fatigue is a part of this disease"):
    the two together, the claim to check that the disorder shows the finding; None otherwise
    (a question that names a disease or a drug itself, or asks no yes or no)."""
    if not _YES_NO_ASKED.search(said) or not _BELONGS.search(said):
        return None
    asked, found = _asked_and_said(mentions, focus)
    asked = [(m, n) for m, n in asked if not m.negated]
    if not any(n.cls == "Phenotype" for _, n in asked) or any(
        n.cls in ("Disease", "Chemical", "DrugClass") for _, n in asked
    ):
        return None
    return _after_the_disorder(text, said, found, (focus.subject, focus.before), ("Disease",))


def _as_worded(kg: KnowledgeGraph, m: Mention) -> Mention:
    """A mention the corpus annotators' node leads, read as its words name it when they are
    exactly the name of a broader node of another class: "What causes dyskinesia?" is asked of
    HPO's *Dyskinesia*, not of MeSH's *Dyskinesia, Drug-Induced*, which the chemical abstracts'
    annotators coded the word with (their drugs brought it on). The linker keeps their code for
    text like theirs; a broader node of the mention's own class is its to weigh."""
    top = m.candidates[0] if m.candidates else None
    if top is None or top.match != "annotated":
        return m
    said = normalize_name(m.text)
    for c in m.candidates[1:]:
        if (c.match == "exact" and c.score >= NIL_THRESHOLD and c.node.cls != top.node.cls
                and normalize_name(c.name) == said
                and c.node.iri in {a.iri for a in kg.ancestors(top.node)}):  # fmt: skip
            first = replace(c, score=top.score)
            return replace(m, candidates=(first, *(x for x in m.candidates if x is not c)))
    return m


def _taken_as(m: Mention, node: Node, other: Node, name: str) -> tuple[Mention, Node]:
    """``other`` as the topic in place of the node ``m`` linked, by ``name``, as sure of it as
    of ``node`` (a candidate added to the mention, so the reading's link score holds)."""
    named = Candidate(other, topic_score(m, node), "exact", name)
    return replace(m, candidates=(*m.candidates, named)), other


# a word for a drug that points back to one named before ("Can this med.  cause ...")
_THIS_DRUG = re.compile(
    r"\b(?:this|that|the|these|those|my|his|her)\s+(?:med|meds|medicines?|medications?|drugs?|"
    r"pills?|tablets?)\b\.?",
    re.I,
)


def _drug_meant(text: str, said: str, mentions: Sequence[Mention],
                focus: MessageFocus) -> tuple[str, tuple[Mention, Node]] | None:  # fmt: skip
    """A message's question whether "this med" (a word pointing back to a drug) causes a
    finding it names, with the drug named in a sentence before it (the nearest that names one
    drug, else the subject line): the question with the drug's name in place of the words
    pointing back ("I started rizatriptan last month. ... Can this med.  cause glaucoma?"
    checks that rizatriptan causes glaucoma), and the drug's mention; None otherwise (a
    question naming a drug itself, no finding, two drugs before it, or no words of causing)."""
    point = _THIS_DRUG.search(said)
    if point is None or not _ASKS_EFFECT.search(said):
        return None
    asked, found = _asked_and_said(mentions, focus)
    asked = [(m, n) for m, n in asked if not m.negated]
    if not any(n.cls in _DISORDER_CLASSES for _, n in asked) or any(
        n.cls in ("Chemical", "DrugClass") for _, n in asked
    ):
        return None
    drug = _one_drug_in(found, [*_sentences_before(focus), focus.subject])
    if drug is None:
        return None
    return f"{said[: point.start()]}{drug[0].text} {said[point.end() :].lstrip()}", drug


def _sentences_before(focus: MessageFocus) -> list[tuple[int, int]]:
    """A message's sentences before its question, the nearest first."""
    at = focus.sentences.index(focus.question) if focus.question in focus.sentences else 0
    return list(reversed(focus.sentences[:at]))


def _one_drug_in(found: Linked, spans: Sequence[tuple[int, int] | None]
                 ) -> tuple[Mention, Node] | None:  # fmt: skip
    """The drug (not negated) of the first of ``spans`` that names any, when it names one;
    None when it names several or none does."""
    for span in spans:
        if span is None:
            continue
        drugs = {n.iri: (m, n) for m, n in found
                 if _inside(m, span) and not m.negated and is_drug(n)}  # fmt: skip
        if drugs:
            return next(iter(drugs.values())) if len(drugs) == 1 else None
    return None


def _finding_blamed(text: str, said: str, mentions: Sequence[Mention],
                    focus: MessageFocus) -> tuple[str, tuple[Mention, Node]] | None:  # fmt: skip
    """A message's question whether what it told of is a drug's side effect, naming neither
    ("I started taking this medication ... I have now developed mouth sores on the inside of
    my lower lip. Could these be a side of effect of this medicine?", the drug in the subject
    line): the sentence before it that names a finding or a disease (not negated), with the
    question asked of the one drug the question, else the subject line, else a sentence
    before names, and that drug's mention; None otherwise. Its side effects listed answered
    nothing asked."""
    if _THIS_A_SIDE_EFFECT.search(said) is None or focus.before is None:
        return None
    asked, found = _asked_and_said(mentions, focus)
    if any(n.cls in _DISORDER_CLASSES for _, n in asked):
        return None
    told = [(m, n) for m, n in found if _inside(m, focus.before) and not m.negated
            and n.cls in _DISORDER_CLASSES]  # fmt: skip
    if not told:
        return None
    drug = _one_drug_in(found, [focus.question, focus.subject, *_sentences_before(focus)])
    if drug is None:
        return None
    before = text[slice(*focus.before)].strip().rstrip(".")
    return f"{before}. Could it be a side effect of {drug[0].text}?", drug


# words that point back to a thing told of before, by a word of its name ("this curvature")
_THIS_THING = re.compile(
    r"\b(?:this|that|these|those|the|my|his|her)\s+(?P<word>[a-z][a-z-]{3,})\b", re.I
)


def _finding_meant(text: str, said: str, mentions: Sequence[Mention],
                   focus: MessageFocus) -> str | None:  # fmt: skip
    """A message's question whether a drug it names brings on "this X", where X is a word of
    the name of a finding or disease told of in a sentence before it ("I recently developed
    curvature of the spine. Could this curvature being caused by the Cymbalta?"): the question
    with that name in place of the words pointing back; None otherwise (a question that names
    a disorder itself, no drug, or asks no effect, or no word of a name told of before)."""
    if not _ASKS_EFFECT.search(said):
        return None
    asked, found = _asked_and_said(mentions, focus)
    if not any(is_drug(n) for _, n in asked) or any(n.cls in _DISORDER_CLASSES for _, n in asked):
        return None
    told = [(m, n) for span in _sentences_before(focus) for m, n in found
            if _inside(m, span) and not m.negated and n.cls in _DISORDER_CLASSES]  # fmt: skip
    for point in _THIS_THING.finditer(said):
        word = point.group("word").casefold()
        for m, _ in told:
            words = {w.casefold() for w in re.findall(r"[A-Za-z-]+", m.text)}
            if word in words or word.rstrip("s") in words:
                return f"{said[: point.start()]}{m.text}{said[point.end() :]}"
    return None


# a word that points back to a thing already named ("these spasms", "the pain")
# "the", or whose it is ("SUBJECT: hiatal hernia ... an exercise to correct my hernia")
_POINTS_BACK = re.compile(
    r"\b(?:these|this|those|that|such|the same|the|my|his|her|their|your|our)\s+$", re.I
)


def _named_earlier(text: str, hit: tuple[Mention, Node],
                   everywhere: Linked) -> tuple[Mention, Node]:  # fmt: skip
    """The thing a question names again by the last words of its name after "these", "the",
    "my" ...: "SUBJECT: Coronary Artery Spasms ... Can a Pacemaker help prevent these spasms?"
    asks of coronary artery spasms, not of spasms in general. The nearest earlier mention (not
    negated, of the same class, or both disorders) whose name ends in the topic's words and
    says more; the topic itself when none does or nothing points back."""
    m, node = hit
    if not _POINTS_BACK.search(text[max(0, m.start - 12) : m.start]):
        return hit
    words = normalize_name(m.text).split()
    if not words:
        return hit
    same = {node.cls} | (_DISORDER_CLASSES if node.cls in _DISORDER_CLASSES else set())
    for other, n in sorted(everywhere, key=lambda x: -x[0].start):
        if other.end > m.start or other.negated or n.cls not in same:
            continue
        said = normalize_name(other.text).split()
        if len(said) > len(words) and said[-len(words) :] == words:
            return other, n
    return hit


def _asked_plainly(reading: Reading, focus: MessageFocus) -> bool:
    """Whether a message's main question asks its relation plainly: a sentence that asks, read
    surely by the rules, with a question mark or very surely without ("My daughter has Marfan
    syndrome. ... What are the symptoms we should watch for?", "Stiff person syndrome. Could
    you tell me what the first symptoms are, I have bad cramps ..."). The learned reading,
    fitted on messages whose expert summaries seldom ask for symptoms, does not overrule it."""
    sure = reading.intent_score
    marked = focus.question_text.rstrip().endswith("?")
    return focus.asks and sure >= PLAIN_SURE and (marked or sure >= PLAIN_SURE_UNMARKED)


def _question_at(text: str, focus: MessageFocus) -> int:
    """Where the question read starts in ``text`` (the text the mentions index: the message,
    or its cleaned form, of the same length): the whole text, or a message's main question,
    less leading blanks."""
    start, end = (0, len(text)) if focus.whole else focus.question
    asked = text[start:end]
    return start + len(asked) - len(asked.lstrip())


def _asked(text: str, focus: MessageFocus, found: Linked) -> str:
    """What the intent classifier reads: the main question, behind its subject line (or the
    sentence before it) when it names nothing itself ("gout. What should I do?")."""
    # the first of several questions joined is the one asked ("What causes X, and what are the
    # treatments?")
    question = first_question(text[slice(*focus.question)].strip())
    if focus.whole or not focus.context_text:
        return question
    if any(focus.question[0] <= m.start and m.end <= focus.question[1] for m, _ in found):
        return question
    return f"{focus.context_text.strip().rstrip('.')}. {question}"


# how a disease passes on: an infection's route or vector and agent (not the genes that
# "causes" also reads), or a hereditary disease's inheritance
_SPREADS = re.compile(TRANSMISSION, re.I)
# a disease's name that says it is an infection ("bacterial pneumonia")
_INFECTION_NAMED = re.compile(
    r"\b(?:bacterial|viral|virus|fungal|mycotic|parasitic|protozoal|helminth\w*|infect\w*|"
    r"sexually transmitted)\b",
    re.I,
)
# words of catching a disease from another person, which inheritance never answers ...
# a question of what raises the risk of a disorder: the diseases that show it as a finding
# are none ("What are the risk factors for stroke?" listed aspiration pneumonitis first)
_RISK_FACTORS = re.compile(
    r"\brisk factors?\b|\b(?:raises?|increases?) (?:the|my|your|one's) "
    r"(?:risk|chances?)\b",
    re.I,
)
_CATCHING = r"contagious|catch\w*|caught|contract\w*|infectious"
_CONTAGION = re.compile(rf"\b(?:{_CATCHING})\b", re.I)
# ... among the words that ask how a disease passes from one to another, and nothing else
_SAYS_SPREAD = re.compile(rf"\b(?:transmi\w*|spread\w*|pass(?:ed|es)? on|{_CATCHING})\b", re.I)
INFECTION_WAYS = frozenset({"transmittedBy", "causedBy"})
# the sources that tie a gene to a disease by association studies, not as a Mendelian cause
ASSOCIATION_SOURCES = frozenset({"disease_gene", "gwas"})
# what causes a disease as such: an organism, a gene; not the way it passes on
_CAUSES_AS_SUCH = frozenset({"causedBy", "associatedWithGene"})
# the kind "infections" asked for names when it links no node of its own
INFECTIOUS_DISEASE = "DOID:0050117"
# the intents whose few graph answers the passages' own answers follow (findings and
# diseases; a drug is never suggested from text beside the graph's, only where it is silent)
_TOPPED_UP = frozenset({"phenotypes_of_disease", "diseases_of_phenotype"})
TOP_UP = 3  # the graph answers fewer than this: the passages' answers follow them
# ... or the graph's answers all come from DO's lists of symptoms, a few of a common disease's
# each ("What are the symptoms of appendicitis?": fever, nausea, vomiting; no abdominal pain;
# shingles: fever, headache, malaise, paresthesia, itching; no rash), fewer than asked for
_SYMPTOM_LISTS = frozenset({"doid"})
# the intents whose graph answers that stand on a few abstracts alone
# (:func:`~kgqa.answering.ranking.literature_only`) follow the passages' answers: "What causes
# ringing in the ears?" is answered from passages on otitis media and Meniere's disease before
# the rheumatoid arthritis and hypertension a few abstracts named beside tinnitus; a curated
# source's answers stay before both
_TEXT_OVER_LITERATURE = frozenset({"diseases_of_phenotype", "phenotypes_of_disease"})
PAGE_READS_KEPT = 512  # findings whose pages' reading is kept, the oldest dropped first
# abstracts (HSDN) that name a disease beside a finding, past which it keeps its place among
# the graph's answers before what the finding's own page alone names
MOST_WRITTEN = 500
# what a disease's own page names as its causes that kgqa reads: the disorders that bring it
# on (its substances are as often its mechanism: NHLBI's page on high blood pressure names
# sodium, potassium, angiotensin and aldosterone, on anemia vitamin C and erythropoietin)
_CAUSES_ON_A_PAGE = ("Disease",)
# a question for the rare, inborn causes of a finding, which its own page (on the common ones)
# does not answer: "What syndromes are associated with craniosynostosis?" began with
# hyperthyroidism and "disease of metabolism", from MedlinePlus's page, before HPO's syndromes
_ASKS_RARE = re.compile(r"\b(?:syndromes?|genetic|genes?|inherited|hereditary|rare|congenital|"
                        r"inborn|familial)\b", re.I)  # fmt: skip
# a subtype numbered with a letter ("type 2a", "1b"), as a name key spells it
_LETTERED = re.compile(r"\b\d+[a-z]+\d*$")
# the words a disease's name ends in that a vaccine's name leaves out ("papillomavirus
# infection": *Papillomavirus Vaccines*), and how many of its names are tried
_VACCINE_NAME_END = re.compile(r"\s+(?:infectious disease|infections?|disease)$")
VACCINE_NAMES_TRIED = 12
KINDS_NAMED = 5  # kinds a reason names
# what causes a disease's kinds, when it names no cause of its own: the agents, not their genes
_AGENTS = frozenset({"causedBy"})
# intents a question's kind words do not turn: a claim, a diagnosis, one kgqa refuses
_OWN_READING = frozenset({"claim", "diagnosis", "contraindications"})
# something happening now that needs help at once, said in the first person or of someone
# present: kgqa answers from its graph and says first that it is no emergency service
_EMERGENCY = re.compile(
    r"\b(?:(?:i'?m|i am|i think i'?m|she'?s|he'?s|my \w+ is|(?:s)?he is) (?:having|getting) "
    r"(?:a |an )?(?:heart attack|stroke|seizure|anaphylactic|allergic reaction|asthma attack)"
    r"|(?:can'?t|cannot|can not) (?:breathe|breath)|chest pain (?:right )?now"
    r"|(?:suicid\w*|kill (?:my|him|her)self|end my life|overdos\w*|(?:took|(?:has|have|had) "
    r"taken) too (?:many|much)(?! (?:time|effort|money|work|care|notice|interest|space|sun|salt|"
    r"sugar|food|exercise|weight|stress|pressure|heat|days|breaks|hours)\b))"
    r"|(?:is |are )?(?:unconscious|not breathing|unresponsive)"
    r"|bleeding (?:heavily|a lot|won'?t stop)"
    # the warning signs of a heart attack, a stroke, a bleed, said as happening ("I have sudden
    # pain in my heart and I am very scared" got no note)
    r"|sudden(?:ly)? (?:\w+ ){0,3}?(?:pain in (?:my |the |his |her )?(?:chest|heart)|chest pain"
    r"|heart pain|numbness|weakness on one side|slurred speech|face droop\w*)"
    r"|(?:crushing|severe) (?:chest|heart) pain|worst headache (?:of|in) my life"
    # chest pain had now, said in the first person ("I have chest pain and shortness of
    # breath" got a differential of rare lung diseases and no note)
    r"|\bi(?: have| am having|['\u2019]m having|['\u2019]ve got| got) "
    r"(?:(?:a|some|bad|severe|sharp|terrible) )*"
    r"(?:chest pain|pain in my chest)"
    r"|(?:vomiting|throwing up|coughing up) blood)",
    re.I,
)
# an overdose someone does not want, is afraid of or means to avoid is not happening now ("How
# do I know if this is the rite dosage? Do not want to cause myself any harm by overdosing");
# worry is no such word ("I'm worried my friend is overdosing"), and one taken always counts
_NOT_HAPPENING = re.compile(
    r"(?:\b(?:not|never)|n['\u2019]t)\s+(?:\w+\s+){0,2}?(?:want|wish|mean|intend|plan)\w*\b"
    r"|\b(?:afraid of|fear of|avoid(?:ing)?|prevent(?:ing)?|without)\b",
    re.I,
)


def _emergency(text: str) -> bool:
    """Whether ``text`` says an emergency is happening (:data:`_EMERGENCY`); an overdose not
    yet taken ("overdose", "overdosing") only when nothing before it in its sentence says it is
    not wanted, is feared or is to be avoided."""
    for m in _EMERGENCY.finditer(text):
        if not re.fullmatch(r"overdos(?:e|es|ing)", m.group(0), re.I):
            return True
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        if not _NOT_HAPPENING.search(text, start, m.start()):
            return True
    return False


EMERGENCY_NOTE = (
    "if this is happening now, call your local emergency number: kgqa is no emergency "
    "service and answers only from its graph"
)
# a person in distress who may be at risk from themselves ("I'm afraid for myself", "I don't
# want to live"; "suicidal" is an emergency above): said even where they say they mean no harm
_CRISIS = re.compile(
    r"\b(?:(?:harm|hurt|cut)(?:ing)? (?:my|him|her)self|self[- ]harm\w*|wants? to die|"
    r"(?:don'?t|do not|no longer) want to (?:live|be alive|wake up)|no reason to live|better off "
    r"dead|afraid for (?:my|him|her)self|can'?t go on|give up on life)\b",
    re.I,
)
CRISIS_NOTE = (
    "if you are in crisis or may harm yourself, call your local emergency number or a crisis "
    "line now: kgqa is no emergency service and answers only from its graph"
)
PREGNANCY_NOTE = (
    "kgqa's sources do not say which of these drugs are safe in pregnancy or breastfeeding, "
    "and some are not: ask a doctor or pharmacist"
)
AGE_NOTE = (
    "kgqa's sources do not say which of these drugs are safe for children or older people, "
    "and some are not (aspirin in children): ask a doctor or pharmacist"
)
CURE_NOTE = (
    "kgqa's sources say which drugs are given for a disorder, not whether any of them cures "
    "it: these treat it"
)
# a question of whether a disorder can be cured ("Is there a cure for diabetes?", "Can
# diabetes be cured?"): its drugs list answers only what treats it
_CURE = re.compile(r"\b(?:cur(?:e|es|ed|able|ing)|incurable|go away (?:for good|forever))\b", re.I)
DEFINING_MEMBERS = 8  # members shown of a drug class asked what it is
# a differential whose likeliest disease is this unlikely singles out none (common findings,
# "a fever and a rash", or a syndrome split into many numbered subtypes)
FLAT_DIFFERENTIAL = 0.15
# what every differential ranks: "fever and rash" led by severe combined immunodeficiency
# is no reading a parent should take without it
SCOPE = (
    "kgqa ranks only diseases with HPO phenotype annotations, mostly rare and genetic ones; "
    "common causes such as infections are mostly not among them"
)


def _spelt(text: str, mentions: Sequence[Mention]) -> str:
    """``text`` with its misspelt cue words spelt right, never a word of a mention."""
    known = base_vocabulary()
    if not known:
        return text
    keep = {w for m in mentions for w in re.findall(r"[A-Za-z]+", m.text)}
    return corrected_cue_words(text, known, keep)


def _with_choices(questions: Sequence[str], options: Sequence[Sequence[str] | None] | None
                  ) -> tuple[list[str], list[Sequence[str] | None] | None]:  # fmt: skip
    """Each question to read and its options: a question given no options that holds them
    ("Which gene causes Marfan syndrome? A) FBN1 B) COL1A1") is read as its stem with those
    options; a question that is no text is passed on for ``_read_many`` to refuse."""
    stems = list(questions)
    given = list(options) if options else [None] * len(stems)
    for i, q in enumerate(questions):
        if given[i] or not isinstance(q, str) or len(q) > MAX_QUESTION_CHARS:
            continue
        found = split_choices(q)
        if found is not None:
            stems[i], given[i] = found.stem, list(found.options)
    return stems, (given if any(given) else None)


def _noted(result: Result, note: str) -> Result:
    """``result`` with ``note`` said first in its reason."""
    return replace(result, reason=f"{note}; {result.reason}" if result.reason else note)


def _unlinked_reason(kg: KnowledgeGraph, mentions: Sequence[Mention]) -> str:
    """Why no mention gave a topic: none was found, or what was found names no graph node
    (said only when the graph has no node of that name, and no name is near), or it was too
    uncertain to use, or only names too far to be sure of are near it."""
    # a common word the tagger took for a name and that links nowhere names nothing ("How can
    # I get rid of this?": "get")
    # nor does a word for drugs in general ("my meds": "not in the graph: meds" was said)
    mentions = [m for m in mentions
                if m.candidates or (m.text.lower() not in COMMON_NAME_WORDS
                                    and not re.fullmatch(DRUG_WORD, m.text, re.I))]  # fmt: skip
    if not mentions:
        return "no disease, drug, gene or phenotype recognised in the question"
    # each said once (a message's subject line and its body name it twice: "not in the graph:
    # Cardiac Event Loop Recorder, Cardiac Event Loop Recorder")
    said: dict[str, Mention] = {}
    for m in mentions:
        said.setdefault(m.text.casefold(), m)
    mentions = list(said.values())
    # a short form in capitals is that name only in capitals ("get" is not GET, hereditary
    # benign telangiectasia)
    named = [m.text for m in mentions
             if any(h.name == m.text or not short_form_in_capitals(h.name)
                    for h in kg.find(m.text, limit=3))]  # fmt: skip
    if named:
        return ("the linker was not sure enough which graph node the question names "
                f"({', '.join(named)})")  # fmt: skip
    # a name near one of the graph's, too far to be sure of ("Supernuclear Palsy": progressive
    # supranuclear palsy at 0.7): the graph may well have it, under a name the words miss
    near = [f"{m.text} (the nearest: {m.candidates[0].node.label}, "
            f"{m.candidates[0].score:.2f})" for m in mentions if m.candidates]  # fmt: skip
    if near:
        return ("no graph name matches the words, and the nearest names were too unsure to use: "
                + "; ".join(near))  # fmt: skip
    return "not in the graph: " + ", ".join(m.text for m in mentions)


class QAEngine:
    """``ask`` and ``verify`` over a graph, a linker, the intent classifier, the verifier,
    an optional passage retriever and an optional diagnoser."""

    def __init__(self, kg: KnowledgeGraph, linker: Linking, intents: Classifying,
                 verifier: Classifying, retriever: Retrieving | None,
                 diagnoser: Diagnosing | None = None,
                 messages: ReadingMessages | None = None,
                 topics: ChoosingTopics | None = None) -> None:  # fmt: skip
        self.kg = kg
        self.messages = messages
        self.topics = topics
        self.linker = linker
        self.intents = intents
        self.verifier = verifier
        self.retriever = retriever
        self.diagnoser = diagnoser
        self.claims = ClaimVerifier(kg, linker, verifier, retriever)
        # answer probabilities go through the calibrator (off only to fit it)
        self.calibrated = True
        # long messages get a second, learned reading when there is a message model (off to
        # read them by the rules alone: what the message model is fitted on)
        self.learned_messages = True
        # what a finding's own pages were read to say (the pages and the graph do not change
        # under a loaded engine): a page is read once, the next question about it is at
        # the graph's speed. (topic, pages, subjects) -> the page's answers
        self._page_reads: dict[tuple[str, tuple[int, ...], tuple[str, ...]], list[Answer]] = {}
        self._page_lock = threading.Lock()

    def classify(self, questions: Sequence[str]) -> list[dict[str, float]]:
        """The intent classifier's probability of each intent, per question."""
        probs = self.intents.predict_proba(list(questions))
        return [dict(zip(self.intents.labels, map(float, p), strict=True)) for p in probs]

    def verify(self, claim: str, mentions: list[Mention] | None = None) -> Verdict:
        return self.claims.verify(claim, mentions)

    def ask(self, question: str, options: Sequence[str] | None = None, k: int = 10) -> Result:
        return self.ask_many([question], [options] if options else None, k)[0]

    def ask_many(self, questions: Sequence[str], options: Sequence[Sequence[str] | None] | None
                 = None, k: int = 10) -> list[Result]:  # fmt: skip
        """Answer many questions, with linking and intent classification batched."""
        if k < 1 or k > MAX_K:
            raise InputError(f"k must be between 1 and {MAX_K}, not {k}")
        out = []
        stems, options = _with_choices(questions, options)
        reads = self._read_many(stems, options)
        for i, (q, read) in enumerate(zip(questions, reads, strict=True)):
            if read is None:
                out.append(Result(q, "other", 0.0, (), (), True, "empty question"))
                continue
            opts = options[i] if options else None
            result = self._answer(q, *read, opts, k)
            drugs_listed = not opts and any(a.node.cls == "Chemical" for a in result.answers)
            if drugs_listed and PREGNANCY.search(q):
                # "What can I take for a headache while pregnant?": the graph's treatments are
                # no list of what is safe then (lisinopril treats hypertension, and harms a fetus)
                result = _noted(result, PREGNANCY_NOTE)
            elif drugs_listed and (AGE_GROUP.search(q) or _CHILD.search(q)):
                # "What can I give my toddler for a fever?" listed aspirin, which children
                # with a fever must not take (Reye syndrome); a child said by age too ("my 2
                # year old" had its salicylates withheld, and no word that the rest may not
                # suit a child either)
                result = _noted(result, AGE_NOTE)
            if (_CURE.search(q) and result.intent == "drugs_for_disease" and result.answers
                    and not opts):  # fmt: skip
                # "Is there a cure for diabetes?" listed insulins at 0.66 as if they cured it
                result = _noted(result, CURE_NOTE)
            if _emergency(q):
                # "What should I do if I think I'm having a heart attack?" got a drug list
                result = _noted(result, EMERGENCY_NOTE)
            elif _CRISIS.search(q):
                # "I'm afraid for myself ... What would you suggest?" got the causes of
                # depression (pellagra first) and nothing else
                result = _noted(result, CRISIS_NOTE)
            out.append(result)
        return out

    def read_many(self, questions: Sequence[str], focus: bool = True) -> list[Reading | None]:
        """How each question would be read (intent, topic, relation, polarity) without
        answering it: what ``ask`` shows first. None for an empty question. ``focus=False``
        reads a long message as a whole, as kgqa did before it looked for the main question."""
        stems, options = _with_choices(questions, None)
        return [r[0] if r else None for r in self._read_many(stems, options, focus=focus)]

    def _read_many(
        self,
        questions: Sequence[str],
        options: Sequence[Sequence[str] | None] | None = None,
        focus: bool = True,
    ) -> list[_Read | None]:
        texts = []
        for q in questions:
            if not isinstance(q, str):
                raise InputError(f"a question must be text, not {type(q).__name__}")
            if len(q) > MAX_QUESTION_CHARS:
                raise InputError(f"question of {len(q)} characters; at most "
                                 f"{MAX_QUESTION_CHARS}")  # fmt: skip
            texts.append(fold_chinese(clean_text(q)))
        # the rules read a message without its portal label; the tagger and the learned
        # reading, fitted on text as sent, read it with the label (offsets are the same)
        labelled, texts = texts, [_unlabelled(t) for t in texts]
        nonempty = [i for i, t in enumerate(texts) if t.strip()]
        # a long message is read for its main question: the intent from that sentence, the
        # topic from it first, then from the subject line (offsets hold: cleaning keeps lengths)
        whole = [MessageFocus(q, (0, len(q))) for q in questions]
        foci = {i: read_message(questions[i]) if focus else whole[i] for i in nonempty}
        mentions = dict(zip(nonempty, self.linker.link_many([labelled[i] for i in nonempty]),
                            strict=True))  # fmt: skip
        self._relink_parts(texts, foci, mentions)
        mentions = {i: [_as_worded(self.kg, m) for m in ms] for i, ms in mentions.items()}
        asked = [_spelt(_asked(texts[i], foci[i], linked(mentions[i])), mentions[i])
                 for i in nonempty]  # fmt: skip
        intents = dict(zip(nonempty, self.classify(asked), strict=True))
        out: list[_Read | None] = []
        for i in range(len(questions)):
            if i not in mentions:
                out.append(None)
                continue
            opts = options[i] if options else None
            read = self._reading(texts[i], intents[i], mentions[i], foci[i], opts)
            if read[0].intent == "other" and not opts:
                # the main question names no relation; a later one may, about the same topic
                alt = self._further(texts[i], intents[i], mentions[i], foci[i])
                if alt is not None and (read[0].topic is None or alt[0].topic == read[0].topic):
                    read = alt
            out.append(read)
        if not options:
            self._read_learned(texts, intents, mentions, foci, out, labelled)
        return out

    def _read_learned(self, texts: Sequence[str], probs: dict[int, dict[str, float]],
                      mentions: dict[int, list[Mention]], foci: dict[int, MessageFocus],
                      reads: list[_Read | None],
                      sent: Sequence[str] | None = None) -> None:  # fmt: skip
        """The second reading of each long message (:mod:`kgqa.understanding.message_intent`):
        where the learned model reads another intent than the rules did, the message is read
        again with that intent, at the model's probability, and that reading stands when it
        finds a topic (or asks no relation). A question asked alone keeps the rules' reading.
        ``sent``: the texts as the model reads them (``texts`` when None). In place."""
        longs = [i for i, r in enumerate(reads) if r is not None and not foci[i].whole]
        sent = texts if sent is None else sent
        if self.messages is None or not self.learned_messages or not longs:
            return
        first = [reads[i] for i in longs]
        said = self.messages.read([sent[i] for i in longs],
                                  [r[0].intent for r in first])  # type: ignore[index]  # fmt: skip
        for i, read, (intent, p) in zip(longs, first, said, strict=True):
            rules = read[0]  # type: ignore[index]
            if (intent == rules.intent or intent not in INTENTS
                    or (rules.intent != "other" and (p < LEARNED_OVER_RULES
                                                     or _asked_plainly(rules, foci[i])))
                    or self._said_in_cues(read, probs[i])):  # type: ignore[arg-type]  # fmt: skip
                continue
            again = self._reading(texts[i], probs[i], mentions[i], foci[i], learned=(intent, p))
            # a relation of nothing the message names is no better reading than the rules'
            # (passages on the message at least say something about it)
            if again[0].topic is not None or again[0].intent == "other":
                reads[i] = again

    def _relink_parts(self, texts: Sequence[str], foci: dict[int, MessageFocus],
                      mentions: dict[int, list[Mention]]) -> None:  # fmt: skip
        """Link a message's main question, subject line and the sentence before the question
        again, each alone, when the message links nothing (or plain substances only): the
        tagger misses names in a long message's run-on text that it finds in a sentence or a
        heading alone ("SUBJECT: claw hand", "Mother has inherited ricketts."). What it finds
        there joins the message's mentions (a plain substance such as "solution" or "capsule"
        does not). A part that links a broad category (more than ``BROAD_SUPERTYPE``
        subtypes) is linked again alone too, and what it names more specifically in the
        category's place takes that place ("Stiff person Syndrome." read as *syndrome* in a
        long message). In place."""

        def broad(node: Node) -> bool:
            return has_more_subtypes(self.kg, node, BROAD_SUPERTYPE)

        parts: list[tuple[int, int, int, bool]] = []
        for i, focus in foci.items():
            if focus.whole:
                continue
            spans = [s for s in dict.fromkeys((focus.question, focus.subject, focus.before))
                     if s is not None and texts[i][slice(*s)].strip()]  # fmt: skip
            found = linked(mentions[i])
            if not any(not is_substance(n) for _, n in found):
                # the question, subject and sentence before it first, then every other
                # sentence ("... please clarify\nwhether I have ectopic kidney." linked
                # nothing in the whole message)
                rest = [s for s in focus.sentences if s not in spans][:RELINK_SENTENCES]
                # (lines as the message has them: cleaning keeps lengths, not line breaks)
                parts += [(i, a, b, False) for a, b in _lines(focus.text, spans + rest)]
                continue
            categories = [m for m, n in found if broad(n)]
            parts += [(i, a, b, True) for a, b in spans
                      if any(_inside(m, (a, b)) for m in categories)]  # fmt: skip
        if not parts:
            return
        again = self.linker.link_many([texts[i][a:b] for i, a, b, _ in parts])
        for (i, a, _, in_place), row in zip(parts, again, strict=True):
            taken = mentions[i]
            for m, node in linked(row):
                m = replace(m, start=m.start + a, end=m.end + a)
                over = [o for o in taken if o.start < m.end and m.start < o.end]
                if is_substance(node):
                    continue
                if in_place:
                    # only a more specific name in a broad category's place
                    if not over or broad(node) or not all(o.node and broad(o.node) for o in over):
                        continue
                    taken = [o for o in taken if o not in over]
                elif over:
                    continue
                taken = sorted([*taken, m], key=lambda x: x.start)
            mentions[i] = taken

    def _further(self, text: str, probs: dict[str, float], mentions: list[Mention],
                 focus: MessageFocus) -> _Read | None:  # fmt: skip
        """A reading of a message from a further sentence that names the relation it asks in
        cue words, for a main question read as ``other`` ("how long would i take the
        medication. what is the success rate of surgery. ... where is the treatment
        available"): the first such sentence whose reading is not ``other``."""
        for span in focus.further:
            if not asks_outright(text[slice(*span)]):
                # a plea that only asks for help ("Please help") asks for no treatment after a
                # question of something else ("how can we determine whether it is muscle
                # waste that is the issue?"): a message that only pleads is read as such
                continue
            alt = replace(focus, question=span, asks=True)
            found = _in_focus(linked(mentions), alt)
            if cued(_spelt(text[slice(*span)], mentions), probs, found) is None:
                continue
            read = self._reading(text, probs, mentions, alt)
            if read[0].intent != "other":
                return read
        return None

    def topic_candidates(self, intent: str, picked: Node, mentions: Sequence[Mention],
                         focus: MessageFocus) -> list[_Candidate]:  # fmt: skip
        """The nodes of ``intent``'s topic class a message links (anywhere in it), each with
        its first mention and its features for the topic chooser
        (:data:`kgqa.understanding.message_topic.FEATURES`), in the order first named. Empty
        when the rules' ``picked`` topic is not among them (a stand-in the chooser does not
        know)."""
        spec = INTENTS.get(intent)
        allowed = spec.topic_classes if spec is not None else None
        by_node: dict[str, list[tuple[Mention, Node]]] = {}
        for m, node in linked(mentions):
            if allowed is not None:
                node = close_candidate(m, lambda n: n.cls in allowed)  # type: ignore[operator]
                if node is None:
                    continue
            by_node.setdefault(node.iri, []).append((m, node))
        if picked.iri not in by_node:
            return []
        order = sorted(by_node, key=lambda iri: min(m.start for m, _ in by_node[iri]))
        # which of them is a subtype of another ("SUBJECT: Anxiety ... Generalized Anxiety
        # Disorder", "AMD ... macular degeneration"): the more specific name says more
        above = {iri: {a.iri for a in self.kg.ancestors(iri)} if len(order) > 1 else set()
                 for iri in order}  # fmt: skip
        rows = []
        for rank, iri in enumerate(order):
            named = by_node[iri]
            node = named[0][1]
            first = min(named, key=lambda x: x[0].start)[0]
            values = {
                "rules_pick": float(iri == picked.iri),
                "log_mentions": math.log1p(len(named)),
                "in_question": float(any(_inside(m, focus.question) for m, _ in named)),
                "in_subject": float(any(_inside(m, focus.subject) for m, _ in named)),
                "in_before": float(any(_inside(m, focus.before) for m, _ in named)),
                "first_named": 1.0 / (1 + rank),
                "broad": float(has_more_subtypes(self.kg, node, BROAD_SUPERTYPE)),
                "narrower": float(any(o in above[iri] for o in order if o != iri)),
                "broader": float(any(iri in above[o] for o in order if o != iri)),
                "negated": float(all(m.negated for m, _ in named)),
                "link_score": max(topic_score(m, node) for m, _ in named),
                "disease": float(node.cls == "Disease"),
                "phenotype": float(node.cls == "Phenotype"),
                "chemical": float(node.cls == "Chemical"),
                "gene": float(node.cls == "Gene"),
                "drug_class": float(node.cls == "DrugClass"),
                "substance": float(is_substance(node)),
            }
            rows.append((first, node, [values[f] for f in TOPIC_FEATURES]))
        return rows

    @staticmethod
    def _said_in_cues(read: _Read, probs: dict[str, float]) -> bool:
        """Whether a message's rule reading names a relation its question or subject line says
        in cue words ("SUBJECT: PROLIA SIDE EFFECTS ... what are they?"): the words stand over
        what the learned reading makes of the whole message."""
        reading, text, found, mentions, focus = read
        if reading.intent == "other":
            # "Would any of these non drug devices be suitable please?" asks for no drug in so
            # many words; the learned reading, fitted on summaries, would list asthma drugs (and
            # "should Advair and Spiriva be used together?" what tiotropium treats)
            said = _spelt(text, mentions)
            return asks_prevention(said, found) or asks_no_relation(said, found)
        # the topic read, wherever the message names it ("Stiff person Syndrome. Please can
        # you tell me what are the early symptoms ...")
        topic = reading.topic.iri if reading.topic is not None else None
        found = [*found, *(x for x in linked(mentions) if x[1].iri == topic and x not in found)]
        said = [cued(_spelt(text, mentions), probs, found)]
        if focus.subject is not None:
            said.append(cued(_spelt(focus.subject_text, mentions), probs, found))
        return reading.intent in said

    def _reading(
        self,
        text: str,
        probs: dict[str, float],
        mentions: list[Mention],
        focus: MessageFocus,
        options: Sequence[str] | None = None,
        learned: tuple[str, float] | None = None,
    ) -> _Read:
        """The reading of ``text`` (its focus). ``learned``: the intent and probability the
        message model read, in place of the rules' reading of the relation asked; the topic
        and what stands on it are read as ever."""
        found = _in_focus(linked(mentions), focus)
        whole_text = text
        # what is asked, as routed and verified: the main question of a long message
        asked = text if focus.whole else text[slice(*focus.question)]
        at = _question_at(text, focus)
        text = asked.strip()
        # the cue words as meant ("tratments"); the text itself (and its offsets) stays as typed
        said = _spelt(text, mentions)
        if learned is None:
            intent, iscore = route(said, probs, found, options, whole=focus.whole)
            if (intent == "diseases_for_drug" and not options and _ADMINISTRATION.search(said)
                    and not _INDICATION.search(said)):  # fmt: skip
                # "Should the Qvar inhaler be shaken before use?" asks how to use the drug,
                # not what it treats (asthma came back at 0.49)
                intent, iscore = "other", max(probs.get("other", 0.0), CUE_SCORE)
            kept_away = (
                intent == "drugs_for_disease"
                or (
                    # "Which vaccine prevents measles?" was read as a diagnosis of no findings (an
                    # exposure a diagnosis names is no question of keeping a disorder away)
                    intent == "diagnosis" and names_vaccine(said)
                )
                or (
                    # "Which vaccines protect against hepatitis B?" read as drugs targeting a gene,
                    # "What vaccines prevent cervical cancer?" as a drug's targets, naming neither
                    intent in ("drugs_targeting", "targets_of_drug")
                    and topic_of(intent, found) is None
                )
            )
            prevented = (asks_to_prevent(said, found)
                         and self._prevented(topic_of("drugs_for_disease", found)))  # fmt: skip
            if kept_away and not options and asks_prevention(said, found) and not prevented:
                # "How can I lower my risk of breast cancer?" listed its chemotherapy at 1.00;
                # where a label gives a drug for preventing it, that drug answers ("How can I
                # prevent getting malaria?")
                intent, iscore = "other", max(probs.get("other", 0.0), CUE_SCORE)
            elif (
                (intent in ("other", "drugs_for_disease") or kept_away)
                and not options
                and prevented
            ):
                # "What drugs prevent migraines?", "How do I prevent asthma attacks?": what a
                # label gives for preventing it, the words of prevention its cue
                intent = "drugs_for_disease"
                iscore = max(probs.get(intent, 0.0), CUE_SCORE)
            if (intent == "drugs_for_disease" and not focus.whole and not options
                    and help_wanted_else(said, focus.before_text)):  # fmt: skip
                # "... I cannot find any information on this illness. Can you help??" asks for
                # information, not for what treats it
                intent, iscore = "other", max(probs.get("other", 0.0), CUE_SCORE)
            turned = level_way_kept(text, intent, found, at) if not options else intent
            if turned != intent:
                intent, iscore = turned, max(probs.get(turned, 0.0), CUE_SCORE)
            if (not focus.whole and not options and intent not in _OWN_READING
                    and intent != "other" and iscore < UNSURE_INTENT):  # fmt: skip
                # a message's question the classifier alone reads as a relation, unsure ("Is it
                # possible to obtain this ointment in anything other than a metal tube?" at 0.64
                # what fluocinolone treats): no words of its own name the relation
                intent, iscore = "other", probs.get("other", 0.0)
            if intent == "other" and not focus.whole and not options:
                # a main question that names no relation stands on its subject line's words
                by_subject = subject_cued(_spelt(focus.subject_text, mentions), said, probs,
                                          found)  # fmt: skip
                if by_subject is not None:
                    intent, iscore = by_subject, max(probs.get(by_subject, 0.0), CUE_SCORE)
            if (intent == "other" and not focus.whole and not options and focus.pleads
                    and plea_for_treatment(focus.text, found)):  # fmt: skip
                # "Pls suggest me." after a message about a disorder and its medicines
                intent = "drugs_for_disease"
                iscore = max(probs.get(intent, 0.0), CUE_SCORE)
        else:
            intent, iscore = learned
        if not options and (turned := brought_on(said, intent, found)) != intent:
            # what brings a disorder on is never what treats it, however the question was read
            intent, iscore = turned, max(probs.get(turned, 0.0), CUE_SCORE)
        # a question is a claim to check only when it names both ends ("Would appreciate your
        # comment on this." in a message is none, whatever the classifier made of it; "Can a
        # stye spread to the other eye?", claim at 0.95, asks about one thing: passages answer
        # it, where verifying could only say a claim needs two)
        if (intent == "claim" and not options
                and len({n.iri for m, n in found if _inside(m, focus.question)}) < 2
                and not _one_end_said(asked, found, focus)
                and not other_end_worded(asked)):  # fmt: skip
            # ... unless its words name a relation of the one thing: "Is Duchenne muscular
            # dystrophy progressive?" (a claim at 0.98) asks how it goes on
            named = cued(said, probs, found)
            if named is not None and named not in _OWN_READING:
                intent, iscore = named, max(probs.get(named, 0.0), CUE_SCORE)
            else:
                intent, iscore = "other", probs.get("other", 0.0)
        if (intent in ("claim", "other") and not options
                and (turned := self._organ_asked_of(asked, found, focus)) is not None):  # fmt: skip
            # "Can lupus affect the kidneys?", "Can high blood pressure damage the kidneys?":
            # one thing named and an organ, no other end to check a claim against; the
            # disease's findings (a drug's side effects) of the organ answer it
            intent, iscore = turned, max(probs.get(turned, 0.0), CUE_SCORE)
        if (not options and focus.whole
                and (deficiency_named(text) or chromosome_named(text)) is not None):  # fmt: skip
            # "Is Gaucher disease caused by a deficiency of glucocerebrosidase?", "Tay-Sachs
            # disease is due to hexosaminidase A deficiency.": a claim the graph's names decide
            intent, iscore = "claim", max(probs.get("claim", 0.0), CUE_SCORE)
        elif (intent == "diagnosis" and not options and focus.whole and "?" not in text
              and any(is_drug(n) or n.cls == "DrugClass" for _, n in found)
              and parse_claim(text, mentions, self.kg).relation in _DRUG_CLAIMS):  # fmt: skip
            # "Aspirin reduces fever" (a statement of what a drug does) is no list of findings
            # to diagnose: it was answered with malignant hyperthermia at 0.05
            intent, iscore = "claim", max(probs.get("claim", 0.0), CUE_SCORE)
        elif (intent != "claim" and not options and focus.whole and states_something(text)
              and _reads_as_claim(parse_claim(text, mentions, self.kg))):  # fmt: skip
            # a statement given to check, as verify() reads it: "Influenza is caused by a
            # virus." was answered as a question of prevalence, "Diabetes causes peripheral
            # neuropathy." as a diagnosis, "Phenylketonuria is autosomal dominant." with its
            # mode (the claim was not said false), "Lyme disease is transmitted by ticks" with
            # its causes
            intent, iscore = "claim", max(probs.get("claim", 0.0), CUE_SCORE)
        checked = None
        if not focus.whole and not options and focus.asks:
            # "I have diabetes. Can I take prednisone?": whether the drug is contraindicated
            # in the disorder said before, checked on the two sentences together
            checked = _taken_despite(whole_text, said, mentions, focus)
            if checked is None and intent in ("other", "claim"):
                # "SUBJECT: CRPS ... In stage 3 can ones bones break/fracture?": whether the
                # disorder said shows the finding asked of
                checked = _shown_in(whole_text, said, mentions, focus)
            if checked is None and intent in ("other", "claim"):
                # "I started rizatriptan. ... Can this med. cause glaucoma?": whether the
                # drug named before brings on the finding asked of
                meant = _drug_meant(whole_text, said, mentions, focus)
                if meant is not None:
                    checked, drug = meant
                    found = [drug, *found]  # the claim is of the drug: its topic
            if checked is None and intent in ("other", "claim", "side_effects_of_drug"):
                # "... I have now developed mouth sores. Could these be a side of effect of
                # this medicine?": whether the drug brings on what the message told of
                meant = _finding_blamed(whole_text, said, mentions, focus)
                if meant is not None:
                    checked, drug = meant
                    found = [drug, *found]
            if checked is None and intent in ("other", "claim", "side_effects_of_drug"):
                # "I recently developed curvature of the spine. Could this curvature being
                # caused by the Cymbalta?": whether the drug brings on what was told of
                checked = _finding_meant(whole_text, said, mentions, focus)
            if checked is not None:
                intent, iscore = "claim", max(probs.get("claim", 0.0), CUE_SCORE)
        if (not focus.whole and not options and checked is None and intent != "claim"
                and taken_with_another(said, *_asked_and_said(mentions, focus))):  # fmt: skip
            # a question of taking a drug in a message that names another the person takes:
            # how the two go together, which no source of the graph lists
            intent, iscore = "other", max(probs.get("other", 0.0), CUE_SCORE)
        if not focus.whole and not focus.asks and learned is None:
            iscore *= UNASKED
        if not options:
            found = class_asked(text, found, at)
        if not options and (members := members_asked(text, intent, found, at)) is not None:
            intent, iscore = members, max(probs.get(members, 0.0), CUE_SCORE)
        agent_asked = False  # an organism asked for ("What bacteria cause ...")
        if (not options and intent not in _OWN_READING
                and (kind := asked_kind(text, found, at)) is not None):  # fmt: skip
            # "Which parasite causes malaria?": the organism, not what shows malaria; the
            # words naming the kind asked for are no topic ("What kind of cancer causes ...")
            intent, iscore = kind.intent, max(probs.get(kind.intent, 0.0), CUE_SCORE)
            found = [x for x in found if x[0] not in kind.named]
            agent_asked = kind.agent
        if (not options and intent not in ("claim", "contraindications")
                and _variant_asked(text, found)):  # fmt: skip
            # "What is rs7903146 associated with?" (a definition), "What disease is rs429358
            # linked to?" (a diagnosis): a variant's diseases
            intent, iscore = "diseases_of_gene", max(probs.get("diseases_of_gene", 0.0), CUE_SCORE)
        spec = INTENTS.get(intent)
        hit = self._specific_topic(intent, found)
        if hit is None and spec is not None and spec.topic_classes is not None:
            hit = self._same_named_topic(spec.topic_classes, found, intent != "definition")
        if hit is not None and intent == "drugs_for_disease" and not options:
            hit = _asked_for(whole_text, hit, found)
        if (not options and intent in ("drugs_for_disease", "diseases_for_drug",
                                       "side_effects_of_drug")
                and (poisoned := self._poisoning(text, found, at)) is not None):  # fmt: skip
            # "How do I treat a Tylenol overdose?" asks what treats the poisoning, never what
            # acetaminophen treats; a poisoning the graph has no node for is asked of passages.
            # "What happens if you take too much Tylenol?" asks what the poisoning does, of
            # which the graph states nothing: the drug's side effects at its doses had answered
            m, node = poisoned
            treated = intent != "side_effects_of_drug" and node is not None
            intent = "drugs_for_disease" if treated else "other"
            iscore = max(probs.get(intent, 0.0), CUE_SCORE)
            spec, hit = INTENTS[intent], (m, node) if node is not None else (m, m.node)
        if hit is None and not focus.whole and not options and focus.before is not None:
            # "Stiff person Syndrome. Please can you tell me what are the early symptoms I have
            # severe cramps ...": the question names things of another kind than it asks
            # about; what it asks about is in the sentence before it
            before = [x for x in linked(mentions) if _inside(x[0], focus.before)]
            hit = topic_mention(intent, [x for x in before if x not in found])
        if (hit is not None and not focus.whole and not options
                and has_more_subtypes(self.kg, hit[1], BROAD_SUPERTYPE)):  # fmt: skip
            # "Duchenne Muscular Dystrophy. I am doing a research project on this genetic
            # disease ...": a broad category the question names ("genetic disease", over
            # BROAD_SUPERTYPE subtypes) gives way to a disorder of its kind the subject line,
            # else the sentence before, names specifically
            hit = self._named_before(hit, mentions, focus, spec) or hit
        if (
            hit is None
            and (not focus.whole or iscore < UNSURE_INTENT)
            and not options
            and found
            and spec is not None
            and spec.topic_classes is not None
        ):
            # a message's question (or a question the classifier is unsure of) read as a
            # relation of a kind it names nothing of (the side effects of "Sjogrens", the uses
            # of "bruxism", what "the chemicals or meds in lidocaine" treat): the classifier
            # misread a text unlike its training; it is a question about what it names,
            # answered with passages
            intent, iscore = "other", probs.get("other", 0.0) * (UNASKED if not focus.asks else 1)
            spec, hit = INTENTS.get(intent), topic_mention("other", found)
        if (hit is None and intent == "side_effects_of_drug" and not options
                and not DRUG_SAID.search(text)):  # fmt: skip
            # "What are the risks of in vitro fertilization?", "What is the effect of vasectomy
            # on orgasms?": the harms of a procedure, a device or a plant, which no drug label
            # lists; passages answer it
            intent, iscore = "other", max(probs.get("other", 0.0), CUE_SCORE)
            spec, hit = INTENTS.get(intent), topic_mention("other", found)
        near = (focus.question, focus.subject, focus.before)
        if (intent == "definition" and hit is not None and not focus.whole and not options
                and not any(_inside(hit[0], span) for span in near)):  # fmt: skip
            # "What is the significance of keeping my daily fluid intake at 2 liters? ... I
            # have been diagnosed with congestive heart failure": what a thing is, asked of
            # something neither the question, its subject line nor the sentence before it
            # names, is no question what the thing named elsewhere is
            intent, iscore = "other", probs.get("other", 0.0)
            spec, hit = INTENTS.get(intent), topic_mention("other", found)
        if hit is not None and not focus.whole:
            hit = _more_specific(self.kg, hit, linked(mentions))
        if hit is not None and not options:
            hit = _named_earlier(whole_text, hit, linked(mentions))
        if (hit is not None and not focus.whole and not options and intent != "claim"
                and self.topics is not None and self.learned_messages):  # fmt: skip
            # which of the things the message names it asks about, as people write (the
            # subject line, the thing named throughout, not a side mention in the question)
            rows = self.topic_candidates(intent, hit[1], mentions, focus)
            if len(rows) > 1:
                pick = rows[self.topics.choose([r for _, _, r in rows])]
                if pick[1].iri != hit[1].iri:
                    # as specifically as the message names it ("microcytic anemia", not anemia)
                    hit = _more_specific(self.kg, (pick[0], pick[1]), linked(mentions))
        if (intent == "causes" and hit is not None and not options and not agent_asked
                and not _CONTAGION.search(said) and not _RISK_FACTORS.search(said)):  # fmt: skip
            # (an organism asked for stays one: "What bacteria cause stomach ulcers?" had listed
            # the rare diseases that show gastric ulcers; so does whether one catches it: "Is
            # acne contagious?" listed the diseases that show HPO's acne, acromegaly first)
            finding = self._finding_named(hit)
            if finding is not None:
                # "What causes headaches?": the tagger's finding (HPO's Headache), not the
                # close disease heading (MeSH's Headache Disorders), of which the graph says
                # no cause; a finding's causes are the diseases that show it
                intent, hit = "diseases_of_phenotype", finding
                spec = INTENTS[intent]
        elif (intent == "diseases_of_phenotype" and hit is not None and not options
                and _CAUSE_WORD.search(said)
                and (infection := self._infection_named(hit)) is not None):  # fmt: skip
            # "What causes pulmonary tuberculosis?": HPO's finding of the name, whose causes
            # would be the immunodeficiencies that show it; DO's disease of the name has its
            # organism, which is the cause asked for
            intent, hit, spec = "causes", infection, INTENTS["causes"]
        if intent == "causes" and hit is not None and self._passed_on_by_birth(said, hit[1]):
            # "How is Huntington's disease transmitted?": from parent to child, the graph says
            intent, spec = "inheritance", INTENTS["inheritance"]
        if hit is not None and spec is not None and intent != "claim" and not options:
            hit = self._twin_of_the_class_asked(spec.topic_classes, hit)
        sign = polarity(said, intent)
        # in "Which of these is NOT a symptom of X?" the "not" belongs to the relation asked,
        # not to X: a negated question does not make its topic a negated mention
        negated_topic = bool(hit and hit[0].negated) and sign != "negated"
        also = (tuple(co_topics(said, intent, found, hit[1]))
                if hit is not None and spec is not None and spec.relation else ())  # fmt: skip
        reading = Reading(
            intent, round(iscore, 4), hit[1] if hit else None,
            round(topic_score(*hit), 4) if hit else 0.0, negated_topic,
            spec.relation if spec else None, bool(spec and spec.reversed),
            sign, also,  # type: ignore[arg-type]
        )  # fmt: skip
        return reading, checked or text, found, mentions, focus

    def _poisoning(self, text: str, found: Linked,
                   at: int) -> tuple[Mention, Node | None] | None:  # fmt: skip
        """The poisoning a question names by a drug and a word of too much ("Tylenol
        overdose", "aspirin poisoning", "lithium toxicity"), with the drug's mention: the
        graph's "<drug> poisoning" by the drug's name or label (paracetamol poisoning), or None
        for the node when the graph has none (what treats poisoning in general, atropine for
        organophosphates, is no answer for aspirin). None when no drug is named so."""
        for m, node in found:
            if node.cls not in ("Chemical", "DrugClass") or m.end < at:
                continue
            if (_TOO_MUCH.match(text[m.end - at :]) is None
                    and _TOO_MUCH_OF.search(text[: max(0, m.start - at)]) is None):  # fmt: skip
                continue
            for name in dict.fromkeys((m.text, node.label, m.candidates[0].name)):
                hits = [h.node for h in self.kg.find(f"{name} poisoning", limit=3)
                        if h.match in ("exact", "normalized")
                        and h.node.cls == "Disease"]  # fmt: skip
                if hits:  # as sure of the poisoning as of the drug it is named by
                    return _taken_as(m, node, hits[0], f"{name} poisoning")
            return m, None
        return None

    def _named_before(self, hit: tuple[Mention, Node], mentions: list[Mention],
                      focus: MessageFocus, spec: Intent | None = None
                      ) -> tuple[Mention, Node] | None:  # fmt: skip
        """The first thing of the topic's class, no broad category, that a message's subject
        line, else the sentence before its question, names (not negated); None if none. For a
        question that only pleads ("PLEASE HELP ME."), the first such thing any sentence
        names, a finding or a disease as the intent takes either ("I AM HAVING A PROBLEM IN
        WALKING. I GOT A INJURY IN HEAD ALSO." listed dexrazoxane, stated of *Wounds and
        Injuries* for extravasation injury)."""
        classes = {hit[1].cls}
        spans = [focus.subject, focus.before]
        if focus.pleads:
            if spec is not None and spec.topic_classes is not None:
                classes |= set(spec.topic_classes) & _DISORDER_CLASSES
            spans += list(focus.sentences)
        for span in spans:
            if span is None:
                continue
            for m, node in linked(mentions):
                if (_inside(m, span) and not m.negated and node.cls in classes
                        and not has_more_subtypes(self.kg, node, BROAD_SUPERTYPE)):  # fmt: skip
                    return m, node
        return None

    def _same_named_topic(self, classes: Sequence[str], found: Linked,
                          infections: bool = False) -> tuple[Mention, Node] | None:  # fmt: skip
        """A topic of the classes asked of, named exactly as a node the question names of
        another class ("What are the symptoms of kidney stones?": HPO's *Nephrolithiasis*, a
        finding, is DO's *nephrolithiasis*, a disease), else the disease an organism it names
        causes (:func:`infection_of`) where ``infections`` and a disease is the topic asked of
        first (not for what the organism is, nor for the diseases a finding is a sign of); not
        negated first."""
        for m, node in sorted(found, key=lambda x: x[0].negated):
            for other in same_named(self.kg, node)[1:]:
                if other.cls in classes:
                    # as sure of it as of the node of its name the linker gave
                    return _taken_as(m, node, other, other.label)
        if not infections or classes[:1] != ("Disease",):
            return None
        for m, node in sorted(found, key=lambda x: x[0].negated):
            # "What is the treatment for hepatitis C virus?": the infection its organism causes
            infection = infection_of(self.kg, node, {c.node.iri for c in m.candidates})
            if infection is not None:
                return _taken_as(m, node, infection, node.label)
        return None

    def _twin_of_the_class_asked(self, classes: Sequence[str] | None,
                                 hit: tuple[Mention, Node]) -> tuple[Mention, Node]:  # fmt: skip
        """The disorder topic as the node of its exact name in the disorder class the intent
        asks of first (a disease, for an intent of no topic class), whichever of the two the
        words reached: "Kidney Stone" reached HPO's *Nephrolithiasis* and "kidney stones" DO's
        *nephrolithiasis*, one concept, and a treatment question is asked of the disease
        either way."""
        m, node = hit
        first = next((c for c in classes if c in _DISORDER_CLASSES), None) if classes else "Disease"
        if node.cls not in _DISORDER_CLASSES or first is None or node.cls == first:
            return hit
        # the name as said, not with "disorder" put to it or taken off (HPO's *Pain* is no
        # DO's *pain disorder*, a mental disorder); the twin of the source that ranks first
        # (DO before MeSH)
        said = normalize_name(node.label).endswith(" disorder")
        twins = [n for n in same_named(self.kg, node)[1:] if n.cls == first
                 and normalize_name(n.label).endswith(" disorder") == said]  # fmt: skip
        if not twins:
            return hit
        twin = min(twins, key=lambda n: self.kg.priority(n.iri))
        return _taken_as(m, node, twin, twin.label)

    def _specific_topic(self, intent: str, found: Linked) -> tuple[Mention, Node] | None:
        """The topic (:func:`topic_mention`) among ``found`` with broad categories last,
        and a broad category only when no mention of any class the intent takes is more
        specific: "What are the treatments for difficulty in walking after head injury?" is
        about the walking (a finding), not *Wounds and Injuries* (a disease category, whose
        class comes first)."""
        hit = topic_mention(intent, self._categories_last(found))
        spec = INTENTS.get(intent)
        if (hit is None or spec is None or spec.topic_classes is None
                or not has_more_subtypes(self.kg, hit[1], BROAD_SUPERTYPE)):  # fmt: skip
            return hit  # (a question of no relation is about what it names first)
        narrow = [x for x in found if not has_more_subtypes(self.kg, x[1], BROAD_SUPERTYPE)]
        other = topic_mention(intent, narrow)
        if other is not None and not has_more_subtypes(self.kg, other[1], BROAD_SUPERTYPE):
            return other
        # (a narrow mention's node in the class asked of first may be a category again)
        return self._own_named(other or hit, spec.topic_classes) or other or hit

    def _own_named(self, hit: tuple[Mention, Node], classes: Sequence[str]
                   ) -> tuple[Mention, Node] | None:  # fmt: skip
        """The node the words name exactly, by a name of its own, where the category ``hit``
        reached is only the heading corpus annotators coded those words with: "peripheral
        neuropathy", coded *Peripheral Nervous System Diseases* (DO's *peripheral nervous
        system disease*, of more than 200 kinds, no treatment the graph states of it), is
        HPO's *Peripheral neuropathy* by its own name, of which the graph states treatments.
        None when the words reached the category otherwise, or no such node is of the
        ``classes`` asked of."""
        m, node = hit
        if not any(c.node.iri == node.iri and c.match == "annotated" for c in m.candidates):
            return None
        said = normalize_name(m.text)
        for c in m.candidates:
            if (c.node.iri != node.iri and c.match in OWN_NAMES and c.score >= NIL_THRESHOLD
                    and c.node.cls in classes and normalize_name(c.name) == said
                    and not has_more_subtypes(self.kg, c.node, BROAD_SUPERTYPE)):  # fmt: skip
                return m, c.node
        return None

    def _categories_last(self, found: Linked) -> Linked:
        """``found`` with the mentions of broad categories (more than ``BROAD_SUPERTYPE``
        subtypes: "genetic disease", "Infection") after the rest: "I have renal amyloidosis
        ... one of the hereditary diseases" asks about renal amyloidosis, "a dermatologic
        disease called Nevus Mucinosis" about the nevus."""
        broad = [has_more_subtypes(self.kg, n, BROAD_SUPERTYPE) for _, n in found]
        if not any(broad) or all(broad):
            return found
        return [x for x, b in zip(found, broad, strict=True) if not b] + [
            x for x, b in zip(found, broad, strict=True) if b
        ]

    @staticmethod
    def _organ_asked_of(asked: str, found: Linked, focus: MessageFocus) -> str | None:
        """The intent of a question that names one disease or drug and an organ it may affect
        (:func:`organ_asked`): its findings or side effects; None otherwise."""
        named = {n.iri: n for m, n in found if _inside(m, focus.question) and not m.negated}
        if len(named) != 1 or organ_asked(asked, found) is None:
            return None
        (only,) = named.values()
        if is_drug(only):
            return "side_effects_of_drug"
        return "phenotypes_of_disease" if only.cls == "Disease" else None

    def _of_kinds(self, node: Node, kinds: frozenset[str]) -> bool:
        """Whether ``node`` is one of ``kinds`` (CURIEs) or a kind of one."""
        return node.curie in kinds or any(a.curie in kinds for a in self.kg.ancestors(node))

    def _own_pages(self, topic: Node, said: Sequence[str], broader: bool = True
                   ) -> tuple[list[Passage], list[Node], set[str]]:  # fmt: skip
        """A finding's own pages (MedlinePlus's *Edema*, *Chest Pain*), by its names or the
        words the question named it in (``said``: "insomnia", which linked MeSH's *Sleep
        Initiation and Maintenance Disorders*); else those of the finding it is a kind of by
        where or how long it is (*Pedal edema*, by its name "leg edema", of *Edema*; *Chronic
        cough* of *Cough*) where they speak of that ("... in the feet, ankles and legs"),
        with that finding and the words that make the topic a kind of it (not with
        ``broader`` off). None for another kind (*Arthralgia*, "joint pain": *Pain*'s page
        names no joint)."""
        if not isinstance(self.retriever, Paging):
            return [], [], set()
        names = [name for name, lang in self.kg.labels(topic) if lang == "en"]
        pages = self.retriever.titled([*names, *said])
        if pages or not broader:
            return pages, [], set()
        keys = {normalize_name(name) for name in names}
        for hop in self.kg.neighbours(topic, "subClassOf", direction="out"):
            broader = [name for name, lang in self.kg.labels(hop.object) if lang == "en"]
            ends = {normalize_name(name) for name in broader} - {""}
            # the words that make the topic a kind of it ("leg", of "leg edema")
            kind_words = {w for key in keys for end in ends if key.endswith(f" {end}")
                          for w in key.removesuffix(f" {end}").split()}  # fmt: skip
            if not kind_words:
                continue
            pages = self.retriever.titled(broader)
            said_there = " ".join(normalize_name(p.text) for p in pages)
            if any(re.search(rf"\b{re.escape(w)}", said_there) for w in kind_words):
                return pages, [hop.object], kind_words
        return [], [], set()

    def _page_first(
        self, topic: Node, intent: str, said: Sequence[str], answers: list[Answer],
        keep: Callable[[Answer], bool], classes: Sequence[str] | None = None,
    ) -> tuple[list[Answer], str, set[str], Passage | None]:  # fmt: skip
        """What a finding's own page says brings it on, before the rest of the answers
        (:meth:`_read_first`). Its reading is kept (``PAGE_READS_KEPT``). "What causes swollen
        ankles?" began with Wilson disease and lymphoplasmacytic lymphoma (HPO's rare diseases
        with pedal edema), where MedlinePlus's *Edema* names heart failure, kidney disease and
        cirrhosis. Also the page's title and the answers it names ("" and none: no page)
        (those it moved up: the graph's hundreds of abstracts name are not its), and what the
        page says in words of what brings it on (:func:`page_words`; None: it says nothing)."""
        pages, subjects, kind_words = self._own_pages(topic, said, topic.cls == "Phenotype")
        if not pages:
            return answers, "", set(), None
        words = self._words_of(topic, pages, subjects, said)
        key = (f"{intent} {topic.iri}", tuple(p.pid for p in pages),
               tuple(n.iri for n in subjects))  # fmt: skip
        said_there = self._kept(
            key,
            lambda: page_answers(
                self.linker, self.verifier, topic, intent, pages, subjects, self.kg, classes
            ),
        )
        read = [a for a in said_there
                if (a.support or 0.0) >= SUPPORT_THRESHOLD and keep(a)]  # fmt: skip
        if not read:
            return answers, "", set(), words
        merged, shown = self._read_first(answers, read, kind_words)
        return merged, page_title(pages[0]), shown, words

    def _words_of(self, topic: Node, pages: Sequence[Passage], subjects: Sequence[Node],
                  said: Sequence[str]) -> Passage | None:  # fmt: skip
        """What the topic's own ``pages`` (of it or of ``subjects``) say in words of what
        brings it on (:func:`page_words`), by their names and the words the question said."""
        names = [name for node in (topic, *subjects) for name, lang in self.kg.labels(node)
                 if lang == "en"]  # fmt: skip
        return page_words(pages, [*names, *said])

    def _kept(
        self, key: tuple[str, tuple[int, ...], tuple[str, ...]], read: Callable[[], list[Answer]]
    ) -> list[Answer]:
        """What pages were read to say, under ``key`` (what was asked, the passages, the
        subjects), read once per loaded engine (``PAGE_READS_KEPT`` kept, the oldest dropped
        first): the pages and the graph do not change under it."""
        said_there = self._page_reads.get(key)
        if said_there is None:
            said_there = read()
            with self._page_lock:  # (a service asks from several threads)
                while len(self._page_reads) >= PAGE_READS_KEPT:
                    self._page_reads.pop(next(iter(self._page_reads)))  # the oldest
                self._page_reads[key] = said_there
        return said_there

    def _read_first(self, answers: list[Answer], read: list[Answer],
                    kind_words: Collection[str] = ()) -> tuple[list[Answer], set[str]]:  # fmt: skip
        """``answers`` with what a page or pages said (``read``) first: the answers they name
        too, in their order and with the pages as evidence too (and those hundreds of abstracts
        name beside the topic, ``MOST_WRITTEN``); then their others, those more drugs treat
        first, else in their order; a category after the specific ones. Also the answers moved
        up or added for what the pages said (not those of the hundreds of abstracts)."""
        named = {a.node.iri: a for a in read} | {normalize_name(a.node.label): a for a in read}
        borne: list[Answer] = []  # the answers the page names too, or hundreds of abstracts
        used: set[str] = set()
        written: set[str] = set()  # ... those hundreds of abstracts name, which it does not
        for a in answers:
            if (a.support or 0.0) < SUPPORT_THRESHOLD:
                continue
            said_so = named.get(a.node.iri) or named.get(normalize_name(a.node.label))
            if said_so is not None:
                used.add(said_so.node.iri)
                more = (*said_so.evidence.passages, *a.evidence.passages)
                borne.append(replace(a, evidence=replace(a.evidence, passages=more)))
            elif cooccurrences(a.evidence.triples) >= MOST_WRITTEN:
                # coronary artery disease, which 702 abstracts name beside chest pain (the
                # page speaks of "heart problems"), migraine, in 837 beside headache
                borne.append(a)
                written.add(a.node.iri)
        # the page's others: those people meet (more drugs treat them, up to COMMON_ENOUGH)
        # first, as among the graph's, else in its order (a list of causes is no ranking: the
        # page on edema names sunburn before heart failure)
        # (on the page of the finding the topic is a kind of, what it names in a sentence
        # on the kind first: "Common causes of a chronic cough are ... asthma", before the
        # common cold of "Common causes of an acute cough")
        kind = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(kind_words)))})", re.I)

        left = [a for a in read if a.node.iri not in used]
        drugs = commonness(self.kg, left)  # type: ignore[arg-type]  # (an Answer has .node)

        def order(a: Answer) -> tuple[bool, int]:
            of_kind = not kind_words or any(  # (in the sentence that names it, the last)
                kind.search(p.text[slice(*sentence_bounds(p.text)[-1])])
                for p in a.evidence.passages if p.text.strip())  # fmt: skip
            return not of_kind, -min(drugs.get(a.node.iri, 0), COMMON_ENOUGH)

        left.sort(key=order)
        first = borne + left
        # a category ("heart disease", "viral infectious disease", of the page's "heart
        # problems", "viruses") after the specific answers, as among the graph's; a kind of one
        # is no surer for it ("Cancers", on *Fever*, put kidney and breast cancer first)
        first.sort(key=lambda a: has_more_subtypes(self.kg, a.node, BROAD_ANSWER))
        shown = {a.node.iri for a in first}
        return first + [a for a in answers if a.node.iri not in shown], shown - written

    def _kinds_of_same_named(self, finding: Node) -> set[str]:
        """The kinds (subtypes, to ``KINDS_READ``) of the diseases of exactly a finding's name
        (HPO's *Leukemia*: DO's *leukemia*), and those diseases themselves."""
        out: set[str] = set()
        for node in same_named(self.kg, finding)[1:]:
            if node.cls == "Disease":
                out.add(node.iri)
                out.update(d.iri for d in self.kg.descendants(node, limit=KINDS_READ))
        return out

    def _finding_named(self, hit: tuple[Mention, Node]) -> tuple[Mention, Node] | None:
        """The finding a mention links first, or the finding of exactly the name of the disease
        a causes question took, when that disease has no cause in the graph (none of the
        intent's relations); None otherwise."""
        m, node = hit
        top = m.node
        if node.cls != "Disease" or any(
            self.kg.neighbours(node, h.relation, direction=h.direction)
            for h in INTENTS["causes"].hops
        ):
            return None
        if any(c.node.cls == "Cause" for c in of_subtypes(self.kg, node, "causes", _AGENTS)):
            # "What causes pneumonia?", "... hepatitis?": what causes its kinds (bacteria,
            # viruses, alcohol), not the rare diseases that show it (shigellosis, Q fever)
            return None
        if causes_of_supertypes(self.kg, node):
            # "What causes pulmonary tuberculosis?": tuberculosis's organism, not the
            # immunodeficiencies that show HPO's finding of the name
            return None
        if top is not None and top.cls == "Phenotype" and top.iri != node.iri:
            return m, top
        # "What causes low blood pressure?": the linker's first node is MeSH's *Hypotension*, a
        # disease heading of no cause in the graph; HPO's finding of exactly its name is shown
        # by the diseases that show it
        return self._same_named_topic(("Phenotype",), [(m, node)])

    def _infection_named(self, hit: tuple[Mention, Node]) -> tuple[Mention, Node] | None:
        """The disease of exactly a finding's name when the graph gives an organism as its
        cause or its supertypes' (:func:`~kgqa.answering.candidates.causes_of_supertypes`);
        None otherwise."""
        m, node = hit
        if node.cls != "Phenotype":
            return None
        for other in same_named(self.kg, node)[1:]:
            if other.cls == "Disease" and (
                any(not broad_cause(self.kg, t.object)
                    for t in self.kg.neighbours(other, "causedBy", direction="out"))
                or causes_of_supertypes(self.kg, other)
            ):  # fmt: skip
                return _taken_as(m, node, other, other.label)
        return None

    def _passed_on_by_birth(self, text: str, topic: Node) -> bool:
        """Whether a question of how ``topic`` is transmitted asks how it is inherited: the
        graph gives it a mode of inheritance and no agent that causes or carries it."""
        if not _SPREADS.search(text) or _CONTAGION.search(text):
            # whether one catches it from another ("Is lupus contagious?") is no question of
            # inheritance: a familial form's mode answered it, as if lupus were passed on
            return False
        if not self.kg.neighbours(topic, "hasInheritance"):
            return False
        return not any(self.kg.neighbours(topic, r) for r in ("causedBy", "transmittedBy"))

    def _answer(self, question: str, reading: Reading, text: str, found: Linked,
                mentions: list[Mention], focus: MessageFocus, options: Sequence[str] | None,
                k: int) -> Result:  # fmt: skip
        intent, iscore, topic = reading.intent, reading.intent_score, reading.topic
        spec = INTENTS.get(intent)
        base = dict(question=question, intent=intent, intent_score=round(iscore, 4),
                    mentions=tuple(mentions), reading=reading)  # fmt: skip
        if options:
            return answer_options(text, intent, found, options, base, kg=self.kg,
                                  linker=self.linker, verifier=self.verifier,
                                  retriever=self.retriever, diagnoser=self.diagnoser,
                                  statements=self.claims.statements)  # fmt: skip
        if intent == "claim":
            verdict = self.verify(text, mentions=mentions if focus.whole else None)
            return Result(**base, answers=(), no_answer=verdict.verdict == "unknown",
                          reason=verdict.reason, verdict=verdict,
                          passages=verdict.evidence.passages)  # fmt: skip
        if intent == "diagnosis" and self.diagnoser is not None:
            return self._diagnosis(focus.text.strip(), base, k)  # the findings are the message
        passages = passages_about(self.retriever, text, [topic]) if topic else []
        shown = dict(topic=topic, passages=tuple(passages[:5]))
        if spec is not None and spec.refusal:
            return Result(**base, **shown, answers=(), no_answer=True, reason=spec.refusal)
        if topic is None:
            classes = spec.topic_classes if spec is not None else None
            what = "/".join(classes or ("entity",)).lower()
            reason = (f"no {what} recognised in the question" if found
                      else _unlinked_reason(self.kg, mentions))  # fmt: skip
            if found:
                # what it did name, and of which kind ("the symptoms of low potassium": a
                # finding, Hypokalemia, whose own findings the graph does not list)
                named = ", ".join(dict.fromkeys(f"{n.label} ({n.cls.lower()})" for _, n in found))
                reason += f"; it names {named}"
            # what a search of the question's words finds, when anything is near enough
            near = passages_for(self.retriever, text)
            if near:
                reason += "; the passages are what a search of the question's words found"
            return Result(**base, answers=(), no_answer=True, reason=reason,
                          passages=tuple(near))  # fmt: skip
        if reading.polarity == "negated" and spec is not None and spec.relation is not None:
            reason = (f"the question asks what is not so; kgqa's graph states what is "
                      f"({spec.relation} of {topic.label}) and will not list the rest as "
                      "an answer")  # fmt: skip
            return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
        if intent == "genes_of_disease" and (named := self._named_for_a_gene(text)):
            # "What are the genetic changes related to SLC4A1-associated distal renal tubular
            # acidosis?" had answered ATP6V0A4 and ATP6V1B1 (0.66), distal renal tubular
            # acidosis's other forms' genes: the condition asked of is named for its gene
            gene, words = named
            answer = Answer(gene, round(answer_probability(NAMED_GENE_SCORE, reading), 4),
                            Evidence(), support=NAMED_GENE_SCORE)  # fmt: skip
            reason = (
                f'"{words}" is named for {gene.label}, the gene whose variants cause it '
                f"(not the genes of {topic.label} at large)"
            )
            return Result(**base, **shown, answers=(answer,), no_answer=False, reason=reason)
        if intent == "definition":
            own = [p for p in passages if topic.iri in p.nodes][:3]
            # a drug class is shown by what the graph puts in it ("What are beta blockers?")
            members = (tuple(class_membership(self.kg, topic).values())[:DEFINING_MEMBERS]
                       if topic.cls == "DrugClass" else ())  # fmt: skip
            if topic.cls == "Variant":
                # a variant is what it is associated with: GWAS's statements of it
                members = tuple(c.triples[0] for c in graph_candidates(
                    self.kg, topic, "diseases_of_gene"))[:DEFINING_MEMBERS]  # fmt: skip
            answer = Answer(topic, round(answer_probability(1.0, reading), 4),
                            Evidence(members, tuple(own)), support=1.0)  # fmt: skip
            return Result(**base, **shown, answers=(answer,), no_answer=False)
        if spec is None or spec.relation is None:
            said = passages_only(text, found) if intent == "other" else None
            if (said is None and intent == "other" and not focus.whole
                    and taken_with_another(text, *_asked_and_said(mentions, focus))):  # fmt: skip
                said = INTERACTION_REASON
            if said == PREVENTION_REASON and names_vaccine(text) and topic.cls == "Disease":
                said = self._vaccines_named(topic) or said
            reason = said or f"'{intent}' questions are answered with passages only"
            if said is None and not shown["passages"]:
                # (a message on multicystic dysplastic kidneys got that reason and nothing)
                reason += f"; kgqa holds no passage on {topic.label}"
            return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
        also = list(reading.also)
        if also:  # an intersection: what the graph states of every topic
            every = [topic, *also]
            names = " and ".join(t.label for t in every)
            cands = shared_candidates(self.kg, every, intent)
            if not cands:
                reason = f"the graph states no {spec.relation} answer shared by {names}"
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            # a disease a curated source states each finding of comes before the rest: "What
            # causes both headache and fever?" began with migraine, brain cancer and
            # hypertension, which only abstracts name beside fever
            first = ([c for c in cands if _curated_of_each(c.triples, every)]
                     if intent == "diseases_of_phenotype" else [])  # fmt: skip
            rest = [c for c in cands if c not in first]
            answers = [a for group in (first, rest) if group
                       for a in rank_candidates(self.kg, self.verifier, topic, intent, group,
                                                passages)]  # fmt: skip
            scored = self._scored(answers, reading, k)
            # (what is shared is said: each answer's evidence shows the first topic's statement)
            reason = (f"the answers the graph states ({spec.relation}) of each of {names}, "
                      f"{len(cands)} in all" if scored
                      else "no candidate is supported by its evidence")  # fmt: skip
            return Result(**base, **shown, answers=scored, no_answer=not scored, reason=reason)
        spreads = intent == "causes" and _SPREADS.search(text) is not None
        kind = (asked_kind(text, linked(mentions), _question_at(focus.text, focus))
                if intent in ("causes", "diseases_of_phenotype") else None)  # fmt: skip
        agent = intent == "causes" and kind is not None and kind.agent
        # the organism or the vector asked for, else how it spreads, when asked
        ways = kind.ways if agent and kind else (INFECTION_WAYS if spreads else None)
        if ways is None and intent == "causes":
            # "What causes cold sores?" asks for the virus (herpes simplex's, a supertype's),
            # not how it spreads ("contact transmission", stated of herpes labialis itself);
            # how it spreads answers only when the graph states no cause
            cands = graph_candidates(self.kg, topic, intent, relations=_CAUSES_AS_SUCH)
            cands = cands or graph_candidates(self.kg, topic, intent)
        else:
            cands = graph_candidates(self.kg, topic, intent, relations=ways)
        if cands and spreads and _CONTAGION.search(text):
            # whether one catches it from another: only what an infection (it, or the kind
            # an answer comes through) is caught by ("Is cancer contagious?" was answered
            # asbestos, through malignant mesothelioma)
            cands = [c for c in cands if self._infectious(c.via or topic)]
        if not cands and spreads and not agent and not _SAYS_SPREAD.search(text):
            # "How do you get gout?" asks how one comes to have it: no infection, its causes
            ways = None
            cands = graph_candidates(self.kg, topic, intent)
        if (cands and all(c.via_relation == SHOWN_BY for c in cands)
                and not self._named_as_such(topic, found)):  # fmt: skip
            # "ADCY5-related dyskinesia" linked HPO's dyskinesia: the words name more than the
            # finding, and the genes of every disease that shows it answer nothing asked (a
            # passage names ADCY5)
            cands = []
        # (the hierarchy said is the one the intent reads: "or its super/subtypes" had been said
        # of inheritance, read up only, of a group whose kinds each state one)
        read = "/".join(w.removesuffix("type") for w in sorted(spec.hierarchy, reverse=True))
        # an intent of some terms of its relation says which ("no hasClinicalCourse statement
        # for Tay-Sachs disease" was untrue of a disease the graph gives an onset)
        of_terms = " or ".join(n.label for c in spec.answers_under
                               if (n := self.kg.node(c)) is not None)  # fmt: skip
        silent = (f"the graph has no {spec.relation} statement"
                  + (f" of {of_terms}" if of_terms else "") + f" for {topic.label}"
                  + (f" or its {read}types (categories as broad as skin disease left out)"
                     if read else ""))  # fmt: skip
        if (
            not cands
            and intent == "inheritance"
            and (modes := of_subtypes(self.kg, topic, intent, None))
        ):
            # "How is diabetes inherited?": MODY's types are autosomal dominant, others
            # recessive, and most state none (candidates._one_mode_of_every_kind)
            given = ", ".join(c.node.label for c in modes[:3])
            silent = (f"{topic.label} is a category of more than {BROAD_SUPERTYPE} kinds, and "
                      f"a mode some kinds are given ({given} among them) is no mode of the "
                      "category: ask about one kind"
                      if has_more_subtypes(self.kg, topic, BROAD_SUPERTYPE)
                      else f"the graph gives {topic.label} no mode of its own or of its "
                      f"supertypes; kinds of it are given {given}, not one mode every kind "
                      "shares, so its own is not known from them")  # fmt: skip
        elif (not cands and "subtype" in spec.hierarchy
                and has_more_subtypes(self.kg, topic, BROAD_SUPERTYPE)):  # fmt: skip
            # "Which drugs treat genetic disease?": what one of its kinds is given says nothing
            # of the category (candidates._of_its_kinds)
            silent = (f"{topic.label} is a category of more than {BROAD_SUPERTYPE} kinds, and "
                      f"no {spec.relation} statement the graph has of its kinds holds for two "
                      "of them: ask about one kind")  # fmt: skip
        named, kinds = self._kinds_named(topic, found)
        if spec.relation == "subClassOf":
            kinds = []
        kinds_said = ", ".join(k.label for k, _ in kinds[:KINDS_NAMED])
        if kinds:
            # "Charcot-Marie-Tooth disease type 2A": no node of that name, so type 2 was
            # linked (GDAP1 came first, a gene of type 2K); its kinds named so (2A1, 2A2A,
            # 2A2B) answer, not every kind of type 2
            cands = kinds_candidates(self.kg, kinds, intent)
            silent = (f"the graph has no node named {named!r} and no {spec.relation} "
                      f"statement for its kinds ({kinds_said})")  # fmt: skip
        if ways == CARRIED_BY:
            silent = (f"the graph states nothing that carries {topic.label}, for it or its "
                      "supertypes")  # fmt: skip
        elif ways == CAUSED_BY:
            silent = (f"the graph states no organism that causes {topic.label}, for it or its "
                      "supertypes")  # fmt: skip
        elif ways:
            silent = (f"the graph states no way {topic.label} is transmitted and no agent "
                      "that causes it, for it or its supertypes")  # fmt: skip
            modes = sorted({t.object.label for t in self.kg.neighbours(topic, "hasInheritance")})
            if modes and not self._risk_genes(topic):
                # "Is Huntington's disease contagious?": what the graph does say of how it
                # passes on (not for a disease of many genes, whose mode is a rare form's)
                silent += f"; it states how it is inherited: {', '.join(modes)}"
        # "Which autoimmune disease causes dry mouth?": only the kinds asked for
        wanted = kind.kind if kind is not None and not agent else None
        if kind is not None and kind.infections:
            wanted = self.kg.node(INFECTIOUS_DISEASE)  # DO's "disease by infectious agent"
        below = ({n.iri for n in self.kg.descendants(wanted)} | {wanted.iri}
                 if wanted is not None else None)  # fmt: skip
        if cands and wanted is not None and below is not None:
            kept = [c for c in cands if c.node.iri in below]
            if not kept:
                reason = (f"the graph states {spec.relation} of {topic.label} for "
                          f"{len(cands)} diseases, none of them a kind of "
                          f"{wanted.label}")  # fmt: skip
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            cands = kept
        prevention = None
        if intent == "drugs_for_disease" and asks_to_prevent(text, found):
            # "What drugs prevent migraines?": the drugs a label gives for preventing it or a
            # kind of it (propranolol, topiramate: "Migraine Prevention"), not the triptans
            # that treat it
            kept = list(preventing_candidates(self.kg, topic))
            if not kept:
                treat = (
                    "; the drugs it states treat it, which is not what was asked" if cands else ""
                )
                reason = (f"no label indication in the graph gives a drug for preventing "
                          f"{topic.label} or a kind of it{treat}; {PREVENTION_REASON}")  # fmt: skip
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            prevention = prevention_indication(kept[0])
            cands = kept
        if intent == "drugs_for_disease":
            # the drugs a question asks to leave out: "What else ...", a drug blamed for a
            # finding ("if statins give me muscle pain": no class asked for, either)
            blamed = blamed_drug(focus.text, mentions)
            found = _else_asked(text, found, blamed[0] if blamed else None, focus.text)
        # what is off class among all the drugs stated, before the question leaves any out
        off = (off_class_stated(self.kg, cands, topic)
               if intent == "drugs_for_disease" and cands else None)  # fmt: skip
        asked_class = self._asked_class(found, topic) if "Chemical" in spec.answer_classes else None
        if cands and asked_class is not None:
            # "Which antibiotics treat a bladder infection?": the members of the class asked
            # for, each with its membership statement (acetohydroxamic acid is no antibiotic)
            members = {
                t.subject.iri: t
                for t in self.kg.neighbours(asked_class, "inDrugClass", direction="in")
            }
            kept = [replace(c, path=(*c.path, members[c.node.iri]))
                    for c in cands if c.node.iri in members]  # fmt: skip
            if not kept:
                reason = (f"the graph states {spec.relation} of {topic.label} for {len(cands)} "
                          f"drugs, none of them in {asked_class.label}")  # fmt: skip
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            cands = kept
        gone = left_out(self.kg, found, topic, focus.text, intent)  # (the offsets hold there)
        if cands and gone is not None:
            # "Which drugs treat gout other than allopurinol?", "... asthma without steroids"
            kept = [c for c in cands if not gone.covers(c.node)]
            if not kept:
                reason = (f"the graph states {spec.relation} of {topic.label} for "
                          f"{len(cands)} answers, all of them left out as asked "
                          f"({gone.describe()})")  # fmt: skip
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            if off is not None and not {c.node.iri for c in kept} - off:
                # what is left is the label rows of drugs of no class the others share (a
                # pruritic rash's "other than steroids": thiram, exifone, sodium phosphate, a
                # corticosteroid product's rows), never an answer of their own
                reason = (f"the graph states {spec.relation} of {topic.label} for "
                          f"{len(cands)} drugs; those not left out as asked "
                          f"({gone.describe()}) are {len(kept)} drugs of no class the "
                          "others share (as a rule another product's ingredients, read off "
                          "its label), not what treats it")  # fmt: skip
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            gone = replace(gone, dropped=len(cands) - len(kept))
            cands = kept
        # (asked in the message's question: an organ its history names limits nothing)
        organ = organ_asked(focus.question_text, found) if intent in _OF_AN_ORGAN else None
        if cands and organ is not None:
            # "What are the side effects of aspirin on the ears?" listed diarrhea and nausea:
            # the answers of the organ asked of (HPO's and DO's category of its findings)
            word, of_organ = organ
            kept = [c for c in cands if self._of_kinds(c.node, of_organ)]
            if not kept:
                reason = (f"the graph states {spec.relation} of {topic.label} for {len(cands)} "
                          f"answers, none of them of the {word}")  # fmt: skip
                return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
            cands = kept
        if intent == "diseases_of_phenotype" and cands:
            # "What causes lymphoma?", read as what shows HPO's *Lymphoma*: a kind of the
            # disease of that name (follicular lymphoma, mycosis fungoides) shows it by being
            # one, and is neither its cause nor another disease it comes with
            being = self._kinds_of_same_named(topic)
            cands = [c for c in cands if c.node.iri not in being] or cands

        def from_text(have: Sequence[Answer] = (), read: Sequence[Answer] | None = None
                      ) -> list[Answer]:  # fmt: skip
            # what the passages about the topic name, marked as text: of the kind asked for,
            # not left out as asked, none the graph's answers already hold (by node or name)
            held = {a.node.iri for a in have} | {topic.iri}
            names = {normalize_name(a.node.label) for a in have}
            if read is None:
                read = read_answers(self.linker, self.verifier, topic, intent, passages, text,
                                    self.kg)  # fmt: skip
            out = [
                a
                for a in read
                if a.node.iri not in held and normalize_name(a.node.label) not in names
            ]
            return [a for a in out if as_asked(a)]

        def as_asked(a: Answer) -> bool:
            # a kind of those asked for, not one left out as asked, of the organ asked of
            return ((below is None or a.node.iri in below)
                    and (gone is None or not gone.covers(a.node))
                    and (organ is None or self._of_kinds(a.node, organ[1])))  # fmt: skip

        topped_up = behind = 0  # passages' answers; the graph's after them
        page, paged = "", set()  # the finding's own page, and the answers it names
        signs = False  # ... or those of the pages of diseases that list it among their signs
        words: Passage | None = None  # ... and what that page says in words of its causes
        page_read = False  # (whether a disease's own page was read for its causes)
        later: set[str] = set()  # many abstracts' answers the passages do not say, moved after
        backed: set[str] = set()  # a few abstracts' answers the passages say too
        if cands:
            answers = rank_candidates(self.kg, self.verifier, topic, intent, cands, passages,
                                      asked_words(text), off)  # fmt: skip
            given = [a for a in answers if (a.support or 0.0) >= SUPPORT_THRESHOLD]
            weak = [a for a in given if literature_only(a)]
            written = [a for a in given if from_literature(a) and a not in weak
                       and cooccurrences(a.evidence.triples) < WIDELY_WRITTEN]  # fmt: skip
            if intent in _TEXT_OVER_LITERATURE and (weak or written) and passages:
                read = read_answers(self.linker, self.verifier, topic, intent, passages, text,
                                    self.kg)  # fmt: skip
                # a finding a few abstracts name that the passages say too stands on both, in
                # the passages' order ("What are the symptoms of gout?": swelling, edema in
                # HSDN's few abstracts, had come fourth among them, after back pain)
                weak, backed_weak = _corroborated(weak, read)
                backed = {a.node.iri for a in backed_weak}
                at: dict[str, int] = {}  # each name's first place among the passages' answers
                for i, a in enumerate(read):
                    at.setdefault(normalize_name(a.node.label), i)
                first_said = lambda a: at.get(normalize_name(a.node.label), len(read))  # noqa: E731
                backed_weak.sort(key=first_said)
                # of the findings many abstracts (fewer than WIDELY_WRITTEN) name, those the
                # passages do not say follow those they do, a few abstracts' too ("What are
                # the symptoms of hypothyroidism?": coma, in 66 abstracts, most on myxedema
                # coma, had come before constipation and fatigue, which the passages list)
                unsaid, said = _corroborated(written, read)
                with_text = {a.node.iri: a for a in said}
                later = {a.node.iri for a in unsaid} if said or backed_weak else set()
                more = [a for a in from_text(answers, read)
                        if (a.support or 0.0) >= SUPPORT_THRESHOLD]  # fmt: skip
                more.sort(key=first_said)
                topped_up = len(more) + len(backed_weak) + len(later)
                behind = len(weak) if more or backed_weak else 0
                strong = [with_text.get(a.node.iri, a) for a in given
                          if a not in weak and a.node.iri not in backed]  # fmt: skip
                # among themselves, the more abstracts the likelier (otosclerosis, named beside
                # tinnitus in 47, before rheumatoid arthritis, in 15)
                weak.sort(key=lambda a: -cooccurrences(a.evidence.triples))
                answers = ([a for a in strong if a.node.iri not in later] + backed_weak
                           + [a for a in strong if a.node.iri in later] + more + weak
                           + [a for a in answers if a not in given])  # fmt: skip
            elif (intent in _TOPPED_UP and passages
                  and (len(given) < TOP_UP or _symptom_list_only(given, k))):  # fmt: skip
                # "What are the symptoms of a heart attack?": the graph states necrosis alone;
                # the passages name chest pain, nausea, lightheadedness: after the graph's
                more = [a for a in from_text(answers) if (a.support or 0.0) >= SUPPORT_THRESHOLD]
                topped_up = len(more)
                answers = given + more + [a for a in answers if a not in given]
        else:  # the graph is silent: what the passages about the topic name, marked as text
            answers = from_text()
        said = [m.text for m, node in found if node.iri == topic.iri]
        if (intent == "diseases_of_phenotype" and topic.cls == "Phenotype"
                and not _ASKS_RARE.search(text)):  # fmt: skip
            # what the finding's own page says brings it on comes first
            being = self._kinds_of_same_named(topic)
            answers, page, paged, words = self._page_first(
                topic, intent, said, answers,
                lambda a: as_asked(a) and a.node.iri not in being)  # fmt: skip
            if not paged and passages:
                # no page of its own: the diseases whose own pages list it among their signs
                # come first ("What causes night sweats?": lymphoma's, not mycosis fungoides)
                shown_by = [a for a in self._kept(
                                ("signs " + topic.iri, tuple(p.pid for p in passages), ()),
                                lambda: showing_answers(self.verifier, topic, passages, self.kg))
                            if (a.support or 0.0) >= SUPPORT_THRESHOLD and as_asked(a)
                            and a.node.iri not in being]  # fmt: skip
                if shown_by:
                    answers, paged = self._read_first(answers, shown_by)
                    signs = True
            topped_up += len(paged)
        elif (intent == "causes" and topic.cls == "Disease" and ways is None
                and not _ASKS_RARE.search(text)
                and (_associated_only(answers)
                     or _genes_of_kinds_only(answers, topic))):  # fmt: skip
            # a common disease the graph ties only genes of association studies to (or nothing):
            # the disorders its own page says bring it on, before them ("What causes high
            # blood pressure?" listed ATP2B1 and EDN3; its page names chronic kidney disease
            # and sleep apnea)
            answers, page, paged, words = self._page_first(topic, intent, said, answers, as_asked,
                                                    _CAUSES_ON_A_PAGE)  # fmt: skip
            topped_up += len(paged)
            page_read = True
        withheld: list[tuple[Answer, str]] = []
        last: list[tuple[Answer, str]] = []
        if intent == "drugs_for_disease" and _about_a_child(focus.text):
            answers, withheld, last = self._for_a_child(answers)
        scored = self._scored(answers, reading, k)
        if scored:
            # an answer after another (a passage's after the graph's, a few abstracts' after a
            # passage's, a passage's after one more documents say, a drug stated of the disease
            # after those of a kind of it: "Which drugs treat arthritis?" read p 0.42, 0.38,
            # 0.44, 0.43) is no likelier than the one before it
            capped: list[Answer] = []
            for a in scored:
                capped.append(replace(a, score=min(a.score, capped[-1].score)) if capped else a)
            scored = tuple(capped)
        reason = ""
        complex_note = ""
        if intent == "inheritance" and scored:
            # "Is lupus genetic?": HPO's autosomal dominant (OMIM's susceptibility entry) is
            # no answer for most people with it
            complex_note = self._complex(topic)
            halved = {a.node.iri for a in scored if MENDELIAN_MODE.search(a.node.label)}
        elif intent == "causes" and any(a.node.cls == "Gene" for a in scored):
            # "What causes type 2 diabetes?" listed GCK, HNF1A: genes that raise the risk of a
            # common disease are not what causes it
            complex_note = self._complex(topic, genes=True) or self._associated_only(topic, scored)
            halved = {a.node.iri for a in scored if a.node.cls == "Gene"}
            if complex_note and not page_read:
                # "What causes asthma?": genes that raise its risk (HPO's susceptibility genes
                # among them, so its page was not read for causes): what its page says
                pages, subjects, _ = self._own_pages(topic, said, broader=False)
                words = self._words_of(topic, pages, subjects, said) if pages else None
        if complex_note:
            scored = tuple(sorted((replace(a, score=round(a.score * COMPLEX_MENDELIAN, 4))
                                   if a.node.iri in halved else a for a in scored),
                                  key=lambda a: -a.score))  # fmt: skip
            reason = complex_note
        late_shown = sum(a.node.iri in later for a in scored)
        if scored and any(a.node.iri in paged for a in scored):
            # the topic's own page first: say which, and what comes before and after it
            named = sum(a.node.iri in paged for a in scored)
            stated = sum(a.node.iri in paged and bool(a.evidence.triples) for a in scored)
            first = next(i for i, a in enumerate(scored) if a.node.iri in paged)
            said_by = (
                f"diseases whose own pages (MedlinePlus's, the NIH's, the NCI's) list "
                f"{topic.label} among their signs" if signs
                else f"what the page \"{page}\" names as causes of {topic.label}"
            )  # fmt: skip
            reason = "; ".join(filter(None, [
                f"{named} of these {'is' if named == 1 else 'are'} {said_by}, each with its "
                "passage"
                + (f" ({stated} stated in the graph too)" if stated else ""),
                (f"they follow the {first} the graph states from hundreds of abstracts"
                 if first else "they come first"),
                ("the rest are the graph's and other passages' answers"
                 if len(scored) > named + first else ""), complex_note]))  # fmt: skip
            late_shown = 0
        elif not scored:
            reason = "no candidate is supported by its evidence" if cands else silent
            if intent == "inheritance" and not cands and (risk := self._risk_genes(topic)):
                # "Is Crohn's disease hereditary?": no mode of inheritance, and many genes
                reason = f"{reason}; {risk}"
        elif not cands:
            reason = silent + "; the answers come from passages, each with its passage"
        elif topped_up and (shown_text := sum(a.verdict == FROM_TEXT or a.node.iri in backed
                                              for a in scored)):  # fmt: skip
            weak_shown = sum(a.verdict != FROM_TEXT and a.node.iri not in backed
                             and literature_only(a) for a in scored)  # fmt: skip
            stated = len(scored) - shown_text - (weak_shown if behind else 0)
            if stated:
                where = (
                    f"{shown_text}"
                    if late_shown
                    else f"the {shown_text} after {'them' if stated != 1 else 'it'}"
                )
                reason = (f"the graph states {stated} {spec.relation} "
                          f"answer{'s' if stated != 1 else ''}"
                          f"{' from curated sources or many abstracts' if behind else ''}; "
                          f"{where} come from passages, each with its passage")  # fmt: skip
            else:
                reason = (f"the graph states no {spec.relation} answer from a curated source "
                          f"or many abstracts; the first {shown_text} come from passages, each "
                          "with its passage")  # fmt: skip
            if behind and weak_shown:
                reason += (f"; the last {weak_shown} only appear beside {topic.label} in a "
                           f"few abstracts (fewer than {OFTEN_WRITTEN}), which says no more "
                           "than that someone wrote of both")  # fmt: skip
        if late_shown:
            reason = "; ".join(filter(None, [reason, (
                f"{late_shown} that many abstracts name beside {topic.label}, but the passages "
                "do not, come after those the passages name too")]))  # fmt: skip
        if scored and (beside := named_alongside(text, found, topic)):
            # "Which drugs treat gout and hypertension?": the answers are gout's; say so
            names = " and ".join(n.label for n in beside[:3])
            reason = "; ".join(filter(None, [reason, (
                f"these answers are for {topic.label}; the question also names {names}: ask "
                "about it on its own, or with \"both\" for what they share")]))  # fmt: skip
        had = _had_besides(focus.text, found, topic) if intent == "drugs_for_disease" else []
        if scored and had:
            # "What can I take for a cold if I have high blood pressure?": cold's drugs, none
            # of them checked against what the person has besides (read in the whole text,
            # where the mentions' offsets hold: a long message's question is a part of it)
            names = " and ".join(n.label for n in had[:3])
            unchecked = (f"these treat {topic.label}; kgqa's sources list no contraindications, "
                         f"so none is checked as safe with {names}, which the question says "
                         "the person has")  # fmt: skip
            reason = "; ".join(filter(None, [reason, unchecked]))
        if scored and wanted is not None and cands:
            reason = "; ".join(filter(None, [reason, f"only kinds of {wanted.label}, "
                                             "as asked"]))  # fmt: skip
        if scored and all(a.via_relation == SHOWN_BY for a in scored):
            # "Which genes cause deafness?": no gene is tied to the finding itself
            reason = "; ".join(filter(None, [reason, (
                f"the graph ties no gene to {topic.label} itself: these are the genes of the "
                "diseases HPO annotates with it or a kind of it, those of diseases named for "
                "it and of few other diseases first")]))  # fmt: skip
        if scored and kinds:
            reason = "; ".join(filter(None, [reason, (
                f"the graph has no node named {named!r}: {topic.label} was linked, and the "
                f"answers are those of its kinds named so ({kinds_said})")]))  # fmt: skip
        if scored and prevention is not None:
            reason = "; ".join(filter(None, [reason, (
                f"only drugs a label indication gives for preventing {topic.label} "
                f"(\"{prevention}\"), as asked")]))  # fmt: skip
        if scored and asked_class is not None and cands:
            reason = "; ".join(filter(None, [reason, f"only members of {asked_class.label}, "
                                             "as asked"]))  # fmt: skip
        if scored and gone is not None and gone.dropped:
            left = f"left out, as asked: {gone.describe()} ({gone.dropped} of the graph's answers)"
            reason = "; ".join(filter(None, [reason, left]))
        if withheld:
            names = ", ".join(a.node.label for a, _ in withheld[:5])
            why = "; ".join(dict.fromkeys(w for _, w in withheld))
            reason = "; ".join(filter(None, [reason, f"not given to a child: {names} ({why})"]))
        shown_last = [(a, w) for a, w in last if a.node.iri in {x.node.iri for x in scored}]
        if shown_last:
            names = ", ".join(a.node.label for a, _ in shown_last[:5])
            why = "; ".join(dict.fromkeys(w for _, w in shown_last))
            reason = "; ".join(filter(None, [reason, (
                f"after the others for a child, as their labels keep them for when others will "
                f"not do: {names} ({why})")]))  # fmt: skip
        if words is not None and (signs or not any(a.node.iri in paged for a in scored)):
            # "What causes asthma?" listed genes association studies tie to it, and its page
            # names no cause the graph holds (the answers may be those of the pages that list
            # the finding: "What causes acne?"): what the page says of its causes, first
            said_so = (f"the page \"{page_title(words)}\" ({words.source} {words.source_id}) "
                       f"says: \"{words.text}\"")  # fmt: skip
            reason = "; ".join(filter(None, [said_so, reason]))
            others = tuple(p for p in shown["passages"] if p.pid != words.pid)  # type: ignore[union-attr]
            shown = {**shown, "passages": (words, *others)[:5]}
        return Result(**base, **shown, answers=scored, no_answer=not scored, reason=reason)

    def _named_as_such(self, topic: Node, found: Linked) -> bool:
        """Whether a mention of ``topic`` says one of its names, not more ("ADCY5-related
        dyskinesia", linked to dyskinesia, says more)."""
        names = _names_of(self.kg, topic)
        return any(n.iri == topic.iri and normalize_name(m.text) in names for m, n in found)

    def _vaccines_named(self, disease: Node) -> str:
        """What to say of a vaccine asked for against ``disease`` ("Is there a vaccine for
        shingles?"): the MeSH headings of vaccines named for it (*Herpes Zoster Vaccine*), found
        by its English names (less "infection" or "disease"), and what the graph does not say;
        empty when there are none."""
        forms: list[str] = []
        for name, _ in self.kg.labels(disease, "en"):
            base = _VACCINE_NAME_END.sub("", name.lower()).strip()
            forms += [f for f in (name.lower(), base) if f and f not in forms]
        found: dict[str, Node] = {}
        for form in forms[:VACCINE_NAMES_TRIED]:
            for tail in ("vaccine", "vaccines"):
                for m in self.kg.find(f"{form} {tail}", cls="Chemical", limit=3):
                    if m.match == "exact" and m.node.curie.startswith("MESH:"):
                        found.setdefault(m.node.iri, m.node)
        if not found:
            return ""
        names = ", ".join(n.label for n in found.values())
        return (
            f"MeSH has a heading for vaccines against {disease.label}: {names}; kgqa's "
            "graph does not say which are licensed, who should have one or when; the "
            "passages are what it found: ask a doctor or pharmacist"
        )

    def _infectious(self, disease: Node) -> bool:
        """Whether ``disease`` may be an infection: DO classes it (or one of the nodes of its
        name) under *disease by infectious agent*, or its name or a supertype's says it is one,
        or it is no DO node (other vocabularies are not read for it). (Not being one is never
        said to a user: DO files *impetigo* under skin diseases only.)"""
        nodes = [disease, *same_named(self.kg, disease)]
        do = [n for n in nodes if n.curie.startswith("DOID:")]
        if not do:
            return True
        for n in do:
            above = self.kg.ancestors(n)
            # (DO files an organ's infections under the organ: *bacterial pneumonia* is a
            # lung disease, its name says what it is)
            if INFECTIOUS_DISEASE in {a.curie for a in above} or any(
                _INFECTION_NAMED.search(a.label) for a in (n, *above)
            ):
                return True
        return False

    def _kinds_named(self, topic: Node, found: Linked
                     ) -> tuple[str, list[tuple[Node, tuple[Triple, ...]]]]:  # fmt: skip
        """The name a mention of ``topic`` gives, and the topic's kinds (two levels down) whose
        labels extend it, each with its is-a path up to the topic, when the name is none of
        the topic's own but a subtype's the graph has no node for ("Charcot-Marie-Tooth
        disease type 2A" linked type 2: 2A1, 2A2A and 2A2B); ("", []) otherwise."""
        said = [m.text for m, n in found if n.iri == topic.iri]
        if not said or topic.cls != "Disease":
            return "", []
        key = normalize_name(said[0])
        if not _LETTERED.search(key) or key in _names_of(self.kg, topic):
            return "", []
        below = [(h.subject, (h,))
                 for h in self.kg.neighbours(topic, "subClassOf", direction="in")]  # fmt: skip
        below += [(h.subject, (h, *path)) for b, path in list(below)
                  for h in self.kg.neighbours(b, "subClassOf", direction="in")]  # fmt: skip
        kinds: dict[str, tuple[Node, tuple[Triple, ...]]] = {}
        for n, path in below:
            if normalize_name(n.label).startswith(key) and normalize_name(n.label) != key:
                kinds.setdefault(n.iri, (n, path))
        return said[0], sorted(kinds.values(), key=lambda k: k[0].label)

    def _prevented(self, topic: Node | None) -> bool:
        """Whether a label indication in the graph gives a drug for preventing ``topic`` or a
        kind of it."""
        return topic is not None and bool(preventing_candidates(self.kg, topic))

    def _complex(self, topic: Node, genes: bool = False) -> str:
        """A note for a disease genome-wide association studies tie to many genes: a common,
        complex disease, whose Mendelian mode in the graph is that of a rare familial form or
        a susceptibility locus ("" for any other); with ``genes``, whose genes raise its risk
        and do not cause it."""
        tied = gwas_genes(self.kg, topic)
        if tied < COMPLEX_GWAS_GENES:
            return ""
        if genes:
            return (
                f"genome-wide association studies tie {tied} genes to {topic.label}, "
                "a common disease with many causes: a gene listed raises its risk and does "
                f"not cause it alone, and counts {COMPLEX_MENDELIAN:g} times as much here"
            )
        return (
            f"genome-wide association studies tie {tied} genes to {topic.label}: "
            "most cases come from many genes and the environment together; a single-gene "
            "mode the graph states holds only for a rare familial form or a susceptibility "
            f"locus, and counts {COMPLEX_MENDELIAN:g} times as much here"
        )

    def _associated_only(self, topic: Node, answers: Sequence[Answer]) -> str:
        """A note for genes given as a disease's causes that only association studies tie to
        it (DISEASES, GWAS; no HPO or Orphanet gene of a Mendelian form), for a disease the
        graph gives no single-gene mode: "What causes anemia?" listed ITPA and TF at p 0.49 as
        if they caused it ("" otherwise)."""
        genes = [a for a in answers if a.node.cls == "Gene"]
        said = {t.source for a in genes for t in a.evidence.triples}
        if not genes or not said <= ASSOCIATION_SOURCES:
            return ""
        modes = self.kg.neighbours(topic, "hasInheritance")
        if any(MENDELIAN_MODE.search(t.object.label) for t in modes):
            return ""
        return (f"association studies ({', '.join(sorted(said))}) tie these genes to "
                f"{topic.label}, for which the graph gives no single-gene inheritance: a gene "
                "listed raises the risk of it or of a kind of it and is not its cause, and "
                f"counts {COMPLEX_MENDELIAN:g} times as much here")  # fmt: skip

    def _risk_genes(self, topic: Node) -> str:
        """For a disease genome-wide association studies tie to many genes, and of which the
        graph states no mode of inheritance: how many, and the best attested (in or reported
        for the most of its associated variants), and what that means; "" for any other."""
        genes = {t.object.iri: t.object for t in self.kg.neighbours(topic, "associatedWithGene")
                 if t.source == "gwas"}  # fmt: skip
        tied = len(genes)  # as gwas_genes counts them
        if tied < COMPLEX_GWAS_GENES:
            return ""
        loci: dict[str, int] = dict.fromkeys(genes, 0)
        for v in self.kg.neighbours(topic, "associatedWithVariant"):
            near = {t.object.iri for r in ("variantInGene", "variantReportedGene")
                    for t in self.kg.neighbours(v.object, r)}  # fmt: skip
            for iri in near & loci.keys():
                loci[iri] += 1
        best = sorted(genes, key=lambda iri: (-loci[iri], genes[iri].label))
        names = ", ".join(genes[iri].label for iri in best[:RISK_GENES_NAMED])
        return (
            f"genome-wide association studies tie {tied} genes to {topic.label} ({names} ...): "
            "it runs in families as a risk that many genes and the environment make together, "
            "not as a single-gene disease"
        )

    @staticmethod
    def _asked_class(found: Linked, topic: Node) -> Node | None:
        """The drug class a question asks its drugs from ("Which antibiotics ...", "What beta
        blockers ..."): a class mention besides the topic, not negated."""
        return next(
            (n for m, n in found if n.cls == "DrugClass" and not m.negated and n.iri != topic.iri),
            None,
        )

    def _for_a_child(
        self, answers: list[Answer]
    ) -> tuple[list[Answer], list[tuple[Answer, str]], list[tuple[Answer, str]]]:
        """(kept, withheld, last), each withheld or last one with why: a question about a child
        gets no salicylate (aspirin, bismuth subsalicylate ...: Reye syndrome), codeine or
        tramadol, whatever else it treats; a fluoroquinolone or a tetracycline (by the graph's
        classes) comes after the others ("What is the treatment for pneumonia in children?"
        began with ofloxacin and ciprofloxacin). The graph has no age-specific indications;
        these rules, from the drugs' label warnings, are kgqa's own. (SIDER's Reye syndrome
        statements are no guide: it lists ibuprofen too, which children are given.)"""
        kept: list[Answer] = []
        withheld: list[tuple[Answer, str]] = []
        last: list[tuple[Answer, str]] = []
        for a in answers:
            barred = next((why for name, why in _NOT_FOR_A_CHILD if name.search(a.node.label)),
                          None)  # fmt: skip
            if barred is not None:
                withheld.append((a, barred))
                continue
            classes = ([t.object.label for t in self.kg.neighbours(a.node, "inDrugClass")]
                       if (a.support or 0.0) >= SUPPORT_THRESHOLD else [])  # fmt: skip
            held = next((why for cls, why in _LAST_FOR_A_CHILD
                         if any(cls.search(c) for c in classes)), None)  # fmt: skip
            if held is not None:
                last.append((a, held))
            else:
                kept.append(a)
        supported = [a for a in kept if (a.support or 0.0) >= SUPPORT_THRESHOLD]
        rest = [a for a in kept if (a.support or 0.0) < SUPPORT_THRESHOLD]
        return supported + [a for a, _ in last] + rest, withheld, last

    def _named_for_a_gene(self, text: str) -> tuple[Node, str] | None:
        """The gene a condition the question names is named for ("SLC4A1-associated distal
        renal tubular acidosis": SLC4A1), with the words that say so; None when it names
        none (or an HLA allele: "HLA-B27-associated uveitis" has other genes too)."""
        said = NAMED_FOR_GENE_SAID.search(text)
        if said is None:
            return None
        gene = self.claims.named_for(said.group("named"))
        return (gene, said.group(0)) if gene is not None else None

    def _scored(self, answers: list[Answer], reading: Reading, k: int) -> tuple[Answer, ...]:
        """The supported answers (support ≥ ``SUPPORT_THRESHOLD``), at most ``k``, each with
        its probability of answering the question: the calibrated probability that it is right
        (its support unless ``calibrated`` is off), never above its support, times how sure the
        reading is. (The calibrator learnt no weight for support: every dev answer it was fitted
        on had support ≥ 0.99. A lone answer from text that the verifier half believes must not
        come out likelier than that.)"""
        supported = [a for a in answers if (a.support or 0.0) >= SUPPORT_THRESHOLD]
        out = []
        for rank, a in enumerate(supported[:k], 1):
            right = (answer_calibrator().probability(a.support or 0.0, rank, len(supported),
                                                     a.verdict == FROM_TEXT, a.via is not None,
                                                     literature_only(a),
                                                     reading.intent == FINDING_ASKED)
                     if self.calibrated else a.support or 0.0)  # fmt: skip
            right = min(right, a.support or 0.0)
            out.append(replace(a, score=round(answer_probability(right, reading), 4)))
        return tuple(out)

    def _diagnosis(self, text: str, base: dict, k: int) -> Result:
        diff = self.diagnoser.diagnose(text, k=k)  # type: ignore[union-attr]
        answers = []
        for r in diff.ranked[:k]:
            triples = tuple(
                Triple(r.node, "hasPhenotype", c.matched or c.finding.node, "hpo")
                for c in r.explained
            )[:5]
            answers.append(Answer(r.node, round(float(r.posterior), 4), Evidence(triples)))
        if not answers:
            reason = "no phenotype recognised in the findings"
        elif answers[0].score < FLAT_DIFFERENTIAL:
            reason = f"no disease stands out (the likeliest at p {answers[0].score:.2f}); {SCOPE}"
        else:
            reason = SCOPE
        return Result(**base, answers=tuple(answers), no_answer=not answers, reason=reason,
                      differential=diff)  # fmt: skip


def _asked_and_said(mentions: Sequence[Mention], focus: MessageFocus) -> tuple[Linked, Linked]:
    """What a message's main question names, and what the whole message does."""
    said = linked(mentions)
    return [x for x in said if _inside(x[0], focus.question)], said


__all__ = ["QAEngine"]
