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
    lr_only = dx.case_scores(*dx.indices(findings), similarity=False)
    assert lr_only.lr == pytest.approx(dx.ranking(*dx.indices(findings), method="lr").lr)
    with pytest.raises(ValueError, match="needs case scores computed with similarity"):
        dx.ranking(*dx.indices(findings), method="learned", case=lr_only)


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


# ----------------------------------------------------------------------------- suggestions
def test_suggestions_name_the_rivals_they_separate_and_skip_what_is_known(
    pipeline: Pipeline,
) -> None:
    dx = pipeline.diagnoser
    diff = pipeline.diagnose("fever, no abdominal pain")
    assert diff.suggestions
    reported = {dx.ix.term_index[f.node.iri] for f in diff.findings if not f.excluded}
    absent = {dx.ix.term_index[f.node.iri] for f in diff.findings if f.excluded}
    known_present = {int(a) for q in reported for a in dx.ix.ancestors[q]}
    picked = [dx.ix.term_index[s.node.iri] for s in diff.suggestions]
    for t, s in zip(picked, diff.suggestions, strict=True):
        assert t not in known_present | absent
        assert not absent & set(dx.ix.ancestors[t].tolist())  # not below an absent finding
        assert s.present_in and s.absent_in  # it separates some candidates from others
        assert not {n.iri for n in s.present_in} & {n.iri for n in s.absent_in}
        assert not dx._is_grouping(t)
    for a in picked:  # one question per branch of the ontology
        for b in picked:
            assert a == b or a not in dx.ix.ancestors[b]


def test_suggestion_gains_are_not_all_zero_under_a_dominant_candidate(pipeline: Pipeline) -> None:
    from kgqa.diagnosis.suggest import next_findings

    dx = pipeline.diagnoser
    findings, _ = dx.link_findings("fever")
    r = dx.ranking(*dx.indices(findings))
    top = [int(d) for d in np.argsort(-r.order)[:5] if np.isfinite(r.order[d])]
    dominant = np.array([1.0] + [1e-9] * (len(top) - 1))
    picks = next_findings(dx.scorer, top, dominant, set(dx.indices(findings)[0]), set(),
                          dx._is_grouping)  # fmt: skip
    assert picks and all(p.gain > 0.01 for p in picks)


def test_grouping_terms_are_recognised(pipeline: Pipeline) -> None:
    from kgqa.diagnosis.suggest import is_grouping

    assert is_grouping("Abnormality of the eye", 9, 900)
    assert is_grouping("Phenotypic abnormality", 1, 17000)  # near the root: a category
    assert not is_grouping("Fever", 1, 3)  # near the root of a small ontology: a finding
    assert not is_grouping("Ectopia lentis", 6, 4)


# ----------------------------------------------------------------------------- hand-written sets
def test_vignette_and_findings_evaluations(pipeline: Pipeline, tmp_path: Path) -> None:
    import json

    from kgqa.evaluation.vignettes import evaluate_findings, evaluate_vignettes

    vignettes = tmp_path / "v.jsonl"
    vignettes.write_text(json.dumps({
        "id": "fmf", "findings": "fever", "diagnosis": "OMIM:249100",
        "expected_next": ["Headache", "Not a phenotype name"]}) + "\n")  # fmt: skip
    report = evaluate_vignettes(pipeline.diagnoser, vignettes)
    (r,) = report.results
    assert r.rank is not None and r.unresolved == ("Not a phenotype name",)
    assert (r.hit is not None) == (report.suggestion_hit_rate == 1.0)
    findings = tmp_path / "f.jsonl"
    rows = [{"text": "tall", "expected": "Tall stature", "present": True},
            {"text": "no headache", "expected": "Headache", "present": False},
            {"text": "headache", "expected": "Headache", "present": False},
            {"text": "qwerty", "expected": "Fever", "present": True},
            {"text": "fever", "expected": "Unknown phenotype", "present": True}]  # fmt: skip
    findings.write_text("".join(json.dumps(x) + "\n" for x in rows))
    got = {r.text: r.outcome for r in evaluate_findings(pipeline.diagnoser, findings).results}
    assert got["no headache"] == "correct" and got["headache"] == "wrong polarity"
    assert got["qwerty"] == "lost" and got["fever"] == "unresolved"


def test_findings_in_another_word_order_or_form_are_read(pipeline: Pipeline) -> None:
    findings, unlinked = pipeline.diagnoser.link_findings("stature tall, no fevers")
    assert {(f.node.label, f.excluded) for f in findings} == {("Tall stature", False),
                                                              ("Fever", True)}  # fmt: skip
    assert not unlinked


def test_chinese_findings_written_otherwise_than_the_chpo_name(pipeline: Pipeline) -> None:
    dx = pipeline.diagnoser
    findings, unlinked = dx.link_findings("异位晶状体，蜘蛛样指，无发热")  # 晶状体异位, 蜘蛛指
    got = {(f.node.label, f.excluded) for f in findings}
    assert got == {("Ectopia lentis", False), ("Arachnodactyly", False), ("Fever", True)}
    assert not unlinked
    # too many characters beyond a name is another finding: left unlinked, not guessed
    assert dx._chinese_phenotype("蜘蛛样长指趾") is None


def test_findings_lists_in_two_languages(pipeline: Pipeline, tmp_path: Path) -> None:
    import json

    from kgqa.evaluation.vignettes import evaluate_findings_lists

    path = tmp_path / "lists.jsonl"
    path.write_text(json.dumps({
        "id": "marfan", "en": "arachnodactyly, ectopia lentis, no fever", "zh": "蜘蛛指，无发热",
        "diagnosis": "Marfan syndrome",
        "expected": [{"term": "Arachnodactyly", "present": True},
                     {"term": "Ectopia lentis", "present": True},
                     {"term": "Fever", "present": False}]}, ensure_ascii=False) + "\n")  # fmt: skip
    report = evaluate_findings_lists(pipeline.diagnoser, path)
    assert report.expected == 3
    en, zh = report.results
    assert en.found == 3 and not en.missed and en.top10[0] == zh.top10[0] == "DOID:14323"
    assert en.rank == zh.rank == 1
    assert zh.found == 2 and zh.missed == ("Ectopia lentis",)
    zh_figures = report.by_language["zh"]
    assert zh_figures["found"] == pytest.approx(2 / 3, abs=1e-4)
    assert zh_figures["same_top1_as_en"] == 1.0 and zh_figures["diagnosis_top1"] == 1.0
    assert 0 < zh_figures["top10_overlap_with_en"] <= 1


def test_evidence_features_keep_their_direction() -> None:
    """The shipped weights, and any fit, never reward a contradicted or unexplained finding or
    an excluded finding the disease usually has, even where the data would."""
    from kgqa.diagnosis.ranker import SIGNS

    shipped = LearnedRanker.load().weights
    for name, sign in SIGNS.items():
        assert shipped[FEATURES.index(name)] * sign >= 0, name
    data = _synthetic(200, seed=4)
    contradicted = FEATURES.index("contradicted")
    for d in data:  # in this data a contradicted finding marks the diagnosis
        d.x[d.gold, contradicted] += 3.0
    assert fit(data)[contradicted] <= 0
