"""Text hygiene shared by every stage: what text is accepted, control characters, sentences.

Example:
    >>> clean_text("gout\\x00fever")
    'gout fever'
    >>> sentence_bounds("Gout hurts. Colchicine (oral) helps e.g. in flares.  ")
    [(0, 11), (12, 51)]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterable

from kgqa.errors import InputError
from kgqa.validation import MAX_TEXT_CHARS, cleaned

# a CJK ideograph (the Unified Ideographs and Extension A): what makes a text "Chinese" here
CJK = re.compile(r"[\u3400-\u9fff]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])")
# single words that are graph names but almost never mean the node in running text
COMMON_NAME_WORDS = frozenset(
    """all can was has had may not per set age men man fat cell cells iron gold lead tin ace
    acid base water oxygen salt sugar pain other type form forms role case cases normal high
    low long short large small disease diseases disorder syndrome patient patients increase
    increased decrease decreased loss therapy treatment drug drugs gene genes get rx""".split()
)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character.

    Example:
        >>> has_cjk("Which drugs treat 痛风?"), has_cjk("gout")
        (True, False)
    """
    return CJK.search(text) is not None


def clean_text(text: str) -> str:
    """Reject what is not text or too long; each control character becomes one space, so
    offsets into the result are offsets into the input."""
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text of {len(text)} characters; at most {MAX_TEXT_CHARS} are accepted")
    return cleaned(text, keep="")


# a portal message's header: "SUBJECT: ... MESSAGE: ..."
# verbs that move a level down or up ("lower my blood pressure", "Can prednisone raise blood
# sugar?"), as regex fragments: the linker reads which way a level is off, the claim parser
# whether a drug treats it or causes it
# (no participles: "decreased appetite", "raised liver enzymes" are names, not moves)
TO_LOWER = (r"lower(?:s|ing)?|reduc(?:e|es|ing)|decreas(?:e|es|ing)|drop(?:s|ping)?|"
            r"cut(?:s|ting)?\s+down")  # fmt: skip
TO_RAISE = r"rais(?:e|es|ing)|increas(?:e|es|ing)|boost(?:s|ing)?"
# the short forms of blood tests people write ("my ALT is high", "elevated CRP"), with the
# measure each names as HPO's names of its high and low forms say it: a test, never the
# disease a short form of the same letters stands for (ALT: atypical lipomatous tumour, CRP:
# croup)
LAB_SHORT_FORMS = {
    "ALT": "alanine aminotransferase", "AST": "aspartate aminotransferase",
    "SGPT": "alanine aminotransferase", "SGOT": "aspartate aminotransferase",
    "CRP": "C-reactive protein", "TSH": "thyroid-stimulating hormone",
    "LDL": "LDL cholesterol", "HDL": "HDL cholesterol", "ESR": "erythrocyte sedimentation rate",
    "CK": "creatine kinase", "CPK": "creatine kinase", "ALP": "alkaline phosphatase",
    "PSA": "prostate-specific antigen", "GGT": "gamma-glutamyltransferase",
}  # fmt: skip
MESSAGE_HEADER = re.compile(r"^\s*SUBJECT:\s*(?P<subject>.*?)\s*MESSAGE:\s*", re.S | re.I)


# what people write for words in messages, that graph short forms spell too ("pls": primary
# lateral sclerosis, "yrs", "hrs", "meds": MEDs, multiple epiphyseal dysplasias; "mg", as
# corpora coded MG, magnesium): in lower case they are those words
CHAT_WORDS = frozenset(
    """pls plz plse thx thnx ok asap fyi btw lol omg imo imho idk tbh ppl bc cuz yr yrs hr hrs
    mo mos min mins wk wks pt pts dr drs med meds mg mcg ml kg lb lbs cm mm""".split()
)


