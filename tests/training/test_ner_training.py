import hashlib
import json
import math

import pytest

from kgqa.linking.ner import LABELS, NerTagger, decode
from kgqa.training.ner_data import Example, corpus_type


def onehot(label: str) -> list[float]:
    """A token's label distribution that is sure of ``label``."""
    return [float(lab == label) for lab in LABELS]


def test_decode_joins_word_pieces_and_trims_glue():
    text = "renal hamartomas and cysts"
    o, b, i = onehot("O"), onehot("B-DISEASE"), onehot("I-DISEASE")
    offsets = [(0, 5), (6, 11), (11, 16), (17, 20), (21, 26)]
    spans = decode(text, offsets, [b, i, i, i, o])
    assert [(text[s.start : s.end], s.type) for s in spans] == [("renal hamartomas", "DISEASE")]


def test_decode_drops_a_span_that_is_only_a_function_word():
    text = "gout in adults"
    b, o = onehot("B-DISEASE"), onehot("O")
    spans = decode(text, [(0, 4), (5, 7), (8, 14)], [b, b, o])
    assert [text[s.start : s.end] for s in spans] == ["gout"]


def test_decode_drops_a_span_the_tagger_is_unsure_of():
    text = "gout and sepsis"
    o, b = onehot("O"), onehot("B-DISEASE")
    unsure = [0.45, 0.55] + [0.0] * (len(LABELS) - 2)  # B-DISEASE just above "O"
    probs = [b, o, unsure]
    assert [text[s.start : s.end] for s in decode(text, [(0, 4), (5, 8), (9, 15)], probs)] == [
        "gout",
        "sepsis",
    ]
    kept = decode(text, [(0, 4), (5, 8), (9, 15)], probs, min_score=0.8)
    assert [(text[s.start : s.end], s.score) for s in kept] == [("gout", 1.0)]


def test_decode_bridges_a_hyphen_inside_a_name():
    text = "A-T patients"
    b, i, o = onehot("B-DISEASE"), onehot("I-DISEASE"), onehot("O")
    spans = decode(text, [(0, 1), (1, 2), (2, 3), (4, 12)], [b, o, i, o])
    assert [(s.start, s.end) for s in spans] == [(0, 3)]


def test_corpus_disease_becomes_phenotype_only_through_the_graph(kg):
    assert corpus_type(kg, "DISEASE", ["MESH:D005334"]) == "PHENOTYPE"  # fever
    assert corpus_type(kg, "DISEASE", ["MESH:D006073"]) == "DISEASE"  # gout
    assert corpus_type(kg, "CHEMICAL", ["MESH:D008687"]) == "CHEMICAL"
    assert corpus_type(None, "DISEASE", ["MESH:D005334"]) == "DISEASE"


def test_committed_weights_have_a_complete_manifest():
    from kgqa.linking.ner import default_dir

    m = json.loads((default_dir() / "manifest.json").read_text())
    assert m["kind"] == "ner-tagger" and tuple(m["info"]["labels"]) == LABELS
    data = (default_dir() / "adapter_model.safetensors").read_bytes()
    assert hashlib.sha256(data).hexdigest() == m["files"]["adapter_model.safetensors"]
    assert len(data) < 10_000_000
    assert m["info"]["seed"] == 13 and "ncbi_disease" in m["info"]["metrics"]["dev"]
    assert m["info"]["command"].startswith("kgqa train ner")


def test_corrupted_ner_weights_are_refused(tmp_path):
    import shutil

    from kgqa.errors import ArtifactError
    from kgqa.linking.ner import default_dir

    copy = tmp_path / "ner"
    shutil.copytree(default_dir(), copy)
    with open(copy / "adapter_model.safetensors", "r+b") as fh:
        fh.seek(1000)
        fh.write(b"\xff\xff\xff\xff")
    with pytest.raises(ArtifactError, match="checksum"):
        NerTagger.load(copy)
    (copy / "manifest.json").unlink()
    with pytest.raises(ArtifactError, match="kgqa train ner"):
        NerTagger.load(copy)


