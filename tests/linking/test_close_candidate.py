"""Which candidate of a mention a question may take when it needs another class (no model)."""

from __future__ import annotations

from kgqa.linking.candidates import close_candidate
from kgqa.records import Candidate, Mention, Node


def mention(*candidates: tuple[str, str, float, str]) -> Mention:
    cands = tuple(Candidate(Node(f"iri:{c}", c, c, cls), score, match, "x")
                  for c, cls, score, match in candidates)  # fmt: skip
    return Mention(0, 10, "bad breath", "PHENOTYPE", False, 1.0, cands)


def is_disease(n: Node) -> bool:
    return n.cls == "Disease"


def test_a_named_node_does_not_yield_to_one_only_like_it():
    for loose in ("dense", "fuzzy"):
        m = mention(("HP:0100812", "Phenotype", 0.96, "exact"),
                    ("MESH:D012120", "Disease", 0.89, loose))  # fmt: skip
        assert close_candidate(m, is_disease) is None
    # a corpus annotator's code names the concept: "nephropathy" coded as kidney disease
    m = mention(("HP:0000112", "Phenotype", 0.99, "exact"),
                ("DOID:557", "Disease", 0.90, "annotated"))  # fmt: skip
    assert close_candidate(m, is_disease).curie == "DOID:557"


def test_a_node_of_the_same_name_in_the_class_asked_is_taken():
    # "ovarian cancer" tagged a phenotype still reaches the disease of that name
    m = mention(("HP:0100615", "Phenotype", 0.97, "exact"),
                ("DOID:2394", "Disease", 0.96, "exact"))  # fmt: skip
    assert close_candidate(m, is_disease).curie == "DOID:2394"
    # when the top candidate itself was only found like the text, the next may be taken
    m = mention(("HP:1", "Phenotype", 0.90, "dense"), ("DOID:2", "Disease", 0.85, "dense"))
    assert close_candidate(m, is_disease).curie == "DOID:2"


def test_a_node_named_by_its_own_name_does_not_yield_to_an_annotated_mesh_heading():
    # "bad breath" is Halitosis by name; one abstract coded it with MeSH Respiration Disorders
    m = mention(("HP:0100812", "Phenotype", 0.96, "exact"),
                ("MESH:D012120", "Disease", 0.89, "annotated"))  # fmt: skip
    assert close_candidate(m, is_disease) is None
    # a top candidate that is itself only the annotators' code leaves the heading in reach
    m = mention(("HP:0100812", "Phenotype", 0.96, "annotated"),
                ("MESH:D012120", "Disease", 0.89, "annotated"))  # fmt: skip
    assert close_candidate(m, is_disease).curie == "MESH:D012120"
