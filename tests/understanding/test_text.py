"""Cue words as people misspell them (kgqa.text.corrected_cue_words)."""

from __future__ import annotations

import pytest

from kgqa.encoder import base_vocabulary
from kgqa.text import corrected_cue_words

# a few words spelt right, as the encoder's vocabulary knows them
KNOWN = frozenset("what are the for is it my of were and cases diagnosed injection affects".split())


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("What are the tratments for gout?", "What are the treatments for gout?"),
        ("symtoms of lupus", "symptoms of lupus"),
        ("Is it heritary?", "Is it hereditary?"),
        ("Treatement options", "Treatment options"),
    ],
)
def test_a_misspelt_cue_word_is_read_as_meant(typed, meant):
    assert corrected_cue_words(typed, KNOWN) == meant


def test_words_spelt_right_and_the_words_of_names_stay_as_typed():
    # "cases" is one slip from "causes", "injection" from "infection": both are words
    text = "My cases were diagnosed after the injection"
    assert corrected_cue_words(text, KNOWN) == text
    # a word of a linked name is the linker's to read ("Sydrome" in a name stays)
    assert corrected_cue_words("Fragile X Sydrome", KNOWN, keep={"Sydrome"}) == "Fragile X Sydrome"
    # a word as near two cue words is left alone ("treat" and "treats" are both one slip)
    assert corrected_cue_words("treatx", KNOWN) == "treatx"


def test_the_encoder_vocabulary_knows_common_words_and_not_misspellings():
    known = base_vocabulary()
    assert {"diagnosed", "injection", "cases", "treatments"} <= known
    assert not {"tratments", "symtoms", "heritary"} & known
