"""The answering orchestrator over stage fakes: no encoder, tagger or FAISS index."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from kgqa.answering.engine import QAEngine
from kgqa.records import Answer, Evidence, Passage, Triple
from kgqa.understanding.registry import NAMES
from tests.answering.fakes import (
    FakeLinker,
    FixedIntents,
    FixedPassages,
    GraphReadingVerifier,
    RecordingDiagnoser,
)

NAMES_IN_TEXT = {
    "gout": "DOID:13189",
    "allopurinol": "DRUGBANK:DB00437",
    "metformin": "DRUGBANK:DB00331",
    "colchicine": "DRUGBANK:DB01394",
    "arachnodactyly": "HP:0001166",
    "marfan syndrome": "DOID:14323",
}


def engine(kg, intent_of: dict[str, str], passages=(), diagnoser=None):
    verifier = GraphReadingVerifier()
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, intent_of), verifier,
                  FixedPassages(passages), diagnoser)  # fmt: skip
    return qa, verifier


def engine_reading_all_as(kg, intent: str, names: dict[str, str] = NAMES_IN_TEXT) -> QAEngine:
    """An engine whose classifier reads every text as ``intent``."""
    from collections import defaultdict

    return QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, defaultdict(lambda: intent)),
                    GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip


def read_after(qa: QAEngine, history: str, *questions: str) -> list:
    """The readings of each question asked after the same message history."""
    return qa.read_many([history + q for q in questions])


def test_graph_answers_carry_their_sources_and_only_the_unstated_are_read_by_the_verifier(kg):
    from kgqa.answering.ranking import GRAPH_STATEMENT_SUPPORT

    q = "Which drugs treat gout?"
    qa, verifier = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    assert (r.intent, r.topic.curie, r.no_answer) == ("drugs_for_disease", "DOID:13189", False)
    assert {"Allopurinol", "Colchicine"} <= {a.node.label for a in r.answers}
    top = r.answers[0]
    # two sources state allopurinol's indication: it ranks first among stated answers
    assert top.node.label == "Allopurinol"
    assert {t.source for t in top.evidence.triples} == {"drugcentral", "pharmacotherapydb"}
    # a curated statement of the asked relation states the answer: no model reads it
    assert top.support == GRAPH_STATEMENT_SUPPORT
    assert not any(c.startswith("Allopurinol") for c, _ in verifier.read)


def test_a_relation_without_an_edge_is_an_honest_no_answer(kg):
    q = "What is metformin used for?"
    qa, _ = engine(kg, {q: "genes_of_disease"})
    r = qa.ask(q)
    assert r.no_answer and r.answers == ()
    assert "no disease/phenotype recognised" in r.reason
    assert "it names Metformin (chemical)" in r.reason  # what it did name, and its kind


def test_findings_go_to_the_diagnoser_through_its_protocol(kg):
    q = "arachnodactyly and tall stature: what is the diagnosis?"
    dx = RecordingDiagnoser()
    qa, _ = engine(kg, {q: "diagnosis"}, diagnoser=dx)
    r = qa.ask(q, k=3)
    assert dx.calls == [(q, 3)]
    assert r.no_answer and r.reason == "no phenotype recognised in the findings"


def test_every_option_is_scored_and_the_supported_one_answers(kg):
    q = "Which drug treats gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q, options=["metformin", "allopurinol"])
    scores = {a.node.label: a.score for a in r.options}
    assert set(scores) == {"Metformin", "Allopurinol"}
    assert scores["Allopurinol"] > scores["Metformin"]
    assert [a.node.label for a in r.answers] == ["Allopurinol"]
    assert r.answers[0].verdict == "supported" and not r.no_answer
    assert sum(scores.values()) == pytest.approx(1.0, abs=1e-3)  # one of them is the answer


def test_without_a_direct_edge_every_option_is_still_ranked_and_the_best_guess_says_so(kg):
    q = "Which gene is associated with gout?"
    qa, _ = engine(kg, {q: "genes_of_disease"})
    names = {**NAMES_IN_TEXT, "fbn1": "NCBIGene:2200", "xdh": "NCBIGene:7498"}
    qa.linker = FakeLinker(kg, names)
    r = qa.ask(q, options=["FBN1", "XDH"])
    assert len(r.options) == 2 and not r.no_answer
    assert sum(a.score for a in r.options) == pytest.approx(1.0, abs=1e-3)
    (best,) = r.answers
    assert best.verdict == "unsupported" and "best guess" in r.reason
    assert r.options[0] == best and r.options[0].score >= r.options[1].score


def test_a_negated_multiple_choice_question_picks_the_option_the_graph_does_not_state(kg):
    q = "Which of these is NOT a side effect of metformin?"
    qa, _ = engine(kg, {q: "side_effects_of_drug"})
    names = {**NAMES_IN_TEXT, "headache": "HP:0002315", "lactic acidosis": "UMLS:C0001125",
             "gout": "DOID:13189"}  # fmt: skip
    qa.linker = FakeLinker(kg, names)
    r = qa.ask(q, options=["headache", "lactic acidosis", "gout"])
    assert r.reading.polarity == "negated"
    assert [a.node.label for a in r.answers] == ["gout"]
    assert r.answers[0].verdict == "supported"  # the graph states both of the others


def test_a_passage_alone_never_supports_treats(kg):
    marfan, colchicine = kg.node("DOID:14323"), kg.node("DRUGBANK:DB01394")
    text = "Case report: colchicine treats Marfan syndrome? No; it was stopped at once."
    p = Passage(1, text, "t", "pubmed", "PMID:1", "", "", (marfan.iri, colchicine.iri), 1.0)
    qa, verifier = engine(kg, {}, passages=[p])
    v = qa.verify("Colchicine treats Marfan syndrome")
    assert verifier.read and not v.evidence.triples and v.evidence.passages == (p,)
    assert v.verdict == "unknown" and "contraindications" in v.reason


def test_a_passage_alone_never_makes_a_treatment_option_supported(kg):
    q = "Which drug treats Marfan syndrome?"
    marfan, colchicine = kg.node("DOID:14323"), kg.node("DRUGBANK:DB01394")
    text = "Colchicine treats Marfan syndrome."  # read word for word by the fake verifier
    p = Passage(1, text, "t", "pubmed", "PMID:1", "", "", (marfan.iri, colchicine.iri), 1.0)
    qa, verifier = engine(kg, {q: "drugs_for_disease"}, passages=[p])
    r = qa.ask(q, options=["colchicine", "allopurinol"])
    top = r.options[0]
    # the verifier believed the passage, and the option ranks by it, but nothing supports it
    assert top.node.label == "Colchicine" and (top.support or 0) >= 0.5 and verifier.read
    assert all(a.verdict == "unsupported" for a in r.options)


@pytest.mark.parametrize("k", [0, 101])
def test_k_out_of_range_is_refused(kg, k):
    from kgqa.errors import InputError

    qa, _ = engine(kg, {})
    with pytest.raises(InputError):
        qa.ask("Which drugs treat gout?", k=k)


def test_cue_words_route_a_side_effect_question_whatever_the_classifier_says(kg):
    q = "What are the side effects of metformin?"
    qa, _ = engine(kg, {q: "other"})
    r = qa.ask(q)
    assert r.intent == "side_effects_of_drug"
    assert r.reading.relation == "hasSideEffect" and r.reading.topic.curie == "DRUGBANK:DB00331"
    assert "Lactic acidosis" in {a.node.label for a in r.answers}
    assert all(t.relation == "hasSideEffect" for a in r.answers for t in a.evidence.triples)


def test_a_drug_class_question_lists_the_class_and_its_evidence(kg):
    q = "What class of drug is allopurinol?"
    qa, _ = engine(kg, {q: "is_a"})
    r = qa.ask(q)
    assert r.intent == "class_of_drug"
    labels = {a.node.label for a in r.answers}
    assert any("Xanthine Oxidase Inhibitor" in x for x in labels), labels
    assert {t.source for a in r.answers for t in a.evidence.triples} == {"drugcentral"}


def test_a_contraindication_question_is_refused_with_its_reason_never_answered_as_treats(kg):
    asked = (
        "Which drugs are contraindicated in gout?",
        "Which medications should I avoid with gout?",
    )
    for q in asked:
        qa, _ = engine(kg, {q: "drugs_for_disease"})
        r = qa.ask(q)
        assert r.intent == "contraindications" and r.no_answer and r.answers == ()
        assert "contraindication" in r.reason
        assert r.reading.polarity == "contraindication"
    q = "How can I avoid gout attacks?"  # no drug word: not a contraindication question
    qa, _ = engine(kg, {q: "other"})
    assert qa.ask(q).intent == "other"


def test_a_question_asking_what_is_not_so_is_not_answered_with_what_is(kg):
    q = "Which drugs do not treat gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    assert r.reading.polarity == "negated"
    assert r.no_answer and r.answers == () and "not so" in r.reason


def test_a_negated_mention_is_not_the_topic_when_another_one_fits(kg):
    q = "Which drugs treat gout and not marfan syndrome?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    # the fake linker negates nothing: build the mentions as the real linker reads them
    from dataclasses import replace

    mentions = [replace(m, negated=m.text.lower() == "marfan syndrome")
                for m in qa.linker.link(q)]  # fmt: skip
    from kgqa.understanding.router import linked, topic_mention

    found = linked(mentions)
    assert topic_mention("drugs_for_disease", found)[1].curie == "DOID:13189"
    marfan_only = [x for x in found if x[0].negated]
    hit = topic_mention("drugs_for_disease", marfan_only)
    assert hit is not None and hit[0].negated  # used only when nothing else fits
    assert r.reading.topic.curie == "DOID:13189"


def test_the_answer_probability_is_discounted_by_the_reading(kg):
    q = "Which drugs treat gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    from kgqa.answering.calibration import answer_calibrator

    top = r.answers[0]
    # the calibrated probability that the answer is right, times the reading: intent 0.9 of
    # the fixed classifier's mass, link 0.95
    right = answer_calibrator().probability(top.support, 1, len(r.answers), False, False)
    assert top.score == pytest.approx(right * r.reading.intent_score * 0.95, abs=1e-3)
    assert top.score < top.support


def test_an_answer_is_never_shown_likelier_than_the_one_before_it(kg, monkeypatch):
    # "Which drugs treat arthritis?" read p 0.42, 0.38, 0.44, 0.43: drugs of a kind of it (its
    # calibrated probability lower) ranked before those stated of it; the list keeps the
    # ranking's order, and no answer reads likelier than the one before it
    q = "Which drugs treat gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    given = qa._scored

    def unordered(answers, reading, k):
        out = given(answers, reading, k)
        scores = (0.42, 0.38, 0.44, 0.43, 0.5)
        return tuple(replace(a, score=p) for a, p in zip(out, scores, strict=False))

    monkeypatch.setattr(qa, "_scored", unordered)
    r = qa.ask(q)
    assert len(r.answers) >= 3
    assert [a.score for a in r.answers][:3] == [0.42, 0.38, 0.38]


def test_an_unlinked_mention_is_called_not_in_the_graph_only_when_no_node_has_its_name(kg):
    from kgqa.answering.engine import _unlinked_reason
    from kgqa.records import Mention

    def mention(text):
        return Mention(0, len(text), text, "DISEASE", False, 1.0, ())

    assert _unlinked_reason(kg, [mention("gout")]).startswith("the linker was not sure")
    assert _unlinked_reason(kg, [mention("zzyzx fever")]) == "not in the graph: zzyzx fever"
    # a message's subject line and its body name it twice: it is said once
    assert _unlinked_reason(kg, [mention("Zzyzx Fever"), mention("zzyzx fever")]) == (
        "not in the graph: Zzyzx Fever")  # fmt: skip
    # a name near one of the graph's, too far to use, is not said to be missing from it
    from kgqa.records import Candidate

    gout = Candidate(kg.node("DOID:13189"), 0.6, "dense", "gout")
    near = Mention(0, 9, "gowt pain", "DISEASE", False, 1.0, (gout,))
    reason = _unlinked_reason(kg, [near])
    assert "not in the graph" not in reason and "gout, 0.60" in reason
    assert "no disease" in _unlinked_reason(kg, [])
    # a word for drugs in general names nothing the graph could hold
    assert "no disease" in _unlinked_reason(kg, [mention("meds"), mention("Medications")])


def test_when_the_graph_is_silent_passages_give_answers_marked_as_text(kg):
    from kgqa.answering.reader import FROM_TEXT

    gout = kg.node("DOID:13189")
    says = "Gout is associated with the gene FBN1 in this family."
    never = "Gout is not associated with the gene XDH, but FBN1 is."
    passages = [Passage(1, says, "t", "pubmed", "PMID:1", "", "", (gout.iri,), 1.0),
                Passage(2, never, "t", "pubmed", "PMID:2", "", "", (gout.iri,), 0.9)]  # fmt: skip
    q = "Which genes are associated with gout?"
    names = {**NAMES_IN_TEXT, "fbn1": "NCBIGene:2200"}
    qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "genes_of_disease"}),
                  GraphReadingVerifier(), FixedPassages(passages))  # fmt: skip
    assert not kg.neighbours(gout, "associatedWithGene")  # the fixture graph is silent
    r = qa.ask(q)
    assert [a.node.label for a in r.answers] == ["FBN1"]
    (a,) = r.answers
    # each document that names it is evidence, the one that says it word for word first
    assert a.verdict == FROM_TEXT and a.evidence.passages == (passages[0], passages[1])
    assert a.evidence.triples == () and "come from passages" in r.reason
    assert a.score < a.support  # discounted by how the question was read


def test_a_passage_answer_comes_before_what_a_few_abstracts_name_not_before_a_curated_one(kg):
    from kgqa.answering.reader import FROM_TEXT

    fever = kg.node("HP:0001945")
    # HPO and DO state fever of familial Mediterranean fever; only HSDN names gout beside it,
    # in four abstracts
    sources = {t.subject.label: t.source for t in kg.neighbours(fever, "hasPhenotype", "in")}
    assert sources["gout"] == "hsdn" and sources["familial Mediterranean fever"] == "doid"
    text = ("An infected joint is hot and swollen, and arthritis has the feature fever when "
            "bacteria cause it.")  # fmt: skip
    passages = [Passage(1, text, "Fever", "medquad", "Q7", "", "", (fever.iri,), 1.0)]
    q = "What causes a fever?"
    names = {**NAMES_IN_TEXT, "fever": "HP:0001945", "arthritis": "DOID:848"}
    qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "diseases_of_phenotype"}),
                  GraphReadingVerifier(), FixedPassages(passages))  # fmt: skip
    r = qa.ask(q)
    labels = [a.node.label for a in r.answers]
    assert "arthritis" in labels and "gout" in labels
    text_at, gout_at = labels.index("arthritis"), labels.index("gout")
    assert r.answers[text_at].verdict == FROM_TEXT and text_at < gout_at
    # the curated ones stay first, and no answer is likelier than one before it
    assert all(r.answers[i].verdict != FROM_TEXT and labels[i] != "gout" for i in range(text_at))
    assert text_at > 0
    assert all(a.score >= b.score for a, b in zip(r.answers, r.answers[1:], strict=False))
    assert "a few abstracts" in r.reason and "come from passages" in r.reason
    # the same question without the passage keeps the graph's own order, gout included
    alone = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "diseases_of_phenotype"}),
                     GraphReadingVerifier(), FixedPassages([]))  # fmt: skip
    assert "gout" in [a.node.label for a in alone.ask(q).answers]


def test_of_the_findings_many_abstracts_name_those_the_passages_say_come_first(kg):
    # "What are the symptoms of hypothyroidism?": HSDN's coma, in 66 abstracts (most on
    # myxedema coma), had come before the constipation and fatigue the passages list
    from kgqa.answering.ranking import from_literature, literature_only

    williams = kg.node("DOID:1928")
    hsdn = {t.object.label for t in kg.neighbours(williams, "hasPhenotype", sources=["hsdn"])}
    assert hsdn == {"Headache", "Fever"}  # in 80 and 60 abstracts: headache weighs more
    says = "Williams-Beuren syndrome has the feature fever."
    passages = [Passage(1, says, "t", "medquad", "Q1", "", "", (williams.iri,), 1.0)]
    names = {**NAMES_IN_TEXT, "williams-beuren syndrome": williams.curie,
             "fever": "HP:0001945", "headache": "HP:0002315"}  # fmt: skip
    q = "What are the symptoms of Williams-Beuren syndrome?"

    def ask(passages):
        qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "phenotypes_of_disease"}),
                      GraphReadingVerifier(), FixedPassages(passages))  # fmt: skip
        return qa.ask(q)

    alone = [a for a in ask([]).answers if from_literature(a)]
    assert [a.node.label for a in alone] == ["Headache", "Fever"]  # by weight
    assert not any(literature_only(a) for a in alone)  # many abstracts each
    r = ask(passages)
    labels = [a.node.label for a in r.answers]
    assert labels.index("Fever") < labels.index("Headache")
    fever = r.answers[labels.index("Fever")]
    assert fever.evidence.triples and fever.evidence.passages == (passages[0],)
    assert all(a.score >= b.score for a, b in zip(r.answers, r.answers[1:], strict=False))
    assert "but the passages do not, come after those the passages name" in r.reason


def test_only_a_few_abstracts_is_literature_only(kg):
    from kgqa.answering.ranking import OFTEN_WRITTEN, literature_only
    from kgqa.records import Answer, Attribute, Evidence, Triple

    gout, fever = kg.node("DOID:13189"), kg.node("HP:0001945")

    def answer(*triples: Triple) -> Answer:
        return Answer(gout, 0.9, Evidence(tuple(triples)))

    def seen(n: int, source: str = "hsdn") -> Triple:
        return Triple(gout, "hasPhenotype", fever, source, ((Attribute("cooccurrences", n),),))

    assert literature_only(answer(seen(4)))
    assert not literature_only(answer(seen(OFTEN_WRITTEN)))  # written of often: kept
    assert not literature_only(answer(seen(4), seen(0, "hpo")))  # a curated source too
    assert not literature_only(answer())  # a passage's answer stands on no triple


def test_an_intersection_question_answers_with_what_holds_for_both(kg):
    q = "Which drug treats both gout and familial Mediterranean fever?"
    names = {**NAMES_IN_TEXT, "familial mediterranean fever": "DOID:2987"}
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    qa.linker = FakeLinker(kg, names)
    r = qa.ask(q)
    assert [a.node.label for a in r.answers] == ["Colchicine"]
    objects = {t.object.label for t in r.answers[0].evidence.triples}
    assert {"gout", "familial Mediterranean fever"} <= objects
    # the reading says it was asked of both
    assert (r.reading.topic.label, [n.label for n in r.reading.also]) == (
        "gout", ["familial Mediterranean fever"])  # fmt: skip
    assert "of each of gout and familial Mediterranean fever" in r.reason
    # several topics without "both": each is asked for, not their intersection
    q2 = "What drugs treat gout and familial Mediterranean fever?"
    qa2, _ = engine(kg, {q2: "drugs_for_disease"})
    qa2.linker = FakeLinker(kg, names)
    r2 = qa2.ask(q2)
    assert "Allopurinol" in {a.node.label for a in r2.answers} and r2.reading.also == ()


def test_a_less_sure_reading_never_gives_a_likelier_answer():
    from kgqa.answering.engine import answer_probability
    from kgqa.records import Reading

    sure = Reading("drugs_for_disease", 0.95, None, 0.98)
    unsure = Reading("drugs_for_disease", 0.40, None, 0.98)
    negated = Reading("drugs_for_disease", 0.95, None, 0.98, topic_negated=True)
    p = answer_probability(0.8, sure)
    assert answer_probability(0.8, unsure) < p and answer_probability(0.8, negated) < p
    assert answer_probability(0.9, sure) > p  # more support, more probability


def test_a_multiple_choice_question_without_a_relation_takes_the_one_its_options_answer(kg):
    q = "Which of these is NOT a symptom of marfan syndrome?"
    qa, _ = engine(kg, {q: "diagnosis"})  # the classifier took the findings for a diagnosis
    r = qa.ask(q, options=["arachnodactyly", "gout"])
    assert (r.intent, r.reading.relation, r.reading.polarity) == (
        "phenotypes_of_disease", "hasPhenotype", "negated")  # fmt: skip
    assert not r.reading.topic_negated  # the "not" belongs to the relation, not to Marfan
    assert [a.node.label for a in r.answers] == ["gout"]


def test_a_drug_that_only_palliates_does_not_outrank_one_that_treats(kg):
    q = "Which drug treats gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "aspirin": "DRUGBANK:DB00945"})
    r = qa.ask(q, options=["aspirin", "allopurinol", "metformin"])
    ranked = [a.node.label for a in r.options]
    assert ranked.index("Allopurinol") < ranked.index("Acetylsalicylic acid"), ranked
    assert r.answers[0].node.label == "Allopurinol"


def test_onset_answers_only_onset_terms_of_the_clinical_course(kg):
    # the fixture annotates FMF (OMIM:249100) with a childhood onset and a progressive course
    q = "At what age does familial mediterranean fever start?"
    qa = QAEngine(kg, FakeLinker(kg, {"familial mediterranean fever": "OMIM:249100"}),
                  FixedIntents(NAMES, {q: "definition"}), GraphReadingVerifier(),
                  FixedPassages(()), None)  # fmt: skip
    r = qa.ask(q)
    # the cue routes it whatever the classifier says; "Progressive" is a course, not an onset
    assert r.intent == "onset"
    assert [a.node.label for a in r.answers] == ["Childhood onset"]


def test_cue_words_inside_a_name_are_not_cues(kg):
    # a disease named "... onset ..." asked for its genes is no question about onset
    q = "What are the genetic changes related to early onset gout?"
    qa = QAEngine(kg, FakeLinker(kg, {"early onset gout": "DOID:13189"}),
                  FixedIntents(NAMES, {q: "genes_of_disease"}), GraphReadingVerifier(),
                  FixedPassages(()), None)  # fmt: skip
    assert qa.ask(q).intent == "genes_of_disease"
    q2 = "What is the age of onset of early onset gout?"
    qa2 = QAEngine(kg, FakeLinker(kg, {"early onset gout": "DOID:13189"}),
                   FixedIntents(NAMES, {q2: "definition"}), GraphReadingVerifier(),
                   FixedPassages(()), None)  # fmt: skip
    assert qa2.ask(q2).intent == "onset"


def test_a_message_that_asks_nothing_is_read_with_less_confidence(kg):
    told = "I have had gout for ten years and it hurts."
    message = ("SUBJECT: my feet\nMESSAGE: " + told + " The attacks come every winter, mostly "
               "in both feet, and they last for a week or more each time they come.")  # fmt: skip
    qa, _ = engine(kg, {told: "drugs_for_disease"})
    alone, whole = qa.read_many([told, message])
    assert whole.intent == alone.intent == "drugs_for_disease"
    # the sentence was taken for want of a question: half as sure that this is what is asked
    assert whole.intent_score == pytest.approx(alone.intent_score * 0.5)


def test_a_finding_put_down_to_the_medication_is_a_side_effect_claim_not_its_indications(kg):
    q = "When I take metformin I get headache; I want to find out if it relates to the medication."
    names = {**NAMES_IN_TEXT, "headache": "HP:0002315"}
    qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "diseases_for_drug"}),
                  GraphReadingVerifier(), FixedPassages(()))  # fmt: skip
    r = qa.ask(q)
    assert r.intent == "claim"
    v = r.verdict
    assert (v.subject.curie, v.relation, v.object.curie) == (
        "DRUGBANK:DB00331", "hasSideEffect", "HP:0002315")  # fmt: skip
    assert v.verdict == "supported"  # SIDER lists headache for metformin in the fixture


def test_a_drug_a_passage_says_to_avoid_is_no_treatment_from_text(kg):
    marfan = kg.node("DOID:14323")
    assert not kg.neighbours(marfan, "treats", direction="in")  # the fixture graph is silent
    told = "In one family, colchicine treats Marfan syndrome well."
    avoid = "People with Marfan syndrome should avoid metformin; metformin treats Marfan syndrome"
    passages = [Passage(i, text, "t", "pubmed", f"PMID:{i}", "", "", (marfan.iri,), 1.0)
                for i, text in enumerate([told, avoid], 1)]  # fmt: skip
    q = "Which drugs treat Marfan syndrome?"
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, {q: "drugs_for_disease"}),
                  GraphReadingVerifier(), FixedPassages(passages))  # fmt: skip
    r = qa.ask(q)
    # the verifier would support both (each passage states the claim word for word); only the
    # sentence that speaks of treating, and not of avoiding, gives an answer
    assert [a.node.label for a in r.answers] == ["Colchicine"]


def _marfan_drugs_from(kg, text: str) -> list[str]:
    """The drugs read from one passage about Marfan syndrome (of which the fixture graph states
    no treatment), by a verifier that believes every claim: only the words around a drug keep
    it out."""
    marfan = kg.node("DOID:14323")
    q = "Which drugs treat Marfan syndrome?"
    passages = [Passage(1, text, "t", "pubmed", "PMID:1", "", "", (marfan.iri,), 1.0)]
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, {q: "drugs_for_disease"}),
                  _Believes(0.9), FixedPassages(passages))  # fmt: skip
    return sorted(a.node.label for a in qa.ask(q).answers)


def test_a_drug_a_passage_says_worsens_the_disorder_is_no_treatment_from_text(kg):
    # "What drugs treat peripheral neuropathy?" gave perhexiline at 0.81, from "Peripheral
    # neuropathy has been noted as a complication of therapy with perhexiline maleate, a drug
    # widely used ... for the prophylactic treatment of angina"
    assert _marfan_drugs_from(kg, "Marfan syndrome is a complication of therapy with metformin, "
                              "a drug used for the treatment of diabetes.") == []  # fmt: skip
    # "What drugs treat irritability?": "... methylphenidate, and modafinil, are used to treat
    # sleepiness but may increase irritability"; "behavioral deterioration, with hyperkinesis,
    # irritability ... after the therapeutic administration of isoniazid"
    assert _marfan_drugs_from(kg, "Metformin is used to treat sleepiness but may increase "
                              "Marfan syndrome.") == []  # fmt: skip
    assert _marfan_drugs_from(kg, "A deterioration, with Marfan syndrome, after the therapeutic "
                              "administration of metformin.") == []  # fmt: skip
    assert _marfan_drugs_from(kg, "Marfan syndrome is treated with metformin.") == ["Metformin"]


def test_a_drug_a_passage_says_brought_the_disorder_on_is_no_treatment_from_text(kg):
    # "What remedies improve memory?" gave scopolamine at 0.56, from "lemon essential oils
    # showed strong ability to improve memory impaired by scopolamine"
    from kgqa.answering.reader import brought_on_by

    assert brought_on_by("oils improve memory impaired by ", "; however")
    assert brought_on_by("", "-induced amnesia") and brought_on_by("after exposure to ", " fumes")
    assert not brought_on_by("patients were treated with ", " and improved")

    def answers(text: str) -> list[str]:
        return _marfan_drugs_from(kg, text)

    # a verifier that believes every claim: only the words around the drug keep it out
    assert answers("Colchicine improved Marfan syndrome impaired by metformin.") == ["Colchicine"]
    assert answers("Colchicine and metformin improved Marfan syndrome.") == [
        "Colchicine", "Metformin"]  # fmt: skip
    # ... nor what a study in animals reverses, nor a drug's name describing something else
    assert answers("Colchicine and metformin improved Marfan syndrome in mice.") == []
    assert answers("Colchicine improved Marfan syndrome and metformin-rich blood.") == [
        "Colchicine"]  # fmt: skip


class _Believes:
    """A verifier that gives every claim the same P(supported)."""

    labels = ("supported", "refuted", "not_enough_info")

    def __init__(self, supported: float) -> None:
        rest = (1.0 - supported) / 2
        self.row = [supported, rest, rest]

    def predict_proba(self, a, b=None):
        import numpy as np

        return np.tile(np.array([self.row], dtype=np.float32), (len(a), 1))


def test_a_side_effect_from_text_is_said_of_the_drug_and_no_likelier_than_its_support(kg):
    colchicine = kg.node("DRUGBANK:DB01394")
    assert not kg.neighbours(colchicine, "hasSideEffect")  # the fixture graph is silent
    other = "Side effects of metformin include headache. Colchicine is an old drug."
    harm = "Colchicine is an old drug. Its side effects include arachnodactyly in some mice."
    aimed = "Colchicine is taken for gout and prevents arachnodactyly, a side effect of others."
    names = {**NAMES_IN_TEXT, "headache": "HP:0002315"}
    q = "What are the side effects of colchicine?"
    for texts, want in (([other], []), ([aimed], []), ([harm], ["Arachnodactyly"])):
        passages = [Passage(i, t, "t", "pubmed", f"PMID:{i}", "", "", (colchicine.iri,), 1.0)
                    for i, t in enumerate(texts, 1)]  # fmt: skip
        qa = QAEngine(kg, FakeLinker(kg, names),
                      FixedIntents(NAMES, {q: "side_effects_of_drug"}), _Believes(0.55),
                      FixedPassages(passages))  # fmt: skip
        r = qa.ask(q)
        assert [a.node.label for a in r.answers] == want, texts
        # a lone answer the verifier half believes is no likelier than that
        assert all(a.score <= a.support for a in r.answers)


def test_a_message_asks_about_the_topic_as_specifically_as_it_names_it(kg):
    names = {"diabetes": "DOID:9351", "type 2 diabetes": "DOID:9352", "gout": "DOID:13189",
             "illness": "DOID:4"}  # fmt: skip
    question = "What treatments are there for {}?"
    history = (" My mother was told last year that she has {} and it is still bad after months "
               "of diet and exercise and the pills, so we are all worried about her.")  # fmt: skip
    asked = {q: "drugs_for_disease" for t in ("diabetes", "illness")
             for q in (question.format(t), f"{t}. {question.format(t)}")}  # fmt: skip
    qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, asked), GraphReadingVerifier(),
                  FixedPassages(()))  # fmt: skip
    one, two = qa.read_many([
        f"SUBJECT: diabetes\nMESSAGE: {question.format('diabetes')}"
        + history.format("type 2 diabetes"),
        f"SUBJECT: illness\nMESSAGE: {question.format('illness')}"
        + history.format("gout and type 2 diabetes"),
    ])  # fmt: skip
    # the history says which diabetes: type 2, a subclass of the diabetes asked about
    assert one.topic.curie == "DOID:9352"
    # two kinds named: the question is about what they share, as asked
    assert two.topic.curie == "DOID:4"


def test_a_plea_for_help_with_a_disorder_asks_what_treats_it(kg):
    plea = "I have had gout for years. Can someone please help me?"
    find = "I have had gout for years. Can you help me find a doctor?"
    drug = "I take metformin every day. What should I do?"
    qa, _ = engine(kg, {plea: "other", find: "other", drug: "other"})
    helped, found, taken = qa.read_many([plea, find, drug])
    assert helped.intent == "drugs_for_disease" and helped.topic.curie == "DOID:13189"
    # help to find someone is no question about treatment; nor is help with a drug
    assert found.intent == "other" and taken.intent == "other"


def test_a_message_asks_for_a_definition_only_in_so_many_words(kg):
    history = (" My daughter was diagnosed with it last month and we have read all we could "
               "find, but the doctors use so many words that we do not know.")  # fmt: skip
    asked = ("Marfan syndrome.", "What is Marfan syndrome?", "Marfan syndrome")
    qa, _ = engine(kg, dict.fromkeys(asked, "definition"))
    bare, what, short = qa.read_many([asked[0] + history, asked[1] + history, asked[2]])
    # a long message's bare name is no question about what the thing is
    assert bare.intent == "other" and bare.topic.curie == "DOID:14323"
    assert what.intent == "definition" and short.intent == "definition"


def test_a_drug_is_a_treatment_from_text_only_near_where_the_passage_names_the_topic(kg):
    marfan = kg.node("DOID:14323")
    near = ("Marfan syndrome affects the connective tissue. In one family, colchicine "
            "treats it well.")  # fmt: skip
    far = ("Marfan syndrome affects the connective tissue. Affected people are tall. Some also "
           "have gout. Metformin controls the amount of sugar in the blood.")  # fmt: skip
    passages = [Passage(i, text, "t", "pubmed", f"PMID:{i}", "", "", (marfan.iri,), 1.0)
                for i, text in enumerate([near, far], 1)]  # fmt: skip
    q = "Which drugs treat Marfan syndrome?"
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, {q: "drugs_for_disease"}),
                  _Believes(0.9), FixedPassages(passages))  # fmt: skip
    r = qa.ask(q)
    # metformin's sentence speaks of controlling something, three sentences from the topic
    assert [a.node.label for a in r.answers] == ["Colchicine"]


def test_a_question_about_a_child_gets_no_salicylate_nor_codeine_and_quinolones_last(kg):
    from kgqa.answering.engine import _about_a_child
    from kgqa.records import Answer, Evidence, Node, Triple

    def answer(label: str, support: float = 0.9) -> Answer:
        node = Node(f"iri:{label}", label, label, "Chemical")
        return Answer(node, support, Evidence(), support=support)

    classes = {"Ofloxacin": "Quinolones", "Doxycycline": "Tetracyclines",
               "Amoxicillin": "Penicillins", "Acetaminophen": "Analgesics"}  # fmt: skip

    class ClassesOnly:  # the graph's classes of each drug, nothing more
        def neighbours(self, node: Node, relation: str, direction: str = "out") -> list:
            cls = Node(f"iri:c:{node.label}", "C:1", classes.get(node.label, "none"), "DrugClass")
            return [Triple(node, "inDrugClass", cls, "drugcentral")] if relation else []

    qa, _ = engine(kg, {})
    qa.kg = ClassesOnly()
    found = [answer("Ofloxacin"), answer("Acetaminophen"), answer("Acetylsalicylic acid"),
             answer("Doxycycline"), answer("Ibuprofen"), answer("Bismuth subsalicylate"),
             answer("Codeine"), answer("Amoxicillin"), answer("Lidocaine", 0.2)]  # fmt: skip
    kept, withheld, last = qa._for_a_child(found)
    # the others first, in their order, then the quinolone and the tetracycline, then the
    # unsupported; aspirin, bismuth subsalicylate and codeine are withheld, each with why
    assert [a.node.label for a in kept] == ["Acetaminophen", "Ibuprofen", "Amoxicillin",
                                            "Ofloxacin", "Doxycycline", "Lidocaine"]  # fmt: skip
    assert [a.node.label for a, _ in withheld] == ["Acetylsalicylic acid", "Bismuth subsalicylate",
                                                   "Codeine"]  # fmt: skip
    assert "Reye" in withheld[0][1] and "under 12" in withheld[2][1]
    assert [(a.node.label, "tendon" in w) for a, w in last] == [("Ofloxacin", True),
                                                                ("Doxycycline", False)]  # fmt: skip
    for child in ("My 9 month old has a fever", "my baby is sick", "a 6-year-old with flu",
                  "宝宝发烧怎么办", "What can my son take for a fever?", "my teenage daughter",
                  "my son is 12"):  # fmt: skip
        assert _about_a_child(child), child
    for adult in ("I am 45 years old", "my son is 30", "I have had it for 10 years",
                  "My 25-year-old daughter has a fever"):  # fmt: skip
        assert not _about_a_child(adult), adult


def test_a_message_asking_for_a_cure_or_what_to_take_asks_what_treats_it(kg):
    from collections import defaultdict

    history = " My father has had it for ten years, and the attacks come every winter."
    asks = ["I need a medicine to cure gout.", "What can I give my father for his gout?",
            "What are the other treatment options for gout?"]  # fmt: skip
    headed = ("SUBJECT: gout treatment\nMESSAGE: My father has had gout for years and the "
              "attacks come every winter. I want to find out more about it.")  # fmt: skip
    plain = headed.replace("gout treatment", "gout")
    both = "What causes gout, and what are the treatments for it?"
    intents = defaultdict(lambda: "other", {both: "causes"})
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, intents),
                  GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip
    *asked, from_subject, no_cue, joined = qa.read_many(
        [a + history for a in asks] + [headed, plain, both]
    )
    assert [r.intent for r in asked] == ["drugs_for_disease"] * 3
    assert all(r.topic.curie == "DOID:13189" for r in asked)
    # a main question that names no relation stands on the subject line's words
    assert from_subject.intent == "drugs_for_disease" and no_cue.intent == "other"
    # cue words in a second question do not decide: the first one asks what causes gout
    assert joined.intent == "causes"


def test_a_message_asks_how_something_is_inherited_only_in_words_of_families_or_genes(kg):
    history = ("I have had gout for ten years, and it is getting worse every year now, with "
               "attacks in both feet and now in my knee as well. ")  # fmt: skip
    asked = ["Is it normal for the attacks to last a week?", "Will my kids get it too?",
             "Is it genetic?"]  # fmt: skip
    from collections import defaultdict

    qa, _ = engine(kg, defaultdict(lambda: "inheritance"))
    normal, kids, genetic = qa.read_many([history + a for a in asked])
    assert normal.intent == "other" and normal.topic.curie == "DOID:13189"
    assert kids.intent == genetic.intent == "inheritance"
    # ... and so is a short English question, however sure the classifier (0.9 here): "Is
    # that normal?" was read as inheritance at 0.97
    short = qa.read_many(["Is gout normal in young men?", "Is gout genetic?"])
    assert [r.intent for r in short] == ["other", "inheritance"]


def test_a_subject_line_does_not_override_a_question_that_asks_something_else(kg):
    from collections import defaultdict

    text = ("SUBJECT: gout treatment\nMESSAGE: My father has had gout for years and the "
            "attacks come every winter. Which is the best hospital in Texas for it?")  # fmt: skip
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "other")), GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip
    (r,) = qa.read_many([text])
    assert r.intent == "other" and r.topic.curie == "DOID:13189"


def test_a_later_question_that_names_the_relation_reads_a_message_whose_first_names_none(kg):
    from collections import defaultdict

    history = ("SUBJECT: gout\nMESSAGE: My father has had gout for years and the attacks come "
               "every winter, mostly in his feet. ")  # fmt: skip
    later = history + "How long will this go on? Is there a cure for gout?"
    other_topic = history + "How long will this go on? Is there a cure for Marfan syndrome at all?"
    nothing = history + "How long will this go on? Where do you live?"
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "other")), GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip
    asked, elsewhere, none = qa.read_many([later, other_topic, nothing])
    assert asked.intent == "drugs_for_disease" and asked.topic.curie == "DOID:13189"
    # a later question about something else does not change what the message is about
    assert elsewhere.intent == "other" and elsewhere.topic.curie == "DOID:13189"
    assert none.intent == "other"


def test_a_message_that_only_pleads_about_a_disorder_and_its_medicines_asks_what_treats_it(kg):
    from collections import defaultdict

    told = ("SUBJECT: gout\nMESSAGE: My father has had gout for ten years and the medicines "
            "he was given stopped working last winter. ")  # fmt: skip
    plea, silent = told + "Please suggest.", told + "He is 70 now."
    doctor = told + "We look for a doctor in Ohio. Please suggest."
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "other")), GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip
    pleads, says, finds = qa.read_many([plea, silent, doctor])
    assert pleads.intent == says.intent == "drugs_for_disease"
    assert pleads.topic.curie == "DOID:13189"
    # a plea that names something else it wants (a doctor) is no question about treatment
    assert finds.intent == "other"
    without = qa.read_many([told.replace("the medicines he was given", "it") + "Please suggest."])
    assert without[0].intent == "other"


def test_what_something_is_asked_of_a_thing_the_question_does_not_name_is_no_definition(kg):
    from collections import defaultdict

    history = ("SUBJECT: fluids\nMESSAGE: My doctor says I must drink two liters a day and not "
               "more, and I do not understand why. ")  # fmt: skip
    asked_else = history + "What is the significance of that amount? I have gout."
    asked_it = history + "What is gout exactly? I have had it for a year."
    qa, _ = engine(kg, defaultdict(lambda: "definition"))
    elsewhere, named = qa.read_many([asked_else, asked_it])
    assert elsewhere.intent == "other" and elsewhere.topic.curie == "DOID:13189"
    assert named.intent == "definition" and named.topic.curie == "DOID:13189"


def test_onset_told_is_no_question_of_when_it_begins(kg):
    from collections import defaultdict

    told = ("I have a relative that has had the onset of gout this year and we want to know if "
            "there is any natural approach to help her, as the drugs do not suit her.")  # fmt: skip
    asked = "What is the usual age of onset of gout?"
    qa, _ = engine(kg, defaultdict(lambda: "other"))
    not_asked, when = qa.read_many([told, asked])
    assert not_asked.intent != "onset"
    assert when.intent == "onset" and when.topic.curie == "DOID:13189"


def test_findings_asked_what_they_could_be_are_a_diagnosis_not_the_causes_of_one(kg):
    q = "My son has a fever and headache, what could it be?"
    plain = "What causes a fever and headache?"
    qa, _ = engine(kg, {q: "causes", plain: "causes"})
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "fever": "HP:0001945",
                                "headache": "HP:0002315"})  # fmt: skip
    asked, causes = qa.read_many([q, plain])
    assert asked.intent == "diagnosis"
    # without words asking what they are, two findings keep the classifier's reading
    assert causes.intent == "diseases_of_phenotype"


def test_a_drug_intent_asked_of_a_gene_asks_the_genes_part_in_disease(kg):
    q = "What does the FBN1 gene do?"
    qa, _ = engine(kg, {q: "diseases_for_drug"})
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "fbn1": "NCBIGene:2200"})
    r = qa.ask(q)
    assert (r.intent, r.reading.topic.curie) == ("diseases_of_gene", "NCBIGene:2200")
    assert "Marfan syndrome" in {a.node.label for a in r.answers}


def test_a_mode_said_of_a_disease_is_checked_and_another_mode_names_the_graphs(pipeline):
    assert pipeline.verify("Is Marfan syndrome autosomal dominant?").verdict == "supported"
    # another mode, where several sources agree on the one they give, is refuted with it
    other = pipeline.verify("Marfan syndrome is an autosomal recessive disorder")
    assert other.verdict == "refuted" and other.relation == "hasInheritance"
    assert "Autosomal dominant inheritance" in other.reason


def test_an_interaction_question_is_no_side_effect_question_and_says_why_it_has_no_answer(kg):
    from kgqa.understanding.router import INTERACTION_REASON

    asked = ["What drugs interact with metformin?", "Can I take allopurinol with colchicine?",
             "Can I take allopurinol while taking colchicine?",
             "Is it safe to drink metformin with colchicine?",
             # one drug the linker knows, another it does not (a brand of a combination)
             "Should Zyloprim and colchicine be used together?"]  # fmt: skip
    kept = "Can I take colchicine for gout?"
    listed = "What are the side effects of allopurinol while on colchicine?"
    qa, _ = engine(kg, {asked[0]: "drugs_causing", asked[1]: "claim", asked[2]: "claim",
                        asked[3]: "side_effects_of_drug", asked[4]: "diseases_for_drug",
                        kept: "claim", listed: "side_effects_of_drug"})  # fmt: skip
    for q in asked:
        r = qa.ask(q)
        assert (r.intent, r.no_answer, r.reason) == ("other", True, INTERACTION_REASON), q
    # one drug taken for a disorder is a claim of treatment still; a list asked for while on
    # another drug is the list
    assert qa.ask(kept).intent == "claim"
    assert qa.ask(listed).intent == "side_effects_of_drug"


def test_whether_a_drug_is_addictive_gets_passages_and_says_why(kg):
    from kgqa.understanding.router import ADDICTION_REASON

    # a long message's learned reading had listed what gabapentin treats, from the sentence
    # telling what it was prescribed for
    asked = {
        "Is allopurinol addictive?": "diseases_for_drug",
        "Is allopurinol habit forming?": "claim",
        "Can you get addicted to allopurinol?": "claim",
        "I take allopurinol for gout. Can I become dependent on it?": "diseases_for_drug",
    }
    kept = {
        "Does allopurinol treat gout?": "claim",
        "Will my gout become insulin dependent?": "drugs_for_disease",
    }  # a need, no habit
    qa, _ = engine(kg, {**asked, **kept})  # fmt: skip
    for q in asked:
        r = qa.ask(q)
        assert (r.intent, r.answers, r.reason) == ("other", (), ADDICTION_REASON), q
    for q in kept:
        assert qa.ask(q).reason != ADDICTION_REASON, q


def test_a_question_asking_for_no_drug_gets_no_drug_list_and_says_why(kg):
    from kgqa.understanding.router import INSTEAD_REASON, NO_DRUG_REASON, RANGE_REASON

    # the classifier read each as a drug relation (it did: knee drugs at 1.00 for exercises)
    asked = {
        "What activities help people with gout?": NO_DRUG_REASON,
        "What are the normal uric acid levels in gout?": RANGE_REASON,
        "What exercises help with gout?": NO_DRUG_REASON,
        "Is surgery an option for gout?": NO_DRUG_REASON,
        "What kind of doctor treats gout?": NO_DRUG_REASON,
        "I have gout. Would any non drug devices help?": NO_DRUG_REASON,
        "What are the side effects of surgery for gout?": NO_DRUG_REASON,
        "Which type of dressings should be used for gout?": NO_DRUG_REASON,
        "What kind of shoes are best for gout?": NO_DRUG_REASON,
        # help of another kind: xanthophyll came back at 0.57 for macular degeneration
        "What specific resources are available for someone living alone with gout?": (
            NO_DRUG_REASON
        ),
        "What are alternatives to allopurinol?": INSTEAD_REASON,
        # drugs turned down anywhere in the question
        "What is the best way to treat gout naturally, without medicine?": NO_DRUG_REASON,
        "Can gout be treated without drugs?": NO_DRUG_REASON,
        "Are there any natural remedies for gout?": NO_DRUG_REASON,
        "How can I treat my gout naturally?": NO_DRUG_REASON,
        "Are there home remedies for gout?": NO_DRUG_REASON,
        "What natural/alternative therapies are there for gout?": NO_DRUG_REASON,
        "What herbal remedies help my gout?": NO_DRUG_REASON,
        "Is there alternative medicine for gout?": NO_DRUG_REASON,
    }
    kept = ["What are non-surgical treatments for gout?",
            "What medication is given after surgery for gout?",
            "What can I take instead of allopurinol for gout?",
            "Are there alternative treatments instead of allopurinol for gout?",
            "Are there alternative treatments to allopurinol for gout?",
            "What can I take for gout without a prescription?"]  # fmt: skip
    qa, _ = engine(kg, {**dict.fromkeys(asked, "drugs_for_disease"),
                        "What are alternatives to allopurinol?": "diseases_for_drug",
                        **dict.fromkeys(kept, "drugs_for_disease")})  # fmt: skip
    for q, reason in asked.items():
        r = qa.ask(q)
        assert (r.intent, r.answers, r.reason) == ("other", (), reason), q
    # a drug word first, or a disorder the replacement is for, keeps the drug list; the drug
    # to replace is left out of it (it had been listed: "instead of" read as no exclusion)
    for q in kept:
        r = qa.ask(q)
        listed = {a.node.label.lower() for a in r.answers}
        assert r.intent == "drugs_for_disease" and listed, q
        replaced = "instead" in q or "to allopurinol" in q
        assert ("allopurinol" in listed) == (not replaced), q


def test_keeping_a_disorder_away_is_no_treatment_question(kg):
    from kgqa.understanding.router import PREVENTION_REASON

    # no label in the fixture gives a drug for preventing Marfan syndrome; a vaccine is asked
    # for as such
    asked = ["How can I lower my risk of Marfan syndrome?",
             "What should I do after an exposure to Marfan syndrome?",
             "How do I keep from getting Marfan syndrome?",
             "Is there a vaccine for gout?"]  # fmt: skip
    qa, _ = engine(kg, dict.fromkeys(asked, "drugs_for_disease"))
    for q in asked:
        r = qa.ask(q)
        assert (r.intent, r.answers, r.reason) == ("other", (), PREVENTION_REASON), q


def test_a_vaccine_asked_for_is_no_diagnosis_and_an_exposure_in_one_is_kept(kg):
    from kgqa.understanding.router import PREVENTION_REASON

    # "Which vaccine prevents measles?" was read as a diagnosis of no findings
    vaccine = "Which vaccine prevents gout?"
    told = "Fever and arachnodactyly after exposure to a sick child: what could this be?"
    qa, _ = engine(kg, {vaccine: "diagnosis", told: "diagnosis"})
    r = qa.ask(vaccine)
    assert (r.intent, r.answers, r.reason) == ("other", (), PREVENTION_REASON)
    kept = qa.ask(told)
    assert kept.intent != "other" and kept.reason != PREVENTION_REASON, kept.intent


def test_a_statement_of_what_a_drug_does_is_checked_as_a_claim_not_diagnosed(kg):
    # "Aspirin reduces fever" was read as a list of findings to diagnose
    said = ["Colchicine reduces gout", "Allopurinol lowers gout"]
    findings = "Arachnodactyly and fever"
    qa, _ = engine(kg, {**dict.fromkeys(said, "diagnosis"), findings: "diagnosis"})
    for q in said:
        r = qa.ask(q)
        assert r.intent == "claim" and r.verdict is not None, (q, r.intent)
    assert qa.ask(findings).intent == "diagnosis"


def test_a_drug_to_prevent_a_disorder_is_one_a_label_gives_for_preventing_it(kg):
    # DrugCentral's "Gout Prevention" for colchicine; allopurinol's "Tophaceous Gout" treats
    asked = [
        "What drugs prevent gout?",
        "What can I do to prevent gout attacks?",
        "Which medicines are used for gout prevention?",
        "How can I lower my risk of gout?",
    ]
    treated = "Which drugs treat gout?"
    qa, _ = engine(kg, {**dict.fromkeys(asked, "other"), treated: "drugs_for_disease"})
    for q in asked:
        r = qa.ask(q)
        assert r.intent == "drugs_for_disease", q
        assert [a.node.label for a in r.answers] == ["Colchicine"], q
        assert 'preventing gout ("Gout Prevention")' in r.reason, q
    assert {"Colchicine", "Allopurinol"} <= {a.node.label for a in qa.ask(treated).answers}
    # a prevention asked of a disorder no label gives a drug for preventing: no treatment
    # offered in its place
    q = "Which drugs prevent Marfan syndrome?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    assert not r.answers and "no label indication" in r.reason


def test_an_answer_about_one_of_two_named_topics_says_so(kg):
    q = "Which drugs treat gout and type 2 diabetes mellitus?"
    one = "Which drugs treat gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease", one: "drugs_for_disease"})
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "type 2 diabetes mellitus": "DOID:9352"})
    r = qa.ask(q)
    assert r.reading.topic.curie == "DOID:13189" and r.answers
    assert "these answers are for gout" in r.reason and "type 2 diabetes mellitus" in r.reason
    assert qa.ask(one).reason == ""


class MarfanFirst:
    """A diagnoser that reads any findings as Marfan syndrome first (0.8), then gout (0.2)."""

    def __init__(self, kg) -> None:
        from kgqa.records import RankedDisease

        self.ranked = tuple(RankedDisease(kg.node(c), i, p, p, ()) for i, (c, p) in
                            enumerate([("DOID:14323", 0.8), ("DOID:13189", 0.2)], 1))  # fmt: skip
        self.calls = 0

    def diagnose(self, findings, excluded=(), proposed=None, drugs=(), k=10):
        from kgqa.records import Differential

        self.calls += 1
        return Differential((), (), self.ranked)


def test_options_asked_of_findings_are_weighed_through_the_diseases_they_suggest(kg):
    q = "A patient with arachnodactyly and tall stature has a mutation in which gene?"
    named = "Which gene is associated with marfan syndrome?"
    dx = MarfanFirst(kg)
    qa, _ = engine(kg, {q: "genes_of_disease", named: "genes_of_disease"}, diagnoser=dx)
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "tall stature": "HP:0000098",
                                "fbn1": "NCBIGene:2200", "xdh": "NCBIGene:7498"})  # fmt: skip
    r = qa.ask(q, options=["XDH", "FBN1"])
    assert r.options[0].node.label == "FBN1" and r.options[0].score > 0.7
    assert "weighed through the diseases" in r.reason and "Marfan syndrome 0.80" in r.reason
    # the statement that ties it (Marfan syndrome - FBN1) is its evidence; a guess, labelled so
    assert any(t.subject.label == "Marfan syndrome" for t in r.options[0].evidence.triples)
    assert r.answers[0].verdict == "unsupported"
    # a question that names its disease is answered from it, without a diagnosis
    calls = dx.calls
    assert qa.ask(named, options=["XDH", "FBN1"]).answers[0].verdict == "supported"
    assert dx.calls == calls


def test_misspelt_cue_words_are_read_as_meant(kg):
    typed = ("What are the tratments for gout?", "Could you please suggest the remidies for gout?")
    meant = ("What are the treatments for gout?", "Could you please suggest the remedies for gout?")
    # the classifier is given the words as meant (it knows only those texts) and says other
    qa, _ = engine(kg, dict.fromkeys(meant, "other"))
    first, second = qa.read_many(list(typed))
    # the cue words, read as meant, name the relation
    assert first.intent == second.intent == "drugs_for_disease"
    assert first.topic.curie == second.topic.curie == "DOID:13189"
    # what was typed is what the answer shows
    assert qa.ask(typed[0]).question == typed[0]


class Flat(MarfanFirst):
    """A diagnoser for which no disease stands out (Marfan syndrome 0.06, gout 0.05)."""

    def __init__(self, kg) -> None:
        from kgqa.records import RankedDisease

        super().__init__(kg)
        self.ranked = tuple(RankedDisease(kg.node(c), i, p, p, ()) for i, (c, p) in
                            enumerate([("DOID:14323", 0.06), ("DOID:13189", 0.05)], 1))  # fmt: skip


def test_a_differential_where_no_disease_stands_out_says_so(kg):
    q = "arachnodactyly, tall stature"
    qa, _ = engine(kg, {q: "diagnosis"}, diagnoser=Flat(kg))
    flat = qa.ask(q)
    assert [a.node.label for a in flat.answers] == ["Marfan syndrome", "gout"]
    assert flat.reason.startswith("no disease stands out (the likeliest at p 0.06)")
    assert not flat.no_answer
    # a differential led by a likely disease says only what kgqa ranks (rare diseases)
    qa, _ = engine(kg, {q: "diagnosis"}, diagnoser=MarfanFirst(kg))
    led = qa.ask(q).reason
    assert "stands out" not in led and "HPO phenotype annotations" in led
    assert "HPO phenotype annotations" in flat.reason


def test_whether_a_drug_is_safe_asks_its_side_effects_and_a_disease_s_danger_asks_no_drugs(kg):
    """ "Is it dangerous to take metformin long term?" asks what harm it can do, whatever the
    classifier made of it; "Is gout dangerous?", which the classifier reads as side effects,
    is not turned round into which drugs cause gout."""
    drug = "Is it dangerous to take metformin long term?"
    disease = "Is gout dangerous?"
    qa, _ = engine(kg, {drug: "other", disease: "side_effects_of_drug"})
    asked, danger = qa.read_many([drug, disease])
    assert (asked.intent, asked.topic.label) == ("side_effects_of_drug", "Metformin")
    assert danger.intent == "other"
    turned = "Which drugs can cause gout?"  # said in the other end's words, it is turned
    qa, _ = engine(kg, {turned: "side_effects_of_drug"})
    assert qa.read_many([turned])[0].intent == "drugs_causing"


def test_a_statement_relating_two_things_is_a_claim_and_a_history_is_not(kg):
    """ "Allopurinol treats gout." given to ``ask`` is checked as ``verify`` would ("Statins
    cause muscle pain." was read as findings to diagnose); one's own story, a request or a
    question keeps the classifier's reading."""
    said = "Allopurinol treats gout."
    story = "I take allopurinol and I have gout."
    request = "List drugs like allopurinol for gout."
    qa, _ = engine(kg, {said: "diagnosis", story: "side_effects_of_drug",
                        request: "drugs_for_disease"})  # fmt: skip
    stated, told, asked = qa.read_many([said, story, request])
    assert stated.intent == "claim"
    assert qa.ask(said).verdict.verdict == "supported"
    assert told.intent == "side_effects_of_drug" and asked.intent == "drugs_for_disease"


@pytest.mark.parametrize("q", ["What is the difference between gout and Marfan syndrome?",
                               "How does gout differ from Marfan syndrome?",
                               "allopurinol vs colchicine for gout",
                               "Which is better for gout, allopurinol or colchicine?",
                               "Is allopurinol better than colchicine for gout?"])  # fmt: skip
def test_a_comparison_is_answered_with_passages_not_checked_as_a_claim(kg, q):
    from kgqa.understanding.router import COMPARISON_REASON

    qa, _ = engine(kg, {q: "diseases_for_drug"})
    r = qa.ask(q)
    assert (r.intent, r.answers, r.reason) == ("other", (), COMPARISON_REASON)


def test_options_written_in_the_question_are_ranked_as_options_given_apart(kg):
    stem = "Which drug treats gout?"
    q = f"{stem}\nA. metformin\nB. allopurinol"
    qa, _ = engine(kg, {stem: "drugs_for_disease"})
    inline, apart = qa.ask(q), qa.ask(stem, options=["metformin", "allopurinol"])
    assert inline.question == q  # the question as asked; the stem is what was read
    assert [(a.node.label, a.score) for a in inline.options] == [
        (a.node.label, a.score) for a in apart.options]  # fmt: skip
    assert inline.answers[0].node.label == "Allopurinol" and inline.reading.intent == (
        "drugs_for_disease")  # fmt: skip
    assert qa.read_many([q])[0].intent == "drugs_for_disease"


def test_an_option_must_answer_for_every_topic_the_question_asks_of_together(kg):
    q = "Which drug treats gout and familial mediterranean fever?"
    qa, _ = engine(kg, {q: "drugs_for_disease", "Which drug treats gout?": "drugs_for_disease"})
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "familial mediterranean fever": "OMIM:249100"})
    r = qa.ask(q, options=["allopurinol", "colchicine", "metformin"])
    ranked = [a.node.label for a in r.options]
    # colchicine treats both; allopurinol gout alone, which still beats neither
    assert ranked == ["Colchicine", "Allopurinol", "Metformin"], ranked
    assert r.answers[0].verdict == "supported"
    assert next(a for a in r.options if a.node.label == "Allopurinol").verdict == "unsupported"
    # asked of gout alone, allopurinol and colchicine are both stated
    alone = qa.ask("Which drug treats gout?", options=["allopurinol", "colchicine"])
    assert all(a.verdict == "supported" for a in alone.options)


