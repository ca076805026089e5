"""Chinese claims keep their relation and polarity: no false claim comes back supported, no
true negated claim refuted, and a contraindication is never read as treats."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("claim", "relation", "negated", "allowed"),
    [
        ("别嘌醇治疗痛风", "treats", False, {"supported"}),
        ("别嘌醇不能治疗痛风", "treats", True, {"refuted"}),  # false: the graph says it does
        ("二甲双胍治疗痛风", "treats", False, {"unknown", "refuted"}),  # false
        ("二甲双胍不能治疗痛风", "treats", True, {"unknown", "supported"}),  # true
        ("马方综合征与FBN1基因有关", "associatedWithGene", False, {"supported"}),
        ("马方综合征与FBN1基因无关", "associatedWithGene", True, {"refuted"}),
        ("痛风禁用别嘌醇", "contraindicatedIn", False, {"unknown"}),  # never "treats"
        ("痛风患者不宜使用别嘌醇", "contraindicatedIn", False, {"unknown"}),
        # a question asked "A-not-A" and the speaker's doubt negate nothing ("二甲双胍会不会
        # 引起腹泻？" was refuted)
        ("别嘌醇能不能治疗痛风？", "treats", False, {"supported"}),
        ("别嘌醇是不是治疗痛风？", "treats", False, {"supported"}),
        ("别嘌醇可不可以治疗痛风？", "treats", False, {"supported"}),
        ("我不确定别嘌醇是否治疗痛风", "treats", False, {"supported"}),
        ("二甲双胍能不能治疗痛风？", "treats", False, {"unknown", "refuted"}),
        ("别嘌醇不能治疗痛风吧？", "treats", True, {"refuted"}),
        # a tag that asks for yes, and a question asked the negative way, expect yes
        ("别嘌醇治疗痛风，不是吗？", "treats", False, {"supported"}),
        ("别嘌醇治疗痛风，没错吧？", "treats", False, {"supported"}),
        ("难道别嘌醇不能治疗痛风吗？", "treats", False, {"supported"}),
        ("别嘌醇不能治疗痛风，不是吗？", "treats", True, {"refuted"}),
    ],
)
def test_chinese_claims_keep_relation_and_polarity(pipeline, claim, relation, negated, allowed):
    v = pipeline.verify(claim)
    assert (v.relation, v.negated) == (relation, negated), (claim, v)
    assert v.verdict in allowed, (claim, v.verdict, v.reason)


def test_a_chinese_claim_with_no_relation_word_is_not_given_one(pipeline):
    v = pipeline.verify("别嘌醇和痛风")  # "allopurinol and gout": no relation stated
    assert v.relation is None and v.verdict == "unknown" and v.reason


def test_a_chinese_yes_no_question_is_checked_as_a_claim(pipeline):
    r = pipeline.ask("别嘌醇能治疗痛风吗？")
    assert r.verdict is not None and r.verdict.relation == "treats"
    assert r.verdict.verdict == "supported" and not r.verdict.negated
