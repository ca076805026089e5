from dataclasses import replace

import pytest

from kgqa.answering.candidates import GraphCandidate, graph_candidates, one_hop
from kgqa.answering.ranking import prior, resources, with_attributes
from kgqa.answering.verbalize import statement
from kgqa.records import Attribute, Node, Triple
from kgqa.understanding.claims import parse_claim


def test_one_hop_uses_the_bound_topic(kg):
    gout = kg.node("DOID:13189")
    found = one_hop(kg, gout, "drugs_for_disease")
    labels = {kg.node(iri).label for iri in found}
    assert "Allopurinol" in labels
    statements = {
        (t.subject.label, t.relation, t.object.curie, t.source)
        for t in found[kg.find("Allopurinol")[0].node.iri]
    }
    assert statements == {
        ("Allopurinol", "treats", "DOID:13189", "pharmacotherapydb"),
        ("Allopurinol", "treats", "DOID:13189", "drugcentral"),
    }


def test_hierarchy_stands_in_and_keeps_the_path(kg):
    # the fixture annotates phenotypes on type 2 diabetes, not on its parent;
    # asking about a subtype-less child falls back to its supertype
    t2d = kg.node("DOID:9352")
    direct = graph_candidates(kg, t2d, "drugs_for_disease")
    assert direct and all(c.via is None for c in direct)
    parent = kg.node("DOID:9351")
    via_sub = graph_candidates(kg, parent, "drugs_for_disease")
    assert via_sub and all(c.via == t2d and c.via_relation == "subtype" for c in via_sub)
    assert via_sub[0].path[0].relation == "subClassOf"


def test_a_diseases_causes_take_its_kinds_genes_and_not_its_supertypes(kg):
    # "What causes thalassemia?" gave TMPRSS6 alone, a gene of microcytic anemia (its
    # supertype); the genes of its kinds (HBB, HBA1, HBA2) are the answer
    diabetes = kg.node("DOID:9351")
    found = graph_candidates(kg, diabetes, "causes")
    assert [(c.node.label, c.via.curie, c.via_relation) for c in found] == [
        ("TCF7L2", "DOID:9352", "subtype"),
    ]
    # autosomal dominant FMF states no gene of its own; MEFV is stated of FMF, its supertype,
    # which may be another kind's gene: no answer rather than the broader disease's genes
    fmf_ad = kg.node("OMIM:134610")
    assert graph_candidates(kg, fmf_ad, "causes") == []
    fmf = kg.node("DOID:2987")
    assert "MEFV" in {c.node.label for c in graph_candidates(kg, fmf, "causes")}


def test_parse_claims(linker, kg):
    def parse(text):
        p = parse_claim(text, linker.link(text), kg)
        return (
            p.subject.curie if p.subject else None,
            p.relation,
            p.object.curie if p.object else None,
            p.negated,
        )

    assert parse("Metformin treats type 2 diabetes mellitus")[1:] == ("treats", "DOID:9352", False)
    assert parse("Marfan syndrome is not associated with gene FBN1") == (
        "DOID:14323",
        "associatedWithGene",
        "NCBIGene:2200",
        True,
    )
    p = parse_claim(
        "The DOID of gout is DOID:13189", linker.link("The DOID of gout is DOID:13189"), kg
    )
    assert (p.relation, p.object_id) == ("id", "DOID:13189")
    assert parse("gout")[1] is None
    # ... and the reason says what was recognised, in a user's words
    assert parse_claim("gout", linker.link("gout"), kg).reason == (
        "kgqa recognised only gout in the claim; the graph names nothing else in it to check "
        "it against")  # fmt: skip
    assert "recognised nothing" in parse_claim("fine words", linker.link("fine words"), kg).reason
    # a drug and a disorder with no relation word between them are no treatment claim ...
    assert parse("I take metformin and I have headache")[1] is None
    assert parse("metformin for type 2 diabetes mellitus")[1:] == ("treats", "DOID:9352", False)
    # ... and a finding put down to "the medication" is the drug's side effect
    said = "I take metformin and get headache, is it related to the medication?"
    assert parse(said)[1:] == ("hasSideEffect", "HP:0002315", False)
    # whether a drug brings a finding on, in other words and with words between ("If she has
    # too much metformin or allopurinol, can that possibly create headache?")
    said = "If she has too much metformin or allopurinol, can that possibly create headache?"
    drug, *rest = parse(said)
    assert drug in ("DRUGBANK:DB00331", "DRUGBANK:DB00437")
    assert rest == ["hasSideEffect", "HP:0002315", False]


def test_statements_read_both_ways():
    assert statement("gout", "subClassOf", "arthritis") == "gout is a kind of arthritis"
    assert statement("x", "treats", "y", negated=True) == "x does not treat y"


def test_a_stronger_literature_cooccurrence_ranks_first():
    gout = Node("urn:gout", "DOID:13189", "gout", "Disease")

    def seen(label: str, weight: float, source: str = "hsdn") -> GraphCandidate:
        node = Node(f"urn:{label}", f"X:{label}", label, "Phenotype")
        attrs = ((Attribute("cooccurrences", 3), Attribute("weight", weight)),)
        return GraphCandidate(node, (Triple(gout, "hasPhenotype", node, source, attrs),))

    back, angina = seen("Back pain", 10.3), seen("Angina pectoris", 1.45)
    assert prior(back) > prior(angina)
    # a frequency annotated by curators counts for more than the literature
    hpo = GraphCandidate(
        angina.node,
        (Triple(gout, "hasPhenotype", angina.node, "hpo", ((Attribute("frequencyValue", 0.8),),)),),
    )
    assert prior(hpo) > prior(back)


