"""Graph candidates for what a question asks: one parameterised SPARQL query per intent
(the entity is a bound value, never text in the query), one hop, and then the hierarchy:
when the entity itself has no such edge, its supertypes (what the graph says of a broader
disease) and its subtypes (drugs or genes of narrower diseases) are asked, and the answer
keeps the path.
"""

from __future__ import annotations

import logging
import math
import re
import weakref
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.graph.vocabulary import predicate_iri
from kgqa.linking.candidates import QUALIFIERS
from kgqa.records import Node, Triple
from kgqa.understanding.registry import INTENTS

logger = logging.getLogger(__name__)

_QUERY_OUT = """SELECT ?s ?o ?g WHERE { GRAPH ?g { ?s <%s> ?o } }"""
_QUERY_IN = """SELECT ?s ?o ?g WHERE { GRAPH ?g { ?o <%s> ?s } }"""


@dataclass(frozen=True)
class GraphCandidate:
    node: Node
    triples: tuple[Triple, ...]
    via: Node | None = None
    via_relation: str | None = None
    path: tuple[Triple, ...] = ()
    # what leads from the topic to ``via`` when no graph statement does: the ids that make
    # another node one concept with it, said in words for the verifier
    bridge: str = ""
    # how strongly the path speaks for the answer where its statements' count does not say it
    # (0 to 1; the genes of a finding: :func:`genes_of_finding`), added to the prior
    weight: float = 0.0


_DISORDERS = frozenset({"Disease", "Phenotype"})
# relations a disease's supertype does not pass down to it (a gene of anemia is no gene of
# thalassemia); its subtypes' do pass up
NOT_INHERITED_DOWN = frozenset({"associatedWithGene"})
MAX_MEMBERS = 60  # members of a class read for its answers
MEMBERS_SHARING = 0.3  # the share of members (with any statement) an answer must hold for


def one_hop(kg: KnowledgeGraph, topic: Node, intent: str,
            relations: Collection[str] | None = None) -> dict[str, list[Triple]]:  # fmt: skip
    """answer IRI -> the triples that support it (the relation IRI is code, the topic a bound
    value); ``relations``: only those of the intent's hops."""
    found: dict[str, list[Triple]] = {}
    spec = INTENTS.get(intent)
    under = set(spec.answers_under) if spec is not None else set()
    for hop in spec.hops if spec is not None else ():
        relation, direction = hop.relation, hop.direction
        if relations is not None and relation not in relations:
            continue
        query = (_QUERY_OUT if direction == "out" else _QUERY_IN) % predicate_iri(relation)
        for row in kg.select(query, {"s": topic}):
            other = kg.node(row["o"])
            if other is None or other.iri == topic.iri:
                continue
            if under and not ({other.curie, *kg.ids(other)} | {
                    a.curie for a in kg.ancestors(other)}) & under:  # fmt: skip
                continue
            source = str(row["g"]).rsplit("/", 1)[-1]
            subj, obj = (topic, other) if direction == "out" else (other, topic)
            found.setdefault(other.iri, []).append(Triple(subj, relation, obj, source))
    return found


def class_membership(kg: KnowledgeGraph, cls: Node) -> dict[str, Triple]:
    """The first :data:`MAX_MEMBERS` members of a drug class, each with its membership
    statement (by member IRI, in the graph's order)."""
    membership = {t.subject.iri: t for t in kg.neighbours(cls, "inDrugClass", direction="in")}
    return dict(list(membership.items())[:MAX_MEMBERS])


def members_needed(stating: int) -> int:
    """How many of the ``stating`` members (those with any statement of the relation) must
    state something for the class to: :data:`MEMBERS_SHARING` of them, two at least (one
    when only one states anything)."""
    return max(2, math.ceil(MEMBERS_SHARING * stating)) if stating > 1 else 1


def class_candidates(kg: KnowledgeGraph, topic: Node, intent: str) -> list[GraphCandidate]:
    """A drug class's answers through its members: what at least :func:`members_needed` of
    the members with any such statement share, each with the members' statements ("side
    effects of statins": those of simvastatin, atorvastatin ...)."""
    membership = class_membership(kg, topic)
    members = [t.subject for t in membership.values()]
    per_member = [(m, found) for m in members if (found := one_hop(kg, m, intent))]
    if not per_member:
        return []
    need = members_needed(len(per_member))
    by_answer: dict[str, list[tuple[Node, list[Triple]]]] = {}
    for member, found in per_member:
        for iri, triples in found.items():
            by_answer.setdefault(iri, []).append((member, triples))
    out = []
    for iri, held in by_answer.items():
        node = kg.node(iri)
        if node is None or len(held) < need:
            continue
        member, triples = held[0]
        out.append(GraphCandidate(node, tuple(t for _, ts in held for t in ts), member,
                                  "member", (membership[member.iri], triples[0])))  # fmt: skip
    return out


# a disease this many GWAS genes are tied to is a complex one; a single-gene mode of
# inheritance stated for it is that of a familial form or a susceptibility locus (lupus, type 2
# diabetes, schizophrenia: "autosomal dominant" from OMIM's susceptibility entries; cystic
# fibrosis, Huntington and Marfan have none), and its genes are risk genes, not causes. Of the
# diseases with a mode of inheritance, those with 10 GWAS genes or more are all complex ones
# (Tourette syndrome, Behcet's disease, osteoporosis, PCOS ... schizophrenia 448); below,
# Creutzfeldt-Jakob (7)
COMPLEX_GWAS_GENES = 10
MENDELIAN_MODE = re.compile(r"\b(?:autosomal|x-linked|y-linked|mitochondrial)\b", re.I)


