"""Rank diseases from findings and explain each: the Diagnoser."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kgqa.config import Home
from kgqa.diagnosis.checks import check_diagnosis, check_drug
from kgqa.diagnosis.index import DiagnosisIndex
from kgqa.diagnosis.ranker import (
    METHODS,
    CaseScores,
    DiseasePriors,
    LearnedRanker,
    prevalence_value,
)
from kgqa.diagnosis.ranker import default_directory as ranker_directory
from kgqa.diagnosis.scoring import PhenotypeScorer, TermScore
from kgqa.diagnosis.similarity import FREQUENT, Similarity, SimilarityScorer
from kgqa.diagnosis.suggest import (
    descendant_counts,
    is_grouping,
    next_findings,
    term_depths,
)
from kgqa.errors import InputError
from kgqa.graph.names import normalize_name, stem_key
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.candidates import close_candidate
from kgqa.linking.negation import Clause, split_findings
from kgqa.records import (
    Differential,
    Finding,
    FindingContribution,
    Mention,
    NextFinding,
    Node,
    RankedDisease,
)
from kgqa.stages import Linking
from kgqa.text import has_cjk

logger = logging.getLogger(__name__)

MAX_FINDINGS = 200
_HPO_ID = re.compile(r"HP:\d{7}", re.IGNORECASE)
MAX_K = 1000
_ABSENT_SUFFIXES = ("缺失", "缺如", "丧失")
# words that say the same in clinical Chinese, one form each before characters are compared
# (低下 / 减退 / 降低: decreased; 多发性 / 多发: multiple; 牛奶咖啡斑 / 咖啡斑: cafe-au-lait)
_ZH_SAME = (
    ("咖啡牛奶斑", "咖啡斑"), ("牛奶咖啡斑", "咖啡斑"), ("低下", "减退"), ("降低", "减退"),
    ("减低", "减退"), ("多发性", "多发"), ("复发性", "复发"), ("进行性", "进行"),
    # digits as people type them (第2-3趾并趾 is CHPO's 第二、三脚趾并趾); toes and fingers
    ("二", "2"), ("三", "3"), ("四", "4"), ("五", "5"), ("、", "-"), ("～", "-"), ("~", "-"),
    ("脚趾", "趾"), ("足趾", "趾"), ("手指", "指"),
)  # fmt: skip


def _zh_canonical(text: str) -> str:
    """Chinese text with :data:`_ZH_SAME`'s variants in one form.

    >>> _zh_canonical("新生儿肌张力低下"), _zh_canonical("多发性咖啡斑")
    ('新生儿肌张力减退', '多发咖啡斑')
    >>> _zh_canonical("第二、三脚趾并趾")
    '第2-3趾并趾'
    """
    for variant, form in _ZH_SAME:
        text = text.replace(variant, form)
    return text


# characters that carry a direction, a size or a side: never the one character two names may
# differ by (睑裂过长 is not 睑裂过短, 高血钾 not 低血钾)
_ZH_DIRECTION = frozenset(
    "高低长短大小多少增减升降宽窄厚薄粗细上下左右前后内外早晚快慢强弱轻重深浅亢退过缺无有"
    "缩扩张狭近远正负阴阳单双全半"
)


def _one_substitution(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names of at least four characters differ by one character each way, and
    neither of those carries a direction (血管角质瘤 / 血管角皮瘤)."""
    if len(a) < 4 or len(a) != len(b):
        return False
    extra, missing = a - b, b - a
    return len(extra) == len(missing) == 1 and not (extra | missing) & _ZH_DIRECTION


SUGGEST_OVER = 10  # suggestions separate at least this many top candidates


@dataclass(frozen=True)
class Ranking:
    """One method's order of every disease for one case."""

    method: str
    order: np.ndarray  # (D,) higher ranks first; -inf: not scorable
    lr: np.ndarray  # (D,) the LR model's log score (shown beside each disease)
    posterior: np.ndarray  # (D,) the method's probability of each disease


