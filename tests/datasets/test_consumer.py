from __future__ import annotations

import io
import json

import pytest

from kgqa.datasets.consumer import read_consumer_questions
from kgqa.errors import DataError


def test_messages_keep_subject_body_and_summary():
    rows = [
        {"id": "a", "question": "SUBJECT: gout diet\nMESSAGE: can I eat shrimp with gout",
         "summary": "What foods should people with gout avoid?"},
        {"id": "b", "question": "my mother has lupus, is it hereditary", "summary": "Is lupus "
         "inherited?"},
    ]  # fmt: skip
    qs = list(read_consumer_questions(io.StringIO("\n".join(json.dumps(r) for r in rows))))
    assert [q.qid for q in qs] == ["a", "b"]
    assert qs[0].subject == "gout diet" and "shrimp" in qs[0].text
    assert qs[1].subject == "" and qs[1].summary == "Is lupus inherited?"


def test_a_malformed_line_names_its_number():
    with pytest.raises(DataError, match="line 2"):
        list(read_consumer_questions(io.StringIO('{"id":1,"question":"q","summary":"s"}\n{}')))


def test_the_meqsum_split_holds_out_every_labelled_message_whatever_the_order():
    from kgqa.datasets.consumer import HELD_OUT_UNLABELLED, ConsumerQuestion, meqsum_split

    items = [ConsumerQuestion(f"q{i}", "m", "s") for i in range(1000)]
    labelled = {f"q{i}" for i in range(0, 1000, 5)}
    train, held = meqsum_split(items, labelled)
    ids = {q.qid for q in held}
    assert labelled <= ids and len(ids) == len(labelled) + HELD_OUT_UNLABELLED
    assert not ids & {q.qid for q in train} and len(train) + len(held) == len(items)
    again = meqsum_split(list(reversed(items)), labelled)[1]
    assert {q.qid for q in again} == ids
