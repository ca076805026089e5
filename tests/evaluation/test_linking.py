import json
from pathlib import Path

from kgqa.cli import main
from kgqa.datasets.pubtator import read_pubtator
from kgqa.evaluation.linking import evaluate_pubtator
from kgqa.evaluation.metrics import prf_by_type
from kgqa.linking import EntityLinker

TINY = Path(__file__).parent.parent / "fixtures" / "pubtator" / "tiny.pubtator.txt"


def test_prf_counts_only_exact_spans_and_types():
    gold = {("d", 0, 4, "DISEASE"), ("d", 10, 15, "CHEMICAL")}
    pred = {("d", 0, 4, "DISEASE"), ("d", 10, 15, "DISEASE"), ("d", 20, 25, "CHEMICAL")}
    r = prf_by_type(gold, pred)
    assert r["DISEASE"]["precision"] == 0.5 and r["DISEASE"]["recall"] == 1.0
    assert r["CHEMICAL"]["f1"] == 0.0
    assert r["overall"]["precision"] == round(1 / 3, 4)


def test_gold_span_linking_on_the_tiny_corpus(fixture_home):
    linker = EntityLinker.load(fixture_home, mode="dictionary")
    report = evaluate_pubtator(linker, read_pubtator(TINY))
    # 14 gold mentions; allopurinol (x2) and glucose have MeSH ids the fixture graph lacks
    assert report["linking"]["mentions"] == 14
    assert report["linking"]["gold_ids_in_graph"] == round(11 / 14, 4)
    # every in-graph mention is resolvable: names, a capitalised title word, an abbreviation
    assert report["linking"]["acc_at_1"] == 1.0
    assert set(report["ner"]) >= {"DISEASE", "CHEMICAL", "overall"}


def test_cli_eval_linking_json_shape(fixture_home, capsys):
    assert (
        main(
            [
                "-q",
                "eval",
                "linking",
                "--pubtator",
                str(TINY),
                "--home",
                str(fixture_home),
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert set(out["ner"]["overall"]) >= {"precision", "recall", "f1"}
    assert set(out["linking"]) >= {"acc_at_1", "acc_at_5", "gold_ids_in_graph"}
    assert 0.0 <= out["ner"]["overall"]["f1"] <= 1.0


def test_cli_link_json(fixture_home, capsys):
    assert (
        main(["-q", "link", "Which drugs treat gout?", "--home", str(fixture_home), "--json"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    (m,) = out["mentions"]
    assert m["node"] == "DOID:13189" and m["candidates"][0]["label"] == "gout"
    assert out["text"][m["start"] : m["end"]] == m["text"]
