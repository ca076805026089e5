"""Chinese questions route to the same intents as English ones, by their own cue words (the
intent classifier was trained on English), over names linked from the Chinese dictionary."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("question", "intent", "topic"),
    [
        ("痛风用什么药治疗？", "drugs_for_disease", "DOID:13189"),
        ("痛风吃什么药", "drugs_for_disease", "DOID:13189"),
        ("别嘌醇治疗什么病？", "diseases_for_drug", "DRUGBANK:DB00437"),
        ("二甲双胍有什么副作用？", "side_effects_of_drug", "DRUGBANK:DB00331"),
        ("二甲双胍属于哪类药？", "class_of_drug", "DRUGBANK:DB00331"),
        ("痛风禁用哪些药？", "contraindications", None),
        ("痛风是什么？", "definition", "DOID:13189"),
        ("痛风是一种什么病？", "is_a", "DOID:13189"),  # a class, though it holds 什么病
        ("哪些病会引起发热？", "diseases_of_phenotype", "HP:0001945"),
    ],
)
def test_chinese_questions_route_by_their_words(pipeline, question, intent, topic):
    r = pipeline.ask(question, k=5)
    assert r.reading is not None and r.reading.intent == intent
    if topic is not None:
        assert r.reading.topic is not None and r.reading.topic.curie == topic


def test_chinese_questions_are_answered_from_the_graph(pipeline):
    drugs = pipeline.ask("痛风用什么药治疗？", k=5)
    assert drugs.answers and drugs.answers[0].node.label == "Allopurinol"
    english = pipeline.ask("Which drugs treat gout?", k=5)
    assert [a.node for a in drugs.answers] == [a.node for a in english.answers]
    diseases = pipeline.ask("别嘌醇治疗什么病？", k=5)
    assert "DOID:13189" in [a.node.curie for a in diseases.answers]
    classes = pipeline.ask("二甲双胍属于哪类药？", k=5)
    assert "Hypoglycemic Agents" in [a.node.label for a in classes.answers]


def test_a_negated_chinese_question_is_never_answered_as_a_positive_one(pipeline):
    # "which drugs can NOT treat gout": listing gout's drugs would flip the question
    for question in ("哪些药不能治疗痛风？", "哪些药对痛风无效？"):
        r = pipeline.ask(question, k=5)
        assert r.reading.polarity == "negated" and not r.answers, question
    r = pipeline.ask("痛风禁用哪些药？")
    assert r.reading.polarity == "contraindication" and not r.answers and r.no_answer


def test_a_tagger_span_running_into_chinese_is_cut_to_the_names(pipeline):
    mentions = pipeline.link("二甲双胍属于哪类药？")
    assert [(m.text, m.node.curie if m.node else None) for m in mentions] == [
        ("二甲双胍", "DRUGBANK:DB00331")]  # fmt: skip
    mentions = pipeline.link("FBN1基因和哪些疾病有关？")
    assert [m.text for m in mentions] == ["FBN1"]
    assert mentions[0].node is not None and mentions[0].node.curie == "NCBIGene:2200"


def test_the_cli_shows_chinese_labels_for_a_chinese_question(fixture_home, capsys):
    from kgqa.cli import main

    assert main(["-q", "ask", "痛风用什么药治疗？", "--home", str(fixture_home), "-k", "2"]) == 0
    out = capsys.readouterr().out
    assert "别嘌醇 (Allopurinol) [DRUGBANK:DB00437]" in out
    assert main(["-q", "ask", "Which drugs treat gout?", "--home", str(fixture_home)]) == 0
    assert "别嘌醇" not in capsys.readouterr().out  # an English question keeps English labels


def test_the_cli_names_the_topic_claim_and_findings_in_chinese_too(fixture_home, capsys):
    from kgqa.cli import main

    home = ["--home", str(fixture_home)]
    assert main(["-q", "ask", "痛风用什么药治疗？", *home, "-k", "1"]) == 0
    reading = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("reads as"))
    assert "about 痛风 (gout) [DOID:13189]" in reading
    assert main(["-q", "verify", "别嘌醇能治疗痛风", *home]) == 0
    out = capsys.readouterr().out
    assert "别嘌醇 (Allopurinol) [DRUGBANK:DB00437] --treats--> 痛风 (gout) [DOID:13189]" in out
    assert main(["-q", "diagnose", "蜘蛛指，晶状体异位，无发热", *home, "-k", "1"]) == 0
    out = capsys.readouterr().out
    assert "Findings: 蜘蛛指 (Arachnodactyly), 晶状体异位 (Ectopia lentis)" in out
    assert re.search(r"Absent: [\u4e00-\u9fff]+ \(Fever\)", out)  # 发烧 or 发热
    assert main(["-q", "diagnose", "arachnodactyly, ectopia lentis", *home, "-k", "1"]) == 0
    assert "蜘蛛指" not in capsys.readouterr().out  # English findings keep English labels


def test_traditional_characters_and_full_width_letters_read_as_simplified(pipeline):
    # 痛風, 雙, 別嘌醇, 治療 are traditional; ＢＲＣＡ１ and ？ full width
    for written, simple in [("痛風用什麼藥治療？", "痛风用什么药治疗？"),
                            ("二甲雙胍有什么副作用？", "二甲双胍有什么副作用？")]:  # fmt: skip
        r, s = pipeline.ask(written, k=5), pipeline.ask(simple, k=5)
        assert r.reading == s.reading and [a.node for a in r.answers] == [a.node for a in s.answers]
    verdict = pipeline.verify("別嘌醇能治療痛風")
    assert verdict.verdict == "supported" and verdict.subject.curie == "DRUGBANK:DB00437"


def test_a_question_asked_a_not_a_is_no_negated_question() -> None:
    # "痛风会不会遗传？" (is gout hereditary?) was refused as asking what is not so
    from kgqa.understanding.router import polarity

    assert polarity("痛风会不会遗传？", "inheritance") == "positive"
    assert polarity("亨廷顿病是不是遗传病？", "inheritance") == "positive"
    assert polarity("哪些药不能治疗痛风？", "drugs_for_disease") == "negated"
