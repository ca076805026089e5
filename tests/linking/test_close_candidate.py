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


def test_the_top_nodes_own_name_in_the_class_asked_comes_first_whatever_its_score():
    # "adenoma carcinom pancreatic": dense search put HPO's Pancreatic adenocarcinoma first,
    # Orphanet's adenoma of the pancreas next, DO's pancreatic adenocarcinoma below the margin
    cands = (("Pancreatic adenocarcinoma", "Phenotype", 0.81, "dense"),
             ("Adenoma of the pancreas", "Disease", 0.75, "dense"),
             ("pancreatic adenocarcinoma", "Disease", 0.73, "dense"))  # fmt: skip
    assert close_candidate(mention(*cands), is_disease).label == "pancreatic adenocarcinoma"
    # without a node of the top's name, the best one within the margin, as before
    assert close_candidate(mention(*cands[:2]), is_disease).label == "Adenoma of the pancreas"
    # a name the text names does not yield to a same-named node the annotators coded with
    # (the question's topic stays the finding named first: "muscle pain" is no disease here)
    m = mention(("Myalgia", "Phenotype", 0.97, "exact"), ("Myalgia", "Disease", 0.89, "dense"))
    assert close_candidate(m, is_disease) is None


def test_a_named_finding_does_not_yield_to_the_susceptibility_of_its_name():
    # "What is the treatment for Helicobacter pylori infection?" was asked of OMIM's
    # "Helicobacter pylori infection, susceptibility to": a risk, which no drug treats
    def with_text(text: str, *cands: tuple[str, str, float, str]) -> Mention:
        built = tuple(Candidate(Node(f"iri:{c}", c, c, cls), score, match, "x")
                      for c, cls, score, match in cands)  # fmt: skip
        return Mention(0, len(text), text, "PHENOTYPE", False, 1.0, built)

    risk = "Helicobacter pylori infection, susceptibility to"
    cands = (("Helicobacter pylori infection", "Phenotype", 0.9, "exact"),
             (risk, "Disease", 0.84, "normalized"))  # fmt: skip
    assert close_candidate(with_text("Helicobacter pylori infection", *cands), is_disease) is None
    # said so, it is the node meant
    said = with_text("Helicobacter pylori infection susceptibility", *cands)
    assert close_candidate(said, is_disease).label.endswith("susceptibility to")


def test_a_mention_links_its_best_candidate_only_above_the_nil_threshold():
    # "heridity condition": histidinemia at 0.50 was the mention's node, as if named
    unsure = mention(("DOID:0060168", "Disease", 0.50, "dense"))
    assert unsure.node.curie == "DOID:0060168" and unsure.linked is None
    sure = mention(("HP:0009830", "Phenotype", 0.99, "exact"), ("DOID:574", "Disease", 0.9, "x"))
    assert sure.linked.curie == "HP:0009830"
    assert mention().linked is None and mention().node is None
