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
        # a finding caused by a drug is the drug's side effect, not a cause of a disease
        ("Headache is caused by metformin", "hasSideEffect", "Metformin", False),
        # what people write: a finding put down to a drug, or a drug said to do it
        ("Could my headache be from metformin?", "hasSideEffect", "Metformin", False),
        ("Is my headache due to the metformin?", "hasSideEffect", "Metformin", False),
        ("Could metformin be causing my headache?", "hasSideEffect", "Metformin", False),
        ("Is it possible that metformin gives me headaches?", "hasSideEffect", "Metformin", False),
        (
            "I got a headache after starting metformin. Is that normal?",
            "hasSideEffect",
            "Metformin",
            False,
        ),
        (
            "I have been on metformin for a year and now I get headache. Could it be causing it?",
            "hasSideEffect",
            "Metformin",
            False,
        ),
        ("My headache is not from metformin", "hasSideEffect", "Metformin", True),
        ("Does metformin make you get headaches?", "hasSideEffect", "Metformin", False),
        ("Since I started taking metformin I have headaches", "hasSideEffect", "Metformin", False),
    ],
)
def test_a_drug_causing_a_finding_is_a_side_effect_claim(kg, claim, relation, subject, negated):
    names = {"metformin": "DRUGBANK:DB00331", "headache": "HP:0002315"}
    parsed = parse_claim(claim, FakeLinker(kg, names).link(claim), kg)
    assert (parsed.relation, parsed.subject.label, parsed.negated) == (relation, subject, negated)


@pytest.mark.parametrize(
    "claim",
    [
        "I take metformin for my type 2 diabetes. Could it be causing my headache?",
        "Is headache a side effect of metformin used to treat type 2 diabetes?",
        "Could metformin, which I take for type 2 diabetes, be causing my headache?",
    ],
)
def test_a_finding_put_down_to_a_drug_is_never_read_as_what_the_drug_treats(kg, claim):
    names = {"metformin": "DRUGBANK:DB00331", "headache": "HP:0002315",
             "type 2 diabetes": "DOID:9352"}  # fmt: skip
    parsed = parse_claim(claim, FakeLinker(kg, names).link(claim), kg)
    assert (parsed.subject.label, parsed.relation, parsed.object.label) == (
        "Metformin",
        "hasSideEffect",
        "Headache",
    )


def test_a_finding_gone_after_a_drug_is_not_put_down_to_it(kg):
    names = {"metformin": "DRUGBANK:DB00331", "headache": "HP:0002315"}
    for claim in ("My headache went away after taking metformin",
                  "After taking metformin my headache got better"):  # fmt: skip
        parsed = parse_claim(claim, FakeLinker(kg, names).link(claim), kg)
        assert parsed.relation != "hasSideEffect", claim


