"""Claim verification: link → parse the claim (relation and polarity) → graph statements of
that relation, and contradicting ones → passages → the verifier → supported / refuted /
unknown, with the evidence and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from kgqa.answering.candidates import (
    BROAD_SUPERTYPE,
    COMPLEX_GWAS_GENES,
    MENDELIAN_MODE,
    broad_cause,
    class_membership,
    gwas_genes,
    has_more_subtypes,
    members_needed,
    salt_forms,
    same_named,
)
from kgqa.answering.ranking import (
    LITERATURE_SOURCES,
    cooccurrences,
    evidence_text,
    mentioning,
    passages_about,
    passages_for,
    preventing_candidates,
    prevention_indication,
    treated_by,
    verify_pairs,
)
from kgqa.answering.verbalize import CONTRADICTS, statement
from kgqa.errors import InputError
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Evidence, Mention, Node, Passage, Triple, Verdict
from kgqa.stages import Classifying, Linking, Retrieving
from kgqa.text import clean_text, fold_chinese, opposites
from kgqa.understanding.claims import (
    AGENT_KINDS,
    CONTRAINDICATION,
    PREVENTION,
    VECTOR_KINDS,
    parse_claim,
)
from kgqa.understanding.router import linked
from kgqa.validation import MAX_CLAIM_CHARS

VERDICT_THRESHOLD = 0.6
# how sure a verdict is that a graph statement of the pair gives when the verifier reads the
# words otherwise (curated statements are right this often on the claims dev set: see docs)
GRAPH_STATEMENT_SCORE = 0.9
# Relations a passage alone never supports: a text that names a drug and a disease together
# is as often a contraindication, a warning, an indication or a side effect ("patients with
# hyperthyroidism must not take levothyroxine"). Only a graph statement supports these. The
# same holds for is-a: the graph holds the whole disease and phenotype hierarchies, and a
# passage about pneumonia that mentions cancer does not make pneumonia a cancer.
GRAPH_ONLY_SUPPORT = frozenset({"treats", "palliates", "hasSideEffect", "subClassOf"})
# a disease and a finding that only abstracts name together (HSDN) are a claim kgqa supports
# when this many abstracts do, this sure: of 40 such pairs drawn from diseases with curated
# findings and read by hand, 16 of the 20 named in 100 abstracts or more held, 14 of the 20
# named in 50 to 99 (docs/design.md, "Abstracts that name a disease with a finding")
LITERATURE_CLAIM_MIN = 100
LITERATURE_SCORE = 0.8
# the passages that are pages curated on one thing (HPO's definitions, MedQuAD's answers), and
# the kinds of MedQuAD's answers that give a thing's causes and who is at risk of it
CURATED_PAGES = frozenset({"medquad", "hpo"})
CAUSE_PAGES = frozenset({"causes", "susceptibility"})
# ... and, for a claim, what a drug acts on and a variant's diseases: a passage that names
# metformin beside BRCA1 carriers, or a variant beside a disease, says nothing of either
CLAIM_GRAPH_ONLY = GRAPH_ONLY_SUPPORT | {"targets", "associatedWithVariant"}
_GRAPH_ONLY_WHY = {
    "subClassOf": "is-a holds only where the graph's hierarchy says so",
    "targets": "only a graph statement says what a drug acts on",
    "associatedWithVariant": "only a graph statement (the GWAS Catalog's) ties a variant to a "
    "disease",
}
# "Is X autosomal recessive?" is refuted when this many sources or more give X another
# Mendelian mode and none gives that one (see ClaimVerifier._other_mode), this sure
MODE_SOURCES_NEEDED = 2
OTHER_MODE_SCORE = 0.9
# (from one source too, of a disease no genome-wide study ties a gene to: of 16 such GHR claims,
# ghr_inheritance_claims, all were false)
INHERITANCE_QUALIFIER = "HP:0034335"
# a disease linked by dense likeness this sure, this far ahead of the next candidate, counts as
# named for the checks that close a disease's modes or genes: on the gold disease spans of
# NCBI devel and BC5CDR dev such links were right 23 of 25 and 85 of 91 times (exact names:
# 0.87, 0.89; the rest of dense links 0.43, 0.41)
SURE_DENSE = 0.84
SURE_DENSE_MARGIN = 0.1
# a mode said just before the disease's words ("autosomal dominant congenital stationary night
# blindness"), which the linker read without it: the form the claim is of (ClaimVerifier.
# _mode_in_name)
_NAMED_MODE = re.compile(
    r"\b(autosomal[ -]dominant|autosomal[ -]recessive|x[ -]linked(?:[ -](?:dominant|recessive))?)"
    r"\s*,?\s*(?:form\s+of\s+|type\s+of\s+)?$",
    re.I,
)
NAMED_MODES = {"autosomal dominant": "HP:0000006", "autosomal recessive": "HP:0000007",
               "x-linked": "HP:0001417", "x-linked dominant": "HP:0001423",
               "x-linked recessive": "HP:0001419"}  # fmt: skip
# "X is associated with G" is refuted when both curated Mendelian sources (HPO's annotations,
# Orphanet) give X its genes, at most this many, none G nor tied to a kind of X or to what X
# is a kind of (see ClaimVerifier._other_genes), this sure. Ten: the genes of a syndrome of a
# few pathway's genes (Cornelia de Lange's eight cohesin genes, Kabuki syndrome's four); a
# disease of dozens (Bardet-Biedl syndrome's 26, retinitis pigmentosa's 86) still gains genes
MENDELIAN_GENE_SOURCES = frozenset({"hpo", "orphanet"})
FEW_GENES = 10
# how sure a claim that a condition named for a gene is that gene's is (its name says so)
NAMED_GENE_SCORE = 0.95
# A group that the curated sources give no genes of its own ("Niemann-Pick disease",
# "tyrosinemia") has its kinds' genes, this many is-a steps down, as its list, when it has two
# kinds or more and each has genes of its own or of its kinds: types A to C give SMPD1, NPC1,
# NPC2, and "Niemann-Pick disease is associated with PROP1" is refuted as Marfan syndrome's
# CFTR is (ClaimVerifier._of_every_kind)
KIND_GENE_STEPS = 3
# what may follow a disease's name where the claim says no more of which disease it is: the
# end, or the relation's verb ("... is associated with", "..., caused by", "... results from")
# or, in a question, its first word ("Is Niemann-Pick disease autosomal recessive?"), after a
# head word the mention left out at most ("PPM-X" of "PPM-X syndrome")
_NAME_ENDS = re.compile(
    r"(?:\s+(?:syndrome|disease|disorder)\b)?\s*(?:[.?!]*\s*$|[,;:]|(?:is|are|was|were|has|"
    r"have|had|can|could|may|might|must|does|do|did|results?|involves?|arises?|stems?|comes?|"
    r"links?|relates?|associated|caused|linked|related|due|not|never|autosomal|x-linked|"
    r"y-linked|inherited|hereditary|passed|transmitted|dominant|recessive|dominantly|"
    r"recessively)\b)",
    re.I,
)
# the words a name of a kind shares with its group's name that say nothing of which group
# ("Huntington disease-like 1", PRNP's, is a kind of "Huntington disease-like syndrome" the
# hierarchy left out: its name holds the group's words but these)
_GROUP_WORDS = frozenset({"disease", "diseases", "syndrome", "disorder", "s", "type", "the", "of",
                          "and", "with", "familial", "hereditary", "congenital"})  # fmt: skip
OTHER_GENES_SCORE = 0.9
# a drug the graph says treats the opposite level of the one claimed
OPPOSITE_SCORE = 0.9
# HPO's Mendelian inheritance and its kinds: autosomal dominant and recessive, X- and Y-linked
MENDELIAN_MODES = frozenset({"HP:0034345", "HP:0000006", "HP:0000007", "HP:0001417",
                             "HP:0001450"})  # fmt: skip
# a side effect claimed is supported by kinds of it stated: this many shown, looked for among
# about this many of its subtypes, nearest first (walking up from each of a drug's 300 side
# effects took a second and a half)
KINDS_SHOWN = 5
KINDS_LOOKED_AT = 500
# how far below a disease a kind of it may be that an agent is stated to cause
CAUSE_KIND_STEPS = 3
# how many kinds of a disease are looked at for one filed under a kind of organism (cancer
# has thousands; each is walked up)
AGENT_KINDS_LOOKED_AT = 60
# the relations whose statement of a kind of a finding holds of the finding
KIND_RELATIONS = frozenset({"hasSideEffect", "hasPhenotype"})
# the relations a drug class's claim is read through its members for ("statins cause myalgia")
CLASS_RELATIONS = frozenset({"treats", "palliates", "hasSideEffect"})
# a cause the graph gives that names the kind of organism claimed ("Tuberculosis is caused by a
# virus"): the generic *Viruses*, *Bacteria*, *Fungi* nodes, a virus by its name
_AGENT_NAMED = {
    AGENT_KINDS["virus"]: re.compile(r"^viruses$|virus\b|viridae\b", re.I),
    AGENT_KINDS["bacterium"]: re.compile(r"^bacteria$", re.I),
    AGENT_KINDS["fungus"]: re.compile(r"^fungi$", re.I),
    AGENT_KINDS["parasite"]: re.compile(r"^parasites$", re.I),
}
# a drug class is a kind of another when this share of its members (of at least this many;
# the first so many read) are in the other too
CLASS_IN_CLASS = 0.8
CLASS_IN_CLASS_MEMBERS = 3
MAX_MEMBERS_READ = 200


def _one_of_a_union(t: Triple) -> bool:
    """Whether a statement is one of a union of restrictions (``alternatives``): it holds of its
    subject, not of each of the subject's kinds."""
    return any(a.key == "alternatives" for attrs in t.attributes for a in attrs)


def _graph_verdict(s: Node, rel: str, o: Node, neg: bool,
                   triples: list[Triple]) -> tuple[str, str] | None:  # fmt: skip
    """The verdict a graph statement of exactly this pair gives, with its reason: the relation
    stated supports the claim (refutes it negated), a contradicting statement ("not indicated
    for") refutes it (supports it negated), both at once is "unknown". None when the graph
    states nothing of the pair itself (only of a broader disease, say)."""
    own = [t for t in triples if t.subject.iri == s.iri and t.object.iri == o.iri]
    holds = sorted({t.source for t in own if t.relation == rel})
    against = [t for t in own if t.relation == CONTRADICTS.get(rel)]
    if not holds and not against:
        return None
    others = ", ".join(sorted({t.source for t in against}))
    if holds and against:
        return "unknown", (f"the graph's sources disagree: {', '.join(holds)} state it, "
                           f"{others} the opposite")  # fmt: skip
    said = f"{', '.join(holds)} states it" if holds else f"{others} states the opposite"
    return ("supported" if bool(holds) != neg else "refuted"), f"the graph: {said}"


def _with_sources(said: Sequence[tuple[str, str]], sep: str = ", ", most: int = 3) -> str:
    """Each thing said, once, with the sources that say it, the first ``most`` of them.

    Example:
        >>> _with_sources([("Cough", "sider"), ("Cough", "hpo"), ("Rash", "sider")])
        'Cough (sider, hpo), Rash (sider)'
    """
    by: dict[str, list[str]] = {}
    for what, source in said:
        by.setdefault(what, []).append(source)
    return sep.join(f"{w} ({', '.join(dict.fromkeys(v))})" for w, v in list(by.items())[:most])


def _kind_verdict(s: Node, rel: str, o: Node, neg: bool,
                  triples: list[Triple]) -> tuple[str, str] | None:  # fmt: skip
    """The verdict side effects of kinds of ``o`` give ("Ibuprofen does not cause kidney
    disease": SIDER states kidney papillary necrosis and hepatorenal syndrome): a drug that can
    cause a kind of a disorder can cause it. None unless every statement is of ``s``, ``rel``
    ``hasSideEffect``, and of a node other than ``o`` (:meth:`ClaimVerifier.statements` gathers
    only kinds then)."""
    kinds = [t for t in triples if t.subject.iri == s.iri and t.relation == rel
             and t.object.iri != o.iri]  # fmt: skip
    if rel not in KIND_RELATIONS or not kinds or len(kinds) != len(triples):
        return None
    named = _with_sources([(t.object.label, t.source) for t in kinds])
    return ("refuted" if neg else "supported"), f"the graph states {named}: kinds of {o.label}"


