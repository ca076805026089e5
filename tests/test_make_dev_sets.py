"""The dev sets made from MedQuAD: the inheritance claims keep only answers that give one
pattern, and pair the true claim with the other autosomal one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "scripts" / "make_dev_sets.py"
_SPEC = importlib.util.spec_from_file_location("make_dev_sets", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_dev_sets = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_dev_sets)


def test_one_pattern_gives_a_true_and_a_false_claim() -> None:
    answer = ("This condition is inherited in an autosomal recessive pattern, which means both "
              "copies of the gene in each cell have mutations.")  # fmt: skip
    claims = make_dev_sets._inheritance_claims("q1", "Alström syndrome", answer)
    assert [(c["text"], c["label"]) for c in claims] == [
        ("Alström syndrome is autosomal recessive.", True),
        ("Alström syndrome is autosomal dominant.", False),
    ]
    x_linked = "This condition is inherited in an X-linked recessive pattern."
    assert make_dev_sets._inheritance_claims("q2", "X", x_linked)[1]["text"] == (
        "X is autosomal recessive."
    )


def test_answers_with_more_than_one_pattern_or_other_cases_give_none() -> None:
    two = ("Most cases are inherited in an autosomal dominant pattern. It can also be inherited "
           "in an autosomal recessive pattern.")  # fmt: skip
    other = "This condition is inherited in an autosomal dominant pattern. Other cases are new."
    none = "The inheritance pattern is unknown."
    for answer in (two, other, none):
        assert make_dev_sets._inheritance_claims("q", "X", answer) == []


def test_gene_choices_hold_one_right_gene_and_three_of_other_conditions() -> None:
    genes = {s: f"NCBIGene:{i}" for i, s in enumerate(["FBN1", "TGFBR2", "CFTR", "HBB", "DMD",
                                                         "HTT", "PAH"])}  # fmt: skip
    conditions = [("q1", "Marfan syndrome", ["FBN1", "TGFBR2"]), ("q2", "cystic fibrosis",
                  ["CFTR"]), ("q3", "sickle cell disease", ["HBB"]), ("q4", "X", ["DMD", "HTT",
                  "PAH"])]  # fmt: skip
    items = make_dev_sets._gene_choices(conditions, genes)
    assert items == make_dev_sets._gene_choices(conditions, genes)  # a fixed seed
    marfan = items[0]
    assert marfan["question"] == "Which gene is associated with Marfan syndrome?"
    assert len(marfan["options"]) == 4 and "FBN1" in marfan["options"]
    assert "TGFBR2" not in marfan["options"]  # no second right option
    assert marfan["answers"] == ["NCBIGene:0", "NCBIGene:1"]


def test_gene_claims_pair_the_first_gene_with_one_of_another_condition() -> None:
    conditions = [("q1", "Marfan syndrome", ["FBN1", "TGFBR2"]), ("q2", "cystic fibrosis",
                  ["CFTR"])]  # fmt: skip
    claims = make_dev_sets._gene_claims(conditions)
    assert claims[0] == {"id": "q1-gt", "text": "Marfan syndrome is associated with FBN1.",
                         "label": True}  # fmt: skip
    assert claims[1]["text"] == "Marfan syndrome is associated with CFTR."  # none of its own
    assert claims[3]["text"] in {"cystic fibrosis is associated with FBN1.",
                                 "cystic fibrosis is associated with TGFBR2."}  # fmt: skip