def test_a_drug_taken_for_a_while_is_not_taken_for_what_follows(kg):
    # "for a year" says how long, not what for: no treats reading of gout
    claim = "I have been on allopurinol for a year and now I have gout"
    parsed = parse_claim(claim, FakeLinker(kg, NAMES).link(claim), kg)
    assert parsed.relation != "treats"
    assert parse_claim("allopurinol for gout", FakeLinker(kg, NAMES).link("allopurinol for gout"),
                       kg).relation == "treats"  # fmt: skip


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
    # a drug said to relieve or reduce a disorder treats it; said not to, it does not
    ("Colchicine relieves gout", "treats", False),
    ("Colchicine reduces gout", "treats", False),
    ("Colchicine does not relieve gout", "treats", True),
    # ... and "lower", "reduced" naming a side effect keep it one ("lower back pain")
    ("Colchicine can cause a lower headache", "hasSideEffect", False),
    ("Colchicine causes reduced headache", "hasSideEffect", False),
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
    # whether someone with the disorder may take the drug: a contraindication asked, never
    # whether it treats it ("safe" asks that it is not contraindicated)
    ("Can I take colchicine if I have gout?", "contraindicatedIn", True),
    ("Is colchicine safe for people with gout?", "contraindicatedIn", True),
    ("Is it dangerous to take colchicine with gout?", "contraindicatedIn", False),
    ("Can I take colchicine for gout?", "treats", False),
    # a drug that lowers something treats it; one that raises it causes it
    ("Colchicine reduces headache", "treats", False),
    ("Colchicine does not lower headache", "treats", True),
    ("Can colchicine increase headache?", "hasSideEffect", False),
    ("Colchicine never raises headache", "hasSideEffect", True),
    # a mode of inheritance said of a disease, without "inherited"
    ("Marfan syndrome is autosomal dominant", "hasInheritance", False),
    ("Is Marfan syndrome autosomal dominant?", "hasInheritance", False),
    ("Marfan syndrome is an autosomal dominant disorder", "hasInheritance", False),
    ("Marfan syndrome is not an autosomal dominant disease", "hasInheritance", True),
    # that it is inherited, in no mode named
    ("Marfan syndrome is hereditary", "hasInheritance", False),
    ("Is Marfan syndrome genetic?", "hasInheritance", False),
    ("Marfan syndrome is a genetic disorder", "hasInheritance", False),
    ("Marfan syndrome runs in families", "hasInheritance", False),
    ("Marfan syndrome is not inherited", "hasInheritance", True),
    ("Gout is never hereditary", "hasInheritance", True),
    # a "not" of the speaker's doubt, of what they were not told, or of a finding that goes
    # on, negates no relation of the claim ...
    ("I'm not sure, but can colchicine cause headache?", "hasSideEffect", False),
    ("I don't know if colchicine causes headache", "hasSideEffect", False),
    ("No one told me that colchicine treats gout", "treats", False),
    ("My doctor did not tell me: does colchicine treat gout?", "treats", False),
    (
        "I have a headache that will not go away. Could it be a side effect of colchicine?",
        "hasSideEffect",
        False,
    ),
    ("My gout has not improved. Is colchicine used for gout?", "treats", False),
    # ... while the relation's own "not" stays, and one with more after it
    ("I'm not sure, but colchicine does not treat gout", "treats", True),
    ("Colchicine does not relieve the headache", "treats", True),
    # a question asked the negative way expects yes, as a tag after a statement does
    ("Isn't colchicine used for gout?", "treats", False),
    ("Doesn't colchicine treat gout?", "treats", False),
    ("Can't colchicine cause headache?", "hasSideEffect", False),
    ("Is it not true that colchicine treats gout?", "treats", False),
    ("Colchicine treats gout, doesn't it?", "treats", False),
    ("Colchicine does not treat gout, does it?", "treats", True),
    ("Why doesn't colchicine treat gout?", "treats", True),
    # a "not" past both things named says who or when, not whether ...
    ("Does colchicine treat gout or not?", "treats", False),
    ("Can colchicine cause headache even if you have never had one?", "hasSideEffect", False),
    ("Colchicine causes headache in people who never smoked", "hasSideEffect", False),
    ("Colchicine is not only used for gout", "treats", False),
    # ... unless it says the relation or denies the thing named
    ("Colchicine for gout: not indicated", "treats", True),
    ("Colchicine treats gout - not true", "treats", True),
    ("Colchicine does not cause headache in people who smoke", "hasSideEffect", True),
    # a claim called false is denied, and a denial called false affirmed
    ("It is false that colchicine treats gout", "treats", True),
    ("It's a myth that colchicine causes headache", "hasSideEffect", True),
    ("Is it a myth that colchicine treats gout?", "treats", True),
    ("It is not a myth that colchicine treats gout", "treats", False),
    ("Colchicine does not treat gout: a misconception", "treats", False),
    # a lower risk of a disorder is its prevention, never its treatment
    ("Colchicine reduces the risk of gout", "prevents", False),
    ("Does colchicine lower your risk of gout?", "prevents", False),
    ("Colchicine does not decrease the chance of gout", "prevents", True),
    # what no one could tell, asked "whether or not", negates nothing
    ("No doctor could tell me whether or not colchicine treats gout", "treats", False),
    ("Nobody has told me if colchicine causes headache", "hasSideEffect", False),
    # a mode of inheritance asked the negative way, and said not to be with "isn't"
    ("Isn't Marfan syndrome autosomal dominant?", "hasInheritance", False),
    ("Marfan syndrome isn't autosomal dominant", "hasInheritance", True),
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
    graph_says = relation in ("treats", "associatedWithGene", "hasPhenotype", "hasInheritance")
    if negated and graph_says:
        assert v.verdict != "supported", v
    if not negated and graph_says:
        assert v.verdict != "refuted", v
    if relation in ("contraindicatedIn", "hasSideEffect"):
        assert v.verdict == "unknown", v


