"""Hetionet node names: compounds (DrugBank), anatomy (Uberon), genes (Entrez), symptoms (MeSH)
and diseases (DO)."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, read_tsv

SOURCE = "hetionet"
KIND = {
    "Compound": ("DRUGBANK", "Chemical"),
    "Anatomy": ("", "Anatomy"),
    "Gene": ("NCBIGene", "Gene"),
    "Symptom": ("MESH", "Phenotype"),
    "Disease": ("", "Disease"),
}


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    for row in read_tsv(data_dir / "hetionet" / "nodes.tsv", ["id", "name", "kind"]):
        if row["kind"] not in KIND:
            out.note(f"{row['kind']} nodes not kept")
            continue
        prefix, cls = KIND[row["kind"]]
        local = row["id"].split("::", 1)[1]
        curie = f"{prefix}:{local}" if prefix else local
        out.concepts.append(Concept(SOURCE, curie, cls, row["name"]))
    return out
