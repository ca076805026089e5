"""kgqa's own curated lexicons (``graph_data/``), names no source gives, on graph ids:

- ``lexicon_zh.tsv``: Chinese names of common diseases, drugs, symptoms and drug classes.
  Columns ``zh``, ``id`` (a CURIE of the graph), ``kind``, ``en`` (the English name the entry
  was written for, for review).
- ``lexicon_en.tsv``: the English names people use for drug classes ("ACE inhibitors",
  "statins", "blood thinners"), lay names and short forms of diseases and symptoms ("hep C",
  "nosebleed"), and brand names of single-ingredient drugs ("Lipitor" on atorvastatin's
  node), and the names people use for the organisms the Disease Ontology names by their
  current taxonomic names ("herpes simplex virus 1" for *Simplexvirus humanalpha1*,
  "Borrelia burgdorferi" for *Borreliella burgdorferi*). Columns ``name``, ``id``, ``kind``,
  ``note`` (the node's own label, for review). An organism's first name is the name answers
  show (:data:`SHOWN_KINDS`); the taxonomic name stays one of its names.

Both only add names to nodes other sources define. Rows whose id names no node are counted in
the build notes; a test checks there are none on the real graph.
"""

from __future__ import annotations

from pathlib import Path

from kgqa.config import graph_data_dir
from kgqa.errors import DataError
from kgqa.graph.build.common import Concept, Contribution, read_tsv
from kgqa.text import CJK

SOURCE = "lexicon"
FILES = ("lexicon_zh.tsv", "lexicon_en.tsv")
KINDS = ("disease", "drug", "symptom", "class", "gene", "organism")
# kinds whose first name is the node's shown label: no one asking knows a virus by ICTV's
# binomial ("What causes cold sores?" answered "Simplexvirus humanalpha1")
SHOWN_KINDS = frozenset({"organism"})
ANNOTATES_ONLY = ""


def _rows(
    path: Path, name_column: str, other: str, chinese: bool, shown: set[str] | None = None
) -> dict[str, list[str]]:
    """Names by CURIE, in file order; the CURIEs of :data:`SHOWN_KINDS` rows join ``shown``."""
    names: dict[str, list[str]] = {}
    columns = [name_column, "id", "kind", other]
    for i, row in enumerate(read_tsv(path, columns, comment="#"), 1):
        name, curie, kind = row[name_column], row["id"], row["kind"]
        if kind not in KINDS or ":" not in curie or not name or bool(CJK.search(name)) != chinese:
            raise DataError(
                f"{path}, row {i}: expected a {'Chinese' if chinese else 'English'} name, a CURIE "
                f"and a kind in {KINDS}; got {name!r}, {curie!r}, {kind!r}"
            )
        if name not in names.setdefault(curie, []):
            names[curie].append(name)
        if shown is not None and kind in SHOWN_KINDS:
            shown.add(curie)
    return names


def read(data_dir: Path) -> Contribution:
    out = Contribution(SOURCE)
    zh = _rows(graph_data_dir() / FILES[0], "zh", "en", chinese=True)
    shown: set[str] = set()
    en = _rows(graph_data_dir() / FILES[1], "name", "note", chinese=False, shown=shown)
    out.concepts += [
        Concept(SOURCE, curie, ANNOTATES_ONLY, labels_zh=tuple(names))
        for curie, names in zh.items()
    ]
    out.concepts += [
        Concept(SOURCE, curie, ANNOTATES_ONLY, label=names[0], synonyms=tuple(names[1:]))
        if curie in shown
        else Concept(SOURCE, curie, ANNOTATES_ONLY, synonyms=tuple(names))
        for curie, names in en.items()
    ]
    out.note("Chinese names", sum(map(len, zh.values())))
    out.note("English names", sum(map(len, en.values())))
    return out
