"""The kgqa vocabulary: namespaces, node classes and relations.

This module is the single source of truth; ``graph_data/vocabulary.ttl`` is written from it
(``kgqa graph vocabulary``) and a test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgqa.errors import InputError

BASE = "https://w3id.org/kgqa/"
VOCAB = BASE + "vocab#"
NODE = BASE + "node/"
SOURCE = BASE + "source/"
STATEMENT = BASE + "statement/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"

# the id sources whose nodes are drugs (a chemical of another source is a plain substance:
# gluten, gelatin)
DRUG_SOURCES = ("DRUGBANK", "DRUGCENTRAL")

RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
RDFS_SUBCLASS = RDFS + "subClassOf"
SKOS_ALT = SKOS + "altLabel"
SKOS_DEF = SKOS + "definition"

PREFIXES = {
    "kgv": VOCAB,
    "kg": NODE,
    "src": SOURCE,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "xsd": XSD,
    "dct": DCT,
}


@dataclass(frozen=True)
class NodeClass:
    """A class of graph nodes."""

    name: str
    definition: str
    parent: str | None = None

    @property
    def iri(self) -> str:
        return VOCAB + self.name


@dataclass(frozen=True)
class Relation:
    """A relation between nodes, with domain, range and a one-line definition."""

    name: str
    domain: str
    range: str
    definition: str

    @property
    def iri(self) -> str:
        return VOCAB + self.name


CLASSES: dict[str, NodeClass] = {
    c.name: c
    for c in (
        NodeClass("Disease", "A disease or disorder (DO, OMIM, Orphanet, DECIPHER, MeSH C)."),
        NodeClass(
            "Phenotype",
            "A sign, symptom or clinical finding (HPO phenotypic abnormality, DO symptom, "
            "MeSH symptom).",
        ),
        NodeClass("Inheritance", "A mode of inheritance (HPO HP:0000005 subtree)."),
        NodeClass(
            "ClinicalAttribute",
            "Onset, course, severity, frequency and other HPO terms outside the phenotypes.",
        ),
        NodeClass("Chemical", "A chemical substance (MeSH D tree, DrugBank)."),
        NodeClass(
            "Drug",
            "A chemical with at least one treats or palliates edge in the graph.",
            parent="Chemical",
        ),
        NodeClass("Gene", "A human gene (NCBI Gene / Entrez)."),
        NodeClass("Anatomy", "An anatomical structure (Uberon, MeSH A)."),
        NodeClass("Cause", "An agent or process named as the material basis of a disease."),
        NodeClass(
            "DrugClass",
            "A class of drugs by established pharmacologic class, mechanism, physiologic effect "
            "or chemical structure (FDA EPC / MoA / PE, MeSH pharmacological action, ChEBI role).",
        ),
        NodeClass(
            "SideEffect",
            "An adverse drug reaction term (MedDRA, via SIDER) that names no phenotype or disease "
            "node of the graph.",
        ),
        NodeClass("Variant", "A genetic variant (dbSNP rsID), e.g. a GWAS lead SNP."),
        NodeClass(
            "Prevalence",
            "An Orphanet prevalence class, e.g. '1-9 / 100 000' (cases per population).",
        ),
    )
}

RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in (
        Relation(
            "hasPhenotype",
            "Disease",
            "Phenotype",
            "The disease presents with the phenotype (curated annotation or literature "
            "co-occurrence, see the source).",
        ),
        Relation(
            "lacksPhenotype",
            "Disease",
            "Phenotype",
            "The disease is explicitly annotated as NOT presenting the phenotype.",
        ),
        Relation(
            "hasInheritance", "Disease", "Inheritance", "The disease is inherited in this mode."
        ),
        Relation(
            "hasClinicalCourse",
            "Disease",
            "ClinicalAttribute",
            "Onset, progression or course of the disease.",
        ),
        Relation(
            "hasClinicalModifier",
            "Disease",
            "ClinicalAttribute",
            "A modifier of the disease's presentation (e.g. severity, triggers).",
        ),
        Relation(
            "associatedWithGene",
            "Disease",
            "Gene",
            "Variation in or expression of the gene is associated with the disease.",
        ),
        Relation("treats", "Drug", "Disease", "The drug is disease-modifying for the disease."),
        Relation(
            "palliates", "Drug", "Disease", "The drug treats symptoms of the disease (symptomatic)."
        ),
        Relation(
            "notIndicatedFor",
            "Drug",
            "Disease",
            "Curators judged the drug not indicated for the disease.",
        ),
        Relation("locatedIn", "Disease", "Anatomy", "The disease has its location in the anatomy."),
        Relation(
            "causedBy",
            "Disease",
            "Cause",
            "The disease has its material basis in, or is triggered by, the agent.",
        ),
        Relation(
            "transmittedBy",
            "Disease",
            "Cause",
            "The disease is transmitted by the route or vector.",
        ),
        Relation(
            "inDrugClass",
            "Chemical",
            "DrugClass",
            "The drug is a member of the class (the class's source is the statement's source).",
        ),
        Relation(
            "targets",
            "Chemical",
            "Gene",
            "The drug acts on the gene's product; the statement names the action (inhibitor, "
            "agonist, blocker ...).",
        ),
        Relation(
            "hasSideEffect",
            "Chemical",
            "Phenotype",
            "The drug's label lists the adverse effect; the object is a phenotype, or a disease "
            "or side-effect node where no phenotype names it. Frequencies, with placebo, where "
            "the label gives them.",
        ),
        Relation(
            "associatedWithVariant",
            "Disease",
            "Variant",
            "A genome-wide association study found the variant associated with the disease "
            "(p-value, PubMed id and sample size on the statement).",
        ),
        Relation("variantInGene", "Variant", "Gene", "The variant lies within the gene."),
        Relation(
            "variantReportedGene",
            "Variant",
            "Gene",
            "The study reporting the variant's association named the gene as the likely one.",
        ),
        Relation(
            "hasPrevalence",
            "Disease",
            "Prevalence",
            "Orphanet's prevalence class of the disease (point or birth prevalence, on the "
            "statement).",
        ),
    )
}

# Properties of annotation statements (rdf:Statement nodes reifying an edge).
STATEMENT_PROPS = {
    "frequency": "Frequency of the phenotype in the disease: HPO term, n/m, or percentage.",
    "alternatives": "How many restrictions the union has that the source states this one of "
    "(DO: caused by X or Y): it holds of the class, not necessarily of each of its kinds.",
    "frequencyValue": "Frequency as a number in [0, 1], when the source gives one.",
    "onset": "HPO onset term of the annotation.",
    "evidence": "Evidence code (IEA, PCS, TAS) of the annotation.",
    "reference": "A reference (PMID:, OMIM:, ORPHA:, ...) supporting the statement.",
    "sex": "Sex restriction of the annotation.",
    "modifier": "HPO modifier terms of the annotation.",
    "weight": "A numeric strength, e.g. HSDN tf-idf of the disease-symptom co-occurrence.",
    "cooccurrences": "Number of publications in which the two co-occur.",
    "licence": "Licence of the individual record.",
    "origin": "Upstream databases the record was integrated from.",
    "curators": "Number of curators that agreed on a PharmacotherapyDB indication.",
    "resources": "Number of indication resources listing a PharmacotherapyDB indication.",
    "indication": "The indication as the drug label states it (DrugCentral, SIDER).",
    "method": "How a SIDER indication was read from the label (NLP_indication ...).",
    "action": "What a drug does to its target (INHIBITOR, AGONIST, BLOCKER ...).",
    "targetName": "The target protein's name.",
    "uniprot": "The target protein's UniProt accession.",
    "frequencyLower": "Lowest frequency of the side effect over the drug's labels, in [0, 1].",
    "frequencyUpper": "Highest frequency of the side effect over the drug's labels, in [0, 1].",
    "placeboFrequency": "Frequency of the effect under placebo as a label states it.",
    "placeboFrequencyValue": "Frequency under placebo as a number in [0, 1].",
    "pValue": "The association's p-value.",
    "mlogPValue": "The association's -log10 p-value.",
    "samples": "Number of samples (cases and controls) of the study.",
    "cases": "Number of cases of the study.",
    "controls": "Number of controls of the study.",
    "date": "Publication date of the study.",
    "confidence": "The source's confidence class of the association (e.g. GWAS HC-P: high "
    "confidence, primary).",
    "associationType": "Orphanet's gene-disorder association type (disease-causing germline "
    "mutation, major susceptibility factor ...).",
    "kind": "Which kind of measure the statement gives (point prevalence, birth prevalence).",
}

# Node properties.
NODE_PROPS = {
    "id": "An identifier (CURIE) of the concept; a node has one per source id, alt id and xref.",
    "source": "A source that contributed the node.",
}


def curie_to_iri(curie: str) -> str:
    """The node IRI minted for a canonical CURIE.

    Example:
        >>> curie_to_iri("DOID:1234")
        'https://w3id.org/kgqa/node/DOID_1234'
    """
    prefix, _, local = curie.partition(":")
    return f"{NODE}{prefix}_{local}"


def iri_to_curie(iri: str) -> str:
    """Inverse of :func:`curie_to_iri`.

    Example:
        >>> iri_to_curie("https://w3id.org/kgqa/node/HP_0001250")
        'HP:0001250'
    """
    if not iri.startswith(NODE):
        raise ValueError(f"{iri!r} is not a kgqa node IRI")
    prefix, _, local = iri[len(NODE) :].partition("_")
    return f"{prefix}:{local}"


SUBCLASS = "subClassOf"


def predicate_iri(name: str) -> str:
    """The predicate IRI of a relation name: a vocabulary relation, or ``subClassOf``
    (``rdfs:subClassOf``). The one place that rule is written."""
    return RDFS_SUBCLASS if name == SUBCLASS else relation(name).iri


def relation_of_iri(iri: str) -> str | None:
    """The relation name of a predicate IRI (``subClassOf`` included), or None."""
    return RELATION_BY_IRI.get(iri)


def relation(name: str) -> Relation:
    """Look up a relation by name, saying which names exist when it is unknown."""
    try:
        return RELATIONS[name]
    except (KeyError, TypeError):
        raise InputError(
            f"relation: unknown relation {name!r}; expected one of {sorted(RELATIONS)}"
        ) from None


RELATION_BY_IRI = {r.iri: name for name, r in RELATIONS.items()} | {RDFS_SUBCLASS: SUBCLASS}


def to_turtle() -> str:
    """The vocabulary as Turtle text (deterministic)."""

    def lit(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'

    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    lines += ["", "# Classes"]
    for c in CLASSES.values():
        parent = f" ;\n    rdfs:subClassOf kgv:{c.parent}" if c.parent else ""
        lines.append(
            f"kgv:{c.name} a owl:Class ;\n    rdfs:label {lit(c.name)} ;\n"
            f"    skos:definition {lit(c.definition)}{parent} ."
        )
    lines += ["", "# Relations between nodes"]
    for r in RELATIONS.values():
        lines.append(
            f"kgv:{r.name} a owl:ObjectProperty ;\n    rdfs:label {lit(r.name)} ;\n"
            f"    rdfs:domain kgv:{r.domain} ;\n    rdfs:range kgv:{r.range} ;\n"
            f"    skos:definition {lit(r.definition)} ."
        )
    lines += ["", "# Properties of nodes"]
    for name, text in NODE_PROPS.items():
        lines.append(f"kgv:{name} a owl:DatatypeProperty ;\n    skos:definition {lit(text)} .")
    lines += ["", "# Properties of annotation statements (rdf:Statement)"]
    for name, text in STATEMENT_PROPS.items():
        lines.append(
            f"kgv:{name} a owl:DatatypeProperty ;\n    rdfs:domain rdf:Statement ;\n"
            f"    skos:definition {lit(text)} ."
        )
    return "\n".join(lines) + "\n"
