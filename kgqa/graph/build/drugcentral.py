"""DrugCentral (2016 release of olegursu/drugtarget): label indications, drug identifiers,
drug–target actions and pharmacologic classes.

- **Identity**: a DrugCentral drug is the same concept as the DrugBank and MeSH descriptor ids
  it lists, when the link is one-to-one (so "Aspirin" (MeSH) and "Acetylsalicylic acid"
  (DrugBank) become one node); its RxNorm, ChEBI, UNII, PubChem, ChEMBL, UMLS and MeSH
  supplementary ids become ids of that node.
- **Indications** (``treats``) reach a disease through the CUI and the name when they agree
  on one disease, else the row's DOID, else its UMLS CUI (an id
  of a DO, HPO or Mondo-matched node), else its SNOMED CT id (DO), else the indication's name
  (whole, then without stage and severity words: "Metastatic Malignant Melanoma" is melanoma;
  then without the words of prevention: "Migraine Prevention" is migraine),
  else a disease its head phrase names ("E. Coli Urinary Tract Infection" is a urinary tract
  infection; never what follows "due to", "associated with", "of" ...). The statement keeps the
  label's own wording (``indication``).
- **Classes**: FDA established pharmacologic class (EPC), mechanism (MoA), physiologic effect
  (PE) and chemical structure classes (NDF-RT ids), MeSH pharmacological actions and ChEBI
  roles become ``DrugClass`` nodes with ``inDrugClass`` edges.
- **Targets** (``targets``): the target's gene by its symbol (existing gene nodes only), with
  the action (INHIBITOR, AGONIST ...).
"""

from __future__ import annotations

import re
from pathlib import Path

from kgqa.graph.build.common import (
    Concept,
    Contribution,
    Edge,
    Reference,
    SameAs,
    agree_ref,
    find_ref,
    head_suffixes,
    inner_names,
    one_to_one,
    own_of_several,
    read_tsv,
    strip_qualifiers,
    without_prevention,
)
from kgqa.graph.names import normalize_name

SOURCE = "drugcentral"
FILES = ("identifiers.tsv", "drug_indication.tsv", "drug_target.tsv", "pharm_class.tsv")
PREFIX = "DRUGCENTRAL"
# identifier type -> our prefix, for ids kept as aliases of the drug node
ALIAS_TYPES = {
    "RXNORM": "RXNORM", "UNII": "UNII", "PUBCHEM_CID": "PUBCHEM.COMPOUND",
    "ChEMBL_ID": "CHEMBL", "UMLSCUI": "UMLS", "MESH_SUPPLEMENTAL_RECORD_UI": "MESH",
    "KEGG_DRUG": "KEGG.DRUG", "INN_ID": "INN",
}  # fmt: skip
SAME_AS_TYPES = {"DRUGBANK_ID": "DRUGBANK", "MESH_DESCRIPTOR_UI": "MESH"}
CLASS_SOURCES = {"FDA": "NDFRT", "MeSH": "MESH", "CHEBI": ""}


def _chebi(raw: str) -> str:
    return raw if raw.upper().startswith("CHEBI:") else f"CHEBI:{raw}"


def class_curie(source: str, raw: str) -> str | None:
    """The node id of a pharmacologic class, by the vocabulary that defines it.

    Example:
        >>> class_curie("FDA", "N0000175431"), class_curie("MeSH", "D000806")
        ('NDFRT:N0000175431', 'MESH:D000806')
        >>> class_curie("CHEBI", "CHEBI:35610"), class_curie("ATC", "x") is None
        ('CHEBI:35610', True)
    """
    if source not in CLASS_SOURCES or not raw:
        return None
    prefix = CLASS_SOURCES[source]
    return f"{prefix}:{raw}" if prefix else _chebi(raw)


# an indication put down to an organism ("Pharyngitis due to Streptococcus Pyogenes")
_AGENT = re.compile(r"\b(?:due to|caused by)\s+(?P<agent>[^,;()]+?)\s*$", re.I)
# pharmacologic classes of drugs that act on an infecting organism
_ANTI_INFECTIVE = re.compile(
    r"anti-?(?:bacterial|biotic|fungal|mycotic|viral|retroviral|protozoal|infective|parasitic|"
    r"malarial|tubercular|mycobacterial|helminthic)|anthelmintic|macrolide|penicillin|"
    r"cephalosporin|tetracycline|quinolone|sulfonamide|aminoglycoside|carbapenem|lincosamide|"
    r"nitroimidazole",
    re.I,
)


