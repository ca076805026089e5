import json
import shutil

import pytest

from kgqa.cli import main
from kgqa.errors import ArtifactError, InputError
from kgqa.retrieval.corpus import split_passages
from kgqa.retrieval.index import PassageRetriever


def test_split_passages_respects_the_cap_and_keeps_every_word():
    text = " ".join(f"Sentence {i} has some words in it." for i in range(80))
    parts = split_passages(text, target=40, cap=60)
    assert all(len(p.split()) <= 60 for p in parts)
    assert " ".join(parts).split() == text.split()
    run_on = "word " * 500
    assert all(len(p.split()) <= 120 for p in split_passages(run_on))


def test_corpus_keeps_provenance(retriever):
    rows = retriever.db.execute("SELECT source, source_id, url, qtype FROM passages").fetchall()
    sources = {r[0] for r in rows}
    assert sources == {"medquad", "hpo", "ncbi_disease"}
    med = [r for r in rows if r[0] == "medquad"]
    assert all(r[1] and r[2].startswith("https://") and r[3] for r in med)
    # the question without an answer made no passage
    assert not any(r[1] == "0005-1" for r in med)
    assert all(r[1].startswith("PMID:") for r in rows if r[0] == "ncbi_disease")


@pytest.mark.parametrize("method", ["dense", "lexical", "hybrid"])
def test_the_answer_passage_ranks_first(retriever, method):
    got = retriever.retrieve("Which gene is changed in Marfan syndrome?", k=3, method=method)
    assert got[0].source_id == "0001-2"
    assert got[0].title == "Marfan syndrome"
    assert [p.score for p in got] == sorted((p.score for p in got), reverse=True)


def test_about_restricts_to_passages_that_mention_the_node(retriever, kg):
    gout = kg.node("DOID:13189")
    got = retriever.retrieve("what helps", k=10, about=["DOID:13189"])
    assert got and all(gout.iri in p.nodes for p in got)
    unrestricted = retriever.retrieve("what helps", k=10)
    assert len(unrestricted) > len(got)
    assert retriever.retrieve("what helps", about=["NCBIGene:999999999"]) == []


def test_a_subjects_own_page_is_found_by_its_title(retriever, kg):
    # a page's parts of the types asked, in the order asked, by any name of its subject
    got = retriever.titled(["GOUT", "podagra"], qtypes=("symptoms", "treatment"))
    assert [(p.title, p.qtype) for p in got] == [("Gout", "symptoms"), ("Gout", "treatment")]
    got = retriever.titled(["GOUT"], qtypes=("treatment", "symptoms"))
    assert [p.qtype for p in got] == ["treatment", "symptoms"]
    assert all(p.source == "medquad" and p.text for p in got)
    # by default only the parts that say what a subject is and what brings it on
    assert retriever.titled(["Gout"]) == []
    # ... in the singular or the plural ("Bruises", asked of a bruise)
    assert [p.qtype for p in retriever.titled(["gouts"], qtypes=("symptoms",))] == ["symptoms"]
    assert retriever.titled(["Gout"], qtypes=("symptoms",), k=0) == []
    # a title is matched whole, not by a word of it, and no name matches no page
    assert retriever.titled(["Marfan"], qtypes=("symptoms",)) == []
    assert retriever.titled(["", "  "]) == []


def test_focus_cui_and_spotted_names_become_nodes(retriever, kg):
    (p,) = [
        p
        for p in retriever.retrieve("fibrillin connective tissue", k=10)
        if p.source_id == "0001-2"
    ]
    assert kg.node("DOID:14323").iri in p.nodes  # through the focus CUI C0024796


def test_bad_queries(retriever):
    assert retriever.retrieve("") == []
    assert retriever.retrieve("\x00\x01 ") == []
    with pytest.raises(InputError):
        retriever.retrieve("x" * 5000)
    with pytest.raises(InputError):
        retriever.retrieve("gout", method="magic")  # type: ignore[arg-type]


def test_corrupted_or_missing_index_is_refused(fixture_home, tmp_path, kg):
    copy = tmp_path / "passages"
    shutil.copytree(fixture_home / "passages", copy)
    with open(copy / "bm25.npz", "r+b") as fh:
        fh.seek(100)
        fh.write(b"\x00\x01\x02\x03")
    with pytest.raises(ArtifactError):
        PassageRetriever.load(copy, kg)
    with pytest.raises(ArtifactError, match="kgqa build passages"):
        PassageRetriever.load(tmp_path / "absent", kg)


def test_cli_retrieve_json(fixture_home, capsys):
    assert (
        main(
            ["-q", "retrieve", "symptoms of gout", "--home", str(fixture_home), "--json", "-k", "2"]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert len(out["passages"]) == 2
    assert {"text", "source", "source_id", "score", "nodes"} <= set(out["passages"][0])
