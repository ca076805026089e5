"""Human Disease Ontology reports: classes, hierarchy, cross-references, logical axioms and the
disease–symptom table.

Identity: a DO class and an OMIM / Orphanet / MeSH id are declared the same concept only when
the cross-reference is one-to-one (the DO class lists one id of that prefix and no other DO class
lists it). When a DO class lists several OMIM or Orphanet ids, each is made a subclass of it.
A MeSH id listed by several DO classes goes to the one that is an ancestor of all the others
(see ``resolve_mesh_xrefs``).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from kgqa.graph.build.common import (
    SUBCLASS,
    AttrValue,
    Concept,
    Contribution,
    Edge,
    SameAs,
    name_ref,
    one_to_one,
    reachable,
    read_tsv,
)

logger = logging.getLogger(__name__)

SOURCE = "doid"
# DO xref prefix -> our CURIE prefix
XREF_PREFIX = {
    "MIM": "OMIM",
    "ORDO": "ORPHA",
    "MESH": "MESH",
    "UMLS_CUI": "UMLS",
    "GARD": "GARD",
    "ICD10CM": "ICD10CM",
    "ICD9CM": "ICD9CM",
    "ICD11": "ICD11",
    "NCI": "NCIT",
    "ICDO": "ICDO",
    "EFO": "EFO",
    "KEGG": "KEGG",
    "MEDDRA": "MEDDRA",
}
MERGED_PREFIXES = ("OMIM", "ORPHA", "MESH")
_AXIOM = re.compile(r"^'([^']+)' some (?:'([^']+)'|([\w\-,()]+))$")
# one restriction of a union: "('has material basis in' some 'Poliovirus 1')"
_ALTERNATIVE = re.compile(r"\('([^']+)' some (?:'([^']+)'|([\w\-,]+))\)")
# NCBI Taxonomy's rank that tells a genus from a namesake ("Plasmodium <genus>"): no one writes
# it, and the name without it is what links ("Malaria is caused by Plasmodium")
_TAXON_RANK = re.compile(r"\s*<[a-z ]+>$")
# Cell Ontology terms among the material bases ("lymphocyte", "T cell", "lymphocyte of B lineage")
_CELL_TYPE = re.compile(r"(?:cyte|\bcell|\blineage)$")
AXIOM_RELATION = {
    "has symptom": ("hasPhenotype", "Phenotype"),
    "has phenotype": ("hasPhenotype", "Phenotype"),
    "disease has location": ("locatedIn", "Anatomy"),
    "has material basis in": ("causedBy", "Cause"),
    "has allergic trigger": ("causedBy", "Cause"),
    "has disease driver": ("causedBy", "Cause"),
    "transmitted by": ("transmittedBy", "Cause"),
}


def normalize_xref(raw: str) -> str | None:
    """Our CURIE for a DO cross-reference, or None for prefixes we do not keep.

    Example:
        >>> [normalize_xref(x) for x in ("MIM:601665", "ORDO:98861", "UMLS_CUI:C0002395")]
        ['OMIM:601665', 'ORPHA:98861', 'UMLS:C0002395']
    """
    prefix, _, local = raw.strip().partition(":")
    if not local:
        return None
    if prefix.startswith("SNOMEDCT_US"):
        return f"SNOMEDCT_US:{local}"
    if prefix == "MIM" and local.startswith("PS"):
        return f"OMIMPS:{local}"
    mapped = XREF_PREFIX.get(prefix)
    return f"{mapped}:{local}" if mapped else None


def resolve_mesh_xrefs(
    pairs: list[tuple[str, str]], parents: dict[str, list[str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Settle the (DO class, MeSH id) pairs that are not one-to-one; returns (merge, leave).

    A MeSH id listed by several DO classes belongs to the one that is an ancestor of all the
    others (MeSH *Breast Neoplasms* is listed by "breast cancer" and its child "breast
    carcinoma"). A DO class may then take several MeSH ids: supplementary concepts (``C``)
    always, a descriptor (``D``) only when it lists no other, since two descriptors are two
    MeSH concepts (the name rules may still merge one of them later).

    Example:
        >>> parents = {"DOID:2": ["DOID:1"]}
        >>> resolve_mesh_xrefs([("DOID:1", "MESH:D1"), ("DOID:2", "MESH:D1")], parents)
        ([('DOID:1', 'MESH:D1')], [('DOID:2', 'MESH:D1')])
    """
    by_mesh: dict[str, set[str]] = {}
    for doid, x in pairs:
        by_mesh.setdefault(x, set()).add(doid)
    owner: dict[str, str] = {}
    for x, doids in by_mesh.items():
        tops = [a for a in doids if all(b == a or a in reachable(b, parents) for b in doids)]
        if len(tops) == 1:
            owner[x] = tops[0]
    descriptors: dict[str, int] = {}
    for doid, x in set(pairs):
        if x.startswith("MESH:D"):
            descriptors[doid] = descriptors.get(doid, 0) + 1
    merge = sorted(
        (doid, x) for x, doid in owner.items()
        if not x.startswith("MESH:D") or descriptors[doid] == 1
    )  # fmt: skip
    keep = set(merge)
    return merge, sorted(p for p in set(pairs) if p not in keep)