def gwas_genes(kg: KnowledgeGraph, disease: Node) -> int:
    """How many genes the GWAS Catalog ties to ``disease`` (directly)."""
    return len({t.object.iri for t in kg.neighbours(disease, "associatedWithGene")
                if t.source == "gwas"})  # fmt: skip


# a supertype this broad (subtypes at any depth) says nothing of the topic: the drugs of "skin
# disease" (558 subtypes) or "eye disease" (924) are no answer for Morgellons or an eye injury
BROAD_SUPERTYPE = 200


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8",
          "ix": "9", "x": "10"}  # fmt: skip


def _arabic(key: str) -> str:
    """A normalised name with its roman numerals in figures ("type ii diabete" -> "type 2
    diabete"): HPO's "Type II diabetes mellitus" is DO's "type 2 diabetes mellitus"."""
    return " ".join(_ROMAN.get(w, w) for w in key.split())


def same_named(kg: KnowledgeGraph, node: Node) -> list[Node]:
    """The node, then the others of exactly its name, roman numerals read as figures: one
    concept the sources give two nodes (DO's *congestive heart failure* and HPO's *Congestive
    heart failure*; DO's *type 2 diabetes mellitus* and HPO's *Type II diabetes mellitus*).
    DO's "X disorder" is HPO's "X", and the other way round: "Which drugs treat anxiety?"
    linked DO's *anxiety disorder*, of one drug, while the sources state 37 of HPO's
    *Anxiety* (*tic disorder* and *Tics*, *depersonalization disorder* and
    *Depersonalization* the same)."""
    key = _arabic(normalize_name(node.label))
    keys = {key}
    if key.endswith(" disorder"):
        keys.add(key.removesuffix(" disorder"))
    elif node.cls == "Phenotype":
        keys.add(f"{key} disorder")
    out = [node]
    for name in dict.fromkeys([node.label, *sorted(keys)]):
        for m in kg.find(name, limit=10):
            if (m.node.iri not in {n.iri for n in out}
                    and _arabic(normalize_name(m.node.label)) in keys):  # fmt: skip
                out.append(m.node)
    return out


# the counter-ions a drug is sold as a salt of, which do nothing themselves: the sources state
# lithium carbonate's and lithium citrate's indications, not lithium's (an anion that acts,
# "magnesium salicylate", is no such word)
_SALT = re.compile(
    r"^(.+?) (?:carbonate|citrate|hydrochloride|hcl|hydrobromide|sulfate|sulphate|mesylate|"
    r"besylate|maleate|fumarate|tartrate|bitartrate|succinate|acetate|phosphate|sodium|"
    r"potassium|hyclate|monohydrate|dihydrate|trihydrate)$",
    re.I,
)
MAX_SALTS = 5


def salt_forms(kg: KnowledgeGraph, node: Node) -> list[Node]:
    """The other drug nodes named as salts of ``node`` ("lithium carbonate", "lithium
    citrate" of *Lithium*), at most :data:`MAX_SALTS`: what the sources state of a drug under
    its salt's name, read for a question or claim about the drug."""
    if node.cls != "Chemical":
        return []
    key = normalize_name(node.label)
    out: list[Node] = []
    for iri, name, _ in kg.names_extending(key, limit=40):
        m = _SALT.match(name)
        if not m or normalize_name(m.group(1)) != key or iri == node.iri:
            continue
        found = kg.node(iri)
        if found is not None and found.cls == "Chemical" and found not in out:
            out.append(found)
    return out[:MAX_SALTS]


# ids that name one concept across vocabularies; a node's own ids of these kinds, shared with
# another node, say the two are one concept (a broader id, a MeSH heading, often is not)
_CONCEPT_IDS = ("UMLS:", "MONDO:", "EFO:", "ICD10CM:", "NCIT:", "SNOMEDCT_US:", "OMIM:", "ORPHA:")
_SUBTYPE_TAG = re.compile(r"\b(?:[ivx]+[a-z]?|\d+[a-z]?|[a-z])$", re.I)
MAX_CONCEPT_NODES = 3  # an id more disorder nodes carry is no one concept's


def concept_twins(kg: KnowledgeGraph, topic: Node) -> list[tuple[Node, set[str]]]:
    """Other disorder nodes of the topic's concept by its ids, not its name: the sources'
    "Benign Prostatic Hypertrophy" (DrugCentral's indication, DO's *prostatic adenoma*) and
    DO's *prostatic hypertrophy* share a UMLS concept, Mondo, EFO, ICD-10 and NCIt ids. A node
    is a twin when it shares two such ids with the topic, or a UMLS concept from another
    vocabulary (HPO's node of a DO disease); never a super- or subtype of the topic, nor a
    sibling subtype (glycogen storage disease Ib and Ic share ids in DO). Each with the ids
    it shares."""
    mine = {i.upper() for i in kg.ids(topic) if i.upper().startswith(_CONCEPT_IDS)}
    shared: dict[str, set[str]] = {}
    for curie in mine:
        nodes = [n for n in kg.lookup_id(curie) if n.cls in _DISORDERS and n.iri != topic.iri]
        if len(nodes) < MAX_CONCEPT_NODES:  # with the topic, at most MAX_CONCEPT_NODES
            for n in nodes:
                shared.setdefault(n.iri, set()).add(curie)
    if not shared:
        return []
    above = {n.iri for n in kg.ancestors(topic)}
    prefix = topic.curie.split(":")[0]
    tag = _SUBTYPE_TAG.search(topic.label)
    out = []
    for iri, ids in shared.items():
        node = kg.node(iri)
        # (a subtype's ancestors, not the topic's descendants: "disease" has 10,000)
        if node is None or iri in above or topic.iri in {n.iri for n in kg.ancestors(node)}:
            continue
        other_tag = _SUBTYPE_TAG.search(node.label)
        if tag and other_tag and tag.group().lower() != other_tag.group().lower():
            continue
        umls = any(i.startswith("UMLS:") for i in ids)
        if len(ids) >= 2 or (umls and node.curie.split(":")[0] != prefix):
            out.append((node, ids))
    return sorted(out, key=lambda x: (-len(x[1]), x[0].curie))


