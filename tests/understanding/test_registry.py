from __future__ import annotations

from kgqa.graph.vocabulary import RELATIONS, SUBCLASS
from kgqa.understanding.registry import INTENTS, NAMES, TEMPLATES, intent_of_qtype


def test_every_intent_queries_known_relations_and_has_forms():
    for intent in INTENTS.values():
        assert intent.forms, intent.name
        for hop in intent.hops:
            assert hop.relation in RELATIONS or hop.relation == SUBCLASS, intent.name


def test_inverse_intents_share_their_relation_from_the_other_end():
    for intent in INTENTS.values():
        if intent.inverse:
            other = INTENTS[intent.inverse]
            assert other.relation == intent.relation
            assert other.reversed != intent.reversed


def test_the_classifier_labels_are_the_registry_names():
    import json

    from kgqa.config import models_dir

    manifest = json.loads((models_dir() / "intent" / "manifest.json").read_text("utf-8"))
    assert tuple(manifest["info"]["labels"]) == NAMES
    assert {t.intent for t in TEMPLATES} == set(NAMES)


def test_medquad_question_types_map_onto_intents():
    assert intent_of_qtype("treatment") == "drugs_for_disease"
    assert intent_of_qtype("outlook") == "other"