def read(data_dir: Path) -> Contribution:
    d = data_dir / "disease_ontology"
    out = Contribution(SOURCE)
    labels: dict[str, str] = {}
    parents: dict[str, list[str]] = {}
    for row in read_tsv(d / "HumanDO.tsv", ["id", "label", "subClassOf"]):
        labels[row["id"]] = row["label"]
        if row["subClassOf"]:
            parents.setdefault(row["id"], []).append(row["subClassOf"])
    by_label: dict[str, str] = {}
    for doid, label in labels.items():
        by_label.setdefault(label, doid)

    xrefs: dict[str, list[str]] = {}
    for row in read_tsv(d / "allXREFinDO.tsv", ["id", "xref"]):
        for raw in row["xref"].split(","):
            curie = normalize_xref(raw)
            if curie:
                xrefs.setdefault(row["id"], []).append(curie)
            else:
                out.note("xrefs with unkept prefixes")

    merged: set[tuple[str, str]] = set()
    for prefix in MERGED_PREFIXES:
        pairs = [(doid, x) for doid, xs in xrefs.items() for x in xs if x.startswith(prefix + ":")]
        unique, rest = one_to_one(pairs)
        merged.update(unique)
        out.same_as += [SameAs(SOURCE, doid, x, f"DO xref 1:1 {prefix}") for doid, x in unique]
        out.note(f"{prefix} xrefs 1:1 (merged)", len(unique))
        if prefix == "MESH":
            parent_ids = {
                doid: [by_label[p] for p in ps if p in by_label] for doid, ps in parents.items()
            }
            resolved, left = resolve_mesh_xrefs(rest, parent_ids)
            merged.update(resolved)
            out.same_as += [
                SameAs(SOURCE, doid, x, "DO xref MESH, most general of its DO classes")
                for doid, x in resolved
            ]
            out.note("MESH xrefs resolved to the most general DO class (merged)", len(resolved))
            out.note("MESH xrefs not 1:1 (left separate)", len(left))
            continue
        per_x: dict[str, list[str]] = {}
        for doid, x in rest:
            per_x.setdefault(x, []).append(doid)
        for x, doids in per_x.items():
            if len(doids) == 1:
                out.edges.append(Edge(SOURCE, x, SUBCLASS, doids[0], (("origin", "DO xref"),)))
                out.note(f"{prefix} xrefs under a broader DO class (subclass edge)")
            else:
                out.note(f"{prefix} ids listed by several DO classes (left separate)")

    for doid, label in labels.items():
        aliases = tuple(
            x
            for x in xrefs.get(doid, [])
            if not x.startswith(MERGED_PREFIXES) or (doid, x) in merged
        )
        out.concepts.append(Concept(SOURCE, doid, "Disease", label, (), aliases))
        for parent_label in parents.get(doid, []):
            parent = by_label.get(parent_label)
            if parent:
                out.edges.append(Edge(SOURCE, doid, SUBCLASS, parent))
            else:
                out.note("parents not found by label")

    _read_axioms(d / "DO-subClassOf-anonymous.tsv", out)
    _read_symptoms(d / "disease-symptom.tsv", out)
    anatomy = d / "DO-ICDO-anatomy.tsv"
    if anatomy.is_file():
        for row in read_tsv(anatomy, ["anatomy_id", "anatomy_label"]):
            if row["anatomy_id"].startswith("UBERON:"):
                out.concepts.append(
                    Concept(SOURCE, row["anatomy_id"], "Anatomy", row["anatomy_label"])
                )
    return out


