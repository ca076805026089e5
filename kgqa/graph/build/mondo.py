"""Mondo's curated exact matches (SSSOM): identity evidence between disease vocabularies.

Each Mondo class maps to at most one id of each vocabulary. The ids of one Mondo class that
kgqa keeps as nodes (DOID, OMIM, Orphanet, MeSH) are claimed to be one concept; the builder
applies the claims under the same union-find guards as every other identity rule (no class
conflict, never two ids of one prefix in a node), after the Disease Ontology's own 1:1
cross-references and before the name rules. The Mondo id itself and its UMLS, NCIt, EFO and
ICD-10-CM matches become ids of that node (so a UMLS CUI of an indication finds its disease).

Mondo's own label is often the name people use where the vocabularies kgqa keeps have older
or longer ones (DO calls G6PD deficiency *glucosephosphate dehydrogenase deficiency*, with no
synonym): it is a synonym of the class's first node (DOID, then OMIM, Orphanet, MeSH), kept by
the builder only where it names no other node
(:func:`kgqa.graph.build.builder._free_names_only`). The matched vocabularies' labels are not
taken: NCIt's *Charcot-Marie-Tooth Disease Type 2A*, matched to type 2A1, would name a subtype
that people mean by type 2A2 as often.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from kgqa.graph.build.common import Concept, Contribution, SameAs, read_tsv

SOURCE = "mondo"
ANNOTATES_ONLY = ""
FILES = tuple(
    f"mondo_exactmatch_{v}.sssom.tsv"
    for v in ("doid", "omim", "orphanet", "mesh", "umls", "ncit", "efo", "icd10cm")
)
# object prefix as Mondo writes it -> our prefix
PREFIX = {
    "DOID": "DOID", "OMIM": "OMIM", "Orphanet": "ORPHA", "mesh": "MESH", "MESH": "MESH",
    "UMLS": "UMLS", "NCIT": "NCIT", "EFO": "EFO", "ICD10CM": "ICD10CM",
}  # fmt: skip
NODE_PREFIXES = ("DOID", "OMIM", "ORPHA", "MESH")
REASON = "Mondo exact match"


def normalize(curie: str) -> str | None:
    """Our CURIE for a Mondo mapping object, or None for prefixes kgqa does not keep.

    Example:
        >>> normalize("Orphanet:558"), normalize("mesh:D008382"), normalize("GARD:1")
        ('ORPHA:558', 'MESH:D008382', None)
    """
    prefix, _, local = curie.strip().partition(":")
    mapped = PREFIX.get(prefix)
    return f"{mapped}:{local}" if mapped and local else None


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    matches: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for name in FILES:
        for row in read_tsv(data_dir / "mondo" / name, ["subject_id", "object_id"], comment="#"):
            if not row["subject_id"].startswith("MONDO:"):
                out.note("rows whose subject is not a Mondo id")
                continue
            curie = normalize(row["object_id"])
            if curie is None:
                out.note("objects with unkept prefixes")
                continue
            matches.setdefault(row["subject_id"], set()).add(curie)
            names.setdefault(row["subject_id"], set()).add((row.get("subject_label") or "").strip())
    for mondo_id, targets in sorted(matches.items()):
        nodes = sorted(t for t in targets if t.startswith(NODE_PREFIXES))
        if not nodes:
            out.note("Mondo classes matching no node vocabulary")
            continue
        aliases = (mondo_id, *sorted(t for t in targets if t not in nodes))
        first = min(nodes, key=lambda n: (NODE_PREFIXES.index(n.split(":", 1)[0]), n))
        # an obsolete class's label says so ("obsolete genetic erythrokeratoderma"): no name;
        # nor a class matching two ids of one vocabulary (*eye disorder*: DO's eye disease and
        # globe disease), whose names could be either's
        prefixes = [n.split(":", 1)[0] for n in nodes]
        one_each = len(set(prefixes)) == len(prefixes)
        synonyms = tuple(sorted(n for n in names.get(mondo_id, ()) if one_each and n
                                and not n.casefold().startswith("obsolete")))  # fmt: skip
        out.concepts += [
            Concept(SOURCE, n, ANNOTATES_ONLY, alias_ids=aliases,
                    synonyms=synonyms if n == first else ())
            for n in nodes
        ]  # fmt: skip
        out.same_as += [SameAs(SOURCE, a, b, REASON, mondo_id) for a, b in combinations(nodes, 2)]
    out.note("Mondo classes", len(matches))
    return out