# ----------------------------------------------------------------------------- claims, verified
# (claim, a verdict it must never get) on the fixture graph: allopurinol, colchicine (and, for
# pain, aspirin) treat gout; metformin and liraglutide treat type 2 diabetes; metformin is
# "not indicated" for gout; metformin's side effects include lactic acidosis, headache and
# diarrhoea; Marfan syndrome is tied to FBN1 and arachnodactyly
NEVER = [
    # true claims: never refuted
    ("Allopurinol treats gout", "refuted"),
    ("Allopurinol is used to treat gout", "refuted"),
    ("Metformin treats type 2 diabetes mellitus", "refuted"),
    ("Metformin is indicated for type 2 diabetes mellitus", "refuted"),
    ("Liraglutide is used for type 2 diabetes mellitus", "refuted"),
    ("Colchicine is indicated for familial Mediterranean fever", "refuted"),
    ("Metformin can cause lactic acidosis", "refuted"),
    ("Lactic acidosis is a side effect of metformin", "refuted"),
    ("Headache is an adverse effect of metformin", "refuted"),
    ("Marfan syndrome is associated with FBN1", "refuted"),
    ("Arachnodactyly is a feature of Marfan syndrome", "refuted"),
    # false claims: never supported
    ("Metformin treats gout", "supported"),
    ("Metformin is indicated for gout", "supported"),
    ("Metformin is used for gout", "supported"),
    ("Metformin relieves gout", "supported"),
    ("Allopurinol does not relieve gout", "supported"),
    ("Allopurinol relieves gout", "refuted"),
    ("Allopurinol does not treat gout", "supported"),
    ("Allopurinol isn't used for gout", "supported"),
    ("Allopurinol can't treat gout", "supported"),
    ("Metformin does not treat type 2 diabetes mellitus", "supported"),
    ("Metformin is never used for type 2 diabetes mellitus", "supported"),
    ("Metformin never causes lactic acidosis", "supported"),
    ("Lactic acidosis is not a side effect of metformin", "supported"),
    ("Marfan syndrome is not associated with FBN1", "supported"),
    ("Arachnodactyly is not a symptom of Marfan syndrome", "supported"),
    ("Allopurinol is prescribed for gout", "refuted"),
    ("Allopurinol is a treatment for gout", "refuted"),
    ("Colchicine is used to treat gout", "refuted"),
    ("Metformin is prescribed for gout", "supported"),
    ("Liraglutide treats gout", "supported"),
    ("Colchicine does not treat gout", "supported"),
    ("Allopurinol is not used for gout", "supported"),
    ("Allopurinol is never prescribed for gout", "supported"),
    ("Metformin doesn't cause lactic acidosis", "supported"),
    ("Metformin cannot cause headache", "supported"),
    ("FBN1 is not associated with Marfan syndrome", "supported"),
    ("Marfan syndrome isn't associated with the gene FBN1", "supported"),
    ("Marfan syndrome doesn't cause arachnodactyly", "supported"),
    # true negated claims: never refuted
    ("Metformin is not used for gout", "refuted"),
    ("Liraglutide is not indicated for gout", "refuted"),
    ("Allopurinol does not treat type 2 diabetes mellitus", "refuted"),
    ("Metformin is not indicated for gout", "refuted"),
    ("Metformin does not treat gout", "refuted"),
    ("Metformin isn't used for gout", "refuted"),
    ("Liraglutide does not treat gout", "refuted"),
    # a drug class, read through its members (metformin and liraglutide are hypoglycemic
    # agents; metformin is "not indicated" for gout): never against what its members state
    ("Hypoglycemic agents treat type 2 diabetes mellitus", "refuted"),
    ("Hypoglycemic agents do not treat type 2 diabetes mellitus", "supported"),
    ("Hypoglycemic agents treat gout", "supported"),
    ("Hypoglycemic agents never treat gout", "refuted"),
    # a mode of inheritance (Marfan syndrome autosomal dominant, familial Mediterranean fever
    # recessive): another mode is not the graph's, and silence never refutes
    ("Marfan syndrome is autosomal dominant", "refuted"),
    ("Is Marfan syndrome autosomal dominant?", "refuted"),
    ("Marfan syndrome is not autosomal dominant", "supported"),
    ("Marfan syndrome is an autosomal recessive disorder", "supported"),
    ("Is familial Mediterranean fever autosomal recessive?", "refuted"),
    ("Familial Mediterranean fever is an autosomal dominant disease", "supported"),
    # a drug and a disorder named with no relation between them are no claim of treatment
    ("I take metformin and I have gout", "supported"),
    ("I take allopurinol and I have gout", "refuted"),
    # a drug's class (allopurinol: xanthine oxidase inhibitor; metformin: hypoglycemic agent):
    # a class the graph does not list the drug under is never refuted, nor its negation
    # supported (the lists are not closed)
    ("Is allopurinol a xanthine oxidase inhibitor?", "refuted"),
    ("Allopurinol is not a xanthine oxidase inhibitor", "supported"),
    ("Is metformin a xanthine oxidase inhibitor?", "supported"),
    ("Metformin is not a xanthine oxidase inhibitor", "refuted"),
    ("Allopurinol is a hypoglycemic agent", "supported"),
    # what a drug acts on (allopurinol: XDH) and a variant's disease, graph statements only
    ("Allopurinol targets XDH", "refuted"),
    ("Metformin targets XDH", "supported"),
    ("Metformin does not target XDH", "refuted"),
    ("rs7903146 is associated with type 2 diabetes mellitus", "refuted"),
    ("rs7903146 is associated with gout", "supported"),
    # is-a asked and through the hierarchy (gout: arthritis, a disease of anatomical entity)
    ("Is gout a kind of arthritis?", "refuted"),
    ("Gout is a kind of disease of anatomical entity", "refuted"),
    ("Gout is not a kind of arthritis", "supported"),
    ("Is gout a connective tissue disease?", "supported"),
    # another Mendelian mode, which several sources' modes refute: never the one they give
    ("Marfan syndrome is not autosomal recessive", "refuted"),
    ("Is gout autosomal recessive?", "supported"),
    # inherited, in no mode named: a disease of no mode stated is never said to be or not be
    ("Marfan syndrome is hereditary", "refuted"),
    ("Marfan syndrome is not hereditary", "supported"),
    ("Gout is hereditary", "supported"),
    ("Gout is not hereditary", "refuted"),
    # the speaker's doubt or a finding that goes on is no negation of the claim
    ("I'm not sure, but does allopurinol treat gout?", "refuted"),
    ("I don't know if metformin causes lactic acidosis", "refuted"),
    (
        "I have lactic acidosis that will not go away. Could it be a side effect of metformin?",
        "refuted",
    ),
    ("No one told me that metformin treats gout", "supported"),
    ("I'm not sure, but allopurinol does not treat gout", "supported"),
    ("My gout does not go away with allopurinol", "supported"),
    ("Allopurinol does not stop the gout", "supported"),
    ("Isn't allopurinol used for gout?", "refuted"),
    ("Allopurinol treats gout, doesn't it?", "refuted"),
    ("Isn't metformin used for gout?", "supported"),
    ("Metformin doesn't treat gout, does it?", "refuted"),
    ("Does allopurinol treat gout or not?", "refuted"),
    ("Metformin can cause lactic acidosis even in people who never drink", "refuted"),
    ("Metformin does not cause lactic acidosis in people who drink", "supported"),
    ("It is false that allopurinol treats gout", "supported"),
    ("It's a myth that metformin causes lactic acidosis", "supported"),
    ("It's not a myth that allopurinol treats gout", "refuted"),
    ("It is false that metformin treats gout", "refuted"),
    # no label gives allopurinol for preventing gout in the fixture: its treating gout says
    # nothing of lowering the risk
    ("Allopurinol reduces the risk of gout", "supported"),
    ("Metformin lowers the risk of gout", "supported"),
    ("No physician has been able to tell me whether or not allopurinol treats gout", "refuted"),
    ("Isn't Marfan syndrome autosomal dominant?", "refuted"),
    ("Marfan syndrome isn't autosomal dominant", "supported"),
]


