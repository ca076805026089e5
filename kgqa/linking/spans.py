"""The span record every linking stage passes on, and the overlap helpers.

Example:
    >>> a, b = Span(0, 4, "DISEASE", 1.0), Span(2, 9, "DISEASE", 0.8)
    >>> uncovered(5, 9, [a]), uncovered(3, 9, [a])
    (True, False)
    >>> resolve_overlaps([a, b])
    [Span(start=2, end=9, type='DISEASE', score=0.8)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Span(NamedTuple):
    """A typed character span of a text with a confidence (1.0 for a dictionary match)."""

    start: int
    end: int
    type: str
    score: float


def uncovered(start: int, end: int, row: Sequence[Span]) -> bool:
    """Whether no span of ``row`` overlaps ``start:end``."""
    return all(end <= s or start >= e for s, e, *_ in row)


def resolve_overlaps(spans: Sequence[Span]) -> list[Span]:
    """Keep the longest of overlapping spans (then the more confident), in text order."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda x: (-(x[1] - x[0]), -x[3], x[0])):
        if uncovered(s[0], s[1], kept):
            kept.append(Span(*s))
    return sorted(kept)
