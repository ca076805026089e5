"""The words of a claim whose second end no node is linked for: a kind of organism a disease
is said to be caused by, a mode of inheritance said of a disease."""

import pytest

from kgqa.understanding.claims import AGENT_KINDS, agent_kind, agent_said, other_end_worded


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tuberculosis is caused by a virus", "virus"),
        ("Is malaria caused by a parasite?", "parasite"),
        ("Is tetanus caused by bacteria?", "bacterium"),
        ("Thrush is caused by a yeast", "fungus"),
        ("Ringworm is caused by a fungus", "fungus"),
        ("Influenza is a viral infection", "virus"),
        ("Gonorrhea is not a bacterial disease", "bacterium"),
        ("Scabies is caused by some kind of parasite", "parasite"),
    ],
)
def test_a_kind_of_organism_said_as_the_cause_is_read(text, kind) -> None:
    said = agent_said(text)
    assert said is not None
    assert agent_kind(said.group("noun") or said.group("adj")) == kind
    assert kind in AGENT_KINDS
    assert other_end_worded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tuberculosis is caused by bacteria, not a virus",  # two kinds: which is denied is unread
        "Pneumonia is caused by smoking",
        "Viral hepatitis damages the liver",  # the kind inside a name, no cause said
        "The virus spreads by coughing",
        "Does metformin cause lactic acidosis?",
    ],
)
def test_no_single_kind_of_organism_said_as_the_cause_is_no_agent_claim(text) -> None:
    assert agent_said(text) is None


@pytest.mark.parametrize(
    ("text", "worded"),
    [
        ("Is sickle cell anemia autosomal recessive?", True),
        ("Huntington disease is autosomal recessive", True),
        ("Hemophilia is an X-linked disorder", True),
        ("Is malaria caused by a parasite?", True),
        ("Does gabapentin treat nerve pain?", False),
        ("Can X-linked hypophosphatemia be treated?", False),
    ],
)
def test_a_claim_that_says_its_second_end_in_words(text, worded) -> None:
    assert other_end_worded(text) is worded


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("Lyme disease is transmitted by ticks", "ticks"),
        ("Is malaria spread by mosquitoes?", "mosquitoes"),
        ("Can you get plague from fleas?", "fleas"),
        ("Is Rocky Mountain spotted fever tick-borne?", "ticks"),
        ("Is the flu airborne?", "the air"),
        ("Tuberculosis is spread through the air", "the air"),
        ("Can you catch hepatitis A from contaminated food?", "food or water"),
        ("Is typhus spread by lice?", "lice"),
        ("Is chickenpox spread by direct contact?", "contact"),
    ],
)
def test_how_a_disease_passes_to_people_is_read(text, way) -> None:
    from kgqa.understanding.claims import VECTOR_KINDS, said_vector, vector_said

    said = vector_said(text)
    assert said is not None and said_vector(said) == way and way in VECTOR_KINDS
    assert other_end_worded(text)


@pytest.mark.parametrize(
    "text",
    ["How is Lyme disease transmitted?", "Lyme disease is caused by a bacterium",
     "I got a rash from the cream", "Ticks are arachnids"],
)  # fmt: skip
def test_no_way_of_transmission_said(text) -> None:
    from kgqa.understanding.claims import vector_said

    assert vector_said(text) is None