def _read_as(verdict: str, triples: Sequence[Triple], passages: Sequence[Passage]) -> str:
    """What the verifier read, and how, where no statement of the pair itself decides ("Duchenne
    muscular dystrophy is X-linked": the graph states X-linked recessive, a kind of it).

    Example:
        >>> _read_as("supported", [], [])
        'the verifier reads the evidence as supporting it'
    """
    how = "supporting" if verdict == "supported" else "refuting"
    if triples:
        named = _with_sources(
            [(f"{t.subject.label} {t.relation} {t.object.label}", t.source) for t in triples], "; "
        )
        return f"the verifier reads the graph's statements as {how} it: {named}"
    if passages:
        return f"the verifier reads {len(passages)} passage(s) as {how} it (no graph statement)"
    return f"the verifier reads the evidence as {how} it"


def _said_whole(text: str, node: Node, mentions: list[Mention]) -> bool:
    """Whether the words the claim names ``node`` by end where its name does: at the end of the
    claim, or where the relation's verb begins. A name the claim goes on qualifying may be of
    another disease ("anhidrotic ectodermal dysplasia with immune deficiency", IKBKG's, read as
    *hypohidrotic ectodermal dysplasia*, had EDA's genes and was refuted), and a list closed for
    the one named says nothing of it."""
    ends = [m.end for m in mentions if m.node is not None and m.node.iri == node.iri]
    return bool(ends) and all(_NAME_ENDS.match(text, end) is not None for end in ends)


def _distinctive_words(label: str) -> frozenset[str]:
    """The words of a disease's name that say which disease it is (:data:`_GROUP_WORDS` left
    out)."""
    return frozenset(normalize_name(label).split()) - _GROUP_WORDS


# the words a numbered subtype's name may say or leave out ("spastic paraplegia type 3A" is
# DO's "hereditary spastic paraplegia 3A")
_SUBTYPE_FILLER = frozenset({"type", "hereditary", "familial"})
_DESIGNATION = re.compile(r"^(?:\d+[a-z]?|[ivx]+[a-z]?)$")


def _same_numbered_name(said: str, name: str) -> bool:
    """Whether two names of a numbered subtype are one name but for the words
    :data:`_SUBTYPE_FILLER` and word order, the number kept ("spastic paraplegia type 3A",
    "hereditary spastic paraplegia 3A"); a likeness that close is a name, not a guess.

    Example:
        >>> _same_numbered_name("spastic paraplegia type 3A", "hereditary spastic paraplegia 3A")
        True
        >>> _same_numbered_name("spastic paraplegia type 3A", "hereditary spastic paraplegia 3B")
        False
        >>> _same_numbered_name("hypercholesterolemia", "familial hypercholesterolemia")
        False
    """
    a, b = (frozenset(normalize_name(x).split()) - _SUBTYPE_FILLER for x in (said, name))
    return a == b and len(a) >= 2 and any(_DESIGNATION.match(w) for w in a)


def _named(node: Node, mentions: list[Mention]) -> bool:
    """Whether a mention names ``node`` first by a name: its own, an id, or one corpus
    annotators gave it, or by a likeness dense search is sure of (:data:`SURE_DENSE`, ahead
    of the next by :data:`SURE_DENSE_MARGIN`); not a loose one ("IBIDS syndrome" read as
    CINCA syndrome, fuzzy 0.80, tied with the next)."""
    return any(m.candidates and m.candidates[0].node.iri == node.iri and _by_name(m)
               for m in mentions)  # fmt: skip


def _by_name(m: Mention) -> bool:
    first = m.candidates[0]
    if first.match in ("exact", "normalized", "id", "annotated"):
        return True
    if _same_numbered_name(m.text, first.name):
        return True
    runner_up = m.candidates[1].score if len(m.candidates) > 1 else 0.0
    return (first.match == "dense" and first.score >= SURE_DENSE
            and first.score - runner_up >= SURE_DENSE_MARGIN)  # fmt: skip


def _decided(
    claim: str,
    holds: bool,
    neg: bool,
    s: Node | None,
    rel: str,
    o: Node | None,
    evidence: Evidence,
    reason: str,
    score: float = GRAPH_STATEMENT_SCORE,
) -> Verdict:
    """A verdict the graph decides at ``score``: ``holds`` says whether the graph bears the
    claimed relation out (or its opposite), the claim's negation turns it."""
    verdict = "supported" if holds != neg else "refuted"
    return Verdict(claim, verdict, score, ((verdict, score),), s, rel, o, neg, evidence, reason)


def _undecided(claim: str, s: Node | None, rel: str | None, o: Node | None, neg: bool,
               evidence: Evidence, reason: str) -> Verdict:  # fmt: skip
    """A verdict of ``unknown`` (score 0): the evidence shown, and why it decides nothing."""
    return Verdict(claim, "unknown", 0.0, (), s, rel, o, neg, evidence, reason)


# "Gaucher disease is caused by a deficiency of glucocerebrosidase", "Fabry disease results
# from deficient alpha-galactosidase A activity", "PKU is a phenylalanine hydroxylase
# deficiency": the disease and the enzyme (or factor, vitamin) it lacks
_VERB = (
    r"(?:(?:is|are|was|were)(?:n't|\s+not|\s+never)?\s+(?:\w+ly\s+)?(?:caused\s+by|due\s+to|"
    r"(?:the|a)\s+result\s+of|an?\s+consequence\s+of|characteri[sz]ed\s+by)"
    r"|(?:(?:does|do)(?:n't|\s+not)\s+)?(?:results?|arises?|stems?)\s+from"
    r"|(?:is|are)(?:n't|\s+not)?(?=\s+(?:an?\s+)?\S+(?:\s+\S+){0,5}\s+deficiency\s*[.!]?$))"
)
_LACKING = (
    r"(?:(?:(?:an?|the)\s+)?(?:(?:inherited|genetic|congenital|partial|complete|severe|total)\s+)?"
    r"(?:deficiency|lack|absence|deficit|shortage)\s+(?:of|in)\s+(?:the\s+)?(?:enzyme\s+)?"
    r"(?P<e>.+?)(?:\s+(?:enzyme|activity|protein))?"
    r"|deficient\s+(?P<e2>.+?)(?:\s+(?:enzyme\s+)?activity)?"
    r"|(?:(?:an?|the)\s+)?(?P<e3>.+?)\s+deficiency)"
)
_DEFICIENCY = re.compile(rf"^(?P<d>.+?)\s+{_VERB}\s+{_LACKING}\s*[.!]?$", re.I)
# ... asked ("Is Gaucher disease caused by a deficiency of glucocerebrosidase?", "Does Fabry
# disease result from alpha-galactosidase A deficiency?"); not "Isn't ...", which asks whether
# it is
_CAUSED = r"caused\s+by|due\s+to|(?:the|a)\s+result\s+of"


def _asked(verbs: str, what: str) -> re.Pattern[str]:
    """A yes-or-no question that a disease (group ``d``, ``d2`` or ``d3``) is caused, in one
    of ``verbs``, by ``what``."""
    return re.compile(
        rf"^(?:(?:is|are|was|were)\s+(?P<d>.+?)\s+(?:\w+ly\s+)?(?:{verbs})"
        r"|(?:does|do|did)\s+(?P<d2>.+?)\s+(?:result|arise|stem)\s+from"
        r"|(?:can|could|may|might)\s+(?P<d3>.+?)\s+be\s+caused\s+by)"
        rf"\s+{what}\s*\?*$",
        re.I,
    )


def _disease_words(m: re.Match[str]) -> str:
    """The disease's words a statement's or a question's match holds."""
    return next(g for g in (m.groupdict().get(k) for k in ("d", "d2", "d3")) if g).strip()


_DEFICIENCY_ASKED = _asked(rf"{_CAUSED}|an?\s+consequence\s+of|characteri[sz]ed\s+by", _LACKING)
# what the deficiency's words may be at most (an enzyme's name, not a clause)
_DEFICIENT_WORDS = 8
_OWN_DEFICIENCY = re.compile(r"^(?:(?P<a>.+) deficiency|deficiency of (?P<b>.+))$")


def deficiency_named(text: str) -> tuple[str, str] | None:
    """The disease's words and the deficient thing's in a claim that a disease is caused by a
    deficiency, or None.

    Example:
        >>> deficiency_named("Gaucher disease is caused by a deficiency of glucocerebrosidase.")
        ('Gaucher disease', 'glucocerebrosidase')
        >>> deficiency_named("Fabry disease results from deficient alpha-galactosidase A activity")
        ('Fabry disease', 'alpha-galactosidase A')
        >>> deficiency_named("PKU is a phenylalanine hydroxylase deficiency")
        ('PKU', 'phenylalanine hydroxylase')
        >>> deficiency_named("Is hemophilia A caused by a deficiency of factor IX?")
        ('hemophilia A', 'factor IX')
        >>> deficiency_named("Does Fabry disease result from alpha-galactosidase A deficiency?")
        ('Fabry disease', 'alpha-galactosidase A')
        >>> deficiency_named("Metformin treats diabetes") is None
        True
    """
    found = _DEFICIENCY.match(text.strip()) or _DEFICIENCY_ASKED.match(text.strip())
    if found is None:
        return None
    thing = (found.group("e") or found.group("e2") or found.group("e3") or "").strip()
    if not thing or len(thing.split()) > _DEFICIENT_WORDS:
        return None
    return _disease_words(found), thing


# "Down syndrome is caused by trisomy 21": a disease said to come of the chromosome change its
# own name gives, said or asked
_CHANGE = r"(?P<e>(?:trisomy|monosomy|tetrasomy|triploidy)\b[^.?!]{0,20}?)"
_CHROMOSOMAL = re.compile(rf"^(?P<d>.+?)\s+{_VERB}\s+(?:an?\s+|the\s+)?{_CHANGE}\s*[.!]?$", re.I)
_CHROMOSOMAL_ASKED = _asked(_CAUSED, rf"(?:an?\s+|the\s+)?{_CHANGE}")


def chromosome_named(text: str) -> tuple[str, str] | None:
    """The disease's words and the chromosome change's in a claim that a disease comes of a
    trisomy or monosomy, or None.

    Example:
        >>> chromosome_named("Down syndrome is caused by trisomy 21.")
        ('Down syndrome', 'trisomy 21')
        >>> chromosome_named("Is Patau syndrome caused by trisomy 13?")
        ('Patau syndrome', 'trisomy 13')
        >>> chromosome_named("Down syndrome is caused by a virus") is None
        True
    """
    m = _CHROMOSOMAL.match(text.strip()) or _CHROMOSOMAL_ASKED.match(text.strip())
    return (_disease_words(m), m.group("e").strip()) if m else None


# "ADCY5-related dyskinesia is associated with ADCY5", "Are POLG-related disorders caused by
# mutations in POLG?": a condition named for a gene (group ``named``), said or asked to be tied
# to a gene (group ``g``). Symbols are matched as written (an all-lower word is no symbol)
_SYMBOL = r"[A-Z][A-Za-z0-9]{1,11}(?:-[A-Z0-9]{1,3})?"
# the verb before the tie, said or denied ("is", "isn't", "are not", "was never")
_COPULA = r"(?:(?i:is|are|was|were)(?i:n't|\s+not|\s+never)?\s+)?"
_GENE_TIE = (
    r"(?i:associated\s+with|caused\s+by|linked\s+to|due\s+to|the\s+result\s+of)"
    r"(?:\s+(?i:(?:(?:pathogenic|inherited|germline|de\s+novo)\s+)?(?:mutations?|variants?|"
    r"changes?|defects?|alterations?)\s+(?:in|of)))?(?:\s+(?i:the))?"
)
_NAMED_FOR_GENE = re.compile(
    rf"^(?:(?i:is|are|was|were)\s+)?(?P<d>(?:[\w'-]+\s+){{0,3}}?(?P<named>{_SYMBOL})[- ]"
    rf"(?i:related|associated|linked)\s+[^,;.?!]+?)\s+{_COPULA}{_GENE_TIE}\s+(?P<g>{_SYMBOL})"
    r"(?:\s+(?i:genes?))?\s*[.?!]*$"
)


# the words before a gene or inheritance relation ("X is associated with", "Is X caused by",
# "X is autosomal recessive"), said or asked: group ``d``
_SUBJECT_BEFORE_TIE = re.compile(
    rf"^(?:(?i:is|are|was|were)\s+)?(?P<d>\S.*?\S)\s+{_COPULA}(?i:associated\s+with|caused"
    r"\s+by|linked\s+to|due\s+to|inherited|(?:an?\s+)?(?:autosomal|x-linked))\b"
)


# a condition named for a gene where a question names it ("... related to SLC4A1-associated
# distal renal tubular acidosis?"): the symbol, and the words up to the next one
NAMED_FOR_GENE_SAID = re.compile(
    rf"(?<![\w-])(?P<named>{_SYMBOL})[- ](?i:related|associated|linked)\s+[A-Za-z][\w'-]*"
    r"(?:\s+[a-z][\w'-]*){0,5}"
)