def test_a_drug_for_more_kinds_of_the_topic_ranks_first():
    lice = [Node(f"urn:{k}", f"X:{k}", f"{k} lice", "Disease") for k in ("head", "body", "pubic")]

    def kinds(label: str, n: int) -> GraphCandidate:
        drug = Node(f"urn:{label}", f"X:{label}", label, "Chemical")
        ts = tuple(Triple(drug, "treats", kind, "drugcentral") for kind in lice[:n])
        return GraphCandidate(drug, ts, lice[0], "subtype")

    # the kinds are the statements' other ends: the drug, their subject, is one
    assert prior(kinds("Permethrin", 3)) > prior(kinds("Lidocaine", 2)) > prior(kinds("X", 1))


def test_more_curators_behind_an_indication_rank_it_first():
    gout = Node("urn:gout", "DOID:13189", "gout", "Disease")

    def indicated(label: str, curators: int, resources: int = 2) -> GraphCandidate:
        drug = Node(f"urn:{label}", f"X:{label}", label, "Chemical")
        attrs = ((Attribute("curators", curators), Attribute("resources", resources),
                  Attribute("origin", f"{resources} resources")),)  # fmt: skip
        return GraphCandidate(drug, (Triple(drug, "treats", gout, "pharmacotherapydb", attrs),))

    assert prior(indicated("Probenecid", 3)) > prior(indicated("Aaa", 1))
    # as many curators, more of the resources they read breaks the tie (only that): captopril
    # (4) before atorvastatin (1), stated of hypertension for its combination products
    captopril, atorvastatin = indicated("Captopril", 3, 4), indicated("Atorvastatin", 3, 1)
    assert prior(captopril) == prior(atorvastatin)
    assert (resources(captopril), resources(atorvastatin)) == (4, 1)
    assert prior(indicated("Captopril", 3, 4)) < prior(indicated("Aaa", 4, 0))


def test_a_label_indication_naming_a_kind_of_the_topic_ranks_after_one_naming_it():
    arthritis = Node("urn:arthritis", "DOID:848", "arthritis", "Disease")

    def indicated(label: str, *said: str) -> GraphCandidate:
        drug = Node(f"urn:{label}", f"X:{label}", label, "Chemical")
        return GraphCandidate(drug, tuple(
            Triple(drug, "treats", arthritis, "drugcentral", ((Attribute("indication", s),),))
            for s in said))  # fmt: skip

    kind, named = (
        indicated("Penicillin", "Gonococcal Arthritis"),
        indicated("Tenoxicam", "Arthritis"),
    )
    assert prior(named) > prior(kind)
    # one statement naming the topic itself is enough; a synonym is no kind
    assert prior(indicated("A", "Gonococcal Arthritis", "Arthritis")) == prior(named)
    assert prior(indicated("B", "Joint inflammation")) == prior(named)


def test_answers_carry_their_triples_annotations(pipeline):
    r = pipeline.ask("Which drugs treat gout?")
    treats = {t.source: t for t in r.answers[0].evidence.triples if t.relation == "treats"}
    keys = {a.key for stmt in treats["pharmacotherapydb"].attributes for a in stmt}
    assert {"curators", "resources"} <= keys
    assert "indication" in {a.key for stmt in treats["drugcentral"].attributes for a in stmt}


def test_each_source_keeps_its_own_statement_of_an_edge():
    gout = Node("urn:gout", "DOID:13189", "gout", "Disease")
    fever = Node("urn:fever", "HP:0001945", "Fever", "Phenotype")
    hpo = Triple(gout, "hasPhenotype", fever, "hpo", ((Attribute("frequencyValue", 0.8),),))
    hsdn = Triple(gout, "hasPhenotype", fever, "hsdn", ((Attribute("weight", 2.5),),))

    class Graph:
        def neighbours(self, node, relation, direction, attributes):
            return [hpo, hsdn]

    bare = GraphCandidate(fever, (replace(hpo, attributes=()), replace(hsdn, attributes=())))
    (c,) = with_attributes(Graph(), gout, "phenotypes_of_disease", [bare])  # type: ignore[arg-type]
    assert [(t.source, t.attributes) for t in c.triples] == [
        ("hpo", hpo.attributes),
        ("hsdn", hsdn.attributes),
    ]


def test_concept_twins_share_ids_and_are_no_super_sub_or_sibling_types():
    from kgqa.answering.candidates import concept_twins
    from kgqa.records import Node

    def node(curie: str, label: str, cls: str = "Disease") -> Node:
        return Node(f"iri:{curie}", curie, label, cls)

    nodes = {
        "hyp": node("DOID:11132", "prostatic hypertrophy"),
        "ade": node("DOID:2883", "prostatic adenoma"),
        "hpo": node("HP:0008711", "Benign prostatic hyperplasia", "Phenotype"),
        "one": node("DOID:1", "prostate thing"),  # one shared id, same vocabulary: no twin
        "gsd_b": node("DOID:0081330", "glycogen storage disease Ib"),
        "gsd_c": node("DOID:0081331", "glycogen storage disease Ic"),
        "sub": node("DOID:2", "prostatic hypertrophy subtype"),
    }
    ids = {
        "hyp": ["DOID:11132", "UMLS:C1704272", "MONDO:0010811", "UMLS:C9", "ICD10CM:N40"],
        "ade": ["DOID:2883", "UMLS:C1704272", "MONDO:0010811"],
        "hpo": ["HP:0008711", "UMLS:C1704272"],
        "one": ["DOID:1", "UMLS:C9"],
        "gsd_b": ["DOID:0081330", "UMLS:C7", "MONDO:7"],
        "gsd_c": ["DOID:0081331", "UMLS:C7", "MONDO:7"],
        "sub": ["DOID:2", "ICD10CM:N40", "MONDO:0010811"],
    }

    class Graph:
        def ids(self, n):
            return next(ids[k] for k, v in nodes.items() if v.iri == n.iri)

        def lookup_id(self, curie):
            return [nodes[k] for k in nodes if curie in ids[k]]

        def node(self, iri):
            return next((v for v in nodes.values() if v.iri == iri), None)

        def ancestors(self, n):
            return [nodes["hyp"]] if n.iri == nodes["sub"].iri else []

        def descendants(self, n):
            return [nodes["sub"]] if n.iri == nodes["hyp"].iri else []

    twins = concept_twins(Graph(), nodes["hyp"])  # type: ignore[arg-type]
    assert [t.curie for t, _ in twins] == ["DOID:2883", "HP:0008711"]
    assert twins[0][1] == {"UMLS:C1704272", "MONDO:0010811"}
    # numbered subtypes that share ids are siblings, not one concept
    assert concept_twins(Graph(), nodes["gsd_b"]) == []  # type: ignore[arg-type]