# what has_more_subtypes found, per graph ((iri, limit) -> answer), forgotten with the graph (a
# process that loads another graph does not keep the old one alive)
_SUBTYPES_COUNTED: weakref.WeakKeyDictionary[KnowledgeGraph, dict[tuple[str, int], bool]] = (
    weakref.WeakKeyDictionary()
)


def has_more_subtypes(kg: KnowledgeGraph, node: Node, limit: int) -> bool:
    """Whether ``node`` has more than ``limit`` subtypes at any depth, counted breadth first
    and no further than needed ("cancer" has 2,533: the full closure took 80 ms). Kept per
    graph: the answers of many questions are the same HPO terms."""
    counted = _SUBTYPES_COUNTED.setdefault(kg, {})
    key = (node.iri, limit)
    if key not in counted:
        counted[key] = _more_subtypes(kg, node, limit)
    return counted[key]


# a cause stated of at least this many disorders is a kingdom, not an answer: DO's
# "Bacteria" (14), "Fungi" (11), "Viruses" (10), of its "bacterial pneumonia" and the like
BROAD_CAUSE = 10


def broad_cause(kg: KnowledgeGraph, node: Node) -> bool:
    """Whether ``node`` is a cause the graph states of :data:`BROAD_CAUSE` disorders or more:
    what a disorder's name says already ("bacterial pneumonia" is caused by *Bacteria*), not
    which organism causes it."""
    return (node.cls == "Cause"
            and len(kg.neighbours(node, "causedBy", direction="in")) >= BROAD_CAUSE)  # fmt: skip


def infection_of(kg: KnowledgeGraph, node: Node, named: Collection[str] = ()) -> Node | None:
    """The disease an organism is the cause of, for a question that asks of a disease and
    names its organism ("What is the treatment for hepatitis C virus?": *hepatitis C*): of the
    diseases the graph says it causes, the one no other of them is a supertype of; of several
    such, one the mention also linked (``named``, IRIs), else the shortest name (*Zika fever*,
    not *Zika virus congenital syndrome*; *infectious mononucleosis*, not *Epstein-Barr virus
    hepatitis*). None for a kingdom (:func:`broad_cause`) or a cause of no disease."""
    if node.cls != "Cause" or broad_cause(kg, node):
        return None
    caused = {t.subject.iri: t.subject for t in kg.neighbours(node, "causedBy", direction="in")
              if t.subject.cls == "Disease"}  # fmt: skip
    tops = [d for iri, d in caused.items()
            if not any(a.iri in caused for a in kg.ancestors(iri))]  # fmt: skip
    if not tops:
        return None
    linked = [d for d in tops if d.iri in named]
    return min(linked or tops, key=lambda d: (len(d.label), d.label))


def _more_subtypes(kg: KnowledgeGraph, node: Node, limit: int) -> bool:
    seen: set[str] = set()
    frontier = [node]
    while frontier:
        nxt = []
        for n in frontier:
            for t in kg.neighbours(n, "subClassOf", direction="in"):
                if t.subject.iri not in seen:
                    seen.add(t.subject.iri)
                    nxt.append(t.subject)
                    if len(seen) > limit:
                        return True
        frontier = nxt
    return False


MAX_HIERARCHY = 6  # the most parents (or kinds) a hierarchy step reads


def _stated_of_twins(kg: KnowledgeGraph, topic: Node, twins: Sequence[Node], intent: str,
                     relations: Collection[str] | None = None,
                     ) -> Iterator[tuple[str, list[Triple]]]:  # fmt: skip
    """What the sources state of the topic's concept under its ``twins`` (its nodes of exactly
    its name, :func:`same_named`) that are disorders: each answer IRI with its statements,
    never the topic itself."""
    for twin in twins:
        if twin.cls in _DISORDERS:
            for iri, ts in one_hop(kg, twin, intent, relations).items():
                if iri != topic.iri:
                    yield iri, ts


