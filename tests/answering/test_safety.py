"""Polarity is never flipped: a contraindication is not read as "treats", and kgqa, whose
sources list no contraindications, never supports or refutes one."""

from __future__ import annotations

import pytest

from kgqa.understanding.claims import CONTRAINDICATION, parse_claim
from tests.answering.fakes import FakeLinker

NAMES = {"metformin": "DRUGBANK:DB00331", "allopurinol": "DRUGBANK:DB00437", "gout": "DOID:13189"}


@pytest.mark.parametrize(
    ("claim", "negated"),
    [
        ("Allopurinol is contraindicated in gout", False),
        ("allopurinol is contra-indicated for patients with gout", False),
        ("Allopurinol should not be used for gout", False),
        ("Allopurinol must not be given in gout", False),
        ("Patients with gout should avoid allopurinol", False),
        ("Do not use allopurinol in gout", False),
        ("Allopurinol is not recommended for gout", False),
        ("Allopurinol is not contraindicated in gout", True),
        ("Allopurinol is never contraindicated in gout", True),
    ],
)
def test_contraindications_are_their_own_relation_with_their_own_polarity(kg, claim, negated):
    parsed = parse_claim(claim, FakeLinker(kg, NAMES).link(claim), kg)
    assert (parsed.subject.label, parsed.relation, parsed.object.label) == (
        "Allopurinol",
        CONTRAINDICATION,
        "gout",
    )
    assert parsed.negated is negated


@pytest.mark.parametrize(
    ("claim", "relation", "negated"),
    [
        ("Allopurinol treats gout", "treats", False),
        ("Metformin is not indicated for gout", "treats", True),  # an indication refutes it
        ("Metformin does not treat gout", "treats", True),
    ],
)
def test_treatment_claims_keep_their_reading(kg, claim, relation, negated):
    parsed = parse_claim(claim, FakeLinker(kg, NAMES).link(claim), kg)
    assert (parsed.relation, parsed.negated) == (relation, negated)


@pytest.mark.parametrize(
    "claim",
    [
        "Allopurinol is contraindicated in gout",  # the graph: allopurinol treats gout
        "Metformin is contraindicated in gout",  # the graph: metformin not indicated for gout
        "Allopurinol is not contraindicated in gout",
        "Metformin should not be used in gout",
    ],
)
def test_a_contraindication_claim_is_unknown_with_what_the_graph_does_say(pipeline, claim):
    v = pipeline.verify(claim)
    assert v.verdict == "unknown" and v.relation == CONTRAINDICATION
    assert "no contraindication data" in v.reason
    assert v.evidence.triples and "it says" in v.reason


def test_asking_for_contraindicated_drugs_lists_no_treatments(pipeline):
    r = pipeline.ask("Which drugs are contraindicated in gout?")
    assert r.no_answer and r.answers == () and "contraindication" in r.reason
    yes_no = pipeline.ask("Is allopurinol contraindicated in gout?")
    assert yes_no.verdict is not None and yes_no.verdict.verdict == "unknown"


@pytest.mark.parametrize(
    ("claim", "relation", "subject", "negated"),
    [
        ("Can metformin cause headache?", "hasSideEffect", "Metformin", False),
        ("Is headache a side effect of metformin?", "hasSideEffect", "Metformin", False),
        ("Metformin does not cause headache", "hasSideEffect", "Metformin", True),
        ("Headache is caused by metformin", "causedBy", "Headache", False),
    ],
)
def test_a_drug_causing_a_finding_is_a_side_effect_claim(kg, claim, relation, subject, negated):
    names = {"metformin": "DRUGBANK:DB00331", "headache": "HP:0002315"}
    parsed = parse_claim(claim, FakeLinker(kg, names).link(claim), kg)
    assert (parsed.relation, parsed.subject.label, parsed.negated) == (relation, subject, negated)


def test_side_effects_are_checked_against_the_graph_both_ways(pipeline):
    yes = pipeline.verify("Can metformin cause headache?")
    assert yes.relation == "hasSideEffect" and yes.verdict == "supported"
    assert {t.source for t in yes.evidence.triples} == {"sider"}
    no = pipeline.verify("Metformin does not cause headache")
    assert no.verdict != "supported"


ALL_NAMES = {
    **NAMES,
    "colchicine": "DRUGBANK:DB01394",
    "marfan syndrome": "DOID:14323",
    "fbn1": "NCBIGene:2200",
    "arachnodactyly": "HP:0001166",
    "headache": "HP:0002315",
}
# (claim, relation, negated): every polarity of every relation a claim can carry, written the
# ways people write them; the parse must keep the polarity the words give
POLARITY = [
    ("Colchicine treats gout", "treats", False),
    ("Colchicine is used for gout", "treats", False),
    ("Colchicine is indicated for gout", "treats", False),
    ("Colchicine doesn't treat gout", "treats", True),
    ("Colchicine is never used for gout", "treats", True),
    ("Colchicine cannot treat gout", "treats", True),
    ("Colchicine is not indicated for gout", "treats", True),
    ("Colchicine is contraindicated in gout", "contraindicatedIn", False),
    ("Colchicine should be avoided in gout", "contraindicatedIn", False),
    ("Colchicine may not be given in gout", "contraindicatedIn", False),
    ("Colchicine must not be taken in gout", "contraindicatedIn", False),
    ("Never use colchicine in gout", "contraindicatedIn", False),
    ("Colchicine is not contraindicated in gout", "contraindicatedIn", True),
    ("Marfan syndrome is associated with FBN1", "associatedWithGene", False),
    ("FBN1 mutations cause Marfan syndrome", "associatedWithGene", False),
    ("Marfan syndrome is not associated with FBN1", "associatedWithGene", True),
    ("Arachnodactyly is a symptom of Marfan syndrome", "hasPhenotype", False),
    ("Arachnodactyly is not a feature of Marfan syndrome", "hasPhenotype", True),
    ("Marfan syndrome does not cause arachnodactyly", "hasPhenotype", True),
    ("Can colchicine cause headache?", "hasSideEffect", False),
    ("Headache is a side effect of colchicine", "hasSideEffect", False),
    ("Headache is an adverse effect of colchicine", "hasSideEffect", False),
    ("Colchicine never causes headache", "hasSideEffect", True),
    ("Headache is not a side effect of colchicine", "hasSideEffect", True),
]


@pytest.mark.parametrize(("claim", "relation", "negated"), POLARITY)
def test_the_parse_keeps_the_polarity_the_words_give(kg, claim, relation, negated):
    parsed = parse_claim(claim, FakeLinker(kg, ALL_NAMES).link(claim), kg)
    assert (parsed.relation, parsed.negated) == (relation, negated), parsed


@pytest.mark.parametrize(("claim", "relation", "negated"), POLARITY)
def test_no_claim_is_supported_against_its_polarity(pipeline, claim, relation, negated):
    """On the fixture graph (colchicine treats gout; Marfan syndrome, FBN1 and arachnodactyly
    are related; colchicine has no recorded headache): a claim the graph contradicts is never
    supported, and a true claim negated is never supported either."""
    v = pipeline.verify(claim)
    graph_says = relation in ("treats", "associatedWithGene", "hasPhenotype")
    if negated and graph_says:
        assert v.verdict != "supported", v
    if not negated and graph_says:
        assert v.verdict != "refuted", v
    if relation in ("contraindicatedIn", "hasSideEffect"):
        assert v.verdict == "unknown", v