def test_asking_which_drugs_may_be_taken_is_no_question_whether_one_may():
    from kgqa.understanding.claims import asks_use_despite

    assert asks_use_despite("I have asthma. Can I take ibuprofen?")
    assert asks_use_despite("Is it safe to take aspirin with gout?")
    # asks for drugs: "What else can I take" had been read as a contraindication claim
    assert not asks_use_despite("What else can I take for my blood pressure?")
    assert not asks_use_despite("Which painkillers can she use?")
    # whether something is safe stays a question of safety, asked by "which" or not
    assert asks_use_despite("Which painkiller is safe with asthma?")


class _FindingGraph:
    """A graph of one finding shown by a rare syndrome (HPO: every patient has it), a common
    disease (HSDN: 837 abstracts name the two) and a disease category with 60 kinds."""

    def __init__(self) -> None:
        self.finding = Node("urn:headache", "HP:0002315", "Headache", "Phenotype")
        rare = Node("urn:rare", "ORPHA:1", "Rare headache syndrome", "Disease")
        common = Node("urn:migraine", "DOID:6364", "migraine", "Disease")
        self.category = Node("urn:epilepsy", "DOID:1826", "epilepsy", "Disease")
        self.kinds = [Node(f"urn:e{i}", f"X:{i}", f"epilepsy {i}", "Disease") for i in range(60)]

        def seen(n: int) -> tuple:
            return ((Attribute("cooccurrences", n), Attribute("weight", n * 0.88)),)

        self.edges = [
            Triple(rare, "hasPhenotype", self.finding, "hpo",
                   ((Attribute("frequencyValue", 1.0),),)),
            Triple(common, "hasPhenotype", self.finding, "hsdn", seen(837)),
            Triple(self.category, "hasPhenotype", self.finding, "hsdn", seen(130)),
        ]  # fmt: skip

    def ancestors(self, node):
        return []  # no finding above Headache says a level

    def vocabularies(self, nodes):
        return {n.iri: 1 for n in nodes}

    def neighbours(self, ref, relation=None, direction="out", sources=None, attributes=False):
        if relation == "subClassOf" and direction == "in" and ref.iri == self.category.iri:
            return [Triple(k, "subClassOf", self.category, "doid") for k in self.kinds]
        if relation == "hasPhenotype" and direction == "in" and ref.iri == self.finding.iri:
            return [t if attributes else replace(t, attributes=()) for t in self.edges]
        return []


def _findings_diseases(kg) -> list[str]:
    """The labels of the diseases that show a fake graph's finding, as ranked."""
    from kgqa.answering.ranking import rank_candidates
    from tests.answering.fakes import GraphReadingVerifier

    cands = [GraphCandidate(replace(t.subject), (replace(t, attributes=()),)) for t in kg.edges]
    answers = rank_candidates(kg, GraphReadingVerifier(), kg.finding, "diseases_of_phenotype",
                              cands, [])  # fmt: skip
    return [a.node.label for a in answers]


def test_a_findings_diseases_rank_by_the_literature_not_by_how_often_they_show_it():
    # "What causes headaches?": HPO's frequency says how many with a disease show a finding,
    # not how often the finding comes from it; an ontology category named with the finding
    # in many abstracts (epilepsy) is an answer, not a category to put last
    kg = _FindingGraph()
    assert _findings_diseases(kg) == ["migraine", "epilepsy", "Rare headache syndrome"]
    # the same frequency still counts where a disease's findings are ranked
    hpo = GraphCandidate(kg.finding, (kg.edges[0],))
    assert prior(hpo) - prior(hpo, frequency=False) == pytest.approx(0.5)


class _SyndromesGraph:
    """A finding HPO annotates on four syndromes of one source each, no drug treating any:
    one filed by many vocabularies, three by OMIM alone, shown by all, most or some."""

    def __init__(self) -> None:
        self.finding = Node("urn:arachno", "HP:0001166", "Arachnodactyly", "Phenotype")
        self.known = Node("urn:marfan", "DOID:14323", "Marfan syndrome", "Disease")
        self.rare = [Node(f"urn:r{i}", f"OMIM:{i}", f"{name} syndrome", "Disease")
                     for i, name in enumerate(("Abel", "Baker", "Cole"))]  # fmt: skip
        shown = {"urn:marfan": 0.895, "urn:r0": 0.17, "urn:r1": 1.0, "urn:r2": 0.545}
        self.edges = [Triple(n, "hasPhenotype", self.finding, "hpo",
                             ((Attribute("frequencyValue", shown[n.iri]),),))
                      for n in (*self.rare, self.known)]  # fmt: skip

    def ancestors(self, node):
        return []

    def vocabularies(self, nodes):
        # Marfan syndrome: DOID, MESH, OMIM, ORPHA, ICD10; the rest OMIM alone
        return {n.iri: 5 if n.iri == self.known.iri else 1 for n in nodes}

    def neighbours(self, ref, relation=None, direction="out", sources=None, attributes=False):
        if relation == "hasPhenotype" and direction == "in" and ref.iri == self.finding.iri:
            return [t if attributes else replace(t, attributes=()) for t in self.edges]
        return []


