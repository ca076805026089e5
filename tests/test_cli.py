from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kgqa.cli import main


def test_graph_stats_json_has_the_documented_shape(
    fixture_graph_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-q", "graph", "--graph-dir", str(fixture_graph_dir), "stats", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {
        "classes", "relations", "sources", "edges_by_source", "edges_by_licence", "coverage"
    }  # fmt: skip
    for cls in ("Disease", "Phenotype", "Drug", "Gene", "DrugClass", "Variant", "SideEffect"):
        assert out["classes"][cls] > 0
    assert out["coverage"]["drugs_with_indication"] == out["classes"]["Drug"]
    assert out["coverage"]["side_effect_edges"] == out["relations"]["hasSideEffect"]
    assert sum(out["edges_by_licence"].values()) == sum(out["edges_by_source"].values())


def test_graph_stats_table(fixture_graph_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "graph", "--graph-dir", str(fixture_graph_dir), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Nodes per class" in out and "Phenotype" in out
    assert "Edges per licence" in out and "CC BY-NC-SA 4.0" in out


def test_neighbours_accepts_a_name(
    fixture_graph_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["-q", "graph", "--graph-dir", str(fixture_graph_dir), "neighbours", "gout",
            "--relation", "treats", "--direction", "in", "--json"]  # fmt: skip
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)
    # PharmacotherapyDB's allopurinol, DrugCentral's colchicine (by the CUI Mondo gives gout)
    assert sorted({r["subject"]["label"] for r in rows}) == ["Allopurinol", "Colchicine"]


def test_missing_graph_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "graph", "--graph-dir", str(tmp_path), "stats"]) == 2
    assert "kgqa build" in capsys.readouterr().err


