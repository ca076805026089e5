"""The NER tagger: BIO token classification over the base encoder with a LoRA adapter.

Four mention types: DISEASE, PHENOTYPE (signs, symptoms, findings), CHEMICAL (drugs and other
substances) and GENE. Long texts are cut into windows of at most ``MAX_TOKENS`` word pieces that
overlap by ``STRIDE``; a span is always widened to whole words.

The base encoder is uncased, so "SJS" and "sjs", "AT" and "at" look alike to it. Each word
piece therefore also gets the shape of its word as a token type (``case_types``): the four rows
of the token-type embedding start as copies of the pretrained one and are trained with the
adapter.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kgqa.artifacts import Manifest, guarded
from kgqa.config import models_dir
from kgqa.encoder import (
    base_model_checksum,
    base_model_path,
    inference_dtype,
    offline,
    quiet_loading,
)
from kgqa.errors import ArtifactError, InputError
from kgqa.linking.spans import Span
from kgqa.text import sentence_bounds

logger = logging.getLogger(__name__)

TYPES = ("DISEASE", "PHENOTYPE", "CHEMICAL", "GENE")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
KIND = "ner-tagger"
FORMAT_VERSION = 1
MAX_TOKENS = 128
MAX_SENTENCE_READINGS = 40
MAX_TWICE_PIECES = 800  # a PubMed abstract has 300-600
MAX_TAG_PIECES = 5000
STRIDE = 32
CASE_TYPES = 4  # lower (or no letters), Title, UPPER (2+ letters), mIxed
CASE_FEATURE = "case"  # in the manifest's "features" when the weights were trained with them
# A span whose word pieces' mean tag probability is below this is dropped: on the dev splits
# such spans were mostly wrong (spurious, or cut at the wrong place). Chosen on NCBI-disease
# devel and BC5CDR dev, where 0.75 to 0.9 score within 0.005 F1 of each other.
MIN_SPAN_SCORE = 0.8
MODELS_DIR = models_dir()
# A sentence ends at ".", "!" or "?" followed by white space and a capital, a digit or a bracket.


def default_dir() -> Path:
    """Committed NER weights (LoRA adapter + head) inside the package."""
    return MODELS_DIR / "ner"


def word_shape(word: str) -> int:
    """Token type of a word from its letters' case: 0 lower, 1 Title, 2 UPPER, 3 mixed.

    Example:
        >>> [word_shape(w) for w in ("gout", "Gout", "SJS", "MEN1", "mRNA", "A", "123")]
        [0, 1, 2, 2, 3, 1, 0]
    """
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if not upper:
        return 0
    if upper == len(letters):
        return 2 if upper >= 2 else 1
    if upper == 1 and letters[0].isupper() and word[0].isalpha():
        return 1
    return 3


def case_types(text: str, offsets: list[tuple[int, int]]) -> list[int]:
    """The shape (``word_shape``) of each word piece together with the letters and digits it
    touches: the whole word for a word piece, the word before or after for punctuation
    attached to one ("SJS," gives the comma the shape of SJS); 0 for special tokens.

    Example:
        >>> case_types("SJS in sjs", [(0, 0), (0, 2), (2, 3), (4, 6), (7, 10)])
        [0, 2, 2, 0, 0]
    """
    out = []
    for a, b in offsets:
        if a == b:
            out.append(0)
            continue
        s, e = a, b
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        while e < len(text) and text[e].isalnum():
            e += 1
        out.append(word_shape(text[s:e]))
    return out


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


# DISEASE and PHENOTYPE share boundaries: the corpora call many signs diseases, so the tagger
# often splits its belief between the two; spans are found on the summed "disorder" group and
# typed afterwards by the summed probabilities over the span.
GROUPS = {"DISEASE": "DISORDER", "PHENOTYPE": "DISORDER", "CHEMICAL": "CHEMICAL", "GENE": "GENE"}
_GROUP_NAMES = ("DISORDER", "CHEMICAL", "GENE")


# (prefix, group, the indices of its labels in LABELS), in the order ties are settled
_TAG_LABELS = tuple(
    (prefix, g, tuple(i for i, lab in enumerate(LABELS)
                      if lab != "O" and lab[0] == prefix and GROUPS[lab[2:]] == g))
    for g in _GROUP_NAMES for prefix in ("B", "I")
)  # fmt: skip


# the indices of B-type and I-type in LABELS
_TYPE_LABELS = {t: (LABELS.index(f"B-{t}"), LABELS.index(f"I-{t}")) for t in TYPES}


def _token_tag(probs: list[float]) -> tuple[str, str | None, float]:
    """(B/I/O, group, probability) of one token from its label distribution."""
    best = ("O", None, probs[0])
    for prefix, g, labels in _TAG_LABELS:
        p = sum(probs[i] for i in labels)
        if p > best[2]:
            best = (prefix, g, p)
    return best


_BRIDGE = frozenset("-/'")
EDGE_WORDS = frozenset({"and", "or", "of", "the", "with", "in", "nor", "to"})


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop list glue and punctuation at a span's edges ("renal hamartomas and" → ...)."""
    while True:
        seg = text[start:end]
        stripped = seg.strip(" ,;:-/'.")
        if stripped != seg:
            lead = seg.index(stripped) if stripped else len(seg)
            start, end = start + lead, start + lead + len(stripped)
            continue
        words = seg.split()
        if len(words) > 1 and words[-1].lower() in EDGE_WORDS:
            end = start + seg.rstrip().rfind(" ")
            continue
        if len(words) > 1 and words[0].lower() in EDGE_WORDS:
            start = start + seg.find(" ") + 1
            continue
        return start, end