def test_where_all_else_ties_a_findings_diseases_rank_by_vocabularies_then_frequency():
    # "What diseases cause arachnodactyly?" listed rare syndromes in the alphabet's order,
    # Marfan syndrome not among the first 16
    assert _findings_diseases(_SyndromesGraph()) == [
        "Marfan syndrome",
        "Baker syndrome",
        "Cole syndrome",
        "Abel syndrome",
    ]


class _KindsGraph:
    """Diabetes and its kinds: two DO states, one only MeSH's tree of headings files there."""

    def __init__(self) -> None:
        self.topic = Node("urn:dm", "DOID:9351", "diabetes mellitus", "Disease")
        self.edges = [
            Triple(Node("urn:c", "MESH:D048909", "Diabetes Complications", "Disease"),
                   "subClassOf", self.topic, "mesh"),
            Triple(Node("urn:t1", "DOID:9744", "type 1 diabetes mellitus", "Disease"),
                   "subClassOf", self.topic, "doid"),
            Triple(Node("urn:t2", "DOID:9352", "type 2 diabetes mellitus", "Disease"),
                   "subClassOf", self.topic, "doid"),
        ]  # fmt: skip

    def neighbours(self, ref, relation=None, direction="out", sources=None, attributes=False):
        if relation == "subClassOf" and direction == "in" and ref.iri == self.topic.iri:
            return list(self.edges)
        return []


def test_the_kinds_the_ontologies_state_come_before_meshs_tree_headings():
    # "What are the types of diabetes?" began with "Diabetes Complications" (MeSH's tree)
    from kgqa.answering.ranking import rank_candidates
    from tests.answering.fakes import GraphReadingVerifier

    kg = _KindsGraph()
    cands = [GraphCandidate(t.subject, (t,)) for t in kg.edges]
    answers = rank_candidates(kg, GraphReadingVerifier(), kg.topic,  # type: ignore[arg-type]
                              "subtypes", cands, [])  # fmt: skip
    assert [a.node.label for a in answers][-1] == "Diabetes Complications"
    assert len(answers) == 3


def test_a_side_effect_of_a_kind_of_the_disorder_claimed_says_the_drug_can_cause_it():
    from kgqa.answering.verification import _kind_verdict

    drug = Node("urn:ibu", "DRUGBANK:DB01050", "Ibuprofen", "Chemical")
    kidney = Node("urn:kd", "DOID:557", "kidney disease", "Disease")
    necrosis = Node("urn:pn", "DOID:0050xxx", "kidney papillary necrosis", "Disease")
    stated = [Triple(drug, "hasSideEffect", necrosis, "sider")]
    verdict, reason = _kind_verdict(drug, "hasSideEffect", kidney, False, stated)
    assert verdict == "supported" and "kidney papillary necrosis (sider): kinds of kidney" in reason
    # a negated claim is refuted, never supported
    assert _kind_verdict(drug, "hasSideEffect", kidney, True, stated)[0] == "refuted"
    # a statement of the disorder itself, or of another relation, is no kind's verdict
    assert _kind_verdict(drug, "hasSideEffect", kidney, False,
                         [Triple(drug, "hasSideEffect", kidney, "sider")]) is None  # fmt: skip
    assert _kind_verdict(drug, "treats", kidney, False,
                         [Triple(drug, "treats", necrosis, "drugcentral")]) is None  # fmt: skip


class _DrugNames:
    """The fakes' drug nodes (``urn:<name>``, named ``<name>``), for the names of drug forms."""

    classes: dict[str, list[str]]

    def nodes(self, cls=None):
        return [Node(f"urn:{n}", f"X:{n}", n, "Chemical") for n in self.classes]

    def node(self, iri):
        return next((n for n in self.nodes() if n.iri == iri), None)


def _clear_classes() -> None:
    from kgqa.answering.ranking import drug_classes, form_classes, kindred_classes

    for cached in (drug_classes, form_classes, kindred_classes):
        cached.cache_clear()


class _FeverGraph(_DrugNames):
    """Fever's drugs: two the labels and SIDER state, an antacid one label alone states (for
    buffered aspirin), a drug of no class known, an analgesic one label states."""

    def __init__(self) -> None:
        self.fever = Node("urn:fever", "HP:0001945", "Fever", "Phenotype")
        self.drugs = {n: Node(f"urn:{n}", f"X:{n}", n, "Chemical")
                      for n in ("aspirin", "acetaminophen", "calcium carbonate", "mystery",
                                "naproxen")}  # fmt: skip
        self.classes = {"aspirin": ["analgesic", "platelet inhibitor"],
                        "acetaminophen": ["analgesic"], "calcium carbonate": ["antacid"],
                        "naproxen": ["analgesic"], "mystery": []}  # fmt: skip

    def edges(self, relation, source=None):
        assert relation == "inDrugClass"
        for drug, classes in self.classes.items():
            for c in classes:
                yield f"urn:{drug}", f"urn:class:{c}", "drugcentral"

    def candidates(self) -> list[GraphCandidate]:
        sources = {"aspirin": ("drugcentral", "sider"), "acetaminophen": ("drugcentral", "sider")}
        return [GraphCandidate(node, tuple(Triple(node, "treats", self.fever, s)
                                           for s in sources.get(name, ("drugcentral",))))
                for name, node in self.drugs.items()]  # fmt: skip