def test_build_from_fixtures_then_skip_when_unchanged(
    fixture_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    args = ["build", "graph", "--data-dir", str(fixture_data), "--home", str(tmp_path)]
    assert main(args) == 0
    assert (tmp_path / "graph" / "manifest.json").is_file()
    caplog.clear()
    caplog.set_level(logging.INFO, logger="kgqa")
    assert main(args) == 0
    assert "up to date" in caplog.text
    # leaving the non-commercial sources out is another graph: rebuilt, and recorded
    caplog.clear()
    assert main([*args, "--exclude-licence", "NC"]) == 0
    assert "up to date" not in caplog.text
    manifest = json.loads((tmp_path / "graph" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["info"]["excluded_sources"] == ["sider"]


def test_diagnose_json(fixture_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["-q", "diagnose", "arachnodactyly, ectopia lentis, no seizures", "--proposed",
            "Marfan syndrome", "--drug", "allopurinol", "--home", str(fixture_home),
            "--json"]  # fmt: skip
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)["differential"]
    assert out["ranked"][0]["node"]["curie"] == "DOID:14323"
    assert out["proposed"]["verdict"] == "consistent"
    assert out["drugs"][0]["relation"] == "none"


def test_diagnose_readable(fixture_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "diagnose", "fever, headache", "--home", str(fixture_home)]) == 0
    out = capsys.readouterr().out
    assert "Familial Mediterranean fever" in out and "Worth checking next" not in out.split("1.")[0]


def test_eval_diagnosis_json(fixture_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pp = Path(__file__).parent / "fixtures" / "phenopackets"
    args = ["-q", "eval", "diagnosis", "--phenopackets", str(pp), "--home", str(fixture_home),
            "--leave-publication-out", "--json"]  # fmt: skip
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"top1", "top3", "top10", "mrr", "n_cases", "n_scored"} <= set(out)
    assert out["n_cases"] == 3


def test_eval_diagnosis_compares_methods(fixture_home: Path, capsys) -> None:
    pp = Path(__file__).parent / "fixtures" / "phenopackets"
    args = ["-q", "eval", "diagnosis", "--phenopackets", str(pp), "--home", str(fixture_home),
            "--method", "similarity,lr", "--method", "learned"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    lines = {line.split("│")[1].strip() for line in out.splitlines() if line.count("│") > 3}
    assert {"similarity", "lr", "learned"} <= lines
    assert "--folds 5" in out  # the shipped weights saw phenopacket-store: said so
    assert main([*args[:-4], "--method", "magic"]) == 2


def test_hand_written_diagnosis_sets_run_from_the_cli(fixture_home: Path, capsys) -> None:
    # the shipped sets on the fixture graph: most of their terms are not in it, and say so
    for name, count in (("vignettes", "n"), ("findings", "n"), ("findings-zh", "n_lists")):
        assert main(["-q", "eval", name, "--home", str(fixture_home), "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out[count] >= 25
    assert out["by_language"]["en"]["found"] >= out["by_language"]["zh"]["found"]


def test_bad_input_is_one_error_line_and_status_2(fixture_home, tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    cases = [
        (["eval", "qa", str(empty), "--home", str(fixture_home)], "no questions"),
        (["retrieve", "gout", "-k", "-1", "--home", str(fixture_home)], "at least 1"),
        (["eval", "qa", str(empty), "--out", str(tmp_path / "no" / "x.jsonl")], "no folder"),
        (["graph", "--graph-dir", str(fixture_home / "graph"), "neighbours", "DOID:13189",
          "--relation", "bogus"], "unknown relation"),
        (["graph", "--graph-dir", str(fixture_home / "graph"), "neighbours", "DOID:13189",
          "--source", "bogus"], "sources"),
    ]  # fmt: skip
    for argv, words in cases:
        try:
            rc = main(["-q", *argv])
        except SystemExit as exc:
            rc = exc.code
        err = capsys.readouterr().err.strip()
        assert rc == 2, argv
        assert err.startswith("kgqa: error:") and words in err and "\n" not in err, (argv, err)


def test_graph_verify_checks_every_file_against_the_manifest(fixture_home, tmp_path, capsys):
    import shutil

    assert main(["-q", "graph", "--graph-dir", str(fixture_home / "graph"), "verify"]) == 0
    graph = tmp_path / "graph"
    shutil.copytree(fixture_home / "graph", graph)
    sst = sorted((graph / "store").glob("*.sst"))[0]
    data = bytearray(sst.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size: only the digest can tell
    sst.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["-q", "graph", "--graph-dir", str(graph), "verify"]) == 2
    err = capsys.readouterr().err
    # RocksDB may see the damage when it opens the store; else the digest does
    assert err.startswith("kgqa: error:") and ("does not match" in err or "damaged" in err)


def test_an_answer_reached_through_another_node_says_how() -> None:
    # "via shown by Marfan syndrome" read as nonsense: a gene of a disease that shows the
    # finding asked about names the disease and what it is to the question
    from kgqa.cli import _via_words
    from kgqa.records import Node

    marfan = Node("https://w3id.org/kgqa/node/DOID_14323", "DOID:14323", "Marfan syndrome",
                  "Disease")  # fmt: skip
    assert _via_words("shown by", marfan) == f"{marfan}, a disease that shows it"
    assert _via_words("subtype", marfan) == f"subtype {marfan}"


def test_evidence_shows_each_fact_once_with_its_sources(capsys) -> None:
    # a gene of both breast and ovarian cancer had shown its breast cancer edge three times
    # (one a source) and never the ovarian one: each fact once, its sources joined
    from kgqa.cli import _print_evidence
    from kgqa.records import Evidence, Node, Triple

    def node(curie: str, label: str, cls: str) -> Node:
        return Node("https://w3id.org/kgqa/node/" + curie.replace(":", "_"), curie, label, cls)

    brca1 = node("NCBIGene:672", "BRCA1", "Gene")
    breast = node("DOID:1612", "breast cancer", "Disease")
    ovary = node("DOID:2394", "ovarian cancer", "Disease")
    rows = [Triple(breast, "associatedWithGene", brca1, s) for s in ("disease_gene", "hpo", "gwas")]
    _print_evidence(Evidence(triples=(*rows, Triple(ovary, "associatedWithGene", brca1, "hpo"))))
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "    graph: breast cancer [DOID:1612] --associatedWithGene--> BRCA1 [NCBIGene:672] "
        "(disease_gene, hpo, gwas)",
        "    graph: ovarian cancer [DOID:2394] --associatedWithGene--> BRCA1 [NCBIGene:672] (hpo)",
    ]