def graph_candidates(kg: KnowledgeGraph, topic: Node, intent: str,
                     max_hierarchy: int = MAX_HIERARCHY,
                     relations: Collection[str] | None = None) -> list[GraphCandidate]:  # fmt: skip
    """Answers asserted of the topic; if none, of its parents / children (with the path).
    A drug class answers through its members (:func:`class_candidates`). ``relations``: only
    those of the intent's hops (how a disease spreads: not the genes "causes" also reads)."""
    spec = INTENTS.get(intent)
    if topic.cls == "DrugClass" and spec is not None and spec.relation != "inDrugClass":
        return class_candidates(kg, topic, intent)
    direct = one_hop(kg, topic, intent, relations)
    if not direct and topic.cls == "Chemical":
        # a drug the sources state nothing of under its own name: what they state of its
        # salts, each statement naming the salt. Only then: a metal's salts act by their anion
        # too (lithium carbonate's label indications name arthritis, from a salicylate
        # product)
        for salt in salt_forms(kg, topic):
            for iri, ts in one_hop(kg, salt, intent, relations).items():
                direct.setdefault(iri, []).extend(ts)
    if topic.cls in _DISORDERS and spec is not None and spec.relation != "subClassOf":
        # what the sources state of the same concept under another node of its name ("Which
        # drugs treat heart failure?": DrugCentral gives the ACE inhibitors HPO's node); not
        # its place in another hierarchy (HPO files gout under arthritis, DO under
        # inherited metabolic disorders)
        twins = same_named(kg, topic)[1:]
        for iri, ts in _stated_of_twins(kg, topic, twins, intent, relations):
            direct.setdefault(iri, []).extend(ts)
        # the disease a finding is named for is no answer to what shows it: "Which diseases
        # cause hypertension?" began with DO's *hypertension*, said (HSDN) to show HPO's. (A
        # disease's finding of its own name stays among its findings: GARD lists Aniridia's)
        if intent == "diseases_of_phenotype":
            for twin in twins:
                direct.pop(twin.iri, None)
    out = [GraphCandidate(kg.node(iri), tuple(ts)) for iri, ts in direct.items()]  # type: ignore[arg-type]
    if (intent == "causes" and topic.cls == "Disease"
            and (relations is None or "causedBy" in relations)
            and not any(t.relation == "causedBy" for c in out for t in c.triples)):  # fmt: skip
        # "What causes AIDS?" gave 52 genes the literature ties to AIDS; the organism DO gives
        # of the HIV infection AIDS is a kind of comes first (a disease's kinds have its
        # cause), and miliary tuberculosis's is tuberculosis's, two steps up
        organisms = causes_of_supertypes(kg, topic, max_hierarchy)
        named = {c.node.iri for c in organisms}
        out = organisms + [c for c in out if c.node.iri not in named]
    if (out and spec is not None and "subtype" in spec.hierarchy
            and intent not in KINDS_ONLY_WHEN_SILENT
            and _few_of_its_own(kg, topic, intent, out)):  # fmt: skip
        # a few answers stated of the topic itself, and more of its kinds: those follow, each
        # with its is-a path ("How do I treat pink eye?" gave natamycin alone, stated of
        # conjunctivitis for fungal infections of the eye; bacterial conjunctivitis has the
        # antibiotic drops)
        seen = {c.node.iri for c in out}
        out += [c for c in _of_its_kinds(kg, topic, intent, relations) if c.node.iri not in seen]
    if out:
        return out
    if topic.cls in _DISORDERS and spec is not None and spec.relation != "subClassOf":
        # nothing stated of the topic: what is stated of its concept under another node
        # (by its ids), each answer led there and read by the verifier
        for twin, ids in concept_twins(kg, topic):
            bridge = (f"{topic.label} is the same concept as {twin.label} "
                      f"({', '.join(sorted(ids))}).")  # fmt: skip
            for iri, ts in one_hop(kg, twin, intent, relations).items():
                node = kg.node(iri)
                if node is not None and node.iri != topic.iri:
                    out.append(GraphCandidate(node, tuple(ts), twin, "same concept", (), bridge))
        if out:
            return _first_per_node(out)
    for way in spec.hierarchy if spec is not None else ():
        if way == "subtype":
            out = _of_its_kinds(kg, topic, intent, relations)
            if out:
                return out
            if intent == "genes_of_disease" and topic.cls == "Phenotype" and relations is None:
                out = genes_of_finding(kg, topic)
                if out:
                    return out
            continue
        # a gene of a broader disease is no gene of this one: "What causes thalassemia?" gave
        # TMPRSS6 alone, microcytic anemia's (its kinds' HBB, HBA1, HBA2 are the answer)
        up = [h.relation for h in spec.hops if h.relation not in NOT_INHERITED_DOWN
              and (relations is None or h.relation in relations)]  # fmt: skip
        if not up:
            continue
        # a finding's drugs may be stated further up: knee pain is a lower limb pain, a limb
        # pain, a pain, and what treats pain is what people take for it ("What can I take for
        # knee pain?" had no answer where "... shoulder pain?", one step below pain, had)
        finding_drugs = topic.cls == "Phenotype" and intent == "drugs_for_disease"
        steps = FINDING_DRUG_STEPS_UP if finding_drugs else 1
        frontier: list[tuple[Node, tuple[Triple, ...]]] = [(topic, ())]
        seen = {topic.iri}
        for _step in range(steps):
            above: list[tuple[Node, tuple[Triple, ...]]] = []
            for below, way_up in frontier:
                for hop in kg.neighbours(below, "subClassOf", direction="out")[:max_hierarchy]:
                    other = hop.object
                    if other.iri in seen or has_more_subtypes(kg, other, BROAD_SUPERTYPE):
                        continue  # what the graph says of "skin disease" answers no Morgellons
                    seen.add(other.iri)
                    above.append((other, (*way_up, hop)))
                    said = annotated(kg, other, intent, _INDICATED.intersection(up))
                    for iri, ts in one_hop(kg, other, intent, up).items():
                        node = kg.node(iri)
                        ts = [t for t in ts if not _kind_stated(said.get(t, t), other)]
                        if node is not None and node.iri != topic.iri and ts:
                            out.append(GraphCandidate(node, tuple(ts), other, way,
                                                      (*way_up, hop, *ts[:1])))  # fmt: skip
            if out:
                break
            frontier = above
        if out:
            break
    return _first_per_node(out)