# an indication of a combination product for patients at a risk one of its drugs guards
# against ("Osteoarthritis in Patients at High Ulcer Risk": naproxen with esomeprazole)
_AT_RISK = re.compile(r"\s+in patients? at (?:high |increased )?(?P<risk>[\w-]+) risk\s*$", re.I)
# the drugs given against such a risk, beside a class naming it: proton pump inhibitors by
# their WHO INN stem (esaprazole and dexrabeprazole are in no class of DrugCentral's)
_GUARDS = {"ulcer": re.compile(r"(?<!pi)prazole$", re.I)}
# a label use that finds or shows a disorder, treating none ("Diagnostic Aid for Biliary Tract",
# whose last word "Aid" found AIDS; "Diagnostic Test for Asthma", methacholine's; "Magnetic
# Resonance Imaging")
_DIAGNOSTIC = re.compile(
    r"^(?:diagnostic|diagnosis of)\b|\b(?:imaging|radiography|contrast (?:agent|media))\b"
    r"(?!.*\bprevention\b)",
    re.I,
)
# a disorder treated in those who have AIDS: "AIDS with Kaposi's Sarcoma" (doxorubicin) and
# "Acquired Immunodeficiency Syndrome with Toxoplasmosis" (sulfadiazine) treat the sarcoma and
# the toxoplasmosis, not AIDS
_IN_AIDS = re.compile(
    r"^(?:AIDS|acquired immun(?:e|o) ?deficiency syndrome|HIV(?: infection)?)\s+with\s+"
    r"(?P<what>\S.*)$",
    re.I,
)


def _drug_sets(path: Path) -> tuple[set[str], dict[str, set[str]]]:
    """From the pharmacologic classes, read once: the DrugCentral drugs (node ids) in an
    anti-infective class, and for each risk word of :data:`_GUARDS` those in a class naming it
    ("Anti-Ulcer Agents"; the stem is checked on the indication's row)."""
    anti_infective: set[str] = set()
    guards: dict[str, set[str]] = {risk: set() for risk in _GUARDS}
    for row in read_tsv(path, ["DRUG_ID", "CLASS"]):
        drug = f"{PREFIX}:{row['DRUG_ID']}"
        if _ANTI_INFECTIVE.search(row["CLASS"]):
            anti_infective.add(drug)
        for risk, members in guards.items():
            if risk in row["CLASS"].casefold():
                members.add(drug)
    return anti_infective, guards


def one_holder(aliases: dict[str, list[str]], names: dict[str, str], prefix: str) -> int:
    """Give each id of ``prefix`` that several drugs list to one of them, in place: the drug
    whose name the others' names hold (the racemate "omeprazole" against its enantiomer
    "esomeprazole", "promethazine" against "isopromethazine"), else the drug listed with the
    most ids of the kinds kept as aliases (the parent compound against a salt, a combination or
    a labelled form:
    diphenhydramine against etanautine, erythromycin against benzamycin). An id two drugs
    hold names neither, so SIDER's side effects of the compound, found by its PubChem id,
    were lost with it. Returns how many ids were shared.

    Example:
        >>> a = {"D:1": ["P:9", "U:1"], "D:2": ["P:9"]}
        >>> one_holder(a, {"D:1": "omeprazole", "D:2": "esomeprazole"}, "P"), a["D:2"]
        (1, [])
    """
    holders: dict[str, list[str]] = {}
    for drug, ids in aliases.items():
        for i in dict.fromkeys(ids):
            if i.startswith(prefix + ":"):
                holders.setdefault(i, []).append(drug)
    shared = {i: drugs for i, drugs in holders.items() if len(drugs) > 1}
    for i, drugs in shared.items():

        def rank(drug: str, drugs: list[str] = drugs) -> tuple[int, int, str]:
            name = names.get(drug, "").casefold()
            held = sum(name in names.get(o, "").casefold() for o in drugs if o != drug)
            return (-held, -len(aliases[drug]), drug)

        keeper = min(drugs, key=rank)
        for drug in drugs:
            if drug != keeper:
                aliases[drug] = [x for x in aliases[drug] if x != i]
    return len(shared)


