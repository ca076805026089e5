"""Small stand-ins for the stages answering uses (see ``kgqa.stages``): answering
tests run on the fixture graph without an encoder, a tagger or a FAISS index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from kgqa.records import Candidate, Differential, Mention, Node, Passage


class FakeLinker:
    """Finds fixed surface forms (case-insensitive) and links them to fixed graph ids."""

    def __init__(self, kg, names: dict[str, str]) -> None:
        self.kg = kg
        self.names = names

    def link(self, text: str) -> list[Mention]:
        out = []
        low = text.lower()
        for surface, curie in self.names.items():
            at = low.find(surface)
            if at < 0:
                continue
            node = self.kg.node(curie)
            cand = (Candidate(node, 0.95, "exact", surface),)
            out.append(Mention(at, at + len(surface), text[at : at + len(surface)],
                               node.cls.upper(), False, 1.0, cand))  # fmt: skip
        return sorted(out, key=lambda m: m.start)

    def link_many(self, texts: Sequence[str]) -> list[list[Mention]]:
        return [self.link(t) for t in texts]


class FixedIntents:
    """An intent classifier that is sure of one intent per question."""

    def __init__(self, labels: Sequence[str], intent_of: dict[str, str]) -> None:
        self.labels = tuple(labels)
        self.intent_of = intent_of

    def predict_proba(self, a: Sequence[str], b: Sequence[str] | None = None) -> np.ndarray:
        rows = np.full((len(a), len(self.labels)), 0.01, dtype=np.float32)
        for i, q in enumerate(a):
            rows[i, self.labels.index(self._intent(q))] = 0.9
        return rows

    def _intent(self, q: str) -> str:
        """The intent of ``q``, or of the question whose first question ``q`` is (the engine
        classifies the first of several questions joined)."""
        from kgqa.understanding.router import first_question

        if q in self.intent_of:
            return self.intent_of[q]
        whole = next((k for k in self.intent_of if first_question(k) == q != k), None)
        return self.intent_of[whole if whole is not None else q]


class GraphReadingVerifier:
    """Supports a claim its evidence states word for word, refutes one whose evidence is a
    graph statement saying something else, and is unsure otherwise."""

    labels = ("supported", "refuted", "not_enough_info")

    def __init__(self) -> None:
        self.read: list[tuple[str, str]] = []

    def predict_proba(self, a: Sequence[str], b: Sequence[str] | None = None) -> np.ndarray:
        assert b is not None
        self.read += list(zip(a, b, strict=True))
        rows = [
            [0.9, 0.05, 0.05] if claim.lower() in ev.lower()
            else [0.1, 0.8, 0.1] if "graph (" in ev
            else [0.2, 0.1, 0.7]
            for claim, ev in zip(a, b, strict=True)
        ]  # fmt: skip
        return np.array(rows, dtype=np.float32).reshape(len(a), 3)


class FixedPassages:
    """A retriever over a fixed list of passages (filtered by ``about``)."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = list(passages)
        self.queries: list[str] = []

    def retrieve(self, query: str, k: int = 10,
                 about: Iterable[str | Node] | None = None) -> list[Passage]:  # fmt: skip
        self.queries.append(query)
        iris = {a.iri if isinstance(a, Node) else a for a in about or ()}
        return [p for p in self.passages if not iris or iris & set(p.nodes)][:k]

    def titled(self, names: Iterable[str], qtypes: Sequence[str] = ("causes", "information"),
               k: int = 12) -> list[Passage]:  # fmt: skip
        """The passages whose page title is one of ``names``, as the real index reads titles."""
        from kgqa.graph.names import normalize_name
        from kgqa.retrieval.index import page_keys

        keys = {normalize_name(n) for n in names} - {""}
        return [p for p in self.passages
                if p.qtype in qtypes and keys & page_keys(p.title)][:k]  # fmt: skip


class RecordingDiagnoser:
    """Records what it was asked and ranks nothing."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, int]] = []

    def diagnose(self, findings, excluded=(), proposed=None, drugs=(), k=10) -> Differential:
        self.calls.append((findings, k))
        return Differential((), (findings,) if isinstance(findings, str) else (), ())
