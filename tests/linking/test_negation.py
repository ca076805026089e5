import re

import pytest

from kgqa.linking.negation import negated_spans


def spans_of(text, words):
    out = []
    for w in words:
        m = re.search(re.escape(w), text)
        out.append((m.start(), m.end()))
    return sorted(out)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("denies chest pain", ["chest pain"], [True]),
        ("no fever, cough or rash", ["fever", "cough", "rash"], [True, True, True]),
        ("fever but no rash", ["fever", "rash"], [False, True]),
        ("no fever. Cough since Monday.", ["fever", "Cough"], [True, False]),
        ("headache absent, vomiting present", ["headache", "vomiting"], [True, False]),
        ("She has no history of seizures", ["seizures"], [True]),
        ("Seizures without fever", ["Seizures", "fever"], [False, True]),
        ("not a case of gout", ["gout"], [True]),
        ("gout", ["gout"], [False]),
        (
            "No, the patient reported a long history of recurrent severe headaches",
            ["headaches"],
            [False],
        ),
        # what a question leaves out of its answers is read as negated
        ("Which drugs treat gout other than allopurinol?", ["gout", "allopurinol"],
         [False, True]),
        ("What can I take for a headache if I am allergic to aspirin?",
         ["headache", "aspirin"], [False, True]),
        ("drugs for high cholesterol for people who can't take statins",
         ["high cholesterol", "statins"], [False, True]),
        ("Which drugs treat depression apart from SSRIs or MAOIs?",
         ["depression", "SSRIs", "MAOIs"], [False, True, True]),
        ("fever, cough except rash", ["fever", "cough", "rash"], [False, False, True]),
        # a cue the mention before ends inside ("[allergic] to aspirin")
        ("I am allergic to aspirin", ["allergic", "aspirin"], [False, True]),
        # "non-" right before a mention; never further off
        ("Which non-opioid drugs treat pain?", ["opioid", "pain"], [True, False]),
        ("non-drug treatment for back pain", ["back pain"], [False]),
        ("non-Hodgkin lymphoma", ["non-Hodgkin lymphoma"], [False]),
    ],
)  # fmt: skip
def test_negation_scope(text, words, expected):
    assert negated_spans(text, spans_of(text, words)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身材矮小，眼距过宽，无癫痫发作",
         [("身材矮小", False), ("眼距过宽", False), ("癫痫发作", True)]),
        # a cue negates its list up to the next ，；。
        ("无抽搐、发热或头痛；身材矮小",
         [("抽搐", True), ("发热", True), ("头痛", True), ("身材矮小", False)]),
        # 伴 and 和 join findings; 不伴 negates
        ("眼距过宽伴阴囊异常和身材矮小，不伴癫痫发作",
         [("眼距过宽", False), ("阴囊异常", False), ("身材矮小", False), ("癫痫发作", True)]),
        ("否认发热。未见晶状体异位", [("发热", True), ("晶状体异位", True)]),
        ("没有抽搐，有发热、出现头痛", [("抽搐", True), ("发热", False), ("头痛", False)]),
        # full-width and mixed text
        ("short stature，无发热, no seizures",
         [("short stature", False), ("发热", True), ("seizures", True)]),
    ],
)  # fmt: skip
def test_chinese_findings_lists(text, expected):
    from kgqa.linking.negation import split_findings

    assert [(c.text, c.negated) for c in split_findings(text)] == expected


def test_a_chinese_cue_keeps_what_was_written():
    from kgqa.linking.negation import split_findings

    (clause,) = split_findings("无汗症")  # anhidrosis, or "no 汗症": only the names can say
    assert (clause.text, clause.negated, clause.written) == ("汗症", True, "无汗症")


def test_chinese_and_joins_findings_but_not_inside_a_name():
    from kgqa.linking.negation import split_findings

    got = [c.text for c in split_findings("发热并咳嗽，第2-3趾并趾，并指，肺炎合并心衰")]
    # 并指 / 并趾 are syndactyly and 合并 "with": one finding each, not split at 并
    assert got == ["发热", "咳嗽", "第2-3趾并趾", "并指", "肺炎合并心衰"]


def test_what_a_person_says_they_do_not_have_is_negated() -> None:
    import re

    from kgqa.linking.negation import negated_spans

    text = ("I don't have diabetes but I haven't had a seizure. I dont have asthma. "
            "We do not have cancer. I have gout.")  # fmt: skip
    spans = [m.span() for m in re.finditer("diabetes|seizure|asthma|cancer|gout", text)]
    assert negated_spans(text, spans) == [True, True, True, True, False]
    # what a thing is taken for is not what it is
    text = "It is often mistaken for a milk allergy and causes hiccups."
    spans = [m.span() for m in re.finditer("milk allergy|hiccups", text)]
    assert negated_spans(text, spans) == [True, False]
