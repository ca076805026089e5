"""Graph triples as short English statements, for the verifier and for readers.

Example:
    >>> statement("metformin", "treats", "type 2 diabetes mellitus")
    'metformin treats type 2 diabetes mellitus'
    >>> statement("Marfan syndrome", "associatedWithGene", "FBN1", negated=True)
    'Marfan syndrome is not associated with the gene FBN1'
"""

from __future__ import annotations

from kgqa.records import Triple

_POS = {
    "treats": "{s} treats {o}",
    "palliates": "{s} relieves symptoms of {o}",
    "notIndicatedFor": "{s} is not indicated for {o}",
    "hasPhenotype": "{s} has the feature {o}",
    "lacksPhenotype": "{s} does not have the feature {o}",
    "associatedWithGene": "{s} is associated with the gene {o}",
    "hasInheritance": "{s} is inherited as {o}",
    "hasClinicalCourse": "{s} has the clinical course {o}",
    "hasClinicalModifier": "{s} has the modifier {o}",
    "subClassOf": "{s} is a kind of {o}",
    "causedBy": "{s} is caused by {o}",
    "transmittedBy": "{s} is transmitted by {o}",
    "locatedIn": "{s} affects the {o}",
    "inDrugClass": "{s} is a {o}",
    "targets": "{s} acts on the product of the gene {o}",
    "hasSideEffect": "{s} can cause {o} as a side effect",
    "associatedWithVariant": "{s} is associated with the variant {o}",
    "variantInGene": "{s} lies in the gene {o}",
    "variantReportedGene": "{s} was reported with the gene {o}",
    "hasPrevalence": "{s} has a prevalence of {o}",
}
_NEG = {
    "treats": "{s} does not treat {o}",
    "palliates": "{s} does not relieve symptoms of {o}",
    "notIndicatedFor": "{s} is indicated for {o}",
    "hasPhenotype": "{s} does not have the feature {o}",
    "lacksPhenotype": "{s} has the feature {o}",
    "associatedWithGene": "{s} is not associated with the gene {o}",
    "hasInheritance": "{s} is not inherited as {o}",
    "subClassOf": "{s} is not a kind of {o}",
    "causedBy": "{s} is not caused by {o}",
    "inDrugClass": "{s} is not a {o}",
    "targets": "{s} does not act on the product of the gene {o}",
    "hasSideEffect": "{s} is not known to cause {o} as a side effect",
    "associatedWithVariant": "{s} is not associated with the variant {o}",
}
FREQUENCY_WORDS = {
    "HP:0040280": "obligate", "HP:0040281": "very frequent", "HP:0040282": "frequent",
    "HP:0040283": "occasional", "HP:0040284": "very rare", "HP:0040285": "excluded",
}  # fmt: skip
# the relation whose assertion contradicts a positive claim of the key relation
CONTRADICTS = {"treats": "notIndicatedFor", "hasPhenotype": "lacksPhenotype"}


def statement(subject: str, relation: str, obj: str, negated: bool = False) -> str:
    table = _NEG if negated else _POS
    template = table.get(relation, "{s} " + relation + " {o}" if not negated
                         else "{s} not " + relation + " {o}")  # fmt: skip
    return template.format(s=subject, o=obj)


def triple_text(t: Triple) -> str:
    """``graph (source): statement.`` with the frequency when the edge has one."""
    text = statement(t.subject.label, t.relation, t.object.label)
    freq = [a.value for stmt in t.attributes for a in stmt if a.key == "frequency"]
    if freq:
        text += f" ({FREQUENCY_WORDS.get(str(freq[0]), freq[0])})"
    return f"graph ({t.source}): {text}."
