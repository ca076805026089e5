"""The breadth sources on hand-written fixtures: DrugCentral, SIDER, GWAS, Mondo, Orphanet,
Chinese names and the curated lexicon; licence filtering; curated identity and its conflicts;
malformed inputs."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from kgqa.errors import DataError
from kgqa.graph import KnowledgeGraph
from kgqa.graph.build import build_graph
from kgqa.graph.build.builder import REFUSALS_FILE
from tests.conftest import FIXTURE_DATA


def _attrs(triples) -> list[dict]:
    return [{a.key: a.value for a in st} for t in triples for st in t.attributes]


def test_drugcentral_makes_aspirin_one_node_with_its_ids(kg: KnowledgeGraph) -> None:
    # MeSH "Aspirin" 1:1 with DrugCentral 74; DrugCentral lists two DrugBank ids, so the
    # DrugBank node joins by name ("acetylsalicylic acid")
    nodes = {kg.node(i) for i in ("MESH:D001241", "DRUGBANK:DB00945", "DRUGCENTRAL:74")}
    assert len(nodes) == 1 and None not in nodes
    aspirin = nodes.pop()
    assert aspirin.curie == "DRUGBANK:DB00945"
    assert {"RXNORM:1191", "PUBCHEM.COMPOUND:2244"} <= set(kg.ids(aspirin))
    assert kg.find("aspirin", cls="Chemical")[0].node == aspirin
    assert kg.node("DRUGBANK:DB00936") is None  # salicylic acid: not a node of the fixture


def test_drugcentral_indications_reach_diseases_by_doid_snomed_and_umls(kg: KnowledgeGraph) -> None:
    by = lambda d: {t.subject.label for t in kg.neighbours(d, "treats", "in", ["drugcentral"])}  # noqa: E731
    assert by("DOID:9352") == {"Metformin", "liraglutide"}  # DOID; SNOMED CT via DO's xref
    # colchicine: a UMLS CUI that Mondo gives gout; allopurinol: "Tophaceous Gout", its head
    assert by("DOID:13189") == {"Colchicine", "Allopurinol"}
    liraglutide = kg.node("DRUGCENTRAL:4976")
    assert liraglutide is not None and kg.is_drug(liraglutide)
    allopurinol = kg.node("DRUGBANK:DB00437")
    # "Sunscreen agent" names no disease: only the gout indication is there
    assert [
        t.object.curie for t in kg.neighbours(allopurinol, "treats", sources=["drugcentral"])
    ] == ["DOID:13189"]
    statement = _attrs(kg.neighbours(liraglutide, "treats", attributes=True))
    assert statement == [{"indication": "Type 2 diabetes mellitus",
                          "origin": "DrugCentral (FDB label indication)"}]  # fmt: skip
    # "Gout Prevention" (no CUI, no DOID) reaches gout by the name the words of prevention
    # leave; the statement keeps the label's words, which say it prevents
    stated = kg.neighbours("DOID:13189", "treats", "in", ["drugcentral"], attributes=True)
    colchicine = [t for t in stated if t.subject.label == "Colchicine"]
    said = {a.value for t in colchicine for stmt in t.attributes for a in stmt
            if a.key == "indication"}  # fmt: skip
    assert "Gout Prevention" in said


def test_drug_classes_reach_their_members_and_back(kg: KnowledgeGraph) -> None:
    agents = kg.node("MESH:D007004")
    assert agents is not None and agents.cls == "DrugClass"
    members = {t.subject.label for t in kg.neighbours(agents, "inDrugClass", "in")}
    assert members == {"Metformin", "liraglutide"}
    classes = {t.object.label for t in kg.neighbours("DRUGBANK:DB00437", "inDrugClass")}
    assert classes == {"Xanthine Oxidase Inhibitor", "Xanthine Oxidase Inhibitors",
                       "Gout Suppressants"}  # fmt: skip
    assert kg.find("non-steroidal anti-inflammatory drug")[0].node.cls == "DrugClass"


def test_targets_keep_the_action_and_reach_only_existing_genes(kg: KnowledgeGraph) -> None:
    targets = kg.neighbours("DRUGBANK:DB00437", "targets", attributes=True)
    assert [t.object.label for t in targets] == ["XDH"]
    assert _attrs(targets)[0]["action"] == "INHIBITOR"
    assert kg.neighbours("DRUGCENTRAL:4976", "targets") == []  # GLP1R is no gene of the fixture
    assert kg.find("GLP1R") == []


def test_side_effects_land_on_phenotypes_or_side_effect_nodes(kg: KnowledgeGraph) -> None:
    effects = kg.neighbours("DRUGBANK:DB00331", "hasSideEffect", attributes=True)
    objects = {t.object.curie: t.object.cls for t in effects}
    # Headache by name onto HPO; lactic acidosis and diarrhoea name no phenotype of the fixture
    assert objects == {"HP:0002315": "Phenotype", "UMLS:C0001125": "SideEffect",
                       "UMLS:C0011991": "SideEffect"}  # fmt: skip
    assert {t.source for t in effects} == {"sider"}
    diarrhoea = next(t for t in effects if t.object.curie == "UMLS:C0011991")
    (freq,) = _attrs([diarrhoea])
    assert freq["frequency"] == "53%; frequent" and freq["placeboFrequency"] == "12%"
    # the median of the typical values: 53 %, and "frequent" (1-10 %) at its geometric midpoint
    assert freq["frequencyValue"] == pytest.approx((0.53 + (0.01 * 0.1) ** 0.5) / 2, abs=1e-4)
    assert freq["frequencyLower"] == pytest.approx(0.01)
    assert freq["frequencyUpper"] == pytest.approx(0.53)
    # a side effect is the term the label was coded with: aspirin's *Syncope*, not the two
    # preferred terms MedDRA files it under (Loss of consciousness, Dizziness)
    aspirin = {t.object.curie for t in kg.neighbours("DRUGBANK:DB00945", "hasSideEffect")}
    assert "UMLS:C0039070" in aspirin
    assert not aspirin & {"UMLS:C0041657", "UMLS:C0012833"}
    # a compound SIDER lists that maps to no drug is left out, never given a node
    assert kg.node("PUBCHEM.COMPOUND:99999") is None
    # SIDER's label indications (NLP_indication only) corroborate: aspirin for fever, which
    # DrugCentral states too; never alone (its "indication" of gout is a warning on the label)
    indications = kg.neighbours("DRUGBANK:DB00945", "treats", sources=["sider"])
    assert [t.object.curie for t in indications] == ["HP:0001945"]
    assert kg.neighbours("DRUGBANK:DB00945", "treats", sources=["drugcentral"])
    gout = {
        t.source
        for t in kg.neighbours("DRUGBANK:DB00945", "treats")
        if t.object.curie == "DOID:13189"
    }
    assert gout == set()
    notes = kg.manifest.info["notes"]["sider"]
    assert notes["treats edges no other source states (left out)"] == 1


def test_stereo_forms_of_one_compound_keep_their_own_side_effects(kg: KnowledgeGraph) -> None:
    # SIDER lists isotretinoin and tretinoin under one flat id (retinoic acid) that DrugBank's
    # PubChem links give to both: each goes by its stereo id, through DrugCentral's PubChem ids
    def effects(drug: str) -> set[str]:
        return {t.object.label for t in kg.neighbours(drug, "hasSideEffect")}

    assert effects("DRUGBANK:DB00982") == {"Depression"}
    assert effects("DRUGBANK:DB00755") == {"Erythema"}
    assert kg.node("PUBCHEM.COMPOUND:5538") is None


def test_a_pubchem_id_two_drugs_list_is_the_parents_and_finds_its_side_effects(
    kg: KnowledgeGraph,
) -> None:
    # DrugCentral lists omeprazole's PubChem id for esomeprazole too (and more ids for the
    # enantiomer); DrugBank's PubChem links name neither. The racemate keeps the id, so SIDER's
    # side effects of the compound reach omeprazole; the enantiomer's stereo id names no drug
    omeprazole, esomeprazole = kg.node("DRUGCENTRAL:1990"), kg.node("DRUGCENTRAL:1055")
    assert omeprazole is not None and esomeprazole is not None and omeprazole != esomeprazole
    assert kg.node("PUBCHEM.COMPOUND:4594") == omeprazole
    assert "PUBCHEM.COMPOUND:4594" not in kg.ids(esomeprazole)
    assert {t.object.label for t in kg.neighbours(omeprazole, "hasSideEffect")} == {"Headache"}
    assert kg.neighbours(esomeprazole, "hasSideEffect") == []
    assert (
        kg.manifest.info["notes"]["drugcentral"]["PubChem ids several drugs list (given to one)"]
        == 1
    )


def test_a_drug_listing_its_active_compounds_drugbank_id_too_keeps_its_own(
    kg: KnowledgeGraph,
) -> None:
    # DrugCentral gives esomeprazole its own DrugBank id and omeprazole's, which omeprazole
    # lists too (levodopa: L-DOPA's and dopamine's, so levodopa stayed a node apart from
    # DrugBank's L-DOPA, its indications apart from its side effects): the id no other drug
    # lists is its own
    esomeprazole = kg.node("DRUGCENTRAL:1055")
    assert kg.node("DRUGBANK:DB00736") == esomeprazole
    assert kg.node("DRUGBANK:DB00338") != esomeprazole
    notes = kg.manifest.info["notes"]["drugcentral"]
    assert notes["DRUGBANK_ID links, the one of several no other drug lists (merged)"] == 1


def test_every_source_graph_carries_its_licence(kg: KnowledgeGraph) -> None:
    assert "NC" in kg.licence("sider") and kg.licence("drugcentral") == "CC BY 4.0"
    stats = kg.stats()
    nc = {lic: n for lic, n in stats.edges_by_licence.items() if "NC" in lic}
    assert sum(nc.values()) == stats.edges_by_source["sider"] > 0


def test_a_build_can_leave_non_commercial_sources_out(fixture_data: Path, tmp_path: Path) -> None:
    report = build_graph(fixture_data, tmp_path / "graph", exclude_licences=["NC"])
    assert report.excluded_sources == ["sider"]
    kg = KnowledgeGraph.load(tmp_path / "graph")
    try:
        stats = kg.stats()
        assert "sider" not in stats.sources and "hasSideEffect" not in stats.relations
        assert not any("NC" in lic for lic in stats.edges_by_licence)
        assert kg.node("DRUGBANK:DB00945") is not None  # other sources still give aspirin
        assert kg.manifest.info["excluded_licences"] == ["NC"]
    finally:
        kg.close()
    with pytest.raises(DataError, match="unknown licence tags"):
        build_graph(fixture_data, tmp_path / "other", exclude_licences=["GPL"])


def test_gwas_variants_with_their_evidence_and_genes(kg: KnowledgeGraph) -> None:
    snp = kg.node("dbSNP:rs7903146")
    assert snp is not None and snp.cls == "Variant" and snp.label == "rs7903146"
    studies = _attrs(kg.neighbours("DOID:9352", "associatedWithVariant", attributes=True))
    assert sorted(s["reference"] for s in studies) == ["PMID:17463246", "PMID:17463248"]
    first = next(s for s in studies if s["reference"] == "PMID:17463246")
    assert first["pValue"] == pytest.approx(10**-30.5) and first["samples"] == 2931
    assert [t.object.label for t in kg.neighbours(snp, "variantInGene")] == ["TCF7L2"]
    gene = _attrs(kg.neighbours("DOID:9352", "associatedWithGene", sources=["gwas"],
                                attributes=True))  # fmt: skip
    assert gene == [{"confidence": "HC-P", "origin": "GWAS Catalog"}]
    # ABCG2 (9429) is no gene of the fixture: the reported-gene edge is dropped, not minted
    assert kg.neighbours("dbSNP:rs2231142", "variantReportedGene") == []


def test_mondo_merges_what_names_could_not_and_refuses_conflicts(
    kg: KnowledgeGraph, fixture_graph_dir: Path
) -> None:
    williams = kg.node("DOID:1928")
    assert williams is not None
    assert kg.node("ORPHA:904") == williams == kg.node("MONDO:0008678")
    assert "UMLS:C0175702" in kg.ids(williams)
    # arthritis's Mondo match to gout's MeSH heading would join two DOIDs: refused
    assert kg.node("DOID:848") != kg.node("MESH:D006073")
    info = kg.manifest.info
    assert info["duplicates"] == {"mondo_duplicate_pairs_before": 2,
                                  "mondo_duplicate_pairs_after": 1}  # fmt: skip
    refusals = (fixture_graph_dir / REFUSALS_FILE).read_text(encoding="utf-8").splitlines()
    mondo = [line.split("\t") for line in refusals[1:] if "\tMondo exact match\t" in line]
    assert [(a, b) for a, b, _, _ in mondo] == [("DOID:848", "MESH:D006073")]
    assert "DOID" in mondo[0][3]


def test_a_genes_approved_name_from_orphanet_names_the_gene_node(kg: KnowledgeGraph) -> None:
    # ORDO's genes carry their HGNC id and approved name; gene nodes had their symbol only
    fbn1 = kg.node("NCBIGene:2200")
    assert kg.node("HGNC:3603") == fbn1  # one node: the NCBI gene id names it
    assert fbn1.curie == "NCBIGene:2200" and fbn1.label == "FBN1"
    assert "fibrillin 1" in {n for n, _ in kg.labels(fbn1, "en")}
    assert [m.node for m in kg.find("fibrillin 1", cls="Gene")] == [fbn1]
    # a gene whose symbol names no gene node makes none (its name names nothing)
    assert kg.node("HGNC:99999") is None and not kg.find("some protein")
    assert kg.manifest.info["notes"]["orphanet"]["HGNC gene ids joining no gene node"] == 1


def test_mondo_labels_name_their_disease_where_no_other_node_goes_by_them(
    kg: KnowledgeGraph,
) -> None:
    # Mondo's label of arthritis, which no other source gives
    hits = kg.find("arthritic joint disease")
    assert hits and hits[0].node == kg.node("DOID:848")
    assert ("arthritic joint disease", "en") in kg.labels("DOID:848")
    # DO's own name said with "disorder", and an obsolete class's label, add no name
    assert ("connective tissue disorder", "en") not in kg.labels("DOID:65")
    assert not kg.find("obsolete disease by anatomical system")


def test_a_mappings_label_is_dropped_where_another_node_or_the_node_itself_has_it() -> None:
    from kgqa.graph.build.builder import _free_names_only
    from kgqa.graph.build.common import Concept
    from kgqa.graph.build.identity import Identities

    ids = Identities()
    ids.add("DOID:1", "Disease")
    ids.add("HP:1", "Phenotype")
    ids.add("DOID:2", "Disease")
    concepts = {
        "DOID:1": [
            Concept("doid", "DOID:1", "Disease", "sleep disease"),
            Concept("mondo", "DOID:1", "", synonyms=("insomnia", "sleep disorder", "dyssomnia")),
        ],
        "HP:1": [Concept("hpo", "HP:1", "Phenotype", "Insomnia")],
        # two Mondo classes offering one name to two nodes: it names neither
        "DOID:2": [
            Concept("doid", "DOID:2", "Disease", "parasomnia"),
            Concept("mondo", "DOID:2", "", synonyms=("Dyssomnia",)),
        ],
    }
    counts = _free_names_only(concepts, ids, {"mondo"})
    # HPO's "Insomnia" is another node's; "sleep disorder" is the node's own name said with
    # "disorder" for "disease"; "dyssomnia" is offered to two nodes
    assert concepts["DOID:1"][1].synonyms == ()
    assert concepts["DOID:2"][1].synonyms == ()
    assert counts == {"mondo": {"names kept": 0, "names dropped": 4}}
    concepts["DOID:2"][1] = Concept("mondo", "DOID:2", "", synonyms=("night terror disease",))
    _free_names_only(concepts, ids, {"mondo"})
    assert concepts["DOID:2"][1].synonyms == ("night terror disease",)


def test_orphanet_genes_prevalence_inheritance_and_definitions(kg: KnowledgeGraph) -> None:
    marfan = kg.node("ORPHA:558")
    genes = kg.neighbours(marfan, "associatedWithGene", sources=["orphanet"], attributes=True)
    assert [t.object.label for t in genes] == ["FBN1"]
    assert _attrs(genes)[0]["associationType"] == "Disease-causing germline mutation(s) in"
    prevalence = kg.neighbours(marfan, "hasPrevalence", attributes=True)
    assert [(t.object.label, t.object.cls) for t in prevalence] == [("1-5 / 10 000", "Prevalence")]
    assert _attrs(prevalence)[0]["kind"] == "point prevalence"
    inheritance = kg.neighbours(marfan, "hasInheritance", sources=["orphanet"])
    assert [t.object.curie for t in inheritance] == ["HP:0000006"]
    williams = kg.node("ORPHA:904")
    # a candidate gene is not an association; an unknown prevalence is no prevalence
    assert [t.object.label for t in kg.neighbours(williams, "associatedWithGene")] == ["ELN"]
    assert kg.neighbours(williams, "hasPrevalence") == []
    rows = kg.sparql("SELECT ?n ?d WHERE { ?n skos:definition ?d }", {"n": williams})
    assert rows and "supravalvular aortic stenosis" in rows[0]["d"]


def test_chinese_names_and_the_rare_disease_list(kg: KnowledgeGraph) -> None:
    marfan = kg.node("DOID:14323")
    for name in ("马凡综合征", "马方综合征"):
        assert kg.find(name)[0].node == marfan
    assert kg.find("威廉姆斯综合征")[0].node == kg.node("ORPHA:904")
    assert kg.find("痛风")[0].node == kg.node("DOID:13189")  # the curated lexicon
    # the curated English lay name of a class (graph_data/lexicon_en.tsv) reaches it
    antibiotics = kg.find("antibiotics", cls="DrugClass")
    assert [m.node.curie for m in antibiotics] == ["MESH:D000900"]
    assert kg.node("CCRD:77") == marfan  # an exact list match becomes an id
    fmf = kg.node("CCRD:35")  # a broader entry becomes a node over the diseases it covers
    assert fmf is not None and fmf.cls == "Disease" and fmf.curie == "CCRD:35"
    covered = {t.subject.curie for t in kg.neighbours(fmf, "subClassOf", "in")}
    assert covered == {"OMIM:249100", "OMIM:134610"}
    assert ("家族性地中海热", "zh") in kg.labels(fmf)
    assert kg.stats().coverage["disease_nodes_with_chinese_label"] >= 4


def _copy(fixture_data: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(fixture_data, data)
    return data


def test_a_malformed_source_names_the_file_and_line_and_writes_nothing(
    fixture_data: Path, tmp_path: Path
) -> None:
    data = _copy(fixture_data, tmp_path)
    se = data / "sider" / "meddra_all_se.tsv.gz"
    with gzip.open(se, "rt", encoding="utf-8") as fh:
        bad = len(fh.readlines()) + 1
    with gzip.open(se, "at", encoding="utf-8") as fh:
        fh.write("CID100004091\tC0018681\tPT\n")
    target = tmp_path / "graph"
    with pytest.raises(DataError, match=rf"meddra_all_se\.tsv\.gz, line {bad}:"):
        build_graph(data, target)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".graph")]


@pytest.mark.parametrize(
    ("path", "content", "message"),
    [
        ("drugcentral/drug_indication.tsv", "DRUG_ID\tDRUG_NAME\n1\tx\n", "lacks columns"),
        ("mondo/mondo_exactmatch_doid.sssom.tsv", None, "missing source file"),
        ("orphanet/ordo-2_6-2018-07-12.json.gz", "not json", "not an OBO-JSON graph"),
        ("chinese/omim_zh.json", json.dumps({"OMIM:1": "x"}), "OMIM:1"),
        ("gwas/snp-associations.tsv", None, "missing source file"),
    ],
)
def test_broken_breadth_sources_fail_clearly(
    fixture_data: Path, tmp_path: Path, path: str, content: str | None, message: str
) -> None:
    data = _copy(fixture_data, tmp_path)
    file = data / path
    if content is None:
        file.unlink()
    elif file.suffix == ".gz":
        with gzip.open(file, "wt", encoding="utf-8") as fh:
            fh.write(content)
    else:
        file.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        build_graph(data, tmp_path / "graph")
    assert not (tmp_path / "graph").exists()


def test_an_indication_for_patients_at_a_risk_leaves_out_the_drug_guarding_against_it(
    tmp_path,
) -> None:
    # "Osteoarthritis in Patients at High Ulcer Risk" is a product of naproxen with a proton
    # pump inhibitor: the inhibitor (a class naming ulcers, or the -prazole stem) treats no
    # osteoarthritis; the other drug does, and the indication's head is what it treats
    from kgqa.graph.build import drugcentral

    shutil.copytree(FIXTURE_DATA / "drugcentral", tmp_path / "drugcentral")
    risk = "Osteoarthritis in Patients at High Ulcer Risk"
    with open(tmp_path / "drugcentral" / "drug_indication.tsv", "a", encoding="utf-8") as fh:
        fh.write(f"1725\tmetformin\t{risk}\t\t\t\n9001\tesaprazole\t{risk}\t\t\t\n"
                 f"9002\tmisoprostol\t{risk}\t\t\t\n")  # fmt: skip
    with open(tmp_path / "drugcentral" / "pharm_class.tsv", "a", encoding="utf-8") as fh:
        fh.write("9002\tmisoprostol\tPA\tD000897\tAnti-Ulcer Agents\tMeSH\n")
    out = drugcentral.read(tmp_path)
    at_risk = [e for e in out.edges if dict(e.attrs).get("indication") == risk]
    assert [e.subject for e in at_risk] == ["DRUGCENTRAL:1725"]
    key = at_risk[0].object.removeprefix("ref:drugcentral:")
    # the head itself is tried before the words less its first ("Osteoarthritis")
    assert "find:Disease:Osteoarthritis" in out.references[key].alternatives


def test_a_diagnostic_use_treats_nothing_and_a_disorder_with_aids_is_what_is_treated(
    tmp_path,
) -> None:
    # "Diagnostic Aid for Biliary Tract" found AIDS by its last word: sincalide treated AIDS;
    # "AIDS with Kaposi's Sarcoma" made doxorubicin the first drug for AIDS
    from kgqa.graph.build import drugcentral

    shutil.copytree(FIXTURE_DATA / "drugcentral", tmp_path / "drugcentral")
    rows = ("4627\tsincalide\tDiagnostic Aid for Biliary Tract\tC0358514\t2949005\t\n"
            "1726\tmethacholine\tDiagnostic Test for Asthma\t\t\t\n"
            "960\tdoxorubicin\tAIDS with Kaposi's Sarcoma\tC0276535\t420524008\t\n")  # fmt: skip
    with open(tmp_path / "drugcentral" / "drug_indication.tsv", "a", encoding="utf-8") as fh:
        fh.write(rows)
    out = drugcentral.read(tmp_path)
    treating = {e.subject: e for e in out.edges if e.relation == "treats"}
    assert "DRUGCENTRAL:4627" not in treating and "DRUGCENTRAL:1726" not in treating
    key = treating["DRUGCENTRAL:960"].object.removeprefix("ref:drugcentral:")
    assert out.references[key].alternatives == (
        "find:Disease:Kaposi's Sarcoma",
        "find:Phenotype:Kaposi's Sarcoma",
    )
    # the fixture's own indications stay
    assert "DRUGCENTRAL:1725" in treating


def test_an_indication_no_node_names_becomes_a_disease_of_its_own_or_reaches_its_inner_name(
    tmp_path,
) -> None:
    # "Opioid Withdrawal Symptoms" (lofexidine's, methadone's) named no node: its statements
    # were dropped, and "What drugs treat opioid withdrawal?" got alcohol withdrawal's drugs.
    # An indication with a CUI of its own becomes a disease node; one that is no disorder
    # ("Pregnancy Contraception"), or whose CUI another indication shares, does not; "Acute
    # Gout Attack" is gout, by its inner name
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    rows = ("1593\tlofexidine\tOpioid Withdrawal Symptoms\tC0029104\t87132004\t\n"
            "1725\tmetformin\tPregnancy Contraception\tC0700589\t\t\n"
            "705\tcolchicine\tAcute Gout Attack\t\t\t\n"
            "74\tacetylsalicylic acid\tSkin and Skin Structure Infection\tC0554628\t\t\n"
            "74\tacetylsalicylic acid\tPharyngitis due to Streptococcus Pyogenes\tC0554628\t\t\n"
            )  # fmt: skip
    with open(tmp_path / "data" / "drugcentral" / "drug_indication.tsv", "a",
              encoding="utf-8") as fh:  # fmt: skip
        fh.write(rows)
    build_graph(tmp_path / "data", tmp_path / "graph")
    kg = KnowledgeGraph.load(tmp_path / "graph")
    withdrawal = kg.node("UMLS:C0029104")
    assert withdrawal is not None and withdrawal.label == "Opioid Withdrawal Symptoms"
    assert kg.find("opioid withdrawal", cls="Disease")[0].node == withdrawal
    assert [t.subject.label for t in kg.neighbours(withdrawal, "treats", "in")] == ["lofexidine"]
    assert kg.node("UMLS:C0700589") is None and kg.node("UMLS:C0554628") is None
    assert not kg.find("Pregnancy Contraception") and not kg.find(
        "Skin and Skin Structure Infection"
    )
    stated = kg.neighbours("DOID:13189", "treats", "in", ["drugcentral"], attributes=True)
    said = {a.value for t in stated for stmt in t.attributes for a in stmt if a.key == "indication"}
    assert "Acute Gout Attack" in said
