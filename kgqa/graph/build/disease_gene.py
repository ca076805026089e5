"""Disease–gene associations integrated by Himmelstein et al. (DISEASES, DisGeNET, ...),
each row with its own licence, which the statement keeps."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, Edge, read_tsv

SOURCE = "disease_gene"


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    columns = ["doid_id", "doid_name", "entrez_gene_id", "gene_symbol", "sources", "license"]
    genes: dict[str, str] = {}
    diseases: dict[str, str] = {}
    for row in read_tsv(data_dir / "disease_gene" / "DaG-association.tsv", columns):
        gene = f"NCBIGene:{row['entrez_gene_id']}"
        genes.setdefault(gene, row["gene_symbol"])
        diseases.setdefault(row["doid_id"], row["doid_name"])
        attrs = (("origin", row["sources"]), ("licence", row["license"] or "unspecified"))
        out.edges.append(Edge(SOURCE, row["doid_id"], "associatedWithGene", gene, attrs))
    out.concepts += [Concept(SOURCE, c, "Gene", label) for c, label in genes.items()]
    out.concepts += [Concept(SOURCE, c, "Disease", label) for c, label in diseases.items()]
    return out