def gene_named_condition(text: str) -> tuple[str, str, str] | None:
    """The condition's words, the symbol it is named for and the symbol claimed, in a claim
    that a condition named for a gene ("GENE-related ...") is tied to a gene; or None.

    Example:
        >>> gene_named_condition("ADCY5-related dyskinesia is associated with ADCY5.")
        ('ADCY5-related dyskinesia', 'ADCY5', 'ADCY5')
        >>> gene_named_condition("Are POLG-related disorders caused by mutations in TWNK?")
        ('POLG-related disorders', 'POLG', 'TWNK')
        >>> gene_named_condition("Gout is associated with SLC2A9") is None
        True
    """
    m = _NAMED_FOR_GENE.match(text.strip())
    if m is None or " and " in m.group("d") or "/" in m.group("named"):
        return None
    return m.group("d"), m.group("named"), m.group("g")


def _claimed_disease(text: str, words: str, mentions: list[Mention]) -> Node | None:
    """The disease the first mention inside ``words`` (a stretch of ``text``) names, said
    outright (not negated), or None."""
    at = text.find(words)
    return next((m.node for m in mentions if at <= m.start < at + len(words)
                 and m.node is not None and m.node.cls == "Disease" and not m.negated),
                None)  # fmt: skip


# the links that are a guess at how a name is spelt, not a name of the node they say. (A
# likeness of meaning is no such guess here: of the GHR gene and inheritance claims, all 32
# verdicts on a disease linked by likeness alone were right, at link scores of 0.77 to 0.97.)
GUESSED_MATCHES = frozenset({"fuzzy"})


def read_as_linked(verdict: Verdict, mentions: Sequence[Mention]) -> Verdict:
    """The verdict, as sure as it is of the claim *as its words were linked*: its score times
    how sure the linker is of each end whose spelling it only guessed
    (:data:`GUESSED_MATCHES`: a misspelt "Tilennol" is acetaminophen at 0.81, and the graph's
    supported 0.9991 holds for acetaminophen, not surely for what was written). An end a
    mention names by one of its names, or that no mention named as such (a salt form, a
    finding named alike), counts as sure; an unknown verdict stays 0.

    Example:
        >>> from kgqa.records import Candidate
        >>> n = Node("x:1", "X:1", "X", "Chemical")
        >>> m = Mention(0, 1, "x", "CHEMICAL", False, 1.0, (Candidate(n, 0.8, "fuzzy", "x"),))
        >>> v = Verdict("x", "supported", 0.99, (), n, "treats", None, False, Evidence())
        >>> read_as_linked(v, [m]).score
        0.792
    """
    if verdict.verdict == "unknown" or verdict.score <= 0.0:
        return verdict
    sure, guesses = 1.0, []
    for end in {n.iri: n for n in (verdict.subject, verdict.object) if n is not None}.values():
        named = [(c, m) for m in mentions for c in m.candidates if c.node.iri == end.iri]
        if named and all(c.match in GUESSED_MATCHES for c, _ in named):
            c, m = max(named, key=lambda cm: cm[0].score)
            sure *= min(1.0, c.score)
            guesses.append(f'"{m.text}" read as {end.label} (a guess at its spelling, '
                           f"{c.score:.2f})")  # fmt: skip
    if sure >= 1.0:
        return verdict
    reason = "; ".join([verdict.reason, *guesses]) if verdict.reason else "; ".join(guesses)
    return replace(verdict, score=round(verdict.score * sure, 4), reason=reason)


