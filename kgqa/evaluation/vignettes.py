"""Diagnosis on hand-written material: textbook vignettes and free-text findings.

* **Vignettes** (``graph_data/vignettes_dev.jsonl``): a few findings as a clinician writes
  them, the diagnosis, and the findings a clinical geneticist would ask about next. Reported:
  the diagnosis's rank, and whether the top suggestions include one of the expected findings
  (the same term, a more specific one, or its direct parent).
* **Findings** (``graph_data/findings_dev.jsonl``): one free-text finding each, with the HPO
  term it names and whether it is present or absent. Reported: linked correctly (the term,
  or a parent or child of it), wrongly linked, lost.

Expected terms are written as HPO labels or ids and resolved through the graph's exact names;
a label that resolves to nothing is reported, not guessed.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from kgqa.diagnosis.differential import Diagnoser
from kgqa.errors import DataError, InputError
from kgqa.evaluation.metrics import placing

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VignetteResult:
    id: str
    diagnosis: str
    rank: int | None  # by the diagnoser's method; None: the diagnosis is not in the graph
    rank_lr: int | None
    unlinked: tuple[str, ...]
    suggestions: tuple[str, ...]
    hit: str | None  # the suggestion that matched an expected finding
    unresolved: tuple[str, ...]  # expected labels that name no phenotype


@dataclass
class VignetteReport:
    n: int
    method: str
    top1: float
    top3: float
    top10: float
    top1_lr: float
    top10_lr: float
    suggestion_hit_rate: float  # vignettes whose top suggestions include an expected finding
    suggestions_shown: int
    results: list[VignetteResult] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise DataError(f"{path}:{i}: not JSON ({exc})") from exc


def _term(dx: Diagnoser, text: str) -> int | None:
    node = dx.kg.node(text) if text.upper().startswith("HP:") else dx._named_phenotype(text)
    return dx.ix.term_index.get(node.iri) if node is not None else None


def _close(dx: Diagnoser, got: int, want: int) -> bool:
    """The same term, a more specific one, or the expected term's parent."""
    return (got == want or want in set(dx.ix.ancestors[got].tolist())
            or got in set(dx.ix.parents(want).tolist()))  # fmt: skip


def evaluate_vignettes(dx: Diagnoser, path: Path, suggest: int = 5) -> VignetteReport:
    results = []
    for rec in _records(path):
        findings, unlinked = dx.link_findings(rec["findings"])
        observed, excluded = dx.indices(findings)
        try:
            target = dx.disease(rec["diagnosis"])
            name, d = target.label, dx.ix.disease_index.get(target.iri)
        except InputError:  # not in this graph: reported with no rank
            name, d = rec["diagnosis"], None
        rank = rank_lr = None
        suggestions: tuple[str, ...] = ()
        hit = None
        expected = {lab: _term(dx, lab) for lab in rec["expected_next"]}
        if observed:
            ranking = dx.ranking(observed, excluded)
            if d is not None:
                rank = placing(ranking.order, [d]).best_rank
                rank_lr = placing(ranking.lr, [d]).best_rank
            diff = dx.rank(findings, k=10, suggest=suggest, ranking=ranking)
            suggestions = tuple(s.node.label for s in diff.suggestions)
            for s in diff.suggestions:
                t = dx.ix.term_index[s.node.iri]
                if any(w is not None and _close(dx, t, w) for w in expected.values()):
                    hit = s.node.label
                    break
        results.append(VignetteResult(
            rec["id"], name, rank, rank_lr, tuple(unlinked), suggestions, hit,
            tuple(lab for lab, t in expected.items() if t is None),
        ))  # fmt: skip
    n = len(results)

    def share(ranks: list[int | None], k: int) -> float:
        return round(float(np.mean([r is not None and r <= k for r in ranks])), 4) if n else 0.0

    ranks = [r.rank for r in results]
    lr = [r.rank_lr for r in results]
    return VignetteReport(
        n=n, method=dx.method, top1=share(ranks, 1), top3=share(ranks, 3), top10=share(ranks, 10),
        top1_lr=share(lr, 1), top10_lr=share(lr, 10),
        suggestion_hit_rate=round(float(np.mean([r.hit is not None for r in results])), 4)
        if n else 0.0,
        suggestions_shown=suggest, results=results,
    )  # fmt: skip


# ----------------------------------------------------------------------------- findings
OUTCOMES = ("correct", "wrong polarity", "wrong term", "lost", "unresolved")


@dataclass(frozen=True)
class FindingResult:
    text: str
    expected: str
    present: bool
    outcome: str  # correct | wrong polarity | wrong term | lost | unresolved
    linked: tuple[str, ...]  # "label" or "absent label" of what was linked


@dataclass
class FindingsReport:
    n: int
    correct: int
    wrong_polarity: int
    wrong_term: int
    lost: int
    unresolved: int
    results: list[FindingResult] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return round(self.correct / max(1, self.n - self.unresolved), 4)

    def to_dict(self) -> dict:
        return {**asdict(self), "accuracy": self.accuracy}


