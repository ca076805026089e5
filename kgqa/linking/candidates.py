"""Candidate generation and disambiguation for one mention.

Sources of candidates, each with a base score:

========================  =====  ==============================================
exact label / id          1.00   ``KnowledgeGraph.find`` exact: the node's label, or an id
exact label of a source   0.98   the label one merged source gives the node
exact synonym             0.97
normalised name           0.93   case, punctuation, plurals, Greek, spelling
abbreviation              ×0.97  a short form defined in the text ("... (G6PD)")
fuzzy                     ≤0.90  rapidfuzz ratio ≥ 88 over normalised names
dense                     ≤0.90  cosine of base-encoder embeddings (FAISS)
========================  =====  ==============================================

An extension (a name one or two words longer than the mention: 0.88 / 0.84) is tried when no
name of the mention's type matches. The score is then multiplied by the type fit (a DISEASE
mention prefers Disease nodes, takes Phenotype nodes at ×0.9 and other classes at ×0.6, or ×0.8
for a name matched in its exact case) and nudged by context words shared with the
node's names. Candidates under ``FLOOR`` are dropped; a mention whose best candidate is under
``NIL_THRESHOLD`` is NIL (``Mention.node is None``).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence

import numpy as np

from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.dense import NameIndex
from kgqa.records import Candidate, MatchKind, Node

logger = logging.getLogger(__name__)

FLOOR = 0.5
NIL_THRESHOLD = 0.75
TYPE_FIT = {
    "DISEASE": {"Disease": 1.0, "Phenotype": 0.9},
    "PHENOTYPE": {"Phenotype": 1.0, "Disease": 0.9},
    "CHEMICAL": {"Chemical": 1.0},
    "GENE": {"Gene": 1.0},
}
CLASS_TYPE = {
    "Disease": "DISEASE",
    "Phenotype": "PHENOTYPE",
    "Chemical": "CHEMICAL",
    "Gene": "GENE",
}
OTHER_FIT = 0.6
EXACT_CASE_FIT = 0.8
FUZZY_CUTOFF = 88.0
DENSE_K = 10
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""of the a an and or in on with to for by from is are was were""".split())


REDUCED = 0.92
# Qualifiers the corpora fold into the general concept ("hereditary retinoblastoma" is
# retinoblastoma); a mention that matches no name is also tried without them.
QUALIFIERS = frozenset(
    """hereditary familial inherited sporadic classical classic primary idiopathic isolated
    congenital human progressive severe mild adult childhood juvenile infantile fatal
    typical atypical bilateral unilateral multiple recurrent""".split()
)
_CONJ = re.compile(r"^(.+?)(?:\s*,\s*|\s+(?:and/or|and|or)\s+|\s*/\s*|-)(\S+)\s+(\S+)$")


def reduced_forms(text: str) -> list[str]:
    """Simpler names to try for a mention no name matches: without leading qualifiers, and
    the conjuncts of a coordinated head ("breast and ovarian cancer").

    Example:
        >>> reduced_forms("hereditary retinoblastoma"), reduced_forms("breast and ovarian cancer")
        (['retinoblastoma'], ['breast cancer', 'ovarian cancer'])
    """
    words = text.split()
    out = []
    i = 0
    while i < len(words) - 1 and words[i].lower() in QUALIFIERS:
        i += 1
    if i:
        out.append(" ".join(words[i:]))
    m = _CONJ.match(" ".join(words[i:]))
    if m and len(m.group(1).split()) <= 2:
        head = m.group(3)
        out += [f"{m.group(1).strip()} {head}", f"{m.group(2)} {head}"]
    return out


def type_fit(kind: str, node: Node) -> float:
    return TYPE_FIT.get(kind, {}).get(node.cls, OTHER_FIT)


