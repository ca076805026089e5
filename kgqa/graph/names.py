"""Name normalisation for lookups: case, punctuation, hyphens, Greek letters,
British/American spelling, simple plurals, and inverted MeSH headings.

Example:
    >>> normalize_name("Alzheimer's Disease")
    'alzheimer disease'
    >>> normalize_name("TGF-β") == normalize_name("tgf beta")
    True
    >>> normalize_name("Oesophageal tumours") == normalize_name("esophageal tumor")
    True
"""

from __future__ import annotations

import re
import unicodedata

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}  # fmt: skip

# British -> American, applied per word (whole-word forms and common stems).
_BRIT_WORDS = {
    "anaemia": "anemia", "anaemic": "anemic", "haemorrhage": "hemorrhage",
    "oedema": "edema", "oesophagus": "esophagus", "oesophageal": "esophageal",
    "paediatric": "pediatric", "foetal": "fetal", "foetus": "fetus", "tumour": "tumor",
    "colour": "color", "behaviour": "behavior", "leukaemia": "leukemia",
    "diarrhoea": "diarrhea", "haemophilia": "hemophilia", "oestrogen": "estrogen",
    "ischaemia": "ischemia", "ischaemic": "ischemic", "coeliac": "celiac",
    "orthopaedic": "orthopedic", "gynaecological": "gynecological", "centre": "center",
    "fibre": "fiber", "aluminium": "aluminum", "sulphate": "sulfate", "sulphur": "sulfur",
    "labour": "labor", "dyspnoea": "dyspnea", "apnoea": "apnea", "faeces": "feces",
    "faecal": "fecal", "caesarean": "cesarean", "hypokalaemia": "hypokalemia",
}  # fmt: skip
_STOP = {"of", "the", "a", "an", "s"}
_TOKEN = re.compile(r"[a-z0-9]+")
_KEEP_S = ("ss", "us", "is", "as", "os", "ys")
_PLURAL_AS = ("ias", "omas", "emas")


def _american(word: str) -> str:
    if word in _BRIT_WORDS:
        return _BRIT_WORDS[word]
    if word.startswith("haem"):
        return "hem" + word[4:]
    if word.startswith("oe") and len(word) > 5:
        return "e" + word[2:]
    if word.endswith("aemia"):
        return word[: -len("aemia")] + "emia"
    if word.endswith("isation"):
        return word[: -len("isation")] + "ization"
    if word.endswith("ise") and len(word) > 6:
        return word[:-3] + "ize"
    if word.endswith("our") and len(word) > 5:
        return word[:-3] + "or"
    return word


def _singular(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    if len(word) > 5 and word.endswith(_PLURAL_AS):  # anemias, carcinomas, edemas
        return word[:-1]
    return word


def _uninvert(text: str) -> str:
    """MeSH-style inverted headings read in natural order (parts reversed, at most three).

    Example:
        >>> _uninvert("Abdomen, Acute"), _uninvert("Leukemia, Myeloid, Acute")
        ('Acute Abdomen', 'Acute Myeloid Leukemia')
        >>> _uninvert("Diabetes Mellitus, Type 2")
        'Diabetes Mellitus, Type 2'
    """
    parts = text.split(", ")
    if 2 <= len(parts) <= 3 and all(
        "," not in p and len(p.split()) <= 3 and not any(c.isdigit() for c in p) for p in parts[1:]
    ):
        return " ".join(reversed(parts))
    return text


def normalize_name(text: str, uninvert: bool = False, stop_words: bool = False) -> str:
    """A lookup key: lower case, ASCII, Greek spelled out, American spelling, singular words,
    possessives and stop words dropped (kept with ``stop_words``: "hepatitis A" is not
    "hepatitis"), punctuation and hyphens as spaces."""
    if uninvert:
        text = _uninvert(text)
    text = "".join(f" {GREEK[ch]} " if ch in GREEK else ch for ch in text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("'s ", " ").replace("s' ", "s ")
    if text.endswith("'s"):
        text = text[:-2]
    words = [_american(_singular(w)) for w in _TOKEN.findall(text)]
    return " ".join(w for w in words if stop_words or w not in _STOP)


def name_keys(text: str) -> set[str]:
    """All lookup keys for one name (plain, and uninverted when it looks like a MeSH heading)."""
    keys = {normalize_name(text)}
    keys.add(normalize_name(text, uninvert=True))
    keys.discard("")
    return keys
