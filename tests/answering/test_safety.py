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
