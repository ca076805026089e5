"""``kgqa train message`` end to end on a tiny MeQSum-like set over the fixture graph."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kgqa.answering.engine import QAEngine
from kgqa.datasets.consumer import read_consumer_questions
from kgqa.understanding.message_intent import MessageIntentModel
from kgqa.understanding.message_topic import TopicChooser
from kgqa.understanding.registry import NAMES
from tests.answering.fakes import FakeLinker, FixedPassages, GraphReadingVerifier

NAMES_IN_TEXT = {"gout": "DOID:13189", "allopurinol": "DRUGBANK:DB00437",
                 "marfan syndrome": "DOID:14323"}  # fmt: skip


class _Summaries:
    """Reads the summaries "What are the treatments for X?" as treatment questions; all else
    (every message) as "other"."""

    labels = NAMES

    def predict_proba(self, a, b=None):
        rows = np.full((len(a), len(NAMES)), 0.01, dtype=np.float32)
        for i, q in enumerate(a):
            asks = q.startswith("What are the treatments")
            rows[i, NAMES.index("drugs_for_disease" if asks else "other")] = 0.9
        return rows


@pytest.mark.slow
def test_the_message_models_are_fitted_on_the_training_half_and_written(kg, tmp_path):
    rows = []
    for i in range(400):
        disorder, other = ("gout", "Marfan syndrome")[:: 1 if i % 2 else -1]
        if i % 3:  # a plea in no words of treatment: its summary asks for one
            text = (f"SUBJECT: {disorder}\nMESSAGE: My father has had {disorder} for {i} years "
                    f"and it is getting worse every winter. His brother has {other}. We do not "
                    "know where to turn.")  # fmt: skip
            summary = f"What are the treatments for {disorder}?"
        else:  # a question about something else
            text = (f"SUBJECT: doctors\nMESSAGE: My father has {disorder}. Which hospital in "
                    f"town number {i} has a parking place?")  # fmt: skip
            summary = "Where can I park at the hospital?"
        rows.append({"id": str(i), "question": text, "summary": summary})
    source = tmp_path / "m.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("id\tintent\ttopics\n0\tother\t\n", encoding="utf-8")
    items = list(read_consumer_questions(source))
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), _Summaries(), GraphReadingVerifier(),
                  FixedPassages(()), None)  # fmt: skip
    from kgqa.training.message import train_message_models

    intent, topic = train_message_models(qa, items, {"0"}, source, labels, tmp_path / "out")
    # 300 unlabelled and the labelled one held out, the rest fitted on
    assert intent.info["held_out_messages"] == 301
    assert intent.info["training_messages"] == 99
    # the rules read every message "other"; the model learns which ones plead for treatment
    held = intent.info["held_out_intent_agreement"]
    assert held["rules"] < 0.5 < 0.9 < held["model"]
    model = MessageIntentModel.load(tmp_path / "out" / "message")
    assert set(model.classes) <= {"drugs_for_disease", "other"}
    TopicChooser.load(tmp_path / "out" / "message_topic")
    # the pleas name two disorders: a choice the chooser learns from
    assert topic.info["training_choices"] > 0
    assert qa.messages is None and qa.topics is None  # the engine is left as it was
