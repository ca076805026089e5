import json

import pytest

from kgqa.cli import main
from kgqa.errors import InputError


def test_ask_drugs_with_graph_and_passage_evidence(pipeline):
    r = pipeline.ask("Which drugs treat gout?")
    assert r.intent == "drugs_for_disease" and r.topic.curie == "DOID:13189"
    assert not r.no_answer
    top = r.answers[0]
    assert top.node.label == "Allopurinol"
    assert 0.5 <= top.score <= 1.0
    assert any(t.source == "pharmacotherapydb" for t in top.evidence.triples)
    assert all(p.source_id for p in top.evidence.passages)
    # "NOT indicated" metformin must not come out as a treatment for gout
    assert "Metformin" not in [a.node.label for a in r.answers]


def test_ask_genes(pipeline):
    r = pipeline.ask("Which genes are associated with Marfan syndrome?")
    assert [a.node.label for a in r.answers][:1] == ["FBN1"]


def test_unknown_entity_gives_an_explicit_no_answer(pipeline):
    r = pipeline.ask("Which drugs treat zorblaxitis?")
    assert r.no_answer and r.answers == () and r.reason


@pytest.mark.parametrize("q", ["", "   ", "\x00\x01", "¿Qué medicamentos tratan la gota?"])
def test_odd_questions_do_not_crash(pipeline, q):
    r = pipeline.ask(q)
    assert r.no_answer or r.answers  # an honest result either way


def test_huge_question_is_rejected(pipeline):
    with pytest.raises(InputError):
        pipeline.ask("gout " * 2000)


def test_multiple_choice_picks_the_supported_option(pipeline):
    r = pipeline.ask("Which drug treats gout?", options=["Metformin", "Allopurinol"])
    assert r.answers and r.answers[0].node.label == "Allopurinol"
    assert len(r.options) == 2
    scores = {a.node.label: a.score for a in r.options}
    assert scores["Allopurinol"] > scores["Metformin"]


def test_a_yes_no_question_naming_two_kinds_of_thing_is_a_claim_to_check(pipeline):
    from kgqa.understanding.router import CUE_SCORE, route
    from kgqa.understanding.router import linked as _linked

    q = "Does Marfan syndrome cause arachnodactyly?"
    linked = _linked(pipeline.link(q))
    assert {n.cls for _, n in linked} == {"Disease", "Phenotype"}
    # whatever the classifier believed, the question's form decides, as surely as cue words
    probs = {"diseases_of_phenotype": 0.9, "claim": 0.1}
    assert route(q, probs, linked) == ("claim", CUE_SCORE)
    # a multiple-choice question keeps its intent: the options are the answers
    assert route(q, probs, linked, options=["a", "b"])[0] == "diseases_of_phenotype"
    wh = "Which diseases cause arachnodactyly?"
    assert route(wh, probs, _linked(pipeline.link(wh)))[0] == "diseases_of_phenotype"
    r = pipeline.ask(q)
    assert r.intent == "claim" and r.answers == () and r.verdict.verdict == "supported"


def test_a_relation_asked_from_its_other_end_is_turned_round(pipeline):
    from kgqa.understanding.router import linked as _linked
    from kgqa.understanding.router import route

    q = "What does allopurinol treat?"
    linked = _linked(pipeline.link(q))
    probs = {"drugs_for_disease": 0.98, "diseases_for_drug": 0.02}
    # the words name the relation, the topic's class its direction: the reading is as sure as
    # both ways together ("What is the APOE gene?" had answers at p 0.00, its own way's 0.0002)
    assert route(q, probs, linked) == ("diseases_for_drug", 1.0)
    # unsure of the relation itself: no guessing at the other end
    unsure = {"drugs_for_disease": 0.6, "other": 0.4}
    assert route(q, unsure, linked) == ("drugs_for_disease", 0.6)
    r = pipeline.ask(q)
    assert r.intent == "diseases_for_drug" and [a.node.label for a in r.answers] == ["gout"]


