"""Official Chinese labels of HPO terms (hpo-translations). Adds labels to existing HPO nodes."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, read_tsv

SOURCE = "hpo_zh"
ANNOTATES_ONLY = ""  # class of concepts that only add to nodes other sources define


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    columns = ["subject_id", "predicate_id", "translation_value", "translation_status"]
    labels: dict[str, list[str]] = {}
    for row in read_tsv(data_dir / "hpo_zh" / "hp-zh.babelon.tsv", columns):
        if row["predicate_id"] != "rdfs:label" or not row["translation_value"]:
            continue
        if row["translation_status"] not in ("OFFICIAL", ""):
            out.note("unofficial translations skipped")
            continue
        labels.setdefault(row["subject_id"], []).append(row["translation_value"])
    out.concepts += [
        Concept(SOURCE, curie, ANNOTATES_ONLY, labels_zh=tuple(zh)) for curie, zh in labels.items()
    ]
    return out
