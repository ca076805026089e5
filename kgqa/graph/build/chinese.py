"""Chinese names of rare diseases (PhenoBrain's tables, from CHPO and China's first national
rare-disease list): Chinese labels on OMIM and Orphanet disease nodes, and the list's ids
(``CCRD:<n>``) on the nodes they match exactly. A list entry that matches nothing exactly
becomes a disease node of its own, with the diseases it covers as its subclasses."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kgqa.errors import DataError
from kgqa.graph.build.common import SUBCLASS, Concept, Contribution, Edge, require
from kgqa.text import CJK

SOURCE = "chinese"
ANNOTATES_ONLY = ""
FILES = (
    "omim_zh.json", "orphanet_zh.json", "ccrd_conpendium_hpo.json", "ccrd_ccrd_to_omim.json",
    "ccrd_ccrd_to_orpha.json",
)  # fmt: skip
_PAREN = re.compile(r"[（(]([^（）()]*)[）)]")
_SPLIT = re.compile(r"\s*[；;]\s*")


def zh_names(raw: str) -> tuple[str, ...]:
    """The Chinese names in one table cell: alternatives split on semicolons, bracketed
    non-Chinese short forms dropped, entries without a Chinese character left out.

    Example:
        >>> zh_names("Chudley-mccullough综合征；CMCS")
        ('Chudley-mccullough综合征',)
        >>> zh_names("X染色体相关的精神发育迟滞-肌张力减退综合征1型（MRXHF1）")
        ('X染色体相关的精神发育迟滞-肌张力减退综合征1型',)
        >>> zh_names("颅脑小脑心血管发育不全综合征，3C综合征")
        ('颅脑小脑心血管发育不全综合征，3C综合征',)
    """
    out: list[str] = []
    for part in _SPLIT.split(raw.strip()):
        part = _PAREN.sub(lambda m: m.group(0) if CJK.search(m.group(1)) else "", part).strip()
        part = part.strip("，,、 ")
        if part and CJK.search(part) and part not in out:
            out.append(part)
    return tuple(out)


def _load(path: Path) -> dict[str, Any]:
    require(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected an object keyed by id")
    return data


def _names(path: Path, record: Any, key: str) -> dict[str, str]:
    if not isinstance(record, dict):
        raise DataError(f"{path}: the entry {key!r} is not an object with CNS_NAME / ENG_NAME")
    return {k: str(record.get(k) or "") for k in ("CNS_NAME", "ENG_NAME")}


def read(data_dir: Path) -> Contribution:
    d = data_dir / "chinese"
    out = Contribution(SOURCE)
    for name, prefix in (("omim_zh.json", "OMIM:"), ("orphanet_zh.json", "ORPHA:")):
        path = d / name
        for curie, record in _load(path).items():
            if not curie.startswith(prefix):
                out.note(f"{name}: ids without the {prefix} prefix")
                continue
            zh = zh_names(_names(path, record, curie)["CNS_NAME"])
            if zh:
                out.concepts.append(Concept(SOURCE, curie, ANNOTATES_ONLY, labels_zh=zh))

    path = d / "ccrd_conpendium_hpo.json"
    entries = _load(path)
    matches: dict[str, list[tuple[str, str]]] = {}
    for name in ("ccrd_ccrd_to_orpha.json", "ccrd_ccrd_to_omim.json"):
        for ccrd, targets in _load(d / name).items():
            for target in targets:
                if not (isinstance(target, list) and len(target) == 2):
                    raise DataError(f"{d / name}: {ccrd}: expected [id, E|BTNT] pairs")
                matches.setdefault(ccrd, []).append((str(target[0]), str(target[1])))
    for ccrd, record in entries.items():
        names = _names(path, record, ccrd)
        zh = zh_names(names["CNS_NAME"])
        english = [n.strip() for n in names["ENG_NAME"].split(";") if n.strip()]
        exact = [t for t, kind in matches.get(ccrd, []) if kind == "E"]
        broader = [t for t, kind in matches.get(ccrd, []) if kind != "E"]
        if exact:
            out.concepts += [
                Concept(SOURCE, t, ANNOTATES_ONLY, alias_ids=(ccrd,), labels_zh=zh) for t in exact
            ]
            out.note("list entries matching a disease exactly", 1)
            continue
        label = english[0] if english else None
        out.concepts.append(
            Concept(SOURCE, ccrd, "Disease", label, tuple(english[1:]), labels_zh=zh)
        )
        out.edges += [Edge(SOURCE, t, SUBCLASS, ccrd, (("origin", "CCRD"),)) for t in broader]
        out.note("list entries as disease nodes of their own", 1)
    return out
