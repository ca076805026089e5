"""The three ranking methods on the fixture graph: the IC similarity baseline, the LR model and
the learned re-ranker; tie-aware figures; cohort cross-validation."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from kgqa.datasets.phenopackets import Case, read_phenopackets
from kgqa.diagnosis.ranker import FEATURES, LearnedRanker, pool, prevalence_value, reorder
from kgqa.errors import InputError
from kgqa.evaluation.diagnosis import evaluate, prepare_case
from kgqa.evaluation.metrics import Placing, placing, ranking_figures
from kgqa.pipeline import Pipeline
from kgqa.training.ranker import (
    CaseData,
    cohort_folds,
    cross_validate,
    fit,
    place_with,
    short_copies,
    train_ranker,
)

PHENOPACKETS = Path(__file__).parent.parent / "fixtures" / "phenopackets"


def _term(dx, label: str) -> int:
    (node,) = [m.node for m in dx.kg.find(label, cls="Phenotype", limit=1)]
    return dx.ix.term_index[node.iri]


def test_information_content_follows_annotation_counts(pipeline: Pipeline) -> None:
    dx = pipeline.diagnoser
    sim, ix = dx.similarity, dx.ix
    for t in range(ix.n_terms):
        n = ix.implied.indptr[t + 1] - ix.implied.indptr[t]  # diseases at or below t
        assert sim.ic[t] == pytest.approx(-math.log(max(n, 0.5) / ix.n_diseases))
        for a in ix.ancestors[t]:  # an ancestor never carries more information
            assert sim.ic[a] <= sim.ic[t] + 1e-12


def test_best_match_average_by_hand(pipeline: Pipeline) -> None:
    dx = pipeline.diagnoser
    sim, ix = dx.similarity, dx.ix
    observed = [_term(dx, "Arachnodactyly"), _term(dx, "Low-grade fever")]
    got = sim.score_all(observed)
    for d in range(ix.n_diseases):
        direct, _ = dx.scorer.disease_terms(d)
        anc = {int(a) for t in direct for a in ix.ancestors[t]}
        # Resnik: the most informative ancestor shared with any annotation
        forward = [max(sim.ic[a] for a in ix.ancestors[q] if int(a) in anc) if anc else 0.0
                   for q in observed]  # fmt: skip
        back = [max((sim.ic[a] for a in ix.ancestors[t]
                     if any(a in ix.ancestors[q] for q in observed)), default=0.0)
                for t in direct]  # fmt: skip
        if not direct:
            assert got.one_way[d] == -np.inf
            continue
        assert got.one_way[d] == pytest.approx(np.mean(forward))
        assert got.symmetric[d] == pytest.approx((np.mean(forward) + np.mean(back)) / 2)
        assert sim.score_one(observed, direct) == pytest.approx((got.one_way[d], got.symmetric[d]))


def test_every_method_ranks_marfan_first_on_its_cardinal_signs(pipeline: Pipeline) -> None:
    dx = pipeline.diagnoser
    findings, _ = dx.link_findings("arachnodactyly, ectopia lentis")
    marfan = dx.ix.disease_index[pipeline.kg.node("DOID:14323").iri]
    for method in ("lr", "similarity", "symmetric", "learned"):
        r = dx.ranking(*dx.indices(findings), method=method)
        assert int(np.argmax(r.order)) == marfan, method
        assert r.posterior[marfan] == pytest.approx(r.posterior.max())
        assert r.posterior.sum() == pytest.approx(1.0)
    with pytest.raises(InputError, match="unknown method"):
        dx.ranking(*dx.indices(findings), method="magic")


def test_learned_order_puts_the_pool_first_and_keeps_lr_order_below(pipeline: Pipeline) -> None:
    dx = pipeline.diagnoser
    findings, _ = dx.link_findings("fever, headache")
    cs = dx.case_scores(*dx.indices(findings))
    cand = pool(cs, size=2)
    z = np.linspace(1.0, 0.0, len(cand))
    order = reorder(cs, cand, z)
    rest = np.setdiff1d(np.flatnonzero(np.isfinite(cs.lr)), cand)
    assert order[cand].min() > order[rest].max()
    # below the pool, the LR order is kept
    assert (
        np.argsort(-order[rest], kind="stable") == np.argsort(-cs.lr[rest], kind="stable")
    ).all()


def test_ties_are_not_credited_with_the_best_place() -> None:
    scores = np.array([3.0, 2.0, 2.0, 2.0, 1.0])
    p = placing(scores, [2])
    assert p == Placing(above=1, tied=2) and p.best_rank == 2
    fig = ranking_figures([p])
    assert fig["top1"] == 0.0 and fig["top3"] == pytest.approx(2 / 3, abs=1e-4)
    assert fig["mrr"] == pytest.approx((1 / 2 + 1 / 3 + 1 / 4) / 3, abs=1e-4)
    assert ranking_figures([Placing(0)])["top1"] == 1.0


def test_evaluation_compares_methods_on_the_same_cases(pipeline: Pipeline) -> None:
    report, results = evaluate(pipeline.diagnoser, PHENOPACKETS,
                               methods=["lr", "similarity", "learned"])  # fmt: skip
    assert list(report.by_method) == ["lr", "similarity", "learned"]
    assert {f.n_scored for f in report.by_method.values()} == {report.n_scored}
    scored = [r for r in results if r.rank is not None]
    assert all(set(r.placings) == {"lr", "similarity", "learned"} for r in scored)
    assert report.method == "lr" and report.top1 == report.by_method["lr"].top1
    with pytest.raises(InputError):
        evaluate(pipeline.diagnoser, PHENOPACKETS, methods=["best"])


def _synthetic(n_cases: int, seed: int) -> list[CaseData]:
    """Pools where the first feature marks the diagnosis (noisily) and the others are noise."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n_cases):
        x = rng.normal(size=(8, len(FEATURES)))
        gold = np.zeros(8, dtype=bool)
        gold[rng.integers(8)] = True
        x[gold, 0] += 2.0
        out.append(CaseData(f"c{i}", f"gene{i % 7}", x, gold, None, {}))
    return out


