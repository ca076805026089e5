"""Chinese names composed from a modifier and a base term the graph already names in Chinese.

HPO names many terms as a modifier and a simpler term ("Recurrent fever", "Acquired
microcephaly", with "fever" and "microcephaly" terms of their own), and CHPO often translates
the two differently from how Chinese clinicians write them (Recurrent fever is 阵发性发热 in CHPO,
反复发热 at the bedside). A term whose English label or synonym is ``<modifier> <base>``, where
``<base>`` is another disease or phenotype's English name and that node has Chinese names, gets
each Chinese modifier joined to each of those names ("反复" + "发热" → 反复发热 on Recurrent
fever). A composed name that any node already has in Chinese, or that would name two nodes, is
left out: a composed name never takes a name from a node, nor adds an ambiguity.

Runs after identity resolution, on the merged nodes; the names are kept in their own source
(``composed_zh``), so every composed name shows where it came from.

Example:
    >>> compose("Recurrent fever"), compose("Fever")
    (('recurrent', 'fever'), None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kgqa.graph.build.common import Concept, Contribution

SOURCE = "composed_zh"
CLASSES = frozenset({"Disease", "Phenotype"})
# English modifier -> how Chinese clinical text writes it before a term
MODIFIERS: dict[str, tuple[str, ...]] = {
    "recurrent": ("反复", "复发性", "反复性"),
    "recurring": ("反复",),
    "episodic": ("发作性",),
    "intermittent": ("间歇性",),
    "acquired": ("获得性", "后天性"),
    "congenital": ("先天性",),
    "progressive": ("进行性",),
    "chronic": ("慢性",),
    "acute": ("急性",),
    "bilateral": ("双侧",),
    "unilateral": ("单侧",),
    "severe": ("严重", "重度"),
    "mild": ("轻度",),
    "moderate": ("中度",),
    "persistent": ("持续性",),
    "transient": ("短暂性", "一过性"),
    "generalized": ("全身性", "泛发性"),
    "focal": ("局灶性",),
    "secondary": ("继发性",),
    "primary": ("原发性",),
    "hereditary": ("遗传性",),
    "familial": ("家族性",),
    "multiple": ("多发性",),
    "painful": ("疼痛性",),
    "neonatal": ("新生儿",),
    "infantile": ("婴儿",),
    "juvenile": ("青少年",),
    "childhood": ("儿童",),
    "postnatal": ("出生后",),
}
# a base name to compose with: Chinese characters only (no lists, brackets or subtype tails)
_PLAIN = re.compile(r"[\u4e00-\u9fff]{2,}")
_SPLIT = re.compile(r"^(?P<mod>[A-Za-z]+)\s+(?P<base>\S.*)$")


def compose(name: str) -> tuple[str, str] | None:
    """(modifier, base) of an English name that starts with a known modifier, else None."""
    m = _SPLIT.match(name.strip())
    if m is None or m["mod"].casefold() not in MODIFIERS:
        return None
    return m["mod"].casefold(), m["base"].casefold()


def composed_names(
    nodes: Iterable[tuple[str, str, Iterable[str], Iterable[str]]],
) -> dict[str, tuple[str, ...]]:
    """node -> its composed Chinese names, from (node, class, English names, Chinese names)
    of every node. Only disease and phenotype nodes take part."""
    rows = [(n, cls, list(en), list(zh)) for n, cls, en, zh in nodes if cls in CLASSES]
    taken = {z for _, _, _, zh in rows for z in zh}  # every Chinese name some node has
    zh_of_en: dict[str, set[tuple[str, str]]] = {}  # English name -> (node, Chinese name)
    for node, _, en, zh in rows:
        plain = [z for z in zh if _PLAIN.fullmatch(z)]
        for name in en:
            zh_of_en.setdefault(name.casefold(), set()).update((node, z) for z in plain)
    proposed: dict[str, set[str]] = {}  # composed name -> nodes it would name
    for node, _, en, _ in rows:
        for mod, base in filter(None, map(compose, en)):
            for base_node, zh in zh_of_en.get(base, ()):
                if base_node == node or any(p in zh for p in MODIFIERS[mod]):
                    continue  # a synonym of the node itself; the modifier said already
                for prefix in MODIFIERS[mod]:
                    proposed.setdefault(prefix + zh, set()).add(node)
    out: dict[str, list[str]] = {}
    for name, owners in sorted(proposed.items()):
        if name not in taken and len(owners) == 1:
            out.setdefault(next(iter(owners)), []).append(name)
    return {n: tuple(v) for n, v in out.items()}


def contribution(
    concepts: dict[str, list[Concept]],
    canon: Callable[[str], str | None],
    cls_of: Callable[[str], str],
) -> Contribution:
    """The composed names as a contribution of Chinese labels on the merged nodes
    (``canon``: a CURIE's node, None for one no source defines; ``cls_of``: a node's class)."""
    en: dict[str, set[str]] = {}
    zh: dict[str, set[str]] = {}
    for curie, views in concepts.items():
        node = canon(curie)
        if node is None:
            continue
        for v in views:
            en.setdefault(node, set()).update(x for x in (v.label, *v.synonyms) if x)
            zh.setdefault(node, set()).update(v.labels_zh)
    names = composed_names((n, cls_of(n), en[n], zh.get(n, ())) for n in sorted(en))
    out = Contribution(SOURCE)
    out.concepts += [Concept(SOURCE, node, "", labels_zh=v) for node, v in sorted(names.items())]
    out.note("composed names", sum(map(len, names.values())))
    out.note("nodes with composed names", len(names))
    return out


__all__ = ["MODIFIERS", "SOURCE", "compose", "composed_names", "contribution"]