def test_the_best_guess_says_which_topics_the_graph_states_it_for(kg):
    q = "Which drug treats marfan syndrome and gout?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q, options=["allopurinol", "metformin"])
    assert r.answers[0].node.label == "Allopurinol" and r.answers[0].verdict == "unsupported"
    assert "states Allopurinol for gout, not for Marfan syndrome" in r.reason, r.reason


def test_whether_a_drug_is_safe_in_pregnancy_is_no_side_effect_question(kg):
    q = "Is metformin safe during pregnancy?"
    qa, _ = engine(kg, {q: "side_effects_of_drug"})  # as the classifier read it
    r = qa.ask(q)
    assert (r.intent, r.answers) == ("other", ())
    assert "pregnancy" in r.reason and "no data" in r.reason


def test_treatments_asked_for_in_pregnancy_come_with_a_warning(kg):
    q = "Which drugs treat gout during pregnancy?"
    qa, _ = engine(kg, {q: "drugs_for_disease"})
    r = qa.ask(q)
    assert r.answers and "safe in pregnancy" in r.reason


def test_a_passage_about_the_option_alone_ranks_it_but_states_nothing_of_the_topic(kg):
    from kgqa.answering.ranking import claim_for

    q = "Which of these is a symptom of marfan syndrome?"
    marfan, headache = kg.node("DOID:14323"), kg.node("HP:0002315")
    said = claim_for("phenotypes_of_disease", marfan, headache)  # read word for word
    names = {**NAMES_IN_TEXT, "headache": "HP:0002315"}

    def headache_read(passage):
        qa, _ = engine(kg, {q: "phenotypes_of_disease"}, passages=[passage])
        qa.linker = FakeLinker(kg, names)
        r = qa.ask(q, options=["arachnodactyly", "headache"])
        return next(a for a in r.options if a.node.label == "Headache")

    alone = Passage(1, said, "t", "pubmed", "PMID:1", "", "", (headache.iri,), 1.0)
    # the verifier believed it, but a passage on headache says nothing of Marfan syndrome
    # (the verifier found cystic fibrosis autosomal dominant in a passage on that mode)
    read = headache_read(alone)
    assert (read.support or 0) >= 0.5 and read.verdict == "unsupported"
    # the same words in a passage about Marfan syndrome state it
    about = Passage(2, said, "t", "pubmed", "PMID:2", "", "", (marfan.iri, headache.iri), 1.0)
    assert headache_read(about).verdict == "supported"