class CandidateGenerator:
    """Ranks graph nodes for a mention's text, type and context."""

    def __init__(self, kg: KnowledgeGraph, dense: NameIndex | None = None) -> None:
        self.kg = kg
        self.dense = dense
        self._fuzzy_keys: dict[str, list[str]] | None = None
        # needs_dense() and rank() ask for the same mention's names: look each text up once
        self._names = functools.lru_cache(maxsize=4096)(self._lookup_names)
        self._bridge = functools.lru_cache(maxsize=4096)(self._bridge_node)
        self._fuzzy_iris: dict[str, list[list[str]]] | None = None

    # -- sources -----------------------------------------------------------------------------
    def _lookup_names(self, text: str) -> tuple[tuple[Node, float, MatchKind, str], ...]:
        out = []
        for m in self.kg.find(text, limit=25):
            if m.match == "id" or (
                m.match == "exact" and m.name.casefold() == m.node.label.casefold()
            ):
                base = 1.0
            elif m.match == "exact" and m.kind == "label":
                base = 0.98  # another source's label of the node ("Aniridia" on "aniridia 1")
            elif m.match == "exact":
                base = 0.97
            else:
                base = 0.93
            out.append((m.node, base, m.match, m.name))
        return tuple(out)

    def _extensions(self, text: str) -> list[tuple[Node, float, MatchKind, str]]:
        """Names that extend the mention by one or two words ("type 2 diabetes" →
        "type 2 diabetes mellitus"), for mentions a little shorter than any name."""
        key = normalize_name(text)
        if len(key) < 5:
            return []
        out = []
        for iri, name, full in self.kg.names_extending(key):
            extra = len(full.split()) - len(key.split())
            node = self.kg.node(iri)
            if node is not None and 1 <= extra <= 2:
                out.append((node, 0.92 - 0.04 * extra, "normalized", name))
        return out

    def _load_fuzzy(self) -> None:
        keys: dict[str, dict[str, list[str]]] = {}
        for iri, _name, key, cls in self.kg.english_names():
            kind = CLASS_TYPE.get(cls)
            if kind and kind != "GENE" and len(key) >= 4:
                keys.setdefault(kind, {}).setdefault(key, []).append(iri)
        self._fuzzy_keys = {k: list(v) for k, v in keys.items()}
        self._fuzzy_iris = {k: list(v.values()) for k, v in keys.items()}

    def _fuzzy(self, text: str, kind: str) -> list[tuple[Node, float, MatchKind, str]]:
        from rapidfuzz import fuzz, process

        key = normalize_name(text)
        if len(key) < 5 or kind == "GENE":
            return []
        if self._fuzzy_keys is None:
            self._load_fuzzy()
        assert self._fuzzy_keys is not None and self._fuzzy_iris is not None
        out = []
        kinds = [kind] if kind in self._fuzzy_keys else list(self._fuzzy_keys)
        for k in kinds:
            hits = process.extract(
                key, self._fuzzy_keys[k], scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_CUTOFF
            )
            for name, ratio, idx in hits:
                for iri in self._fuzzy_iris[k][idx]:
                    node = self.kg.node(iri)
                    if node is not None:
                        out.append((node, 0.9 * ratio / 100.0, "fuzzy", name))
        return out

    def dense_hits(self, vectors: np.ndarray) -> list[list[tuple[Node, float, MatchKind, str]]]:
        if self.dense is None or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        out = []
        for hits in self.dense.search(vectors, DENSE_K):
            row = []
            for h in hits:
                node = self.kg.node(h.iri)
                if node is not None:
                    row.append((node, 0.9 * max(0.0, h.score), "dense", h.name))
            out.append(row)
        return out

    def _bridge_node(self, iri: str, cls: str) -> Node | None:
        """The one node of ``cls`` sharing a UMLS concept with node ``iri``, if exactly one."""
        node = self.kg.node(iri)
        if node is None:
            return None
        cuis = [i for i in self.kg.ids(node) if i.startswith("UMLS:")]
        found = {n.iri: n for n in self.kg.lookup_ids(cuis) if n.cls == cls and n.iri != iri}
        return next(iter(found.values())) if len(found) == 1 else None

    def _bridges(
        self, kind: str, raw: Sequence[tuple[Node, float, MatchKind, str]]
    ) -> list[tuple[Node, float, MatchKind, str]]:
        """HPO and DO describe some concepts twice ("Tumor" is HPO *Neoplasm*; DO *cancer*
        carries the same UMLS concept). A name matching only the other class's node reaches
        the mention type's node through the shared UMLS id, one step below a direct match."""
        want = {"DISEASE": "Disease", "PHENOTYPE": "Phenotype"}.get(kind)
        if want is None or any(n.cls == want for n, _, how, _ in raw if how != "dense"):
            return []
        out = []
        for node, base, how, name in raw:
            if how in ("id", "exact", "normalized") and node.cls in ("Disease", "Phenotype"):
                other = self._bridge(node.iri, want)
                if other is not None:
                    out.append((other, base * 0.98, how, name))
        return out

    # -- ranking -----------------------------------------------------------------------------
    def needs_dense(self, text: str) -> bool:
        """Dense search is only worth it when no name matches."""
        return not self._names(text)

    def rank(
        self,
        text: str,
        kind: str,
        context: str = "",
        dense: Sequence[tuple[Node, float, MatchKind, str]] = (),
        abbreviation_of: str | None = None,
        k: int = 5,
    ) -> tuple[Candidate, ...]:
        raw = list(self._names(text))
        if abbreviation_of and not any(b >= 0.97 for _, b, _, _ in raw):
            raw += [
                (n, b * 0.97, "abbreviation", nm) for n, b, _, nm in self._names(abbreviation_of)
            ]
        if not any(type_fit(kind, n) == 1.0 for n, *_ in raw):
            for part in reduced_forms(text):
                raw += [(n, b * REDUCED, how, nm) for n, b, how, nm in self._names(part)]
        raw += self._bridges(kind, raw)
        if not any(type_fit(kind, n) == 1.0 for n, *_ in raw):
            raw += self._extensions(text)
        if not raw:
            raw = self._fuzzy(text, kind)
        raw += list(dense)
        best: dict[str, Candidate] = {}
        ctx = set(_WORD.findall(context.casefold())) - set(_WORD.findall(text.casefold())) - _STOP
        for node, base, how, name in raw:
            fit = type_fit(kind, node)
            if how in ("exact", "id") and name == text:
                fit = max(fit, EXACT_CASE_FIT)  # "BRCA1" tagged as a disease is still BRCA1
            score = base * fit
            if ctx:
                shared = ctx & set(_WORD.findall(node.label.casefold()))
                score += min(0.03, 0.01 * len(shared))
            score -= 0.0005 * self.kg._rank(node.iri)  # tie-break: DO before MeSH-only nodes
            score = round(min(1.0, score), 4)
            if score < FLOOR:
                continue
            prev = best.get(node.iri)
            if prev is None or score > prev.score:
                best[node.iri] = Candidate(node, score, how, name)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.node.curie))
        return tuple(ranked[:k])
