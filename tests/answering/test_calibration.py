"""The answer calibrator: its features, its direction, its fit."""

from __future__ import annotations

import numpy as np

from kgqa.answering.calibration import FEATURES, AnswerCalibrator, answer_calibrator


def test_the_committed_calibrator_lowers_later_and_more_crowded_answers():
    cal = answer_calibrator()
    assert len(cal.weights) == len(FEATURES)
    first = cal.probability(0.99, 1, 3, False, False)
    assert 0.0 < first < 1.0
    assert cal.probability(0.99, 8, 3, False, False) <= first
    assert cal.probability(0.99, 1, 80, False, False) < first  # one of 80 phenotypes
    assert cal.probability(0.6, 1, 3, False, False) <= first  # support never counts against
    # an answer only a few abstracts stand behind is never likelier than a curated one
    assert cal.probability(0.99, 1, 3, False, False, literature=True) <= first


def test_fit_logistic_learns_a_planted_relation():
    from kgqa.training.calibration import fit_logistic

    rng = np.random.default_rng(0)
    x = np.column_stack([rng.normal(size=2000), np.ones(2000)])
    y = (rng.random(2000) < 1 / (1 + np.exp(-(2.0 * x[:, 0] - 0.5)))).astype(float)
    w = fit_logistic(x, y, l2=0.0)
    assert abs(w[0] - 2.0) < 0.3 and abs(w[1] + 0.5) < 0.3


def test_a_hand_made_calibrator_is_a_logistic_of_its_features():
    cal = AnswerCalibrator([0.0] * len(FEATURES))
    assert cal.probability(0.9, 1, 1, False, False) == 0.5


def test_a_disease_that_shows_a_finding_asked_about_is_less_likely_what_was_asked():
    # the committed calibrator, fitted with the causes of common findings: the graph's
    # diseases of a finding are mostly rare ones, where people mean the common causes
    cal = answer_calibrator()
    phenotype = cal.probability(0.99, 1, 16, False, False)
    assert cal.probability(0.99, 1, 16, False, False, finding=True) < phenotype


def test_the_calibrator_is_fitted_on_the_causes_set_too(tmp_path):
    from kgqa.config import graph_data_dir
    from kgqa.training.calibration import dev_set_paths

    paths = dev_set_paths(tmp_path)
    assert graph_data_dir() / "causes_dev.jsonl" in paths
    assert [p.name for p in paths[:2]] == ["gard_symptoms.jsonl", "ghr_genes.jsonl"]
