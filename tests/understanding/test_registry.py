from __future__ import annotations

import pytest

from kgqa.graph.vocabulary import RELATIONS, SUBCLASS
from kgqa.understanding.registry import CUES, INTENTS, NAMES, TEMPLATES, intent_of_qtype


def test_every_intent_queries_known_relations_and_has_forms():
    for intent in INTENTS.values():
        assert intent.forms, intent.name
        for hop in intent.hops:
            assert hop.relation in RELATIONS or hop.relation == SUBCLASS, intent.name


def test_inverse_intents_share_their_relation_from_the_other_end():
    for intent in INTENTS.values():
        if intent.inverse:
            other = INTENTS[intent.inverse]
            assert other.relation == intent.relation
            assert other.reversed != intent.reversed


def test_the_classifier_labels_are_the_registry_names():
    import json

    from kgqa.config import models_dir

    manifest = json.loads((models_dir() / "intent" / "manifest.json").read_text("utf-8"))
    labels = tuple(manifest["info"]["labels"])
    # in the registry's order; an intent added since the classifier was trained (until
    # `kgqa train intent` is run again) is reached by its cue words alone, in English and
    # Chinese, so it must have both
    assert labels == tuple(n for n in NAMES if n in labels)
    for name in set(NAMES) - set(labels):
        assert INTENTS[name].cue and INTENTS[name].zh, name
    assert set(NAMES) - set(labels) <= {"course"}  # no other intent is untrained
    assert {t.intent for t in TEMPLATES} == set(NAMES)


def test_medquad_question_types_map_onto_intents():
    assert intent_of_qtype("treatment") == "drugs_for_disease"
    assert intent_of_qtype("outlook") == "course"
    assert intent_of_qtype("exams and tests") == "other"


def _linked(text: str, *names: tuple[str, str]):
    from kgqa.records import Candidate, Mention, Node

    out = []
    for surface, cls in names:
        start = text.index(surface)
        node = Node(f"x:{surface}", f"x:{surface}", surface, cls)
        mention = Mention(start, start + len(surface), surface, cls.upper(), False, 1.0,
                          (Candidate(node, 0.95, "exact", surface),))  # fmt: skip
        out.append((mention, node))
    return out


def test_the_words_before_causes_name_the_kind_of_answer_asked_for() -> None:
    from kgqa.understanding.router import asked_kind

    q = "Which virus causes shingles?"
    kind = asked_kind(q, _linked(q, ("shingles", "Disease")))
    assert kind is not None and kind.intent == "causes" and kind.agent
    assert kind.ways == frozenset({"causedBy"})
    q = "Which tick spreads Lyme disease?"
    assert asked_kind(q, _linked(q, ("Lyme disease", "Disease"))).ways == {"transmittedBy"}
    q = "Which condition causes joint pain and a butterfly rash?"
    found = _linked(q, ("joint pain", "Phenotype"), ("butterfly rash", "Phenotype"))
    assert asked_kind(q, found).intent == "diagnosis"
    q = "Which autoimmune disease causes dry mouth?"
    found = _linked(q, ("autoimmune disease", "Disease"), ("dry mouth", "Phenotype"))
    kind = asked_kind(q, found)
    assert kind.intent == "diseases_of_phenotype" and not kind.agent
    assert kind.kind.label == "autoimmune disease" and kind.named == (found[0][0],)
    # an infection asked of a finding is a disease that shows it, not an organism
    q = "What infection causes fever?"
    kind = asked_kind(q, _linked(q, ("infection", "Disease"), ("fever", "Phenotype")))
    assert kind.intent == "diseases_of_phenotype" and kind.kind.label == "infection"
    assert not kind.infections  # a node of its own
    q = "Which infections cause diarrhea?"
    assert asked_kind(q, _linked(q, ("diarrhea", "Phenotype"))).infections
    # no kind of disease or organism before the verb, or nothing named after it: no reading
    for q, name, cls in (("Which drugs cause hair loss?", "hair loss", "Phenotype"),
                         ("What causes fever?", "fever", "Phenotype")):  # fmt: skip
        assert asked_kind(q, _linked(q, (name, cls))) is None, q
    assert asked_kind("Which virus causes it?", []) is None


