"""The consumer-message and name round-trip evaluations, on the fixture graph."""

from __future__ import annotations

import json

import numpy as np

from kgqa.answering.engine import QAEngine
from kgqa.datasets.consumer import read_consumer_questions
from kgqa.evaluation.consumer import evaluate_consumer, read_labels
from kgqa.understanding.registry import NAMES
from tests.answering.fakes import FakeLinker, FixedPassages, GraphReadingVerifier


class KnownIntents:
    """Sure of the intents of the questions it knows; "other" for any other text."""

    labels = NAMES

    def __init__(self, intent_of: dict[str, str]) -> None:
        self.intent_of = intent_of

    def predict_proba(self, a, b=None):
        rows = np.full((len(a), len(NAMES)), 0.01, dtype=np.float32)
        for i, q in enumerate(a):
            rows[i, NAMES.index(self.intent_of.get(q, "other"))] = 0.9
        return rows


def test_agreement_and_labels_are_counted_per_message(kg, tmp_path):
    rows = [
        {"id": "a", "question": "SUBJECT: dad\nMESSAGE: My dad has it. What helps with gout?",
         "summary": "What are the treatments for gout?"},
        {"id": "b", "question": "SUBJECT: dad\nMESSAGE: He has gout. What is metformin used for?",
         "summary": "What are the treatments for gout?"},
    ]  # fmt: skip
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    intents = KnownIntents({"What helps with gout?": "drugs_for_disease",
                            "What are the treatments for gout?": "drugs_for_disease",
                            "What is metformin used for?": "diseases_for_drug"})  # fmt: skip
    names = {"gout": "DOID:13189", "metformin": "DRUGBANK:DB00331"}
    qa = QAEngine(kg, FakeLinker(kg, names), intents, GraphReadingVerifier(), FixedPassages(()))
    labels = tmp_path / "labels.tsv"
    labels.write_text("id\tintent\ttopics\na\tdrugs_for_disease\tDOID:13189\n"
                      "b\tother\t\n", encoding="utf-8")  # fmt: skip
    report = evaluate_consumer(qa, list(read_consumer_questions(path)), read_labels(labels))
    # message a asks what its summary asks; b asks about metformin instead
    assert report["agreement_with_summary"]["intent_and_topic"] == 0.5
    # read whole, neither message is a treatment question to the classifier (nor, with no
    # cue words such as "drugs treat", to the router)
    assert report["agreement_reading_whole_message"]["intent"] == 0.0
    # summary a matches its label; summary b does not ("other", no topic)
    assert report["labelled_summaries"]["intent_and_topic_accuracy"] == 0.5
    # message a reads as its label; b asks what metformin treats, its label says "other"
    assert report["labelled_messages"]["intent_and_topic_accuracy"] == 0.5
    assert report["labelled_messages"]["intent_accuracy"] == 0.5


def test_round_trip_links_the_graphs_own_names_back(linker, kg):
    from kgqa.evaluation.roundtrip import evaluate_roundtrip, name_cases

    cases = name_cases(kg, per_class=40, seed=1)
    assert cases and {c.cls for c in cases} <= {"Disease", "Chemical", "Gene"}
    report = evaluate_roundtrip(linker, kg, cases)
    disease = report["Disease"]
    assert 0.5 <= disease["acc_at_1"] <= disease["acc_any_named"] <= 1.0
    # every name is either linked back or counted under one failure kind
    ok = round(disease["acc_at_1"] * disease["names"])
    assert ok + sum(disease["failures"].values()) == disease["names"]


def test_two_nodes_of_one_name_count_as_one_topic_only_in_the_same_name_figure(kg):
    from kgqa.evaluation.consumer import _agreement
    from kgqa.records import Reading

    def reading(curie: str) -> Reading:
        return Reading("phenotypes_of_disease", 0.9, kg.node(curie), 1.0, False, "hasPhenotype",
                       False, "positive", ())  # fmt: skip

    do, ccrd, gout = (reading(c) for c in ("DOID:2987", "CCRD:35", "DOID:13189"))
    out = _agreement([do, do], [ccrd, gout], kg)
    # DO's and CCRD's familial Mediterranean fever: one concept, two nodes; gout is another
    assert out["intent_and_topic"] == 0.0
    assert out["intent_and_topic_same_name"] == 0.5
    assert "intent_and_topic_same_name" not in _agreement([do], [ccrd])