@pytest.mark.parametrize(("claim", "never"), NEVER)
def test_a_claim_never_gets_the_verdict_against_the_graph(pipeline, claim, never):
    v = pipeline.verify(claim)
    assert v.verdict != never, v


CONTRAINDICATION_CLAIMS = [
    "Metformin is contraindicated in familial Mediterranean fever",
    "Aspirin should not be used in gout",
    "Avoid aspirin in patients with gout",
    "Liraglutide must not be used in type 2 diabetes mellitus",
    "Allopurinol should never be taken with gout",
    "Colchicine is contra-indicated in familial Mediterranean fever",
    "Metformin is not contraindicated in type 2 diabetes mellitus",
    "Do not give metformin in gout",
]


@pytest.mark.parametrize("claim", CONTRAINDICATION_CLAIMS)
def test_every_contraindication_claim_is_unknown_never_read_as_treats(pipeline, claim):
    v = pipeline.verify(claim)
    assert v.relation == CONTRAINDICATION and v.verdict == "unknown", v


# ----------------------------------------------------------------------------- questions, read
# (question, what the classifier says, the intent kgqa must answer, its polarity): a wrong
# classifier guess is overruled by the words that name the relation or its polarity
QUESTIONS = [
    ("Which drugs are contraindicated in gout?", "drugs_for_disease", "contraindications",
     "contraindication"),
    ("What medications should be avoided with gout?", "drugs_for_disease", "contraindications",
     "contraindication"),
    ("Which drugs must not be used in gout?", "drugs_for_disease", "contraindications",
     "contraindication"),
    ("Which medicines are unsafe in gout?", "drugs_for_disease", "contraindications",
     "contraindication"),
    ("What drugs should I never take with gout?", "drugs_for_disease", "contraindications",
     "contraindication"),
    ("Which drugs shouldn't be given to people with gout?", "drugs_for_disease",
     "contraindications", "contraindication"),
    ("What are the contraindications of allopurinol?", "diseases_for_drug", "contraindications",
     "contraindication"),
    ("Who should not take metformin? Which medications are contraindicated?",
     "diseases_for_drug", "contraindications", "contraindication"),
    ("Which drugs do not treat gout?", "drugs_for_disease", "drugs_for_disease", "negated"),
    ("What does allopurinol not treat?", "diseases_for_drug", "diseases_for_drug", "negated"),
    ("What doesn't metformin treat?", "diseases_for_drug", "diseases_for_drug", "negated"),
    ("Which genes are not associated with marfan syndrome?", "genes_of_disease",
     "genes_of_disease", "negated"),
    ("What is not a symptom of marfan syndrome?", "phenotypes_of_disease",
     "phenotypes_of_disease", "negated"),
    ("Which symptoms are not caused by marfan syndrome?", "phenotypes_of_disease",
     "phenotypes_of_disease", "negated"),
    ("What are the side effects of metformin?", "diseases_for_drug", "side_effects_of_drug",
     "positive"),
    ("side effects of allopurinol", "other", "side_effects_of_drug", "positive"),
    ("What adverse reactions does metformin cause?", "diseases_for_drug",
     "side_effects_of_drug", "positive"),
    ("Which drugs can cause headache?", "drugs_for_disease", "drugs_causing", "positive"),
    ("What medications cause lactic acidosis?", "drugs_for_disease", "drugs_causing",
     "positive"),
    ("Which medicines have diarrhea as a side effect?", "drugs_for_disease", "drugs_causing",
     "positive"),
    ("Is there any drug I should avoid with gout?", "drugs_for_disease", "contraindications",
     "contraindication"),
    ("What medicines are not safe for people with gout?", "drugs_for_disease",
     "contraindications", "contraindication"),
    ("Which genes are never associated with marfan syndrome?", "genes_of_disease",
     "genes_of_disease", "negated"),
    ("What are the adverse effects of allopurinol?", "diseases_for_drug",
     "side_effects_of_drug", "positive"),
    ("Which drugs may cause diarrhea?", "drugs_for_disease", "drugs_causing", "positive"),
    ("What are the symptoms of marfan syndrome?", "phenotypes_of_disease",
     "phenotypes_of_disease", "positive"),
    ("Who should not take allopurinol?", "diseases_for_drug", "contraindications",
     "contraindication"),
    ("Which drugs treat gout?", "drugs_for_disease", "drugs_for_disease", "positive"),
    # a yes/no question asked inside a sentence that says so is still one (the classifier,
    # out of its templates, read prevalence)
    ("I want to know whether metformin causes lactic acidosis.", "prevalence", "claim",
     "positive"),
    ("Is there any evidence that metformin causes lactic acidosis?", "other", "claim",
     "positive"),
    ("I want to know whether gout is common.", "prevalence", "prevalence", "positive"),
    # harm asked of a finding someone has is no question of the drugs that cause it
    ("I have lactic acidosis, is that bad?", "side_effects_of_drug", "other", "positive"),
    # not knowing what treats it is asking what does
    ("We don't know what treatment we should give him for his gout.", "drugs_for_disease",
     "drugs_for_disease", "positive"),
    ("I am not sure which drugs treat gout", "drugs_for_disease", "drugs_for_disease",
     "positive"),
    ("How can I avoid gout attacks?", "other", "other", "positive"),
    ("What is allopurinol used for?", "diseases_for_drug", "diseases_for_drug", "positive"),
    ("Which genes are associated with marfan syndrome?", "genes_of_disease",
     "genes_of_disease", "positive"),
    # a sign of a disease asked in the words of a definition, or negated: never the disease
    # itself as the answer ("What is not a symptom of diabetes?" gave diabetes, 1.00)
    ("What is a symptom of marfan syndrome?", "definition", "phenotypes_of_disease",
     "positive"),
    ("What is not a symptom of marfan syndrome?", "definition", "phenotypes_of_disease",
     "negated"),
    ("What is the first sign of marfan syndrome?", "genes_of_disease",
     "phenotypes_of_disease", "positive"),
    ("What is arachnodactyly a symptom of?", "definition", "diseases_of_phenotype",
     "positive"),
    # a question asked the negative way expects yes, and asks for what is so
    ("Isn't there a drug that treats gout?", "drugs_for_disease", "drugs_for_disease",
     "positive"),
    ("Aren't there genes associated with marfan syndrome?", "genes_of_disease",
     "genes_of_disease", "positive"),
]  # fmt: skip
QUESTION_NAMES = {
    **ALL_NAMES,
    "lactic acidosis": "UMLS:C0001125",
    "diarrhea": "UMLS:C0011991",
}


