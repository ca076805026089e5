"""Words that put a drug beside a disorder: someone named for a disorder asking whether they
may take it, a drug blamed for what the text does not name."""

import re

import pytest

from kgqa.records import Candidate, Mention, Node
from kgqa.understanding.claims import blamed_for_the_unnamed, uses_despite

_NODES = {
    "prednisone": Node("https://w3id.org/kgqa/node/DRUGBANK_DB00635", "DRUGBANK:DB00635",
                       "Prednisone", "Chemical"),
    "lisinopril": Node("https://w3id.org/kgqa/node/DRUGBANK_DB00722", "DRUGBANK:DB00722",
                       "Lisinopril", "Chemical"),
    "diabetics": Node("https://w3id.org/kgqa/node/DOID_9351", "DOID:9351", "diabetes mellitus",
                      "Disease"),
    "hemophiliacs": Node("https://w3id.org/kgqa/node/DOID_0061030", "DOID:0061030",
                         "hemophilia", "Disease"),
    "asthma patients": Node("https://w3id.org/kgqa/node/DOID_2841", "DOID:2841", "asthma",
                            "Disease"),
    "cough": Node("https://w3id.org/kgqa/node/HP_0012735", "HP:0012735", "Cough", "Phenotype"),
}  # fmt: skip


def mentions(text: str) -> list[Mention]:
    """The names of ``_NODES`` the text holds, as a linker would give them."""
    out = []
    for name, node in _NODES.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.I):
            out.append(Mention(m.start(), m.end(), m.group(), node.cls, False, 1.0,
                               (Candidate(node, 1.0, "exact", name),)))  # fmt: skip
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize(
    "text",
    [
        "Can diabetics take prednisone?",
        "Is prednisone safe for diabetics?",
        "Is prednisone safe for hemophiliacs?",
        "Can asthma patients take prednisone?",
    ],
)
def test_people_named_for_a_disorder_ask_whether_they_may_take_a_drug(text) -> None:
    # "Can diabetics take prednisone?" was "no relation recognised"
    assert uses_despite(text, mentions(text))


def test_a_drug_for_a_disorder_is_not_taken_despite_it() -> None:
    text = "Can I take prednisone for my cough?"
    assert not uses_despite(text, mentions(text))


@pytest.mark.parametrize(
    "text",
    [
        "Could my new medication lisinopril be causing this?",
        "Could stopping lisinopril have caused these symptoms?",
        "Is it possible that lisinopril caused my problem?",
        "Could lisinopril be the cause?",
        "I started lisinopril last week. Could it be the reason I feel this way?",
    ],
)
def test_a_drug_blamed_for_what_goes_unnamed(text) -> None:
    assert blamed_for_the_unnamed(text, mentions(text)) == _NODES["lisinopril"]


@pytest.mark.parametrize(
    "text",
    [
        # a finding named: a claim to check (blamed_drug reads it)
        "Could lisinopril be causing my cough?",
        # nothing blamed
        "What does lisinopril treat?",
        "Is lisinopril a good drug?",
        # what it causes is named by the kind asked for, not left unnamed
        "Could lisinopril cause this disease?",
    ],
)
def test_no_drug_blamed_for_the_unnamed(text) -> None:
    assert blamed_for_the_unnamed(text, mentions(text)) is None


def test_a_question_of_taking_a_drug_in_a_message_naming_another_asks_how_they_go_together():
    from kgqa.understanding.router import taken_with_another

    def drug(curie: str, label: str, cls: str = "Chemical") -> tuple[Mention, Node]:
        node = Node(f"https://w3id.org/kgqa/node/{curie.replace(':', '_')}", curie, label, cls)
        m = Mention(0, len(label), label, "CHEMICAL", False, 1.0,
                    (Candidate(node, 1.0, "exact", label),))  # fmt: skip
        return m, node

    allopurinol, diuretics = (
        drug("DRUGBANK:DB00437", "allopurinol"),
        drug("MESH:D004232", "diuretic", "DrugClass"),
    )
    question = "How dangerous is it to take a diuretic."
    assert taken_with_another(question, [diuretics], [allopurinol, diuretics])
    # the message names no other drug, or the question no taking
    assert not taken_with_another(question, [diuretics], [diuretics])
    assert not taken_with_another("What is a diuretic?", [diuretics], [allopurinol, diuretics])


@pytest.mark.parametrize(
    ("question", "sign"),
    [
        ("Which drugs do not work for gout?", "negated"),
        ("Which drugs do not help with gout?", "negated"),
        ("What is not a symptom of gout?", "negated"),
        # how someone is, not what is not so: a real message's "NOW NOT WORKING AND SHUTTING
        # HIMSELF IN HIS ROOM ... WHAT CAN WE DO TO HELP HIM" was answered "the question asks
        # what is not so"
        ("He is now not working and shutting himself in. What can we do to help him?",
         "positive"),
        ("The medicine is not helping. What else treats gout?", "positive"),
        # ... nor what a person could not do: "My provider can't help (I asked.) ... need
        # something for dry mouth" was refused as asking which drugs do not treat it
        ("My provider can't help (I asked.) I need something for dry mouth.", "positive"),
        ("The doctors won't help. What treats gout?", "positive"),
        # a drug that cannot help is what is not so
        ("Which of the drugs can't help gout?", "negated"),
        ("Which drugs can't help with gout?", "negated"),
    ],
)  # fmt: skip
def test_a_question_asks_what_is_not_so_only_in_words_of_the_relation(question, sign) -> None:
    from kgqa.understanding.router import polarity

    assert polarity(question, "drugs_for_disease") == sign
