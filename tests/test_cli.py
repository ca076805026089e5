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
    out = json.loads(capsys.readouterr().out)
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