class _UnsureIntents(FixedIntents):
    """Gives its one intent per question the probability ``p`` (the rest spread evenly)."""

    def __init__(self, labels, intent_of, p: float) -> None:
        super().__init__(labels, intent_of)
        self.p = p

    def predict_proba(self, a, b=None):
        rows = super().predict_proba(a, b)
        for row in rows:
            row[row.argmax()] = self.p
            rest = row != self.p
            row[rest] = (1.0 - self.p) / rest.sum()
        return rows


def test_a_messages_question_read_unsure_as_a_relation_with_no_words_for_it_is_other(kg):
    asked = "Is it possible to get metformin in anything other than a glass bottle?"
    message = ("SUBJECT: my pills\nMESSAGE: I travel a lot and the bottle breaks. "
               + asked + " My pharmacy does not know.")  # fmt: skip
    for p, want in ((0.6, "other"), (0.9, "diseases_for_drug")):
        qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT),
                      _UnsureIntents(NAMES, {asked: "diseases_for_drug"}, p),
                      GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip
        whole, in_message = qa.read_many([asked, message])
        # asked alone, the classifier's reading stands; in a message, unsure, it is passages'
        assert whole.intent == "diseases_for_drug"
        assert in_message.intent == want, p
        assert in_message.topic is not None and in_message.topic.label == "Metformin"


