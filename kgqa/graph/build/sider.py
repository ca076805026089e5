"""SIDER 4.1: side effects listed on drug labels (the MedDRA terms their text was coded with),
with their frequencies and placebo frequencies; label indications on DrugBank ids; and DrugBank
4 names, groups and ATC codes (the files that map SIDER's PubChem ids onto DrugBank).

**Licence**: SIDER is CC BY-NC-SA 4.0 and the DrugBank-derived files CC BY-NC 4.0: all
non-commercial. Every statement of this source sits in its named graph, whose licence the
graph's meta data records; ``kgqa build --exclude-licence NC`` builds without it.

A side effect's node is the phenotype (else disease) node whose ids hold the MedDRA term's UMLS
CUI, else the one named like the term, else a ``SideEffect`` node of its own (id ``UMLS:<cui>``).
An injury a drug does to an organ is, as its side effect, what MeSH calls drug-induced
(:data:`DRUG_INDUCED`): SIDER's *Liver injury*, *Hepatotoxicity* and *Hepatocellular injury* are
*Drug-Induced Liver Injury*, the node "liver damage" and "hepatotoxicity" link; its *Congenital
anomaly* is DO's congenital abnormality, which "birth defect" links.
A drug is SIDER's PubChem compound, through DrugBank (a PubChem id of one DrugBank drug, or of
one approved drug) or DrugCentral's PubChem ids.

SIDER's label indications are text-mined from the whole label, so they hold contraindications
and warnings too (levothyroxine "indicated" for thyrotoxicosis and acute myocardial infarction,
both contraindications on its label). They only corroborate: a SIDER ``treats`` statement is
kept where another source states the same drug-disease edge, never on its own.
"""

from __future__ import annotations

import gzip
import math
import statistics
from collections.abc import Iterator
from pathlib import Path

from kgqa.errors import DataError
from kgqa.graph.build.common import (
    AttrValue,
    Concept,
    Contribution,
    Edge,
    Reference,
    find_ref,
    read_tsv,
    require,
    strip_qualifiers,
)

SOURCE = "sider"
FILES = (
    "meddra_all_se.tsv.gz", "meddra_freq.tsv.gz", "indications_drugbank.tsv",
    "drugbank_pubchem.tsv", "drugbank_slim.tsv",
)  # fmt: skip
STITCH_OFFSET = 100_000_000
# MedDRA terms (UMLS CUIs) of an injury to an organ -> MeSH's heading for that injury done by a
# drug: the first two held 116 and 101 drugs' statements on nodes of their own, beside the 11
# on the heading, and "Can acetaminophen cause liver damage?" was unknown
DRUG_INDUCED = {
    "C0160390": "MESH:D056486",  # Liver injury
    "C0235378": "MESH:D056486",  # Hepatotoxicity
    "C0151763": "MESH:D056486",  # Hepatocellular injury
    # a birth defect a drug causes in a child carried: DO's *physical disorder* (its congenital
    # abnormality), which "birth defect" links; 41 drugs' statements were on a node of their own
    # and "Can valproate cause birth defects?" unknown
    "C0000768": "DOID:0080015",  # Congenital anomaly
}
MAX_FREQUENCY_LABELS = 5
# (flat id, stereo id, the label's term) -> the frequency labels and (lower, upper) values given
_Frequencies = dict[tuple[str, str, str], tuple[list[str], list[tuple[float, float]]]]


def _induced(cui: str) -> tuple[str, ...]:
    """MeSH's drug-induced injury for a MedDRA term of an injury to an organ, else nothing."""
    return (DRUG_INDUCED[cui],) if cui in DRUG_INDUCED else ()


def pubchem_of(stitch: str) -> str:
    """The PubChem compound id of a STITCH id: a flat one ("CID1" and eight digits, stereo
    isomers merged) or a stereo one ("CID0" and eight digits, the very compound).

    Example:
        >>> pubchem_of("CID100000085"), pubchem_of("CID005282379")
        ('85', '5282379')
    """
    if not stitch.startswith("CID") or not stitch[3:].isdigit() or len(stitch) != 12:
        raise ValueError(f"not a STITCH compound id: {stitch!r}")
    number = int(stitch[3:])
    return str(number - STITCH_OFFSET if number >= STITCH_OFFSET else number)


