"""Focus linking on MedQuAD questions: does the question's focus (its UMLS CUIs, through the
graph's UMLS cross-references) come out of ``link`` as a linked node?

One question per document (its first that names the focus), from the held-out split by default.
"""

from __future__ import annotations

from pathlib import Path

from kgqa.datasets.medquad import read_medquad
from kgqa.linking.candidates import NIL_THRESHOLD


def evaluate_focus(
    linker,
    data_dir: Path,
    split: str = "dev",
    limit: int | None = None,
) -> dict[str, float | int]:
    items, seen = [], set()
    for item in read_medquad(data_dir):
        if item.split != split or not item.cuis or item.doc_id in seen:
            continue
        seen.add(item.doc_id)
        items.append(item)
    if limit:
        items = items[:limit]
    golds = [{n.iri for n in linker.kg.lookup_ids(f"UMLS:{c}" for c in it.cuis)} for it in items]
    scored = [(it, g) for it, g in zip(items, golds, strict=True) if g]
    results = linker.link_many([it.question for it, _ in scored])
    at1 = at5 = nil = 0
    for (_, gold), mentions in zip(scored, results, strict=True):
        tops = [m.candidates[0] for m in mentions if m.candidates]
        if any(c.node.iri in gold and c.score >= NIL_THRESHOLD for c in tops):
            at1 += 1
        if any(c.node.iri in gold for m in mentions for c in m.candidates[:5]):
            at5 += 1
        if not any(c.score >= NIL_THRESHOLD for c in tops):
            nil += 1
    n = len(scored)
    return {
        "questions": len(items),
        "focus_in_graph": round(n / len(items), 4) if items else 0.0,
        "acc_at_1": round(at1 / n, 4) if n else 0.0,
        "acc_at_5": round(at5 / n, 4) if n else 0.0,
        "no_linked_mention": round(nil / n, 4) if n else 0.0,
    }