def _one_slip(a: str, b: str, slip: str) -> bool:
    def dropped(long: str, short: str) -> list[int]:
        return [i for i in range(len(long)) if long[:i] + long[i + 1 :] == short]

    if slip == "drop":
        return bool(dropped(a, b))
    if slip == "double":
        return any(i > 0 and b[i] == b[i - 1] for i in dropped(b, a))
    diff = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    if slip == "swap":
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
    rows = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    return len(diff) == 1 and any(
        abs(r.find(a[diff[0]].lower()) - r.find(b[diff[0]])) == 1
        for r in rows
        if a[diff[0]].lower() in r
    )


def test_a_misspelling_is_one_slip_inside_a_long_word_never_its_first_letter():
    import random

    from kgqa.evaluation.roundtrip import misspell

    rng = random.Random(3)
    name = "ovarian cancer, type 2"
    slips = set()
    for _ in range(200):
        out = misspell(name, rng)
        assert out is not None
        text, slip = out
        slips.add(slip)
        old, new = name.split(), text.split()
        changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        # one word changed, a word of five letters or more, its first letter kept, and by
        # one letter dropped, doubled, swapped with the next, or struck beside it
        assert len(changed) == 1, text
        a, b = changed[0]
        assert len(a.strip(",")) >= 5 and a[0] == b[0]
        assert _one_slip(a, b, slip), (a, b, slip)
    assert slips == {"drop", "swap", "double", "near"}
    # a name with no word of five letters, or only short forms in capitals, takes no slip
    assert misspell("IgA 2", random.Random(1)) is None
    assert misspell("SUNDS", random.Random(1)) is None


def test_a_name_written_apart_splits_one_word_after_its_combining_form():
    import random

    from kgqa.evaluation.roundtrip import write_apart

    rng = random.Random(3)
    for name, apart in [("Neurofibromatosis type 1", "Neuro fibromatosis type 1"),
                        ("hemochromatosis", "hemo chromatosis"),
                        ("polycystic kidney disease", "poly cystic kidney disease")]:  # fmt: skip
        assert write_apart(name, rng) == (apart, "apart")
    # the rest of the word is a word of four letters or more; a name with no such word: none
    assert write_apart("Gout", rng) is None and write_apart("hypoxia", rng) is None
    assert write_apart("Metformin", rng) is None


def test_a_name_written_by_ear_sounds_as_the_name_does():
    import random

    from kgqa.evaluation.roundtrip import misspell_by_ear
    from kgqa.text import sound_key

    rng = random.Random(5)
    seen = set()
    for name in ("cirrhosis", "Pneumonia", "hemorrhoids", "Charcot-Marie-Tooth disease"):
        for _ in range(40):
            out = misspell_by_ear(name, rng)
            assert out is not None and out[1] == "by ear"
            text = out[0]
            changed = [(a, b) for a, b in zip(name.split(), text.split(), strict=True) if a != b]
            # one word written otherwise, which sounds as the word does (a vowel pair read
            # the other way round, "ei" for "ie", is the one change a sound key keeps apart)
            assert len(changed) == 1, text
            a, b = changed[0]
            if "ie" not in a.lower() and "ei" not in a.lower():
                assert sound_key(a.lower()) == sound_key(b.lower()), (a, b)
            seen.add(text)
    assert len(seen) > 8  # more than one way each
    # no word with a spelling of a sound to change: none
    assert misspell_by_ear("SUNDS", random.Random(1)) is None
    assert misspell_by_ear("gout", random.Random(1)) is None


def test_typo_round_trip_counts_each_name_in_one_outcome(linker, kg):
    from kgqa.evaluation.roundtrip import evaluate_typos, typo_cases

    cases = typo_cases(kg, per_class=30, seed=2)
    assert cases and {c.cls for c in cases} <= {"Disease", "Chemical"}
    assert all(c.misspelt != c.name for c in cases)
    report = evaluate_typos(linker, kg, cases)
    for cls in ("Disease", "Chemical"):
        r = report[cls]
        shares = r["same"] + r["broader"] + r["none"] + r["wrong"]
        assert r["names"] > 0 and abs(shares - 1.0) < 0.01, r
        assert r["names"] + r["right_spelling_unlinked"] == sum(c.cls == cls for c in cases)