def decode(
    text: str,
    offsets: list[tuple[int, int]],
    probs: list[list[float]],
    min_score: float = 0.0,
) -> list[Span]:
    """Token label distributions (over LABELS) to character spans; an I- after O starts a span.
    Spans scoring below ``min_score`` (mean probability of their tokens' tags) are dropped.

    Example:
        >>> text = "no fever"
        >>> p = [1.0] + [0.0] * (len(LABELS) - 1)
        >>> q = [0.1, 0.3, 0.0, 0.6] + [0.0] * (len(LABELS) - 4)   # B-DISEASE .3, B-PHENO .6
        >>> decode(text, [(0, 2), (3, 8)], [p, q])
        [Span(start=3, end=8, type='PHENOTYPE', score=0.9)]
    """
    spans: list[list] = []  # [start, end, group, [token probs], [label distributions]]
    cur: list | None = None
    for (a, b), dist in zip(offsets, probs, strict=True):
        if a == b:
            continue
        prefix, group, p = _token_tag(dist)
        if cur is not None and a < cur[1]:  # a word piece of the current word joins it
            cur[1] = max(cur[1], b)
            continue
        if prefix == "O":
            if cur is not None and a == cur[1] and text[a:b] in _BRIDGE:
                cur[1] = b  # "A-T", "HER2/neu": kept only if the span goes on after it
                continue
            if cur is not None:
                spans.append(cur)
            cur = None
            continue
        if cur is not None and prefix == "I" and group == cur[2]:
            cur[1] = b
            cur[3].append(p)
            cur[4].append(dist)
            continue
        if cur is not None:
            spans.append(cur)
        cur = [a, b, group, [p], [dist]]
    if cur is not None:
        spans.append(cur)
    out: list[Span] = []
    for s, e, group, ps, dists in spans:
        s, e = _trim(text, *_word_bounds(text, s, e))
        if e <= s or text[s:e].lower() in EDGE_WORDS:  # a lone "in" or "of" names nothing
            continue
        kinds = [t for t in TYPES if GROUPS[t] == group]
        mass = {t: sum(d[_TYPE_LABELS[t][0]] + d[_TYPE_LABELS[t][1]] for d in dists)
                for t in kinds}  # fmt: skip
        kind = max(kinds, key=lambda t: mass[t])
        if out and s < out[-1].end:  # widened into the previous span: merge
            prev = out.pop()
            s = prev.start
        out.append(Span(s, e, kind, round(sum(ps) / len(ps), 4)))
    return [sp for sp in out if sp.score >= min_score]