# everyday words that are also abbreviations of graph names (NO: nitric oxide, ALL: acute
# lymphoblastic leukaemia, MS, AS, GET ...), read as words in a text written in capitals, and
# never as those short forms when written in lower case
EVERYDAY_SHORT_WORDS = frozenset(
    """a i am an and any are as at be but by can do for go has he her him his how if in is it
    me my no not now of on or our out she so the to up us was we who why yes you all may
    had did get got""".split()
)
# places people write in capitals ("a specialist in the DC area" is no dyskeratosis congenita)
PLACE_SHORT_FORMS = frozenset("DC NYC USA UK EU UAE".split())
# the counter-ions and esters a drug's name may end with: the drug is what is meant
# ("glucosamine sulphate", "hydrocortisone succinate")
SALT_WORDS = frozenset(
    """sulfate sulphate hydrochloride hcl sodium potassium magnesium calcium citrate maleate
    succinate tartrate phosphate acetate mesylate besylate bromide chloride fumarate
    propionate dipropionate valerate cypionate enanthate""".split()
)
# words, in lower case, that no graph short form written in capitals stands for ("pls", "get")
NOT_SHORT_FORMS = CHAT_WORDS | EVERYDAY_SHORT_WORDS | PLACE_SHORT_FORMS
_SHORT_CAPS = re.compile(r"\b[A-Z]{1,3}\b")


def unshout(text: str) -> str:
    """A text written in capitals ("NO HEALTH CARE ON MY SON ...") with its everyday short words
    in lower case, so that they are read as words, not abbreviations; any other text as it is.
    Same length.

    Example:
        >>> unshout("NO HEALTH CARE FOR MY SON WITH GENDER DYSPHORIA. WHAT CAN WE DO?")
        'no HEALTH CARE for my SON WITH GENDER DYSPHORIA. WHAT can we do?'
        >>> unshout("NO: nitric oxide")
        'NO: nitric oxide'
    """
    letters = [c for c in text if c.isascii() and c.isalpha()]
    if len(letters) < 20 or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return text
    return _SHORT_CAPS.sub(
        lambda m: m[0].lower() if m[0].lower() in EVERYDAY_SHORT_WORDS else m[0], text
    )


