"""Records each source reader produces, and helpers for reading the raw files."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kgqa.errors import DataError

logger = logging.getLogger(__name__)

AttrValue = str | int | float
SUBCLASS = "subClassOf"


@dataclass(frozen=True)
class Concept:
    """One source's view of a concept: its id, class, names and alias ids."""

    source: str
    curie: str
    cls: str
    label: str | None = None
    synonyms: tuple[str, ...] = ()
    alias_ids: tuple[str, ...] = ()
    definition: str | None = None
    labels_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    """A relation asserted by a source between two CURIEs; ``attrs`` are kept on a statement."""

    source: str
    subject: str
    relation: str
    object: str
    attrs: tuple[tuple[str, AttrValue], ...] = ()


@dataclass(frozen=True)
class SameAs:
    """A source's claim that two CURIEs name the same concept."""

    source: str
    a: str
    b: str
    reason: str


@dataclass
class Contribution:
    """Everything one source adds to the graph."""

    source: str
    concepts: list[Concept] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    same_as: list[SameAs] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)

    def note(self, key: str, n: int = 1) -> None:
        self.notes[key] = self.notes.get(key, 0) + n


def reachable(start: str, edges: Mapping[str, Sequence[str]]) -> set[str]:
    """Every node reached from ``start`` by following ``edges`` (``start`` itself only
    through a cycle): ancestors through a parents map, descendants through a children map.

    Example:
        >>> sorted(reachable("c", {"c": ["b"], "b": ["a"], "x": ["a"]}))
        ['a', 'b']
    """
    seen: set[str] = set()
    stack = [start]
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def require(path: Path) -> Path:
    """Return ``path`` or raise DataError naming the missing file."""
    if not path.is_file():
        raise DataError(f"missing source file {path}; is the data directory right (--data-dir)?")
    return path


def read_tsv(
    path: Path, columns: Sequence[str], comment: str | None = None
) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header, checking that ``columns`` are present.

    Values are stripped of surrounding double quotes (the DO reports quote every cell).
    """
    require(path)
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not (comment and line.startswith(comment)))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        try:
            header = [h.strip().strip('"') for h in next(reader)]
        except StopIteration:
            raise DataError(f"{path} is empty") from None
        missing = [c for c in columns if c not in header]
        if missing:
            raise DataError(f"{path} lacks columns {missing}; found {header}")
        for row in reader:
            if not row or all(not v for v in row):
                continue
            yield {
                h: (row[i].strip().strip('"') if i < len(row) else "") for i, h in enumerate(header)
            }


def one_to_one(
    pairs: Sequence[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split (a, b) pairs into those where a and b each occur exactly once, and the rest."""
    pairs = sorted(set(pairs))
    na: dict[str, int] = {}
    nb: dict[str, int] = {}
    for a, b in pairs:
        na[a] = na.get(a, 0) + 1
        nb[b] = nb.get(b, 0) + 1
    unique = [(a, b) for a, b in pairs if na[a] == 1 and nb[b] == 1]
    rest = [(a, b) for a, b in pairs if not (na[a] == 1 and nb[b] == 1)]
    return unique, rest