@pytest.mark.parametrize(("question", "guess", "intent", "polarity"), QUESTIONS)
def test_a_question_is_answered_only_as_its_words_ask(kg, question, guess, intent, polarity):
    from kgqa.answering.engine import QAEngine
    from kgqa.understanding.registry import INTENTS, NAMES
    from tests.answering.fakes import FixedIntents, FixedPassages, GraphReadingVerifier

    linker = FakeLinker(kg, QUESTION_NAMES)
    qa = QAEngine(kg, linker, FixedIntents(NAMES, {question: guess}), GraphReadingVerifier(),
                  FixedPassages(()))  # fmt: skip
    r = qa.ask(question)
    assert (r.intent, r.reading.polarity) == (intent, polarity), r.reading
    if polarity != "positive":
        assert r.no_answer and r.answers == ()
    own = {h.relation for h in INTENTS[intent].hops}
    # no answer stands on an edge of another relation (a side effect is never a "treats")
    assert all(t.relation in own for a in r.answers for t in a.evidence.triples), r.answers


COMORBID = {**NAMES, "type 2 diabetes": "DOID:9352", "arthritis": "DOID:848",
            "diabetic": "DOID:9351"}  # fmt: skip


T2D = "type 2 diabetes mellitus"


@pytest.mark.parametrize(
    ("claim", "relation", "disorder"),
    [
        # a disorder of the people a drug is for is no disorder it is claimed to treat
        ("Metformin treats type 2 diabetes in patients with gout", "treats", T2D),
        ("Metformin treats type 2 diabetes in people who have gout", "treats", T2D),
        ("Metformin treats type 2 diabetes in people who do not have gout", "treats", T2D),
        ("Metformin treats type 2 diabetes in patients without gout", "treats", T2D),
        ("Does allopurinol treat gout with arthritis?", "treats", "gout"),
        # ... but a safety question asks of the disorder the person has besides
        ("Can a diabetic with gout take metformin?", CONTRAINDICATION, "gout"),
        ("Can someone with gout safely take allopurinol?", CONTRAINDICATION, "gout"),
    ],
)
def test_a_disorder_of_the_people_is_not_the_claim_s_object(kg, claim, relation, disorder):
    parsed = parse_claim(claim, FakeLinker(kg, COMORBID).link(claim), kg)
    assert (parsed.relation, parsed.object.label) == (relation, disorder)


