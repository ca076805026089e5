"""What the graph says of an option beyond a direct edge, and the option model (fixture graph)."""

from __future__ import annotations

import numpy as np
import pytest

from kgqa.answering.relatedness import FEATURES, OptionFeatures, OptionModel, TopicContext


def test_a_direct_edge_is_seen_and_can_be_hidden(kg):
    gout, allopurinol = kg.node("DOID:13189"), kg.node("DRUGBANK:DB00437")
    ctx = TopicContext(kg, gout, "drugs_for_disease")
    shown = ctx.features(allopurinol, 0.9, 1, False).as_dict()
    hidden = ctx.features(allopurinol, 0.9, 1, False, hide_direct=True).as_dict()
    assert shown["direct"] == 1.0 and hidden["direct"] == 0.0
    assert shown["verifier"] == 0.9 and shown["passages"] == pytest.approx(np.log(2))
    metformin = ctx.features(kg.node("DRUGBANK:DB00331"), 0.1, 0, True).as_dict()
    assert metformin["direct"] == 0.0 and metformin["contradicted"] == 1.0


def test_the_option_model_gives_probabilities_over_the_options_and_reverses_for_not():
    model = OptionModel([2.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, -1.0])
    strong = OptionFeatures((1, 0, 0, 0, 0, 1, 0, 0))
    weak = OptionFeatures((0, 0, 0, 0, 0, 0.1, 0, 0))
    p = model.probabilities([strong, weak])
    assert p.sum() == pytest.approx(1.0) and p[0] > 0.9
    q = model.probabilities([strong, weak], negated=True)
    assert q[1] > 0.9  # "which is NOT ...": the option the graph does not tie to the topic
    assert len(FEATURES) == len(model.weights)


def test_the_conditional_logit_recovers_which_feature_marks_the_answer():
    from kgqa.training.options import evaluate_weights, fit_conditional_logit

    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 4, len(FEATURES)))
    x[:, 0, 0] += 3.0  # the answer (option 0) has the first feature raised
    w = fit_conditional_logit(x)
    assert w[0] > 1.0 and abs(w[0]) > 3 * np.abs(w[1:]).max()
    report = evaluate_weights(x, w, np.zeros(300, dtype=bool))
    assert report["accuracy"] > 0.9 and report["chance"] == 0.25


def test_option_items_pair_a_true_edge_with_distractors_that_are_not(kg):
    from kgqa.training.options import option_items

    items = option_items(kg, per_intent=3, seed=1)
    assert items
    for item in items:
        answer, *others = item.options
        spec_hops = {"treats", "associatedWithGene", "hasPhenotype"}
        assert item.topic.label in item.question
        edges = {t.object.iri for r in spec_hops for t in kg.neighbours(item.topic, r, "out")}
        edges |= {t.subject.iri for r in spec_hops for t in kg.neighbours(item.topic, r, "in")}
        assert answer.iri in edges
        assert all(o.iri not in edges and o.cls == answer.cls for o in others)