def test_the_conditional_logit_learns_the_informative_feature() -> None:
    data = _synthetic(300, seed=1)
    w = fit(data)
    assert w[0] > 5 * np.abs(w[1:]).max()
    held_out = _synthetic(200, seed=2)
    top1 = np.mean([place_with(d, w).above == 0 for d in held_out])
    assert top1 > 0.5  # chance is 1/8


def test_cohorts_never_straddle_folds() -> None:
    data = _synthetic(70, seed=3)
    folds = cohort_folds(data, 3, seed=13)
    by_cohort: dict[str, set[int]] = {}
    for d, f in zip(data, folds, strict=True):
        by_cohort.setdefault(d.cohort, set()).add(f)
    assert all(len(f) == 1 for f in by_cohort.values())
    assert set(folds) == {0, 1, 2}
    learned, extra, fold = cross_validate(data[:35], 3, seed=13, extra=data[35:])
    assert len(learned) == 35 and len(extra) == 35 and len(fold) == 35


def test_short_copies_keep_three_to_five_findings() -> None:
    case = Case("x", (), (), ("OMIM:1",), ())
    cases = [(case, list(range(9)), [20, 21, 22], [0]), (case, [1, 2], [], [0])]
    long, short = short_copies(cases, seed=13)
    assert 3 <= len(long[1]) <= 5 and set(long[1]) <= set(range(9)) and len(long[2]) <= 2
    assert short[1] == [1, 2] and long[0].id == "x#short"
    assert short_copies(cases, seed=13) == [long, short]  # seeded


def test_prevalence_classes_are_read() -> None:
    assert prevalence_value("1-5 / 10 000") == pytest.approx(3e-4)
    assert prevalence_value(">1 / 1000") == pytest.approx(2e-3)
    assert prevalence_value("Unknown") is None


@pytest.mark.slow
def test_train_ranker_writes_a_loadable_model(pipeline: Pipeline, tmp_path: Path) -> None:
    dx = pipeline.diagnoser
    cases = []
    for case in read_phenopackets(PHENOPACKETS):
        ready = prepare_case(dx, case)
        if not isinstance(ready, str):
            # copies in distinct cohorts, so that two folds each have a case
            cases += [(replace(case, id=f"{case.id}/{i}", cohort=f"g{i}"), *ready)
                      for i in range(6)]  # fmt: skip
    manifest = train_ranker(dx, cases, tmp_path / "ranker", folds=2)
    assert manifest.info["folds"] == 2 and manifest.info["cases"] == len(cases)
    assert set(manifest.info["cross_validated"]) == {"lr", "similarity", "symmetric", "learned"}
    ranker = LearnedRanker.load(tmp_path / "ranker")
    assert ranker.weights.shape == (len(FEATURES),)
