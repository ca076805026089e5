"""What counts as a likeness of a name: misspelt word by word, never the name's negation."""

from __future__ import annotations

import pytest

from kgqa.graph.names import normalize_name
from kgqa.linking.candidates import negates, reduced_forms, same_sense, slipped_words
from kgqa.records import Node


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("finastride", "finasteride"),  # a letter left out
        ("levothyroxin", "levothyroxine"),
        ("adema", "edema"),  # a vowel for a vowel at the start
        ("heart burn", "heartburn"),  # a word split
        ("x linked congenital stationary night blindness",
         "congenital stationary night blindness"),  # a word dropped: broader
        ("peripheral nervous system damage", "peripheral nervous system disease"),
    ],
)  # fmt: skip
def test_misspellings_read_word_by_word(key: str, name: str) -> None:
    assert slipped_words(key, name)


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("salinomycin", "valinomycin"),  # another first letter: another drug
        ("haglund deformity", "hand deformity"),  # three slips in a word
        ("noncancerous tumor", "noncancerous gi tumor"),  # a word more: narrower
    ],
)
def test_other_words_are_no_misspellings(key: str, name: str) -> None:
    assert not slipped_words(key, name)


def test_a_negation_of_a_word_or_of_its_stem_is_no_likeness() -> None:
    assert negates("noncancerous tumor", "cancer")
    assert negates("noninsulin dependent diabetes", "insulin dependent diabetes")
    assert not same_sense("noncancerous tumor", "nonhereditary cancer")
    assert not negates("type ii complement c2 deficiency", "complement component 2 deficiency")
    assert not negates("nontoxic goiter", "goiter")  # narrower, not negated


def test_two_peoples_names_are_one_name_in_either_order() -> None:
    assert reduced_forms("russell-silver syndrome") == ["silver-russell syndrome"]
    # a hyphen between parts of a body still joins two names ("breast-ovarian cancer")
    assert reduced_forms("breast-ovarian cancer") == ["breast cancer", "ovarian cancer"]


@pytest.mark.parametrize(
    ("text", "name", "alike"),
    [
        ("Advair", "adefovir", False),  # a brand the encoder knows nothing of
        ("Symbicort", "Syprine", False),
        ("Azithomycin", "azithromycin", True),  # a letter left out
        ("Levthyroxin", "Levothyroxine", True),
        ("Lovasa", "Lovaza", True),
    ],
)  # fmt: skip
def test_a_brand_is_no_drug_it_is_only_embedded_near(text: str, name: str, alike: bool) -> None:
    # "Should I take Advair with Spiriva?" linked adefovir at 1.00, "Is Symbicort safe?"
    # trientine (its brand Syprine): dense search finds a few shared letters in a brand
    from kgqa.linking.candidates import _a_likeness

    drug = Node("urn:x", "X:1", name, "Chemical")
    assert _a_likeness(text, normalize_name(text), drug, name) is alike


@pytest.mark.parametrize(
    ("text", "measure", "meant"),
    [
        ("What can I take for my blood pressure?", "blood pressure", "high blood pressure"),
        # the treatment of a measure is the treatment of its high level, never what the
        # substance treats ("What is the treatment for cholesterol?" read what cholesterol
        # treats)
        ("What is the treatment for cholesterol?", "cholesterol", "high cholesterol"),
        ("How to treat cholesterol?", "cholesterol", "high cholesterol"),
        ("how do I treat my blood pressure", "blood pressure", "high blood pressure"),
        ("best remedies for uric acid", "uric acid", "high uric acid"),
        ("treatment of triglycerides", "triglycerides", "high triglycerides"),
        # a measure said otherwise is the measure
        ("What is a normal cholesterol?", "cholesterol", None),
        ("Does cholesterol cause heart disease?", "cholesterol", None),
        ("Which foods contain cholesterol?", "cholesterol", None),
    ],
)
def test_a_measure_said_as_what_a_drug_or_treatment_is_for_is_its_disorder(text, measure, meant):
    from kgqa.linking.candidates import measure_meant

    start = text.index(measure)
    assert measure_meant(text, start, start + len(measure)) == meant