def fold_chinese(text: str) -> str:
    """Full-width Latin letters, digits and punctuation as half-width (ＢＲＣＡ１ → BRCA1), and
    traditional Chinese characters as simplified (痛風 → 痛风, 二甲雙胍 → 二甲双胍), one character
    for one: the same length, so offsets hold. Text with neither is returned as it is.

    Example:
        >>> fold_chinese("ＢＲＣＡ１基因和哪些疾病有關？")
        'BRCA1基因和哪些疾病有关?'
    """
    if not any(ord(c) >= 0x3000 for c in text):
        return text
    out = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    if CJK.search(out):
        from hanziconv import HanziConv

        simple = HanziConv.toSimplified(out)
        if len(simple) == len(out):
            out = simple
    return out


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, without their surrounding white space."""
    cuts = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
    out = []
    for a, b in itertools.pairwise(cuts):
        seg = text[a:b]
        lead, trail = len(seg) - len(seg.lstrip()), len(seg.rstrip())
        if trail > lead:
            out.append((a + lead, a + trail))
    return out


# the words the intent cues and classifier key on, as people misspell them ("tratments",
# "symtoms", "medacation", "remidies"): a word no vocabulary knows that is one slip (two in a
# word of seven letters or more) from exactly one of these, with the same first letter, is
# read as it. Names are never corrected (the linker reads them, misspelt or not).
CUE_WORDS = frozenset(
    """treatment treatments treat treats treated treating symptom symptoms medicine medicines
    medication medications cause causes causing cure cures cured curable remedy remedies
    therapy therapies inherited inheritance hereditary genetic effects effect diagnosis
    prescribe prescribed contraindicated benefits suggest recommend syndrome disease""".split()
)
# the cue words by length, in a fixed order (a frozenset's order changes between runs)
_CUE_TARGETS: dict[int, list[str]] = {
    n: sorted(w for w in CUE_WORDS if len(w) == n) for n in {len(w) for w in CUE_WORDS}
}
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def slips_from(word: str, words: Iterable[str], most: int) -> list[tuple[int, str]]:
    """(slips, word) for each of ``words`` at most ``most`` slips from ``word``: letters left
    out, added, changed or two swapped (Damerau-Levenshtein distance)."""
    from rapidfuzz.distance import DamerauLevenshtein

    near = ((DamerauLevenshtein.distance(word, w, score_cutoff=most), w) for w in words)
    return [(d, w) for d, w in near if d <= most]


# how English spells one sound several ways, in the order applied: a word spelt as it
# sounds keeps the word's key, or comes a slip from it ("sirosis" is cirrhosis, "nuemonia"
# pneumonia, "stroak" stroke)
_SOUND_RULES = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"^ps", "s"), (r"^pn", "n"), (r"^[kg]n", "n"), (r"ph", "f"), (r"gm$", "m"),
        (r"sch", "sk"), (r"ch", "k"), (r"ck", "k"), (r"qu", "kw"), (r"c(?=[eiy])", "s"),
        (r"c", "k"), (r"x", "ks"), (r"z", "s"), (r"y", "i"),
        (r"(?<=[aeiourgwkz])h", ""),  # silent: "rh", "gh", "wh", "zh", "oh" (not "sh", "th")
        (r"(.)\1+", r"\1"),  # a letter doubled or not
        (r"(?<=..)e$", ""),  # a silent last "e"
    )
)  # fmt: skip


def sound_key(word: str) -> str:
    """A lower-case word as it sounds, roughly: each spelling of one sound made one (c
    before e, i, y as s, else k; ph as f; ch as k; a letter doubled as one; h silent after a
    vowel, r, g, w, k or z; a last e silent). Vowels stay: people misspell them, but "sirosis" and
    "soriasis" are two words; a slip between two keys is left to the caller.

    Example:
        >>> sound_key("cirrhosis"), sound_key("sirosis"), sound_key("psoriasis")
        ('sirosis', 'sirosis', 'soriasis')
        >>> sound_key("diarrhoea") == sound_key("diarhoea"), sound_key("phlegm")
        (True, 'flem')
    """
    for pattern, by in _SOUND_RULES:
        word = pattern.sub(by, word)
    return word


def corrected_cue_words(text: str, known: Container[str], keep: Container[str] = ()) -> str:
    """``text`` with its misspelt cue words (see :data:`CUE_WORDS`) spelt right. ``known`` is
    the vocabulary of words spelt right (lower case), ``keep`` words left as they are (those of
    the linked names).

    Example:
        >>> corrected_cue_words("What are the tratments for gout?", {"what", "are", "the", "for"})
        'What are the treatments for gout?'
    """

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        low = word.lower()
        if low in CUE_WORDS or low in known or word in keep:
            return word
        most = 1 if len(low) < 7 else 2
        pool = [w for n in range(len(low) - most, len(low) + most + 1)
                for w in _CUE_TARGETS.get(n, ()) if w[0] == low[0]]  # fmt: skip
        near = sorted(slips_from(low, pool, most))
        if not near or (len(near) > 1 and near[1][0] == near[0][0] and near[1][1] != near[0][1]):
            return word
        right = near[0][1]
        return right.capitalize() if word[0].isupper() else right

    return _LONG_WORD.sub(fix, text)


# the way a name's first word says a level is off
_LEVEL_WAY = {"hyper": "up", "high": "up", "increased": "up", "elevated": "up", "raised": "up",
              "hypo": "down", "low": "down", "decreased": "down", "reduced": "down"}  # fmt: skip
_LEVEL_PREFIX = re.compile(rf"^({'|'.join(_LEVEL_WAY)})[\s-]*", re.I)
# the words that say a level the other way, as names put them
_FLIPPED = {"up": ("Decreased", "Low", "Reduced"), "down": ("Increased", "High", "Elevated")}


def flipped_level(name: str) -> list[str]:
    """The names that say ``name``'s level off the other way (for a lookup).

    Example:
        >>> flipped_level("Decreased body weight")[:2]
        ['Increased body weight', 'High body weight']
        >>> flipped_level("Hyperglycemia")[:1], flipped_level("Fever")
        (['Decreased glycemia'], [])
    """
    m = _LEVEL_PREFIX.match(name)
    if m is None:
        return []
    rest = name[m.end() :]
    return [f"{w} {rest}" for w in _FLIPPED[_LEVEL_WAY[m.group(1).lower()]]]


def opposites(a: str, b: str) -> bool:
    """Whether two names say the same level off the opposite way (too high and too low).

    Example:
        >>> opposites("Hyperglycemia", "hypoglycemia")
        True
        >>> opposites("low blood sugar", "Elevated blood sugar")
        True
        >>> opposites("Hypoglycemia", "Hypotension")
        False
    """
    ma, mb = _LEVEL_PREFIX.match(a), _LEVEL_PREFIX.match(b)
    if ma is None or mb is None:
        return False
    if _LEVEL_WAY[ma.group(1).lower()] == _LEVEL_WAY[mb.group(1).lower()]:
        return False
    return a[ma.end() :].casefold() == b[mb.end() :].casefold()