def base_token_classifier():
    """The base encoder with a fresh token head over ``LABELS`` and ``CASE_TYPES`` token types
    (each a copy of the pretrained type 0), for training and loading."""
    offline()
    import torch
    from transformers import AutoModelForTokenClassification

    with quiet_loading():  # the head is fresh: training fits it, loading puts the trained one
        model = AutoModelForTokenClassification.from_pretrained(
            str(base_model_path()),
            num_labels=len(LABELS),
            id2label=dict(enumerate(LABELS)),
            label2id={v: i for i, v in enumerate(LABELS)},
            local_files_only=True,
        )
    old = model.bert.embeddings.token_type_embeddings
    new = torch.nn.Embedding(CASE_TYPES, old.embedding_dim)
    with torch.no_grad():
        new.weight.copy_(old.weight[0].expand(CASE_TYPES, -1))
    model.bert.embeddings.token_type_embeddings = new
    model.config.type_vocab_size = CASE_TYPES
    return model


class NerTagger:
    """Loads the committed adapter onto the base encoder and tags texts in batches."""

    def __init__(self, model, tokenizer, manifest: Manifest) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.manifest = manifest
        # weights trained without case types have identical type rows: zeros suit them too
        self.use_case = CASE_FEATURE in manifest.info.get("features", ())
        self.min_score = MIN_SPAN_SCORE

    @classmethod
    @guarded("reinstall kgqa or retrain it with `kgqa train ner`")
    def load(cls, directory: Path | None = None) -> NerTagger:
        directory = directory or default_dir()
        # the package ships the weights: a missing manifest means a broken checkout or install
        manifest = Manifest.read(directory, "train the NER weights with `kgqa train ner`")
        manifest.check(directory, KIND, FORMAT_VERSION)
        if manifest.info.get("base_model_sha256") != base_model_checksum():
            raise ArtifactError(
                f"{directory} was trained on another base encoder (checksum differs); "
                "retrain with `kgqa train ner`"
            )
        if tuple(manifest.info.get("labels", ())) != LABELS:
            raise ArtifactError(f"{directory} has labels {manifest.info.get('labels')}")
        from peft import PeftModel
        from transformers import AutoTokenizer

        model = PeftModel.from_pretrained(
            base_token_classifier(), str(directory), local_files_only=True
        )
        model = model.merge_and_unload()
        model = model.to(inference_dtype())
        model.eval()
        tokenizer = AutoTokenizer.from_pretrained(str(base_model_path()), local_files_only=True)
        return cls(model, tokenizer, manifest)

    def pieces(self, text: str) -> int:
        """The number of word pieces of ``text``; past ``MAX_TAG_PIECES`` an InputError (the
        tagger's time grows with them: 5,000 take about 2 s on two cores)."""
        n = len(self.tokenizer(text, add_special_tokens=False)["input_ids"])
        if n > MAX_TAG_PIECES:
            raise InputError(f"text of {n} word pieces; at most {MAX_TAG_PIECES} are tagged "
                             "(split it)")  # fmt: skip
        return n

    def tag(
        self, texts: list[str], batch_size: int = 64, min_score: float | None = None
    ) -> list[list[Span]]:
        """Spans for each text (texts are expected to be cleaned already) scoring at least
        ``min_score`` (default: the tagger's ``min_score``), decoded sentence by sentence
        from ``distributions``."""
        min_score = self.min_score if min_score is None else min_score
        bounds = [sentence_bounds(text) for text in texts]
        out: list[list[Span]] = []
        for text, sents, dists in zip(
            texts, bounds, self.distributions(texts, batch_size, bounds), strict=True
        ):
            keys = sorted(dists)
            spans: list[Span] = []
            i = 0
            for a, b in sents if len(sents) > 1 else [(0, len(text))]:
                while i < len(keys) and keys[i][0] < a:  # none: sentences end at white space
                    i += 1
                j = i
                while j < len(keys) and keys[j][1] <= b:
                    j += 1
                inside = keys[i:j]
                spans += decode(text, inside, [dists[k] for k in inside], min_score)
                i = j
            out.append(spans)
        return out

    def distributions(
        self,
        texts: list[str],
        batch_size: int = 64,
        bounds: list[list[tuple[int, int]]] | None = None,
    ) -> list[dict[tuple[int, int], list[float]]]:
        """The label distribution (over ``LABELS``) of each word piece of each text, keyed by
        its character span. ``bounds``: the texts' ``sentence_bounds``, when already known.

        A text of more than one sentence is read twice, whole (in windows) and sentence by
        sentence, and each word piece gets the mean of its two readings. The tagger was
        trained on sentences; the whole text shows it the other sentences too. The two
        readings err differently: on the dev splits their mean scored better than either
        alone (see the README's NER figures)."""
        pieces = [self.pieces(text) for text in texts]
        readings: list[tuple[int, int, str]] = []  # (text index, offset in it, reading)
        if bounds is None:
            bounds = [sentence_bounds(text) for text in texts]
        for t, (text, sents) in enumerate(zip(texts, bounds, strict=True)):
            readings.append((t, 0, text))
            # a text of very many "sentences" or marks (a list, a table, runs of punctuation)
            # is read whole only: the second reading would double a cost of seconds
            if 1 < len(sents) <= MAX_SENTENCE_READINGS and pieces[t] <= MAX_TWICE_PIECES:
                readings += [(t, a, text[a:b]) for a, b in sents]
        merged: list[dict[tuple[int, int], list[list[float]]]] = [{} for _ in texts]
        for (t, off, _), seen in zip(
            readings, self.read([r[2] for r in readings], batch_size), strict=True
        ):
            for (a, b), d in seen.items():
                merged[t].setdefault((off + a, off + b), []).append(d)
        return [{k: _mean(v) for k, v in m.items()} for m in merged]

    def read(
        self, texts: list[str], batch_size: int = 64
    ) -> list[dict[tuple[int, int], list[float]]]:
        """One reading of each text: the label distribution of each word piece. A text longer
        than ``MAX_TOKENS`` is read in overlapping windows; a word piece seen in two keeps the
        distribution of the window more sure of it."""
        import torch

        out: list[dict[tuple[int, int], list[float]]] = [{} for _ in texts]
        if not texts:
            return out
        enc = self.tokenizer(
            texts,
            truncation=True,
            max_length=MAX_TOKENS,
            stride=STRIDE,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            padding=False,
        )
        windows = list(range(len(enc["input_ids"])))
        owner = enc["overflow_to_sample_mapping"]
        windows.sort(key=lambda w: len(enc["input_ids"][w]))
        with torch.inference_mode():
            for i in range(0, len(windows), batch_size):
                chunk = windows[i : i + batch_size]
                width = max(len(enc["input_ids"][w]) for w in chunk)
                ids = torch.zeros((len(chunk), width), dtype=torch.long)
                mask = torch.zeros((len(chunk), width), dtype=torch.long)
                types = torch.zeros((len(chunk), width), dtype=torch.long)
                for r, w in enumerate(chunk):
                    row = enc["input_ids"][w]
                    ids[r, : len(row)] = torch.tensor(row)
                    mask[r, : len(row)] = 1
                    if self.use_case:
                        shape = case_types(texts[owner[w]], enc["offset_mapping"][w])
                        types[r, : len(row)] = torch.tensor(shape)
                logits = self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits
                dist = torch.softmax(logits.float(), dim=-1)
                for r, w in enumerate(chunk):
                    seen = out[owner[w]]
                    offsets = enc["offset_mapping"][w]
                    for key, d in zip(offsets, dist[r, : len(offsets)].tolist(), strict=True):
                        if key[0] == key[1]:
                            continue
                        key = tuple(key)
                        if key not in seen or max(d) > max(seen[key]):
                            seen[key] = d
        return out


def _mean(rows: list[list[float]]) -> list[float]:
    if len(rows) == 1:
        return rows[0]
    return [sum(col) / len(rows) for col in zip(*rows, strict=True)]