@pytest.mark.slow
@pytest.mark.data
def test_training_is_reproducible_with_a_seed(real_data_dir, real_graph, tmp_path):
    from kgqa.training.ner import train_ner

    digests = []
    for run in ("a", "b"):
        m = train_ner(
            real_data_dir,
            real_graph,
            tmp_path / run,
            seed=7,
            epochs=1,
            limit=64,
            dev_limit=3,
            templates=50,
        )
        digests.append(m.files["adapter_model.safetensors"])
    assert digests[0] == digests[1]


def test_example_spans_are_inside_their_text():
    ex = Example("no fever", ((3, 8, "PHENOTYPE"),), "template")
    assert ex.text[3:8] == "fever"


def test_partial_labels_let_an_unannotated_chemical_be_one():
    import torch

    from kgqa.training.ner import o_alternatives, partial_label_loss

    chem = LABELS.index("B-CHEMICAL")
    logits = torch.zeros((1, 2, len(LABELS)))
    logits[0, :, chem] = 5.0  # the model is sure both tokens start a chemical
    labels = torch.tensor([[0, -100]])  # the corpus says "O" (and nothing for the second)
    full = torch.tensor([o_alternatives("template")])
    ncbi = torch.tensor([o_alternatives("ncbi_disease")])
    plain = torch.nn.functional.cross_entropy(logits[0], labels[0], ignore_index=-100)
    assert partial_label_loss(logits, labels, full).item() == pytest.approx(plain.item())
    # NCBI-disease annotates no chemicals: its "O" does not punish a chemical guess
    assert partial_label_loss(logits, labels, ncbi).item() < 0.1 < plain.item()
    # ... but BC5CDR does: only the two gene labels join "O" there (all three at logit 0)
    bc5 = torch.tensor([o_alternatives("bc5cdr")])
    expected = plain.item() - math.log(3)
    assert partial_label_loss(logits, labels, bc5).item() == pytest.approx(expected, rel=1e-5)


def test_each_word_piece_carries_the_case_of_its_word():
    from kgqa.linking.ner import case_types

    text = "SJS, Gout and mRNA"
    offsets = [(0, 0), (0, 2), (2, 3), (3, 4), (5, 9), (10, 13), (14, 15), (15, 18), (0, 0)]
    assert case_types(text, offsets) == [0, 2, 2, 2, 1, 0, 3, 3, 0]  # "," goes with "SJS"


def test_fresh_case_types_start_as_the_pretrained_type():
    from kgqa.linking.ner import CASE_TYPES, base_token_classifier

    emb = base_token_classifier().bert.embeddings.token_type_embeddings.weight
    assert emb.shape[0] == CASE_TYPES
    assert all(bool((emb[i] == emb[0]).all()) for i in range(CASE_TYPES))


def test_the_tagger_feeds_case_types_only_to_weights_trained_with_them(monkeypatch):
    import torch

    from kgqa.artifacts import Manifest
    from kgqa.linking.ner import FORMAT_VERSION, KIND, NerTagger

    seen = []

    class Model:
        def __call__(self, input_ids, attention_mask, token_type_ids):
            seen.append(token_type_ids[0].tolist())
            logits = torch.zeros((*input_ids.shape, len(LABELS)))
            return type("Out", (), {"logits": logits})()

    from transformers import AutoTokenizer

    from kgqa.encoder import base_model_path

    tok = AutoTokenizer.from_pretrained(str(base_model_path()), local_files_only=True)
    pieces = [len(tok.tokenize(w)) for w in ("SJS", "or", "Gout")]
    shaped = [0] + [2] * pieces[0] + [0] * pieces[1] + [1] * pieces[2] + [0]
    for info, expected in (({"features": ["case"]}, shaped), ({}, [0] * len(shaped))):
        manifest = Manifest(KIND, FORMAT_VERSION, "x", info=info)
        NerTagger(Model(), tok, manifest).tag(["SJS or Gout"])
        assert seen[-1] == expected