class _ReadsAs:
    """A message model that reads every message as one intent, and records what it was given."""

    def __init__(self, intent: str, p: float = 0.8) -> None:
        self.intent, self.p, self.given = intent, p, []

    def read(self, texts, rules):
        self.given.append((list(texts), list(rules)))
        return [(self.intent, self.p) for _ in texts]


def test_the_learned_reading_of_a_message_stands_where_it_finds_a_topic(kg):
    from collections import defaultdict

    message = ("SUBJECT: my father\nMESSAGE: My father has had gout for ten years. His toe is "
               "swollen again and he cannot walk to the shop.")  # fmt: skip
    short = "What is gout?"
    for learned, want in (("drugs_for_disease", "drugs_for_disease"),
                          # a relation of nothing the message names: the rules' reading stays
                          ("targets_of_drug", "other"), ("diseases_for_drug", "other"),
                          # no intent kgqa knows
                          ("genes_of_gene", "other")):  # fmt: skip
        model = _ReadsAs(learned)
        qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT),
                      FixedIntents(NAMES, defaultdict(lambda: "other", {short: "definition"})),
                      GraphReadingVerifier(), FixedPassages(()), None, messages=model)  # fmt: skip
        read, alone = qa.read_many([message, short])
        assert read.intent == want, learned
        assert read.topic is not None and read.topic.curie == "DOID:13189"
        if want == learned:
            assert read.intent_score == 0.8  # the model's probability, not the classifier's
        # only the long message goes to the model (as read: cleaned), with the rules' intent
        assert model.given == [([message.replace("\n", " ")], ["other"])]
        # a question asked alone keeps the rules' reading
        assert alone.intent == "definition"
        qa.learned_messages = False
        assert qa.read_many([message])[0].intent == "other"


