"""Entity linking: the fine-tuned NER tagger finds disease, phenotype, chemical and gene
mentions; each is linked to graph nodes (exact, normalised, abbreviation, fuzzy and dense name
matches), disambiguated by type and context, and marked negated where a cue scopes over it.

    >>> import kgqa  # doctest: +SKIP
    >>> ms = kgqa.link("Which drugs treat gout?")  # doctest: +SKIP
    >>> [(m.text, m.type, m.node.curie) for m in ms]  # doctest: +SKIP
    [('gout', 'DISEASE', 'DOID:13189')]
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path

from kgqa import validation as v
from kgqa.linking.abbreviations import define_abbreviations
from kgqa.linking.linker import EntityLinker
from kgqa.linking.negation import split_findings
from kgqa.records import Mention

__all__ = [
    "EntityLinker",
    "define_abbreviations",
    "link",
    "link_many",
    "load_linker",
    "split_findings",
]
_LOCK = threading.Lock()


@functools.cache
def _cached(home: str | None, mode: str) -> EntityLinker:
    return EntityLinker.load(home, mode=mode)  # type: ignore[arg-type]


def load_linker(home: Path | str | None = None, mode: str = "ner") -> EntityLinker:
    """The linker for ``home`` (default ``$KGQA_HOME``), loaded once per process."""
    with _LOCK:
        return _cached(str(home) if home else None, mode)


def link(text: str, home: Path | str | None = None) -> list[Mention]:
    """Mentions in ``text`` with their ranked candidate nodes (see :class:`EntityLinker`)."""
    v.text("text", text, v.MAX_TEXT_CHARS)  # checked; offsets index the caller's text
    return load_linker(home).link(text)


def link_many(texts: Sequence[str], home: Path | str | None = None) -> list[list[Mention]]:
    """``link`` over many texts, batched."""
    v.texts("texts", texts, v.MAX_BATCH, v.MAX_TEXT_CHARS)
    return load_linker(home).link_many(texts)
