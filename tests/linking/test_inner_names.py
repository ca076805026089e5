"""The shorter names tried for a phrase that reaches no node (no model, no graph)."""

from __future__ import annotations

from kgqa.linking.candidates import inner_names


def names(text: str, chemical: bool = False) -> list[str]:
    return [name for name, _ in inner_names(text, chemical=chemical)]


def test_a_head_is_tried_without_its_modifiers_longest_first() -> None:
    assert names("stage 3/4 pancreatic cancer") == ["pancreatic cancer"]
    assert names("chronic posterior hip pain") == ["posterior hip pain", "hip pain"]
    assert names("pitting edema") == ["edema"]
    # each cut costs a step; a stage and its number are one
    assert inner_names("stage IV breast cancer") == [("breast cancer", 1)]
    # a qualifier the corpora fold into the concept ("severe") costs no step
    assert inner_names("severe pitting edema") == [("pitting edema", 0), ("edema", 1)]


def test_a_general_head_stands_for_no_phrase() -> None:
    assert names("shingles pain") == []
    assert names("throat cancer") == []
    assert names("oleander poisoning") == []


def test_a_word_that_turns_the_name_keeps_the_phrase_whole() -> None:
    for text in (
        "non-toxic goiter",
        "high ammonia levels",
        "vitamin D deficiency",
        "hepatitis B vaccine",
        "loss of smell",
        "low blood pressure",
        "alcohol and opiate withdrawal",
        "rib pain, swelling",
    ):
        assert inner_names(text) == [], text
    # an overdose of a drug is an overdose (broader), never the drug
    assert names("pentoxifylline overdose") == ["overdose"]


def test_a_tagged_phrase_run_on_into_a_verb_is_cut_there() -> None:
    assert names("diabetes affect bowel movements") == ["diabetes"]
    assert names("atypical pneumonia recur") == ["atypical pneumonia", "pneumonia"]
    assert names("Alzheimer's caregivers") == ["Alzheimer's"]


def test_a_drug_loses_its_dosage_form_and_then_its_salt_never_its_name() -> None:
    assert names("Azithomycin Oral Suspension", chemical=True) == ["Azithomycin"]
    assert names("transdermal scopolamine patch", chemical=True) == ["scopolamine"]
    assert names("1 mg Testosterone Cypionate injection", chemical=True) == [
        "Testosterone Cypionate", "Testosterone",
    ]  # fmt: skip
    # the salt is no head: "glucosamine sulphate" is glucosamine, never sulphate
    assert names("glucosamine sulphate", chemical=True) == ["glucosamine"]
    assert names("esomeprazole magnesium", chemical=True) == ["esomeprazole"]
    assert names("ringers lactate", chemical=True) == []


def test_one_word_has_nothing_inside() -> None:
    assert inner_names("gout") == []
    assert inner_names("") == []


def test_an_adverb_the_tagger_ran_on_into_is_cut():
    # "Is it possible to cure HIV-1 infection completely?"
    assert names("HIV-1 infection completely")[0] == "HIV-1 infection"
    assert names("diabetes permanently")[0] == "diabetes"


def test_how_a_drug_is_had_is_no_part_of_its_name():
    assert names("expired glucosamine sulfate caplets", chemical=True) == [
        "glucosamine sulfate", "glucosamine",
    ]  # fmt: skip
    assert names("generic Lipitor", chemical=True) == ["Lipitor"]


def test_a_generic_makers_prefix_is_no_part_of_a_drugs_name():
    assert inner_names("apo-mometasone spray", chemical=True) == [
        ("mometasone spray", 1), ("mometasone", 2)]  # fmt: skip
    assert names("PMS-Hydrochlorothiazide", chemical=True) == ["Hydrochlorothiazide"]
    # a disorder's words, and a word whose prefix is English, keep it
    assert names("pro-inflammatory cytokines", chemical=True) == []
    assert names("apo-mometasone") == []