def test_a_relation_a_message_names_in_cue_words_stands_over_the_learned_reading(kg):
    from collections import defaultdict

    told = "I take allopurinol for my gout since March. Since then I feel sick every morning. "
    in_subject = f"SUBJECT: allopurinol side effects\nMESSAGE: {told}Please tell me."
    in_question = f"SUBJECT: my pills\nMESSAGE: {told}What are the side effects of allopurinol?"
    plain = f"SUBJECT: my pills\nMESSAGE: {told}Please tell me."
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "other")), GraphReadingVerifier(), FixedPassages(()), None)  # fmt: skip
    rules = [r.intent for r in qa.read_many([in_subject, in_question, plain])]
    assert rules[:2] == ["side_effects_of_drug"] * 2
    qa.messages = _ReadsAs("other", 0.99)
    learned = [r.intent for r in qa.read_many([in_subject, in_question, plain])]
    assert learned[:2] == rules[:2]
    qa.messages = _ReadsAs("drugs_for_disease", 0.99)
    # without the words, the learned reading decides
    assert qa.read_many([plain])[0].intent == "drugs_for_disease"


class _PicksSubject:
    """A topic chooser that takes the candidate named in the subject line, and records rows."""

    def __init__(self) -> None:
        self.rows = []

    def choose(self, rows):
        from kgqa.understanding.message_topic import FEATURES

        self.rows.append(rows)
        at = FEATURES.index("in_subject")
        return max(range(len(rows)), key=lambda i: rows[i][at])


def test_the_learned_topic_choice_takes_what_the_message_is_about_over_a_side_mention(kg):
    from collections import defaultdict

    from kgqa.understanding.message_topic import FEATURES

    message = ("SUBJECT: Marfan syndrome\nMESSAGE: My son was told he has it last year and he "
               "is tired. His doctor gave him allopurinol. What is best for him now that he has "
               "gout too?")  # fmt: skip
    chooser = _PicksSubject()
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "other")), GraphReadingVerifier(), FixedPassages(()), None,
        messages=_ReadsAs("drugs_for_disease"), topics=chooser)  # fmt: skip
    read = qa.read_many([message])[0]
    assert read.intent == "drugs_for_disease"
    assert read.topic is not None and read.topic.curie == "DOID:14323"
    # the candidates: the disorders named, first named first (allopurinol is no topic of a
    # treatment question); the rules had taken the one in the question
    rows = chooser.rows[-1]
    subject, pick = FEATURES.index("in_subject"), FEATURES.index("rules_pick")
    assert [r[subject] for r in rows] == [1.0, 0.0]
    assert [r[pick] for r in rows] == [0.0, 1.0]
    qa.topics = None
    assert qa.read_many([message])[0].topic.curie == "DOID:13189"
    qa.topics, qa.learned_messages = chooser, False
    assert qa.read_many([message])[0].topic.curie == "DOID:13189"


def test_a_relation_asked_plainly_stands_over_the_learned_reading(kg):
    from collections import defaultdict

    told = "SUBJECT: my son\nMESSAGE: My son was told he has Marfan syndrome. He is 14 now. "
    plain, unmarked = "What should we watch for as he grows?", "Please tell me what to watch for."
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "phenotypes_of_disease")), GraphReadingVerifier(), FixedPassages(()), None,
        messages=_ReadsAs("other", 0.9))  # fmt: skip
    asked, told_only = qa.read_many([told + plain, told + unmarked])
    # asked with a question mark, read surely (0.9) by the rules: the rules' reading stands
    assert asked.intent == "phenotypes_of_disease" and asked.topic.curie == "DOID:14323"
    # without one, only a reading surer than PLAIN_SURE_UNMARKED would
    assert told_only.intent == "other"
    # and a learned reading of too little weight never replaces a relation
    qa.messages = _ReadsAs("other", 0.2)
    assert qa.read_many([told + unmarked])[0].intent == "phenotypes_of_disease"


def test_a_question_naming_only_things_of_another_kind_asks_about_the_sentence_before(kg):
    from collections import defaultdict

    question = "What are the first signs, arachnodactyly runs in our family?"
    message = f"SUBJECT: question\nMESSAGE: Marfan syndrome. {question}"
    qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT), FixedIntents(NAMES, defaultdict(
        lambda: "other", {question: "phenotypes_of_disease"})), GraphReadingVerifier(),
        FixedPassages(()), None)  # fmt: skip
    read = qa.read_many([message])[0]
    assert read.intent == "phenotypes_of_disease"
    assert read.topic is not None and read.topic.curie == "DOID:14323"


def test_the_classifier_reads_the_first_of_two_questions_joined(kg):
    whole = "What causes gout, and what are its symptoms?"
    # a classifier that reads the whole as the symptoms asked second
    qa, _ = engine(kg, {whole: "phenotypes_of_disease", "What causes gout": "causes"})
    assert qa.ask(whole).intent == "causes"
    # a clause before a semicolon is no first question: the whole is read
    said = "When I eat shellfish my gout flares; what can I take?"
    qa, _ = engine(kg, {said: "drugs_for_disease"})
    assert qa.ask(said).intent == "drugs_for_disease"


def test_how_a_drug_is_taken_is_no_question_of_what_it_treats(kg):
    use = "Should my metformin tablets be split before I take them with food?"
    dose = "Is 500 mg of metformin twice a day the same as 1000 mg once a day?"
    asked = "What is metformin used for? I take 500 mg twice a day."
    qa, _ = engine(kg, {use: "diseases_for_drug", dose: "diseases_for_drug",
                        asked: "diseases_for_drug"})  # fmt: skip
    split, same, used = qa.read_many([use, dose, asked])
    # the classifier read all three as what metformin treats; two ask how to take it
    assert split.intent == same.intent == "other"
    assert split.topic.label == same.topic.label == "Metformin"
    assert used.intent == "diseases_for_drug"


def test_a_thing_the_topic_is_taken_for_is_no_answer_from_text(kg):
    from kgqa.answering.reader import text_candidates

    arachnodactyly = kg.node("HP:0001166")
    text = ("Arachnodactyly is a sign of Marfan syndrome. The long fingers are sometimes "
            "confused with gout.")  # fmt: skip
    passage = Passage(1, text, "Arachnodactyly", "medquad", "Q1", "", "", (), 1.0)
    found = text_candidates(FakeLinker(kg, NAMES_IN_TEXT), arachnodactyly,
                            "diseases_of_phenotype", [passage])  # fmt: skip
    assert [n.label for n, *_ in found] == ["Marfan syndrome"]


def test_another_disorders_findings_by_frequency_are_not_the_topics(kg):
    # "What are the symptoms of hypothyroidism?" listed abdominal wall hypoplasia from
    # congenital hypothyroidism's table of findings, which names hypothyroidism as one of them
    from kgqa.answering.reader import text_candidates

    gout = kg.node("DOID:13189")
    table = ("Signs and Symptoms Approximate number of patients (when available) "
             "Arachnodactyly 90% Gout 7.5%")  # fmt: skip
    said = "Gout can cause arachnodactyly in some people."
    linker = FakeLinker(kg, NAMES_IN_TEXT)
    for text, named in ((table, []), (said, ["Arachnodactyly"])):
        passage = Passage(1, text, "Marfan syndrome", "medquad", "Q1", "", "", (), 1.0)
        found = text_candidates(linker, gout, "phenotypes_of_disease", [passage])
        assert [n.label for n, *_ in found] == named, text
    # ... unless the question names the passage's title in its own words: the passage is about
    # what was asked, which the topic linked names less closely ("Warm antibody hemolytic
    # anemia" linked hemolytic anemia)
    passage = Passage(1, table, "Marfan syndrome", "medquad", "Q1", "", "", (), 1.0)
    asked = "What are the symptoms of Marfan syndrome with gout?"
    found = text_candidates(linker, gout, "phenotypes_of_disease", [passage], asked)
    assert [n.label for n, *_ in found] == ["Arachnodactyly"]


def test_a_thing_named_again_after_these_is_the_thing_named_before(kg):
    from kgqa.answering.engine import _named_earlier
    from kgqa.records import Candidate, Mention, Node

    def mention(text: str, whole: str, node: Node, negated: bool = False) -> Mention:
        at = whole.rindex(text)
        cands = (Candidate(node, 0.95, "exact", text),)
        return Mention(at, at + len(text), text, "PHENOTYPE", negated, 1.0, cands)

    spasm = Node("urn:x:spasm", "X:1", "Spasm", "Phenotype")
    coronary = Node("urn:x:cas", "X:2", "Coronary artery spasm", "Phenotype")
    gene = Node("urn:x:g", "X:3", "SPASM gene", "Gene")
    text = "SUBJECT: Coronary Artery Spasms MESSAGE: Can a pacemaker prevent these spasms?"
    asked = mention("spasms", text, spasm)
    earlier = mention("Coronary Artery Spasms", text, coronary)
    found = [(earlier, coronary), (asked, spasm)]
    assert _named_earlier(text, (asked, spasm), found)[1] is coronary
    # nothing points back: spasms in general
    plain = "SUBJECT: Coronary Artery Spasms MESSAGE: What causes spasms?"
    a2, e2 = mention("spasms", plain, spasm), mention("Coronary Artery Spasms", plain, coronary)
    assert _named_earlier(plain, (a2, spasm), [(e2, coronary), (a2, spasm)])[1] is spasm
    # a negated earlier mention, or one of another class, is not what is pointed back to
    neg = mention("Coronary Artery Spasms", text, coronary, negated=True)
    assert _named_earlier(text, (asked, spasm), [(neg, coronary)])[1] is spasm
    other = mention("Coronary Artery Spasms", text, gene)
    assert _named_earlier(text, (asked, spasm), [(other, gene)])[1] is spasm


def test_may_i_take_a_drug_with_a_disorder_i_have_is_a_contraindication_question(kg):
    asked = ["I have gout, can I take metformin?", "I have gout. Can I take metformin?"]
    kept = "Can I take colchicine for gout?"
    # the classifier reads a message's question alone, when it names something
    said = {**dict.fromkeys(asked, "other"), "Can I take metformin?": "other", kept: "claim"}
    qa, _ = engine(kg, said)
    for q in asked:
        r = qa.ask(q)
        assert r.intent == "claim" and "contraindicat" in r.reason, q
    # a disorder the drug is taken for is no such question (a negated one: the real tests)
    assert "contraindicat" not in qa.ask(kept).reason
    # passages that name both are shown as context; the verdict stays unknown
    gout, metformin = kg.node("DOID:13189"), kg.node("DRUGBANK:DB00331")
    both = Passage(1, "Metformin was stopped in two patients with gout.", "t", "pubmed",
                   "PMID:1", "", "", (gout.iri, metformin.iri), 1.0)  # fmt: skip
    gout_only = Passage(2, "Gout is a form of arthritis.", "t", "pubmed", "PMID:2", "", "",
                        (gout.iri,), 1.0)  # fmt: skip
    qa, _ = engine(kg, said, passages=[both, gout_only])
    r = qa.ask(asked[0])
    assert r.verdict.verdict == "unknown" and r.passages == (both,)
    assert "context, not a check" in r.reason


def test_a_few_graph_findings_are_followed_by_the_passages_own_but_never_a_drug(kg):
    from kgqa.answering.ranking import literature_only
    from kgqa.answering.reader import FROM_TEXT

    gout, fmf = kg.node("DOID:13189"), kg.node("DOID:2987")
    stated = {t.object.label for t in kg.neighbours(gout, "hasPhenotype")}
    assert 0 < len(stated) < 3  # the fixture graph states few of gout's findings
    assert len({t.subject.iri for t in kg.neighbours(fmf, "treats", direction="in")}) < 3
    # (the fake verifier supports a claim its passage states word for word)
    says = ("In this family gout has the feature headache. Here gout has the feature "
            "arachnodactyly. Metformin treats familial Mediterranean fever.")  # fmt: skip
    passages = [Passage(1, says, "t", "medquad", "Q1", "", "", (gout.iri, fmf.iri), 1.0)]
    names = {**NAMES_IN_TEXT, "headache": "HP:0002315", "familial mediterranean fever": fmf.curie}
    q, drugs = "What are the symptoms of gout?", "Which drugs treat familial Mediterranean fever?"
    qa = QAEngine(kg, FakeLinker(kg, names),
                  FixedIntents(NAMES, {q: "phenotypes_of_disease", drugs: "drugs_for_disease"}),
                  GraphReadingVerifier(), FixedPassages(passages))  # fmt: skip
    r = qa.ask(q)
    graph = [a for a in r.answers if a.verdict != FROM_TEXT]
    text = [a for a in r.answers if a.verdict == FROM_TEXT]
    assert {a.node.label for a in graph} == stated
    # a curated source's findings first, the passages' next, then what only a few abstracts
    # name beside gout (HSDN's fever, in four)
    first = [a for a in graph if not literature_only(a)]
    assert first and {a.node.label for a in graph if literature_only(a)} == {"Fever"}
    assert r.answers[: len(first) + len(text)] == (*first, *text)
    assert {a.node.label for a in text} == {"Headache", "Arachnodactyly"}
    assert all(a.evidence.passages == (passages[0],) and not a.evidence.triples for a in text)
    # none likelier than the graph's answers before it; the reason says which are which
    assert all(a.score <= first[-1].score for a in text)
    assert f"the {len(text)} after {'it' if len(first) == 1 else 'them'} come from" in r.reason
    # a drug is never suggested from text beside the graph's
    given = qa.ask(drugs).answers
    assert given and "Metformin" not in {a.node.label for a in given}


