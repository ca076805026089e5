"""GWAS Catalog (June 2015, mapped to the Disease Ontology by Himmelstein et al.): lead SNPs
as variant nodes associated with their disease (p-value, PubMed id, sample size), with the genes
that contain them and the genes the study reported; and gene-level associations with the
catalog's confidence class (HC-P: high confidence, primary ...)."""

from __future__ import annotations

from pathlib import Path

from kgqa.errors import DataError
from kgqa.graph.build.common import AttrValue, Concept, Contribution, Edge, read_tsv

SOURCE = "gwas"
FILES = ("snp-associations.tsv", "gene-associations.tsv")
SNP_COLUMNS = [
    "doid_code", "doid_name", "pubmed_id", "date", "containing_genes", "lead_snp",
    "mlog_pvalue", "reported_genes", "cases", "controls", "samples", "high_confidence",
]  # fmt: skip
GENE_COLUMNS = ["doid_code", "doid_name", "high_confidence", "primary", "status", "gene", "symbol"]


def _count(raw: str) -> int | None:
    try:
        return int(float(raw)) if raw else None
    except ValueError:
        return None


def _genes(raw: str) -> list[str]:
    return [f"NCBIGene:{g}" for g in raw.replace(",", "|").split("|") if g.strip().isdigit()]


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    d = data_dir / "gwas"
    diseases: dict[str, str] = {}
    genes: dict[str, str] = {}
    variants: set[str] = set()
    seen: set[tuple[str, str, str]] = set()
    located: set[tuple[str, str, str]] = set()
    for row in read_tsv(d / "snp-associations.tsv", SNP_COLUMNS):
        rsid, doid = row["lead_snp"], row["doid_code"]
        if not rsid.startswith("rs") or not doid.startswith("DOID:"):
            out.note("rows without an rsID or DOID")
            continue
        try:
            mlog = float(row["mlog_pvalue"]) if row["mlog_pvalue"] else None
        except ValueError:
            raise DataError(
                f"{d / 'snp-associations.tsv'}: mlog_pvalue {row['mlog_pvalue']!r} of {rsid} "
                "is not a number"
            ) from None
        variant = f"dbSNP:{rsid}"
        variants.add(variant)
        diseases.setdefault(doid, row["doid_name"])
        key = (doid, variant, row["pubmed_id"])
        if key not in seen:  # one row per reported gene: one statement per study
            seen.add(key)
            attrs: list[tuple[str, AttrValue]] = []
            if mlog is not None:
                attrs += [("pValue", float(f"{10.0**-mlog:.3g}")), ("mlogPValue", mlog)]
            if row["pubmed_id"]:
                attrs.append(("reference", f"PMID:{row['pubmed_id']}"))
            for col in ("samples", "cases", "controls"):
                n = _count(row[col])
                if n is not None:
                    attrs.append((col, n))
            if row["date"]:
                attrs.append(("date", row["date"]))
            attrs.append(("confidence", "high" if row["high_confidence"] == "1" else "low"))
            out.edges.append(Edge(SOURCE, doid, "associatedWithVariant", variant, tuple(attrs)))
        for relation, col in (("variantInGene", "containing_genes"),
                              ("variantReportedGene", "reported_genes")):  # fmt: skip
            for gene in _genes(row[col]):
                if (variant, relation, gene) not in located:
                    located.add((variant, relation, gene))
                    out.edges.append(Edge(SOURCE, variant, relation, gene))
    for row in read_tsv(d / "gene-associations.tsv", GENE_COLUMNS):
        if not row["gene"].isdigit() or not row["doid_code"].startswith("DOID:"):
            out.note("gene rows without an Entrez id or DOID")
            continue
        diseases.setdefault(row["doid_code"], row["doid_name"])
        attrs = (("confidence", row["status"]), ("origin", "GWAS Catalog"))
        gene = f"NCBIGene:{row['gene']}"
        out.edges.append(Edge(SOURCE, row["doid_code"], "associatedWithGene", gene, attrs))
        genes.setdefault(gene, row["symbol"])
    out.concepts += [Concept(SOURCE, g, "Gene", label or None) for g, label in genes.items()]
    out.concepts += [Concept(SOURCE, v, "Variant", v.split(":", 1)[1]) for v in sorted(variants)]
    out.concepts += [Concept(SOURCE, c, "Disease", label) for c, label in diseases.items()]
    return out
