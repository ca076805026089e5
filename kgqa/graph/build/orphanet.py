"""Orphanet Rare Disease Ontology (ORDO 2.6, OBO-JSON): disorders with definitions and synonyms,
their is-a hierarchy, gene–disorder associations with Orphanet's association type, point and
birth prevalence classes, age of onset and inheritance.

Onsets and inheritance modes are mapped onto HPO terms (``hasClinicalCourse``,
``hasInheritance``), so a disease shows one vocabulary for them whatever the source. Genes are
named by their HGNC symbol and reach existing gene nodes only. Each gene's HGNC id joins the
gene node of its symbol (by name), bringing the gene's approved name ("fibrillin 1" on FBN1),
which names it only where no other node goes by that name ("insulin" stays the drug's); a gene
whose symbol names no gene node adds nothing. ORDO's other gene synonyms (old symbols, and
disease names such as "Marfan syndrome" on FBN1) are not read.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from kgqa.errors import DataError
from kgqa.graph.build.common import SUBCLASS, Concept, Contribution, Edge, find_ref, require

SOURCE = "orphanet"
FILE = "orphanet/ordo-2_6-2018-07-12.json.gz"
ORDO = "http://www.orpha.net/ORDO/Orphanet_"
NOTATION = "#notation"
SYMBOL = "#symbol"
HGNC = "HGNC:"
# Orphanet's gene-disorder association types kept (candidate genes and biomarkers are not).
GENE_ASSOCIATIONS = {
    "317343": "Disease-causing germline mutation(s) in",
    "410295": "Disease-causing germline mutation(s) (loss of function) in",
    "410296": "Disease-causing germline mutation(s) (gain of function) in",
    "317344": "Disease-causing somatic mutation(s) in",
    "317345": "Major susceptibility factor in",
    "317346": "Modifying germline mutation in",
    "317349": "Role in the phenotype of",
    "317348": "Part of a fusion gene in",
}
ONSET = "C017"
INHERITANCE = "C016"
PREVALENCE = {"C025": "point prevalence", "C026": "birth prevalence"}
UNKNOWN_PREVALENCE = "Unknown_epidemiological_range"
ONSET_HPO = {
    "antenatal": "HP:0030674", "neonatal": "HP:0003623", "infancy": "HP:0003593",
    "childhood": "HP:0011463", "adolescent": "HP:0003621", "adult": "HP:0003581",
    "elderly": "HP:0003584",
}  # fmt: skip
INHERITANCE_HPO = {
    "autosomal recessive": "HP:0000007", "autosomal dominant": "HP:0000006",
    "x-linked recessive": "HP:0001419", "x-linked dominant": "HP:0001423",
    "mitochondrial inheritance": "HP:0001427", "multigenic/multifactorial": "HP:0001426",
    "y-linked": "HP:0001450", "semi-dominant": "HP:0032113", "oligogenic": "HP:0010983",
}  # fmt: skip
ALIAS_XREFS = ("UMLS:", "ICD10:")


def _load(path: Path) -> dict[str, Any]:
    require(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            graph = json.load(fh)["graphs"][0]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise DataError(f"{path} is not an OBO-JSON graph: {exc}") from exc
    if not isinstance(graph, dict) or not {"nodes", "edges"} <= graph.keys():
        raise DataError(f"{path} is not an OBO-JSON graph: no nodes and edges")
    return graph


def _props(node: dict[str, Any]) -> dict[str, str]:
    return {
        p["pred"].rsplit("/", 1)[-1].split("owl", 1)[-1]: p["val"]
        for p in node.get("meta", {}).get("basicPropertyValues", [])
    }


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    graph = _load(data_dir / FILE)
    disorders: dict[str, str] = {}  # ORDO IRI -> ORPHA curie
    symbols: dict[str, str] = {}  # ORDO gene IRI -> HGNC symbol
    labels: dict[str, str] = {}
    for node in graph["nodes"]:
        iri, label = node.get("id", ""), node.get("lbl")
        if label:
            labels[iri] = label
        props = _props(node)
        if SYMBOL in props:
            symbols[iri] = symbol = props[SYMBOL]
            hgnc = [x["val"] for x in node.get("meta", {}).get("xrefs", [])
                    if str(x.get("val", "")).startswith(HGNC)]  # fmt: skip
            if len(hgnc) == 1 and symbol:
                named = (label,) if label and label != symbol else ()
                out.concepts.append(Concept(SOURCE, hgnc[0], "Gene", symbol, named))
            continue
        notation = props.get(NOTATION, "")
        if not notation.startswith("ORPHA:") or not label:
            continue
        disorders[iri] = notation
        meta = node.get("meta", {})
        synonyms = tuple(
            s["val"] for s in meta.get("synonyms", []) if s.get("pred") == "hasExactSynonym"
        )
        aliases = tuple(
            x["val"] for x in meta.get("xrefs", [])
            if x.get("val", "").startswith(ALIAS_XREFS)
        )  # fmt: skip
        definition = meta.get("definition", {}).get("val")
        out.concepts.append(
            Concept(SOURCE, notation, "Disease", label, synonyms, aliases, definition)
        )
    prevalence: dict[str, str] = {}
    for edge in graph["edges"]:
        sub, pred, obj = edge.get("sub", ""), edge.get("pred", ""), edge.get("obj", "")
        code = pred[len(ORDO) :] if pred.startswith(ORDO) else pred
        if code == "is_a":
            if sub in disorders and obj in disorders:
                out.edges.append(Edge(SOURCE, disorders[sub], SUBCLASS, disorders[obj]))
        elif code in GENE_ASSOCIATIONS:
            if obj in disorders and sub in symbols:
                attrs = (("associationType", GENE_ASSOCIATIONS[code]),)
                gene = find_ref("Gene", symbols[sub])
                out.edges.append(Edge(SOURCE, disorders[obj], "associatedWithGene", gene, attrs))
        elif code == ONSET and sub in disorders:
            term = ONSET_HPO.get(labels.get(obj, "").lower())
            if term:
                attrs = (("onset", labels[obj]),)
                out.edges.append(Edge(SOURCE, disorders[sub], "hasClinicalCourse", term, attrs))
            else:
                out.note("onsets without an HPO term (all ages, no data)")
        elif code == INHERITANCE and sub in disorders:
            term = INHERITANCE_HPO.get(labels.get(obj, "").lower())
            if term:
                out.edges.append(Edge(SOURCE, disorders[sub], "hasInheritance", term))
            else:
                out.note("inheritance without an HPO term (unknown, not inherited)")
        elif code in PREVALENCE and sub in disorders:
            label = labels.get(obj, "")
            if not label or label == UNKNOWN_PREVALENCE:
                out.note("unknown prevalence classes")
                continue
            prevalence[obj] = label
            attrs = (("kind", PREVALENCE[code]),)
            target = f"ORPHA:{obj[len(ORDO) :]}"
            out.edges.append(Edge(SOURCE, disorders[sub], "hasPrevalence", target, attrs))
        else:
            out.note("edges of other kinds")
    out.concepts += [
        Concept(SOURCE, f"ORPHA:{iri[len(ORDO) :]}", "Prevalence", label)
        for iri, label in sorted(prevalence.items())
    ]
    out.note("disorders", len(disorders))
    return out