def test_a_finding_named_exactly_as_a_disease_is_that_disease_where_a_disease_is_asked():
    # "What are the symptoms of kidney stones?": the linker gave HPO's Nephrolithiasis, a
    # finding; DO's nephrolithiasis, of exactly its name, is the disease asked about
    from types import SimpleNamespace

    from kgqa.records import Candidate, Mention, Node
    from kgqa.understanding.router import topic_score

    finding = Node("urn:hp", "HP:0000787", "Nephrolithiasis", "Phenotype")
    disease = Node("urn:do", "DOID:585", "nephrolithiasis", "Disease")
    drug = Node("urn:dr", "DRUGBANK:DB1", "Nephrolithiasis", "Chemical")  # a class not asked

    class Named:
        def find(self, name, limit=10):
            return [SimpleNamespace(node=n) for n in (finding, drug, disease)
                    if n.label.lower() == name.lower()][:limit]  # fmt: skip

    m = Mention(21, 34, "kidney stones", "PHENOTYPE", False, 1.0,
                (Candidate(finding, 0.97, "exact", "kidney stones"),))  # fmt: skip
    me = SimpleNamespace(kg=Named())
    got = QAEngine._same_named_topic(me, ("Disease",), [(m, finding)])  # type: ignore[arg-type]
    assert got is not None and got[1] == disease
    assert topic_score(*got) == 0.97  # as sure as of the finding the linker gave
    assert QAEngine._same_named_topic(me, ("Gene",), [(m, finding)]) is None  # type: ignore[arg-type]


def test_a_disorder_topic_is_the_node_of_its_name_in_the_class_the_intent_asks_first():
    # "Kidney Stone" reached HPO's Nephrolithiasis and "kidney stones" DO's nephrolithiasis:
    # a treatment question (diseases first) is asked of the disease either way, a question of
    # the diseases a finding shows (findings first) of the finding
    from types import SimpleNamespace

    from kgqa.records import Candidate, Mention, Node
    from kgqa.understanding.router import topic_score

    finding = Node("urn:hp", "HP:0000787", "Nephrolithiasis", "Phenotype")
    disease = Node("urn:do", "DOID:585", "nephrolithiasis", "Disease")
    heading = Node("urn:mesh", "MESH:D053040", "Nephrolithiasis", "Disease")
    pain = Node("urn:hp2", "HP:0012531", "Pain", "Phenotype")
    pain_disorder = Node("urn:do2", "DOID:0060164", "pain disorder", "Disease")
    nodes = (finding, heading, disease, pain, pain_disorder)

    class Named:
        def find(self, name, limit=10):
            return [SimpleNamespace(node=n) for n in nodes
                    if n.label.lower() == name.lower()][:limit]  # fmt: skip

        def priority(self, iri):
            return 0 if iri.startswith("urn:do") else 1

    m = Mention(26, 38, "Kidney Stone", "PHENOTYPE", False, 1.0,
                (Candidate(finding, 0.93, "normalized", "kidney stone"),))  # fmt: skip
    me = SimpleNamespace(kg=Named())
    twin = QAEngine._twin_of_the_class_asked
    got = twin(me, ("Disease", "Phenotype"), (m, finding))  # type: ignore[arg-type]
    assert got[1] == disease and topic_score(*got) == 0.93  # DO's, before MeSH's
    assert twin(me, None, (m, finding))[1] == disease  # type: ignore[arg-type]
    assert twin(me, ("Phenotype", "Disease"), (m, finding))[1] == finding  # type: ignore[arg-type]
    d = replace(m, candidates=(Candidate(disease, 0.9, "exact", "kidney stones"),))
    assert twin(me, ("Phenotype", "Disease"), (d, disease))[1] == finding  # type: ignore[arg-type]
    # a name with "disorder" put to it is another concept: HPO's Pain is no DO pain disorder
    p = replace(m, text="pain", candidates=(Candidate(pain, 1.0, "exact", "pain"),))
    assert twin(me, ("Disease", "Phenotype"), (p, pain))[1] == pain  # type: ignore[arg-type]


def test_a_passage_on_another_disorder_treats_the_topic_only_in_a_sentence_naming_it(kg):
    # "What are the treatments for lipoma?" gave salbutamol at 0.83, from a passage on
    # Madelung disease: "... incomplete removal of lipomas. ... treating the condition with
    # the medication salbutamol"
    marfan = kg.node("DOID:14323")
    text = ("Marfan syndrome affects the connective tissue. In one family, colchicine "
            "treats the condition well.")  # fmt: skip
    q = "Which drugs treat Marfan syndrome?"

    def answers(title: str) -> list[str]:
        passage = Passage(1, text, title, "medquad", "Q1", "", "", (marfan.iri,), 1.0)
        qa = QAEngine(kg, FakeLinker(kg, NAMES_IN_TEXT),
                      FixedIntents(NAMES, {q: "drugs_for_disease"}), _Believes(0.9),
                      FixedPassages([passage]))  # fmt: skip
        return [a.node.label for a in qa.ask(q).answers]

    assert answers("Marfan syndrome") == ["Colchicine"]
    assert answers("A family's story") == ["Colchicine"]  # a title naming no disorder
    assert answers("Gout") == []  # "the condition" is gout


def test_a_drug_named_before_a_drug_class_is_the_topic():
    # "What are the side effects of metformin while on insulin?" was about insulin: a drug
    # class was sought in every mention before a drug in any
    from kgqa.records import Candidate, Mention, Node
    from kgqa.understanding.router import topic_mention

    metformin = Node("urn:met", "DRUGBANK:DB00331", "Metformin", "Chemical")
    insulins = Node("urn:ins", "MESH:D061385", "Insulins", "DrugClass")
    gout = Node("urn:gout", "DOID:13189", "gout", "Disease")

    def mention(at: int, text: str, node: Node) -> tuple[Mention, Node]:
        cand = (Candidate(node, 0.95, "exact", text),)
        return Mention(at, at + len(text), text, "CHEMICAL", False, 1.0, cand), node

    drug, cls = mention(29, "metformin", metformin), mention(48, "insulin", insulins)
    assert topic_mention("side_effects_of_drug", [drug, cls])[1] is metformin
    assert topic_mention("side_effects_of_drug", [cls, drug])[1] is insulins
    # a disease still comes before a finding named first, as before
    fever = Node("urn:fever", "HP:0001945", "Fever", "Phenotype")
    found = [mention(0, "fever", fever), mention(10, "gout", gout)]
    assert topic_mention("drugs_for_disease", found)[1] is gout


def test_a_class_named_alone_and_asked_for_in_words_of_listing_gives_its_members():
    # "What blood thinners are there?" was `other`: passages only
    from kgqa.records import Candidate, Mention, Node
    from kgqa.understanding.router import route

    cls = Node("urn:ac", "MESH:D000925", "Anticoagulants", "DrugClass")

    def found(text: str) -> list[tuple[Mention, Node]]:
        m = re.search(r"blood thinners?", text)
        cand = (Candidate(cls, 0.95, "exact", m.group(0)),)
        return [(Mention(m.start(), m.end(), m.group(0), "CHEMICAL", False, 1.0, cand), cls)]

    probs = {"other": 0.6, "definition": 0.3, "drugs_in_class": 0.05, "side_effects_of_drug": 0.05}
    for q in ("What blood thinners are there?", "What are some blood thinners?",
              "What are the different types of blood thinners?",
              "What are the options for blood thinners?",
              "What are my choices of blood thinners?"):  # fmt: skip
        assert route(q, probs, found(q))[0] == "drugs_in_class", q
    # a comparison, a definition, another relation, what the class is for: not its members
    for q in ("Which blood thinner is safest?", "What are blood thinners?",
              "What are some uses of blood thinners?",
              "What are common side effects of blood thinners?",
              "What are the options for blood thinners for a clot?"):  # fmt: skip
        assert route(q, probs, found(q))[0] != "drugs_in_class", q


def test_a_messages_question_whether_one_thing_it_names_worsens_another_is_a_claim(kg):
    # "Do high ammonia levels effect breathing?" and "... can worsen McArdle's disease?" were
    # read as claims asked alone and as questions about the one thing in a message; a
    # request for comment naming one thing stays a question about it
    effect = "Could the cold weather worsen my gout?"
    comment = "Would appreciate your comment on my gout."
    story = "SUBJECT: my joints\nMESSAGE: I have had pain for ten years and take pills every day. "
    qa, _ = engine(kg, {effect: "claim", comment: "claim"})
    asked, commented = qa.read_many([story + effect, story + comment])
    assert (asked.intent, asked.topic.label) == ("claim", "gout")
    assert commented.intent == "other"


def test_a_finding_more_documents_name_comes_first_from_text(kg):
    # "What are the symptoms of a UTI?" began with back pain, named in one document's list,
    # before dysuria, named in three; the verifier is as unsure of each here
    from kgqa.answering.reader import read_answers

    gout = kg.node("DOID:13189")
    names = {"gout": "DOID:13189", "fever": "HP:0001945", "headache": "HP:0002315"}
    texts = [("Q1", "Gout may come with fever and headache."),
             ("Q2", "A gout attack can bring on a headache."),
             ("Q3", "People with gout often report a headache.")]  # fmt: skip
    passages = [Passage(i, t, "Gout", "medquad", f"{q}-1", "", "", (), 1.0)
                for i, (q, t) in enumerate(texts)]  # fmt: skip
    verifier = GraphReadingVerifier()
    found = read_answers(FakeLinker(kg, names), verifier, gout, "phenotypes_of_disease",
                         passages)  # fmt: skip
    assert [a.node.label for a in found] == ["Headache", "Fever"]
    # each is read against every document that names it, and carries those passages
    assert [len(a.evidence.passages) for a in found] == [3, 1]
    assert len(verifier.read) == 4
    # two passages of one document count once
    same_page = [replace(p, source_id="Q1-" + str(p.pid)) for p in passages]
    found = read_answers(FakeLinker(kg, names), GraphReadingVerifier(), gout,
                         "phenotypes_of_disease", same_page)  # fmt: skip
    assert [len(a.evidence.passages) for a in found] == [1, 1]
    assert [a.node.label for a in found] == ["Fever", "Headache"]  # a tie: by name


def test_a_few_abstracts_answer_the_passages_say_too_is_corroborated(kg):
    from kgqa.answering.engine import _corroborated

    fever, headache = kg.node("HP:0001945"), kg.node("HP:0002315")
    passage = Passage(1, "Gout may come with a fever.", "Gout", "medquad", "Q1-1", "", "", (), 1.0)
    weak = [Answer(fever, 0.99, Evidence()), Answer(headache, 0.99, Evidence())]
    read = [Answer(fever, 0.9, Evidence((), (passage,)), verdict="from text", support=0.9)]
    rest, backed = _corroborated(weak, read)
    assert [a.node.label for a in rest] == ["Headache"]
    assert [a.node.label for a in backed] == ["Fever"]
    assert backed[0].evidence.passages == (passage,) and backed[0].verdict == "supported"
    # a passage the verifier does not believe corroborates nothing
    unsure = [replace(read[0], support=0.1)]
    assert _corroborated(weak, unsure) == (weak, [])


class _UnsureOfHeadaches(GraphReadingVerifier):
    """Reads a headache as supported at 0.6, anything else at 0.95."""

    def predict_proba(self, a, b=None):
        p = [0.6 if "Headache" in claim else 0.95 for claim in a]
        return np.array([[x, 1 - x, 0.0] for x in p], dtype=np.float32).reshape(len(a), 3)


def test_passages_answers_are_no_likelier_than_the_one_before(kg):
    # the reader orders them by how many documents say each, not by the verifier alone: a
    # later one may have been read likelier, and must not show so
    t2d = kg.node("DOID:9352")
    assert not kg.neighbours(t2d, "hasPhenotype")  # the fixture graph is silent
    names = {"type 2 diabetes": "DOID:9352", "fever": "HP:0001945", "headache": "HP:0002315"}
    texts = ["Type 2 diabetes may come with a headache.", "Type 2 diabetes can bring a headache.",
             "Type 2 diabetes can bring a fever."]  # fmt: skip
    passages = [Passage(i, t, "Type 2 diabetes", "medquad", f"Q{i}-1", "", "", (t2d.iri,), 1.0)
                for i, t in enumerate(texts)]  # fmt: skip
    q = "What are the symptoms of type 2 diabetes?"
    qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "phenotypes_of_disease"}),
                  _UnsureOfHeadaches(), FixedPassages(passages))  # fmt: skip
    r = qa.ask(q)
    assert [a.node.label for a in r.answers] == ["Headache", "Fever"]
    assert r.answers[0].support < r.answers[1].support  # read less sure, said more often
    assert r.answers[0].score >= r.answers[1].score


def test_a_few_symptoms_from_do_alone_are_topped_up_from_the_passages(kg):
    # "What are the symptoms of appendicitis?": DO lists fever, nausea, vomiting; no abdominal
    # pain. HPO's annotations of a disease are no such partial list
    from kgqa.answering.engine import _symptom_list_only
    from kgqa.records import Triple

    gout, fever, headache = kg.node("DOID:13189"), kg.node("HP:0001945"), kg.node("HP:0002315")

    def stated(node, source):
        return Answer(node, 0.99, Evidence((Triple(gout, "hasPhenotype", node, source),)))

    do_only = [stated(fever, "doid"), stated(headache, "doid")]
    assert _symptom_list_only(do_only, k=10)
    assert not _symptom_list_only(do_only, k=2)  # as many as asked for
    assert not _symptom_list_only([stated(fever, "doid"), stated(headache, "hpo")], k=10)
    assert not _symptom_list_only([], k=10)


def test_the_genes_of_a_finding_come_through_the_diseases_that_show_it(kg):
    # no gene is tied to arachnodactyly itself; HPO annotates Marfan syndrome with it, and the
    # curated sources give FBN1 for Marfan syndrome
    q = "Which genes are associated with arachnodactyly?"
    qa, _ = engine(kg, {q: "genes_of_disease"})
    qa.linker = FakeLinker(kg, {**NAMES_IN_TEXT, "fbn1": "NCBIGene:2200",
                                "xdh": "NCBIGene:7498"})  # fmt: skip
    from kgqa.answering.candidates import graph_candidates

    (first,) = graph_candidates(kg, kg.node("HP:0001166"), "genes_of_disease")
    assert (first.node.label, first.via.label, first.via_relation) == (
        "FBN1", "Marfan syndrome", "shown by",
    )  # fmt: skip
    # the path: the disease shows the finding, and has the gene (a curated source's statement)
    assert [t.relation for t in first.path] == ["hasPhenotype", "associatedWithGene"]
    assert {t.source for t in first.triples} <= {"hpo", "orphanet"}
    # as options, FBN1 over XDH, through the same path, labelled a best guess
    o = qa.ask(q, options=["XDH", "FBN1"])
    assert o.options[0].node.label == "FBN1" and o.options[0].score > 0.9
    assert o.options[0].verdict == "unsupported"
    assert "through the diseases that show it" in o.reason