# a label use that is no disorder: a procedure, a test, care of a state of health, a product's
# role ("General Anesthesia Adjunct", "Bowel Evacuation", "Pregnancy Contraception", "Insect
# Repellent"): such a use never becomes a disease node of its own
_NOT_A_DISORDER = re.compile(
    r"anesthe|adjunct|synergy|sedation|relaxation|evacuation|preparation|contracepti|pregnan|"
    r"lactat|induction|ovulation|antiseptic|repellent|\bstain\b|supplement|laxative|sunscreen|"
    r"disinfect|dressing|\bscan\b|\bstud(?:y|ies)\b|\btest(?:s|ing)?\b|graphy|gram\b|dialysis|"
    r"surg(?:ery|ical)|"
    r"procedure|decontamination|exposure|^(?:administration|suppression|reversal|maintain|"
    r"provision|operation|narcoanalysis|cardioversion|conditioning|debridement)\b|desensiti|"
    r"antimicrobial|fluorescent|catabolic|inhibition|^(?:abortion|wound|tension|apprehension)$|"
    r"clysis|ripening|mobilization|intubation|stimulation|enhancement|protection|\bsubstance\b|"
    r"ablation|remission|ectomy\b|catheter|biopsy|\bagent\b|therapy$|\blevel$|\bby ekg\b",
    re.IGNORECASE,
)


# a poison's harm as a label words it: "Lead Toxicity", "Heparin overdose", which the
# graph names "lead poisoning"
_TOXICITY = re.compile(r"^(?P<agent>\S.*?)\s+(?:toxicity|overdose|intoxication)$", re.IGNORECASE)
# rows that give a drug another product's indication: digoxin (DrugCentral 882) is given
# "Digitalis Toxicity", the use of its antidote, digoxin immune fab
# ("Which drugs treat digitalis toxicity?" answered digoxin); oxycodone (2029) is given an
# antacid's and an antifungal's (peptic ulcer, heartburn, tinea: "What is oxycodone used for?"
# answered pityriasis versicolor and peptic ulcer disease after pain)
_LABEL_ERRORS = frozenset({(f"{PREFIX}:882", "Digitalis Toxicity")} | {
    (f"{PREFIX}:2029", text) for text in (
        "Peptic Ulcer", "Gastroesophageal Reflux", "Heartburn", "Dyspepsia",
        "Hiatal Hernia with Reflux Esophagitis", "Gastric Hypersecretory Conditions",
        "Tinea Versicolor", "Tinea Cruris", "Tinea Corporis", "Tinea Pedis")})  # fmt: skip


def _own_key(text: str) -> str:
    text = text.strip()
    return normalize_name(without_prevention(text) or text)


def _own_nodes(rows: list[dict[str, str]]) -> dict[str, Concept]:
    """The disease nodes label indications become when no node of the graph is what they
    name (``Reference.fallback``), by :func:`_own_key` of the indication: one for each UMLS
    CUI that no other indication's words share ("Opioid Withdrawal Symptoms", C0029104,
    lofexidine's and methadone's; "Organ Transplant Rejection"), named by its words less the
    words of prevention, and by its head phrase less the generic words after it ("Opioid
    Withdrawal"). An indication for preventing it is reached too ("Prevention of Kidney
    Transplant Rejection"). None for a use that is no disorder (:data:`_NOT_A_DISORDER`), nor
    for a CUI two texts share ("Pharyngitis due to Streptococcus Pyogenes" and a skin
    infection's: it names neither well)."""
    texts: dict[str, set[str]] = {}
    for row in rows:
        if row["UMLS_CUI"] and row["INDICATION_FDB"].strip():
            texts.setdefault(row["UMLS_CUI"], set()).add(row["INDICATION_FDB"].strip())
    out: dict[str, Concept] = {}
    for cui, named in sorted(texts.items()):
        text = next(iter(named))
        if len(named) != 1 or _NOT_A_DISORDER.search(text):
            continue
        label = without_prevention(text) or text
        names = tuple(n for n in inner_names(label)[:1] if len(n.split()) > 1)
        out.setdefault(_own_key(text), Concept(SOURCE, f"UMLS:{cui}", "Disease", label, names))
    return out


