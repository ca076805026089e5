import io
from pathlib import Path

import pytest

from kgqa.datasets.pubtator import read_pubtator
from kgqa.errors import DataError

TINY = Path(__file__).parent.parent / "fixtures" / "pubtator" / "tiny.pubtator.txt"


def test_reads_documents_mentions_and_normalises_ids():
    docs = read_pubtator(TINY)
    assert [d.pmid for d in docs] == ["900001", "900002"]
    first = docs[0]
    assert first.mentions[0].text == "Gout" and first.mentions[0].ids == ("MESH:D006073",)
    assert {m.type for d in docs for m in d.mentions} == {"DISEASE", "CHEMICAL"}
    for d in docs:
        for m in d.mentions:
            assert d.text[m.start : m.end] == m.text


def test_sentences_never_cut_a_mention():
    for doc in read_pubtator(TINY):
        spans = doc.sentences()
        assert spans[0] == (0, len(doc.title))
        for m in doc.mentions:
            assert any(a <= m.start and m.end <= b for a, b in spans), m


def test_bad_offsets_are_dropped_and_composite_ids_split():
    text = (
        "7|t|Aspirin and gout.\n7|a|Nothing else.\n"
        "7\t0\t7\tAspirin\tChemical\tD001241\n"
        "7\t0\t3\twrong\tDisease\tD1\n"
        "7\t12\t16\tgout\tDisease\tD006073|OMIM:138900\n\n"
    )
    (doc,) = read_pubtator(io.StringIO(text))
    assert [m.text for m in doc.mentions] == ["Aspirin", "gout"]
    assert doc.mentions[1].ids == ("MESH:D006073", "OMIM:138900")


def test_empty_or_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataError):
        read_pubtator(io.StringIO("not pubtator at all\n"))
    with pytest.raises(DataError):
        read_pubtator(tmp_path / "absent.txt")
