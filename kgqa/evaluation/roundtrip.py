"""Name round-trip: does each of a node's own names link back to it?

For a seeded sample of the English names (labels, synonyms, OMIM titles) of disease, drug and
gene nodes, the name alone is linked and the result compared with the node that carries it:

- ``acc_at_1``: a mention spanning the whole name links to that node;
- ``acc_any_named``: ... or to another node that carries the same name (a name two nodes
  share, "Hypertension" for the DO disease and the HPO phenotype, cannot say which it means).

Failures are sorted into kinds: no mention found, a mention covering only part of the name,
a node that shares the name, another node.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from kgqa.graph.store import KnowledgeGraph
from kgqa.stages import Linking

CLASSES = ("Disease", "Chemical", "Gene")
MIN_CHARS, MAX_CHARS = 3, 120


@dataclass(frozen=True)
class NameCase:
    iri: str
    name: str
    cls: str


def name_cases(kg: KnowledgeGraph, per_class: int, seed: int = 13) -> list[NameCase]:
    """``per_class`` names per class of :data:`CLASSES`, sampled with ``seed``."""
    by: dict[str, list[NameCase]] = defaultdict(list)
    for iri, name, _key, cls in kg.english_names():
        if cls in CLASSES and MIN_CHARS <= len(name) <= MAX_CHARS:
            by[cls].append(NameCase(iri, name, cls))
    rng = random.Random(seed)
    out = []
    for cls in CLASSES:
        cases = sorted(by[cls], key=lambda c: (c.iri, c.name))
        out += rng.sample(cases, min(per_class, len(cases)))
    return out


def evaluate_roundtrip(linker: Linking, kg: KnowledgeGraph, cases: list[NameCase],
                       examples: int = 8) -> dict[str, object]:  # fmt: skip
    """acc@1 and failure kinds per class (see the module docstring)."""
    mentions = linker.link_many([c.name for c in cases])
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, list[dict[str, str]]] = defaultdict(list)
    for case, found in zip(cases, mentions, strict=True):
        whole = [m for m in found if m.node is not None and m.start == 0
                 and m.end == len(case.name)]  # fmt: skip
        t = tally[case.cls]
        t["n"] += 1
        if whole and whole[0].node.iri == case.iri:  # type: ignore[union-attr]
            t["ok"] += 1
            t["ok_any"] += 1
            continue
        if whole:
            other = whole[0].node
            named = any(n.casefold() == case.name.casefold() for n, _ in kg.labels(other))
            kind = "a node sharing the name" if named else "another node"
            t["ok_any"] += named
        elif any(m.node is not None for m in found):
            kind = "part of the name"
        else:
            kind = "no mention"
        t[kind] += 1
        if len(shown[kind]) < examples:
            got = whole[0].node if whole else next((m.node for m in found if m.node), None)
            shown[kind].append({"name": case.name, "want": kg.node(case.iri).curie,  # type: ignore[union-attr]
                                "got": got.curie if got else ""})  # fmt: skip
    report: dict[str, object] = {}
    for cls, t in tally.items():
        n = t["n"]
        report[cls] = {
            "names": n,
            "acc_at_1": round(t["ok"] / n, 4),
            "acc_any_named": round(t["ok_any"] / n, 4),
            "failures": {k: v for k, v in t.most_common() if k not in ("n", "ok", "ok_any")},
        }
    report["examples"] = dict(shown)
    return report