@pytest.mark.parametrize(
    ("question", "plain", "left_out"),
    [
        ("Which drugs treat type 2 diabetes other than metformin?",
         "Which drugs treat type 2 diabetes?", "Metformin"),
        ("What treats type 2 diabetes if I cannot take metformin?",
         "What treats type 2 diabetes?", "Metformin"),
        ("Which drugs treat type 2 diabetes besides liraglutide?",
         "Which drugs treat type 2 diabetes?", "liraglutide"),
        ("I am allergic to metformin, which drugs treat type 2 diabetes?",
         "Which drugs treat type 2 diabetes?", "Metformin"),
        ("Which drugs treat gout except colchicine?", "Which drugs treat gout?", "Colchicine"),
    ],
)  # fmt: skip
def test_a_drug_the_question_leaves_out_is_never_listed(pipeline, question, plain, left_out):
    # the control: the same question without the exclusion lists it
    assert left_out in {a.node.label for a in pipeline.ask(plain, k=10).answers}
    r = pipeline.ask(question, k=10)
    assert left_out not in {a.node.label for a in r.answers}
    assert r.reading.topic is not None and r.reading.topic.cls == "Disease"
    assert r.answers or "left out as asked" in r.reason


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Hemophilia A is caused by a deficiency of factor VIII", "supported"),
        ("Hemophilia B results from deficient factor IX activity", "supported"),
        ("Hemophilia A is a factor VIII deficiency", "supported"),
        ("Hemophilia A is not caused by a deficiency of factor VIII", "refuted"),
        # factor IX deficiency names another disease, and hemophilia A is named for factor VIII
        ("Hemophilia A is caused by a deficiency of factor IX", "refuted"),
        ("Hemophilia A is not caused by a deficiency of factor IX", "supported"),
        # Marfan syndrome is named for no deficiency: another disease's name decides nothing
        ("Marfan syndrome is caused by a deficiency of factor IX", "unknown"),
        # asked, or said to ask: a claim all the same
        ("Is hemophilia A caused by a deficiency of factor VIII?", "supported"),
        ("Is hemophilia A caused by a deficiency of factor IX?", "refuted"),
        ("Does hemophilia B result from factor IX deficiency?", "supported"),
        ("Hemophilia B is due to factor VIII deficiency.", "refuted"),
    ],
)
def test_a_deficiency_claim_keeps_its_polarity_verified_or_asked(pipeline, claim, verdict):
    v = pipeline.verify(claim)
    assert v.verdict == verdict, (v.verdict, v.reason)
    r = pipeline.ask(claim)
    assert r.reading.intent == "claim" and r.verdict is not None
    assert r.verdict.verdict == verdict, (r.verdict.verdict, r.verdict.reason)
