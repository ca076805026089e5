"""The stages answering and diagnosis are built from, as protocols: anything with these
methods will do.

The real ones are :class:`~kgqa.linking.EntityLinker`, :class:`~kgqa.classifier.
SequenceClassifier`, :class:`~kgqa.retrieval.index.PassageRetriever` and
:class:`~kgqa.diagnosis.differential.Diagnoser`; tests pass small fakes, so answering can be
tested without an encoder or a FAISS index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from kgqa.records import Differential, Mention, Node, Passage


class Linking(Protocol):
    def link(self, text: str) -> list[Mention]: ...

    def link_many(self, texts: Sequence[str]) -> list[list[Mention]]: ...


class Classifying(Protocol):
    """Class probabilities for texts (or text pairs), columns in ``labels`` order."""

    labels: tuple[str, ...]

    def predict_proba(self, a: Sequence[str], b: Sequence[str] | None = None) -> np.ndarray: ...


class ReadingMessages(Protocol):
    """The learned second reading of long messages (:mod:`kgqa.understanding.message_intent`):
    for each message and the intent the rules read, the intent it asks and how sure."""

    def read(self, texts: Sequence[str], rules: Sequence[str]) -> list[tuple[str, float]]: ...


class ChoosingTopics(Protocol):
    """The learned choice of a long message's topic
    (:mod:`kgqa.understanding.message_topic`): the index of the likeliest of the candidates'
    feature rows."""

    def choose(self, rows: Sequence[Sequence[float]]) -> int: ...


class Retrieving(Protocol):
    def retrieve(
        self, query: str, k: int = 10, about: Iterable[str | Node] | None = None
    ) -> list[Passage]: ...


@runtime_checkable
class Paging(Protocol):
    """A retriever that also finds a subject's own page by its title
    (:meth:`~kgqa.retrieval.index.PassageRetriever.titled`)."""

    def titled(self, names: Iterable[str], qtypes: Sequence[str] = ...,
               k: int = ...) -> list[Passage]: ...  # fmt: skip


class Diagnosing(Protocol):
    def diagnose(
        self,
        findings: str | Iterable[str],
        excluded: Iterable[str] = (),
        proposed: str | None = None,
        drugs: Iterable[str] = (),
        k: int = 10,
    ) -> Differential: ...
