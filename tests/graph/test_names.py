from __future__ import annotations

import pytest

from kgqa.graph.names import name_keys, normalize_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alzheimer's disease", "alzheimer disease"),
        ("Crohn's Disease", "CROHN DISEASE"),
        ("TGF-β", "tgf beta"),
        ("TNF-α inhibitor", "tnf alpha inhibitors"),
        ("Oesophageal tumours", "esophageal tumor"),
        ("anaemia", "anemia"),
        ("haemorrhage", "hemorrhage"),
        ("Seizures", "seizure"),
        ("Non-small-cell lung cancer", "non small cell lung cancer"),
        ("café-au-lait spots", "cafe au lait spot"),
        ("Type 2 diabetes", "type-2 diabetes"),
        ("Galactosemias", "galactosemia"),
        ("breast carcinomas", "Breast carcinoma"),
        # a prefix joined, hyphenated or apart
        ("non-toxic goiter", "nontoxic goiter"),
        ("Nonsmall cell lung cancer", "non small cell lung cancer"),
        ("anti-inflammatory agents", "antiinflammatory agent"),
        ("poly cystic kidney disease", "polycystic kidney disease"),
    ],
)
def test_equivalent_spellings_share_a_key(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("type 1 diabetes", "type 2 diabetes"),
        ("hypertension", "hypotension"),
        ("BRCA1", "BRCA2"),
        ("status epilepticus", "status"),
    ],
)
def test_different_concepts_keep_different_keys(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_words_ending_in_s_that_are_not_plurals_are_kept() -> None:
    assert normalize_name("diagnosis") == "diagnosis"
    assert normalize_name("status") == "status"
    assert normalize_name("analysis") == "analysis"


def test_inverted_mesh_heading_gets_an_uninverted_key() -> None:
    assert normalize_name("acute abdomen") in name_keys("Abdomen, Acute")


def test_empty_and_punctuation_only_give_no_key() -> None:
    assert name_keys("  ") == set()
    assert name_keys("--!!--") == set()


@pytest.mark.parametrize(
    ("heading", "natural"),
    [
        ("Leukemia, Myeloid, Acute", "acute myeloid leukemia"),
        ("Abdomen, Acute", "acute abdomen"),
        ("Neoplasms, Adipose Tissue", "adipose tissue neoplasms"),
    ],
)
def test_inverted_mesh_headings_match_natural_order(heading: str, natural: str) -> None:
    assert normalize_name(natural) in name_keys(heading)


def test_headings_with_numbers_are_not_reordered() -> None:
    assert "type 2 diabetes mellitus" not in name_keys("Diabetes Mellitus, Type 2")
    assert normalize_name("bias") == "bias" and normalize_name("pancreas") == "pancreas"
