"""Annotated names: the corpus annotators' node for a mention text, from training splits."""

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from kgqa.errors import ArtifactError
from kgqa.linking import EntityLinker
from kgqa.linking.annotated import (
    AnnotatedName,
    AnnotatedNames,
    agreed,
    annotation_key,
    build_annotated_names,
    corpus_files,
    count_annotations,
)
from kgqa.linking.candidates import CandidateGenerator


@pytest.fixture(scope="module")
def dict_linker(fixture_home: Path):
    return EntityLinker.load(fixture_home, mode="dictionary")


def _names(kg, **texts: str) -> AnnotatedNames:
    rows = {}
    for text, curie in texts.items():
        key = annotation_key(text.replace("_", " "))
        rows[key] = AnnotatedName(key, kg.node(curie).iri, 2, 2)
    return AnnotatedNames(rows)


def test_only_training_splits_are_read(tmp_path: Path):
    for split in ("train", "devel", "dev", "test"):
        d = tmp_path / "corpora" / "ncbi_disease"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{split}.pubtator.txt").write_text("")
    assert [p.name for p in corpus_files(tmp_path)] == ["train.pubtator.txt"]


def test_counts_skip_short_forms_defined_in_their_abstract(kg, fixture_data: Path):
    counts = count_annotations(kg, corpus_files(fixture_data))
    assert counts["gout"] == Counter({kg.node("DOID:13189").iri: 2})
    assert "mf" not in counts and "mfs" not in counts  # "Marfan syndrome (MFS)" defines it


def test_agreement_keeps_the_majority_node_only():
    kept = agreed({"a": Counter({"x": 3, "y": 1}), "b": Counter({"x": 1, "y": 1})})
    assert kept == {"a": ("x", 3, 4)}


def test_an_annotated_node_the_text_names_by_no_name_yields_to_a_disease_it_labels(dict_linker):
    # corpora code the closest MeSH heading, which merging may give a node of another name
    # ("skin cancer" as Skin Neoplasms, on DO's skin benign neoplasm): the disease whose own
    # label the text is comes first, the annotators' node after it
    kg = dict_linker.kg
    gen = CandidateGenerator(kg, None, _names(kg, marfan_syndrome="DOID:13189"))
    first, second = gen.rank("Marfan syndrome", "DISEASE")[:2]
    assert (first.node.curie, first.match, first.score) == ("DOID:14323", "exact", 1.0)
    assert second.node.curie == "DOID:13189" and second.match == "annotated"
    assert second.score < first.score


def test_a_node_matched_by_its_own_name_shows_that_name(dict_linker):
    kg = dict_linker.kg
    gen = CandidateGenerator(kg, None, _names(kg, gout="DOID:13189"))
    c = gen.rank("gout", "DISEASE")[0]
    assert c.node.curie == "DOID:13189" and c.match == "exact"


def test_a_short_form_defined_in_the_text_ignores_the_annotations(dict_linker):
    kg = dict_linker.kg
    linker = EntityLinker(kg, None, None, mode="dictionary", annotated=_names(kg, MFS="DOID:13189"))
    text = "Marfan syndrome (MFS) is rare. MFS affects the aorta."
    short = linker.link_spans([text], [[(0, 15, "DISEASE", 1.0), (31, 34, "DISEASE", 1.0)]])[0][1]
    assert short.node.curie == "DOID:14323"
    alone = linker.link_spans(["MFS affects the aorta."], [[(0, 3, "DISEASE", 1.0)]])[0][0]
    assert alone.node.curie == "DOID:13189"  # undefined here: the annotators' reading


def test_mentions_near_an_annotated_text_take_its_node(dict_linker):
    kg = dict_linker.kg
    gen = CandidateGenerator(kg, None, _names(kg, gouty_arthritis="DOID:13189"))
    from kgqa.encoder import sentence_encoder

    vec = sentence_encoder().encode(["acute gouty arthritis"], normalize_embeddings=True)
    (hits,) = gen.dense_hits(np.asarray(vec))
    assert hits and hits[0][0].curie == "DOID:13189" and hits[0][1] > 0.75


def test_build_load_and_checks(kg, fixture_data: Path, tmp_path: Path):
    target = tmp_path / "annotated"
    manifest = build_annotated_names(kg, fixture_data, target)
    assert manifest.info["keys_kept"] >= 3
    names = AnnotatedNames.load(target, kg)
    assert names.get("Gout").iri == kg.node("DOID:13189").iri
    assert names.get("metformin").iri == kg.node("DRUGBANK:DB00331").iri
    assert names.get("allopurinol") is None  # its MeSH id is not in the fixture graph
    broken = tmp_path / "broken"
    shutil.copytree(target, broken)
    (broken / "vectors.npy").write_bytes(b"not a numpy file")
    with pytest.raises(ArtifactError, match="checksum"):
        AnnotatedNames.load(broken, kg)
    with pytest.raises(ArtifactError, match="kgqa build linking"):
        AnnotatedNames.load(tmp_path / "missing", kg)


def test_a_broader_annotation_yields_to_an_exactly_named_subclass(dict_linker):
    kg = dict_linker.kg
    broader = _names(kg, type_2_diabetes_mellitus="DOID:9351")  # coded at the parent
    c = CandidateGenerator(kg, None, broader).rank("type 2 diabetes mellitus", "DISEASE")
    assert c[0].node.curie == "DOID:9352" and c[0].match == "exact"
    assert c[1].node.curie == "DOID:9351" and c[1].match == "annotated" and c[1].score < 0.97


def test_annotation_keys_fold_case_and_plurals_but_keep_every_word():
    assert annotation_key("Breast Carcinomas") == annotation_key("breast carcinoma")
    assert annotation_key("Hepatitis A") != annotation_key("hepatitis")