def test_a_plea_tells_of_a_doctor_seen_and_asks_for_one_only_in_words_of_wanting(kg):
    told = ("SUBJECT: gout\nMESSAGE: My father has had gout for ten years. He discussed it "
            "with his doctor, who has found nothing that will stop it. ")  # fmt: skip
    seen, wanted = (
        told + "Your suggestions welcomed.",
        told + "We need a doctor in Ohio. Please suggest.",
    )
    qa = engine_reading_all_as(kg, "other")
    pleads, finds = qa.read_many([seen, wanted])
    assert (pleads.intent, pleads.topic.curie) == ("drugs_for_disease", "DOID:13189")
    assert finds.intent == "other"


def test_a_bare_plea_after_another_question_asks_no_treatment(kg):
    text = ("SUBJECT: gout\nMESSAGE: My father has gout. His uric acid test came back at 9. "
            "How can we tell whether the test is right? Please help")  # fmt: skip
    qa = engine_reading_all_as(kg, "other")
    (read,) = qa.read_many([text])
    assert read.intent == "other" and read.topic.curie == "DOID:13189"
    # the same plea after a question that names no relation, standing alone, still asks
    (alone,) = qa.read_many([text.replace("How can we tell whether the test is right? ", "")])
    assert alone.intent == "drugs_for_disease"


def test_taking_a_drug_with_others_or_instead_of_one_is_no_contraindication_claim(kg):
    along, instead, despite = read_after(
        engine_reading_all_as(kg, "claim"), "SUBJECT: gout\nMESSAGE: My aunt has gout. ",
        "Could she take allopurinol along with these meds. Metformin 500 mg",
        "Can she use allopurinol instead of colchicine?", "Can she take metformin?",
    )  # fmt: skip
    assert along.intent == "other" and instead.intent == "other"
    # a drug asked of alone, after the disorder: whether it may be taken despite it
    assert despite.intent == "claim"


def test_a_portal_label_before_a_message_without_a_subject_is_no_word_of_it(kg):
    q = "should allopurinol and colchicine be used together?"
    qa, _ = engine(kg, {q: "diseases_for_drug", "MESSAGE: " + q: "diseases_for_drug"})
    bare, labelled = qa.read_many([q, "MESSAGE: " + q])
    assert bare.intent == labelled.intent == "other"


def test_the_harms_of_what_names_no_drug_are_asked_of_passages(kg):
    procedure = "What are the risks of in vitro fertilization?"
    unknown = "What are the side effects of xyzzolam?"
    plant = "Are coleus plants poisonous to pets?"
    qa, _ = engine(kg, {q: "side_effects_of_drug" for q in (procedure, unknown, plant)})
    risks, effects, poison = qa.read_many([procedure, unknown, plant])
    assert risks.intent == poison.intent == "other"
    # a drug's side effects asked in so many words stay that, the drug unknown or not
    assert effects.intent == "side_effects_of_drug" and effects.topic is None
    r = qa.ask(unknown)
    assert r.no_answer and "drug" in r.reason


def test_harm_asked_of_a_finding_is_which_drugs_cause_it_only_when_a_drug_is_said(kg):
    harm = "How dangerous is it when the port is blown and she gets arachnodactyly?"
    drugs = "Which medicines have arachnodactyly as a side effect?"
    qa, _ = engine(kg, {harm: "side_effects_of_drug", drugs: "side_effects_of_drug"})
    read_harm, read_drugs = qa.read_many([harm, drugs])
    assert read_harm.intent == "other"
    assert (read_drugs.intent, read_drugs.topic.curie) == ("drugs_causing", "HP:0001166")


def test_a_broad_category_is_the_topic_only_when_nothing_more_specific_is_named(kg, monkeypatch):
    from collections import defaultdict

    import kgqa.answering.engine as engine_module

    # "illness" (DOID:4, disease) stands for a category as broad as *Wounds and Injuries*
    names = {**NAMES_IN_TEXT, "illness": "DOID:4"}
    q = "What are the treatments for arachnodactyly after an illness?"
    alone = "What are the treatments for an illness?"
    plea = ("SUBJECT: help\nMESSAGE: My son has had arachnodactyly since he was born. Last year "
            "he had an illness too. Please suggest a treatment.")  # fmt: skip
    intents = defaultdict(lambda: "other", {q: "drugs_for_disease", alone: "drugs_for_disease"})
    qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, intents),
                  GraphReadingVerifier(), FixedPassages(()))  # fmt: skip
    monkeypatch.setattr(engine_module, "BROAD_SUPERTYPE", 1)
    specific, broad, pleads = qa.read_many([q, alone, plea])
    # a disease comes before a finding, unless it is a broad category
    assert specific.topic.curie == "HP:0001166"
    assert broad.topic.curie == "DOID:4"
    # a plea after history stands on the first specific thing the message names, a finding
    # as well as a disease
    assert (pleads.intent, pleads.topic.curie) == ("drugs_for_disease", "HP:0001166")


def test_whether_a_finding_belongs_to_the_disorder_the_subject_names_is_a_claim(kg):
    qa = engine_reading_all_as(kg, "other")
    history = "SUBJECT: Marfan syndrome\nMESSAGE: My son was diagnosed last year. "
    normal, treated, hedged = read_after(
        qa, history, "Is arachnodactyly normal?", "How is arachnodactyly treated in children?",
        "I wonder whether or not arachnodactyly is part of this disease.",
    )  # fmt: skip
    assert normal.intent == hedged.intent == "claim"
    assert treated.intent != "claim"
    r = qa.ask(history + "Is arachnodactyly normal?")
    assert r.verdict is not None and r.verdict.verdict == "supported"
    assert (r.verdict.subject.curie, r.verdict.object.curie) == ("DOID:14323", "HP:0001166")


def test_a_drug_a_message_names_before_is_what_this_med_stands_for_in_its_claim(kg):
    names = {**NAMES_IN_TEXT, "headache": "HP:0002315"}
    qa = engine_reading_all_as(kg, "other", names)
    history = ("SUBJECT: new pills\nMESSAGE: My head hurts more since I began taking "
               "metformin. I read that it is strong. ")  # fmt: skip
    r = qa.ask(history + "Can this med.  cause headache?")
    assert r.reading.intent == "claim" and r.reading.topic.curie == "DRUGBANK:DB00331"
    assert r.verdict is not None and r.verdict.verdict == "supported"
    assert (r.verdict.subject.curie, r.verdict.object.curie) == ("DRUGBANK:DB00331",
                                                                  "HP:0002315")  # fmt: skip
    # two drugs named before: which one is meant is not said, and nothing is checked
    two = qa.ask("SUBJECT: new pills\nMESSAGE: I take metformin and allopurinol. I read that "
                 "they are strong. Can this med cause headache?")  # fmt: skip
    assert two.reading.intent != "claim" and two.verdict is None
    # no words of causing: no claim
    how = qa.ask(history + "How long should I take this med for my headache?")
    assert how.reading.intent != "claim"


def test_a_finding_told_of_before_is_what_this_word_of_its_name_stands_for_in_a_claim(kg):
    # "I recently developed curvature of the spine. Could this curvature being caused by the
    # Cymbalta?" checked nothing: the question names the drug and no finding
    names = {**NAMES_IN_TEXT, "morning headache": "HP:0002315"}
    qa = engine_reading_all_as(kg, "other", names)
    history = "SUBJECT: new pills\nMESSAGE: Lately I wake up with a morning headache. "
    r = qa.ask(history + "Could this headache be caused by metformin?")
    assert r.reading.intent == "claim" and r.verdict is not None
    assert (r.verdict.subject.curie, r.verdict.object.curie) == ("DRUGBANK:DB00331",
                                                                  "HP:0002315")  # fmt: skip
    assert r.verdict.verdict == "supported"
    # ... a word of no name told of before points back to nothing
    other = qa.ask(history + "Could this weakness be caused by metformin?")
    assert other.verdict is None or other.verdict.object is None


def test_a_bare_plea_after_a_want_of_information_asks_for_no_treatment(kg):
    qa = engine_reading_all_as(kg, "other")
    info, hurts, test = qa.read_many([
        "SUBJECT: gout\nMESSAGE: I cannot find any info on this illness anywhere. Can you help??",
        "SUBJECT: gout\nMESSAGE: My father has gout. It hurts him a lot. Can you help??",
        "SUBJECT: gout\nMESSAGE: My father has gout. His uric acid test came back at 9. Can "
        "you help??",
    ])  # fmt: skip
    assert info.intent == "other" and info.topic.curie == "DOID:13189"
    assert hurts.intent == test.intent == "drugs_for_disease"


def test_a_drugs_uses_turned_round_need_a_word_of_a_drug_or_of_treating(kg):
    qa = engine_reading_all_as(kg, "diseases_for_drug")
    why, helps, given = qa.read_many([
        "SUBJECT: gout\nMESSAGE: My doctors suggest I may have gout. Why does none tell me so?",
        "What helps gout?",
        "What is given for gout?",
    ])  # fmt: skip
    assert why.intent == "other"
    assert (helps.intent, helps.topic.curie) == ("drugs_for_disease", "DOID:13189")
    assert given.intent == "drugs_for_disease"


# a finding's own page (MedlinePlus's), as MedQuAD gives it
FEVER_PAGE = ("A fever is a body temperature that is higher than normal. It may be low-grade "
              "or high. Infections cause most fevers. Other causes include arthritis, gout and "
              "familial Mediterranean fever. Call your doctor if you have diabetes and a fever "
              "that lasts.")  # fmt: skip
FEVER_NAMES = {**NAMES_IN_TEXT, "familial mediterranean fever": "DOID:2987",
               "low-grade fever": "HP:0011134", "fever": "HP:0001945", "arthritis": "DOID:848",
               "diabetes": "DOID:9351"}  # fmt: skip


class ReadingSentences(GraphReadingVerifier):
    """Supports a claim whose cause its evidence names (a page's sentence of causes names the
    cause, in its own words for the finding)."""

    def predict_proba(self, a, b=None):
        rows = super().predict_proba(a, b)
        for i, (claim, ev) in enumerate(zip(a, b, strict=True)):
            cause = (claim.split(" is caused by ")[1] if " is caused by " in claim
                     else claim.split(" has the feature ")[0])  # fmt: skip
            if cause.lower() in ev.lower():
                rows[i] = [0.9, 0.05, 0.05]
        return rows


def page_engine(kg, text: str = FEVER_PAGE, title: str = "Fever",
                intent: str = "diseases_of_phenotype") -> QAEngine:  # fmt: skip
    page = Passage(7, text, title, "medquad", "0007-1", "https://example.org/fever", "information",
                   (), 1.0)  # fmt: skip
    from collections import defaultdict

    return QAEngine(kg, FakeLinker(kg, FEVER_NAMES),
                    FixedIntents(NAMES, defaultdict(lambda: intent)),
                    ReadingSentences(), FixedPassages([page]), None)  # fmt: skip


def test_a_findings_own_page_names_its_causes_first(kg):
    # "What causes swollen ankles?" began with Wilson disease (HPO's rare diseases with pedal
    # edema); MedlinePlus's page on edema names heart failure and kidney disease
    q = "What causes a fever?"
    r = page_engine(kg).ask(q)
    assert r.topic.curie == "HP:0001945"
    labels = [a.node.label for a in r.answers]
    # the graph's answers the page names too come first, in the graph's order, each with its
    # statement and the page; then the page's own, as text with the page; then the graph's
    # others (Williams-Beuren syndrome, which a few abstracts name beside fever); not
    # diabetes, named only in when to call a doctor
    assert labels[:4] == ["gout", "familial Mediterranean fever", "arthritis",
                          "Williams-Beuren syndrome"], labels  # fmt: skip
    gout, _, arthritis = r.answers[:3]
    assert gout.evidence.triples and gout.evidence.passages[0].title == "Fever"
    assert arthritis.verdict == "from text" and not arthritis.evidence.triples
    # ... its passage cut to the sentences that say so, with its source
    shown = arthritis.evidence.passages[0]
    assert shown.source_id == "0007-1" and shown.text.startswith("Infections cause most fevers.")
    assert shown.text.endswith("gout and familial Mediterranean fever.")
    assert "diabetes mellitus" not in labels
    assert [a.score for a in r.answers] == sorted((a.score for a in r.answers), reverse=True)
    assert r.reason.startswith('3 of these are what the page "Fever" names as causes of Fever')
    assert "they come first" in r.reason
    # ... where the question asks for the rare, inborn ones, the graph's alone
    q = "Which genetic syndromes cause fever?"
    assert "arthritis" not in [a.node.label for a in page_engine(kg).ask(q).answers]


def test_a_kind_of_finding_reads_the_page_of_the_finding_it_is_a_kind_of(kg):
    # "swollen ankles" (HPO's *Pedal edema*, "leg edema") has no page of its own; *Edema*'s
    # speaks of the legs
    q = "What causes a low-grade fever?"
    r = page_engine(kg).ask(q)
    assert r.topic.curie == "HP:0011134"
    assert "arthritis" in [a.node.label for a in r.answers]
    # ... only where that page speaks of the kind asked: a page on fever that says nothing
    # of a low-grade one is no answer for it
    r = page_engine(kg, FEVER_PAGE.replace(" It may be low-grade or high.", "")).ask(q)
    assert "arthritis" not in [a.node.label for a in r.answers]


def test_what_a_finding_brings_on_is_none_of_its_causes(kg):
    from kgqa.answering.reader import page_candidates

    fever = kg.node("HP:0001945")
    text = ("A high fever can lead to gout attacks. Fever is part of the body's defense "
            "against Marfan syndrome. Familial Mediterranean fever causes fevers.")  # fmt: skip
    page = Passage(7, text, "Fever", "medquad", "0007-1", "", "information", (), 1.0)
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), fever, "diseases_of_phenotype",
                            [page], [], kg)  # fmt: skip
    # gout follows from the fever; Marfan syndrome is named in no sentence of causes
    assert [n.label for n, _ in found] == ["familial Mediterranean fever"]
    # a list after a sentence of causes is one; a disease named for what is given for it is
    # none of them ("... food poisoning, cancer chemotherapy or other medicines")
    text = ("Fever can be a symptom of many different conditions. These include arthritis, "
            "familial Mediterranean fever or gout medicines.")  # fmt: skip
    page = replace(page, text=text)
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), fever, "diseases_of_phenotype",
                            [page], [], kg)  # fmt: skip
    assert [n.label for n, _ in found] == ["arthritis", "familial Mediterranean fever"]


