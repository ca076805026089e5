"""The graph API over the fixture graph: lookups, traversal, SPARQL, views, artifact checks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kgqa.errors import ArtifactError, InputError
from kgqa.graph import KnowledgeGraph


@pytest.mark.parametrize(
    ("text", "curie"),
    [
        ("Seizure", "HP:0001250"),
        ("seizures", "HP:0001250"),
        ("Epileptic seizure", "HP:0001250"),
        ("fits", "HP:0001250"),  # layperson synonym
        ("HP:0002279", "HP:0001250"),  # alt id
        ("hp:0001250", "HP:0001250"),  # ids are case-insensitive
        ("癫痫发作", "HP:0001250"),  # Chinese label
        ("MARFAN SYNDROME", "DOID:14323"),
        ("Marfan's syndrome", "DOID:14323"),
        ("pyrexia", "HP:0001945"),
        ("Diabetes Mellitus, Type 2", "DOID:9352"),  # MeSH heading, inverted
        ("type II diabetes mellitus", None),  # no roman-numeral rule: honest miss
        ("acetylsalicylic acid", "DRUGBANK:DB00945"),
        ("FBN1", "NCBIGene:2200"),
    ],
)
def test_find_by_id_and_name(kg: KnowledgeGraph, text: str, curie: str | None) -> None:
    matches = kg.find(text)
    assert (matches[0].node.curie if matches else None) == curie


def test_exact_label_ranks_before_normalised_synonym(kg: KnowledgeGraph) -> None:
    matches = kg.find("Fever")
    assert matches[0].node.curie == "HP:0001945" and matches[0].match == "exact"


def test_find_filters_by_class(kg: KnowledgeGraph) -> None:
    assert [m.node.curie for m in kg.find("metformin", cls="Drug")] == ["DRUGBANK:DB00331"]
    assert kg.find("metformin", cls="Gene") == []
    with pytest.raises(InputError, match="expected one of"):
        kg.find("metformin", cls="Medicine")


def test_labels_in_english_and_chinese(kg: KnowledgeGraph) -> None:
    names = kg.labels("HP:0001250")
    assert ("癫痫发作", "zh") in names and ("Seizure", "en") in names
    # HPO's official translation, and the names of kgqa's curated lexicon
    zh = kg.labels("HP:0001250", lang="zh")
    assert ("癫痫发作", "zh") in zh and ("抽搐", "zh") in zh and all(lg == "zh" for _, lg in zh)


@pytest.mark.parametrize(
    "hostile",
    [
        'fever" } ; DROP ALL ; #',
        "x" * 10_000,
        "fever' UNION { ?s ?p ?o } #",
        "} } SELECT * WHERE { ?s ?p ?o",
        "\\u0022) . ?x ?y ?z #",
        "",
        "\x00\x07\x1b[31m",
    ],
)
def test_user_text_never_breaks_lookups(kg: KnowledgeGraph, hostile: str) -> None:
    assert kg.find(hostile) == []
    assert kg.node(hostile) is None
    rows = kg.sparql("SELECT ?n ?name WHERE { ?n rdfs:label ?name }", {"name": hostile})
    assert rows == []


def test_sparql_binds_values_instead_of_formatting_them(kg: KnowledgeGraph) -> None:
    query = "SELECT ?n ?id WHERE { ?n kgv:id ?id }"
    rows = kg.sparql(query, {"id": "ORPHA:558"})
    # one node, which several sources (HPO, Orphanet, Mondo, ...) give that id
    assert {r["n"] for r in rows} == {kg.node("DOID:14323").iri}
    # the same value with a quote appended matches nothing and raises nothing
    assert kg.sparql(query, {"id": 'ORPHA:558"'}) == []
    marfan = kg.node("DOID:14323")
    rows = kg.sparql("SELECT ?d ?g WHERE { ?d kgv:associatedWithGene ?g }", {"d": marfan})
    assert {r["g"] for r in rows} == {kg.node("NCBIGene:2200").iri}


def test_invalid_sparql_is_an_input_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="invalid SPARQL"):
        kg.sparql("SELEC ?x WHERE {")
    with pytest.raises(InputError, match="cannot run"):
        kg.sparql("SELECT ?n WHERE { ?n kgv:id ?id }", {"id": "HP:0001250"})


def test_neighbours_validate_relation_and_direction(kg: KnowledgeGraph) -> None:
    with pytest.raises(ValueError, match="unknown relation 'cures'"):
        kg.neighbours("DOID:13189", "cures")
    with pytest.raises(InputError):
        kg.neighbours("DOID:13189", "treats", direction="sideways")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no node"):
        kg.neighbours("DOID:0000000")


def test_ancestors_follow_is_a_transitively(kg: KnowledgeGraph) -> None:
    names = [n.label for n in kg.ancestors("HP:0001519")]
    assert names[0] == "Tall stature"
    assert "Phenotypic abnormality" in names and "All" in names
    assert kg.node("HP:0001519") in kg.descendants("HP:0000118")


def test_networkx_view_finds_paths(kg: KnowledgeGraph) -> None:
    import networkx as nx

    g = kg.networkx(["associatedWithGene", "hasPhenotype"])
    marfan, fbn1 = kg.node("DOID:14323"), kg.node("NCBIGene:2200")
    assert g.has_edge(marfan.iri, fbn1.iri)
    assert g.nodes[fbn1.iri]["cls"] == "Gene"
    path = nx.shortest_path(g.to_undirected(), kg.node("HP:0001083").iri, fbn1.iri)
    assert path[1] == marfan.iri


def test_rdflib_view_reads_the_same_store(kg: KnowledgeGraph) -> None:
    import rdflib

    ds = kg.rdflib()
    marfan = rdflib.URIRef(kg.node("DOID:14323").iri)
    gene = rdflib.URIRef("https://w3id.org/kgqa/vocab#associatedWithGene")
    objects = {str(o) for o in ds.objects(marfan, gene)}
    assert kg.node("NCBIGene:2200").iri in objects


def test_graph_layer_imports_no_model_code() -> None:
    code = (
        "import sys, kgqa.graph, kgqa.cli; "
        "heavy = ('torch', 'transformers', 'faiss', 'sentence_transformers'); "
        "bad = [m for m in heavy if m in sys.modules]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _copy(src: Path, tmp: Path) -> Path:
    dst = tmp / "graph"
    shutil.copytree(src, dst)
    return dst


def test_missing_graph_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ArtifactError, match="kgqa build"):
        KnowledgeGraph.load(tmp_path / "nowhere")


def test_corrupted_names_index_is_detected(fixture_graph_dir: Path, tmp_path: Path) -> None:
    d = _copy(fixture_graph_dir, tmp_path)
    with open(d / "names.sqlite", "r+b") as fh:
        fh.seek(200)
        fh.write(b"\xff" * 16)
    with pytest.raises(ArtifactError, match="checksum"):
        KnowledgeGraph.load(d)


def test_manifest_of_another_build_is_detected(fixture_graph_dir: Path, tmp_path: Path) -> None:
    d = _copy(fixture_graph_dir, tmp_path)
    manifest = json.loads((d / "manifest.json").read_text())
    manifest["info"]["build_id"] = "0" * 32
    (d / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError, match=r"is not the one the manifest in .* describes"):
        KnowledgeGraph.load(d)


def test_wrong_format_version_is_detected(fixture_graph_dir: Path, tmp_path: Path) -> None:
    d = _copy(fixture_graph_dir, tmp_path)
    manifest = json.loads((d / "manifest.json").read_text())
    manifest["format_version"] = 999
    (d / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError, match="format version"):
        KnowledgeGraph.load(d)


def test_truncated_manifest_is_detected(fixture_graph_dir: Path, tmp_path: Path) -> None:
    d = _copy(fixture_graph_dir, tmp_path)
    (d / "manifest.json").write_text('{"kind": ')
    with pytest.raises(ArtifactError, match="not a valid manifest"):
        KnowledgeGraph.load(d)
