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

from kgqa.validation import TYPOGRAPHIC

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


def singular(word: str) -> str:
    """A word without its plural ending ("ankles" → "ankle", "arteries" → "artery"; "pelvis",
    "glass" stay)."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("aches"):  # headaches, toothaches: ache, not "branches"
        return word[:-1]
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
    # (a typographic dash is a hyphen: NFKD has no ASCII for it, and "receptor–associated"
    # had become "receptorassociated")
    text = (
        unicodedata.normalize("NFKD", text.translate(TYPOGRAPHIC))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    text = text.replace("'s ", " ").replace("s' ", "s ")
    if text.endswith("'s"):
        text = text[:-2]
    words = _join_prefixes([_american(singular(w)) for w in _TOKEN.findall(text)])
    return " ".join(w for w in words if stop_words or w not in _STOP)


# prefixes written joined, hyphenated or apart ("nontoxic", "non-toxic", "non toxic goiter";
# "anti-inflammatory", "poly cystic"): one key joins them to the next word
_BOUND_PREFIXES = frozenset(
    ("non", "anti", "pre", "post", "hyper", "hypo", "pseudo", "intra", "inter", "extra",
     "sub", "semi", "auto", "multi", "poly")
)  # fmt: skip


def _join_prefixes(words: list[str]) -> list[str]:
    """Words with each bound prefix joined to the word after it.

    Example:
        >>> _join_prefixes(["non", "toxic", "goiter"]), _join_prefixes(["poly", "cystic"])
        (['nontoxic', 'goiter'], ['polycystic'])
    """
    out: list[str] = []
    for i, w in enumerate(words):
        if out and out[-1] in _BOUND_PREFIXES and i > 0 and words[i - 1] == out[-1]:
            out[-1] += w
        else:
            out.append(w)
    return out


def kind_letters(name: str) -> frozenset[str]:
    """The single letters among a name's words that name a kind ("vitamin A deficiency":
    {"a"}; "hepatitis C": {"c"}), not roman numerals ("type I" is type 1). The lookup key
    drops "a" as an article, so "vitamin deficiency" and "Vitamin A Deficiency" share one:
    a match by key must have the same letters.

    Example:
        >>> sorted(kind_letters("Vitamin A Deficiency")), sorted(kind_letters("type I"))
        (['a'], [])
    """
    words = normalize_name(name, stop_words=True).split()
    return frozenset(w for w in words if len(w) == 1 and w.isalpha() and w not in "ivx")


def name_keys(text: str) -> set[str]:
    """All lookup keys for one name (plain, and uninverted when it looks like a MeSH heading)."""
    keys = {normalize_name(text)}
    keys.add(normalize_name(text, uninvert=True))
    keys.discard("")
    return keys


_SUFFIXES = ("ations", "ation", "ating", "ated", "ates", "ions", "ion", "ities", "ity",
             "ically", "ical", "ic", "ed", "ing", "es", "e", "s")  # fmt: skip
# stems that say the same of a structure's size ("dilated aortic root", "enlarged aortic root")
_SAME_STEM = {"dilat": "enlarg", "widen": "enlarg"}


def stem_key(text: str) -> str:
    """A word-order- and derivation-blind key: the sorted stems of the normalised words
    (derivational suffixes cut), for matching a written finding with a name that says the
    same in another form. Empty for fewer than two words (a single word is matched as is).

    Example:
        >>> stem_key("dilated aortic root") == stem_key("Enlarged aortic root")
        True
        >>> stem_key("hypermobile joints") == stem_key("Joint hypermobility")
        True
        >>> stem_key("aortic root") == stem_key("aortic root dilatation")
        False
    """
    words = normalize_name(text).split()
    if len(words) < 2:
        return ""
    stems = []
    for w in words:
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        stems.append(_SAME_STEM.get(w, w))
    return " ".join(sorted(set(stems)))


# ------------------------------------------------------------------------ subtypes
_ROMAN = {"I": 1, "V": 5, "X": 10}
# "..., type 2A", "... type IV", "... VI", "... subtype B": a name's last part names a subtype
_SUBTYPE = re.compile(
    r"^(?P<head>.*?[A-Za-z].*?)[\s,]+(?:(?P<word>type|subtype|group|form|class)\s+)?"
    r"(?P<num>\d{1,2}|[IVXivx]{1,5})(?P<letter>[A-Za-z]?\d?)$",
    re.IGNORECASE,
)


def roman_to_int(text: str) -> int | None:
    """A roman numeral's value (up to 39), else None.

    Example:
        >>> roman_to_int("IV"), roman_to_int("xii"), roman_to_int("IIII"), roman_to_int("VX")
        (4, 12, None, None)
    """
    s = text.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if 0 < total < 40 and int_to_roman(total) == s else None


def int_to_roman(n: int) -> str:
    """``n`` (1..39) as a roman numeral."""
    out = "X" * (n // 10)
    n %= 10
    return out + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[n]


def subtype_variants(text: str) -> list[str]:
    """Other spellings of a numbered or lettered subtype, for names that spell it another way:
    roman and arabic numerals, with and without "type", the OMIM comma, a short form run
    together ("MPS VI": "MPS6"), then without a trailing letter (the broader subtype). A bare
    roman numeral (no "type") counts only in upper case ("MPS VI", not "... vi").

    Example:
        >>> subtype_variants("spinal muscular atrophy type 1")[:3]
        ['spinal muscular atrophy type I', 'spinal muscular atrophy 1', 'spinal muscular atrophy I']
        >>> subtype_variants("CHARCOT-MARIE-TOOTH DISEASE, TYPE 4C")[0]
        'CHARCOT-MARIE-TOOTH DISEASE type 4C'
        >>> subtype_variants("Marfan syndrome"), subtype_variants("COVID 19")[:1]
        ([], ['COVID type 19'])
    """
    m = _SUBTYPE.match(text.strip())
    if m is None:
        return []
    head, word, num, letter = m["head"], m["word"], m["num"], m["letter"]
    if num.isdigit():
        value = int(num)
        numerals = [num] + ([int_to_roman(value)] if 0 < value < 40 and not letter else [])
    else:
        value = roman_to_int(num)
        if value is None or (word is None and not num.isupper()):
            return []
        numerals = [num.upper(), str(value)]
    words = [word.lower()] if word else []
    words += [w for w in ("type", "") if w not in words]
    out: list[str] = []
    # a letter the graph does not know falls back to the numbered subtype ("type 2A" → 2)
    for tail in (letter, "") if letter else (letter,):
        for w in words:
            for n in numerals:
                v = f"{head} {w} {n}{tail}" if w else f"{head} {n}{tail}"
                if v != text and v not in out:
                    out.append(v)
        if head.isupper() and len(head) <= 5:  # a short form: "MPS VI" → "MPS6", "MPSVI"
            out += [f"{head}{n}{tail}" for n in numerals if f"{head}{n}{tail}" not in out]
    return out