def test_a_diseases_own_page_names_its_causes_where_the_graph_has_none_of_its_own(kg):
    # "What causes high blood pressure?" listed genes association studies tie to it; NHLBI's
    # page names chronic kidney disease and sleep apnea
    page = ("Causes of arthritis include familial Mediterranean fever and gout. Arthritis can "
            "cause Marfan syndrome.")  # fmt: skip
    q = "What causes arthritis?"
    r = page_engine(kg, page, "Arthritis", "causes").ask(q)
    assert (r.intent, r.topic.curie) == ("causes", "DOID:848")
    # gout is a kind of arthritis, none of its causes; what arthritis brings on is none either
    assert [a.node.label for a in r.answers] == ["familial Mediterranean fever"]
    assert r.answers[0].verdict == "from text"
    assert r.reason.startswith('1 of these is what the page "Arthritis" names as causes')
    # ... the page is read only where the graph gives no cause but genes of association
    # studies: a cause a curated source states (an organism, a Mendelian gene) comes as before
    from kgqa.answering.engine import _associated_only

    gene, mendelian = kg.node("NCBIGene:6934"), kg.node("NCBIGene:4210")
    said = Triple(kg.node("DOID:9352"), "associatedWithGene", gene, "disease_gene")
    assert _associated_only([Answer(gene, 0.9, Evidence((said,)), support=0.9)])
    curated = replace(said, object=mendelian, source="hpo")
    assert not _associated_only([Answer(mendelian, 0.9, Evidence((curated,)), support=0.9)])
    assert _associated_only([])


def test_a_diseases_page_is_read_where_its_only_genes_are_those_of_a_kind_of_it(kg):
    # "What causes cirrhosis?" listed IL12A and SPIB, genes HPO and Orphanet give primary
    # biliary cholangitis, an autoimmune kind of cirrhosis, as if they caused cirrhosis
    from kgqa.answering.engine import _genes_of_kinds_only

    diabetes, gene = kg.node("DOID:9351"), kg.node("NCBIGene:4210")
    of_a_kind = Triple(kg.node("DOID:9352"), "associatedWithGene", gene, "hpo")
    assert _genes_of_kinds_only([Answer(gene, 0.9, Evidence((of_a_kind,)), support=0.9)],
                                diabetes)  # fmt: skip
    # a gene stated of the disease itself is its own, and a cause that is no gene is read
    its_own = replace(of_a_kind, subject=diabetes)
    assert not _genes_of_kinds_only(
        [Answer(gene, 0.9, Evidence((its_own,)), support=0.9)], diabetes
    )
    fmf = kg.node("DOID:2987")
    assert not _genes_of_kinds_only(
        [Answer(fmf, 0.9, Evidence((replace(of_a_kind, object=fmf),)), support=0.9)], diabetes
    )
    assert not _genes_of_kinds_only([], diabetes)


def test_what_a_disease_brings_on_or_what_its_cause_brings_on_is_none_of_its_causes(kg):
    # "What causes glaucoma?" answered blindness ("glaucoma, a leading cause of blindness"),
    # and celiac disease's page gave "Intestinal damage causes diarrhea" as a cause of it
    from kgqa.answering.reader import page_candidates

    arthritis = kg.node("DOID:848")
    text = ("Arthritis is a leading cause of diabetes. Marfan syndrome causes diabetes. "
            "Familial Mediterranean fever can cause arthritis.")  # fmt: skip
    page = Passage(7, text, "Arthritis", "medquad", "0007-1", "", "causes", (), 1.0)
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), arthritis, "causes", [page], [], kg,
                            ("Disease",))  # fmt: skip
    assert [n.label for n, _ in found] == ["familial Mediterranean fever"]
    # ... while a list of what brings it on, after the verb, is read as before
    text = "Many things cause arthritis, including familial Mediterranean fever and diabetes."
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), arthritis, "causes",
                            [replace(page, text=text)], [], kg, ("Disease",))  # fmt: skip
    assert [n.label for n, _ in found] == ["familial Mediterranean fever", "diabetes mellitus"]
    # ... and what a page lists as its signs or complications, or as what it raises the risk
    # of, is none either (rosacea's symptoms "include ... Acne"; "Crohn's can cause
    # complications, such as intestinal blockages"; sleep apnea's "risk for obesity")
    text = ("Arthritis can cause complications, such as diabetes. Symptoms of arthritis "
            "include Marfan syndrome. It raises the risk for diabetes. Familial Mediterranean "
            "fever can cause arthritis.")  # fmt: skip
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), arthritis, "causes",
                            [replace(page, text=text)], [], kg, ("Disease",))  # fmt: skip
    assert [n.label for n, _ in found] == ["familial Mediterranean fever"]
    # ... or what is called the cause of another thing ("Macular degeneration, or age-related
    # macular degeneration (AMD), is a leading cause of vision loss"); a page's part on what it
    # is names a cause where it says what one gets it with ("You can also lose your hair if
    # you have certain diseases, such as thyroid problems, diabetes, or lupus")
    text = ("Arthritis, or familial Mediterranean fever (FMF), is a leading cause of "
            "blindness. You can also get arthritis if you have diabetes. Marfan syndrome is "
            "rare.")  # fmt: skip
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), arthritis, "causes",
                            [replace(page, text=text, qtype="information")], [], kg,
                            ("Disease",))  # fmt: skip
    assert [n.label for n, _ in found] == ["diabetes mellitus"]
    # ... or what it names beside the disease, in one "or" or "and" ("... before they develop
    # severe fibrosis or cirrhosis", on *Cirrhosis*'s, gave fibrosis as a cause of cirrhosis)
    text = ("Marfan syndrome can lead to arthritis. Treat it before diabetes or arthritis sets "
            "in. Arthritis and severe familial Mediterranean fever have many causes.")  # fmt: skip
    found = page_candidates(FakeLinker(kg, FEVER_NAMES), arthritis, "causes",
                            [replace(page, text=text)], [], kg, ("Disease",))  # fmt: skip
    assert [n.label for n, _ in found] == ["Marfan syndrome"]


def test_a_page_that_names_no_cause_is_quoted_for_what_it_says_of_causes(kg):
    # "What causes asthma?" listed genes that association studies tie to it, and said nothing
    # of what its page says: "The exact cause of asthma isn't known. Researchers think some
    # genetic and environmental factors interact to cause asthma"
    text = ("Arthritis means joint inflammation. It is a leading cause of disability. No one "
            "knows exactly what causes arthritis. Genes probably play a role. Arthritis is "
            "common.")  # fmt: skip
    r = page_engine(kg, text, "Arthritis", "causes").ask("What causes arthritis?")
    assert (r.intent, r.topic.curie) == ("causes", "DOID:848")
    said = "No one knows exactly what causes arthritis. Genes probably play a role."
    assert r.reason.startswith(f'the page "Arthritis" (medquad 0007-1) says: "{said}"'), r.reason
    assert r.passages[0].text == said and r.passages[0].source_id == "0007-1"
    # ... from where the sentence begins when a list ran into it, never a pointer to a video
    # or a sentence of what helps
    text = ("(Watch the video to learn more about the causes of arthritis.) Rest can ease pain "
            "that gout causes arthritis. They include - Resting - Asking your doctor if "
            "medicines you take may cause arthritis. Symptoms can include - Redness - Swelling "
            "No one knows what causes arthritis. Arthritis is common.")  # fmt: skip
    r = page_engine(kg, text, "Arthritis", "causes").ask("What causes arthritis?")
    assert r.passages[0].text == "No one knows what causes arthritis.", r.reason
    # ... a page that says nothing of causes is not quoted
    text = "Arthritis means joint inflammation. It is common."
    r = page_engine(kg, text, "Arthritis", "causes").ask("What causes arthritis?")
    assert "says:" not in r.reason


def test_a_finding_with_no_page_of_its_own_gets_the_diseases_whose_pages_list_it(kg):
    # "What causes night sweats?" began with mycosis fungoides and follicular lymphoma (HPO's);
    # the NCI's pages on Hodgkin and non-Hodgkin lymphoma list night sweats among their signs
    from kgqa.answering.reader import showing_answers

    fever = kg.node("HP:0001945")

    def page(pid, title, text, url, qtype="symptoms"):
        return Passage(pid, text, title, "medquad", f"000{pid}-1", url, qtype, (fever.iri,), 1.0)

    passages = [
        page(1, "Gout", "A gout attack can come with a fever and chills.",
             "https://www.nlm.nih.gov/medlineplus/gout.html"),
        # a page of a rare-disease site, and one naming the finding as absent, or the other way
        page(2, "Marfan syndrome", "Some people with Marfan syndrome have a fever.",
             "https://ghr.nlm.nih.gov/condition/marfan-syndrome"),
        page(3, "Arthritis", "Arthritis usually comes without fever.",
             "https://www.niddk.nih.gov/health-information/arthritis"),
        page(4, "Familial Mediterranean fever", "Attacks of familial Mediterranean fever begin "
             "with a fever.", "https://www.cdc.gov/fmf", "information"),
        # ... and one where the finding brings on what the page is about, no sign of it
        page(5, "Diabetes mellitus", "A fever can cause blood sugar to rise in people with "
             "diabetes.", "https://www.niddk.nih.gov/diabetes"),
    ]  # fmt: skip
    found = showing_answers(ReadingSentences(), fever, passages, kg)
    assert [a.node.label for a in found] == ["gout", "familial Mediterranean fever"]
    assert found[0].verdict == "from text"
    assert found[0].evidence.passages[0].text == "A gout attack can come with a fever and chills."
    # in an answer: first, before the graph's others, with the reason saying where from
    q = "What causes a fever?"
    intents = FixedIntents(NAMES, {q: "diseases_of_phenotype"})
    qa = QAEngine(kg, FakeLinker(kg, FEVER_NAMES), intents, ReadingSentences(),
                  FixedPassages(passages), None)  # fmt: skip
    r = qa.ask(q)
    labels = [a.node.label for a in r.answers]
    # (the graph states both too, from abstracts and DO: they keep its order, before its
    # Williams-Beuren syndrome, which no page names)
    assert set(labels[:2]) == {"gout", "familial Mediterranean fever"}, labels
    assert labels.index("Williams-Beuren syndrome") > 1
    assert "whose own pages" in r.reason and "list Fever among their signs" in r.reason


def test_a_page_that_says_the_finding_only_in_its_own_name_lists_no_sign_of_it(kg):
    # "Primary ciliary (SIL-e-ar-e) dyskinesia ... affects ... the airways" was the second
    # answer to "What causes dyskinesia?": the word ends the disease's name, asides and all
    from kgqa.answering.reader import showing_answers

    fever = kg.node("HP:0001945")
    text = "Familial Mediterranean (MED-i-ter-AY-nee-an) fever is an inherited condition."
    page = Passage(4, text, "Familial Mediterranean fever", "medquad", "0004-1",
                   "https://www.cdc.gov/fmf", "information", (fever.iri,), 1.0)  # fmt: skip
    assert showing_answers(ReadingSentences(), fever, [page], kg) == []


def test_a_page_that_lists_a_finding_names_it_as_a_sign_only_of_its_own_disease(kg):
    # "People with diabetes have high blood glucose" (on diabetic kidney disease's page), "Birth
    # control pills help ... clear acne" (on polycystic ovary syndrome's), "Getting more
    # exercise, losing weight, or stopping smoking may also help" (on impotence's), "Many skin
    # problems, such as acne, ..." (on skin conditions')
    from kgqa.answering.reader import showing_answers

    fever = kg.node("HP:0001945")
    gout = Passage(2, "Some people with the disorder have fevers in a gout attack.", "Gout",
                   "medquad", "0002-1", "https://www.nlm.nih.gov/medlineplus/gout.html",
                   "symptoms", (), 1.0)  # fmt: skip

    def shown(text):
        return [a.node.label for a in showing_answers(ReadingSentences(), fever,
                                                      [replace(gout, text=text)], kg)]  # fmt: skip

    # (the page's own "the disorder"; and the plural a page lists it by, "fevers")
    assert shown(gout.text) == ["gout"]
    assert shown("People with diabetes have fevers in a gout attack.") == []
    assert shown("Colchicine may help the fever of a gout attack.") == []
    assert shown("Many problems, such as fever, come with a gout attack.") == []
    # ... while a list of signs given with "such as" is one, and help sought is no help
    assert shown("Some signs, such as fever, come with a gout attack.") == ["gout"]
    assert shown("A gout attack brings fever. Seek Help for it.") == ["gout"]


def test_a_disorder_left_out_takes_its_kinds_with_it(kg):
    # "What causes night sweats besides lymphoma?" kept AIDS-related lymphoma and mycosis
    # fungoides: a disorder left out covered its own node only
    from kgqa.answering.exclusion import left_out
    from kgqa.records import Candidate, Mention

    arthritis, gout, fmf = kg.node("DOID:848"), kg.node("DOID:13189"), kg.node("DOID:2987")
    said = Mention(27, 36, "arthritis", "DISEASE", True, 1.0,
                   (Candidate(arthritis, 0.95, "exact", "arthritis"),))  # fmt: skip
    gone = left_out(kg, [(said, arthritis)], kg.node("HP:0001945"))
    assert gone is not None
    assert gone.covers(arthritis) and gone.covers(gout)  # gout is a kind of arthritis
    assert not gone.covers(fmf)


def test_a_finding_a_passage_names_as_whom_it_speaks_of_is_no_sign_from_text(kg):
    # "What are the symptoms of low blood sugar?" gave diabetes mellitus at 0.65, from "In
    # people with diabetes, hypoglycemia is often a side effect of diabetes medicines" and a
    # page's source line "NIH: National Institute of Diabetes and Digestive and Kidney Diseases"
    t2d = kg.node("DOID:9352")
    assert not kg.neighbours(t2d, "hasPhenotype")  # the fixture graph is silent
    names = {**NAMES_IN_TEXT, "type 2 diabetes": t2d.curie, "headache": "HP:0002315",
             "fever": "HP:0001945"}  # fmt: skip
    q = "What are the symptoms of type 2 diabetes?"

    def signs(text: str) -> list[str]:
        passages = [Passage(1, text, "t", "medquad", "Q1", "", "", (t2d.iri,), 1.0)]
        qa = QAEngine(kg, FakeLinker(kg, names), FixedIntents(NAMES, {q: "phenotypes_of_disease"}),
                      _Believes(0.9), FixedPassages(passages))  # fmt: skip
        return sorted(a.node.label for a in qa.ask(q).answers)

    assert signs("Signs of type 2 diabetes include headache and fever.") == ["Fever", "Headache"]
    for whom in ("Signs of type 2 diabetes include headache. In people with fever, type 2 "
                 "diabetes is common.",
                 "Signs of type 2 diabetes include headache. It is a side effect of fever "
                 "medicines.",
                 "Signs of type 2 diabetes include headache. NIH: National Institute of Fever "
                 "and Kidney Diseases"):  # fmt: skip
        assert signs(whom) == ["Headache"], whom


def test_a_question_answered_by_passages_alone_says_when_it_has_none(kg):
    # a message on a kidney defect read as 'other' said it was answered with passages, and
    # showed none
    q = "Is gout more common in winter?"
    qa, _ = engine(kg, {q: "other"})
    bare = qa.ask(q)
    assert bare.intent == "other" and bare.passages == ()
    assert "holds no passage on gout" in bare.reason, bare.reason
    gout = kg.find("gout", cls="Disease")[0].node
    says = "Gout attacks may be prevented with diet."
    qa, _ = engine(kg, {q: "other"}, [Passage(1, says, "t", "pubmed", "PMID:1", "", "",
                                              (gout.iri,), 1.0)])  # fmt: skip
    found = qa.ask(q)
    assert found.passages and "holds no passage" not in found.reason