def test_a_drug_one_label_states_beside_no_drug_of_its_class_is_set_apart():
    # "What can I take for a fever?" listed calcium carbonate and aluminium hydroxide (buffered
    # aspirin's label) beside aspirin, acetaminophen and ibuprofen
    from kgqa.answering.ranking import off_class

    kg = _FeverGraph()
    _clear_classes()
    # ... and trolnitrate, of no class known, whose rows are a cold remedy's
    assert off_class(kg, kg.candidates()) == {"urn:calcium carbonate", "urn:mystery"}  # type: ignore[arg-type]
    # with no drug two sources state, nothing is set apart
    alone = [c for c in kg.candidates() if len(c.triples) == 1]
    _clear_classes()
    assert off_class(kg, alone) == set()  # type: ignore[arg-type]


class _OneSourceGraph(_DrugNames):
    """HIV's label indications, each of one source: five antiretrovirals, a product's solvent
    and a drug of no class known."""

    def __init__(self) -> None:
        self.hiv = Node("urn:hiv", "DOID:526", "HIV infection", "Disease")
        self.classes = {f"arv{i}": ["antiretroviral"] for i in range(5)}
        self.classes |= {"ethanol": ["solvent"], "mystery": []}

    def edges(self, relation, source=None):
        assert relation == "inDrugClass"
        for drug, classes in self.classes.items():
            for c in classes:
                yield f"urn:{drug}", f"urn:class:{c}", "drugcentral"

    def candidates(self, names=None) -> list[GraphCandidate]:
        out = []
        for name in names or self.classes:
            node = Node(f"urn:{name}", f"X:{name}", name, "Chemical")
            out.append(GraphCandidate(node, (Triple(node, "treats", self.hiv, "drugcentral"),)))
        return out


def test_with_no_drug_two_sources_state_the_class_most_share_sets_the_rest_apart():
    # "Is there a cure for HIV?" began with ethanol and vitamin E (a product's solvent and
    # excipient), stated by DrugCentral alone as all 30 antiretrovirals are
    from kgqa.answering.ranking import off_class

    kg = _OneSourceGraph()
    _clear_classes()
    assert off_class(kg, kg.candidates()) == {"urn:ethanol", "urn:mystery"}  # type: ignore[arg-type]
    # too few drugs of known class to say what the topic's drugs are: none set apart
    _clear_classes()
    few = kg.candidates(["arv0", "arv1", "arv2", "ethanol"])
    assert off_class(kg, few) == set()  # type: ignore[arg-type]
    _clear_classes()


class _InsomniaGraph(_DrugNames):
    """Insomnia's label indications: four hypnotics both label sources state, acetaminophen
    both state too (from acetaminophen with diphenhydramine), and a hypnotic PharmacotherapyDB
    states with one label."""

    def __init__(self) -> None:
        self.insomnia = Node("urn:insomnia", "MESH:D007319", "insomnia", "Disease")
        self.classes = {f"hyp{i}": ["hypnotic", "gaba agent"] for i in range(4)}
        self.classes |= {"acetaminophen": ["analgesic"], "curated": ["hypnotic"]}

    def edges(self, relation, source=None):
        assert relation == "inDrugClass"
        for drug, classes in self.classes.items():
            for c in classes:
                yield f"urn:{drug}", f"urn:class:{c}", "drugcentral"

    def candidates(self, witnessed=("drugcentral", "sider"), names=None) -> list[GraphCandidate]:
        out = []
        for name in names or self.classes:
            node = Node(f"urn:{name}", f"X:{name}", name, "Chemical")
            sources = ("pharmacotherapydb", "drugcentral") if name == "curated" else witnessed
            out.append(GraphCandidate(node, tuple(Triple(node, "treats", self.insomnia, s)
                                                  for s in sources)))  # fmt: skip
        return out


def self_names(kg: _InsomniaGraph) -> list[str]:
    """The graph's drugs stated for insomnia (not the class's other members)."""
    return [n for n in kg.classes if not n.startswith("filler")]


def test_a_drug_two_labels_state_beside_no_drug_of_its_class_is_set_apart():
    # "What helps with insomnia?" began with acetaminophen, which DrugCentral and SIDER both
    # read off the label of a combination with diphenhydramine
    from kgqa.answering.ranking import off_class

    kg = _InsomniaGraph()
    _clear_classes()
    assert off_class(kg, kg.candidates()) == {"urn:acetaminophen"}  # type: ignore[arg-type]
    # a class of up to 250 members shared with a quarter of the other such drugs keeps it
    # (MeSH's "Anti-Bacterial Agents", 220, ties erythromycin to the fluoroquinolones for
    # pneumonia), not a broader one ("Central Nervous System Agents", 498), nor one a lone
    # other drug shares (atropine, beside four opioids of 31 drugs for pain, in "Respiratory
    # System Agents")
    for fillers, sharers, kept in ((200, 2, True), (300, 2, False), (200, 1, False)):
        kg.classes |= {f"filler{i}": ["broad"] for i in range(fillers)}
        kg.classes["acetaminophen"] = ["analgesic", "broad"]
        for i in range(sharers):
            kg.classes[f"hyp{i}"] = ["hypnotic", "broad"]
        _clear_classes()
        apart = off_class(kg, kg.candidates(names=self_names(kg)))  # type: ignore[arg-type]
        assert ("urn:acetaminophen" not in apart) is kept, (fillers, sharers)
        kg.classes = {k: v for k, v in kg.classes.items() if not k.startswith("filler")}
        kg.classes |= {"acetaminophen": ["analgesic"]}
        kg.classes |= {f"hyp{i}": ["hypnotic", "gaba agent"] for i in range(sharers)}
    # a witness beside the labels (PharmacotherapyDB's physicians) keeps it
    kg.classes["curated"] = ["analgesic"]
    _clear_classes()
    assert off_class(kg, kg.candidates()) == set()  # type: ignore[arg-type]
    # too few other drugs two sources state to say what the topic's drugs are
    kg.classes = {k: v for k, v in kg.classes.items() if k in ("hyp0", "hyp1", "acetaminophen")}
    _clear_classes()
    assert off_class(kg, kg.candidates()) == set()  # type: ignore[arg-type]
    _clear_classes()