def _rows(path: Path, n_fields: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a header-less gzipped TSV, checking the field count."""
    require(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                fields = line.rstrip("\n").split("\t")
                if len(fields) != n_fields:
                    raise DataError(f"{path}, line {i}: {len(fields)} fields, expected {n_fields}")
                yield i, fields
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"{path} cannot be read: {exc}") from exc


def _number(path: Path, line: int, raw: str) -> float | None:
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise DataError(f"{path}, line {line}: {raw!r} is not a frequency") from None


def typical_frequency(lo: float, hi: float) -> float:
    """A frequency range's typical value: its geometric midpoint, a range from 0 read from a
    tenth of its top. SIDER gives a label's words as ranges that span orders of magnitude
    ("common" and "frequent" 1-100 %, "very common" 10-100 %, "rare" 0-0.1 %): their
    arithmetic midpoints (50.5 %, 55 %) outranked every side effect a label gives a
    percentage for (ibuprofen's nausea, 21-57 %), and tied across a drug's whole list.

    Example:
        >>> round(typical_frequency(0.01, 1.0), 3), typical_frequency(0.21, 0.21)
        (0.1, 0.21)
    """
    if hi <= 0:
        return 0.0
    return math.sqrt((lo if lo > 0 else hi / 10) * hi)


def _frequency_attrs(
    labels: list[str], values: list[tuple[float, float]], placebo: bool = False
) -> list[tuple[str, AttrValue]]:
    """A statement's frequency attributes: the labels' wordings (most frequent first, at most
    five), the median of the ranges' typical values (:func:`typical_frequency`), and (not under
    placebo) the widest range."""
    if not labels:
        return []
    key = "placeboFrequency" if placebo else "frequency"
    unique = sorted(set(labels), key=lambda x: (-labels.count(x), x))[:MAX_FREQUENCY_LABELS]
    attrs: list[tuple[str, AttrValue]] = [(key, "; ".join(unique))]
    if values:
        mid = statistics.median(typical_frequency(lo, hi) for lo, hi in values)
        attrs.append((f"{key}Value", round(mid, 4)))
        if not placebo:
            attrs.append(("frequencyLower", round(min(lo for lo, _ in values), 4)))
            attrs.append(("frequencyUpper", round(max(hi for _, hi in values), 4)))
    return attrs


def read(data_dir: Path) -> Contribution:
    d = data_dir / "sider"
    out = Contribution(SOURCE, corroborates_only=frozenset({"treats"}))
    approved: set[str] = set()
    columns = ["drugbank_id", "name", "groups", "atc_codes"]
    for row in read_tsv(d / "drugbank_slim.tsv", columns, quoted=True):
        if not row["drugbank_id"].startswith("DB"):
            raise DataError(
                f"{d / 'drugbank_slim.tsv'}: {row['drugbank_id'][:40]!r} is no DrugBank id"
            )
        drug = f"DRUGBANK:{row['drugbank_id']}"
        atc = tuple(f"ATC:{c}" for c in row["atc_codes"].split("|") if c)
        out.concepts.append(Concept(SOURCE, drug, "Chemical", row["name"] or None, (), atc))
        if "approved" in row["groups"].split("|"):
            approved.add(drug)
    by_pubchem: dict[str, set[str]] = {}
    for row in read_tsv(d / "drugbank_pubchem.tsv", ["drugbank_id", "pubchem_id"]):
        by_pubchem.setdefault(row["pubchem_id"], set()).add(f"DRUGBANK:{row['drugbank_id']}")

    def drug_ref(flat: str, stereo: str) -> str:
        """The compound by its flat id, else its stereo id: DrugBank first, then PubChem (the
        PubChem ids DrugCentral gives its drugs). A flat id SIDER lists with several stereo
        forms (retinoic acid: tretinoin, isotretinoin, alitretinoin; a racemate and its
        enantiomer) names none of them: each form goes by its stereo id alone, and is left out
        when that names no drug, rather than given to whichever drug the flat id names."""
        several = len(forms[flat]) > 1
        cids = [pubchem_of(stereo)] if several else [pubchem_of(flat), pubchem_of(stereo)]
        alternatives = []
        for cid in cids:
            candidates = by_pubchem.get(cid, set())
            if len(candidates) > 1:
                candidates = candidates & approved
            if len(candidates) == 1:
                alternatives.append(next(iter(candidates)))
        alternatives += [f"PUBCHEM.COMPOUND:{cid}" for cid in cids]
        return out.refer(f"drug:{flat}:{stereo}", Reference(tuple(dict.fromkeys(alternatives))))

    # frequencies per (compound, the label's term), from the labels that give one
    path = d / "meddra_freq.tsv.gz"
    freq: _Frequencies = {}
    placebo: _Frequencies = {}
    for line, f in _rows(path, 10):
        table = placebo if f[3] == "placebo" else freq
        # the label's own term by its CUI; a preferred term (a file that codes no lower-level
        # one) by its kind and CUI
        term = f[2] if f[7] == "LLT" else f"{f[7]}:{f[8]}"
        labels, values = table.setdefault((f[0], f[1], term), ([], []))
        labels.append(f[4])
        lo, hi = _number(path, line, f[5]), _number(path, line, f[6])
        if lo is not None and hi is not None:
            values.append((lo, hi))

    path = d / "meddra_all_se.tsv.gz"
    # per (flat id, stereo id, the label's own term): the stereo forms of one flat id are drugs
    # of their own (isotretinoin's depression is no side effect of tretinoin). The term is the
    # one the label's text was coded with (its lowest-level MedDRA term, the row's first CUI),
    # not the preferred terms MedDRA files it under: those are broader, and for a term filed
    # under several, other things (a label's *Syncope* under *Loss of consciousness*, *Shock*
    # and *Dizziness*; *Rash* under *Dermatitis*; *Drowsiness* under *Somnolence*, HPO's
    # excessive daytime somnolence). A term the graph has no node for goes by the one preferred
    # term it is filed under, when that has one (*Vitamin B12 absorption decreased*: vitamin
    # B12 deficiency); a label term coded with no lower-level term of its own (a file that
    # lists preferred terms only) goes by its preferred terms.
    own: dict[tuple[str, str, str], str] = {}
    preferred: dict[tuple[str, str, str], dict[str, str]] = {}
    filed: dict[str, dict[str, str]] = {}  # a label's term -> the preferred terms it is under
    forms: dict[str, set[str]] = {}
    for _, f in _rows(path, 6):
        if f[3] == "LLT" and f[2] == f[4]:
            own.setdefault((f[0], f[1], f[2]), f[5])
        elif f[3] == "PT":
            preferred.setdefault((f[0], f[1], f[2]), {}).setdefault(f[4], f[5])
            filed.setdefault(f[2], {}).setdefault(f[4], f[5])
        else:
            continue
        forms.setdefault(f[0], set()).add(f[1])
    # (flat id, stereo id, CUI) -> (name, the frequency tables' key of the term)
    pairs: dict[tuple[str, str, str], tuple[str, str]] = {k: (v, k[2]) for k, v in own.items()}
    for (stitch, stereo, label), terms in preferred.items():
        if (stitch, stereo, label) not in own:
            for cui, name in terms.items():
                pairs.setdefault((stitch, stereo, cui), (name, f"PT:{cui}"))
    for (stitch, stereo, cui), (name, term) in sorted(pairs.items()):
        try:
            drug = drug_ref(stitch, stereo)
        except ValueError as exc:
            raise DataError(f"{path}: {exc}") from None
        over = filed.get(cui, {})
        broader: tuple[str, ...] = ()
        if len(over) == 1 and cui not in over:
            ((pt, pt_name),) = over.items()
            broader = (*_induced(pt), f"UMLS:{pt}", find_ref("Phenotype", pt_name),
                       find_ref("Disease", pt_name))  # fmt: skip
        effect = out.refer(
            f"se:{cui}",
            Reference(
                (
                    *_induced(cui),
                    f"UMLS:{cui}",
                    find_ref("Phenotype", name),
                    find_ref("Disease", name),
                    *broader,
                ),
                Concept(SOURCE, f"UMLS:{cui}", "SideEffect", name),
            ),
        )
        attrs = _frequency_attrs(*freq.get((stitch, stereo, term), ([], [])))
        attrs += _frequency_attrs(*placebo.get((stitch, stereo, term), ([], [])), placebo=True)
        out.edges.append(Edge(SOURCE, drug, "hasSideEffect", effect, tuple(attrs)))
    out.note("drug-side effect pairs (the labels' terms)", len(pairs))

    columns = ["drugbank_id", "drugbank_name", "umls_cui_from_label", "method", "concept_name",
               "umls_cui_from_meddra", "meddra_name"]  # fmt: skip
    named: set[str] = set()
    for row in read_tsv(d / "indications_drugbank.tsv", columns):
        if row["drugbank_id"] not in named and row["drugbank_name"]:
            named.add(row["drugbank_id"])
            drug = f"DRUGBANK:{row['drugbank_id']}"
            out.concepts.append(Concept(SOURCE, drug, "Chemical", row["drugbank_name"]))
        if row["method"] != "NLP_indication":
            out.note(f"indications read as {row['method']} (not kept)")
            continue
        alternatives = tuple(
            x for x in (
                f"UMLS:{row['umls_cui_from_label']}" if row["umls_cui_from_label"] else "",
                f"UMLS:{row['umls_cui_from_meddra']}" if row["umls_cui_from_meddra"] else "",
                find_ref("Disease", row["concept_name"]) if row["concept_name"] else "",
                find_ref("Disease", row["meddra_name"]) if row["meddra_name"] else "",
                find_ref("Disease", strip_qualifiers(row["concept_name"]))
                if row["concept_name"] else "",
            ) if x
        )  # fmt: skip
        if not alternatives:
            continue
        disease = out.refer("ind:" + "|".join(alternatives), Reference(alternatives))
        attrs = (("indication", row["concept_name"]), ("method", row["method"]),
                 ("origin", "SIDER 4.1 label indication"))  # fmt: skip
        drug = f"DRUGBANK:{row['drugbank_id']}"
        out.edges.append(Edge(SOURCE, drug, "treats", disease, attrs))
    return out