def test_verify_supported_refuted_unknown(pipeline):
    v = pipeline.verify("Metformin treats type 2 diabetes mellitus")
    assert v.verdict == "supported" and v.evidence.triples
    v = pipeline.verify("Marfan syndrome is not associated with gene FBN1")
    assert v.verdict == "refuted" and v.negated
    v = pipeline.verify("Metformin treats gout")  # the graph says NOT indicated
    assert v.verdict == "refuted"
    v = pipeline.verify("The DOID of gout is DOID:13189")
    assert v.verdict == "supported"
    v = pipeline.verify("The DOID of gout is DOID:9352")
    assert v.verdict == "refuted"
    v = pipeline.verify("zorblax treats quuxitis")
    assert v.verdict == "unknown" and v.reason


def test_cli_ask_and_verify_json(fixture_home, capsys):
    assert (
        main(["-q", "ask", "Which drugs treat gout?", "--home", str(fixture_home), "--json"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["result"]["answers"][0]["node"]["label"] == "Allopurinol"
    sources = {t["source"] for t in out["result"]["answers"][0]["evidence"]["triples"]}
    assert {"pharmacotherapydb", "drugcentral"} <= sources  # each source's statement is shown
    # the same statements as the evidence graph, bound to the answer
    binding = out["graph"]["bindings"][0]
    assert binding["node"] == out["result"]["answers"][0]["node"]["curie"]
    edges = {e["id"]: e for e in out["graph"]["edges"]}
    assert {edges[i]["source"] for i in binding["edges"]} >= {"pharmacotherapydb", "drugcentral"}
    assert (
        main(["-q", "verify", "Allopurinol treats gout", "--home", str(fixture_home), "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["verdict"]["verdict"] == "supported"


def test_eval_qa_and_claims(fixture_home, tmp_path, capsys):
    qa = tmp_path / "qa.jsonl"
    qa.write_text(
        json.dumps({"id": "1", "question": "Which drugs treat gout?", "answers": ["allopurinol"]})
        + "\n"
        + json.dumps(
            {
                "id": "2",
                "question": "Which genes are associated with Marfan syndrome?",
                "answers": ["NCBIGene:2200"],
            }
        )
        + "\nnot json\n"
    )
    assert (
        main(
            [
                "-q",
                "eval",
                "qa",
                str(qa),
                "--home",
                str(fixture_home),
                "--json",
                "--out",
                str(tmp_path / "per.jsonl"),
            ]
        )
        == 0
    )
    rep = json.loads(capsys.readouterr().out)
    assert rep["questions"] == 2 and rep["hits_at_1"] == 1.0
    assert {
        "hits_at_5",
        "mrr",
        "precision",
        "recall",
        "f1",
        "no_answer_rate",
        "latency_ms_p50",
        "latency_ms_p95",
    } <= set(rep)
    assert len((tmp_path / "per.jsonl").read_text().splitlines()) == 2
    # multiple choice is scored on the ranking of every option, the right one first here
    choices = tmp_path / "choices.jsonl"
    choices.write_text(json.dumps({"id": "3", "question": "Which gene is associated with "
                                   "Marfan syndrome?", "options": ["CFTR", "FBN1", "HBB"],
                                   "answers": ["NCBIGene:2200"]}) + "\n")  # fmt: skip
    out = tmp_path / "choices_per.jsonl"
    args = ["-q", "eval", "qa", str(choices), "--home", str(fixture_home), "--json", "--out"]
    assert main([*args, str(out)]) == 0
    rep = json.loads(capsys.readouterr().out)
    ranked = json.loads(out.read_text())["answers"]
    assert rep["hits_at_1"] == 1.0 and ranked[0] == "NCBIGene:2200", (rep, ranked)
    assert rep["answers_scored"] == len(ranked)  # each option the graph has, scored
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        "\n".join(
            json.dumps(x)
            for x in [
                {"id": "a", "text": "Allopurinol treats gout", "label": True},
                {
                    "id": "b",
                    "text": "Marfan syndrome is not associated with gene FBN1",
                    "label": False,
                },
                {"id": "c", "text": "zorblax treats quuxitis", "label": False},
            ]
        )
    )
    assert main(["-q", "eval", "claims", str(claims), "--home", str(fixture_home), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["accuracy"] == 1.0 and rep["abstention_rate"] == round(1 / 3, 4)
    assert {"accuracy_decided", "ece"} <= set(rep) and rep["wrong_verdicts"] == 0
    # the same items read from another field (a Chinese set's English counterparts)
    bilingual = tmp_path / "bilingual.jsonl"
    item = {"id": "z", "text": "别嘌醇治疗痛风", "en": "Allopurinol treats gout", "label": True}
    bilingual.write_text(json.dumps(item, ensure_ascii=False) + "\n")
    for field in ("text", "en"):
        argv = ["-q", "eval", "claims", str(bilingual), "--field", field, "--json"]
        assert main([*argv, "--home", str(fixture_home)]) == 0
        rep = json.loads(capsys.readouterr().out)
        assert rep["claims"] == 1 and rep["wrong_verdicts"] == 0, field
    argv = ["-q", "eval", "claims", str(bilingual), "--field", "nope", "--home", str(fixture_home)]
    assert main(argv) == 2  # no usable claims: one error line


def test_a_passage_alone_never_supports_an_indication(pipeline, monkeypatch):
    """A text naming a drug with a disease may state a contraindication or a side effect: with
    no graph statement, even a verifier sure of "supported" gives "unknown" for treats and
    palliates (levothyroxine "treats" hyperthyroidism, read from a passage on thyroxine)."""
    import numpy as np

    qa = pipeline.qa
    supported = qa.verifier.labels.index("supported")

    def sure(verifier, claims, evidence):
        probs = np.full((len(claims), len(qa.verifier.labels)), 0.01, dtype=np.float32)
        probs[:, supported] = 0.98
        return probs

    monkeypatch.setattr("kgqa.answering.verification.verify_pairs", sure)
    assert pipeline.verify("Allopurinol treats gout").verdict == "supported"  # graph statement
    # the same claim with the graph silent: a passage names allopurinol and gout, no more
    monkeypatch.setattr(qa.claims, "statements", lambda s, rel, o: [])
    v = pipeline.verify("Allopurinol treats gout")
    assert not v.evidence.triples and v.evidence.passages
    assert v.verdict == "unknown" and "no graph statement" in v.reason


def test_a_passage_alone_never_makes_one_disease_a_kind_of_another(pipeline, monkeypatch):
    """Is-a holds where the graph's hierarchy says so. A verifier sure of what a passage says
    neither supports "gout is a kind of Marfan syndrome" nor refutes its negation (both were
    possible: "Pneumonia is a kind of cancer" was supported at 0.84 on the real graph)."""
    import numpy as np

    qa = pipeline.qa
    labels = qa.verifier.labels

    def sure_of(label):
        def verify_pairs(verifier, claims, evidence):
            probs = np.full((len(claims), len(labels)), 0.01, dtype=np.float32)
            probs[:, labels.index(label)] = 0.98
            return probs

        return verify_pairs

    monkeypatch.setattr("kgqa.answering.verification.verify_pairs", sure_of("supported"))
    v = pipeline.verify("Gout is a kind of Marfan syndrome")
    assert v.relation == "subClassOf" and not v.evidence.triples
    assert v.verdict == "unknown" and "hierarchy" in v.reason
    monkeypatch.setattr("kgqa.answering.verification.verify_pairs", sure_of("refuted"))
    v = pipeline.verify("Gout is not a kind of Marfan syndrome")
    assert v.negated and v.verdict == "unknown"


def test_a_drug_class_answers_through_its_members(pipeline):
    """ "What do hypoglycemic agents treat?": the class has no treats edge of its own; what
    its members share answers, with the membership and the member's statement as the path."""
    r = pipeline.ask("What do hypoglycemic agents treat?", k=5)
    assert r.reading.intent == "diseases_for_drug" and r.reading.topic.curie == "MESH:D007004"
    top = r.answers[0]
    assert top.node.label == "type 2 diabetes mellitus"
    membership, statement = top.evidence.path[:2]
    assert membership.relation == "inDrugClass" and membership.object.curie == "MESH:D007004"
    assert statement.relation == "treats" and statement.subject == membership.subject
    # metformin and liraglutide both treat it: both statements are the evidence
    assert {t.subject.label.lower() for t in top.evidence.triples} >= {"metformin", "liraglutide"}
    single = pipeline.ask("What does metformin treat?", k=5)  # a drug is still itself
    assert single.reading.topic.label == "Metformin" and single.answers


def test_a_drug_class_claim_is_checked_through_its_members(pipeline):
    """ "Hypoglycemic agents treat type 2 diabetes": what its members state (metformin and
    liraglutide both do), with each membership as the path; negated, it is refuted. A claim
    none of the members states is checked as any other, never refuted from silence."""
    v = pipeline.verify("Hypoglycemic agents treat type 2 diabetes mellitus")
    assert (v.subject.curie, v.relation, v.object.curie) == ("MESH:D007004", "treats",
                                                             "DOID:9352")  # fmt: skip
    assert v.verdict == "supported" and "members" in v.reason
    assert {t.subject.label.lower() for t in v.evidence.triples} >= {"metformin", "liraglutide"}
    assert all(t.relation == "inDrugClass" for t in v.evidence.path)
    v = pipeline.verify("Hypoglycemic agents do not treat type 2 diabetes mellitus")
    assert v.negated and v.verdict == "refuted"
    v = pipeline.verify("Hypoglycemic agents treat gout")
    assert v.verdict != "refuted" and v.verdict != "supported"


def test_the_causes_of_a_finding_are_the_diseases_that_show_it(pipeline):
    from kgqa.understanding.router import linked as _linked
    from kgqa.understanding.router import route

    q = "What causes arachnodactyly?"
    found = _linked(pipeline.link(q))
    assert route(q, {"causes": 0.9, "other": 0.1}, found) == ("diseases_of_phenotype", 0.9)
    # a disease's causes stay causes
    q = "What causes Marfan syndrome?"
    assert route(q, {"causes": 0.9, "other": 0.1}, _linked(pipeline.link(q)))[0] == "causes"


def test_a_request_to_someone_is_no_yes_no_question(pipeline):
    from kgqa.understanding.router import linked as _linked
    from kgqa.understanding.router import route

    q = "Could you please suggest something for my gout and arachnodactyly?"
    found = _linked(pipeline.link(q))
    assert {n.cls for _, n in found} == {"Disease", "Phenotype"}
    assert route(q, {"drugs_for_disease": 0.9, "claim": 0.1}, found)[0] == "drugs_for_disease"
    q = "Could gout cause arachnodactyly?"
    assert route(q, {"drugs_for_disease": 0.9, "claim": 0.1}, _linked(pipeline.link(q)))[0] == (
        "claim"
    )


def test_a_drug_is_checked_against_the_classes_the_graph_lists_it_under(pipeline):
    """ "Is allopurinol a xanthine oxidase inhibitor?": the drug's class statements decide
    (negated, the claim is refuted); a class it is not listed under is "unknown", never
    "refuted", and the reason names the classes the graph does list. The class is read where
    the tagger typed its words a disease ("a hypoglycemic agent")."""
    v = pipeline.verify("Is allopurinol a xanthine oxidase inhibitor?")
    assert (v.subject.label, v.relation, v.verdict) == ("Allopurinol", "inDrugClass", "supported")
    assert v.evidence.triples[0].source == "drugcentral"
    v = pipeline.verify("Allopurinol is not a xanthine oxidase inhibitor.")
    assert v.negated and v.verdict == "refuted"
    v = pipeline.verify("Is metformin a xanthine oxidase inhibitor?")
    assert v.relation == "inDrugClass" and v.verdict == "unknown"
    assert "Hypoglycemic Agents" in v.reason
    assert pipeline.verify("Metformin is not a xanthine oxidase inhibitor").verdict == "unknown"
    assert pipeline.verify("Is metformin a hypoglycemic agent?").verdict == "supported"
    r = pipeline.ask("Is allopurinol a xanthine oxidase inhibitor?")
    assert r.reading.intent == "claim" and r.verdict.verdict == "supported"


def test_what_a_drug_acts_on_and_a_variant_s_diseases_are_claims_the_graph_checks(pipeline):
    v = pipeline.verify("Allopurinol targets XDH.")
    assert (v.relation, v.object.label, v.verdict) == ("targets", "XDH", "supported")
    v = pipeline.verify("Metformin targets XDH.")
    assert v.relation == "targets" and v.verdict == "unknown"
    v = pipeline.verify("rs7903146 is associated with type 2 diabetes mellitus.")
    assert (v.subject.curie, v.relation, v.verdict) == ("DOID:9352", "associatedWithVariant",
                                                        "supported")  # fmt: skip
    assert v.evidence.triples[0].source == "gwas"


def test_is_a_asked_and_held_through_the_hierarchy(pipeline):
    """ "Is X a Y?" is an is-a claim as "X is a Y" is; an ancestor two steps up holds with the
    steps as the path."""
    v = pipeline.verify("Is type 2 diabetes mellitus a diabetes mellitus?")
    assert (v.relation, v.verdict) == ("subClassOf", "supported")
    v = pipeline.verify("Gout is a kind of disease of anatomical entity")
    assert v.verdict == "supported" and [t.object.label for t in v.evidence.path] == [
        "arthritis", "disease of anatomical entity"]  # fmt: skip
    v = pipeline.verify("Gout is not a kind of disease of anatomical entity")
    assert v.negated and v.verdict == "refuted"
    assert pipeline.verify("Is gout a connective tissue disease?").relation == "subClassOf"


def test_another_mode_of_inheritance_stated_by_several_sources_refutes_a_mode(pipeline):
    """Marfan syndrome is autosomal dominant in DOID, HPO and Orphanet: "Is it autosomal
    recessive?" is refuted (its negation supported), and the reason says what the graph
    gives. A disease of no stated mode stays "unknown"."""
    v = pipeline.verify("Is Marfan syndrome autosomal recessive?")
    assert (v.relation, v.verdict) == ("hasInheritance", "refuted")
    assert "Autosomal dominant" in v.reason and len(v.evidence.triples) >= 2
    assert pipeline.verify("Marfan syndrome is not autosomal recessive.").verdict == "supported"
    assert pipeline.verify("Is Marfan syndrome autosomal dominant?").verdict == "supported"
    assert pipeline.verify("Is gout autosomal recessive?").verdict == "unknown"


@pytest.mark.parametrize("q", ["Can gout be cured?", "Is gout curable?",
                               "Is there any chance of recovery from gout?"])  # fmt: skip
def test_whether_it_can_be_cured_asks_how_it_is_treated(pipeline, q):
    r = pipeline.ask(q)
    assert r.reading.intent == "drugs_for_disease" and r.topic.label == "gout"
    assert [m.text for m in r.mentions] == ["gout"]  # "gout curable" is no name
    assert "Allopurinol" in [a.node.label for a in r.answers]


def test_an_emergency_is_told_to_call_for_help_first(pipeline):
    from kgqa.answering.engine import EMERGENCY_NOTE

    for q in ("What should I do if I think I'm having a heart attack?",
              "my husband is unconscious, is it his gout?"):  # fmt: skip
        assert pipeline.ask(q).reason.startswith(EMERGENCY_NOTE), q
    assert EMERGENCY_NOTE not in pipeline.ask("Which drugs treat gout?").reason
    # an overdose taken is one, and so is one feared now; one the writer is afraid of taking
    # or means to avoid is not
    for q in ("I think my son took too many allopurinol pills.",
              "I am worried my son overdosed on allopurinol."):  # fmt: skip
        assert pipeline.ask(q).reason.startswith(EMERGENCY_NOTE), q
    for q in ("Is this the right dose of allopurinol? I do not want to harm myself by "
              "overdosing.", "I am afraid of overdosing on allopurinol for my gout."):  # fmt: skip
        assert EMERGENCY_NOTE not in (pipeline.ask(q).reason or ""), q


def test_a_question_naming_nothing_of_the_graph_gets_the_passages_near_its_words(pipeline):
    # the fixture graph has no node for tallness or long fingers; the Marfan passage says both
    result = pipeline.ask("Why are some people very tall with long fingers?")
    assert result.reading.topic is None and result.no_answer and not result.answers
    assert result.passages and "search of the question's words" in result.reason
    assert "tall" in result.passages[0].text and "Marfan" in result.passages[0].text
    # nothing near: no passages, rather than unrelated ones
    assert not pipeline.ask("What is the best phone to buy?").passages


def test_an_unsure_classifier_needs_the_words_of_an_intent_that_names_them(pipeline):
    from kgqa.understanding.router import WORDLESS_SURE, route
    from kgqa.understanding.router import linked as _linked

    # no word of families, genes or children: not inheritance in English, however sure the
    # classifier; in Chinese (whose words the registry's patterns do not hold) unless it is
    q = "When can I resume exercising after gout surgery?"
    found = _linked(pipeline.link(q))
    assert route(q, {"inheritance": 0.69, "other": 0.31}, found)[0] == "other"
    assert route(q, {"inheritance": 0.97, "other": 0.03}, found)[0] == "other"
    zh = "痛风手术后什么时候可以恢复运动？"
    assert route(zh, {"inheritance": 0.69, "other": 0.31}, [])[0] == "other"
    assert route(zh, {"inheritance": WORDLESS_SURE, "other": 0.1}, [])[0] == "inheritance"
    q = "Does gout run in families?"
    assert route(q, {"inheritance": 0.69, "other": 0.31}, _linked(pipeline.link(q)))[0] == (
        "inheritance"
    )


def test_a_prevention_claim_is_checked_against_the_labels_that_say_prevention(pipeline):
    # DrugCentral's "Gout Prevention" for colchicine; allopurinol's indications treat
    v = pipeline.verify("Colchicine prevents gout.")
    assert (v.relation, v.verdict) == ("prevents", "supported") and "Gout Prevention" in v.reason
    assert pipeline.verify("Colchicine does not prevent gout.").verdict == "refuted"
    v = pipeline.verify("Allopurinol prevents gout.")
    assert v.verdict == "unknown" and "treats gout, which is not prevention" in v.reason
    # and never "treats" read from "prevents"
    assert v.relation == "prevents"


def test_a_person_who_may_harm_themselves_is_told_where_to_turn_first(pipeline):
    # "I'm afraid for myself ... What would you suggest?" got the causes of depression only
    from kgqa.answering.engine import CRISIS_NOTE

    for q in ("My gout pain is so bad I don't want to live anymore. What helps?",
              "I keep hurting myself and I'm afraid for myself. Is it my gout pill?"):  # fmt: skip
        assert pipeline.ask(q).reason.startswith(CRISIS_NOTE), q
    assert CRISIS_NOTE not in pipeline.ask("Does allopurinol treat gout?").reason