class _DiphtheriaGraph(_DrugNames):
    """Diphtheria's label indications, each of one source: two antibiotics, an antineoplastic
    (erythromycin's rows under another drug) and a salt of no class of its own; its parent,
    bacterial infection, and that parent's other kinds, treated with antibiotics."""

    def __init__(self, siblings: int = 6) -> None:
        self.topic = Node("urn:diphtheria", "DOID:11405", "diphtheria", "Disease")
        self.parent = Node("urn:bacterial", "DOID:104", "bacterial infection", "Disease")
        self.kinds = [Node(f"urn:k{i}", f"DOID:{i}", f"infection {i}", "Disease")
                      for i in range(siblings)]  # fmt: skip
        self.classes = {"erythromycin": ["antibacterial", "macrolide"],
                        "penicillin": ["antibacterial", "penicillins"],
                        "cisplatin": ["antineoplastic"],
                        "penicillin sodium": []}  # fmt: skip
        self.classes |= {f"ab{i}": ["antibacterial"] for i in range(2 * siblings)}

    def edges(self, relation, source=None):
        if relation == "inDrugClass":
            for drug, classes in self.classes.items():
                for c in classes:
                    yield f"urn:{drug}", f"urn:class:{c}", "drugcentral"
            return
        if relation == "treats":
            for i, kind in enumerate(self.kinds):
                for d in (f"ab{2 * i}", f"ab{2 * i + 1}"):
                    yield f"urn:{d}", kind.iri, "drugcentral"
            for d in ("erythromycin", "penicillin", "cisplatin", "penicillin sodium"):
                yield f"urn:{d}", self.topic.iri, "drugcentral"

    def neighbours(self, ref, relation=None, direction="out", **_):
        iri = ref.iri if isinstance(ref, Node) else ref
        if direction == "out" and iri == self.topic.iri:
            return [Triple(self.topic, "subClassOf", self.parent, "doid")]
        if direction == "in" and iri == self.parent.iri:
            return [Triple(k, "subClassOf", self.parent, "doid") for k in [self.topic, *self.kinds]]
        return []

    def candidates(self) -> list[GraphCandidate]:
        names = ("erythromycin", "penicillin", "cisplatin", "penicillin sodium")
        return [GraphCandidate(n, (Triple(n, "treats", self.topic, "drugcentral"),))
                for n in self.nodes() if n.label in names]  # fmt: skip


def test_where_the_topics_drugs_share_no_class_those_of_disorders_like_it_set_one_apart():
    # "What treats diphtheria?" gave cyclophosphamide and cisplatin beside penicillin and
    # erythromycin: DrugCentral's rows of erythromycin under two antineoplastics
    from kgqa.answering.ranking import form_classes, form_parts, off_class

    assert form_parts("hydrocortisone succinate") == ["hydrocortisone"]
    assert form_parts("procaine benzylpenicillin") == ["procaine", "benzylpenicillin"]
    assert form_parts("sodium phosphate") == [] and form_parts("thiram") == []
    kg = _DiphtheriaGraph()
    _clear_classes()
    # a salt no class names has its drug's classes
    assert form_classes(kg)["urn:penicillin sodium"] == form_classes(kg)["urn:penicillin"]  # type: ignore[arg-type]
    assert off_class(kg, kg.candidates()) == set()  # type: ignore[arg-type]
    assert off_class(kg, kg.candidates(), kg.topic) == {"urn:cisplatin"}  # type: ignore[arg-type]
    # too few drugs of disorders like it: nothing to go by
    kg = _DiphtheriaGraph(siblings=3)
    _clear_classes()
    assert off_class(kg, kg.candidates(), kg.topic) == set()  # type: ignore[arg-type]
    _clear_classes()


def test_a_drug_the_labels_give_only_to_prevent_the_disorder_is_prevention_only():
    # "Which drugs treat myocardial infarction?" began with amlodipine, whose label (with
    # atorvastatin) gives it for "Myocardial Infarction Prevention"
    from kgqa.answering.ranking import prevention_only

    mi = Node("urn:mi", "DOID:5844", "myocardial infarction", "Disease")
    drug = Node("urn:d", "X:d", "amlodipine", "Chemical")

    def said(source: str, text: str) -> Triple:
        return Triple(drug, "treats", mi, source, ((Attribute("indication", text),),))

    prevents = said("drugcentral", "Myocardial Infarction Prevention")
    sider = said("sider", "Myocardial Infarction")  # the same label as MedDRA's term
    assert prevention_only(GraphCandidate(drug, (prevents, sider)))
    assert not prevention_only(
        GraphCandidate(drug, (said("drugcentral", "Myocardial Infarction"), sider))
    )
    # a witness beside the labels (PharmacotherapyDB), or no label's wording, says treatment
    curated = Triple(drug, "treats", mi, "pharmacotherapydb")
    assert not prevention_only(GraphCandidate(drug, (prevents, curated)))
    assert not prevention_only(GraphCandidate(drug, (sider,)))


class _StatinGraph:
    """Four statins' side effects from their labels: all state myalgia, one a trial's finding."""

    def __init__(self) -> None:
        self.statins = [Node(f"urn:s{i}", f"X:s{i}", f"statin{i}", "Chemical") for i in range(4)]
        self.lone = Node("urn:lone", "X:lone", "lonely", "Chemical")
        self.effects = {n.iri: {"urn:myalgia"} for n in self.statins}
        self.effects["urn:s0"] |= {"urn:trial finding", "urn:headache"}
        self.effects["urn:s1"].add("urn:headache")

    def edges(self, relation, source=None):
        if relation == "inDrugClass":
            for n in self.statins:
                yield n.iri, "urn:class:statin", "drugcentral"
            return
        assert relation == "hasSideEffect"
        for drug, effects in self.effects.items():
            for e in sorted(effects):
                yield drug, e, "sider"


