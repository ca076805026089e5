"""HSDN: disease–symptom co-occurrence in the literature (MeSH symptoms, DO diseases), with
tf-idf weights."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, Edge, read_tsv

SOURCE = "hsdn"


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    columns = ["symptom_name", "cooccurs", "tfidf_score", "symptom_id", "doid_code", "doid_name"]
    symptoms: dict[str, str] = {}
    diseases: dict[str, str] = {}
    for row in read_tsv(data_dir / "hsdn" / "symptoms-DO.tsv", columns):
        symptom = f"MESH:{row['symptom_id']}"
        symptoms.setdefault(symptom, row["symptom_name"])
        diseases.setdefault(row["doid_code"], row["doid_name"])
        attrs = (
            ("weight", round(float(row["tfidf_score"]), 4)),
            ("cooccurrences", int(row["cooccurs"])),
        )
        out.edges.append(Edge(SOURCE, row["doid_code"], "hasPhenotype", symptom, attrs))
    out.concepts += [Concept(SOURCE, c, "Phenotype", label) for c, label in symptoms.items()]
    out.concepts += [Concept(SOURCE, c, "Disease", label) for c, label in diseases.items()]
    return out
