"""HSDN: disease–symptom co-occurrence in the literature (MeSH symptoms, DO diseases), with
tf-idf weights."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, Edge, read_tsv

SOURCE = "hsdn"
# MeSH's headings of a measure, not a finding: "Body Weight" co-occurs with 107 diseases and
# came first among hypothyroidism's symptoms, "Birth Weight" among anemia's (its changes,
# "Weight Gain", "Weight Loss", "Overweight", are findings and stay)
MEASURES = frozenset({"D001835", "D001724", "D020567"})  # Body, Birth, Fetal Weight


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    columns = ["symptom_name", "cooccurs", "tfidf_score", "symptom_id", "doid_code", "doid_name"]
    symptoms: dict[str, str] = {}
    diseases: dict[str, str] = {}
    for row in read_tsv(data_dir / "hsdn" / "symptoms-DO.tsv", columns):
        if row["symptom_id"] in MEASURES:
            out.note("co-occurrences with a measure, not a finding (left out)")
            continue
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
