"""Identity resolution: which source ids are one concept.

A union-find over CURIEs. Two components merge only when the merge is *safe*: they hold the
same node class and no id prefix in both (a component never holds two DOIDs, two HPO ids, two
OMIM ids, ...). That keeps a chain of 1:1 cross-references from gluing distinct concepts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgqa.graph.build.common import Concept, SameAs
from kgqa.graph.names import normalize_name

logger = logging.getLogger(__name__)

# Which id names a merged node, best first.
PREFIX_PRIORITY = (
    "DOID", "HP", "DRUGBANK", "DRUGCENTRAL", "NCBIGene", "UBERON", "OMIM", "ORPHA", "DECIPHER",
    "MONDO", "CCRD", "MESH", "SYMP", "NDFRT", "CHEBI", "dbSNP", "UMLS", "KGQA",
)  # fmt: skip


def prefix_of(curie: str) -> str:
    return curie.split(":", 1)[0]


def priority(curie: str) -> int:
    p = prefix_of(curie)
    return PREFIX_PRIORITY.index(p) if p in PREFIX_PRIORITY else len(PREFIX_PRIORITY)


@dataclass
class Identities:
    """Union-find over concept CURIEs with class and prefix guards."""

    parent: dict[str, str] = field(default_factory=dict)
    cls: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, set[str]] = field(default_factory=dict)
    merged: dict[str, int] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)
    # (a, b, reason, why) of every refused merge, for the build's merges_refused.tsv
    refusals: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, curie: str, cls: str) -> None:
        if curie not in self.parent:
            self.parent[curie] = curie
            self.cls[curie] = cls
            self.prefixes[curie] = {prefix_of(curie)}

    def find(self, curie: str) -> str:
        root = curie
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[curie] != root:
            self.parent[curie], curie = root, self.parent[curie]
        return root

    def union(self, a: str, b: str, reason: str) -> bool:
        if a not in self.parent or b not in self.parent:
            return False
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.cls[ra] != self.cls[rb] or self.prefixes[ra] & self.prefixes[rb]:
            self.refused[reason] = self.refused.get(reason, 0) + 1
            if self.cls[ra] != self.cls[rb]:
                why = f"classes differ: {self.cls[ra]} / {self.cls[rb]}"
            else:
                shared = sorted(self.prefixes[ra] & self.prefixes[rb])
                why = f"both nodes already hold a {'/'.join(shared)} id ({ra} / {rb})"
            self.refusals.append((a, b, reason, why))
            return False
        if priority(rb) < priority(ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.prefixes[ra] |= self.prefixes.pop(rb)
        self.merged[reason] = self.merged.get(reason, 0) + 1
        return True

    def copy(self) -> Identities:
        """An independent copy (to try merges without applying them)."""
        return Identities(
            dict(self.parent), dict(self.cls), {k: set(v) for k, v in self.prefixes.items()},
            dict(self.merged), dict(self.refused), list(self.refusals),
        )  # fmt: skip

    def components(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for curie in self.parent:
            out.setdefault(self.find(curie), []).append(curie)
        return out


def apply_same_as(ids: Identities, claims: Iterable[SameAs]) -> None:
    for claim in claims:
        ids.union(claim.a, claim.b, claim.reason)


def merge_by_name(
    ids: Identities,
    concepts: dict[str, list[Concept]],
    from_prefix: str,
    to_prefix: str,
    cls: str,
    reason: str,
) -> None:
    """Merge ``from_prefix`` concepts of class ``cls`` into the ``to_prefix`` concept whose label or
    synonym has the same normalised form, when exactly one such concept exists."""
    index: dict[str, set[str]] = {}
    for curie, views in concepts.items():
        if prefix_of(curie) != to_prefix or ids.cls.get(curie) != cls:
            continue
        for view in views:
            for name in (view.label, *view.synonyms):
                if name:
                    index.setdefault(normalize_name(name, uninvert=True), set()).add(curie)
    for curie, views in concepts.items():
        if prefix_of(curie) != from_prefix or ids.cls.get(curie) != cls:
            continue
        keys = {normalize_name(v.label, uninvert=True) for v in views if v.label}
        targets = set().union(*(index.get(k, set()) for k in keys)) if keys else set()
        if len(targets) == 1:
            ids.union(next(iter(targets)), curie, reason)
        elif len(targets) > 1:
            key = f"{reason} (ambiguous name)"
            ids.refused[key] = ids.refused.get(key, 0) + 1


def split_pairs(ids: Identities, groups: Iterable[Iterable[str]]) -> int:
    """How many pairs of distinct nodes the groups say are one concept: for each group (the ids
    one curated mapping calls the same), C(k, 2) over its k distinct components.

    Example:
        >>> ids = Identities()
        >>> for c in ("DOID:1", "ORPHA:1", "OMIM:1"):
        ...     ids.add(c, "Disease")
        >>> split_pairs(ids, [["DOID:1", "ORPHA:1", "OMIM:1"]])
        3
        >>> _ = ids.union("DOID:1", "ORPHA:1", "test")
        >>> split_pairs(ids, [["DOID:1", "ORPHA:1", "OMIM:1"]])
        1
    """
    pairs = 0
    for group in groups:
        k = len({ids.find(c) for c in group if c in ids.parent})
        pairs += k * (k - 1) // 2
    return pairs
