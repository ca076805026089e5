"""The words of a claim whose second end no node is linked for: a kind of organism a disease
is said to be caused by, a mode of inheritance said of a disease."""

import re

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


def _penicillin_mentions(text: str):
    """The linker's reading of "penicillin" typed a disease: DO's allergic trigger first (of
    penicillin allergy), MeSH's heading and NDF-RT's class below the NIL threshold."""
    from kgqa.records import Candidate, Mention, Node

    def node(curie: str, label: str, cls: str) -> Node:
        return Node(f"https://w3id.org/kgqa/node/{curie.replace(':', '_')}", curie, label, cls)

    agent = node("KGQA:Cause_penicillin", "penicillin", "Cause")
    heading = node("MESH:D010406", "Penicillins", "Chemical")
    drugs = node("NDFRT:N0000011281", "Penicillins", "DrugClass")
    rash = node("HP:0000988", "Skin rash", "Phenotype")
    allergy = node("DOID:0060520", "penicillin allergy", "Disease")
    out = []
    for surface, candidates in (
        ("penicillin allergy", (Candidate(allergy, 1.0, "exact", "penicillin allergy"),)),
        ("penicillin", (Candidate(agent, 0.78, "exact", "penicillin"),
                        Candidate(heading, 0.59, "annotated", "penicillin"),
                        Candidate(drugs, 0.55, "normalized", "Penicillins"))),
        ("rash", (Candidate(rash, 0.97, "exact", "rash"),)),
    ):  # fmt: skip
        for found in re.finditer(surface, text, re.I):
            at = found.start()
            if not any(m.start <= at < m.end for m in out):
                out.append(Mention(at, found.end(), found.group(), "DISEASE", False, 1.0,
                                   candidates))  # fmt: skip
    return sorted(out, key=lambda m: m.start), (agent, drugs, rash, allergy)


def test_an_agent_named_as_a_drug_is_the_drug_unless_a_disease_is_said_to_come_from_it() -> None:
    # "Does penicillin cause a rash?" read DO's penicillin, the trigger of penicillin allergy,
    # and found no relation to a rash
    from kgqa.understanding.claims import drug_stand_in, parse_claim

    text = "Does penicillin cause a rash?"
    mentions, (agent, drugs, rash, allergy) = _penicillin_mentions(text)
    assert drug_stand_in(mentions[0]) == drugs
    parsed = parse_claim(text, mentions, kg=None)  # type: ignore[arg-type]
    assert (parsed.subject, parsed.relation, parsed.object) == (drugs, "hasSideEffect", rash)
    # ... while an allergy caused by penicillin is caused by the agent
    text = "Penicillin allergy is caused by penicillin"
    mentions, _ = _penicillin_mentions(text)
    parsed = parse_claim(text, mentions, kg=None)  # type: ignore[arg-type]
    assert (parsed.subject, parsed.relation, parsed.object) == (allergy, "causedBy", agent)


@pytest.mark.parametrize(
    ("text", "gene"),
    [
        ("Is PAH associated with phenylketonuria?", True),
        ("Mutations in PAH cause phenylketonuria", True),
        ("Can phenylketonuria cause PAH?", False),  # no word of a gene: two disorders
    ],
)
def test_a_genes_symbol_read_as_a_diseases_short_form_is_the_gene_beside_another_disease(
    text, gene
) -> None:
    # "Is PAH associated with phenylketonuria?" read pulmonary arterial hypertension
    from kgqa.records import Candidate, Mention, Node
    from kgqa.understanding.claims import parse_claim

    def node(curie: str, label: str, cls: str) -> Node:
        return Node(f"https://w3id.org/kgqa/node/{curie.replace(':', '_')}", curie, label, cls)

    pah_disease = node("ORPHA:182090", "Pulmonary arterial hypertension", "Disease")
    pah_gene = node("NCBIGene:5053", "PAH", "Gene")
    pku = node("DOID:9281", "phenylketonuria", "Disease")
    at, end = text.index("PAH"), text.index("PAH") + 3
    mentions = sorted([
        Mention(at, end, "PAH", "DISEASE", False, 1.0,
                (Candidate(pah_disease, 0.97, "exact", "PAH"),
                 Candidate(pah_gene, 0.8, "exact", "PAH"))),
        Mention(text.index("phenylketonuria"), text.index("phenylketonuria") + 15,
                "phenylketonuria", "DISEASE", False, 1.0,
                (Candidate(pku, 1.0, "exact", "phenylketonuria"),)),
    ], key=lambda m: m.start)  # fmt: skip
    parsed = parse_claim(text, mentions, kg=None)  # type: ignore[arg-type]
    if gene:
        assert (parsed.subject, parsed.relation, parsed.object) == (
            pku,
            "associatedWithGene",
            pah_gene,
        )
    else:
        assert pah_gene not in (parsed.subject, parsed.object)