def test_a_side_effect_the_drugs_class_mates_state_too_is_typical_of_it():
    # lisinopril's side effects began with postinfarction angina and persistent fetal
    # circulation, from its label's trials, which no other ACE inhibitor lists
    from kgqa.answering.ranking import drug_classes, side_effects, typicality

    kg = _StatinGraph()
    drug_classes.cache_clear()
    side_effects.cache_clear()
    shares = typicality(kg, kg.statins[0])  # type: ignore[arg-type]
    assert shares == {"urn:myalgia": 1.0, "urn:headache": 1 / 3}
    # a drug of no class known, or of too few class-mates, has no typical side effects
    assert typicality(kg, kg.lone) == {}  # type: ignore[arg-type]
    kg.statins = kg.statins[:3]
    drug_classes.cache_clear()
    side_effects.cache_clear()
    assert typicality(kg, kg.statins[0]) == {}  # type: ignore[arg-type]
    drug_classes.cache_clear()
    side_effects.cache_clear()


class _SaltGraph:
    """Lithium and the names that extend its name: two salts, a compound of another kind."""

    def __init__(self) -> None:
        names = ["lithium carbonate", "lithium citrate", "lithium battery grade metal",
                 "lithium hydrochloride"]  # fmt: skip
        self.nodes = {n: Node(f"urn:{n}", f"X:{n}", n, "Chemical") for n in ["Lithium", *names]}
        # a salt's name on a node of another class is no drug's salt
        self.nodes["lithium hydrochloride"] = Node("urn:lh", "X:lh", "lithium hydrochloride",
                                                   "Disease")  # fmt: skip

    def names_extending(self, key, limit=20):
        return [(n.iri, label, label.lower()) for label, n in self.nodes.items()
                if label.lower().startswith(key + " ")][:limit]  # fmt: skip

    def node(self, iri):
        return next((n for n in self.nodes.values() if n.iri == iri), None)


def test_a_drugs_salts_are_the_nodes_named_as_its_salts():
    # "Lithium treats bipolar disorder" was unknown: DrugCentral states it of lithium
    # carbonate and lithium citrate
    from kgqa.answering.candidates import salt_forms

    kg = _SaltGraph()
    salts = salt_forms(kg, kg.nodes["Lithium"])  # type: ignore[arg-type]
    assert [n.label for n in salts] == ["lithium carbonate", "lithium citrate"]
    assert salt_forms(kg, kg.nodes["lithium carbonate"]) == []  # type: ignore[arg-type]


class _LetteredGraph:
    """Charcot-Marie-Tooth disease type 2 and three of its kinds; none is named type 2A."""

    def __init__(self) -> None:
        def node(curie: str, label: str) -> Node:
            return Node(f"urn:{curie}", curie, label, "Disease")

        self.cmt2 = node("DOID:0050539", "Charcot-Marie-Tooth disease type 2")
        self.kinds = [node("DOID:0110154", "Charcot-Marie-Tooth disease type 2A1"),
                      node("DOID:0110155", "Charcot-Marie-Tooth disease type 2A2A"),
                      node("DOID:0110164", "Charcot-Marie-Tooth disease type 2D")]  # fmt: skip

    def labels(self, ref):
        return [(ref.label, "en")]

    def neighbours(self, ref, relation, direction="out"):
        assert relation == "subClassOf"
        if direction == "in" and ref == self.cmt2:
            return [Triple(k, "subClassOf", self.cmt2, "doid") for k in self.kinds]
        return []


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("Charcot-Marie-Tooth disease type 2A", ["DOID:0110154", "DOID:0110155"]),
        ("Charcot-Marie-Tooth disease, type 2A", ["DOID:0110154", "DOID:0110155"]),
        ("Charcot-Marie-Tooth disease type 2", []),  # its own name: all its kinds
        ("CMT type 2", []),  # no lettered subtype
    ],
)  # fmt: skip
def test_a_lettered_subtype_the_graph_lacks_is_its_kinds_named_so(said, named):
    # "Charcot-Marie-Tooth disease type 2A" linked type 2, and GDAP1 (type 2K's) came first
    from types import SimpleNamespace

    from kgqa.answering.engine import QAEngine
    from kgqa.records import Mention

    kg = _LetteredGraph()
    m = Mention(0, len(said), said, "DISEASE", False, 1.0, ())
    name, kinds = QAEngine._kinds_named(SimpleNamespace(kg=kg), kg.cmt2, [(m, kg.cmt2)])
    assert name == (said if named else "")
    assert [k.curie for k, _ in kinds] == named
    assert all(path[0].object == kg.cmt2 for _, path in kinds)


def test_the_kinds_a_name_picks_answer_with_their_is_a_path(kg):
    from kgqa.answering.candidates import kinds_candidates

    diabetes, t2d = kg.node("DOID:9351"), kg.node("DOID:9352")
    isa = Triple(t2d, "subClassOf", diabetes, "doid")
    found = kinds_candidates(kg, [(t2d, (isa,))], "causes")
    assert [(c.node.label, c.via.curie, c.via_relation) for c in found] == [
        ("TCF7L2", "DOID:9352", "subtype"),
    ]
    assert found[0].path[0] == isa and found[0].path[1].relation == "associatedWithGene"


def test_a_passage_names_a_node_by_a_word_of_its_own() -> None:
    from kgqa.answering.ranking import mentioning
    from kgqa.records import Node, Passage

    ins = Node("https://w3id.org/kgqa/node/NCBIGene_3630", "NCBIGene:3630", "INS", "Gene")
    vitamins = Passage(1, "Vitamin A prevents night blindness; eat a balanced diet of vitamins.",
                       "Vitamins", "medquad", "x-1", "", "information", (), 0.8)  # fmt: skip
    insulin = Passage(2, "Mutations in INS cause neonatal diabetes.", "INS", "medquad", "x-2", "",
                      "genetic changes", (), 0.8)  # fmt: skip
    assert mentioning([vitamins, insulin], ins) == [insulin]