CAUSE_STEPS_UP = 3  # how far up a disease's cause is looked for
# how far up a finding's drugs are looked for, through supertypes that state none
FINDING_DRUG_STEPS_UP = 3


# what causes_of_supertypes found, per graph ((iri, most) -> candidates): a cause question asks
# it while reading (is the finding named a disease with a cause?) and again while answering
_CAUSES_UP: weakref.WeakKeyDictionary[
    KnowledgeGraph, dict[tuple[str, int], tuple[GraphCandidate, ...]]
] = weakref.WeakKeyDictionary()


def causes_of_supertypes(kg: KnowledgeGraph, topic: Node,
                         most: int = MAX_HIERARCHY) -> list[GraphCandidate]:  # fmt: skip
    """The organisms (no kingdom: :func:`broad_cause`) the graph gives as the cause of the
    nearest supertypes of ``topic`` that have one (up to :data:`CAUSE_STEPS_UP` steps, ``most``
    parents a step, none a broad category), each with its is-a path. Kept per graph."""
    found = _CAUSES_UP.setdefault(kg, {})
    key = (topic.iri, most)
    if key not in found:
        found[key] = tuple(_causes_up(kg, topic, most))
    return list(found[key])


def _causes_up(kg: KnowledgeGraph, topic: Node, most: int) -> list[GraphCandidate]:
    frontier: list[tuple[Node, tuple[Triple, ...]]] = [(topic, ())]
    seen = {topic.iri}
    for _ in range(CAUSE_STEPS_UP):
        out, nxt = [], []
        for node, path in frontier:
            for hop in kg.neighbours(node, "subClassOf", direction="out")[:most]:
                other = hop.object
                if other.iri in seen or has_more_subtypes(kg, other, BROAD_SUPERTYPE):
                    continue
                seen.add(other.iri)
                nxt.append((other, (*path, hop)))
                for t in kg.neighbours(other, "causedBy", direction="out"):
                    if not broad_cause(kg, t.object):
                        out.append(GraphCandidate(t.object, (t,), other, "supertype",
                                                  (*path, hop, t)))  # fmt: skip
        if out:
            return _first_per_node(out)
        frontier = nxt
    return []


# the relations whose statements say the label indication they were read from
_INDICATED = frozenset({"treats", "palliates"})


def annotated(kg: KnowledgeGraph, node: Node, intent: str,
              relations: Collection[str] | None = None) -> dict[Triple, Triple]:  # fmt: skip
    """``node``'s statements of the intent's hops (those among ``relations``, when given),
    each bare triple mapped to its twin with the annotations' attributes: a Triple's
    attributes take no part in its equality, its source does, so HPO's and HSDN's statements
    of one edge stay apart. The last :data:`ANNOTATED_KEPT` read are kept per graph; the
    mapping returned is shared, not to be changed."""
    kept = _ANNOTATED.setdefault(kg, {})
    key = (node.iri, intent, None if relations is None else tuple(sorted(relations)))
    if key not in kept:
        if len(kept) >= ANNOTATED_KEPT:
            del kept[next(iter(kept))]  # the oldest
        kept[key] = {t: t for h in INTENTS[intent].hops
                     if relations is None or h.relation in relations
                     for t in kg.neighbours(node, h.relation, direction=h.direction,
                                            attributes=True)}  # fmt: skip
    return kept[key]


# what annotated read last, per graph: a drug question reads its topic's annotations to find
# the indications that name a kind of it, and again to rank (4 ms each for gout)
ANNOTATED_KEPT = 64
_ANNOTATED: weakref.WeakKeyDictionary[
    KnowledgeGraph, dict[tuple[str, str, tuple[str, ...] | None], dict[Triple, Triple]]
] = weakref.WeakKeyDictionary()


def _kind_stated(t: Triple, of: Node) -> bool:
    """Whether a statement about ``of`` was read from a label indication naming a kind of it,
    in words that are no mere qualifier ("Gonococcal Arthritis", "Septic Arthritis", stated of
    *arthritis* for want of a node of their own): what treats that kind is no answer for
    another kind of ``of`` ("How is pseudogout treated?" listed penicillin and
    ceftriaxone at 0.54, via arthritis). "Chronic Back Pain" is back pain.

    Example:
        >>> from kgqa.records import Attribute
        >>> arthritis = Node("x:1", "x:1", "arthritis", "Disease")
        >>> drug = Node("x:2", "x:2", "ceftriaxone", "Chemical")
        >>> said = (Attribute("indication", "Gonococcal Arthritis"),)
        >>> _kind_stated(Triple(drug, "treats", arthritis, "drugcentral", (said,)), arthritis)
        True
        >>> said = (Attribute("indication", "Acute Arthritis"),)
        >>> _kind_stated(Triple(drug, "treats", arthritis, "drugcentral", (said,)), arthritis)
        False
    """
    name = normalize_name(of.label).split()
    n = len(name)
    for attrs in t.attributes:
        for a in attrs:
            if a.key != "indication":
                continue
            words = normalize_name(str(a.value)).split()
            if (len(words) > n and words[-n:] == name
                    and not all(w in QUALIFIERS for w in words[:-n])):  # fmt: skip
                return True
    return False