def read(data_dir: Path) -> Contribution:
    d = data_dir / "drugcentral"
    out = Contribution(SOURCE)
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    same: dict[str, list[tuple[str, str]]] = {p: [] for p in SAME_AS_TYPES}
    columns = ["DRUG_ID", "DRUG_NAME", "ID_TYPE", "IDENTIFIER"]
    for row in read_tsv(d / "identifiers.tsv", columns):
        drug = f"{PREFIX}:{row['DRUG_ID']}"
        names.setdefault(drug, row["DRUG_NAME"])
        kind, value = row["ID_TYPE"], row["IDENTIFIER"]
        if not value:
            continue
        if kind in SAME_AS_TYPES:
            same[kind].append((drug, f"{SAME_AS_TYPES[kind]}:{value}"))
        elif kind in ALIAS_TYPES:
            aliases.setdefault(drug, []).append(f"{ALIAS_TYPES[kind]}:{value}")
        elif kind == "CHEBI":
            aliases.setdefault(drug, []).append(_chebi(value))
    out.note("PubChem ids several drugs list (given to one)",
             one_holder(aliases, names, ALIAS_TYPES["PUBCHEM_CID"]))  # fmt: skip
    for kind, pairs in same.items():
        unique, rest = one_to_one(pairs)
        out.same_as += [SameAs(SOURCE, a, b, f"DrugCentral {kind} 1:1") for a, b in unique]
        out.note(f"{kind} links 1:1 (merged)", len(unique))
        own = own_of_several(rest)
        out.same_as += [SameAs(SOURCE, a, b, f"DrugCentral {kind} own of several")
                        for a, b in own]  # fmt: skip
        out.note(f"{kind} links, the one of several no other drug lists (merged)", len(own))
        out.note(f"{kind} links not 1:1 (left separate)", len(rest) - len(own))

    anti_infective, guards = _drug_sets(d / "pharm_class.tsv")
    columns = ["DRUG_ID", "DRUG_NAME", "INDICATION_FDB", "UMLS_CUI", "SNOMEDCT_CUI", "DOID"]
    indications = list(read_tsv(d / "drug_indication.tsv", columns))
    own = _own_nodes(indications)
    for row in indications:
        drug = f"{PREFIX}:{row['DRUG_ID']}"
        names.setdefault(drug, row["DRUG_NAME"])
        text = row["INDICATION_FDB"]
        if (drug, text) in _LABEL_ERRORS:
            out.note("indications of another product (left out)")
            continue
        if _DIAGNOSTIC.search(text):
            out.note("label uses in diagnosis or imaging (no treatment; left out)")
            continue
        risk = _AT_RISK.search(text)
        if risk is not None:
            word = risk["risk"].casefold()
            stem = _GUARDS.get(word)
            if drug in guards.get(word, ()) or (stem is not None and stem.search(row["DRUG_NAME"])):
                # omeprazole is in the product for the ulcer risk: it treats no arthritis
                out.note("indications for a risk the drug guards against (left out)")
                continue
        alternatives = [row["DOID"]] if row["DOID"].startswith("DOID:") else []
        in_aids = _IN_AIDS.match(text)
        if in_aids is not None:
            # the disorder after "with" is what it treats: its name alone, not the pair's
            # codes (which name nothing here) nor the head before "with"
            named = in_aids["what"]
            alternatives = [find_ref(cls, named) for cls in ("Disease", "Phenotype")]
            disease = out.refer("in-aids|" + named, Reference(tuple(alternatives)))
            attrs = (("indication", text), ("origin", "DrugCentral (FDB label indication)"))
            out.edges.append(Edge(SOURCE, drug, "treats", disease, attrs))
            continue
        if text and row["UMLS_CUI"] and alternatives:
            # the label's words and its CUI naming one disease outrank a coarser DOID:
            # "Hereditary Angioedema" (C0019243) is mapped to angioedema, "Sarcoidosis" to
            # uveoparotid fever, "Polycythemia Vera" to polycythemia
            alternatives.insert(0, agree_ref(f"UMLS:{row['UMLS_CUI']}", find_ref("Disease", text)))
        if row["UMLS_CUI"]:
            alternatives.append(f"UMLS:{row['UMLS_CUI']}")
        if row["SNOMEDCT_CUI"]:
            alternatives.append(f"SNOMEDCT_US:{row['SNOMEDCT_CUI']}")
        if text:
            kept_away = without_prevention(text)
            texts = dict.fromkeys(t for t in (text, strip_qualifiers(text), kept_away,
                                              strip_qualifiers(kept_away)) if t)  # fmt: skip
            alternatives += [find_ref(cls, t) for cls in ("Disease", "Phenotype") for t in texts]
            alternatives += [find_ref("Disease", t) for t in head_suffixes(text)]
            poisoning = _TOXICITY.match(text)
            if poisoning is not None:  # "Lead Toxicity" is DO's lead poisoning
                alternatives += [find_ref(cls, f"{poisoning['agent']} poisoning")
                                 for cls in ("Disease", "Phenotype")]  # fmt: skip
            alternatives += [find_ref(cls, t) for t in inner_names(kept_away or text)
                             for cls in ("Disease", "Phenotype")]  # fmt: skip
        fallback = own.get(_own_key(text)) if text else None
        if fallback is not None and fallback.curie not in alternatives:
            alternatives.append(fallback.curie)  # a node that has the CUI already
        if not alternatives:
            out.note("indications without DOID, CUI or text")
            continue
        key = "|".join(alternatives)
        disease = out.refer(key, Reference(tuple(alternatives), fallback))
        attrs = (("indication", text), ("origin", "DrugCentral (FDB label indication)"))
        out.edges.append(Edge(SOURCE, drug, "treats", disease, attrs))
        agent = _AGENT.search(text)
        if agent and drug in anti_infective:
            # "Duodenal Ulcer due to H. Pylori" for clarithromycin: an anti-infective given for
            # what an organism causes treats the infection too (never megestrol's "Anorexia due
            # to HIV"); reached by the infection's name only
            names_of = [f"{agent['agent']} infection", f"{agent['agent']} infections"]
            infection = out.refer(
                f"infection|{agent['agent']}",
                Reference(
                    tuple(find_ref(cls, n) for cls in ("Disease", "Phenotype") for n in names_of)
                ),
            )
            out.edges.append(Edge(SOURCE, drug, "treats", infection, attrs))

    columns = ["DRUG_ID", "DRUG_NAME", "TYPE", "CLASS_SOURCE_ID", "CLASS", "SOURCE"]
    classes: dict[str, str] = {}
    for row in read_tsv(d / "pharm_class.tsv", columns):
        cls = class_curie(row["SOURCE"], row["CLASS_SOURCE_ID"])
        if cls is None or not row["CLASS"]:
            out.note("classes of unknown vocabularies")
            continue
        drug = f"{PREFIX}:{row['DRUG_ID']}"
        names.setdefault(drug, row["DRUG_NAME"])
        classes.setdefault(cls, row["CLASS"])
        attrs = (("kind", f"{row['SOURCE']} {row['TYPE']}"),)
        out.edges.append(Edge(SOURCE, drug, "inDrugClass", cls, attrs))
    out.concepts += [Concept(SOURCE, c, "DrugClass", label) for c, label in classes.items()]

    columns = ["DRUG_ID", "DRUG_NAME", "TARGET_NAME", "UNIPROT", "GENE", "ACTION_TYPE", "SOURCE"]
    for row in read_tsv(d / "drug_target.tsv", columns):
        drug = f"{PREFIX}:{row['DRUG_ID']}"
        names.setdefault(drug, row["DRUG_NAME"])
        genes = [g for g in row["GENE"].split("|") if g]
        if not genes:
            out.note("targets without a gene symbol")
        for gene in genes:
            attrs = tuple(
                (k, v) for k, v in (
                    ("action", row["ACTION_TYPE"]), ("targetName", row["TARGET_NAME"]),
                    ("uniprot", row["UNIPROT"]), ("origin", row["SOURCE"]),
                ) if v
            )  # fmt: skip
            out.edges.append(Edge(SOURCE, drug, "targets", find_ref("Gene", gene), attrs))

    out.concepts += [
        Concept(
            SOURCE, drug, "Chemical", label, alias_ids=tuple(sorted(set(aliases.get(drug, []))))
        )
        for drug, label in names.items()
    ]
    return out