class ClaimVerifier:
    """Checks claims against the graph and passages with the fine-tuned verifier."""

    def __init__(self, kg: KnowledgeGraph, linker: Linking, verifier: Classifying,
                 retriever: Retrieving | None) -> None:  # fmt: skip
        self.kg = kg
        self.linker = linker
        self.verifier = verifier
        self.retriever = retriever
        # the distinctive words of the name of each disease a mode is stated of, per mode,
        # read once (a mode is stated of thousands: 0.12 s a read)
        self._named_with_mode: dict[str, tuple[frozenset[str], ...]] = {}

    def verify(self, claim: str, mentions: list[Mention] | None = None) -> Verdict:
        if not isinstance(claim, str):
            raise InputError(f"a claim must be text, not {type(claim).__name__}")
        if len(claim) > MAX_CLAIM_CHARS:
            raise InputError(f"claim of {len(claim)} characters; at most {MAX_CLAIM_CHARS}")
        text = fold_chinese(clean_text(claim)).strip()
        if not text:
            return _undecided(claim, None, None, None, False, Evidence(), "empty claim")
        mentions = mentions if mentions is not None else self.linker.link(text)
        mentions = self._subject_read_whole(text, mentions)
        return read_as_linked(self._verify(claim, text, mentions), mentions)

    def _subject_read_whole(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions, with a disease named before a gene or inheritance relation read whole
        where the tagger cut it in pieces: the words before "is associated with", "is caused
        by", "is autosomal ..." are linked again alone, and when they link one disease or
        finding over (nearly) all of them, that mention takes the place of the pieces.
        "Tumor necrosis factor receptor-associated periodic syndrome is associated with
        TNFRSF1A" had been read of *cancer* ("tumor"); alone, the words are *TNF receptor-
        associated periodic syndrome*."""
        said = _SUBJECT_BEFORE_TIE.match(text)
        if said is None:
            return mentions
        a, b = said.span("d")
        inside = [m for m in mentions if a <= m.start and m.end <= b]
        if not inside or (len(inside) == 1 and inside[0].end - inside[0].start >= (b - a) * 0.9):
            return mentions
        if any(m.start < a < m.end or m.start < b < m.end for m in mentions):
            return mentions  # a mention runs across the phrase's edge
        again = [m for m in self.linker.link(text[a:b]) if m.linked is not None]
        alone = again[0].linked if len(again) == 1 else None
        if (alone is None or alone.cls not in ("Disease", "Phenotype")
                or again[0].end - again[0].start < (b - a) * 0.9):  # fmt: skip
            return mentions
        if normalize_name(again[0].candidates[0].name) in {normalize_name(m.text) for m in inside}:
            # read alone by the name of a piece ("recurrent hydatidiform mole" as HPO's
            # *Hydatidiform mole*, where the claim had read Orphanet's, of NLRP7): no better
            return mentions
        whole = replace(again[0], start=again[0].start + a, end=again[0].end + a)
        return sorted([m for m in mentions if m not in inside] + [whole], key=lambda m: m.start)

    def _verify(self, claim: str, text: str, mentions: list[Mention]) -> Verdict:
        parsed = parse_claim(text, mentions, self.kg)
        s, rel, o, neg = parsed.subject, parsed.relation, parsed.object, parsed.negated
        if (named := deficiency_named(text)) is not None:
            lacking = self._deficiency(claim, text, named, mentions, neg)
            if lacking is not None:
                return lacking
        if (change := chromosome_named(text)) is not None:
            changed = self._chromosome_change(claim, text, change, mentions, neg)
            if changed is not None:
                return changed
        if (gene_named := gene_named_condition(text)) is not None:
            by_name = self._named_for_gene(claim, text, gene_named, mentions, neg)
            if by_name is not None:
                return by_name
            # the gene the condition is named for is none the claim ties it to ("NOD2-
            # associated Crohn disease is associated with ATG16L1" was read as of NOD2)
            at = text.find(gene_named[0])
            kept = [m for m in mentions
                    if not (m.node is not None and m.node.cls == "Gene"
                            and at <= m.start < at + len(gene_named[0]))]  # fmt: skip
            parsed = parse_claim(text, kept, self.kg)
            s, rel, o, neg = parsed.subject, parsed.relation, parsed.object, parsed.negated
        if rel == "id" and s is not None:
            return self._id_claim(claim, s, parsed.object_id or "", neg)
        if parsed.hereditary and s is not None:
            return self._hereditary(claim, s, neg)
        if parsed.vector is not None and s is not None:
            return self._vector(claim, s, parsed.vector, neg)
        if s is None or o is None or rel is None:
            # nothing to check it against; what the passages say, about the one thing it names
            # ("Can stress cause hair loss?": alopecia) or near its words, is shown
            reason = parsed.reason or "the claim could not be parsed"
            near = (passages_about(self.retriever, text, [s], k=5) if s is not None
                    else passages_for(self.retriever, text))  # fmt: skip
            if near:
                reason += "; the passages are what kgqa found on it, unchecked"
            return _undecided(claim, s, rel, o, neg, Evidence((), tuple(near[:5])), reason)
        if rel == CONTRAINDICATION:
            return self._contraindication(claim, s, o, neg)
        if (
            rel == "hasInheritance"
            and (named_mode := self._mode_in_name(claim, text, s, o, neg, mentions)) is not None
        ):
            return named_mode
        if rel == PREVENTION:
            return self._prevention(claim, s, o, neg)
        if rel == "inDrugClass":
            return self._in_class(claim, s, (o, *parsed.also), neg)
        if rel == "subClassOf" and s.cls == o.cls == "DrugClass" and s.iri != o.iri:
            return self._class_in_class(claim, s, o, neg)
        if rel == "subClassOf" and (path := self._up_to(s, {o.iri}, depth=12)):
            # "Is type 2 diabetes a metabolic disease?": the hierarchy says so, step by step
            # (the verifier, shown only the first step, reads "a kind of diabetes mellitus" as
            # no answer to "a kind of disease of metabolism")
            steps = ", ".join(t.object.label for t in path)
            return _decided(claim, True, neg, s, rel, o, Evidence(path[:1], path=path),
                            f"the graph's hierarchy ({path[0].source}): {s.label} is a kind "
                            f"of {steps}")  # fmt: skip
        if rel == "subClassOf" and o.curie in AGENT_KINDS.values():
            return self._agent_kind(claim, s, o, neg)
        if s.cls == "DrugClass" and rel in CLASS_RELATIONS:
            # ("Penicillin can cause anaphylaxis": its members' labels state HPO's
            # *Anaphylactic shock*, also called so)
            for finding in [o, *self._named_alike(o, rel)] if rel == "hasSideEffect" else [o]:
                through = self._class_claim(claim, s, rel, finding, neg)
                if through is not None:
                    return through
        triples = self.statements(s, rel, o)
        if not triples and rel in ("hasSideEffect", "treats", "hasPhenotype"):
            for other in self._named_alike(o, rel):
                found = self.statements(s, rel, other)
                if rel == "hasPhenotype":
                    # another node of the finding's name by a curated source's word only: HSDN's
                    # abstracts named gout beside HPO's hearing impairment
                    found = [t for t in found if t.source not in LITERATURE_SOURCES]
                if found:
                    triples, o = found, other
                    break
        if not triples and rel in ("hasSideEffect", "treats"):
            # "Lithium treats bipolar disorder": DrugCentral states it of lithium carbonate and
            # lithium citrate; the claim is read as of the salt (which the reading shows)
            for salt in salt_forms(self.kg, s):
                if found := self.statements(salt, rel, o):
                    triples, s = found, salt
                    break
        if rel == "associatedWithGene" and not triples and s.cls == "Disease":
            through = self._gene_of_subtype(claim, s, o, neg)
            if through is not None:
                return through
            if o.cls == "Gene" and _named(s, mentions) and _said_whole(text, s, mentions):
                other = self._other_genes(claim, s, o, neg)
                if other is not None:
                    return other
        if rel == "causedBy" and not triples and s.cls == "Disease" and o.cls == "Cause":
            inherited = self._cause_of_supertype(claim, s, o, neg) or self._cause_of_a_kind(
                claim, s, o, neg
            )
            if inherited is not None:
                return inherited
        if (rel == "hasSideEffect" and not triples and s.cls == "Chemical"
                and o.cls in ("Disease", "Phenotype")):  # fmt: skip
            # "Alcohol causes cirrhosis": no label lists what ethanol does; DO gives what alcohol,
            # its agent twin, causes
            for agent in self._agent_twins(s, mentions):
                caused = self._caused_by(claim, o, agent, neg)
                if caused is not None:
                    return caused
        if rel == "treats" and not triples and s.cls == "Chemical":
            kind = self._treats_kind(claim, s, o, neg)
            if kind is not None:
                return kind
            opposite = self._treats_opposite(claim, s, o, neg)
            if opposite is not None:
                return opposite
        if rel == "hasInheritance" and not triples and _named(s, mentions):
            # (only of a disease named by a name of its own or one corpus annotators gave it: a
            # loose match, "IBIDS syndrome" read as BASAN syndrome, has another disease's modes)
            other = self._other_mode(claim, s, o, neg)
            if other is not None:
                return other
            if _said_whole(text, s, mentions):
                kinds = self._mode_of_kinds(claim, s, o, neg)
                if kinds is not None:
                    return kinds
        weak: list[Triple] = []
        if rel == "hasPhenotype" and (abstracts := self._literature_only(s, triples)):
            # "Does asthma cause blindness?" was supported at 1.00 by HSDN alone: a few
            # abstracts name the two together, which is research attention, not a finding the
            # disease is stated to show (the answers' ranking reads it so too)
            weak, triples = triples, []
        passages = [p for p in passages_about(self.retriever, text, [s, o], k=20)
                    if s.iri in p.nodes and o.iri in p.nodes][:3]  # fmt: skip
        elsewhere: list[tuple[Passage, str]] = []
        if not triples and passages:
            # "Does the common cold cause paralysis?" was supported at 0.94 by MedQuAD's page on
            # Bell's palsy, which names a cold as a trigger and paralysis as its sign: a
            # passage on a third disorder that names both says how each stands to that one
            passages, elsewhere = self._on_the_pair(passages, s, rel, o, text)
        if not triples and not passages and elsewhere:
            p, why = elsewhere[0]
            said = statement(s.label, rel, o.label)
            return _undecided(claim, s, rel, o, neg, Evidence((), (p,)),
                              f"no graph statement says {said}; the passage that names both "
                              f"({p.source} {p.source_id}) is {why}")  # fmt: skip
        if not triples and not passages:
            # the graph is not a closed world: no statement and no passage is not a "no"
            context = self.kg.neighbours(s, rel, direction="out")[:3]
            reason = f"neither the graph nor a passage relates {s.label} and {o.label}"
            if weak:
                context = weak
                reason = (f"no curated source or passage says {s.label} shows {o.label}; "
                          f"only {abstracts:g} abstract(s) name them together "
                          f"({', '.join(sorted({t.source for t in weak}))}): research "
                          "attention, not a finding it is stated to show")  # fmt: skip
            elif rel == "hasInheritance" and context:
                # what a user asking "Is X autosomal recessive?" wants to hear next
                modes = ", ".join(dict.fromkeys(t.object.label for t in context))
                reason += f"; the graph gives its inheritance as {modes}"
            elif (near := self._stated_near(s, rel, o))[0]:
                # "Can lisinopril cause a dry cough?": SIDER says cough, of no kind; that is
                # what the user wants to see, and no answer to the kind asked
                context, said = near
                reason = (
                    f"no graph statement or passage says {statement(s.label, rel, o.label)}; {said}"
                )
            return _undecided(claim, s, rel, o, neg, Evidence(tuple(context), ()), reason)
        # graph statements, when there are any, are the evidence the verifier reads; passages
        # are read only when the graph says nothing about the pair
        evidence = evidence_text(triples, [] if triples else passages)
        probs = verify_pairs(self.verifier, [statement(s.label, rel, o.label, negated=neg)],
                             [evidence])[0]  # fmt: skip
        labels = self.verifier.labels
        best = int(probs.argmax())
        verdict = {"supported": "supported", "refuted": "refuted"}.get(labels[best], "unknown")
        if probs[best] < VERDICT_THRESHOLD:
            verdict = "unknown"
        reason = ("the evidence neither supports nor refutes it" if verdict == "unknown"
                  else _read_as(verdict, triples, passages))  # fmt: skip
        score = float(probs[best])
        stated = _graph_verdict(s, rel, o, neg, triples) or _kind_verdict(s, rel, o, neg, triples)
        if stated is not None:
            # a graph statement of the pair itself (or its contradiction) decides, whatever
            # the verifier makes of the words: polarity is never left to the model
            agrees = labels[best] == stated[0] and score >= VERDICT_THRESHOLD
            verdict, reason = stated
            if verdict == "unknown":
                score = 0.0
            elif not agrees:
                score = GRAPH_STATEMENT_SCORE
                reason += "; the verifier read the words otherwise"
            if (rel == "hasPhenotype" and verdict != "unknown"
                    and (written := self._literature_count(s, triples))):  # fmt: skip
                # abstracts that name the two together often are no curated finding: of 40
                # such pairs drawn and read (docs/design.md), 4 in 5 of those named in 100 or
                # more hold (malaria and fever, 284), the rest a risk or a treatment's aim
                # (type 1 diabetes and obesity, 477)
                score = min(score, LITERATURE_SCORE)
                reason += (f"; only by the literature: {written:g} abstracts name them "
                           "together (HSDN), and such pairs hold about 4 times in 5")  # fmt: skip
            if (rel == "hasInheritance" and verdict != "unknown" and MENDELIAN_MODE.search(o.label)
                    and (tied := gwas_genes(self.kg, s)) >= COMPLEX_GWAS_GENES):  # fmt: skip
                # "Systemic lupus erythematosus is an autosomal dominant disease": HPO says so
                # from OMIM's susceptibility entry; a complex disease is no single-gene one,
                # and kgqa will not call the claim true (nor its negation false) on that
                verdict, score = "unknown", 0.0
                reason = (f"{reason}, but genome-wide association studies tie {tied} genes to "
                          f"{s.label}: a single-gene mode the graph states for a complex "
                          "disease holds only for a rare familial form or a susceptibility "
                          "locus")  # fmt: skip
            if rel == "hasInheritance" and verdict != "unknown":
                verdict, score, reason = self._one_of_modes(s, o, verdict, score, reason)
        if rel == "hasSideEffect" and verdict != "unknown" and triples:
            treated = self._treated_as_well(s, triples)
            if treated is not None:
                # "Tamoxifen causes breast cancer": SIDER read male breast cancer off the
                # label of the drug that treats it; such a statement decides nothing
                verdict, score = "unknown", 0.0
                reason = (f"{reason}; but the graph also states that {s.label} treats "
                          f"{treated.label}: a label's list of adverse events can name what "
                          "the drug is given for, so kgqa will not decide")  # fmt: skip
        # passages alone asserting such a relation: "supported", or a negated claim "refuted"
        asserts = (verdict == "supported") != neg and verdict != "unknown"
        if asserts and not triples and rel in CLAIM_GRAPH_ONLY:
            verdict, score = "unknown", 0.0
            why = _GRAPH_ONLY_WHY.get(rel, "passages that name a drug with a disease can be "
                                      "contraindications or side effects")  # fmt: skip
            reason = f"no graph statement says {statement(s.label, rel, o.label)}; {why}"
            if (near := self._stated_near(s, rel, o))[0]:
                # "Does metformin treat diabetes?": the indications name its type 2
                triples, said = near
                reason += "; " + said
        scores = tuple((lab, round(float(p), 4)) for lab, p in zip(labels, probs, strict=True))
        evidence_used = Evidence(tuple(triples), tuple(passages))
        return Verdict(claim, verdict, round(score, 4), scores,  # type: ignore[arg-type]
                       s, rel, o, neg, evidence_used, reason)  # fmt: skip

    def _on_the_pair(self, passages: Sequence[Passage], s: Node, rel: str, o: Node, claim: str
                     ) -> tuple[list[Passage], list[tuple[Passage, str]]]:  # fmt: skip
        """The passages that may decide a claim of ``s`` and ``o`` alone, and the others, each
        with what it is on instead. A passage is on what its title names: ``s`` or ``o`` (by
        name, a node of the same name or a kind of either, or the claim's own words:
        "Depression"), a third disorder (on which it decides nothing: Bell's palsy names a cold
        as a trigger and paralysis as a sign), or nothing (no title, or one naming no
        disorder: an abstract's title need not name its subject). A curated page on the
        finding of a disease-finding claim decides it only where it gives the finding's causes:
        MedQuAD's page on androgenetic alopecia, in men "associated with ... high blood
        pressure", says no hypertension causes hair loss. Nor does a curated page on a kind
        of the disease: familial hemiplegic migraine shows seizures, migraine need not."""
        sets = [{n.iri for n in same_named(self.kg, node)} for node in (s, o)]
        keys = [normalize_name(node.label) for node in (s, o)]
        said = f" {normalize_name(claim)} "
        kinds_apart = rel == "hasPhenotype"
        side: dict[int, int | None] = {}  # 0: on s, 1: on o, None: on either or nothing said
        unsure: list[Passage] = []
        for p in passages:
            title = normalize_name(p.title)
            named = [i for i, k in enumerate(keys) if title == k or f" {k} " in f" {title} "]
            if kinds_apart and p.source in CURATED_PAGES and title != keys[0] and 0 in named:
                unsure.append(p)  # "familial hemiplegic migraine" names a kind of migraine
            elif not title or named:
                side[p.pid] = named[0] if len(named) == 1 else None
            else:
                unsure.append(p)
        elsewhere: list[tuple[Passage, str]] = []
        for p, mentions in zip(unsure, self.linker.link_many([p.title for p in unsure]),
                               strict=True):  # fmt: skip
            nodes = [n for _, n in linked(mentions)]
            reached = {n.iri for n in nodes} | {a.iri for n in nodes for a in self.kg.ancestors(n)}
            on = [i for i in (0, 1) if sets[i] & reached]
            # the disease itself is a title that is one of its names; more words name a kind,
            # of a node of its own or read as the disease ("sporadic hemiplegic migraine")
            key = normalize_name(p.title)
            itself = any(n.iri in sets[0] and normalize_name(m.candidates[0].name) == key
                         for m, n in linked(mentions))  # fmt: skip
            if kinds_apart and p.source in CURATED_PAGES and on == [0] and not itself:
                elsewhere.append((p, f"on {p.title}, a kind of {s.label}: what a kind shows, "
                                     f"{s.label} as a whole need not"))  # fmt: skip
            elif on:
                side[p.pid] = on[0] if len(on) == 1 else None
            elif f" {key} " in said:
                side[p.pid] = None
            elif third := next((n for n in nodes if n.cls in ("Disease", "Phenotype")), None):
                elsewhere.append((p, f"on {third.label}, and says how each stands to that, "
                                     "not to each other"))  # fmt: skip
            else:
                side[p.pid] = None
        if rel == "hasPhenotype":
            for p in passages:
                if (side.get(p.pid, 0) == 1 and p.source in CURATED_PAGES
                        and p.qtype not in CAUSE_PAGES):  # fmt: skip
                    del side[p.pid]
                    elsewhere.append((p, f"on {p.title} and not on its causes: it names "
                                     f"{s.label} beside it, not as a cause"))  # fmt: skip
        return [p for p in passages if p.pid in side], elsewhere

    def _stated_near(self, s: Node, rel: str, o: Node) -> tuple[list[Triple], str]:
        """The statements of ``rel`` from ``s`` to a supertype of ``o`` (the nearest first, at
        most three), else to a subtype of it, and how they stand to ``o`` in words: what the
        graph does say, when it says nothing of ``o``. ([], "") when it says neither. The
        hierarchies of ``o``'s same-named nodes count too: "Metformin can cause lactic
        acidosis" names DO's disease, whose supertypes are DO's, and SIDER states HPO's
        *Acidosis*, above HPO's *Lactic acidosis*."""
        if rel not in ("hasSideEffect", "treats"):
            return [], ""
        said = self.kg.neighbours(s, rel, direction="out")
        same = same_named(self.kg, o) if rel == "hasSideEffect" else [o]
        order: dict[str, int] = {}
        for n in same:
            for i, a in enumerate(self.kg.ancestors(n)):
                order[a.iri] = min(i, order.get(a.iri, i))
        ours = {n.iri for n in same}
        near = sorted((t for t in said if t.object.iri in order and t.object.iri not in ours),
                      key=lambda t: order[t.object.iri])[:3]  # fmt: skip
        narrower = not near
        if narrower:
            near = [t for t in said
                    if ours & {a.iri for a in self.kg.ancestors(t.object)}][:3]  # fmt: skip
        if not near:
            return [], ""
        named = _with_sources([(t.object.label, t.source) for t in near])
        if narrower:
            return near, f"the graph states it only of {named}, a kind of {o.label}"
        return near, f"the graph states it of {named}, broader, and not which kind"

    def _named_alike(self, o: Node, rel: str) -> list[Node]:
        """The other nodes a claim's ``o`` may be stated as. SIDER states a side effect of one
        node of the name ("Myalgia" the HPO term, not MeSH's disease heading; "lactic
        acidosis" the DO disease, not the HPO term), and the indications name DO's diseases
        ("type 2 diabetes mellitus", not HPO's "Type II diabetes mellitus"); for a finding
        (:data:`KIND_RELATIONS`), also the one that has the name as its own synonym: SIDER
        states metformin's *Decreased circulating vitamin B12 concentration* (HPO's, also
        called "vitamin B12 deficiency"), the claim names DO's disease; HPO annotates its
        *Hearing impairment* (also called "hearing loss"), the claim names MeSH's *Hearing
        Loss*."""
        others = same_named(self.kg, o)[1:]
        if rel in KIND_RELATIONS:
            seen = {o.iri, *(n.iri for n in others)}
            others += [m.node for m in self.kg.find(o.label, cls="Phenotype", limit=5)
                       if m.match == "exact" and m.node.iri not in seen]  # fmt: skip
        return others

    def _class_claim(self, claim: str, cls: Node, rel: str, o: Node, neg: bool
                     ) -> Verdict | None:  # fmt: skip
        """ "Statins cause myalgia", "ACE inhibitors treat hypertension": a drug class's claim
        read through its members, as its answers are. It holds when at least
        :func:`~kgqa.answering.candidates.members_needed` of the members with any statement of
        the relation state it of ``o``; fewer is "unknown", never "refuted" (the graph is not a
        closed world). None when no member states it: the claim is then checked as any other.
        The evidence is each holding member's membership and statement (three at most)."""
        membership = class_membership(self.kg, cls)
        stating, holding = 0, []
        for member in [t.subject for t in membership.values()]:
            said = self.kg.neighbours(member, rel, direction="out")
            stating += bool(said)
            own = [t for t in said if t.object.iri == o.iri]
            if own:
                holding.append((member, own[0]))
        if not holding:
            return None
        need = members_needed(stating)
        evidence = Evidence(tuple(t for _, t in holding[:3]),
                            path=tuple(membership[m.iri] for m, _ in holding[:3]))  # fmt: skip
        names = ", ".join(m.label for m, _ in holding[:3]) + (" ..." if len(holding) > 3 else "")
        share = f"{len(holding)} of its {stating} members with {rel} statements ({names})"
        if len(holding) < need:
            return _undecided(
                claim,
                cls,
                rel,
                o,
                neg,
                evidence,
                f"only {share} state it of {o.label}: too few to say it of the class",
            )
        return _decided(
            claim,
            True,
            neg,
            cls,
            rel,
            o,
            evidence,
            f"the graph, through the class's members: {share} state it",
        )

    def _hereditary(self, claim: str, disease: Node, neg: bool) -> Verdict:
        """ "``disease`` is hereditary" (of no mode): supported (a negated claim refuted) when
        the graph states a Mendelian mode for it from :data:`MODE_SOURCES_NEEDED` sources or
        more, at :data:`OTHER_MODE_SCORE`; else unknown. One source is too few to say so of a
        common disease: HPO gives type 2 diabetes, migraine and lupus *Autosomal dominant
        inheritance* from OMIM's entries for rare familial forms."""
        stated = self.kg.neighbours(disease, "hasInheritance", direction="out")
        mendelian = [t for t in stated if self._mendelian(t.object)]
        modes = ", ".join(dict.fromkeys(t.object.label for t in mendelian))
        sources = sorted({t.source for t in mendelian})
        if len(sources) >= MODE_SOURCES_NEEDED:
            return _decided(claim, True, neg, disease, "hasInheritance", mendelian[0].object,
                            Evidence(tuple(mendelian[:4])),
                            f"the graph gives its inheritance as {modes} "
                            f"({', '.join(sources)})", OTHER_MODE_SCORE)  # fmt: skip
        if mendelian:
            reason = (
                f"only {sources[0]} gives its inheritance ({modes}): too few sources to "
                "say it is hereditary (such statements come from rare familial forms)"
            )
        else:
            reason = f"the graph states no Mendelian inheritance for {disease.label}"
        return _undecided(
            claim, disease, "hasInheritance", None, neg, Evidence(tuple(stated[:4])), reason
        )

    def _vector(self, claim: str, disease: Node, way: str, neg: bool) -> Verdict:
        """ "Lyme disease is transmitted by ticks": DOID's transmittedBy statements of the
        disease, else of its direct kinds (malaria's are of no kind the graph has), that name
        the way (:data:`~kgqa.understanding.claims.VECTOR_KINDS`: *Ixodes scapularis*, *tick
        borne transmission*). Supported (a negated claim refuted) at
        :data:`GRAPH_STATEMENT_SCORE` when one does; else unknown, never refuted: DOID lists
        some ways a disease passes, not every one."""
        names = re.compile(VECTOR_KINDS[way], re.I)
        stated = self.kg.neighbours(disease, "transmittedBy", direction="out")
        of = disease.label
        if not stated:
            kinds = self.kg.neighbours(disease, "subClassOf", direction="in")
            stated = [
                t
                for k in kinds
                for t in self.kg.neighbours(k.subject, "transmittedBy", direction="out")
            ]
            of = f"kinds of {disease.label}"
        said = [t for t in stated if names.search(t.object.label)]
        if said:
            ways = ", ".join(dict.fromkeys(t.object.label for t in said))
            return _decided(claim, True, neg, disease, "transmittedBy", said[0].object,
                            Evidence(tuple(said[:4])),
                            f"the graph: {said[0].source} gives {of} as transmitted by "
                            f"{ways}")  # fmt: skip
        if stated:
            ways = ", ".join(dict.fromkeys(t.object.label for t in stated))
            reason = (
                f"the graph gives {of} as transmitted by {ways}, none of them {way}; "
                "its sources list some ways a disease passes, not every one"
            )
        else:
            reason = f"the graph states no way {disease.label} is transmitted"
        return _undecided(
            claim, disease, "transmittedBy", None, neg, Evidence(tuple(stated[:4])), reason
        )

    def _one_of_modes(self, disease: Node, mode: Node, verdict: str, score: float,
                      reason: str) -> tuple[str, float, str]:  # fmt: skip
        """A disease the graph gives ``mode`` and another Mendelian mode (not a kind of it, nor it
        of that one). "Tibial muscular dystrophy is autosomal recessive": Orphanet gives it both
        modes, DOID, HPO and Orphanet autosomal dominant. When more sources give the other mode,
        the one claimed is that of some forms, and the verdict is unknown (score 0): of 14 such
        GHR claims (``ghr_inheritance_claims``) 6 were false. When as many or fewer do
        (cystinuria: autosomal recessive and dominant, both from HPO and Orphanet), the verdict
        stands at most :data:`OTHER_MODE_SCORE`, the other mode named."""
        by: dict[str, tuple[Node, set[str]]] = {}
        for t in self.kg.neighbours(disease, "hasInheritance", direction="out"):
            if self._mendelian(t.object):
                by.setdefault(t.object.iri, (t.object, set()))[1].add(t.source)
        own = by.get(mode.iri, (mode, set()))[1]
        near = {mode.iri} | {a.iri for a in self.kg.ancestors(mode)}
        others = [(n, srcs) for iri, (n, srcs) in by.items() if iri not in near
                  and mode.iri not in {a.iri for a in self.kg.ancestors(n)}]  # fmt: skip
        if not others or not own:
            return verdict, score, reason
        others.sort(key=lambda x: (-len(x[1]), x[0].label))
        named = "; ".join(f"{n.label} ({', '.join(sorted(srcs))})" for n, srcs in others[:3])
        if len(others[0][1]) > len(own):
            return (
                "unknown",
                0.0,
                (
                    f"{reason}, but more of its sources give {named}: {mode.label} is the mode of "
                    f"some forms of {disease.label}, and kgqa will not call it the disease's"
                ),
            )
        return (
            verdict,
            min(score, OTHER_MODE_SCORE),
            (f"{reason}; the graph also gives {named}: it is inherited in more than one way"),
        )

    def _mode_in_name(self, claim: str, text: str, disease: Node, mode: Node, neg: bool,
                      mentions: list[Mention]) -> Verdict | None:  # fmt: skip
        """ "Autosomal dominant congenital stationary night blindness is autosomal recessive":
        the words before the disease's name a mode, and the graph has no node of that form (the
        linker read the disease without them). The form is of the mode its name says: a claim
        of that mode, or one it is a kind of, is supported (a negated one refuted), one of
        another Mendelian mode refuted, at :data:`OTHER_MODE_SCORE`, whatever the graph gives
        the whole disease (autosomal recessive among others here). None when no mode is named
        there, or the claim's mode is a kind of the one named ("X-linked ... is X-linked
        recessive"): the graph decides then."""
        at = next((m.start for m in mentions if m.node is not None and m.node.iri == disease.iri),
                  None)  # fmt: skip
        hit = _NAMED_MODE.search(text[:at]) if at else None
        if hit is None or not self._mendelian(mode):
            return None
        words = re.sub(r"[ -]+", " ", hit.group(1).lower()).replace("x linked", "x-linked")
        named = self.kg.node(NAMED_MODES[words])
        if named is None:
            return None
        said = f"{hit.group(1)} {disease.label}"
        if mode.iri in {named.iri} | {a.iri for a in self.kg.ancestors(named)}:
            return _decided(claim, True, neg, disease, "hasInheritance", mode, Evidence(),
                            f"its name says so: {said} is the {words} form of "
                            f"{disease.label}", OTHER_MODE_SCORE)  # fmt: skip
        if named.iri in {a.iri for a in self.kg.ancestors(mode)}:
            return None
        return _decided(claim, False, neg, disease, "hasInheritance", mode, Evidence(),
                        f"its name says otherwise: {said} is the {words} form of "
                        f"{disease.label}, not {mode.label.lower()}", OTHER_MODE_SCORE)  # fmt: skip

    def _other_mode(self, claim: str, disease: Node, mode: Node, neg: bool) -> Verdict | None:
        """ "Is Huntington disease autosomal recessive?": the graph states another Mendelian
        mode, from :data:`MODE_SOURCES_NEEDED` sources or more, and none that is a kind of the
        one claimed or that it is a kind of. Then the claim is refuted (a negated one
        supported), at :data:`OTHER_MODE_SCORE`: a disease's modes, where several sources
        agree on them, are closed enough to say no. From one source only of a disease no
        genome-wide study ties a gene to.
        Qualifiers (incomplete penetrance ...) are no modes. None when that does not hold (a
        disease of GWAS genes given its mode by one source, a mode outside Mendel's, or one
        that fits the claim), and the claim is checked as any other."""
        # a qualifier (incomplete penetrance, anticipation, mosaicism) is of the mode, no other
        stated = [t for t in self.kg.neighbours(disease, "hasInheritance", direction="out")
                  if not self._qualifier(t.object)]  # fmt: skip
        sources = {t.source for t in stated}
        if not stated or not self._mendelian(mode):
            return None
        if len(sources) < MODE_SOURCES_NEEDED and gwas_genes(self.kg, disease):
            # one source is enough of a rare disease, not of one genome-wide studies tie genes
            # to (HPO gives migraine autosomal dominant from OMIM's entry for a familial form)
            return None
        claimed = {mode.iri} | {a.iri for a in self.kg.ancestors(mode)}
        for given in {t.object.iri: t.object for t in stated}.values():  # each mode once
            if not self._mendelian(given):
                return None
            if given.iri in claimed or mode.iri in {a.iri for a in self.kg.ancestors(given)}:
                return None
        if self._subtype_with(disease, claimed):
            return None  # "Is hemochromatosis autosomal dominant?": its type 4 is
        modes = ", ".join(dict.fromkeys(t.object.label for t in stated))
        sources = ", ".join(sorted({t.source for t in stated}))
        return _decided(claim, False, neg, disease, "hasInheritance", mode,
                        Evidence(tuple(stated[:4])),
                        f"the graph gives its inheritance as {modes} ({sources}), never "
                        f"{mode.label}", OTHER_MODE_SCORE)  # fmt: skip

    def _mode_of_kinds(self, claim: str, disease: Node, mode: Node, neg: bool
                       ) -> Verdict | None:  # fmt: skip
        """ "Is Niemann-Pick disease autosomal recessive?": the graph gives the group no mode of
        its own, and each of its kinds (two or more, :data:`KIND_GENE_STEPS` is-a steps down)
        one and the same Mendelian mode. The group is inherited so: a claim of that mode, or
        of one it is a kind of, supported; of another Mendelian mode refuted, at
        :data:`OTHER_MODE_SCORE` (a negated claim the other way). None when the group states
        a mode itself, a kind states none or another, or a disease named as a kind of it is
        given the mode claimed."""
        if not self._mendelian(mode) or any(
            not self._qualifier(t.object)
            for t in self.kg.neighbours(disease, "hasInheritance", direction="out")
        ):
            return None
        stated = self._of_every_kind(disease, self._mendelian_modes)
        if not stated or len({t.object.iri for t in stated}) != 1:
            return None
        given = stated[0].object
        kinds = len({t.subject.iri for t in stated})
        sources = ", ".join(sorted({t.source for t in stated}))
        holds = given.iri == mode.iri or mode.iri in {a.iri for a in self.kg.ancestors(given)}
        if not holds:
            if given.iri in {a.iri for a in self.kg.ancestors(mode)}:
                return None  # a kind of the mode given ("X-linked recessive" of "X-linked")
            words = _distinctive_words(disease.label)
            if words and any(words <= named for named in self._names_with_mode(mode)):
                return None  # a disease named as a kind of it is inherited so
        return _decided(claim, holds, neg, disease, "hasInheritance", mode,
                        Evidence(tuple(stated[:4])),
                        f"the graph gives no mode of {disease.label} itself, and each of its "
                        f"{kinds} kinds as {given.label} ({sources})",
                        GRAPH_STATEMENT_SCORE if holds else OTHER_MODE_SCORE)  # fmt: skip

    def _names_with_mode(self, mode: Node) -> tuple[frozenset[str], ...]:
        """The distinctive words of the names of the diseases ``mode`` is stated of."""
        if mode.iri not in self._named_with_mode:
            said = self.kg.neighbours(mode, "hasInheritance", direction="in")
            self._named_with_mode[mode.iri] = tuple(
                {_distinctive_words(t.subject.label) for t in said}
            )
        return self._named_with_mode[mode.iri]

    def _mendelian_modes(self, kind: Node) -> list[Triple] | None:
        """The modes stated of a disease (qualifiers left out); None when one is no Mendelian
        mode, which leaves its group's mode unknown."""
        own = [t for t in self.kg.neighbours(kind, "hasInheritance", direction="out")
               if not self._qualifier(t.object)]  # fmt: skip
        return None if any(not self._mendelian(t.object) for t in own) else own

    def _of_every_kind(self, disease: Node, own: Callable[[Node], list[Triple] | None],
                       steps: int = KIND_GENE_STEPS, most: int | None = None
                       ) -> list[Triple] | None:  # fmt: skip
        """What ``own`` reads of each kind of a group (of a kind's kinds where it reads
        nothing, ``steps`` is-a steps down), when the group has two kinds or more (``most`` at
        most) and every kind has some: the group's genes or modes, read off its kinds
        (:meth:`_other_genes`, :meth:`_mode_of_kinds`). None when a kind has none, or ``own``
        says None of one."""
        kinds = {t.subject.iri: t.subject
                 for t in self.kg.neighbours(disease, "subClassOf", direction="in")
                 if t.subject.cls == "Disease"}  # fmt: skip
        if len(kinds) < 2 or (most is not None and len(kinds) > most):
            return None
        out: list[Triple] = []
        for kind in kinds.values():
            stated = own(kind)
            if stated is None:
                return None
            below = (self._of_every_kind(kind, own, steps - 1, most)
                     if steps > 1 and not stated else None)  # fmt: skip
            if not stated and not below:
                return None
            out += stated or below or []
        return out

    def _qualifier(self, mode: Node) -> bool:
        """Whether an inheritance term qualifies a mode (HPO's *Inheritance qualifier*:
        incomplete penetrance, anticipation, somatic mosaicism) rather than naming one."""
        return any(n.curie == INHERITANCE_QUALIFIER for n in self.kg.ancestors(mode))

    def _gene_of_subtype(self, claim: str, disease: Node, gene: Node, neg: bool
                         ) -> Verdict | None:  # fmt: skip
        """ "Spinal muscular atrophy is associated with SMN1": the graph ties the gene to its
        types 1 to 4, not to the disease they are kinds of. A gene tied to a kind of a disease
        is tied to the disease: supported (a negated claim refuted), at
        :data:`GRAPH_STATEMENT_SCORE`, with the subtype's statement and the path up to the
        disease. Not for a disease with more than :data:`BROAD_SUPERTYPE` subtypes ("cancer"
        and a gene of one of its 2,533 kinds says nothing of cancer), and None when no kind
        of it has the gene."""
        if has_more_subtypes(self.kg, disease, BROAD_SUPERTYPE):
            return None
        for t in self.kg.neighbours(gene, "associatedWithGene", direction="in"):
            if path := self._up_to(t.subject, {disease.iri}, depth=6):
                return _decided(claim, True, neg, disease, "associatedWithGene", gene,
                                Evidence((t,), path=path),
                                f"the graph ({t.source}) ties {gene.label} to "
                                f"{t.subject.label}, a kind of {disease.label}")  # fmt: skip
        return None

    def _other_genes(self, claim: str, disease: Node, gene: Node, neg: bool
                     ) -> Verdict | None:  # fmt: skip
        """ "Marfan syndrome is associated with CFTR": HPO's annotations and Orphanet both give
        the disease its genes, :data:`FEW_GENES` at most, and neither they nor any other
        source ties the gene claimed to it, to a kind of it or to what it is a kind of. A
        Mendelian disease's genes, where both curated sources agree on a few, are closed enough
        to say no: refuted (a negated claim supported), at :data:`OTHER_GENES_SCORE`. None
        otherwise (a disease of many genes, or of one source), and the claim is checked as any
        other."""
        stated = self._curated_genes(disease)
        whose = "its genes"
        if {t.source for t in stated} != MENDELIAN_GENE_SOURCES:
            kinds = self._of_every_kind(disease, self._curated_genes, most=FEW_GENES)
            if kinds is None:
                return None
            stated = [*stated, *kinds]
            whose = "the genes of it and its kinds"
        genes = {t.object.iri for t in stated}
        if ({t.source for t in stated} != MENDELIAN_GENE_SOURCES or len(genes) > FEW_GENES
                or gene.iri in genes):  # fmt: skip
            return None
        above = {a.iri for a in self.kg.ancestors(disease)}
        words = _distinctive_words(disease.label)
        for t in self.kg.neighbours(gene, "associatedWithGene", direction="in"):
            if t.subject.iri in above or self._up_to(t.subject, {disease.iri}, depth=6):
                return None  # tied to what it is a kind of, or to a kind of it
            if words and words <= _distinctive_words(t.subject.label):
                return None  # tied to a disease named as a kind of it, where the is-a is missing
        named = ", ".join(dict.fromkeys(t.object.label for t in stated))
        return _decided(claim, False, neg, disease, "associatedWithGene", gene,
                        Evidence(tuple(stated[:4])),
                        f"the graph gives {whose} as {named} (hpo, orphanet), never "
                        f"{gene.label}", OTHER_GENES_SCORE)  # fmt: skip

    def _curated_genes(self, disease: Node) -> list[Triple]:
        """The genes the curated Mendelian sources (:data:`MENDELIAN_GENE_SOURCES`) give
        ``disease`` itself."""
        return [t for t in self.kg.neighbours(disease, "associatedWithGene", direction="out")
                if t.source in MENDELIAN_GENE_SOURCES]  # fmt: skip

    def _cause_of_supertype(self, claim: str, disease: Node, agent: Node, neg: bool
                            ) -> Verdict | None:  # fmt: skip
        """ "Pulmonary tuberculosis is caused by Mycobacterium tuberculosis": the graph gives
        the cause of tuberculosis, and a kind of a disease has its material basis (DO's
        restriction holds of every subclass). Supported (a negated claim refuted) at
        :data:`GRAPH_STATEMENT_SCORE`, with the statement and the path up to the disease it is
        stated of. Not through a statement that is one of a union (``alternatives``: influenza
        is caused by one of three viruses, avian influenza by one of them), nor of a kingdom
        (:func:`broad_cause`). None when no supertype within six steps has it."""
        if broad_cause(self.kg, agent):
            return None
        said = self.kg.neighbours(agent, "causedBy", direction="in", attributes=True)
        stated = {t.subject.iri: t for t in said if not _one_of_a_union(t)}
        # one walk up to the nearest disease it is stated of (not one walk per statement)
        path = self._up_to(disease, set(stated), depth=6) if stated else ()
        if not path:
            return None
        t = stated[path[-1].object.iri]
        return _decided(claim, True, neg, disease, "causedBy", agent, Evidence((t,), path=path),
                        f"the graph: {t.source} gives {t.subject.label} as caused by "
                        f"{agent.label}, and {disease.label} is a kind of "
                        f"{t.subject.label}")  # fmt: skip

    def _cause_of_a_kind(self, claim: str, disease: Node, agent: Node, neg: bool
                         ) -> Verdict | None:  # fmt: skip
        """ "Does alcohol cause cirrhosis?": DO gives alcoholic liver cirrhosis, a kind of liver
        cirrhosis, as caused by alcohol; what causes a kind of a disease can cause the disease
        (as a drug that can cause a kind of a disorder can cause it, :func:`_kind_verdict`).
        Supported (a negated claim refuted) at :data:`GRAPH_STATEMENT_SCORE`, with the
        statement of the nearest kind and the path up from it. None when no disease
        :data:`CAUSE_KIND_STEPS` steps below or fewer is stated to be caused by ``agent``."""
        best: tuple[Triple, tuple[Triple, ...]] | None = None
        for t in self.kg.neighbours(agent, "causedBy", direction="in"):
            path = self._up_to(t.subject, {disease.iri}, depth=CAUSE_KIND_STEPS)
            if path and (best is None or len(path) < len(best[1])):
                best = (t, path)
        if best is None:
            return None
        t, path = best
        return _decided(claim, True, neg, disease, "causedBy", agent, Evidence((t,), path=path),
                        f"the graph: {t.source} gives {t.subject.label}, a kind of "
                        f"{disease.label}, as caused by {agent.label}; what causes a kind of "
                        "a disease can cause it")  # fmt: skip

    def _caused_by(self, claim: str, disease: Node, agent: Node, neg: bool) -> Verdict | None:
        """What the graph's causes say of ``disease`` and ``agent``: a statement of the pair,
        of a disease it is a kind of, or of a kind of it (None: none)."""
        said = self.statements(disease, "causedBy", agent)
        if said:
            return _decided(claim, True, neg, disease, "causedBy", agent, Evidence(tuple(said)),
                            f"the graph: {said[0].source} gives {disease.label} as caused by "
                            f"{agent.label}")  # fmt: skip
        return self._cause_of_supertype(claim, disease, agent, neg) or self._cause_of_a_kind(
            claim, disease, agent, neg
        )

    def _agent_twins(self, s: Node, mentions: Sequence[Mention]) -> list[Node]:
        """The causes (DO's agents) of the name a substance ``s`` was written by: "alcohol",
        linked to *Ethanol*, is DO's agent *alcohol* too."""
        said = [m.text for m in mentions if m.node is not None and m.node.iri == s.iri]
        names = dict.fromkeys([*said, *(name for name, lang in self.kg.labels(s) if lang == "en")])
        found = {h.node.iri: h.node for name in names for h in self.kg.find(name, limit=5)
                 if h.node.cls == "Cause" and h.match in ("exact", "normalized")}  # fmt: skip
        return list(found.values())

    def _agent_kind(self, claim: str, s: Node, o: Node, neg: bool) -> Verdict:
        """ "Tuberculosis is caused by a virus": ``o`` is DOID's infectious disease of a kind of
        organism (:data:`~kgqa.understanding.claims.AGENT_KINDS`), which the hierarchy does
        not put ``s`` under (the caller checked). The claim is supported (a negated one
        refuted) when a cause the graph gives names the kind (the common cold's *Viruses*,
        hepatitis B's *Orthohepadnavirus*: neither is filed under a kind); refuted (a negated
        one supported) when the hierarchy files ``s`` under another kind (tuberculosis: a
        bacterial infectious disease) and under none of the claimed; unknown otherwise
        (pneumonia, meningitis: no "no")."""
        causes = [t for t in self.kg.neighbours(s, "causedBy", direction="out")
                  if _AGENT_NAMED[o.curie].search(t.object.label)]  # fmt: skip
        if causes:
            # the common cold, caused by *Viruses*; hepatitis B by *Orthohepadnavirus hominoidei*
            return _decided(claim, True, neg, s, "subClassOf", o, Evidence(tuple(causes[:3])),
                            f"the graph: {causes[0].source} gives {s.label}'s cause as "
                            f"{causes[0].object.label}")  # fmt: skip
        # "Is pneumonia caused by bacteria?": staphylococcal pneumonia, a kind of it, is a
        # bacterial infectious disease; what causes a kind of a disease can cause it
        kinds_of_s = self.kg.descendants(s, limit=AGENT_KINDS_LOOKED_AT, depth=CAUSE_KIND_STEPS)
        for kind in kinds_of_s[:AGENT_KINDS_LOOKED_AT]:
            if path := self._up_to(kind, {o.iri}, depth=12):
                return _decided(claim, True, neg, s, "subClassOf", o,
                                Evidence(path[:1], path=path),
                                f"the graph's hierarchy ({path[0].source}): {kind.label}, a "
                                f"kind of {s.label}, is a kind of {o.label}; what causes a "
                                "kind of a disease can cause it")  # fmt: skip
        kinds = {n.iri for n in self.kg.lookup_ids(AGENT_KINDS.values())}
        above = self._up_to(s, kinds, depth=12)
        if not above:
            return _undecided(
                claim,
                s,
                "subClassOf",
                o,
                neg,
                Evidence(),
                f"the graph's hierarchy files {s.label} under no infectious "
                "disease of a kind of organism, so it cannot say what kind causes "
                "it",
            )
        steps = ", ".join(t.object.label for t in above)
        return _decided(claim, False, neg, s, "subClassOf", o, Evidence(above[:1], path=above),
                        f"the graph's hierarchy ({above[0].source}): {s.label} is a kind of "
                        f"{steps}, not of {o.label}")  # fmt: skip

    def _treats_kind(self, claim: str, drug: Node, o: Node, neg: bool) -> Verdict | None:
        """ "Metformin treats diabetes", "Gabapentin treats neuropathic pain": the graph states
        it of a direct kind of the disorder (type 2 diabetes mellitus; postherpetic neuralgia),
        and a drug that treats a kind of a disorder is a treatment for it, as a drug that can
        cause a kind of a finding can cause it. The claim is supported (a negated one refuted)
        at :data:`GRAPH_STATEMENT_SCORE`, the reason naming the kinds. One step down only: a
        label's indication deep under a broad heading ("tuberculous meningitis" under
        infection) says little of the heading. The disorder's same-named nodes count (HPO's
        *Neuralgia*, MeSH's heading above *Neuralgia, Postherpetic*), and so do the drug's
        salts. None when the graph states it of no direct kind."""
        below = {t.subject.iri for n in same_named(self.kg, o)
                 for t in self.kg.neighbours(n, "subClassOf", direction="in")}  # fmt: skip
        below.discard(o.iri)
        if not below:
            return None
        for d in (drug, *salt_forms(self.kg, drug)):
            kinds = [t for t in self.kg.neighbours(d, "treats", direction="out")
                     if t.object.iri in below]  # fmt: skip
            if not kinds:
                continue
            named = _with_sources([(t.object.label, t.source) for t in kinds])
            return _decided(claim, True, neg, d, "treats", o, Evidence(tuple(kinds[:KINDS_SHOWN])),
                            f"the graph states that {d.label} treats {named}: "
                            f"kinds of {o.label}")  # fmt: skip
        return None

    def _treats_opposite(self, claim: str, drug: Node, o: Node, neg: bool) -> Verdict | None:
        """ "Levothyroxine treats hyperthyroidism", "Insulin treats hypoglycemia": the graph
        states that the drug treats the opposite level (hypothyroidism; hyperglycemia) and not
        the one claimed. Then the claim is refuted (a negated one supported), at
        :data:`OPPOSITE_SCORE`, with the statements. None otherwise."""
        stated = [t for t in self.kg.neighbours(drug, "treats", direction="out")
                  if opposites(t.object.label, o.label)]  # fmt: skip
        if not stated:
            return None
        return _decided(claim, False, neg, drug, "treats", o, Evidence(tuple(stated[:3])),
                        f"the graph states that {drug.label} treats {stated[0].object.label}, "
                        f"the opposite of {o.label} ({stated[0].source}), and never "
                        f"{o.label}", OPPOSITE_SCORE)  # fmt: skip

    def _subtype_with(self, disease: Node, modes: set[str], most: int = 300) -> bool:
        """Whether a subtype of ``disease`` (the first ``most`` found, breadth first) is
        stated to be inherited as one of ``modes`` (IRIs)."""
        frontier, seen = [disease], {disease.iri}
        while frontier and len(seen) < most:
            nxt = []
            for node in frontier:
                for t in self.kg.neighbours(node, "subClassOf", direction="in"):
                    sub = t.subject
                    if sub.iri in seen:
                        continue
                    seen.add(sub.iri)
                    if any(
                        m.object.iri in modes
                        for m in self.kg.neighbours(sub, "hasInheritance", direction="out")
                    ):
                        return True
                    nxt.append(sub)
            frontier = nxt
        return False

    def _mendelian(self, mode: Node) -> bool:
        """Whether an inheritance mode is Mendelian: one of :data:`MENDELIAN_MODES` or a kind
        of one (X-linked recessive, autosomal dominant with reduced penetrance ...)."""
        return any(n.curie in MENDELIAN_MODES for n in (mode, *self.kg.ancestors(mode)))

    def _in_class(self, claim: str, drug: Node, classes: tuple[Node, ...], neg: bool) -> Verdict:
        """ "Is balsalazide a steroid?", "Metoprolol is a beta blocker": the drug's class
        statements, and the class hierarchy above them (a beta-1 blocker is a beta blocker).
        The claim holds when one of ``classes`` (the classes its words name) is among them.
        When none is, the verdict is "unknown", never "refuted": the graph's class lists are
        not closed (a corticosteroid is a steroid, but no source says so of "steroid"); the
        reason names the classes the graph does give, which is what the asker needs next."""
        wanted = {c.iri for c in classes}
        # a class of the same name in another vocabulary is the same class (ChEBI's
        # "diuretic", MeSH's "Diuretics"; NDF-RT's "Calcium Channel Blocker", MeSH's plural)
        names = {normalize_name(c.label) for c in classes}
        stated = self.kg.neighbours(drug, "inDrugClass", direction="out")
        for t in stated:
            if t.object.iri in wanted:
                return self._class_verdict(claim, drug, t.object, neg, t, ())
        # the vocabularies of the classes the words name, and whether they file the drug under
        # another class or a narrower one of the name ("loop diuretic", "Dihydropyridine
        # Calcium Channel Blocker")
        asked_in = {c.curie.split(":")[0] for c in classes}
        theirs = [normalize_name(t.object.label) for t in stated
                  if t.object.curie.split(":")[0] in asked_in]  # fmt: skip
        narrower = any(n in label for n in names for label in theirs)
        for t in stated:
            if normalize_name(t.object.label) in names:
                if t.object.curie.split(":")[0] not in asked_in and theirs and not narrower:
                    return self._classes_disagree(claim, drug, t, classes, stated, asked_in, neg)
                return self._class_verdict(claim, drug, t.object, neg, t, ())
        for t in stated:
            path = self._up_to(t.object, wanted)
            if path:
                return self._class_verdict(claim, drug, path[-1].object, neg, t, path)
        names = list(dict.fromkeys(t.object.label for t in stated))
        listed = (f"the graph gives {drug.label}'s classes as {', '.join(names[:8])}"
                  + (f" and {len(names) - 8} more" if len(names) > 8 else "")
                  if names else f"the graph gives no class for {drug.label}")  # fmt: skip
        reason = f"{listed}; {classes[0].label} is not among them or above them"
        return _undecided(
            claim, drug, "inDrugClass", classes[0], neg, Evidence(tuple(stated[:8])), reason
        )

    def _classes_disagree(
        self, claim: str, drug: Node, said: Triple, classes: tuple[Node, ...],
        stated: list[Triple], asked_in: set[str], neg: bool,
    ) -> Verdict:  # fmt: skip
        """A class of the claimed name that one vocabulary files the drug under while the
        vocabularies of the class the words name, which file the drug elsewhere, do not:
        ChEBI gives acetaminophen the role "non-steroidal anti-inflammatory drug", MeSH and
        NDF-RT put it among the non-narcotic analgesics and antipyretics, not their NSAIDs
        ("Acetaminophen is an NSAID" was supported, and its negation refuted). Unknown, with
        both said."""
        vocab = said.object.curie.split(":")[0]
        asked = ", ".join(f"{c.label} ({c.curie.split(':')[0]})" for c in classes)
        elsewhere = list(dict.fromkeys(t.object.label for t in stated
                                       if t.object.curie.split(":")[0] in asked_in))  # fmt: skip
        reason = (f"the sources disagree: {said.source} lists {drug.label} under "
                  f"{said.object.label} ({vocab}), but not under {asked}, whose vocabularies "
                  f"file it under {', '.join(elsewhere[:5])}")  # fmt: skip
        return _undecided(
            claim, drug, "inDrugClass", classes[0], neg, Evidence((said, *stated[:4])), reason
        )

    def _class_in_class(self, claim: str, narrow: Node, broad: Node, neg: bool) -> Verdict:
        """ "Penicillin is an antibiotic": the graph has no hierarchy of drug classes, so a class
        is taken to be a kind of another when at least ``CLASS_IN_CLASS`` of its members (of
        at least ``CLASS_IN_CLASS_MEMBERS``, the first ``MAX_MEMBERS_READ`` read) are listed
        under the other too (by id or by name); "unknown" otherwise, with the count, never
        "refuted": the class lists are not closed."""
        members = self.kg.neighbours(narrow, "inDrugClass", direction="in")[:MAX_MEMBERS_READ]
        name = normalize_name(broad.label)
        under = [m for m in members
                 if any(t.object.iri == broad.iri or normalize_name(t.object.label) == name
                        for t in self.kg.neighbours(m.subject, "inDrugClass"))]  # fmt: skip
        first = "first " if len(members) == MAX_MEMBERS_READ else ""
        share = f"{len(under)} of the {first}{len(members)} members of {narrow.label}"
        if len(members) >= CLASS_IN_CLASS_MEMBERS and len(under) >= CLASS_IN_CLASS * len(members):
            examples = ", ".join(m.subject.label for m in under[:3])
            return _decided(claim, True, neg, narrow, "subClassOf", broad,
                            Evidence(tuple(under[:5])),
                            f"the graph, through the class's members: {share} ({examples} ...) "
                            f"are listed under {broad.label}")  # fmt: skip
        return _undecided(
            claim,
            narrow,
            "subClassOf",
            broad,
            neg,
            Evidence(tuple(under[:5])),
            f"the graph has no hierarchy of drug classes, and only {share} are "
            f"listed under {broad.label}",
        )

    def _treated_as_well(self, drug: Node, said: Sequence[Triple]) -> Node | None:
        """What ``drug`` is stated to treat (or palliate) that one of the side effects ``said``
        is, or is a kind of within two steps (its same-named nodes too); None when none."""
        treated = treated_by(self.kg, drug)
        if not treated:
            return None
        for t in said:
            for node in same_named(self.kg, t.object):
                if node.iri in treated:
                    return treated[node.iri]
                path = self._up_to(node, set(treated), depth=2)
                if path:
                    return treated[path[-1].object.iri]
        return None

    def _deficient(self, thing: str) -> list[Node]:
        """The disorders the graph names "<thing> deficiency" (or "deficiency of <thing>")."""
        out: dict[str, Node] = {}
        for name in (f"{thing} deficiency", f"deficiency of {thing}"):
            for m in self.kg.find(name, limit=5):
                if m.node.cls in ("Disease", "Phenotype") and m.match != "id":
                    out.setdefault(m.node.iri, m.node)
        if not out:
            # the linker's reading of the whole name ("glucose-6-phosphate dehydrogenase
            # deficiency"), when one mention covers it
            name = f"{thing} deficiency"
            for mention in self.linker.link(name):
                if (mention.start == 0 and mention.end == len(name) and mention.node is not None
                        and mention.node.cls == "Disease"):  # fmt: skip
                    out.setdefault(mention.node.iri, mention.node)
        return list(out.values())

    def _deficiency(self, claim: str, text: str, named: tuple[str, str],
                    mentions: list[Mention], neg: bool) -> Verdict | None:  # fmt: skip
        """A claim that a disease comes of a deficiency, read off the graph's names: the
        disease the graph names "<thing> deficiency" is the claimed one, one of its kinds or
        one it is a kind of (supported); or it is another disease, not related by is-a, while
        the claimed one is named for a deficiency of something else (refuted: "Hemophilia A
        is caused by a deficiency of factor IX", which is hemophilia B's). None where neither
        holds: the claim is read as any other."""
        words, thing = named
        disease = _claimed_disease(text, words, mentions)
        if disease is None:
            return None
        lacking = self._deficient(thing)
        if not lacking:
            return None
        rel = "hasDeficiency"
        same = {n.iri for n in same_named(self.kg, disease)}
        for other in lacking:
            if other.iri in same:
                said = f'"{thing} deficiency" is a name the graph gives {disease.label}'
                return _decided(claim, True, neg, disease, rel, other, Evidence(), said)
        for other in lacking:
            path = self._up_to(other, same) or self._up_to(disease, {other.iri})
            if path:
                return _decided(claim, True, neg, disease, rel, other,
                                Evidence(path[:1], path=path),
                                f'the graph names {other.label} "{thing} deficiency", and '
                                f"{path[0].subject.label} is a kind of "
                                f"{path[-1].object.label} ({path[0].source})")  # fmt: skip
        own = {name: m.group("a") or m.group("b") for name, _ in self.kg.labels(disease)
               if (m := _OWN_DEFICIENCY.match(normalize_name(name)))}  # fmt: skip
        other = next((n for n in lacking if n.cls == "Disease"), None)
        if not own or other is None or normalize_name(thing) in own.values():
            return None
        said = (f'the graph names {disease.label} "{next(iter(own))}", and "{thing} deficiency" '
                f"names {other.label}, another disease and no kind of it")  # fmt: skip
        return _decided(claim, False, neg, disease, rel, other, Evidence(), said)

    def _named_for_gene(self, claim: str, text: str, named: tuple[str, str, str],
                        mentions: list[Mention], neg: bool) -> Verdict | None:  # fmt: skip
        """A claim that a condition named for a gene ("ADCY5-related dyskinesia", "SLC4A1-
        associated distal renal tubular acidosis") is tied to a gene, read off its name: the
        gene it is named for (supported: the name says so, whether or not the graph has the
        condition), or another (refuted at :data:`OTHER_GENES_SCORE`: a condition so named is
        the one its gene's variants cause; the graph's genes of the broader disease, distal
        renal tubular acidosis's ATP6V1B1, are not its). Not of a disease genome-wide studies
        tie genes to, nor HLA alleles ("HLA-B27-associated uveitis"), nor against a gene the
        graph ties to a disease named for the same gene. None when a symbol names no gene."""
        words, named_for, claimed = named
        first, other = self.named_for(named_for), self.gene_named(claimed)
        if first is None or other is None:
            return None
        # (the subject shown is a disease the words name by one of its names: "POLG-related
        # disorders", read whole by likeness, had been poliomyelitis)
        at = text.find(words)
        disease = next((m.node for m in mentions
                        if at <= m.start < at + len(words) and m.node is not None
                        and m.node.cls == "Disease" and m.candidates and _by_name(m)),
                       None)  # fmt: skip
        rel = "associatedWithGene"
        if first.iri == other.iri:
            if disease is not None and self.statements(disease, rel, first):
                return None  # the graph's own statement, with its source, decides
            return _decided(claim, True, neg, disease, rel, first, Evidence(),
                            f'"{words}" is named for {first.label}, the gene whose variants '
                            "cause it", NAMED_GENE_SCORE)  # fmt: skip
        if disease is not None and gwas_genes(self.kg, disease):
            return None
        key = named_for.casefold()
        for t in self.kg.neighbours(other, rel, direction="in"):
            if key in t.subject.label.casefold():
                return None
        return _decided(claim, False, neg, disease, rel, other, Evidence(),
                        f'"{words}" is named for {first.label}, the gene whose variants cause '
                        f"it, not {other.label}", OTHER_GENES_SCORE)  # fmt: skip

    def gene_named(self, symbol: str) -> Node | None:
        """The gene a symbol is, as written (its own symbol first, then a former one)."""
        found = [m for m in self.kg.find(symbol, cls="Gene", limit=5) if m.name == symbol]
        found.sort(key=lambda m: m.kind != "label")
        return found[0].node if found else None

    def named_for(self, symbol: str) -> Node | None:
        """The gene a condition named "SYMBOL-related ..." is named for: :meth:`gene_named`,
        save an HLA allele ("HLA-B27-associated uveitis" has other genes too)."""
        return None if symbol.upper().startswith("HLA") else self.gene_named(symbol)

    def _chromosome_change(self, claim: str, text: str, named: tuple[str, str],
                           mentions: list[Mention], neg: bool) -> Verdict | None:  # fmt: skip
        """A claim that a disease comes of a trisomy or monosomy, read off the graph's names as
        :meth:`_deficiency` reads a deficiency: the change names the claimed disease
        (supported: "trisomy 21" is a name of Down syndrome), or names another disease while
        the claimed one is named for another change of its kind (refuted: Down syndrome by
        trisomy 18, Edwards syndrome's). None otherwise."""
        words, change = named
        disease = _claimed_disease(text, words, mentions)
        if disease is None:
            return None
        named_so = {m.node.iri: m.node for m in self.kg.find(change, limit=5)
                    if m.node.cls == "Disease" and m.match in ("exact", "normalized")}  # fmt: skip
        if not named_so:
            return None
        rel = "hasChromosomeChange"
        same = {n.iri for n in same_named(self.kg, disease)}
        if same & set(named_so):
            said = f'"{change}" is a name the graph gives {disease.label}'
            return _decided(claim, True, neg, disease, rel, disease, Evidence(), said)
        kind = normalize_name(change).split()[0]
        own = [name for name, _ in self.kg.labels(disease)
               if normalize_name(name).split()[:1] == [kind]]  # fmt: skip
        other = next(iter(named_so.values()))
        if not own or self._up_to(other, same) or self._up_to(disease, {other.iri}):
            return None
        said = (f'the graph names {disease.label} "{own[0]}", and "{change}" names '
                f"{other.label}, another disease and no kind of it")  # fmt: skip
        return _decided(claim, False, neg, disease, rel, other, Evidence(), said)

    def _up_to(self, start: Node, wanted: set[str], depth: int = 6) -> tuple[Triple, ...]:
        """The subClassOf statements from ``start`` up to a class in ``wanted`` (empty when
        none is above it within ``depth`` steps)."""
        frontier: list[tuple[Node, tuple[Triple, ...]]] = [(start, ())]
        seen = {start.iri}
        for _ in range(depth):
            nxt = []
            for node, path in frontier:
                for t in self.kg.neighbours(node, "subClassOf", direction="out"):
                    if t.object.iri in seen:
                        continue
                    if t.object.iri in wanted:
                        return (*path, t)
                    seen.add(t.object.iri)
                    nxt.append((t.object, (*path, t)))
            frontier = nxt
        return ()

    def _class_verdict(self, claim: str, drug: Node, cls: Node, neg: bool, member: Triple,
                       path: tuple[Triple, ...]) -> Verdict:  # fmt: skip
        above = f", a kind of {cls.label}" if path else ""
        reason = (f"the graph: {member.source} lists {drug.label} under "
                  f"{member.object.label}{above}")  # fmt: skip
        return _decided(claim, True, neg, drug, "inDrugClass", cls,
                        Evidence((member,), path=path), reason)  # fmt: skip

    def _contraindication(self, claim: str, s: Node, o: Node, neg: bool) -> Verdict:
        """ "X is (not) contraindicated in Y": always unknown. None of the graph's sources lists
        contraindications; "not indicated" (PharmacotherapyDB) is not "contraindicated", and
        an indication does not rule out a contraindication in some patients. What the graph
        does say about the pair is given as context, and a passage is no ground either way:
        those naming both are shown as context ("I have diabetes. Can I take prednisone?" gave
        the reason alone)."""
        said = self.statements(s, "treats", o)  # indications and "not indicated" statements
        reason = ("the graph has no contraindication data (none of its sources lists them), so "
                  f"it cannot check whether {s.label} is contraindicated in {o.label}")  # fmt: skip
        if said:
            kinds = sorted({"treats" if t.relation == "treats" else "is not indicated for"
                            for t in said})  # fmt: skip
            reason += f"; it says {s.label} {' and '.join(kinds)} {o.label}"
        both = [p for p in passages_about(self.retriever, claim, [s, o], k=20)
                if mentioning([p], s) and mentioning([p], o)][:3]  # fmt: skip
        if both:
            reason += "; the passages that name both are context, not a check"
        return _undecided(
            claim, s, CONTRAINDICATION, o, neg, Evidence(tuple(said), tuple(both)), reason
        )

    def _prevention(self, claim: str, s: Node, o: Node, neg: bool) -> Verdict:
        """ "X prevents Y": supported (a negated claim refuted) when a label indication the
        graph keeps gives X (or a salt of it) for preventing Y or a direct kind of it; unknown
        otherwise, with what the graph does say (that X treats Y is no prevention, and no
        statement is no "no")."""
        for drug in (s, *salt_forms(self.kg, s)):
            for c in preventing_candidates(self.kg, o):
                if c.node.iri != drug.iri:
                    continue
                said = prevention_indication(c) or ""
                where = f", a kind of {o.label}" if c.via is not None else ""
                reason = (f"the graph: {c.triples[0].source} gives {drug.label} for "
                          f"\"{said}\"{where}")  # fmt: skip
                return _decided(claim, True, neg, drug, PREVENTION, o,
                                Evidence(c.triples, path=c.path), reason)  # fmt: skip
        treated = self.statements(s, "treats", o)
        reason = (f"no label indication in the graph gives {s.label} for preventing "
                  f"{o.label}")  # fmt: skip
        if treated:
            reason += f"; it says {s.label} treats {o.label}, which is not prevention"
        return _undecided(claim, s, PREVENTION, o, neg, Evidence(tuple(treated[:3])), reason)

    def _id_claim(self, claim: str, s: Node, want: str, neg: bool) -> Verdict:
        """ "The DOID of X is DOID:n": a lookup, not a judgement."""
        ids = {i.upper() for i in self.kg.ids(s)}
        want = want.upper()
        prefix = want.split(":", 1)[0]
        same_prefix = sorted(i for i in ids if i.startswith(prefix + ":"))
        if want not in ids and not same_prefix:
            return _undecided(
                claim, s, "id", None, neg, Evidence(), f"{s.label} has no {prefix} id in the graph"
            )
        verdict = "supported" if (want in ids) != neg else "refuted"
        reason = f"{s.label} has the ids {', '.join(same_prefix)}"
        return Verdict(claim, verdict, 1.0, ((verdict, 1.0),), s, "id", None, neg, Evidence(),
                       reason)  # fmt: skip

    def _literature_only(self, s: Node, triples: Sequence[Triple]) -> float:
        """How many abstracts name the pair together, when ``triples`` are statements of
        literature sources alone (:data:`~kgqa.answering.ranking.LITERATURE_SOURCES`) and
        fewer than ``LITERATURE_CLAIM_MIN`` abstracts do; 0 otherwise (no such statements, a
        curated source among them, or a pair written of often)."""
        n = self._literature_count(s, triples)
        return n if n < LITERATURE_CLAIM_MIN else 0.0

    def _literature_count(self, s: Node, triples: Sequence[Triple]) -> float:
        """How many abstracts name the pair together, when ``triples`` are statements of
        literature sources alone; 0 otherwise."""
        if not triples or {t.source for t in triples} - LITERATURE_SOURCES:
            return 0.0
        objects = {t.object.iri for t in triples}
        said = [t for t in self.kg.neighbours(s, "hasPhenotype", direction="out", attributes=True)
                if t.object.iri in objects and t.source in LITERATURE_SOURCES]  # fmt: skip
        return cooccurrences(said)

    def statements(self, s: Node, rel: str, o: Node) -> list[Triple]:
        """Graph statements of ``rel`` (or a contradicting relation) between s and o, also
        through o's or s's ancestors for inheritance-like relations."""
        out = []
        for r in (rel, CONTRADICTS.get(rel)):
            if r is None:
                continue
            out += [t for t in self.kg.neighbours(s, r, direction="out") if t.object.iri == o.iri]
        if rel == "subClassOf" and not out:
            ancestors = {n.iri for n in self.kg.ancestors(s)}
            if o.iri in ancestors:
                out += self.kg.neighbours(s, "subClassOf", direction="out")[:1]
        if rel == "hasInheritance" and not out:
            # "X is X-linked" holds when the graph says X-linked recessive (a kind of it)
            out += [t for t in self.kg.neighbours(s, rel, direction="out")
                    if o.iri in {a.iri for a in self.kg.ancestors(t.object)}]  # fmt: skip
        if rel in KIND_RELATIONS and not out:
            # "Ibuprofen does not cause kidney disease": SIDER states papillary necrosis, a
            # kind of it, and a drug that can cause a kind of a disorder can cause the disorder
            # (never the other way: cough stated is no dry cough). So does a disease that shows
            # a kind of a finding show it (HPO's annotations hold of every term above them:
            # Cogan syndrome's sensorineural hearing impairment is hearing impairment)
            # (a finding a disease shows by a curated source's word: abstracts that name the
            # two together are no statement of a kind)
            said = {t.object.iri: t for t in self.kg.neighbours(s, rel, direction="out")
                    if rel != "hasPhenotype" or t.source not in LITERATURE_SOURCES}  # fmt: skip
            kinds = self.kg.descendants(o, limit=KINDS_LOOKED_AT)
            out += [said[k.iri] for k in kinds if k.iri in said][:KINDS_SHOWN]
        if rel == "treats" and not out:  # a drug for a broader disease
            for parent in self.kg.ancestors(o)[:4]:
                out += [t for t in self.kg.neighbours(s, "treats", direction="out")
                        if t.object.iri == parent.iri]  # fmt: skip
        return out