class Diagnoser:
    """Phenotype-driven differential diagnosis over the graph's HPO annotations."""

    def __init__(self, kg: KnowledgeGraph, index: DiagnosisIndex,
                 linker: Linking | Callable[[], Linking] | None = None,
                 ranker: LearnedRanker | None = None) -> None:  # fmt: skip
        self.kg = kg
        self.ix = index
        self.scorer = PhenotypeScorer(index)
        self.similarity = SimilarityScorer(index)
        self.ranker = ranker
        # the learned re-ranker when one is loaded, else the likelihood-ratio model
        self.method = "learned" if ranker is not None else "lr"
        self._priors: DiseasePriors | None = None
        self._shape: np.ndarray | None = None  # each term's depth and terms below it
        self._grouping: dict[int, bool] = {}
        self._stem_names: dict[str, set[str]] | None = None
        self._zh_names: list[tuple[str, frozenset[str]]] | None = None
        # a linker now, or a function that makes one when free text first needs it
        self._linker: Linking | None = linker if hasattr(linker, "link_many") else None  # type: ignore[assignment]
        self._make_linker = None if self._linker is not None else linker
        self._citing: dict[str, set[int]] | None = None

    @classmethod
    def load(cls, kg: KnowledgeGraph, directory: Path | None = None,
             linker: Linking | Callable[[], Linking] | None = None,
             ranker: Path | None = None) -> Diagnoser:  # fmt: skip
        """The diagnoser over the index in ``directory`` (default ``$KGQA_HOME/diagnosis``)
        with the learned re-ranker in ``ranker`` (default: the package's ``models/ranker``).
        Free-text findings are linked by ``linker`` (a linker, or a function giving one when
        first needed); by default the entity linker of the same home, loaded on first use."""
        directory = directory or Home.resolve().diagnosis
        if linker is None:

            def linker() -> Linking:
                from kgqa.linking.linker import EntityLinker

                return EntityLinker.load(directory.parent, kg=kg)

        ranker = ranker or ranker_directory()
        learned = LearnedRanker.load(ranker) if (ranker / "manifest.json").exists() else None
        if learned is None:
            logger.warning("no learned ranker in %s: ranking by the LR model", ranker)
        return cls(kg, DiagnosisIndex.load(directory, kg.build_id), linker, learned)

    @property
    def linker(self) -> Linking:
        """The entity linker that reads free-text findings (the same as ``link`` uses)."""
        if self._linker is None:
            if self._make_linker is None:
                raise InputError("this diagnoser has no linker: give findings as HPO ids")
            self._linker = self._make_linker()  # type: ignore[operator]
        return self._linker

    # ------------------------------------------------------------ the front door
    def diagnose(
        self,
        findings: str | Iterable[str],
        excluded: Iterable[str] = (),
        proposed: str | None = None,
        drugs: Iterable[str] = (),
        k: int = 10,
    ) -> Differential:
        """Rank diseases from findings (free text, or names / HPO ids), explain each, suggest
        what to check next, and check a proposed diagnosis and drugs against the graph.

        Negated findings in the text ("no seizures") and ``excluded`` count as absent. Drugs
        are checked against the proposed diagnosis, else the top-ranked disease.
        """
        if k < 1 or k > MAX_K:
            raise InputError(f"k must be between 1 and {MAX_K}, not {k}")
        linked, unlinked = self.link_findings(findings, excluded)
        observed, absent = self.indices(linked)
        ranking = self.ranking(observed, absent) if observed else None
        diff = self.rank(linked, k=k, unlinked=unlinked, ranking=ranking)
        check = None
        target: Node | None = diff.ranked[0].node if diff.ranked else None
        if proposed:
            target = self.disease(proposed)
            d = self.ix.disease_index.get(target.iri)
            rank = None
            if d is not None and ranking is not None and np.isfinite(ranking.order[d]):
                rank = self.rank_of(ranking.order, d)
            check = check_diagnosis(self, linked, target, rank)
        drug_checks = []
        for name in drugs:
            drug = self.drug(name)
            if target is None:
                raise InputError("no disease to check drugs against: give findings or --proposed")
            drug_checks.append(check_drug(self.kg, drug, target))
        return dataclasses.replace(diff, proposed=check, drugs=tuple(drug_checks))

    def disease(self, text: str) -> Node:
        """A disease by id or name; among tied names, one with phenotype annotations."""
        node = self.kg.node(text)
        if node is None or node.cls != "Disease":
            matches = self.kg.find(text, cls="Disease", limit=5)
            annotated = [m for m in matches if m.node.iri in self.ix.disease_index]
            pick = (annotated or matches)[:1]
            node = pick[0].node if pick else None
        if node is None:
            raise InputError(f"unknown disease {text!r}")
        return node

    def drug(self, text: str) -> Node:
        """A drug (chemical) by id or name."""
        node = self.kg.node(text)
        if node is None or node.cls not in ("Chemical", "Drug"):
            matches = self.kg.find(text, cls="Chemical", limit=1)
            node = matches[0].node if matches else None
        if node is None:
            raise InputError(f"unknown drug {text!r}")
        return node

    # ------------------------------------------------------------ findings
    def link_findings(
        self, findings: str | Iterable[str], excluded: Iterable[str] = ()
    ) -> tuple[list[Finding], list[str]]:
        """Findings from free text or a list of names / HPO ids; negated ones become excluded.
        Returns (findings, texts that matched no phenotype).

        Text is split into clauses with their negation (:func:`~kgqa.linking.negation.
        split_findings`); an HPO id is looked up, and so is a clause that is exactly a name of
        a phenotype term (label or synonym, any case: no tagger needed); every other clause
        goes through the entity linker (tagger, dictionary, candidates), and each mention
        keeps its best phenotype candidate. A clause with no such mention is unlinked."""
        texts = [findings] if isinstance(findings, str) else list(findings)
        clauses: list[Clause] = []
        for text, forced in [(t, False) for t in texts] + [(t, True) for t in excluded]:
            if not isinstance(text, str):
                raise InputError(f"findings must be strings, got {type(text).__name__}")
            for c in split_findings(text):
                # a name that opens with a cue-like word is a finding, not its negation
                if c.written and self._named_phenotype(c.written) is not None:
                    c = Clause(c.written, False)
                elif c.written and c.negated and self._named_phenotype(c.text) is None:
                    c = self._absent_function(c)
                clauses.append(Clause(c.text, c.negated or forced))
        if len(clauses) > MAX_FINDINGS:
            raise InputError(f"{len(clauses)} findings; at most {MAX_FINDINGS} are accepted")
        out: list[Finding] = []
        unlinked: list[str] = []
        to_link = []
        for c in clauses:
            if _HPO_ID.fullmatch(c.text.strip()):
                node = self.kg.node(c.text)
            else:
                node = (self._named_phenotype(c.text) or self._reordered_phenotype(c.text)
                        or self._chinese_phenotype(c.text))  # fmt: skip
            if node is not None and node.iri in self.ix.term_index:
                out.append(Finding(node, c.negated, c.text))
            else:
                to_link.append(c)
        mentions = self.linker.link_many([c.text for c in to_link]) if to_link else []
        for c, found in zip(to_link, mentions, strict=True):
            picked = [(m, self._phenotype_of(m)) for m in found]
            picked = [(m, n) for m, n in picked if n is not None]
            if not picked:
                unlinked.append(c.text)
            for m, node in picked:
                out.append(Finding(node, c.negated or m.negated, m.text))  # type: ignore[arg-type]
        seen: dict[tuple[str, bool], Finding] = {}
        for f in out:
            seen.setdefault((f.node.iri, f.excluded), f)
        return list(seen.values()), unlinked

    def _named_phenotype(self, text: str) -> Node | None:
        """The phenotype term whose label or synonym is exactly ``text`` (case aside); of
        terms that share the name (CHPO calls both Cutaneous telangiectasia and Telangiectasia
        of the skin 皮肤毛细血管扩张), the one more diseases are annotated with."""
        named = [m.node for m in self.kg.find(text, cls="Phenotype", limit=3)
                 if m.match == "exact" and m.node.iri in self.ix.term_index]  # fmt: skip
        if len(named) > 1:
            return max(named, key=self.kg.diseases_showing)
        return named[0] if named else None

    def _absent_function(self, c: Clause) -> Clause:
        """无语言 is absent speech, not "no speech": where what a Chinese cue negates names no
        phenotype (a normal function: 语言, 听力) but "X缺失 / X缺如 / X丧失" does, the item is
        that phenotype, present (the mirror of English "absent speech")."""
        for suffix in _ABSENT_SUFFIXES:
            if self._named_phenotype(c.text + suffix) is not None:
                return Clause(c.text + suffix, False)
        return c

    def _chinese_phenotype(self, text: str) -> Node | None:
        """The one phenotype term with a Chinese name of the same characters in another order,
        with a few more or fewer (身材高大 / 高身材, 颈蹼 / 蹼颈, 披肩阴囊 / 披肩状阴囊), or with
        one character swapped that carries no direction (血管角质瘤 / 血管角皮瘤):
        CHPO gives one name per term, clinicians write others. One character set must hold
        the other; the term whose name differs by the fewest characters wins, and a tie
        between terms is no match. Indexed on first use."""
        chars = set(_zh_canonical(text.strip()))
        if len(chars) < 2 or not has_cjk(text):
            return None
        if self._zh_names is None:
            ti = self.ix.term_index
            rows = self.kg.chinese_name_rows()
            self._zh_names = [(iri, frozenset(_zh_canonical(name))) for iri, name, cls in rows
                              if cls == "Phenotype" and iri in ti]  # fmt: skip
        # the name may add two characters (巨头 / 巨头畸形); the text may add one, not more
        # (血管角质瘤 is angiokeratoma, not 血管瘤)
        found: dict[str, int] = {}  # term -> the fewest characters its names differ by
        frozen = frozenset(chars)
        for iri, name in self._zh_names:
            wider = chars <= name and len(name - chars) <= 2
            narrower = name <= chars and len(chars - name) <= 1
            if len(name & chars) >= 2 and (wider or narrower):
                found[iri] = min(found.get(iri, 99), len(name ^ chars))
            elif _one_substitution(frozen, name):  # a character swapped counts as two
                found[iri] = min(found.get(iri, 99), 2)
        if not found:
            return None
        fewest = min(found.values())  # the closest name wins; a tie between terms is no match
        best = [iri for iri, d in found.items() if d == fewest]
        return self.kg.node(best[0]) if len(best) == 1 else None

    def _reordered_phenotype(self, text: str) -> Node | None:
        """The one phenotype term with a name of the same word stems in any order ("dilated
        aortic root" is "Enlarged aortic root", "hypermobile joints" "Joint hypermobility");
        None when no name, or names of several terms, match (:func:`stem_key`). The stems of
        every phenotype name are indexed on first use (about a second)."""
        key = stem_key(text)
        if not key:
            return None
        if self._stem_names is None:
            self._stem_names = {}
            ti = self.ix.term_index
            for iri, name, _, cls in self.kg.english_names():
                if cls == "Phenotype" and iri in ti:
                    self._stem_names.setdefault(stem_key(name), set()).add(iri)
        found = self._stem_names.get(key, set())
        return self.kg.node(next(iter(found))) if len(found) == 1 else None

    def _phenotype_of(self, mention: Mention) -> Node | None:
        """The mention's best candidate that is an annotated phenotype term, when it scores
        close to the top candidate (a name of both a disease and a phenotype reads as the
        phenotype here: findings are phenotypes)."""
        return close_candidate(mention, lambda n: n.iri in self.ix.term_index)

    # ------------------------------------------------------------- ranking
    def indices(self, findings: Sequence[Finding]) -> tuple[list[int], list[int]]:
        ti = self.ix.term_index
        observed = [ti[f.node.iri] for f in findings if not f.excluded]
        excluded = [ti[f.node.iri] for f in findings if f.excluded]
        return observed, excluded

    def scores(
        self, observed: list[int], excluded: list[int], leave_out: Sequence[str] = ()
    ) -> np.ndarray:
        """The LR model's scores of every disease; ``leave_out`` references (e.g. a case's
        PMID) remove the annotations supported only by them (the diseases citing them are
        re-scored)."""
        return self.case_scores(observed, excluded, leave_out, similarity=False).lr

    def case_scores(
        self,
        observed: list[int],
        excluded: list[int],
        leave_out: Sequence[str] = (),
        similarity: bool = True,
    ) -> CaseScores:
        """Everything the methods need for one case: the LR model's per-finding scores and
        (with ``similarity``) the IC similarities and the frequent annotations covered, all
        leaving out the annotations supported only by ``leave_out``."""
        sc, ix = self.scorer, self.ix
        n_d = ix.n_diseases
        per = (np.vstack([sc.observed_column(q) for q in observed]) if observed
               else np.zeros((0, n_d)))  # fmt: skip
        exc = np.zeros(n_d)
        for q in excluded:
            exc += sc.excluded_column(q)
        unused = np.full(n_d, np.nan)  # the similarity's parts, when not asked for
        sim = self.similarity.score_all(observed) if similarity else Similarity(unused, unused)
        covered = self.similarity.covered_frequent(observed) if similarity else unused
        citing = self._diseases_citing(leave_out)
        dead = np.zeros(n_d, dtype=bool)
        if citing:
            one_way, sym, covered = sim.one_way.copy(), sim.symmetric.copy(), covered.copy()
            term_best = self.similarity.term_best(observed) if similarity and observed else None
            reach = {int(a) for q in observed for a in ix.ancestors[q]}
            for d in citing:
                direct, negated = sc.disease_terms(d, drop_only=set(leave_out))
                if not direct:
                    dead[d] = True
                    continue
                _, parts = sc.score_one(observed, excluded, direct, negated)
                per[:, d] = [p.log_lr for p in parts[: len(observed)]]
                exc[d] = sum(p.log_lr for p in parts[len(observed) :])
                if similarity:
                    one_way[d], sym[d] = self.similarity.score_one(observed, direct, term_best)
                    frequent = [t for t, f in direct.items() if f >= FREQUENT]
                    covered[d] = (sum(t in reach for t in frequent) / len(frequent)
                                  if frequent else 0.0)  # fmt: skip
            sim = Similarity(np.where(dead, -np.inf, one_way), np.where(dead, -np.inf, sym))
        lr = per.sum(axis=0) + exc
        lr[dead] = -np.inf
        return CaseScores(lr, per, exc, sim, covered, with_similarity=similarity)

    def ranking(
        self,
        observed: list[int],
        excluded: list[int],
        leave_out: Sequence[str] = (),
        method: str | None = None,
        case: CaseScores | None = None,
    ) -> Ranking:
        """Every disease ordered by ``method`` (default :attr:`method`): ``lr``, ``similarity``
        (IC best-match average), ``symmetric`` (its symmetric form) or ``learned``."""
        method = method or self.method
        if method not in METHODS:
            raise InputError(f"unknown method {method!r}; one of {', '.join(METHODS)}")
        cs = case or self.case_scores(observed, excluded, leave_out, similarity=method != "lr")
        if method != "lr" and not cs.with_similarity:
            raise ValueError(f"method {method!r} needs case scores computed with similarity")
        if method == "lr":
            return Ranking(method, cs.lr, cs.lr, _posterior(cs.lr))
        if method in ("similarity", "symmetric"):
            s = cs.similarity.one_way if method == "similarity" else cs.similarity.symmetric
            return Ranking(method, s, cs.lr, _posterior(s))
        if self.ranker is None:
            raise InputError("no learned ranker is loaded: run `kgqa train ranker`")
        order, post = self.ranker.order(cs, self.priors)
        return Ranking(method, order, cs.lr, post)

    @property
    def priors(self) -> DiseasePriors:
        """The case-independent features of every disease (prevalence read from the graph
        on first use)."""
        if self._priors is None:
            ix = self.ix
            prevalence = np.zeros(ix.n_diseases)
            for s, o, _ in self.kg.edges("hasPrevalence"):
                d = ix.disease_index.get(s)
                node = self.kg.node(o) if d is not None else None
                value = prevalence_value(node.label) if node is not None else None
                if d is not None and value:
                    prevalence[d] = max(prevalence[d], value)
            known = prevalence > 0
            self._priors = DiseasePriors(
                log_annotations=np.log1p(self.similarity.n_annotations),
                mean_ic=self.similarity.mean_ic,
                log_prevalence=np.where(known, np.log10(np.where(known, prevalence, 1.0)), 0.0),
                prevalence_known=known.astype(float),
            )
        return self._priors

    def _diseases_citing(self, refs: Sequence[str]) -> list[int]:
        if not refs:
            return []
        if self._citing is None:  # built on first use: only leave-publication-out needs it
            citing: dict[str, set[int]] = {}
            for d, joined in zip(self.ix.ann_disease.tolist(), self.ix.ann_refs, strict=True):
                for ref in joined.split(";"):
                    citing.setdefault(ref, set()).add(d)
            self._citing = citing
        return sorted(set().union(*(self._citing.get(r, set()) for r in refs)))

    def rank(
        self,
        findings: Sequence[Finding],
        k: int = 10,
        leave_out: Sequence[str] = (),
        unlinked: Sequence[str] = (),
        suggest: int = 5,
        ranking: Ranking | None = None,
        method: str | None = None,
    ) -> Differential:
        """The top ``k`` diseases by ``method`` explained, plus suggestions; pass ``ranking``
        from :meth:`ranking` when the caller already has it."""
        observed, excluded = self.indices(findings)
        if not observed:
            return Differential(tuple(findings), tuple(unlinked), (), n_diseases=self.ix.n_diseases)
        r = ranking or self.ranking(observed, excluded, leave_out, method)
        groups = self._same_name_groups(r, max(k, 1))
        ranked = tuple(
            dataclasses.replace(
                self.explain(ds[0], findings, rank=i + 1, score=float(r.lr[ds[0]]),
                             posterior=float(r.posterior[ds].sum())),
                also=tuple(self._node(str(self.ix.disease_iris[d])) for d in ds[1:]),
            )
            for i, ds in enumerate(groups)
        )  # fmt: skip
        # the rivals worth separating: the top ten at least, whatever k is shown
        rivals = np.argsort(-r.order, kind="stable")[: max(k, SUGGEST_OVER)]
        rivals = rivals[np.isfinite(r.order[rivals])]
        suggestions = self.suggest(findings, [int(d) for d in rivals], r.posterior[rivals],
                                   suggest)  # fmt: skip
        return Differential(
            tuple(findings),
            tuple(unlinked),
            ranked,
            tuple(suggestions),
            n_diseases=self.ix.n_diseases,
        )

    def _same_name_groups(self, r: Ranking, k: int) -> list[list[int]]:
        """The top ``k`` diseases, each with the lower-ranked ones of the same name (one
        disease the graph holds under two ids, e.g. Marfan syndrome as DOID:14323 and
        ORPHA:558): shown once, their posteriors summed, and in the order of those sums (a
        disease split over two ids is not shown below one whose single id outweighs either
        half but not the whole)."""
        groups: list[list[int]] = []
        by_name: dict[str, list[int]] = {}
        for d in np.argsort(-r.order, kind="stable")[: k * 3 + 10]:
            d = int(d)
            if not np.isfinite(r.order[d]):
                break
            name = normalize_name(self._node(str(self.ix.disease_iris[d])).label)
            if name in by_name:
                by_name[name].append(d)
            else:
                by_name[name] = [d]
                groups.append(by_name[name])
        groups.sort(key=lambda ds: -float(r.posterior[ds].sum()))  # stable: ties keep the order
        return groups[:k]

    def rank_of(self, scores: np.ndarray, disease: int) -> int:
        return 1 + int((scores > scores[disease]).sum())

    # ---------------------------------------------------------- explaining
    def explain(
        self,
        d: int,
        findings: Sequence[Finding],
        rank: int,
        score: float | None = None,
        posterior: float = 0.0,
    ) -> RankedDisease:
        observed, excluded = self.indices(findings)
        direct, negated = self.scorer.disease_terms(d)
        total, parts = self.scorer.score_one(observed, excluded, direct, negated)
        by_term = {f.node.iri: f for f in findings}
        contributions = []
        for part in parts:
            finding = by_term[str(self.ix.term_iris[part.finding])]
            contributions.append(self._contribution(finding, part, direct))
        covered = {int(a) for q in observed for a in self.ix.ancestors[q]}
        covered |= set(observed)
        observed_set = set(observed)
        missing = sorted(
            (
                (t, f) for t, f in direct.items()
                if f >= FREQUENT and t not in covered
                and not any(int(a) in observed_set for a in self.ix.ancestors[t])
            ),
            key=lambda x: -x[1],
        )[:8]  # fmt: skip
        return RankedDisease(
            node=self._node(str(self.ix.disease_iris[d])),
            rank=rank,
            score=float(total if score is None else score),
            posterior=posterior,
            contributions=tuple(contributions),
            missing_frequent=tuple((self._term(t), f) for t, f in missing),
        )

    def _contribution(
        self, finding: Finding, part: TermScore, direct: dict[int, float]
    ) -> FindingContribution:
        if part.via is None:
            return FindingContribution(finding, part.log_lr, part.kind, None)
        q, via = part.finding, part.via
        if part.kind == "implied" or part.kind == "excluded-contradicts":
            path = self._is_a_path(via, q)  # annotated term up to the finding
        else:
            path = self._is_a_path(q, via)  # finding up to the annotated ancestor
        return FindingContribution(
            finding, part.log_lr, part.kind, self._term(via), tuple(self._term(t) for t in path),
            direct.get(via),
        )  # fmt: skip

    def _is_a_path(self, lower: int, upper: int) -> list[int]:
        """Shortest is-a path from ``lower`` up to its ancestor ``upper`` (inclusive)."""
        if lower == upper:
            return [lower]
        prev = {lower: lower}
        frontier = [lower]
        while frontier:
            nxt = []
            for u in frontier:
                for p in self.ix.parents(u):
                    p = int(p)
                    if p not in prev:
                        prev[p] = u
                        if p == upper:
                            path = [p]
                            while path[-1] != lower:
                                path.append(prev[path[-1]])
                            return path[::-1]
                        nxt.append(p)
            frontier = nxt
        return [lower, upper]  # related matches: the two ends

    def suggest(
        self, findings: Sequence[Finding], top: list[int], weights: np.ndarray, n: int = 5
    ) -> list[NextFinding]:
        """Findings worth checking next (:func:`~kgqa.diagnosis.suggest.next_findings`)."""
        observed, excluded = self.indices(findings)
        picks = next_findings(self.scorer, top, np.asarray(weights, dtype=float), set(observed),
                              set(excluded), self._is_grouping, n)  # fmt: skip
        return [
            NextFinding(self._term(s.term), s.gain, s.p_present,
                        tuple(self._node(str(self.ix.disease_iris[d])) for d in s.present_in),
                        tuple(self._node(str(self.ix.disease_iris[d])) for d in s.absent_in))
            for s in picks
        ]  # fmt: skip

    def _is_grouping(self, t: int) -> bool:
        if self._shape is None:
            self._shape = np.stack([term_depths(self.scorer), descendant_counts(self.scorer)])
        if t not in self._grouping:
            depth, below = self._shape[:, t]
            self._grouping[t] = is_grouping(self._term(t).label, int(depth), int(below))
        return self._grouping[t]

    def _node(self, iri: str) -> Node:
        node = self.kg.node(iri)
        if node is None:  # the index is checked against the graph's build id, so this is a bug
            raise InputError(f"diagnosis index refers to {iri}, which the graph lacks")
        return node

    def _term(self, t: int) -> Node:
        return self._node(str(self.ix.term_iris[t]))


def _posterior(scores: np.ndarray) -> np.ndarray:
    finite = np.isfinite(scores)
    out = np.zeros_like(scores)
    if finite.any():
        z = scores[finite] - scores[finite].max()
        e = np.exp(z)
        out[finite] = e / e.sum()
    return out