def kinds_candidates(kg: KnowledgeGraph, kinds: Sequence[tuple[Node, tuple[Triple, ...]]],
                     intent: str) -> list[GraphCandidate]:  # fmt: skip
    """What the graph states of each of ``kinds`` (each with its is-a path from the topic's
    kind up to the topic), their own statements or their hierarchy's, each answer led there by
    the kind (``via``, a subtype) and the path, one candidate per answer: the kinds a name picks
    out of a broader node ("type 2A" of type 2)."""
    out = []
    for kind, up in kinds:
        down = tuple(reversed(up))
        for c in graph_candidates(kg, kind, intent):
            if c.via is None:
                c = replace(c, via=kind, via_relation="subtype", path=(*down, *c.triples[:1]))
            else:
                c = replace(c, path=(*down, *c.path))
            out.append(c)
    return _first_per_node(out)


# the genes of a finding, through the diseases that show it: this many genes kept (those of most
# such diseases), each with this many of its diseases' statements
GENES_OF_FINDING = 60
DISEASES_SHOWN = 10
MENDELIAN_GENE_SOURCES = frozenset({"hpo", "orphanet"})
FINDING_KINDS = 300  # kinds of a finding whose diseases are read, nearest first
NAMED_FOR = 3  # what a disease named for the finding counts, against 1
SHOWN_BY = "shown by"  # the via_relation of such an answer: via is a disease showing the finding
_GENES_BY_DISEASE: weakref.WeakKeyDictionary[KnowledgeGraph, dict[str, frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)


def _genes_by_disease(kg: KnowledgeGraph) -> dict[str, frozenset[str]]:
    """Each disease's genes as the curated Mendelian sources give them (HPO's OMIM and
    Orphanet links, Orphanet's own; not genome-wide association or text-mined ones): one bulk
    read, kept for the graph's life."""
    if kg not in _GENES_BY_DISEASE:
        out: dict[str, set[str]] = {}
        for source in sorted(MENDELIAN_GENE_SOURCES):
            for disease, gene, _ in kg.edges("associatedWithGene", source=source):
                out.setdefault(disease, set()).add(gene)
        _GENES_BY_DISEASE[kg] = {d: frozenset(g) for d, g in out.items()}
    return _GENES_BY_DISEASE[kg]


_DISEASES_PER_GENE: weakref.WeakKeyDictionary[KnowledgeGraph, dict[str, int]] = (
    weakref.WeakKeyDictionary()
)


def _diseases_per_gene(kg: KnowledgeGraph) -> dict[str, int]:
    """How many diseases each gene has, as :func:`_genes_by_disease` reads them (kept)."""
    if kg not in _DISEASES_PER_GENE:
        count: dict[str, int] = {}
        for genes in _genes_by_disease(kg).values():
            for g in genes:
                count[g] = count.get(g, 0) + 1
        _DISEASES_PER_GENE[kg] = count
    return _DISEASES_PER_GENE[kg]


@dataclass(frozen=True)
class FindingGenes:
    """The genes of the diseases that show a finding (:func:`finding_genes`)."""

    finding: Node  # the node HPO annotates (the finding asked about, or its concept's twin)
    shown: dict[str, Triple]  # disease IRI -> its statement that it shows the finding
    diseases: dict[str, list[str]]  # gene IRI -> its diseases among ``shown``, most telling first
    scores: dict[str, float]  # gene IRI -> how much its diseases speak for the finding


def finding_genes(kg: KnowledgeGraph, finding: Node) -> FindingGenes | None:
    """The genes of the diseases HPO annotates with a finding or a kind of it
    (:data:`FINDING_KINDS` read), as :data:`MENDELIAN_GENE_SOURCES` give them; a finding HPO
    annotates nothing with is read through its concept's HPO twin (MeSH's *Hearing Loss*,
    HPO's *Hearing impairment*). A gene's score is its diseases that show the finding, one
    named for it (*nonsyndromic deafness 1A*: a name of the finding in its own) counting
    :data:`NAMED_FOR` times, times the share of the gene's diseases they are: a gene of a
    hundred diseases, three of them deaf, says less of deafness than one of three deaf ones.
    None when no such disease has a gene."""
    shown: dict[str, Triple] = {}
    node = finding
    for node in (finding, *(t for t, _ in concept_twins(kg, finding) if t.cls == "Phenotype")):
        for f in (node, *kg.descendants(node, limit=FINDING_KINDS)):
            for t in kg.neighbours(f, "hasPhenotype", direction="in"):
                if t.source == "hpo" and t.subject.cls == "Disease":
                    shown.setdefault(t.subject.iri, t)
        if shown:
            break
    names = {k for k in (normalize_name(n) for x in {finding.iri: finding, node.iri: node}.values()
                         for n, _ in kg.labels(x)) if len(k) >= 4}  # fmt: skip
    weight = {d: NAMED_FOR if any(n in normalize_name(t.subject.label) for n in names) else 1
              for d, t in shown.items()}  # fmt: skip
    genes_of = _genes_by_disease(kg)
    every = _diseases_per_gene(kg)
    diseases: dict[str, list[str]] = {}
    for d, genes in genes_of.items():  # (in the bulk read's order, as the diseases are shown)
        if d in shown:
            for g in genes:
                diseases.setdefault(g, []).append(d)
    if not diseases:
        return None
    scores = {g: sum(weight[d] for d in ds) * len(ds) / every[g] for g, ds in diseases.items()}
    ordered = {g: sorted(ds, key=lambda d: -weight[d]) for g, ds in diseases.items()}
    return FindingGenes(node, shown, ordered, scores)


def finding_gene_statements(kg: KnowledgeGraph, found: FindingGenes, gene: Node,
                            most: int = DISEASES_SHOWN) -> list[Triple]:  # fmt: skip
    """A gene's statements of its diseases that show the finding, the most telling first."""
    stated = {t.subject.iri: t for t in kg.neighbours(gene, "associatedWithGene", direction="in")
              if t.source in MENDELIAN_GENE_SOURCES}  # fmt: skip
    return [stated[d] for d in found.diseases.get(gene.iri, ()) if d in stated][:most]


def genes_of_finding(kg: KnowledgeGraph, finding: Node) -> list[GraphCandidate]:
    """The genes of the diseases that show a finding, for a finding the graph ties no gene to
    ("Which genes cause deafness?": HPO annotates hearing impairment, or a kind of it, to the
    deafness types, Usher and Waardenburg syndromes, whose genes the curated sources give; the
    answer had been a gene one passage named): the :data:`GENES_OF_FINDING` of highest score
    (:func:`finding_genes`), one candidate each, led by its first disease (``via``,
    :data:`SHOWN_BY`) and the path finding ← disease → gene, holding its diseases' gene
    statements (:data:`DISEASES_SHOWN` at most) and its score over the top one's
    (``weight``)."""
    found = finding_genes(kg, finding)
    if found is None:
        return []
    ranked = sorted(found.scores.items(), key=lambda x: (-x[1], -len(found.diseases[x[0]])))
    top = ranked[0][1]
    out = []
    for gene_iri, score in ranked[:GENES_OF_FINDING]:
        gene = kg.node(gene_iri)
        said = finding_gene_statements(kg, found, gene) if gene is not None else []
        if gene is None or not said:
            continue
        out.append(GraphCandidate(gene, tuple(said), said[0].subject, SHOWN_BY,
                                  (found.shown[said[0].subject.iri], said[0]),
                                  weight=score / top))  # fmt: skip
    return out


def _first_per_node(cands: list[GraphCandidate]) -> list[GraphCandidate]:
    """One candidate per answer node: the first path found."""
    seen: dict[str, GraphCandidate] = {}
    for c in cands:
        seen.setdefault(c.node.iri, c)
    return list(seen.values())


# fewer answers stated of a topic than this, and its subtypes' answers follow them
FEW_STATED = 3
MAX_SUBTYPES_READ = 60  # subtypes (two levels down at most) whose statements stand in


# the intents whose answers of a disease's kinds answer only when it has none of its own: a
# disease's findings and modes are its own, and its kinds' follow no few of them (Charcot-Marie-
# Tooth disease's own findings had sunk below its 80 types'); a group the sources give none
# (Kleefstra syndrome, Niemann-Pick disease) has its kinds'
KINDS_ONLY_WHEN_SILENT = frozenset({"phenotypes_of_disease", "inheritance"})
# the most kinds (at any depth) a group may have for its kinds' findings to be shown as its own
FEW_KINDS = 10


def _few_of_its_own(kg: KnowledgeGraph, topic: Node, intent: str,
                    cands: Sequence[GraphCandidate]) -> bool:  # fmt: skip
    """Whether fewer than :data:`FEW_STATED` candidates are stated of the topic itself, or fewer
    than are stated of kinds of it. A label's indication that names a kind of it the graph has
    no node for (:func:`_kind_stated`) is a kind's: "Which drugs treat anemia?" gave 17
    corticosteroids, each for "Erythroblastic Anemia", and none of what its kinds are treated
    with (iron, vitamin B12)."""
    if len(cands) < FEW_STATED:
        return True
    if not any(h.relation in WORDED_RELATIONS for h in INTENTS[intent].hops):
        return False  # no label's words to read (genes, variants)
    # a statement of a source that keeps no label wording (PharmacotherapyDB's) is of
    # the topic itself; the labels' wording is read only when those do not decide
    unworded = sum(any(t.source not in _WORDED_SOURCES for t in c.triples) for c in cands)
    if unworded >= FEW_STATED and unworded >= len(cands) - unworded:
        return False
    said = annotated(kg, topic, intent)
    own = sum(any(not _kind_stated(said.get(t, t), topic) for t in c.triples) for c in cands)
    return own < FEW_STATED or own < len(cands) - own


# the relations whose statements may keep a label's wording (``indication``), and the sources
WORDED_RELATIONS = frozenset({"treats", "palliates"})
_WORDED_SOURCES = frozenset({"drugcentral", "sider"})


def _of_its_kinds(kg: KnowledgeGraph, topic: Node, intent: str,
                  relations: Collection[str] | None) -> list[GraphCandidate]:  # fmt: skip
    """:func:`of_subtypes`; of a category broader than :data:`BROAD_SUPERTYPE` subtypes, only
    the answers two of the kinds read or more share. "Which drugs treat genetic disease?" gave
    atropine first (0.62), stated of Prader-Willi syndrome alone; cancer keeps the drugs
    several of its kinds are treated with (dactinomycin, etoposide, bleomycin)."""
    found = of_subtypes(kg, topic, intent, relations)
    if intent == "inheritance":
        return found if _one_mode_of_every_kind(kg, topic, found) else []
    if intent == "phenotypes_of_disease":
        # a group of a few kinds (Kleefstra syndrome's two) shows what they show, what more of
        # them show first; a group of many (Charcot-Marie-Tooth disease's 80 types) is no sum
        # of their findings, nor a broad category's kinds ("intellectual disability")
        if has_more_subtypes(kg, topic, FEW_KINDS):
            return []
        return sorted(found, key=lambda c: -len(kinds_stating(c)))
    if not found or not has_more_subtypes(kg, topic, BROAD_SUPERTYPE):
        return found
    return [c for c in found if len(kinds_stating(c)) >= 2]


def _one_mode_of_every_kind(kg: KnowledgeGraph, topic: Node, found: list[GraphCandidate]) -> bool:
    """Whether the modes read of a disease's kinds are one mode, stated of every kind (two or
    more) or of a kind of each: Niemann-Pick disease's four types are each autosomal
    recessive, and so is it. Where the kinds' modes differ or some state none, the group's is
    not known from them ("How is diabetes inherited?" had answered autosomal dominant, from
    MODY's types)."""
    if len(found) != 1:
        return False
    stating = kinds_stating(found[0])
    kinds = [t.subject for t in kg.neighbours(topic, "subClassOf", direction="in")
             if t.subject.cls == "Disease"]  # fmt: skip
    return len(kinds) >= 2 and all(
        k.iri in stating
        or any(t.subject.iri in stating for t in kg.neighbours(k, "subClassOf", direction="in"))
        for k in kinds
    )


def kinds_stating(c: GraphCandidate) -> set[str]:
    """The nodes whose statements a candidate holds: the ends of its statements other than the
    answer (the subtypes of :func:`of_subtypes`, the members of a class)."""
    return {t.object.iri if t.subject.iri == c.node.iri else t.subject.iri for t in c.triples}


def of_subtypes(kg: KnowledgeGraph, topic: Node, intent: str,
                 relations: Collection[str] | None) -> list[GraphCandidate]:  # fmt: skip
    """What the graph states of the topic's subtypes, when it states nothing of the topic:
    its direct subtypes, and the subtypes of those that state nothing themselves (at most
    :data:`MAX_SUBTYPES_READ`), one candidate per answer holding the statements of every
    subtype that has it, led by the first one's is-a path. "Which genes are associated with
    spinal muscular atrophy?" read six of its eleven kinds and missed SMN1 (adult SMA, and
    the childhood SMA types under a kind with none of its own); it now comes first, stated
    of four kinds."""
    found: dict[str, GraphCandidate] = {}
    frontier = [(hop, (hop,)) for hop in kg.neighbours(topic, "subClassOf", direction="in")]
    read = 0
    for _depth in range(2):
        nxt = []
        for hop, path in frontier:
            if read >= MAX_SUBTYPES_READ:
                break
            read += 1
            sub = hop.subject
            stated = one_hop(kg, sub, intent, relations)
            # a kind that states only a kingdom ("bacterial pneumonia": *Bacteria*) leads on
            # to its own kinds, which name the organism ("What bacteria cause pneumonia?"
            # gave Bacteria and Viruses alone; pneumococcal pneumonia states *Streptococcus
            # pneumoniae*)
            if not stated or all(broad_cause(kg, n) for n in map(kg.node, stated) if n):
                nxt += [(h, (*path, h)) for h in kg.neighbours(sub, "subClassOf", direction="in")]
            for iri, ts in stated.items():
                node = kg.node(iri)
                if node is None or node.iri == topic.iri:
                    continue
                if iri in found:
                    c = found[iri]
                    found[iri] = GraphCandidate(node, (*c.triples, *ts), c.via, c.via_relation,
                                                c.path)  # fmt: skip
                else:
                    found[iri] = GraphCandidate(node, tuple(ts), sub, "subtype",
                                                (*reversed(path), *ts[:1]))  # fmt: skip
        frontier = nxt
    return list(found.values())


def shared_candidates(kg: KnowledgeGraph, topics: list[Node], intent: str) -> list[GraphCandidate]:
    """Answers the graph states of every one of ``topics`` ("Which gene is associated with
    both A and B?"), each with the statements for all of them. When the intent reaches down
    the hierarchy, a topic's answers hold those of its direct subtypes too, with the is-a
    statement that leads there ("Which drug treats both depression and anxiety?": a drug for
    major depressive disorder and generalized anxiety disorder)."""
    per_topic = [_stated_of(kg, t, intent) for t in topics]
    common = set(per_topic[0]).intersection(*per_topic[1:])
    out = []
    for iri in sorted(common):
        node = kg.node(iri)
        if node is not None:
            out.append(GraphCandidate(node, tuple(t for found in per_topic for t in found[iri])))
    return out


MAX_SUBTYPES = 30  # direct subtypes read for an intersection's answers


def _stated_of(kg: KnowledgeGraph, topic: Node, intent: str) -> dict[str, list[Triple]]:
    """:func:`one_hop`, plus those of the nodes of exactly its name, plus the answers of the
    topic's direct subtypes when the intent's hierarchy rule reaches down (each led by its
    is-a statement)."""
    found = one_hop(kg, topic, intent)
    spec = INTENTS.get(intent)
    if topic.cls in _DISORDERS and spec is not None and spec.relation != "subClassOf":
        # what the sources state of the same concept under another node of its name, as for
        # one topic (:func:`graph_candidates`): "Which drugs treat both hypertension and heart
        # failure?" missed the ACE inhibitors, which DrugCentral gives HPO's node
        for iri, ts in _stated_of_twins(kg, topic, same_named(kg, topic)[1:], intent):
            found.setdefault(iri, ts)
    if spec is None or "subtype" not in spec.hierarchy:
        return found
    for hop in kg.neighbours(topic, "subClassOf", direction="in")[:MAX_SUBTYPES]:
        for iri, ts in one_hop(kg, hop.subject, intent).items():
            if iri != topic.iri and iri not in found:
                found[iri] = [hop, ts[0]]
    return found
