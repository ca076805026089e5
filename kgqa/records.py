"""Typed records handed between stages. All frozen dataclasses; none of them is a dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["out", "in", "both"]


@dataclass(frozen=True)
class Node:
    """A graph node: one concept, reachable from all its ids and names."""

    iri: str
    curie: str
    label: str
    cls: str

    def __str__(self) -> str:
        return f"{self.label} [{self.curie}]"


@dataclass(frozen=True)
class NameMatch:
    """A node found by name, with the name that matched and how."""

    node: Node
    name: str
    match: Literal["id", "exact", "normalized"]
    kind: Literal["id", "label", "synonym"]
    lang: str = "en"


@dataclass(frozen=True)
class Attribute:
    """One attribute of an annotated edge (frequency, reference, weight, licence, ...)."""

    key: str
    value: str | int | float


@dataclass(frozen=True)
class Triple:
    """An edge with the source (named graph) that asserts it.

    ``attributes`` holds the annotation statements' attributes when they were asked for.
    """

    subject: Node
    relation: str
    object: Node
    source: str
    attributes: tuple[tuple[Attribute, ...], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.subject} --{self.relation}--> {self.object} ({self.source})"


@dataclass(frozen=True)
class GraphStats:
    """Counts of nodes per class, edges per relation and quads per source."""

    classes: dict[str, int]
    relations: dict[str, int]
    sources: dict[str, int]