def _alternatives(axiom: str) -> list[tuple[str, str]]:
    """The (relation, target) pairs of an axiom: one, or each of a union of restrictions of one
    relation ("('has material basis in' some 'Simplexvirus humanalpha1') or ('has material
    basis in' some 'Simplexvirus humanalpha2')": herpes simplex is caused by either, and "What
    causes cold sores?" had only how it spreads); none for anything else.

    Example:
        >>> _alternatives("'transmitted by' some 'contact transmission'")
        [('transmitted by', 'contact transmission')]
        >>> _alternatives("('has material basis in' some 'Poliovirus 1') or "
        ...               "('has material basis in' some 'Poliovirus 2')")
        [('has material basis in', 'Poliovirus 1'), ('has material basis in', 'Poliovirus 2')]
        >>> _alternatives("('has symptom' some fever) or ('disease has location' some skin)")
        []
    """
    axiom = axiom.strip()
    m = _AXIOM.match(axiom)
    if m:
        return [(m.group(1), m.group(2) or m.group(3))]
    parts = list(_ALTERNATIVE.finditer(axiom))
    if (len(parts) < 2 or " or ".join(p.group(0) for p in parts) != axiom
            or len({p.group(1) for p in parts}) != 1):  # fmt: skip
        return []
    return [(p.group(1), p.group(2) or p.group(3)) for p in parts]


def _read_axioms(path: Path, out: Contribution) -> None:
    for row in read_tsv(path, ["ID", "SubClass Of [ANON]"]):
        for axiom in row["SubClass Of [ANON]"].split("|"):
            said = _alternatives(axiom)
            if not said or said[0][0] not in AXIOM_RELATION:
                out.note("axioms not kept (other relation or complex expression)")
                continue
            if len(said) > 1:
                out.note("axioms kept as each of a union")
            for name, raw in said:
                _axiom_edge(row["ID"], name, raw, out, len(said))


def _axiom_edge(doid: str, name: str, raw: str, out: Contribution, of: int = 1) -> None:
    """The edge one restriction of a DO class states; one of a union of ``of`` restrictions
    carries their number (``alternatives``): it holds of the class, and not of each of its
    kinds (influenza, "caused by" one of three viruses; avian influenza by one of them)."""
    target = _TAXON_RANK.sub("", raw)
    relation, cls = AXIOM_RELATION[name]
    if relation == "causedBy" and target.endswith("inheritance"):
        relation, cls = "hasInheritance", "Inheritance"
    elif relation == "causedBy" and _CELL_TYPE.search(target):
        # the cell a disease arises in is where it is, not what causes it: "What causes
        # sickle cell anemia?" began with *erythrocyte* ("has material basis in")
        relation, cls = "locatedIn", "Anatomy"
    attrs: tuple[tuple[str, AttrValue], ...] = (("alternatives", of),) if of > 1 else ()
    out.edges.append(Edge(SOURCE, doid, relation, name_ref(cls, target), attrs))
    out.note(f"axioms kept: {name}")


def _read_symptoms(path: Path, out: Contribution) -> None:
    seen: set[str] = set()
    for row in read_tsv(path, ["disease_id", "symptom_id", "symptom_label"]):
        symptom = row["symptom_id"]
        if symptom not in seen:
            seen.add(symptom)
            out.concepts.append(Concept(SOURCE, symptom, "Phenotype", row["symptom_label"]))
        out.edges.append(Edge(SOURCE, row["disease_id"], "hasPhenotype", symptom))