def test_how_people_ask_for_a_treatment_in_so_many_words_is_a_treatment_cue() -> None:
    from kgqa.understanding.registry import CUES

    cue = CUES["drugs_for_disease"]
    for asked in ("When will a good treatment be available??",
                  "We are looking for the current research and treatments available.",
                  "Is there a drug to lessen the chances of infection?",
                  "i need your kind support for treatment and percussion step."):  # fmt: skip
        assert cue.search(asked), asked
    for told in ("My treatment started in May.", "I need your support with my application.",
                 "The drug was available in 1990."):  # fmt: skip
        assert not cue.search(told), told


# (intent, questions its cue reads, texts it must not): reactions to a drug are its side
# effects; where in the world a disease is is how common it is, not where in the body; what a
# finding suggests is what shows it, what a person suggests is nothing ("What would you
# suggest?" after a subject line naming anxiety listed the diseases that show anxiety, cystic
# fibrosis first, to a message asking for a doctor)
CUE_CASES = [
    ("side_effects_of_drug",
     ("I'd like to know what their reactions to the drug are.",
      "Has anyone had reactions from this medication?"),
     ("The reaction was slow.", "Chemical reactions to heat")),
    ("prevalence",
     ("Where does sickle cell anemia occur?", "Where is malaria common?",
      "Where are tick-borne diseases found?"),
     ("Where in the body does gout occur?", "Where do psoriasis skin patches occur?",
      "Where can I find a doctor?", "Where is the pain?")),
    ("diseases_of_phenotype",
     ("What does a high ALT suggest?", "What does my rash suggest?",
      "What does vomiting blood indicate?"),
     ("What would you suggest?", "What do you suggest I do?", "What does my doctor suggest?")),
    # how a disease goes on: asked, or feared in a message's words
    ("course",
     ("What is the prognosis for polymicrogyria?", "Is it fatal?", "Can you die from it?",
      "How long can my son live with this?", "Will it get worse until I die?",
      "What is the pattern of recovery after a stroke?", "How fast does it progress?"),
     ("I made some progress with the exercises.", "It affects the terminal ileum.",
      "The pain got worse after I ate.", "She died in 2001.")),
]  # fmt: skip


@pytest.mark.parametrize(("intent", "cued", "not_cued"), CUE_CASES)
def test_an_intent_s_cue_reads_its_questions_and_nothing_like_them(intent, cued, not_cued):
    cue = CUES[intent]
    for asked in cued:
        assert cue.search(asked), asked
    for other in not_cued:
        assert not cue.search(other), other


def test_a_contraindication_is_asked_not_told():
    cue = CUES["contraindications"]
    for asked in (
        "Who should not take metformin?",
        "Which drugs should not be given in asthma?",
        "Is warfarin contraindicated in pregnancy?",
        "Never take aspirin with gout?",
    ):
        assert cue.search(asked), asked
    # what someone was told not to take asks for the other drugs (a refusal had answered)
    for told in (
        "My doctor said I should not take ibuprofen, what can I take for my headache?",
        "I was told I shouldn't take aspirin.\\nWhat else helps a headache?",
    ):
        assert not cue.search(told), told


def test_information_asked_for_lists_what_it_includes_and_asks_for_none_of_it() -> None:
    # "Where can I find information on dystonia, including prognosis?" asks for information
    # (the labelling guideline's `other`); the same word asked outright is its cue
    from kgqa.understanding.router import cued

    probs = {"other": 0.99}
    q = "Where can I find information on dystonia, including prognosis?"
    assert cued(q, probs, _linked(q, ("dystonia", "Disease"))) is None
    q = "What is the prognosis for dystonia, and where can I find information?"
    assert cued(q, probs, _linked(q, ("dystonia", "Disease"))) == "course"
    q = "Where can I find information on the side effects of metformin, including weight loss?"
    assert cued(q, probs, _linked(q, ("metformin", "Chemical"))) == "side_effects_of_drug"
    # what kgqa refuses stays refused wherever it is said: listed, a contraindication is no
    # request for what treats asthma
    q = "Where can I find information on asthma, including which drugs are contraindicated?"
    assert cued(q, probs, _linked(q, ("asthma", "Disease"))) == "contraindications"
