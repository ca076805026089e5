"""Options written inside a question: found where their form is unmistakable, never in prose."""

from __future__ import annotations

import pytest

from kgqa.understanding.choices import split_choices


@pytest.mark.parametrize(
    ("text", "stem", "options"),
    [
        ("Which gene causes Marfan syndrome? A) FBN1 B) COL1A1 C) TP53",
         "Which gene causes Marfan syndrome?", ("FBN1", "COL1A1", "TP53")),
        ("Which drug treats gout?\nA. metformin\nB. allopurinol\nC. lisinopril",
         "Which drug treats gout?", ("metformin", "allopurinol", "lisinopril")),
        ("Which drug treats gout? (A) allopurinol (B) metformin",
         "Which drug treats gout?", ("allopurinol", "metformin")),
        ("Which drug treats gout? a) allopurinol b) metformin c) insulin",
         "Which drug treats gout?", ("allopurinol", "metformin", "insulin")),
        ("Out of the given list, which Gene is associated with psoriasis and Takayasu's "
         "arteritis. Given list is: SHTN1, HLA-B, SLC14A2, BTBD9, DTNB",
         "which Gene is associated with psoriasis and Takayasu's arteritis.",
         ("SHTN1", "HLA-B", "SLC14A2", "BTBD9", "DTNB")),
        ("Which is a symptom of gout? Options: joint pain; hair loss; blindness",
         "Which is a symptom of gout?", ("joint pain", "hair loss", "blindness")),
        ("Which of these genes causes cystic fibrosis: CFTR, DMD or HBB?",
         "Which of these genes causes cystic fibrosis?", ("CFTR", "DMD", "HBB")),
    ],
)  # fmt: skip
def test_options_in_the_question_are_split_from_its_stem(text, stem, options):
    found = split_choices(text)
    assert found is not None and (found.stem, found.options) == (stem, options)


@pytest.mark.parametrize(
    "text",
    [
        "Does gout cause joint pain?",
        "I take vitamin A. My doctor said B. is fine",  # letters that end words
        "I have hepatitis A. and B. what can I do",
        "I had hepatitis A) and then B) last year",  # no stem that asks
        "Plan A: take drug. Plan B: rest",
        "Options: allopurinol, metformin",  # no stem
        "I have few options - surgery or meds",  # a stem that does not ask
        "Which drug treats gout? A) allopurinol",  # one option is no choice
        # a which-question before a colon, then prose: no list
        "which doctor should I see: my symptoms are fever, headache and rash and it has gone "
        "on for 3 weeks now, please help",
        "Which gene? " + " ".join(f"{chr(65 + i)}) G{i}" for i in range(11)),  # > MAX_OPTIONS
        "",
    ],
)
def test_prose_and_lists_that_are_no_options_are_left_whole(text):
    assert split_choices(text) is None


def test_a_closing_answer_prompt_is_no_part_of_the_last_option():
    found = split_choices("Which drug treats gout?\nA. metformin\nB. allopurinol\nAnswer:")
    assert found is not None and found.options == ("metformin", "allopurinol")
