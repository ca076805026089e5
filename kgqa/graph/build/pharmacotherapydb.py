"""PharmacotherapyDB: physician-curated indications (treats, palliates, not indicated)."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, Edge, read_tsv

SOURCE = "pharmacotherapydb"
CATEGORY_RELATION = {"DM": "treats", "SYM": "palliates", "NOT": "notIndicatedFor"}


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    columns = ["doid_id", "drugbank_id", "disease", "drug", "category", "n_curators", "n_resources"]
    drugs: dict[str, str] = {}
    diseases: dict[str, str] = {}
    for row in read_tsv(data_dir / "pharmacotherapydb" / "indications.tsv", columns):
        relation = CATEGORY_RELATION.get(row["category"])
        if relation is None:
            out.note(f"unknown category {row['category']!r}")
            continue
        drug = f"DRUGBANK:{row['drugbank_id']}"
        drugs.setdefault(drug, row["drug"])
        diseases.setdefault(row["doid_id"], row["disease"])
        attrs = (
            ("curators", int(row["n_curators"] or 0)),
            # how many of the indication resources the curators read list it
            ("resources", int(row["n_resources"] or 0)),
            ("origin", f"{row['n_resources']} resources"),
        )
        out.edges.append(Edge(SOURCE, drug, relation, row["doid_id"], attrs))
    out.concepts += [Concept(SOURCE, c, "Chemical", label) for c, label in drugs.items()]
    out.concepts += [Concept(SOURCE, c, "Disease", label) for c, label in diseases.items()]
    return out
