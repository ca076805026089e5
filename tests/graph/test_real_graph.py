"""Figures on the graph built from the real sources (../shared/data): slow, skipped without data."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.data]


def test_graph_reaches_the_issue_figures(real_graph) -> None:
    stats = real_graph.stats()
    assert stats.classes["Phenotype"] >= 15_000
    assert stats.classes["Drug"] >= 300
    assert stats.classes["Gene"] >= 4_000
    rows = real_graph.sparql(
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH src:hpo { ?d kgv:hasPhenotype ?p } }"
    )
    assert rows[0]["n"] >= 10_000


def test_real_identities(real_graph) -> None:
    # DO, OMIM (1:1 xref) and the UMLS alias are one node
    t2d = real_graph.node("DOID:9352")
    assert real_graph.node("MESH:D003924") == t2d
    assert real_graph.node("UMLS:C0011860") == t2d
    gout = real_graph.find("gout", cls="Disease")[0].node
    drugs = {t.subject.label for t in real_graph.neighbours(gout, "treats", "in")}
    assert {"Allopurinol", "Colchicine"} <= drugs
    assert real_graph.find("癫痫发作")[0].node.curie == "HP:0001250"
    # a MeSH id listed by a DO class and by its subclasses belongs to the most general one
    assert real_graph.node("MESH:D001943") == real_graph.node("DOID:1612")  # breast cancer
    assert real_graph.node("MESH:D015470") == real_graph.node("DOID:9119")  # AML
    assert real_graph.node("DOID:3459") != real_graph.node("DOID:1612")


def test_breadth_figures_of_the_real_graph(real_graph) -> None:
    """The breadth targets: drugs with an indication, treats and side-effect edges, variants,
    drug classes, Chinese disease names, and fewer curated duplicates."""
    cov = real_graph.stats().coverage
    # 1,964 measured; the issue asked 2,000, reached only by counting SIDER's text-mined
    # indications on their own, which hold contraindications (docs/results.md)
    assert cov["drugs_with_indication"] >= 1_900
    assert cov["treats_edges"] >= 6_000
    assert cov["side_effect_edges"] >= 100_000
    assert cov["variant_nodes"] >= 4_000
    assert cov["drug_classes"] >= 500
    assert cov["disease_nodes_with_chinese_label"] >= 6_000
    assert cov["mondo_duplicate_pairs_after"] < cov["mondo_duplicate_pairs_before"] / 3


def test_real_breadth_answers_what_users_asked(real_graph) -> None:
    kg = real_graph
    # one concept, one node: Williams syndrome (DO and Orphanet), aspirin (MeSH and DrugBank)
    assert kg.node("ORPHA:904") == kg.node("DOID:1928")
    assert kg.node("MESH:D001241") == kg.node("DRUGBANK:DB00945")
    for disease, drug in (("syphilis", "Benzylpenicillin"), ("scabies", "Permethrin")):
        node = kg.find(disease, cls="Disease")[0].node
        assert drug in {t.subject.label for t in kg.neighbours(node, "treats", "in")}
    melanoma = kg.find("melanoma", cls="Disease")[0].node
    treats = {t.subject.label.lower() for t in kg.neighbours(melanoma, "treats", "in")}
    assert "pembrolizumab" in treats  # "Metastatic Malignant Melanoma" on the label
    metformin = kg.node("DRUGBANK:DB00331")
    effects = {t.object.label.lower() for t in kg.neighbours(metformin, "hasSideEffect")}
    assert "acidosis" in effects  # SIDER 4.1 lists metformin's "Acidosis" (MedDRA PT)
    ace = kg.find("Angiotensin-Converting Enzyme Inhibitors", cls="DrugClass")[0].node
    members = {t.subject.label for t in kg.neighbours(ace, "inDrugClass", "in")}
    assert {"Lisinopril", "Enalapril"} <= members
    assert kg.node("dbSNP:rs7903146").cls == "Variant"
    assert kg.find("马凡综合征")[0].node == kg.node("DOID:14323")
    assert kg.find("二甲双胍")[0].node == metformin


def test_every_lexicon_id_names_a_node_of_its_kind(real_graph) -> None:
    from kgqa.config import graph_data_dir
    from kgqa.graph.build.common import read_tsv
    from kgqa.graph.names import name_keys

    kinds = {"disease": {"Disease", "Phenotype"}, "symptom": {"Phenotype", "Disease"},
             "drug": {"Chemical"}, "class": {"DrugClass", "Chemical"}}  # fmt: skip
    rows = list(read_tsv(graph_data_dir() / "lexicon_zh.tsv", ["zh", "id", "kind", "en"], "#"))
    assert len(rows) >= 500
    for row in rows:
        node = real_graph.node(row["id"])
        assert node is not None, row
        assert node.cls in kinds[row["kind"]], (row, node)
        # the English name it was written for is one of the node's names (reviewed mappings)
        names = set().union(*(name_keys(n) for n, lg in real_graph.labels(node) if lg == "en"))
        assert name_keys(row["en"]) & names, (row, node)


def test_every_english_lexicon_name_names_the_node_it_was_written_for(real_graph) -> None:
    from kgqa.config import graph_data_dir
    from kgqa.graph.build.common import read_tsv
    from kgqa.graph.names import name_keys

    path = graph_data_dir() / "lexicon_en.tsv"
    shown: dict[str, str] = {}
    for row in read_tsv(path, ["name", "id", "kind", "note"], "#"):
        cls = {"class": "DrugClass", "disease": "Disease", "symptom": "Phenotype",
               "drug": "Chemical", "gene": "Gene", "organism": "Cause"}[row["kind"]]  # fmt: skip
        node = real_graph.node(row["id"])
        assert node is not None and node.cls == cls, row
        if row["kind"] == "organism":
            # the first name is the one shown; the source's own name stays a name of the node
            assert node.label == shown.setdefault(row["id"], row["name"]), (row, node)
            names = set().union(*(name_keys(n) for n, lg in real_graph.labels(node) if lg == "en"))
            assert name_keys(row["note"]) & names, (row, node)
        else:
            assert name_keys(row["note"]) & name_keys(node.label), (row, node)
        assert node in {m.node for m in real_graph.find(row["name"], cls=cls)}
    assert real_graph.node("KGQA:Cause_Simplexvirus_humanalpha1").label == "herpes simplex virus 1"
    members = {
        t.subject.label.lower()
        for m in real_graph.find("immune checkpoint inhibitors", cls="DrugClass")
        for t in real_graph.neighbours(m.node, "inDrugClass", "in")
    }
    assert {"pembrolizumab", "nivolumab", "ipilimumab"} <= members


def test_composed_chinese_names_reach_the_specific_term(real_graph) -> None:
    # CHPO calls Recurrent fever 阵发性发热 and Secondary microcephaly 继发性小头畸形; clinicians
    # write 反复发热 and 获得性小头畸形 (HPO: "Recurrent fever", "Acquired microcephaly")
    assert real_graph.find("反复发热")[0].node.curie == "HP:0001954"
    assert real_graph.find("获得性小头畸形")[0].node.curie == "HP:0005484"
    assert real_graph.find("发热")[0].node.curie == "HP:0001945"
    # a composed name is never the label answers show: CHPO's stays
    assert real_graph.chinese_label("HP:0001954") == "阵发性发热"
    # and a source's own label comes before kgqa's lay lexicon names (发烧, 小头)
    assert real_graph.chinese_label("HP:0001945") == "发热"
    assert real_graph.chinese_label("HP:0000252") == "小头畸形"
    # a susceptibility entry merged into a disease does not name it (OMIM's
    # 易感型有或无先兆偏头痛1型 was migraine's label); a susceptibility node keeps its own
    assert real_graph.chinese_label("DOID:6364") == "偏头痛"
    assert "易感" not in real_graph.chinese_label("DOID:2841")  # asthma


def test_mondo_names_the_diseases_people_call_by_them(real_graph) -> None:
    # DO calls it "glucosephosphate dehydrogenase deficiency", with no synonym; Mondo's label
    # is the name people use
    g6pd = real_graph.find("G6PD deficiency", cls="Disease")
    assert g6pd and g6pd[0].node == real_graph.node("DOID:2862")
    # a name that is another node's stays that node's: "insomnia" is HPO's finding, and
    # Mondo's *eye disorder*, matched to two DO classes, names neither
    assert real_graph.find("insomnia")[0].node.curie.startswith("HP:")
    assert all(m.node.curie != "DOID:1242" for m in real_graph.find("eye disorder"))
    assert not any(
        name.casefold().startswith("obsolete")
        for n in (real_graph.node("ORPHA:183438"),) if n is not None
        for name, _ in real_graph.labels(n)
    )  # fmt: skip


def test_a_drug_that_lists_its_active_compound_too_joins_its_own_drugbank_id(real_graph) -> None:
    # DrugCentral's levodopa lists DrugBank's L-DOPA and dopamine (which dopamine lists too):
    # it had stayed apart from L-DOPA, its indications from SIDER's side effects
    levodopa = real_graph.node("DRUGCENTRAL:1567")
    assert real_graph.node("DRUGBANK:DB01235") == levodopa
    assert real_graph.node("DRUGBANK:DB00988") != levodopa
    assert real_graph.neighbours(levodopa, "treats", "out")
    assert real_graph.neighbours(levodopa, "hasSideEffect", "out")
