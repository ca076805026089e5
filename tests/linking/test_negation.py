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
    ],
)
def test_negation_scope(text, words, expected):
    assert negated_spans(text, spans_of(text, words)) == expected
