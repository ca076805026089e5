"""The answering orchestrator over stage fakes: no encoder, tagger or FAISS index."""

from __future__ import annotations

import pytest

from kgqa.answering.engine import QAEngine
from kgqa.records import Passage
from kgqa.understanding.registry import NAMES
from tests.answering.fakes import (
    FakeLinker,
    FixedIntents,
    FixedPassages,
    GraphReadingVerifier,
    RecordingDiagnoser,
)

NAMES_IN_TEXT = {
    "gout": "DOID:13189",
    "allopurinol": "DRUGBANK:DB00437",
    "metformin": "DRUGBANK:DB00331",
    "colchicine": "DRUGBANK:DB01394",
    "arachnodactyly": "HP:0001166",
    "marfan syndrome": "DOID:14323",
}


def engine(kg, intent_of: dict[str, str], passages=(), diagnoser=None):
    verifier = GraphReadingVerifier()
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, intent_of), verifier,
                  FixedPassages(passages), diagnoser)  # fmt: skip
    return qa, verifier


def test_graph_answers_carry_their_sources_and_are_read_by_the_verifier(kg):
    q = "Which drugs treat gout?"
    qa, verifier = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    assert (r.intent, r.topic.curie, r.no_answer) == ("drugs_for_disease", "DOID:13189", False)
    assert {"Allopurinol", "Colchicine"} <= {a.node.label for a in r.answers}
    top = r.answers[0]
    # two sources state allopurinol's indication: it ranks first at equal verifier score
    assert top.node.label == "Allopurinol"
    assert {t.source for t in top.evidence.triples} == {"drugcentral", "pharmacotherapydb"}
    assert any(c.startswith("Allopurinol") and "gout" in c for c, _ in verifier.read)


def test_a_relation_without_an_edge_is_an_honest_no_answer(kg):
    q = "What is metformin used for?"
    qa, _ = engine(kg, {q: "genes_of_disease"})
    r = qa.ask(q)
    assert r.no_answer and r.answers == ()
    assert "no disease/phenotype recognised" in r.reason


def test_findings_go_to_the_diagnoser_through_its_protocol(kg):
    q = "arachnodactyly and tall stature: what is the diagnosis?"
    dx = RecordingDiagnoser()
    qa, _ = engine(kg, {q: "diagnosis"}, diagnoser=dx)
    r = qa.ask(q, k=3)
    assert dx.calls == [(q, 3)]
    assert r.no_answer and r.reason == "no phenotype recognised in the findings"


def test_every_option_is_scored_and_the_supported_one_answers(kg):
    q = "Which drug treats gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q, options=["metformin", "allopurinol"])
    scores = {a.node.label: a.score for a in r.options}
    assert set(scores) == {"Metformin", "Allopurinol"}
    assert scores["Allopurinol"] > scores["Metformin"]
    assert [a.node.label for a in r.answers] == ["Allopurinol"]


def test_a_passage_alone_never_supports_treats(kg):
    marfan, colchicine = kg.node("DOID:14323"), kg.node("DRUGBANK:DB01394")
    text = "Case report: colchicine treats Marfan syndrome? No; it was stopped at once."
    p = Passage(1, text, "t", "pubmed", "PMID:1", "", "", (marfan.iri, colchicine.iri), 1.0)
    qa, verifier = engine(kg, {}, passages=[p])
    v = qa.verify("Colchicine treats Marfan syndrome")
    assert verifier.read and not v.evidence.triples and v.evidence.passages == (p,)
    assert v.verdict == "unknown" and "contraindications" in v.reason


@pytest.mark.parametrize("k", [0, 101])
def test_k_out_of_range_is_refused(kg, k):
    from kgqa.errors import InputError

    qa, _ = engine(kg, {})
    with pytest.raises(InputError):
        qa.ask("Which drugs treat gout?", k=k)