def test_a_passage_decides_a_claim_alone_only_on_the_disease_or_the_findings_causes(kg):
    # "Does the common cold cause paralysis?" was supported at 0.94 by MedQuAD's page on Bell's
    # palsy: a cold as its trigger, paralysis as its sign
    import numpy as np

    from kgqa.answering.verification import ClaimVerifier
    from kgqa.records import Passage
    from tests.answering.fakes import FakeLinker, FixedPassages

    class Believing:
        """Reads every evidence as support."""

        labels = ("supported", "refuted", "not_enough_info")

        def predict_proba(self, a, b=None):
            return np.tile(np.array([0.95, 0.03, 0.02], dtype=np.float32), (len(a), 1))

    gout, headache = kg.node("DOID:13189"), kg.node("HP:0002315")
    assert not kg.neighbours(gout, "hasPhenotype", direction="out") or headache.iri not in {
        t.object.iri for t in kg.neighbours(gout, "hasPhenotype", direction="out")
    }
    both = (gout.iri, headache.iri)
    names = {"gout": "DOID:13189", "headache": "HP:0002315", "marfan syndrome": "DOID:14323"}

    def passage(pid: int, title: str, qtype: str = "information") -> Passage:
        return Passage(pid, "Gout may come with headache.", title, "medquad", f"q-{pid}", "",
                       qtype, both, 0.8)  # fmt: skip

    def verdict(*passages: Passage):
        verifier = ClaimVerifier(kg, FakeLinker(kg, names), Believing(), FixedPassages(passages))
        return verifier.verify("Gout causes headache")

    third = verdict(passage(1, "Marfan syndrome"))
    assert third.verdict == "unknown" and third.score == 0.0
    assert "on Marfan syndrome" in third.reason and third.evidence.passages
    # a passage on the disease, by its name or linked, or with no title, is read
    for title in ("Gout", "Gout and headache: a case", ""):
        assert verdict(passage(2, title)).verdict == "supported", title
    # ... and one on the finding only where it gives its causes: a disease named beside a
    # finding there need be no cause of it ("Androgenetic alopecia ... associated with ... high
    # blood pressure" supported that hypertension causes hair loss)
    assert verdict(passage(2, "Headache", "causes")).verdict == "supported"
    assert verdict(passage(2, "Headache", "susceptibility")).verdict == "supported"
    beside = verdict(passage(2, "Headache"))
    assert beside.verdict == "unknown" and "not on its causes" in beside.reason
    # ... nor one on a kind of the disease: familial hemiplegic migraine shows seizures
    kind = verdict(passage(2, "Tophaceous gout"))
    assert kind.verdict == "unknown" and "a kind of gout" in kind.reason
    # ... and when one on the pair is found beside the other, it is the one read
    mixed = verdict(passage(1, "Marfan syndrome"), passage(2, "Gout"))
    assert mixed.verdict == "supported" and [p.pid for p in mixed.evidence.passages] == [2]


def test_genes_of_as_many_sources_come_in_the_order_of_the_studies_that_found_them(kg):
    # "What causes Parkinson's disease?" listed BST1, DGKQ, FAM47E-STBD1 by the alphabet and
    # SNCA tenth, though SNCA holds five of its GWAS lead variants
    from kgqa.answering.ranking import gwas_studies, rank_candidates
    from tests.answering.fakes import GraphReadingVerifier

    diabetes = kg.node("DOID:9352")
    tcf7l2, mefv = kg.node("NCBIGene:6934"), kg.node("NCBIGene:4210")
    assert gwas_studies(kg, diabetes) == {tcf7l2.iri: 1}  # rs7903146, in TCF7L2
    assert gwas_studies(kg, kg.node("DOID:14323")) == {}  # (Marfan syndrome: no study)

    def cand(gene):
        return GraphCandidate(gene, tuple(Triple(diabetes, "associatedWithGene", gene, source)
                                          for source in ("disease_gene", "gwas")))  # fmt: skip

    answers = rank_candidates(kg, GraphReadingVerifier(), diabetes, "genes_of_disease",
                              [cand(mefv), cand(tcf7l2)], [])  # fmt: skip
    assert [a.node.label for a in answers] == ["TCF7L2", "MEFV"]


def test_an_intersection_reads_each_topics_nodes_of_its_exact_name(kg, monkeypatch):
    # "Which drugs treat both hypertension and heart failure?" missed the ACE inhibitors:
    # DrugCentral gives them HPO's *Congestive heart failure*, the question linked DO's
    from kgqa.answering import candidates

    gout, fmf, twin = kg.node("DOID:13189"), kg.node("DOID:2987"), kg.node("CCRD:35")
    allopurinol = kg.node("DRUGBANK:DB00437")
    assert twin.iri in {n.iri for n in candidates.same_named(kg, fmf)}
    given = candidates.one_hop

    def stated(graph, topic, intent, relations=None):
        if topic.iri == twin.iri:  # a drug a source states of the twin alone
            return {allopurinol.iri: [Triple(allopurinol, "treats", twin, "drugcentral")]}
        return given(graph, topic, intent, relations)

    monkeypatch.setattr(candidates, "one_hop", stated)
    shared = candidates.shared_candidates(kg, [gout, fmf], "drugs_for_disease")
    assert {c.node.label for c in shared} == {"Colchicine", "Allopurinol"}
    evidence = next(c for c in shared if c.node.label == "Allopurinol").triples
    assert {t.object.curie for t in evidence} == {"DOID:13189", "CCRD:35"}
