"""MeSH 2015 descriptors and their tree hierarchy, for the branches kgqa uses:
A (anatomy), C (diseases; C23.888 signs and symptoms as phenotypes), D (chemicals; D27.505
pharmacological actions as drug classes), F03 (mental disorders)."""

from __future__ import annotations

from pathlib import Path

from kgqa.graph.build.common import SUBCLASS, Concept, Contribution, Edge, read_tsv

SOURCE = "mesh"


def tree_class(tree: str) -> str | None:
    """The node class of a MeSH tree number, or None for branches kgqa leaves out.

    Example:
        >>> tree_class("C23.888.592"), tree_class("D03.438"), tree_class("G01")
        ('Phenotype', 'Chemical', None)
        >>> tree_class("D27.505.519.186")
        'DrugClass'
    """
    if tree.startswith("C23.888"):
        return "Phenotype"
    if tree.startswith("D27.505"):
        return "DrugClass"
    if tree.startswith(("C", "F03")):
        return "Disease"
    if tree.startswith("D"):
        return "Chemical"
    if tree.startswith("A"):
        return "Anatomy"
    return None


def read(data_dir: Path) -> Contribution:
    d = data_dir / "mesh"
    out = Contribution(SOURCE)
    names = {
        r["mesh_id"]: r["mesh_name"] for r in read_tsv(d / "terms.tsv", ["mesh_id", "mesh_name"])
    }
    trees: dict[str, list[str]] = {}
    by_tree: dict[str, str] = {}
    for row in read_tsv(d / "tree-numbers.tsv", ["mesh_id", "mesh_tree_number"]):
        trees.setdefault(row["mesh_id"], []).append(row["mesh_tree_number"])
        by_tree[row["mesh_tree_number"]] = row["mesh_id"]
    symptoms = {r["mesh_id"] for r in read_tsv(d / "symptoms.tsv", ["mesh_id"])}
    for mesh_id, name in names.items():
        classes = {tree_class(t) for t in trees.get(mesh_id, [])} - {None}
        # Hetionet's symptom list also holds syndromes (Prader-Willi, adrenoleukodystrophy):
        # those keep their disease class, so the DO node with the same MeSH id can merge.
        if "Phenotype" in classes or (mesh_id in symptoms and "Disease" not in classes):
            cls = "Phenotype"
        elif classes:
            # a descriptor in several branches takes the first of Disease, Chemical, Anatomy
            order = ("Disease", "Chemical", "DrugClass", "Anatomy")
            cls = next(c for c in order if c in classes)
        else:
            out.note("descriptors outside the kept branches")
            continue
        out.concepts.append(Concept(SOURCE, f"MESH:{mesh_id}", cls, name))
        parents = set()
        for tree in trees.get(mesh_id, []):
            if "." in tree and tree_class(tree):
                parent = by_tree.get(tree.rsplit(".", 1)[0])
                if parent and parent != mesh_id:
                    parents.add(parent)
        out.edges += [
            Edge(SOURCE, f"MESH:{mesh_id}", SUBCLASS, f"MESH:{p}") for p in sorted(parents)
        ]
    return out