def evaluate_findings(dx: Diagnoser, path: Path) -> FindingsReport:
    """Link each free-text finding as ``diagnose`` does and compare with the expected term."""
    results = []
    for rec in _records(path):
        want = _term(dx, rec["expected"])
        present = bool(rec.get("present", True))
        findings, _ = dx.link_findings(rec["text"])
        linked = tuple(("absent " if f.excluded else "") + f.node.label for f in findings)
        if want is None:
            outcome = "unresolved"
        elif not findings:
            outcome = "lost"
        else:
            close = [f for f in findings if _close(dx, dx.ix.term_index[f.node.iri], want)]
            if any(f.excluded != present for f in close):
                outcome = "correct"
            elif close:
                outcome = "wrong polarity"
            else:
                outcome = "wrong term"
        results.append(FindingResult(rec["text"], rec["expected"], present, outcome, linked))
    n = {o: sum(r.outcome == o for r in results) for o in OUTCOMES}
    return FindingsReport(len(results), n["correct"], n["wrong polarity"], n["wrong term"],
                          n["lost"], n["unresolved"], results)  # fmt: skip


# ----------------------------------------------------------------------------- findings lists
def _share(values: list) -> float:  # type: ignore[type-arg]
    return round(float(np.mean(values)), 4) if values else 0.0


@dataclass(frozen=True)
class ListResult:
    """One findings list in one language."""

    id: str
    language: str
    text: str
    found: int  # expected findings linked (the term, a parent or a child) with the right polarity
    wrong_polarity: int
    missed: tuple[str, ...]
    extra: tuple[str, ...]  # linked findings that match no expected one
    unresolved: tuple[str, ...]
    top10: tuple[str, ...] = ()  # the ten top-ranked diseases from what was linked
    rank: int | None = None  # the list's diagnosis, when it has one in the graph


@dataclass
class ListsReport:
    """Findings lists written twice, in English and in Chinese, each against the same terms."""

    n_lists: int
    expected: int  # expected findings (resolved), per language
    by_language: dict[str, dict[str, float]]
    results: list[ListResult] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def evaluate_findings_lists(dx: Diagnoser, path: Path,
                            languages: tuple[str, ...] = ("en", "zh")) -> ListsReport:  # fmt: skip
    """Link each list in every language and compare with its expected terms: the share found
    with the right polarity, wrong polarities, extra findings, and lists read in full."""
    results = []
    expected_total = 0
    for rec in _records(path):
        want = [(e["term"], _term(dx, e["term"]), bool(e.get("present", True)))
                for e in rec["expected"]]  # fmt: skip
        resolved = [(lab, t, p) for lab, t, p in want if t is not None]
        expected_total += len(resolved)
        target = None
        if rec.get("diagnosis"):
            with contextlib.suppress(InputError):  # not in this graph: no rank
                target = dx.ix.disease_index.get(dx.disease(rec["diagnosis"]).iri)
        for lang in languages:
            findings, _ = dx.link_findings(rec[lang])
            got = [(dx.ix.term_index[f.node.iri], not f.excluded, f) for f in findings]
            found = polarity = 0
            missed, used = [], set()
            for lab, t, present in resolved:
                close = [i for i, (g, _, _) in enumerate(got) if _close(dx, g, t)]
                if any(got[i][1] == present for i in close):
                    found += 1
                elif close:
                    polarity += 1
                else:
                    missed.append(lab)
                used.update(close)
            extra = tuple(("" if p else "absent ") + f.node.label
                          for i, (_, p, f) in enumerate(got) if i not in used)  # fmt: skip
            unresolved = tuple(lab for lab, t, _ in want if t is None)
            observed, excluded = dx.indices(findings)
            top10: tuple[str, ...] = ()
            rank = None
            if observed:
                ranking = dx.ranking(observed, excluded)
                ranked = dx.rank(findings, k=10, suggest=0, ranking=ranking).ranked
                top10 = tuple(n.node.curie for n in ranked)
                if target is not None:
                    rank = placing(ranking.order, [target]).best_rank
            results.append(ListResult(rec["id"], lang, rec[lang], found, polarity,
                                      tuple(missed), extra, unresolved, top10, rank))  # fmt: skip
    by_language = {}
    first = {r.id: r.top10 for r in results if r.language == languages[0]}
    for lang in languages:
        rows = [r for r in results if r.language == lang]
        by_language[lang] = {
            "found": round(sum(r.found for r in rows) / max(1, expected_total), 4),
            "wrong_polarity": sum(r.wrong_polarity for r in rows),
            "extra": sum(len(r.extra) for r in rows),
            "lists_read_in_full": round(
                float(np.mean([not r.missed and not r.wrong_polarity for r in rows])), 4)
            if rows else 0.0,
            "diagnosis_top1": _share([r.rank is not None and r.rank <= 1 for r in rows]),
            "diagnosis_top10": _share([r.rank is not None and r.rank <= 10 for r in rows]),
            f"same_top1_as_{languages[0]}": _share(
                [r.top10[:1] == first[r.id][:1] for r in rows]),
            f"same_top10_as_{languages[0]}": _share(
                [set(r.top10) == set(first[r.id]) for r in rows]),
            f"top10_overlap_with_{languages[0]}": _share(
                [len(set(r.top10) & set(first[r.id])) / max(1, len(first[r.id])) for r in rows]),
        }  # fmt: skip
    n = len({r.id for r in results})
    return ListsReport(n, expected_total, by_language, results)
