"""Candidate generation and disambiguation for one mention.

Sources of candidates, each with a base score:

========================  =====  ==============================================
annotated mention text    1.00   corpus annotators' node for this text
                                 (:mod:`kgqa.linking.annotated`); other
                                 nodes' names then count ×0.99. 0.96 when
                                 the text exactly names another node of the
                                 class that is more specific, or the
                                 annotated node is a MeSH-only heading
exact label / id          1.00   ``KnowledgeGraph.find`` exact: the node's label, or an id
exact label of a source   0.98   the label one merged source gives the node
exact synonym             0.97
normalised name           0.93   case, punctuation, plurals, Greek, spelling
abbreviation              ×0.97  a short form defined in the text ("... (G6PD)"):
                                 its long form's candidates; the short form's
                                 own names then count ×0.9
acronym                   0.85   an undefined short form spelling the initials
                                 of exactly one disease's name ("EDMD")
fuzzy                     ≤0.90  rapidfuzz ratio ≥ 88 over normalised names
dense                     ≤0.90  cosine of base-encoder embeddings (FAISS)
dense, annotated text     ≤1.00  cosine to an annotated mention text
========================  =====  ==============================================

An extension (a name one or two words longer than the mention: 0.88 / 0.84) is tried when no
name of the mention's type matches. The score is then multiplied by the type fit (a DISEASE
mention prefers Disease nodes, takes Phenotype nodes at ×0.9, a CHEMICAL mention takes DrugClass
nodes at ×0.95, other classes count ×0.6, or ×0.8
for a name matched in its exact case) and nudged by context words shared with the
node's names. Candidates under ``FLOOR`` are dropped; a mention whose best candidate is under
``NIL_THRESHOLD`` is NIL (``Mention.linked`` is None; ``Mention.node`` is still that candidate's).
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

import numpy as np

from kgqa.graph.names import kind_letters, normalize_name, singular
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.annotated import AnnotatedNames
from kgqa.linking.dense import NameIndex
from kgqa.records import NIL_THRESHOLD, Candidate, MatchKind, Mention, Node
from kgqa.text import (
    LAB_SHORT_FORMS,
    NOT_SHORT_FORMS,
    SALT_WORDS,
    has_cjk,
    slips_from,
    sound_key,
)

logger = logging.getLogger(__name__)

FLOOR = 0.5
# how far below a mention's top candidate another may score and still be read as meant
CLOSE_MARGIN = 0.1
# matches that find a node like the text, not one it names (a corpus annotator's code is a
# name: "nephropathy" coded as kidney disease is the disease a question about it means)
_LOOSE_MATCHES = frozenset({"dense", "fuzzy"})
OWN_NAMES = frozenset({"exact", "id", "normalized"})
TYPE_FIT = {
    "DISEASE": {"Disease": 1.0, "Phenotype": 0.9},
    "PHENOTYPE": {"Phenotype": 1.0, "Disease": 0.9},
    # a drug class is named as chemicals are ("ACE inhibitors", "statins")
    "CHEMICAL": {"Chemical": 1.0, "DrugClass": 0.95},
    "GENE": {"Gene": 1.0},
}
CLASS_TYPE = {
    "Disease": "DISEASE",
    "Phenotype": "PHENOTYPE",
    "Chemical": "CHEMICAL",
    "Gene": "GENE",
}
OTHER_FIT = 0.6
EXACT_CASE_FIT = 0.8
FUZZY_CUTOFF = 88.0
FUZZY_SURE = 0.9 * 0.9  # a fuzzy match at ratio 90 or more ...
# a one-word drug name the dense search alone found below this is respelt or left unlinked
# (:meth:`CandidateGenerator.respelt_drug`), by the letters it opens with and the ratio
DENSE_DRUG_SURE = 0.8
DRUG_STEM_CHARS = 5
DRUG_RESPELT_CUTOFF = 75.0
DRUG_RESPELT_SURE = 80.0  # ... with only the five letters in common
DRUG_END_CHARS = 2  # the letters a misspelt drug name ends with as the name does
ONE_SLIP_DRUG_CHARS = 6  # a drug name one slip from a word this long (or longer) is meant
FUZZY_ANY_KIND_CHARS = 8  # ... of a word this long or longer is read whatever its tagged type
DENSE_K = 10
DENSE_WEIGHT = 0.9
ANNOTATED_K = 5
ANNOTATED_DENSE_WEIGHT = 1.0
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = "aeiou"
TWO_SLIPS_FROM = 10  # letters: a misspelt word this long may be two slips from the name's word
# a word of the disorder names, which a misspelling is respelt to, is one this many names hold
# (fewer may be a source's own slip); a word of a lay name the lexicon gives counts as one
NAME_WORD_NAMES = 3
# the parts of a word that name opposites: a respelling keeps each one where it is
_OPPOSITE_PARTS = re.compile(r"hyper|hypo|inter|intra|micro|macro|ante|anti|brady|tachy")


_VOWEL = re.compile(r"[aeiou]")  # taken out of a word, what is left is its consonants


def _opposites(word: str) -> list[str]:
    return _OPPOSITE_PARTS.findall(word)


def _other_prefix(a: str, b: str) -> bool:
    """Whether two words differ in opening "pre" and "pro": another word, no slip
    ("probiotics" are no prebiotics, "proform" no preform)."""
    return {a[:3], b[:3]} == {"pre", "pro"}


# the words before a disorder mention that say whose it is or how bad, and the word that opens
# what is said of it after (when it comes, an adverb): no part of a name, and noise to the
# dense search (:meth:`CandidateGenerator.dense_text`)
_DENSE_LEAD = frozenset(
    "my his her your our their its a an the this that these those really very so".split()
)
_DENSE_TAIL = re.compile(
    r"when|whenever|while|every|sometimes|always|often|usually|lately|recently|suddenly|"
    r"sharply|badly|constantly|frequently|occasionally|again|anymore|today|now", re.I
)  # fmt: skip
_STOP = frozenset("""of the a an and or in on with to for by from is are was were""".split())


REDUCED = 0.92
REDUCED_ORDER = 0.001  # taken off a reduced form's score per qualifier more it drops
BELOW_ANNOTATED = 0.99
ANNOTATED_BROADER = 0.96
SHARED_ZH_NAME = 0.001  # per other Chinese name of a node a Chinese name reaches
ZH_TIE = 0.0001  # per place, among phenotypes sharing a Chinese name, by diseases annotated
CLASS_NAMED = 0.85  # a drug class named this closely (a plural, a spelling) is what is meant
ANNOTATED_MEMBER = 0.8  # ... and the member drug the annotators coded it with comes after it
ACRONYM = 0.85
# "Parkinson's" read as "Parkinson's disease" (that name's match, a little less sure): above
# a likeness (0.89) and the other names that extend it ("Crohn's colitis", 0.88)
ELLIPTIC_EPONYM = 0.96
ELLIPTIC_SYNDROME = 0.95
ELLIPTIC_HEADS = (("disease", ELLIPTIC_EPONYM), ("syndrome", ELLIPTIC_SYNDROME))
# a name in the possessive with no noun after it ("Crohn's", "Graves'", lower-case "crohns")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|(?<=[a-z])s)$")
# the words that may follow a one-word mention in the name it stands for ("huntington" for
# "huntington disease", "diabetes" for "diabetes mellitus")
_GENERIC_TAILS = frozenset({"disease", "diseases", "syndrome", "disorder", "disorders",
                            "mellitus", "infection", "infections"})  # fmt: skip
# the words that say "something is wrong" of a body part, one as good as another in a likeness
_DISORDER_WORDS = frozenset(
    "disease disorder syndrome damage dysfunction problem condition abnormality injury".split()
)
SHORT_FORM = 5  # letters of the longest short form in capitals
DISORDERS = frozenset({"DISEASE", "PHENOTYPE"})  # the types that share span boundaries
_ACRONYM = re.compile(r"[A-Z][A-Z\-]{2,6}")
ABBREVIATION = 0.97
# another node's name, where kgqa's lexicon gives the text to one node
BELOW_CURATED = 0.88
# a subtype's synonym, where another node's own label is the text (0.98 → 0.88, under a
# phenotype's label at 0.90)
SUBTYPE_SYNONYM = 0.9
ABBREVIATED_OTHERS = 0.9
# Qualifiers the corpora fold into the general concept ("hereditary retinoblastoma" is
# retinoblastoma); a mention that matches no name is also tried without them.
QUALIFIERS = frozenset(
    """hereditary familial inherited sporadic classical classic primary idiopathic isolated
    congenital human progressive severe mild adult childhood juvenile infantile fatal
    typical atypical bilateral unilateral multiple recurrent chronic acute persistent
    intermittent moderate sudden constant frequent occasional recurring extreme""".split()
)
# the name of an operation ("hemorrhoidectomy", "tracheostomy", "rhinoplasty")
_OPERATION = re.compile(r"\w(?:ectomy|otomy|ostomy|plasty|pexy)\b", re.I)
# a growth said to be benign, and the names of malignant ones
_BENIGN = re.compile(r"\b(?:benign|non[- ]?cancerous|non[- ]?malignant)\b", re.I)
_MALIGNANT = re.compile(r"\b(?:cancers?|malignan\w*|carcinomas?|sarcomas?)\b", re.I)
# the heads of names after people ("Stein-Leventhal syndrome", "Osgood-Schlatter disease")
_EPONYM_HEADS = frozenset({"syndrome", "disease", "anomaly", "sequence", "complex"})
_CONJ = re.compile(r"^(.+?)(?:\s*,\s*|\s+(?:and/or|and|or)\s+|\s*/\s*|-)(\S+)\s+(\S+)$")


# words that turn a name into its opposite, and the numbers and letters that tell subtypes
# apart: one such word is a small edit and a different thing
_NEGATORS = frozenset("non not no without un anti absent absence lack".split())
_NEGATING_PREFIXES = ("non", "un", "anti", "dis")
_NUMERALS = re.compile(r"^(?:\d+[a-z]?|[ivx]+|[a-z])$")


def slipped_words(key: str, name: str) -> bool:
    """Whether a name's key ``name`` reads as ``key`` misspelt word by word, when both have as
    many words: each word at most two slips from its own, opening with the same letter (a
    vowel for a vowel). A likeness in letters alone is another word: "salinomycin" is no
    valinomycin, "haglund deformity" no hand deformity. A name of fewer words passes (a word
    joined, "heart burn"; or dropped, "x linked congenital stationary night blindness"); one of
    more words only when it splits a word of the text.

    Example:
        >>> slipped_words("salinomycin", "valinomycin"), slipped_words("finastride", "finasteride")
        (False, True)
        >>> slipped_words("haglund deformity", "hand deformity")
        False
        >>> slipped_words("probiotic", "prebiotic")
        False
        >>> slipped_words("peripheral nervous system damage", "peripheral nervous system disease")
        True
        >>> slipped_words("noncancerous tumor", "noncancerous gi tumor")
        False
    """
    a, b = key.split(), name.split()
    if len(b) > len(a):
        # a word more in the name is a narrower thing ("noncancerous tumor" is no
        # "noncancerous gi tumor"), unless a word of the text was split ("heartburn")
        return "".join(a) == "".join(b)
    if len(a) != len(b):
        return True
    for x, y in zip(a, b, strict=True):
        if x == y or {x, y} <= _DISORDER_WORDS:
            continue  # "... nervous system damage" is a nervous system disease
        if x[0] != y[0] and not (x[0] in _VOWELS and y[0] in _VOWELS):
            return False
        if not slips_from(x, [y], 2) or _other_prefix(x, y):
            return False
    return True


def _one_stem(a: str, b: str) -> bool:
    """Whether two words are one, or two forms of one stem ("cancerous", "cancer";
    "infectious", "infection"): a shared start of six letters or more, three quarters of the
    shorter."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= 6 and common >= 0.75 * shorter


def negates(a: str, b: str) -> bool:
    """Whether one of two normalised names negates what the other states: "non insulin ..."
    against "insulin ..." ("non papillary renal cell carcinoma" is only narrower than "renal
    cell carcinoma"; "noncancerous tumor" negates "cancer")."""
    wa, wb = a.split(), b.split()
    sa, sb = set(wa), set(wb)
    for words, other in ((wa, sb), (wb, sa)):
        for i, w in enumerate(words):
            if w in other:
                continue
            negated = (
                words[i + 1]
                if w in _NEGATORS and i + 1 < len(words)
                else next((w[len(p) :] for p in _NEGATING_PREFIXES if w.startswith(p)), None)
            )
            if negated is not None and any(_one_stem(negated, o) for o in other):
                return True
    return False


def same_sense(a: str, b: str) -> bool:
    """Whether two normalised names that are alike can mean the same: not when one negates
    what the other states ("insulin dependent diabetes", "noninsulin dependent diabetes") or
    says less where the other says more ("fast" / "slow", "hyper-" / "hypo-"), nor when both
    give numbers or subtype letters and these differ ("type 1 diabetes", "type
    2 diabetes").

    Example:
        >>> same_sense("thalassamia", "thalassemia"), same_sense("type 1 diabetes", "type 2")
        (True, False)
        >>> same_sense("insulin dependent diabetes", "noninsulin dependent diabetes")
        False
        >>> same_sense("noncancerous tumor", "nonhereditary cancer")
        False
        >>> same_sense("fast heartbeat", "slow heartbeat"), same_sense("hypertension", "hypotonia")
        (False, False)
    """
    wa, wb = a.split(), b.split()
    sa, sb = set(wa), set(wb)
    if negates(a, b):
        return False
    if _pole(sa - sb) * _pole(sb - sa) < 0:
        return False  # "fast heartbeat" is no "slow heartbeat", "hypertension" no "hypotension"
    na = {w for w in wa if _NUMERALS.match(w)}
    nb = {w for w in wb if _NUMERALS.match(w)}
    return not (na and nb and na != nb)


# words, and word beginnings, that say more or less of the same thing: a name on one side is
# the opposite of a name on the other, however alike their vectors are
_MORE = frozenset("fast rapid quick high higher increased elevated raised excess excessive "
                  "large big enlarged over overactive".split())  # fmt: skip
_LESS = frozenset("slow low lower decreased reduced diminished small under underactive "
                  "shortened".split())  # fmt: skip
_MORE_PREFIXES = ("hyper", "tachy", "macro", "poly")
_LESS_PREFIXES = ("hypo", "brady", "micro", "oligo")


def _pole(words: set[str]) -> int:
    """+1 when the words only say more, -1 when they only say less, else 0."""
    more = any(w in _MORE or w.startswith(_MORE_PREFIXES) for w in words)
    less = any(w in _LESS or w.startswith(_LESS_PREFIXES) for w in words)
    return int(more) - int(less)


# where a finding is, words separated by single spaces: "in her left hip", "of the ankles",
# "in the back of my neck" (the neck), "in my lower back" (the side kept: *Low back pain*)
BODY_SITE = (
    r"(?:in|of|on|at|around) (?:(?:the|my|his|her|their|your|our|both|one) )?"
    r"(?:(?:back|front|side|top|bottom|base|middle) of (?:(?:the|my|his|her|their|your|our) )?)?"
    r"(?:(?P<side>left|right|lower|upper) )?(?P<site>[A-Za-z]+)(?P<more> [A-Za-z]+)?"
)
# a side of a part as names say it ("lower back": *Low back pain*)
_SIDE_NAMED = {"lower": ("lower", "low"), "upper": ("upper",)}
# a word before a finding that says how it is, which a name of it may leave out
_SAID_HOW = frozenset("painful sore itchy swollen red tender burning small large big".split())
_LOCATED = re.compile(r"^(?P<finding>[A-Za-z-]+(?: [A-Za-z-]+)?) " + BODY_SITE, re.I)


def _english_words() -> frozenset[str]:
    """The base encoder's whole lower-case words (empty when it is not installed)."""
    from kgqa.encoder import base_vocabulary

    return base_vocabulary()


def short_form_in_capitals(name: str) -> bool:
    """Whether a name is a short form in capitals ("MAD", "GET"): a word only in capitals."""
    return name.isupper() and name.isalpha() and len(name) <= SHORT_FORM


# the plural of a short form in capitals: "PPIs", "SSRIs", "TKIs"
_CAPS_PLURAL = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]s")


def located_names(text: str) -> list[str]:
    """The names a finding said with its body site may have in an ontology, the longer site
    first: "pain in her left hip joint" → "hip joint pain", "hip pain"; "pain in my knee when
    I walk" → ..., "knee pain" (names normalise plurals: "ankles swelling").

    Example:
        >>> located_names("pain in my lower back"), located_names("gout")
        (['lower back pain', 'low back pain', 'back pain'], [])
        >>> located_names("pain in the back of my neck")
        ['neck pain']
    """
    m = _LOCATED.match(" ".join(text.split()))
    if m is None:
        return []
    finding, site = m.group("finding"), m.group("site")
    longer = [f"{site}{m.group('more')} {finding}"] if m.group("more") else []
    side = (m.group("side") or "").casefold()
    sided = [f"{said} {site} {finding}" for said in _SIDE_NAMED.get(side, ())]
    out = [*longer, *sided, f"{site} {finding}"]
    words = finding.split()
    if len(words) == 2 and words[0].casefold() in _SAID_HOW:
        # "painful sores around my genitals": genital sores
        out.append(f"{site} {words[1]}")
    return out


def singular_site(name: str) -> str:
    """A located name with its body site in the singular ("ears pain" → "ear pain"); the
    name itself when its site is no plural.

    Example:
        >>> singular_site("ears pain"), singular_site("glass pain"), singular_site("hip pain")
        ('ear pain', 'glass pain', 'hip pain')
    """
    site, _, finding = name.rpartition(" ")
    words = site.split()
    return " ".join([*words[:-1], singular(words[-1]), finding]) if words else name


# a body part by the word names use ("feet": foot pain; "my side hurts": flank pain)
_PART_NAMED = {"feet": "foot", "teeth": "tooth", "side": "flank", "sides": "flank",
               "tummy": "belly"}  # fmt: skip


def part_named(part: str) -> str:
    """A body part as names say it, in the singular ("feet" → "foot", "ears" → "ear")."""
    return _PART_NAMED.get(part) or singular(part)


# a finding said of someone's body part ("my ankles are swollen", "her eyes are always itchy"):
# names put the word before the part ("swollen ankles"). Only a person's part: abstracts say
# "the optic discs were pale", which the corpora do not tag
_FINDING_WORDS = (
    r"swollen|itchy|sore|painful|numb|stiff|dry|puffy|weak|tender|bloated|cracked|inflamed|"
    r"infected|blurry|blurred|watery|runny|stuffy|blocked|enlarged|irritated|tingly|shaky|achy|"
    r"aching|burning|discolou?red|flaky|sweaty|clammy|red|yellow|pale|cold|twitchy|"
    # a measure said too low or high ("my blood sugar is low", "Why is my potassium so high?")
    r"low|high"
)
_DEGREE_WORD = (r"(?:very|really|so|too|a bit|a little|quite|always|often|sometimes|constantly|"
                r"extremely|all|still|more|kind of|slightly)")  # fmt: skip
_DEGREE = rf"(?:{_DEGREE_WORD}\s+)*"
_PART = r"(?P<part>[a-z]+(?:\s+[a-z]+)?)"
SAID_OF_PART = re.compile(
    # "my ankles are swollen", or asked: "why are my feet swollen?"
    rf"\b(?:my|his|her|their|your|our|both)\s+{_PART}\s+(?:is|are|was|were|be|been|stays?|feels?|"
    r"felt|looks?|looked|gets?|got|getting|goes|go|went|became|becomes?|keeps? getting|"
    rf"(?:have|has|had) (?:been|gotten|become))\s+{_DEGREE}(?P<adj>{_FINDING_WORDS})\b"
    # (a part's second word is no degree word: "is my potassium so high" is of potassium)
    rf"|\b(?:is|are|was|were)\s+(?:my|his|her|their|your|our)\s+(?P<part2>[a-z]+(?:\s+"
    rf"(?!{_DEGREE_WORD}\b)[a-z]+)?)\s+{_DEGREE}(?P<adj2>{_FINDING_WORDS})\b",
    re.I,
)


_LEVEL_WORDS = frozenset({"level", "levels", "count", "counts", "reading", "readings"})


def said_of_part(text: str) -> list[str]:
    """The names a finding said of a body part would have, the word first: "ankles are
    swollen" → "swollen ankles", "swollen ankle"; a part of two words also by its last
    ("my left knee is swollen" → "swollen knee"). Empty for any other text.

    Example:
        >>> said_of_part("my ankles are always swollen")
        ['swollen ankles', 'swollen ankle']
        >>> said_of_part("my potassium level is too high")
        ['high potassium', 'high potassiums']
        >>> said_of_part("is my potassium so high")[:2]
        ['high potassium', 'high potassiums']
    """
    m = SAID_OF_PART.fullmatch(text.strip())
    if m is None:
        return []
    adj = (m.group("adj") or m.group("adj2")).lower()
    words = (m.group("part") or m.group("part2")).lower().split()
    if len(words) > 1 and words[-1] in _LEVEL_WORDS:  # "my cholesterol level is high"
        words = words[:-1]
    out = []
    for part in dict.fromkeys([" ".join(words), words[-1]]):
        one = singular(part)
        out += [f"{adj} {part}", f"{adj} {one}", f"{adj} {one}s"]
    if adj in _HURTING:  # "my hips are painful": hip pain
        out += [f"{p} pain" for p in dict.fromkeys([words[-1], part_named(words[-1])])]
    return list(dict.fromkeys(out))


# a word saying a part hurts, before the part ("sore stomach", "achy muscles"): names say it
# as the part's pain (*Abdominal pain*, *Myalgia*); the encoder's nearest was muscle atrophy
_HURTING = frozenset({"sore", "painful", "achy", "aching", "hurting"})
_HURTING_PART = re.compile(rf"^(?:{'|'.join(_HURTING)})\s+(?P<part>[a-z]+(?:\s+[a-z]+)?)$", re.I)


def hurting_part(text: str) -> list[str]:
    """The names of a part said to hurt with the word first ("achy muscles" → "muscles pain",
    "muscle pain"); empty for any other text.

    Example:
        >>> hurting_part("achy muscles"), hurting_part("sore feet"), hurting_part("gout")
        (['muscles pain', 'muscle pain'], ['feet pain', 'foot pain'], [])
    """
    m = _HURTING_PART.match(" ".join(text.split()))
    if m is None:
        return []
    part = m.group("part").lower()
    return list(dict.fromkeys([f"{part} pain", f"{part_named(part)} pain"]))


# a body part said to hurt, bleed or itch ("my hands hurt", "her knee aches", "my gums are
# bleeding", "My right shoulder is getting pain"): names say it as the part's pain, bleeding or
# itch ("hand pain", "bleeding gums")
_PART_DOES_TAIL = (
    r"(?!(?:i|you|he|she|we|they|it|this|that)\b)"
    r"(?P<part>[a-z]+(?:\s+(?!(?:is|are|was|were|has|have|keeps?|kept)\b)[a-z]+)?)\s+"
    r"(?:(?:is|are|was|were|has been|have been|keeps?|kept)\s+)?"
    r"(?P<does>hurts?|hurting|aches?|aching|ached|sore|bleeds?|bleeding|bled|itch(?:es|ing|y)?|"
    r"pains|(?:getting|having|in|causing(?: me)?)\s+(?:(?:a lot of|so much|some|severe|sharp|"
    r"bad|terrible)\s+)?pain)\b"
)
_OWN_PART = r"(?:my|his|her|their|your|our|both)\s+(?:(?:left|right|lower|upper)\s+)?"
_PART_DOES = re.compile(rf"^(?:{_OWN_PART})?{_PART_DOES_TAIL}", re.I)
# ... said of someone's own part, anywhere in a text
PART_DOES_SAID = re.compile(rf"\b{_OWN_PART}{_PART_DOES_TAIL}", re.I)
_PART_FINDING = {"hurt": "{} pain", "ache": "{} pain", "achi": "{} pain", "sore": "{} pain",
                 "blee": "bleeding {}", "bled": "bleeding {}", "itch": "itchy {}",
                 "pain": "{} pain", "gett": "{} pain", "havi": "{} pain", "in": "{} pain",
                 "caus": "{} pain"}  # fmt: skip
# the finding wherever it is, when no name says it of the part: an itch ("my ears itch":
# itching, not the encoder's nearest name, *Earache*). Not pain or bleeding, whose nearest
# names the encoder finds well (*Toothache*, *Headache*, *Epistaxis*)
_ANYWHERE = {"itchy {}": "itching"}


def _part_does(text: str) -> tuple[str, str] | None:
    """The finding's name form ("{} pain") and the part (as said) of a text saying what a
    body part does; None for any other text."""
    m = _PART_DOES.match(text.strip())
    if m is None:
        return None
    return _PART_FINDING[m.group("does").lower().split()[0][:4]], m.group("part").lower()


def part_does(text: str) -> list[str]:
    """The names of a finding said as what a body part does ("my hands hurt sharply" →
    "hands pain", "hand pain"; "my gums are bleeding" → "bleeding gums", "bleeding gum").

    Example:
        >>> part_does("My knee hurts when I walk"), part_does("my gums are bleeding")
        (['knee pain'], ['bleeding gums', 'bleeding gum'])
        >>> part_does("My right shoulder is getting pain"), part_does("my feet hurt")
        (['shoulder pain'], ['feet pain', 'foot pain'])
    """
    said = _part_does(text)
    if said is None:
        return []
    form, part = said
    return list(dict.fromkeys([form.format(part), form.format(part_named(part))]))


def part_does_anywhere(text: str) -> str | None:
    """The itch a body part is said to have, wherever it is, for when no name says it of
    that part ("my ears itch" → "itching"; the encoder's nearest name was *Earache*).

    Example:
        >>> part_does_anywhere("My ears itch"), part_does_anywhere("my teeth hurt")
        ('itching', None)
    """
    said = _part_does(text)
    return _ANYWHERE.get(said[0]) if said is not None else None


# a measure someone takes a drug for, or to lower: "for my blood pressure", "to lower my
# cholesterol", "control my blood sugar" mean its being too high (hypertension, high
# cholesterol, diabetes); the measure's name alone does not ("What is a normal blood pressure?")
_MEASURES = {
    "blood pressure": "high blood pressure", "bp": "high blood pressure",
    "cholesterol": "high cholesterol", "ldl": "high cholesterol",
    "ldl cholesterol": "high cholesterol", "blood sugar": "diabetes",
    "blood sugars": "diabetes", "sugar": "diabetes", "sugars": "diabetes",
    "blood glucose": "diabetes", "glucose": "diabetes", "a1c": "diabetes",
    "uric acid": "high uric acid", "triglycerides": "high triglycerides",
}  # fmt: skip
# ... said of someone's own measure ("for my blood pressure", "to lower her cholesterol"), or
# after a word of taking a drug ("the best medicine for blood pressure"): never an abstract's
# "lowering cholesterol", where the corpora tag the chemical
_TAKEN_FOR_WORDS = (
    r"(?:\b(?:for|(?:to\s+)?(?:lower|lowering|lowers|reduce|reduces|reducing|control|controls|"
    r"controlling|manage|manages|managing|bring down|brings down|bringing down|get down|treat|"
    r"treats|treating))\s+(?:my|his|her|their|your|our|one's)\s+"
    # ... or the treatment of it ("What is the treatment for cholesterol?", "how to treat
    # cholesterol": of the high level, never what cholesterol treats)
    r"|\b(?:medicines?|medications?|meds|pills?|drugs?|tablets?|take|taking|took|best|good|"
    r"prescribed|something|anything|treatments?|cures?|remed(?:y|ies)|therap(?:y|ies))\s+"
    r"(?:for|of)\s+(?:the\s+)?|\b(?:to|how do (?:i|you|we)|how can (?:i|you|we))\s+treat\s+)"
)
TAKEN_FOR_MEASURE = re.compile(
    _TAKEN_FOR_WORDS
    + rf"(?P<measure>{'|'.join(sorted(_MEASURES, key=len, reverse=True))})(?:\s+levels?)?\b"
    r"(?!\s+(?:medic\w*|pills?|meds?|drugs?|tablets?|monitors?|cuffs?|machines?|readings?|"
    r"test\w*|check\w*|meters?|strips?)\b)",
    re.I,
)
_TAKEN_FOR_BEFORE = re.compile(_TAKEN_FOR_WORDS + "$", re.I)


def measure_meant(text: str, start: int, end: int) -> str | None:
    """The name of what the measure ``text[start:end]`` means, said as a drug's purpose ("for
    my blood pressure" → "high blood pressure", "to lower my blood sugar" → "diabetes"); None
    for a measure said otherwise ("What is a normal blood pressure?"), or any other words.

    Example:
        >>> t = "What can I take for my blood pressure?"
        >>> measure_meant(t, 23, 37), measure_meant("a normal blood pressure", 9, 23)
        ('high blood pressure', None)
    """
    said = re.sub(r"\s+levels?$", "", text[start:end].casefold())
    if said not in _MEASURES or not _TAKEN_FOR_BEFORE.search(text, 0, start):
        return None
    return _MEASURES[said]


# a gene's symbol said as what someone has ("someone with G6PD", "my son has MTHFR"), not of
# the gene itself ("with G6PD mutations", "has the G6PD gene")
_HAD_BEFORE = re.compile(r"\b(?:with|have|has|had|having)\s+(?:the\s+)?$", re.I)
_GENE_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:genes?|mutations?|mutated|variants?|alleles?|carriers?|traits?|"
    r"polymorphisms?|deletions?|duplications?|proteins?|enzymes?|levels?|activity|test\w*)\b",
    re.I,
)


def deficiency_meant(text: str, start: int, end: int) -> str | None:
    """The name of the disorder a gene's symbol ``text[start:end]`` stands for when someone is
    said to have it: people write "someone with G6PD" for G6PD deficiency. None when the words
    after are of the gene ("with G6PD mutations") or nothing says anyone has it.

    Example:
        >>> t = "What can someone with G6PD eat?"
        >>> deficiency_meant(t, 22, 26), deficiency_meant("G6PD mutations", 0, 4)
        ('G6PD deficiency', None)
        >>> deficiency_meant("with G6PD mutations", 5, 9) is None
        True
    """
    if not _HAD_BEFORE.search(text, 0, start) or _GENE_AFTER.match(text, end):
        return None
    return f"{text[start:end]} deficiency"


# how a drug is had, before its name ("expired glucosamine caplets", "generic Lipitor")
_AS_SOLD = frozenset("expired generic brand branded old new otc prescription".split())
# the prefix a generic maker sells a drug under ("APO-", "PMS-", "TEVA-", "ratio-", "Sandoz-")
_MAKER = re.compile(
    r"^(?:apo|pms|teva|sandoz|sdz|mylan|ratio|novo|gen|jamp|mint|auro|riva|taro|ran|phl|nu|"
    r"act|mar|dom|van|ava)-([a-z]\S{3,})$",
    re.I,
)
# a short form in capitals and a subtype's designation ("MODY 3", "CMT type 2A", "SCA 3")
_SHORT_SUBTYPE = re.compile(
    r"^([A-Z][A-Z0-9-]{1,7})[ ,]+"
    r"((?:(?:type|subtype|group|form|class) )?(?:\d{1,2}|[IVX]{1,5})[A-Za-z]?\d?)$"
)
_DESIGNATORS = ("type", "subtype", "group", "form", "class")


def _spelling(name: str) -> str:
    """A name's letters and digits, in one case (a gene symbol's spelling)."""
    return "".join(c for c in name.casefold() if c.isalnum())


# an adverb a tagged name runs on into ("HIV-1 infection completely")
_ADVERB = re.compile(r"[a-z]{4,}ly", re.I)
# lay words for the clinical ones names use, and a virus's type number names leave out
_LAY_WORDS = {"broken": "fractured", "busted": "fractured", "cracked": "fractured"}
_VIRUS_TYPE = re.compile(r"\b(hiv|htlv|hsv)-?[12]\b", re.I)
# a part's fracture said the other way round ("nose fracture", "fracture of the nose": HPO's
# Fractured nose, which a likeness reached or missed by a hair)
_PART_FRACTURE = re.compile(
    r"^(?:(\w+) fractures?|fractures? of (?:the |my |his |her |a )?(\w+))$", re.I
)


# what people call a disorder of an organ ("heart problems", "thyroid issues", "kidney
# trouble"): its disease ("heart problems" was *Chest pain* by likeness, "thyroid problems"
# *Thyroid crisis*)
_ORGAN_TROUBLE = re.compile(r"^((?:\w+ )?\w+) (?:problems?|issues?|troubles?)$", re.I)


def reduced_forms(text: str) -> list[str]:
    """Simpler names to try for a mention no name matches: without leading qualifiers, and
    the conjuncts of a coordinated head ("breast and ovarian cancer").

    Example:
        >>> reduced_forms("hereditary retinoblastoma"), reduced_forms("breast and ovarian cancer")
        (['retinoblastoma'], ['breast cancer', 'ovarian cancer'])
        >>> reduced_forms("russell-silver syndrome"), reduced_forms("thyroid problems")
        (['silver-russell syndrome'], ['thyroid disease'])
        >>> reduced_forms("nose fracture"), reduced_forms("fracture of the nose")
        (['fractured nose'], ['nose fracture', 'fractured nose'])
    """
    words = text.split()
    out = said_of_part(text)
    out += located_names(text)
    out += part_does(text)
    out += hurting_part(text)
    # a lay word for the clinical one a name uses ("broken shoulder": fractured shoulder), and
    # a virus's type number a disease's name leaves out ("HIV-1 infection": HIV infection)
    said = " ".join(_LAY_WORDS.get(w.casefold(), w) for w in words)
    said = _VIRUS_TYPE.sub(r"\1", said)
    if said != text:
        out.append(said)
    if m := _ORGAN_TROUBLE.match(text):
        out.append(f"{m.group(1)} disease")
    if m := _PART_FRACTURE.match(text):
        out.append(f"fractured {m.group(1) or m.group(2)}")
    if len(words) >= 3 and words[-1].casefold() in ("level", "levels"):
        # a level said high or low is what is high or low ("high uric acid levels" was
        # *Hyperuricosuria*, by likeness)
        out.append(" ".join(words[:-1]))
    i = 0
    while i < len(words) - 1 and words[i].lower() in QUALIFIERS:
        i += 1
        # one qualifier at a time, the fewest dropped first: "Adult Progressive Spinal
        # Muscular Atrophy" is progressive spinal muscular atrophy before it is SMA
        out.append(" ".join(words[i:]))
    m = _CONJ.match(" ".join(words[i:]))
    if m and len(m.group(1).split()) <= 2:
        head = m.group(3)
        if "-" in m.group(0)[m.end(1) : m.start(2)] and head.casefold() in _EPONYM_HEADS:
            # two people's names, in either order ("Russell-Silver syndrome" is DO's
            # Silver-Russell syndrome), never one of them alone (Silver syndrome is another)
            out.append(f"{m.group(2)}-{m.group(1).strip()} {head}")
        else:
            out += [f"{m.group(1).strip()} {head}", f"{m.group(2)} {head}"]
    return out


# A name inside an unmatched phrase (:func:`inner_names`): the words that may be dropped
# around it are modifiers and dosage forms; a word that turns the name into another thing
# ("non-toxic", "high", "deficiency", "overdose") or a preposition or conjunction (the phrase
# then holds two things) keeps the phrase whole
_STAGE = re.compile(r"^(?:stage|grade|phase|class)$", re.I)
_DOSAGE_FORMS = frozenset(
    """tablet tablets tab tabs caplet caplets capsule capsules pill pills injection injections
    injectable patch patches inhaler inhalers cream creams ointment suspension solution drops
    syrup spray sprays gel liquid lotion oral transdermal topical generic mg mcg ml dose doses
    shot shots elixir chewable extended release er xr sr""".split()
)
# words a tagged span runs on into: the verb after the name ("diabetes affect bowel
# movements", "atypical pneumonia recur"), or the people living with it
_RUN_ON = frozenset(
    """affect affects affected affecting cause causes caused recur recurs return returns go
    goes come comes help helps make makes get gets be is are was were can could will would
    should may might caregivers carers sufferers patients survivors""".split()
)
_TURNING = frozenset(
    """loss lack absence free negative deficiency deficient toxicity toxic poisoning overdose
    allergy allergic intolerance resistance resistant withdrawal abuse dependence addiction
    induced related associated level levels test testing vaccine vaccination after before
    during when due like about than at into vs versus vomiting vomited throwing coughing
    spitting passing""".split()  # "vomiting blood clots" is no thrombosis
)
_KEEPS_WHOLE = _NEGATORS | _MORE | _LESS | _STOP | _TURNING
# the last word of a disorder a substance does, named after it ("paracetamol poisoning" had a
# type fit of 0.6 as a chemical's span: the linker was not sure of it)
_A_SUBSTANCE_DOES = frozenset(
    "poisoning toxicity overdose intoxication withdrawal abuse dependence addiction".split()
)
# a salt or ester after a drug's name: the drug is what is meant ("glucosamine sulphate")
# a head too general to stand for the phrase ("shingles pain" is no question about pain)
_GENERIC_HEADS = frozenset(
    """pain pains ache aches infection infections disease diseases disorder disorders tumor
    tumors tumour tumours cancer cancers neoplasm neoplasms poisoning syndrome problem problems
    condition conditions vaccine vaccines movement movements injury injuries damage swelling
    symptom symptoms issue issues abnormality abnormalities lesion lesions growth growths bleeding
    rash rashes deficiency""".split()
)
INNER_NAME = 0.9  # a name inside the phrase, per step away from it (a broader reading)
# a disorder named with what brings it on before it ("drug-induced asthma", "stress-related
# hair loss"): the rest of the phrase names the disorder
_BY_A_CAUSE = re.compile(r"^(\S+)[- ](?:induced|related|associated|triggered|caused)\s+\w", re.I)


def _other_cause(text: str, name: str) -> bool:
    """Whether ``text`` names a disorder by what brings it on (:data:`_BY_A_CAUSE`) and
    ``name`` says not both that cause and the disorder's last word: a likeness of something
    else ("drug allergy" for "drug-induced asthma"; not "alcohol-associated liver disease" for
    "alcohol-related liver disease").

    Example:
        >>> _other_cause("drug-induced asthma", "drug allergy")
        True
        >>> _other_cause("alcohol-related liver disease", "alcohol-associated liver disease")
        False
    """
    m = _BY_A_CAUSE.match(text)
    if m is None:
        return False
    said = set(normalize_name(name).split())
    return not {normalize_name(m.group(1)), normalize_name(text).split()[-1]} <= said


def _keeps_whole(word: str) -> bool:
    w = word.casefold().strip(".,;:()'\"")
    return w in _KEEPS_WHOLE or w.startswith(("non-", "un-", "anti-", "no-", "hyper", "hypo"))


def inner_names(text: str, chemical: bool = False) -> list[tuple[str, int]]:
    """Shorter phrases to try for a phrase that reaches no node, each with its steps away from
    it (a cut at either end is one step, each modifier dropped from the front one more): its
    head without the modifiers before it ("stage 3/4 pancreatic cancer" → "pancreatic cancer",
    "pitting edema" → "edema"), a drug without its dosage form ("Azithomycin Oral Suspension",
    "transdermal scopolamine patch") and then its salt, and a name the tagger ran on past
    ("diabetes affect bowel movements" → "diabetes"). Longest first. None for a phrase with a
    word that changes what it names when dropped (see ``_KEEPS_WHOLE``), or of two things.

    Example:
        >>> inner_names("stage 3/4 pancreatic cancer"), inner_names("posterior hip pain")
        ([('pancreatic cancer', 1)], [('hip pain', 1)])
        >>> inner_names("non-toxic goiter")
        []
    """
    words = text.split()
    maker = _MAKER.match(words[0]) if words and chemical else None
    if maker:
        # a generic maker's prefix ("apo-mometasone spray", "PMS-Hydrochlorothiazide"): the
        # drug's own name, one step away, then what is inside that
        rest = " ".join([maker.group(1), *words[1:]])
        return [(rest, 1), *((n, d + 1) for n, d in inner_names(rest, chemical=True))]
    if len(words) < 2:
        return []
    # a name the tagger ran on past: cut at the first word that is none of a name's (a verb,
    # an adverb: "HIV-1 infection completely")
    ran_on = (
        i for i, w in enumerate(words) if i and (w.casefold() in _RUN_ON or _ADVERB.fullmatch(w))
    )
    end = next(ran_on, len(words))
    # a dosage form after a drug's name
    while end > 1 and words[end - 1].casefold().strip(".,") in _DOSAGE_FORMS:
        end -= 1
    # dosage forms, numbers and a stage before it
    start = 0
    while start < end - 1 and (
        words[start].casefold() in _DOSAGE_FORMS
        or (chemical and words[start].casefold() in _AS_SOLD)
        or _STAGE.match(words[start])
        or re.fullmatch(r"[\d/.,-]+(?:mg|mcg|ml)?|[ivx]+|[0-9]+[a-c]?", words[start], re.I)
    ):
        start += 1
    out: list[tuple[str, int]] = []
    kept = words[start:end]
    if any(_keeps_whole(w) for w in words[:start] + words[end:]) or any(
        w.casefold() in _STOP or not w[-1].isalnum() for w in kept
    ):
        return out  # a word that turns the name, or a phrase of two things ("X and Y", "X, Y")
    # what was cut so far counts as one step, whatever its length
    cut = int((start, end) != (0, len(words)))
    if cut:
        out.append((" ".join(kept), cut))
    if chemical:
        # a drug's last word is often its salt ("esomeprazole magnesium"), no head: the drug
        # without its salt comes after the drug with it ("testosterone cypionate")
        if end - start > 1 and kept[-1].casefold() in SALT_WORDS:
            out.append((" ".join(kept[:-1]), cut + 1))
        return out
    # the head: drop modifiers from the front, one at a time, down to a head that says more
    # than a general word ("hip pain", not "pain")
    for i in range(start + 1, end):
        if _keeps_whole(words[i - 1]) or (i == end - 1 and words[i].casefold() in _GENERIC_HEADS):
            break
        if len(words[i]) == 1 or words[i].isdigit():
            continue  # a letter or a number goes with the word before it ("vitamin D")
        # a qualifier the corpora fold into the concept ("severe", "chronic") costs no step
        steps = sum(w.casefold() not in QUALIFIERS for w in words[start:i])
        out.append((" ".join(words[i:end]), cut + steps))
    return out


def type_fit(kind: str, node: Node) -> float:
    return TYPE_FIT.get(kind, {}).get(node.cls, OTHER_FIT)


class CandidateGenerator:
    """Ranks graph nodes for a mention's text, type and context."""

    def __init__(
        self,
        kg: KnowledgeGraph,
        dense: NameIndex | None = None,
        annotated: AnnotatedNames | None = None,
    ) -> None:
        self.kg = kg
        self.dense = dense
        self.annotated = annotated
        self._curated_cache: dict[str, frozenset[str]] = {}
        self._fuzzy_keys: dict[str, list[str]] | None = None
        # needs_dense() and rank() ask for the same mention's names: look each text up once
        self._names = functools.lru_cache(maxsize=4096)(self._lookup_names)
        self._bridge = functools.lru_cache(maxsize=4096)(self._bridge_node)
        # annotated lookups (and the ancestor walk that may follow) once per text too
        self._sourced_cache = functools.lru_cache(maxsize=4096)(self._sourced_uncached)
        self._fuzzy_iris: dict[str, list[list[str]]] | None = None
        self._fuzzy_lens: dict[str, list[int]] = {}
        self._fuzzy_order: dict[str, list[int]] = {}
        self._acronyms: dict[str, set[str]] = {}
        # the words of disease and phenotype names (with how many names hold each), read once
        self._name_words: dict[str, int] | None = None
        self._words_by_start: dict[tuple[str, int], list[str]] = {}
        self._keys_by_sound: dict[tuple[str, int], list[tuple[str, str]]] = {}
        self._drug_sounds: dict[str, list[str]] | None = None

    # -- sources -----------------------------------------------------------------------------
    def _lookup_names(self, text: str) -> tuple[tuple[Node, float, MatchKind, str], ...]:
        out = []
        # a short form in capitals ending in S is its own ("CRPS", "POTS"), not the plural of
        # the one without it (CRP, the gene): the name key made them one
        own_s = text.isupper() and text.endswith("S") and text.isalpha() and len(text) <= 6
        # an English word in lower case is no short form in capitals ("mad" in "mad cow
        # disease" is not MAD, mandibuloacral dysplasia; "get" not GET); "cftr" is CFTR
        word = text.islower() and text.isalpha() and text in _english_words()
        found = self.kg.find(text, limit=25)
        plural = not found and _CAPS_PLURAL.fullmatch(text) is not None
        if plural:
            # the plural of a short form in capitals ("PPIs", "SSRIs", "MAOIs"): the name key
            # keeps the s of a word in -is (arthritis), so the short form is looked up bare
            found = self.kg.find(text[:-1], limit=25)
        # ... and the plural of a short form ("CRPs") is not the one that ends in a capital S
        # (CRPS, complex regional pain syndrome)
        caps_plural = text[-1:] == "s" and text[:-1].isupper() and text[:-1].isalpha()
        for m in found:
            if own_s and m.match == "normalized" and m.name.upper() == text[:-1]:
                continue
            if caps_plural and m.name == text[:-1] + "S":
                continue
            if word and short_form_in_capitals(m.name):
                continue
            spelt = {_spelling(text), _spelling(text[:-1])}
            if (m.match == "normalized" and m.node.cls == "Gene" and " " not in m.name
                    and _spelling(m.name) not in spelt):  # fmt: skip
                # a gene symbol is spelt exactly, or in the plural ("CRPs"): "HELL" (in "WHAT
                # THE HELL ...") is no HELLS
                continue
            if m.match == "id" or (
                m.match == "exact" and m.name.casefold() == m.node.label.casefold()
            ):
                base = 1.0
            elif m.match == "exact" and m.kind == "label":
                base = 0.98  # another source's label of the node ("Aniridia" on "aniridia 1")
            elif m.match == "exact":
                base = 0.97
            else:
                base = 0.93
            if plural:
                base = min(base, 0.93)  # as a name matched but for its form
            if m.match == "exact" and has_cjk(text):
                # a Chinese name shared by several nodes belongs to the one it is the only
                # Chinese name of: 软骨发育不全 is achondroplasia, and only loosely a name of
                # chondrodysplasia Blomstrand type, whose own is Blomstrand型骨软骨发育不良
                others = len(self.kg.chinese_labels(m.node)) - 1
                base -= SHARED_ZH_NAME * min(max(others, 0), 5)
            out.append((m.node, base, m.match, m.name))
        if has_cjk(text) and sum(how == "exact" for _, _, how, _ in out) > 1:
            # still tied: the term more diseases are annotated with (CHPO calls both Cutaneous
            # telangiectasia and Telangiectasia of the skin 皮肤毛细血管扩张)
            used = {n.iri: self.kg.diseases_showing(n)
                    for n, _, how, _ in out if how == "exact" and n.cls == "Phenotype"}  # fmt: skip
            order = sorted(used, key=lambda iri: -used[iri])
            out = [(n, b - ZH_TIE * order.index(n.iri) if n.iri in used else b, how, name)
                   for n, b, how, name in out]  # fmt: skip
        return tuple(out)

    def _sourced(
        self, text: str, annotated: bool = True
    ) -> list[tuple[Node, float, MatchKind, str]]:
        return list(self._sourced_cache(text, annotated))

    def _sourced_uncached(
        self, text: str, annotated: bool
    ) -> tuple[tuple[Node, float, MatchKind, str], ...]:
        """Name matches, led by the corpus annotators' node for this text when there is one
        (the other nodes' names then count a little less)."""
        raw = list(self._names(text))
        hit = self.annotated.get(text) if annotated and self.annotated is not None else None
        node = self.kg.node(hit.iri) if hit is not None else None
        if node is None:
            return tuple(raw)
        if self._names_class_of(node, raw):
            # annotators coded a class mention with one member ("statins" as simvastatin, 9
            # times in one BC5CDR abstract): a text that names the class means the class
            return (*raw, (node, ANNOTATED_MEMBER, "annotated", text))
        named = [n for n, b, _, _ in raw if b >= 0.97 and n.iri != node.iri and n.cls == node.cls]
        # the text is another drug's own label ("escitalopram", which MeSH 2015 and so the
        # annotators file under citalopram, the racemate; a disease's annotation stands: NCBI
        # acc@1 lost 0.005 when diseases followed this rule too)
        own_label = node.cls == "Chemical" and any(
            b >= 1.0 and how == "exact" and n.iri != node.iri and n.cls == node.cls
            for n, b, how, _ in raw
        )
        # the text is another disease's own label and no name of the annotated node at all:
        # the heading the annotators coded ("skin cancer" as MeSH's Skin Neoplasms) came to a
        # node of another name when sources were merged (DO's *skin benign neoplasm*)
        other_label = node.cls == "Disease" and not any(n.iri == node.iri for n, *_ in raw) and any(
            b >= 1.0 and how == "exact" and n.iri != node.iri and n.cls == node.cls
            and normalize_name(n.label) == normalize_name(text)
            for n, b, how, _ in raw
        )  # fmt: skip
        if named and (
            node.curie.startswith("MESH:")
            or own_label
            or other_label
            or any(node in self.kg.ancestors(n) for n in named)
        ):
            # annotators code the closest MeSH heading; a concept the text names exactly
            # yields only to a concept as specific: "skin cancer" stays DO skin cancer, not
            # MeSH-only "Skin Neoplasms"; "familial hemiplegic migraine" stays itself, not
            # its DO parent "migraine with aura" (the heading it was coded with)
            return (*raw, (node, ANNOTATED_BROADER, "annotated", text))
        out = [
            (n, b if n.iri == node.iri else b * BELOW_ANNOTATED, how, nm) for n, b, how, nm in raw
        ]
        return (*out, (node, 1.0, "annotated", text))  # a name of the node itself shows first

    def _a_word_not_a_short_form(self, text: str, node: Node, name: str) -> bool:
        """Whether ``text`` is an English word in lower case ("pale") that a source gives a
        node as a short form in capitals (PALE, posttransplant acute limbic encephalitis):
        a word, then, unless kgqa's lexicon gives the node that short form ("pots": POTS).
        Short words stay short forms people write in lower case ("als")."""
        from kgqa.encoder import base_vocabulary

        return (len(text) >= 4 and text.islower() and name.casefold() == text
                and is_short_form(name) and text in base_vocabulary()
                and normalize_name(name) not in self._curated(node))  # fmt: skip

    def _curated(self, node: Node) -> frozenset[str]:
        """The keys of the names kgqa's lexicon gives ``node`` (read once per node)."""
        got = self._curated_cache.get(node.iri)
        if got is None:
            got = self._curated_cache[node.iri] = self.kg.curated_keys(node)
        return got

    def _names_class_of(self, node: Node, raw: Sequence[tuple[Node, float, MatchKind, str]]
                        ) -> bool:  # fmt: skip
        """Whether the text names (closely) a drug class that ``node``, a drug, belongs to."""
        classes = [n for n, b, _, _ in raw if n.cls == "DrugClass" and b >= CLASS_NAMED]
        if not classes or node.cls not in ("Chemical", "Drug"):
            return False
        member_of = {t.object.iri for t in self.kg.neighbours(node, relation="inDrugClass")}
        return any(c.iri in member_of for c in classes)

    def _extensions(self, text: str) -> list[tuple[Node, float, MatchKind, str]]:
        """Names that extend the mention by one or two words ("type 2 diabetes" →
        "type 2 diabetes mellitus"), for mentions a little shorter than any name."""
        key = normalize_name(text)
        if len(key) < 5:
            return []
        # an eponym in the possessive stands for its disease ("Parkinson's", "Graves'",
        # "parkinsons"): "X's disease", else "X's syndrome" ("Sjogrens"), is what it names,
        # before "X's colitis" or "X disease 1"
        out = []
        if _POSSESSIVE.search(text) is not None and len(key.split()) == 1:
            for head, weight in ELLIPTIC_HEADS:
                out += [(n, b * weight, how, nm)
                        for n, b, how, nm in self._names(f"{text} {head}")]  # fmt: skip
        one_word = len(key.split()) == 1
        for iri, name, full in self.kg.names_extending(key):
            extra = len(full.split()) - len(key.split())
            if one_word and not set(full.split()[1:]) <= _GENERIC_TAILS:
                # one word extended by words that make it another thing ("exercise" is no
                # "exercise intolerance", "iron" no "iron deficiency")
                continue
            node = self.kg.node(iri)
            if node is not None and 1 <= extra <= 2:
                out.append((node, 0.92 - 0.04 * extra, "normalized", name))
        return out

    def _load_fuzzy(self) -> None:
        keys: dict[str, dict[str, list[str]]] = {}
        for iri, name, key, cls in self.kg.english_names():
            kind = CLASS_TYPE.get(cls)
            # a short form in capitals is misspelt by no one: "covid" is no slip of CVID
            if kind and kind != "GENE" and len(key) >= 4 and not short_form_in_capitals(name):
                keys.setdefault(kind, {}).setdefault(key, []).append(iri)
        # by length, so that a mention is compared only with names of a length that can reach
        # the cut-off; ``_fuzzy_order`` keeps the graph's name order, which settles ties
        self._fuzzy_keys, self._fuzzy_iris, self._fuzzy_lens, self._fuzzy_order = {}, {}, {}, {}
        for k, v in keys.items():
            items = sorted(enumerate(v.items()), key=lambda x: len(x[1][0]))
            self._fuzzy_keys[k] = [key for _, (key, _) in items]
            self._fuzzy_iris[k] = [iris for _, (_, iris) in items]
            self._fuzzy_lens[k] = [len(key) for _, (key, _) in items]
            self._fuzzy_order[k] = [i for i, _ in items]
        acronyms: dict[str, set[str]] = {}
        for key, iris in keys.get("DISEASE", {}).items():
            words = key.split()
            if 3 <= len(words) <= 6 and not any(w.isdigit() for w in words):
                acronyms.setdefault("".join(w[0] for w in words), set()).update(iris)
        self._acronyms = acronyms

    def _acronym(self, text: str, kind: str) -> list[tuple[Node, float, MatchKind, str]]:
        """An undefined short form that spells the initials of exactly one disease's names
        ("EDMD": Emery-Dreifuss muscular dystrophy). Ambiguous ones (SJS: Stevens-Johnson or
        Schwartz-Jampel syndrome) give nothing."""
        if kind not in DISORDERS or not _ACRONYM.fullmatch(text):
            return []
        if self._fuzzy_keys is None:
            self._load_fuzzy()
        iris = self._acronyms.get(text.lower().replace("-", ""), set())
        node = self.kg.node(next(iter(iris))) if len(iris) == 1 else None
        return [(node, ACRONYM, "abbreviation", text)] if node is not None else []

    def _fuzzy(self, text: str, kind: str) -> list[tuple[Node, float, MatchKind, str]]:
        key = normalize_name(text)
        if len(key) < 5 or kind == "GENE":
            return []
        if self._fuzzy_keys is None:
            self._load_fuzzy()
        assert self._fuzzy_keys is not None and self._fuzzy_iris is not None
        out = self._fuzzy_in(key, [kind] if kind in self._fuzzy_keys else list(self._fuzzy_keys))
        if not out and len(key) >= FUZZY_ANY_KIND_CHARS:
            # a misspelt word is one the tagger never saw: its type is a guess too
            # ("Thalassamia major" tagged a chemical)
            out = self._fuzzy_in(key, [k for k in self._fuzzy_keys if k != kind])
        return out

    def respelt_drug(self, word: str, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """The candidates of a one-word drug name that nothing found, or the dense search
        alone below :data:`DENSE_DRUG_SURE`: a drug name that opens with the same
        :data:`DRUG_STEM_CHARS` letters and is spelt nearly so (rapidfuzz ratio
        :data:`DRUG_RESPELT_CUTOFF` or more: "ciprofaxin" is ciprofloxacin, four slips);
        else the dense candidates whose names are spelt alike; else none. A drug name is
        letters, not meaning: "ciprofaxin" found *cefalexin pivoxil* (0.61) and "neuroaid",
        a product the graph does not have, *Neurokinin A*; a question answered about those
        is answered about another drug."""
        from rapidfuzz import fuzz

        key = normalize_name(word)
        if len(key) <= DRUG_STEM_CHARS:
            return cands
        if self._fuzzy_keys is None:
            self._load_fuzzy()
        stem = key[:DRUG_STEM_CHARS]
        found: dict[str, Candidate] = {}
        ends: set[str] = set()
        for node, score, how, name in self._fuzzy_in(key, ["CHEMICAL"], DRUG_RESPELT_CUTOFF,
                                                     slips=False):  # fmt: skip
            # five letters in common is a stem many drugs share ("neuro-": "neuroaid" is no
            # neurocan, ratio 75): the name must then be nearer
            shared = next((i for i, (x, y) in enumerate(zip(key, name, strict=False)) if x != y),
                          min(len(key), len(name)))  # fmt: skip
            near = shared > DRUG_STEM_CHARS or fuzz.ratio(key, name) >= DRUG_RESPELT_SURE
            if name[:DRUG_STEM_CHARS] == stem and " " not in name and near:
                found.setdefault(node.iri, Candidate(node, score, how, name))
                if shared > DRUG_STEM_CHARS and key[-DRUG_END_CHARS:] == name[-DRUG_END_CHARS:]:
                    ends.add(node.iri)
        if len(found) == 1 and ends:
            # the one drug name that opens and ends as the word does, nearer than any other
            # in its first letters: a slip in the middle, sure enough to use ("ciprofaxin" is
            # ciprofloxacin at ratio 78, 0.70, which was too unsure to answer about)
            only = next(iter(found.values()))
            return (Candidate(only.node, max(only.score, FUZZY_SURE), only.match, only.name),)
        slipped = self.misspelt_drug(key)
        sure = {c.node.iri for c in slipped}
        if found and sure and sure <= found.keys():
            # the drug name a slip away or spelt as it sounds is among those spelt alike:
            # sure enough to use ("benmoksin" is benmoxin, ratio 82, 0.74 alone)
            return (*slipped, *(c for iri, c in found.items() if iri not in sure))
        if found:
            return tuple(found.values())
        if slipped:
            return slipped
        # (a name that holds the word as written is no misspelling of it: "fluticasone" found
        # *Fluticasone furoate*)
        return tuple(c for c in cands if key in normalize_name(c.name).split()
                     or (fuzz.ratio(key, normalize_name(c.name)) >= DRUG_RESPELT_CUTOFF
                         and not _other_prefix(key, normalize_name(c.name))))  # fmt: skip

    def misspelt_drug(self, key: str) -> tuple[Candidate, ...]:
        """The one-word drug name ``key`` misspells: one slip anywhere after its first
        letter (a letter left out, added, changed or two swapped: "amvien" is Ambien), else
        spelt as it sounds (the same :func:`sound_key`: "morfine", two slips from morphine,
        "triptofan" tryptophan, "kloramfenicol" chloramphenicol), when
        ``key`` has :data:`ONE_SLIP_DRUG_CHARS` letters or more and no other drug name is as
        near; at :data:`FUZZY_SURE`."""
        if len(key) < ONE_SLIP_DRUG_CHARS or not key.isalpha():
            return ()
        if self._fuzzy_keys is None:
            self._load_fuzzy()
        assert self._fuzzy_keys is not None and self._fuzzy_iris is not None
        lens, keys = self._fuzzy_lens["CHEMICAL"], self._fuzzy_keys["CHEMICAL"]
        lo, hi = bisect.bisect_left(lens, len(key) - 1), bisect.bisect_right(lens, len(key) + 1)
        pool = [k for k in keys[lo:hi] if k[0] == key[0] and " " not in k]
        near = {w for _, w in slips_from(key, pool, 1)}
        if not near:
            near = set(self._drugs_by_sound().get(sound_key(key), ())) - {key}
        near = {w for w in near if not _other_prefix(w, key)}

        def iris_of(name: str) -> tuple[str, ...]:
            at = bisect.bisect_left(lens, len(name))
            return tuple(dict.fromkeys(self._fuzzy_iris["CHEMICAL"][keys.index(name, at)]))

        named = {name: iris_of(name) for name in sorted(near)}
        if len(set(named.values())) != 1:
            # none, or two drugs as near ("creatiine": creatine or creatinine); two names of
            # one drug are one ("sephaloglysin" sounds as cephaloglycin and cefaloglycin)
            return ()
        name, iris = next(iter(named.items()))
        nodes = [n for n in (self.kg.node(i) for i in iris) if n is not None]
        return tuple(Candidate(n, FUZZY_SURE, "fuzzy", name) for n in nodes)

    def _drugs_by_sound(self) -> dict[str, list[str]]:
        """The one-word drug names of :data:`ONE_SLIP_DRUG_CHARS` letters or more, by their
        :func:`sound_key`."""
        if self._drug_sounds is None:
            assert self._fuzzy_keys is not None
            by: dict[str, list[str]] = {}
            for k in self._fuzzy_keys["CHEMICAL"]:
                if len(k) >= ONE_SLIP_DRUG_CHARS and k.isalpha():
                    by.setdefault(sound_key(k), []).append(k)
            self._drug_sounds = by
        return self._drug_sounds

    def _fuzzy_in(self, key: str, kinds: list[str], cutoff: float = FUZZY_CUTOFF,
                  slips: bool = True) -> list[tuple[Node, float, MatchKind, str]]:  # fmt: skip
        assert self._fuzzy_keys is not None and self._fuzzy_iris is not None
        from rapidfuzz import fuzz, process

        out = []
        c = cutoff / 100.0
        for k in kinds:
            # fuzz.ratio is at most 200·min(n, m) / (n + m) for lengths n and m
            lens, order = self._fuzzy_lens[k], self._fuzzy_order[k]
            lo = bisect.bisect_left(lens, len(key) * c / (2 - c) - 1e-9)
            hi = bisect.bisect_right(lens, len(key) * (2 - c) / c + 1e-9)
            near = process.extract(
                key,
                self._fuzzy_keys[k][lo:hi],
                scorer=fuzz.ratio,
                limit=None,
                score_cutoff=cutoff,
            )
            # the best five, ties in the graph's name order, as a scan of every name gives them
            hits = sorted(
                (
                    (name, ratio, lo + i)
                    for name, ratio, i in near
                    if same_sense(key, name) and (not slips or slipped_words(key, name))
                ),
                key=lambda h: (-h[1], order[h[2]]),
            )[:5]
            for name, ratio, idx in hits:
                for iri in self._fuzzy_iris[k][idx]:
                    node = self.kg.node(iri)
                    if node is not None:
                        out.append((node, 0.9 * ratio / 100.0, "fuzzy", name))
        return out

    def dense_hits(self, vectors: np.ndarray, respelt: Sequence[bool] | None = None
                   ) -> list[list[tuple[Node, float, MatchKind, str]]]:  # fmt: skip
        """Nearest graph names (cosine ×0.9) and nearest annotated mention texts (cosine ×1.0:
        a mention worded like one annotators linked is as good as a name match; ×0.9 for a
        query ``respelt`` by :meth:`dense_text`, whose words are a guess: "tuberchlosis" spelt
        right is as near MeSH's *Tuberculosis*, as annotators coded it, as DO's name)."""
        out: list[list[tuple[Node, float, MatchKind, str]]] = [[] for _ in range(len(vectors))]
        if len(vectors) == 0:
            return out
        sources = []
        if self.dense is not None:
            sources.append((self.dense.search(vectors, DENSE_K), DENSE_WEIGHT))
        if self.annotated is not None:
            sources.append((self.annotated.search(vectors, ANNOTATED_K), ANNOTATED_DENSE_WEIGHT))
        guessed = list(respelt) if respelt is not None else [False] * len(vectors)
        for results, weight in sources:
            for row, hits, guess in zip(out, results, guessed, strict=True):
                w = min(weight, DENSE_WEIGHT) if guess else weight
                for h in hits:
                    node = self.kg.node(h.iri)
                    if node is not None:
                        row.append((node, w * max(0.0, h.score), "dense", h.name))
        return out

    def _bridge_node(self, iri: str, cls: str) -> Node | None:
        """The one node of ``cls`` sharing a UMLS concept with node ``iri``, if exactly one."""
        node = self.kg.node(iri)
        if node is None:
            return None
        cuis = [i for i in self.kg.ids(node) if i.startswith("UMLS:")]
        found = {n.iri: n for n in self.kg.lookup_ids(cuis) if n.cls == cls and n.iri != iri}
        return next(iter(found.values())) if len(found) == 1 else None

    def _bridges(
        self, kind: str, raw: Sequence[tuple[Node, float, MatchKind, str]]
    ) -> list[tuple[Node, float, MatchKind, str]]:
        """HPO and DO describe some concepts twice ("Tumor" is HPO *Neoplasm*; DO *cancer*
        carries the same UMLS concept). A name matching only the other class's node reaches
        the mention type's node through the shared UMLS id, one step below a direct match."""
        want = {"DISEASE": "Disease", "PHENOTYPE": "Phenotype"}.get(kind)
        if want is None or any(n.cls == want for n, _, how, _ in raw if how != "dense"):
            return []
        out = []
        for node, base, how, name in raw:
            if how in ("annotated", "id", "exact", "normalized") and node.cls in (
                "Disease",
                "Phenotype",
            ):
                other = self._bridge(node.iri, want)
                if other is not None:
                    out.append((other, base * 0.98, how, name))
        return out

    def warm(self) -> None:
        """Read the name dictionaries the fuzzy match and the spelling need now (about two
        seconds) rather than at the first misspelt question."""
        if self._fuzzy_keys is None:
            self._load_fuzzy()
        if self._name_words is None:
            self._load_name_words()

    def spelt_like(self, word: str) -> str | None:
        """The word of the graph's English disease and phenotype names that ``word`` (lower
        case) misspells: one slip away (a letter left out, added, changed or two swapped),
        with the same last letter, the same first letter (or a vowel for a vowel: "adema" →
        edema) and five letters or more, the one in most names when several are as near
        ("presure" → pressure, "desease" → disease). None when no such word is near, or
        ``word`` is one itself (in three names or more). Two slips are too many below
        ``TWO_SLIPS_FROM`` letters ("prognosis" would be "proptosis"); the nearest word wins,
        and a word never loses or gains a part that names an opposite (hyper / hypo ...).
        A word spelt as a name's word sounds (:meth:`_sounds_like`) is that word before any a
        slip away ("sirosis" → cirrhosis, "exema" → eczema, not edema)."""
        if self._name_words is None:
            self._load_name_words()
        assert self._name_words is not None
        if self._name_words.get(word, 0) >= NAME_WORD_NAMES:
            return None  # a word of the names (one or two names may hold a misspelling)
        # never to a word of fewer than three names (too often a short form: "Sandoz" is no
        # "sando"), and with the same last letter (a changed ending is another word form, no
        # slip: "abusers", "diseased", "hypothermic" are not "abuse", "disease", "hypothermia")
        # a word that opens with a vowel may open with another ("adema" is edema, "ecxema"
        # eczema); the other letters open it as written
        starts = _VOWELS if word[0] in _VOWELS else word[0]
        # a long word may hold two slips ("hemmorhage", "supernuclear"), never one that turns
        # it into its opposite ("hypernatraemia" is no hyponatremia)
        most = 2 if len(word) >= TWO_SLIPS_FROM else 1
        pool = [w for n in range(max(5, len(word) - most), len(word) + most + 1)
                for first in starts for w in self._words_by_start.get((first, n), ())
                if self._name_words[w] >= NAME_WORD_NAMES and w[-1] == word[-1]
                and _opposites(w) == _opposites(word)]  # fmt: skip
        near = [(d, -self._name_words[w], w) for d, w in slips_from(word, pool, most)]
        # a word spelt as another sounds is that word before one a slip from it ("exema" is
        # eczema, not edema); one a vowel's slip from how it sounds is as near as a slip
        # ("stroak": stroke, in more names than streak)
        heard = self._sounds_like(word)
        if heard is not None and heard[0] == 0:
            return heard[1]
        if heard is not None:
            near.append((heard[0], -self._name_words[heard[1]], heard[1]))
        return min(near)[2] if near else None

    def _sounds_like(self, word: str) -> tuple[int, str] | None:
        """(slips, word): the word of the disorder names (in three or more) that ``word``
        spells as it sounds: of the same :func:`sound_key` ("sirosis" → cirrhosis, "phlem" →
        phlegm), or, at six letters or more, of the same consonants and a vowel's slip from
        it ("nuemonia" → pneumonia, "stroak" → stroke, "hemroid" → hemorrhoid), two at
        ``TWO_SLIPS_FROM`` letters or more ("vericoceal" → varicocele); the nearest,
        then the one in most names. None when none, or two words are as near and in as many
        names."""
        assert self._name_words is not None
        key = sound_key(word)
        if len(key) < 4:
            return None
        most = 2 if len(word) >= TWO_SLIPS_FROM else 1 if len(word) >= 6 else 0
        bones = _VOWEL.sub("", key)
        pool = {k: w for n in range(len(key) - most, len(key) + most + 1)
                for k, w in self._keys_by_sound.get((key[0], n), ())
                if _VOWEL.sub("", k) == bones
                and _opposites(w) == _opposites(word)}  # fmt: skip
        near = sorted(
            (d, -self._name_words[pool[k]], pool[k]) for d, k in slips_from(key, pool, most)
        )
        if not near or (len(near) > 1 and near[1][:2] == near[0][:2]):
            return None
        return near[0][0], near[0][2]

    def _respelt(self, text: str) -> tuple[list[tuple[Node, float, MatchKind, str]], set[str]]:
        """The names a disorder mention says with its misspelt words spelt right ("nausia"
        → nausea, a slip too many for the fuzzy match in a short word), as fuzzy matches at
        0.9; and the nodes named exactly so."""
        words = normalize_name(text).split()
        if not words or len(words) > 4:
            return [], set()
        fixed = [(self.spelt_like(w) if len(w) >= 5 and w.isalpha() else None) or w
                 for w in self._joined(words)]  # fmt: skip
        if fixed == words:
            return [], set()
        found = [x for x in self._names(" ".join(fixed)) if x[2] in ("exact", "normalized", "id")]
        exact = {n.iri for n, _, how, _ in found if how == "exact"}
        # a name spelt right by guess cannot say a label from a synonym: each node it names
        # exactly is as likely, and the ranking's ties decide (no subtype number, then DO
        # first: "alzheimers desease" is DO's Alzheimer's disease, not HPO's "Alzheimer
        # disease" by its label, nor "Alzheimer's disease 1")
        return [
            (n, 0.9 if n.iri in exact else b * 0.9, "fuzzy", nm) for n, b, _, nm in found
        ], exact

    def _joined(self, words: list[str]) -> list[str]:
        """The words, with two that one word of the disorder names (in three or more) is
        written apart in joined ("neuro fibromatosis" → neurofibromatosis, "poly cystic" →
        polycystic), the first such pair first.

        Example:
            >>> g = CandidateGenerator.__new__(CandidateGenerator)
            >>> g._name_words = {"neurofibromatosis": 29, "fibromatosis": 50}
            >>> g._joined(["neuro", "fibromatosis", "type", "1"])
            ['neurofibromatosis', 'type', '1']
        """
        if self._name_words is None:
            self._load_name_words()
        assert self._name_words is not None
        out: list[str] = []
        i = 0
        while i < len(words):
            pair = words[i] + words[i + 1] if i + 1 < len(words) else ""
            if pair.isalpha() and self._name_words.get(pair, 0) >= NAME_WORD_NAMES:
                out.append(pair)
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out

    def dense_text(self, text: str, kind: str) -> str:
        """What the dense search reads for a disorder mention: the words as meant, without
        those that only say whose it is or how it goes ("My teeth gum blood coming" → "teeth
        gum blood coming", "errection problem" → "erection problem", "hands hurt sharply when
        working" → "hands hurt"). Other kinds, and a mention left with no word, read as
        written."""
        if kind not in DISORDERS:
            return text
        words = text.split()
        cut = next((i for i, w in enumerate(words) if i and _DENSE_TAIL.fullmatch(w)), None)
        words = words[:cut]
        while words and words[0].casefold() in _DENSE_LEAD:
            words = words[1:]
        if not words:
            return text
        from kgqa.encoder import base_vocabulary

        # only a word the encoder's vocabulary does not know is taken for a misspelling
        # ("minus" is no "manus": "5q minus syndrome" fell under the NIL threshold)
        known = base_vocabulary()
        fixed = []
        for w in words:
            low = w.casefold()
            slip = len(low) >= 5 and low.isalpha() and low not in known
            fixed.append((self.spelt_like(low) if slip else None) or w)
        return " ".join(fixed)

    def _load_name_words(self) -> None:
        counts: dict[str, int] = {}
        for _iri, _name, key, cls in self.kg.english_names():
            if CLASS_TYPE.get(cls) in DISORDERS:
                for w in key.split():
                    if len(w) >= 4 and w.isalpha():
                        counts[w] = counts.get(w, 0) + 1
        self._index_name_words(counts)
        # a word of a lay name kgqa's lexicon gives is what people write, however few names
        # hold it ("shingles", in two: "shingels" is shingles), unless it is a name's word
        # written as it sounds (the lexicon's "hemroids" is hemorrhoid's, and stays so)
        lay = {w for key, cls in self.kg.lexicon_keys() if CLASS_TYPE.get(cls) in DISORDERS
               for w in key.split() if len(w) >= 4 and w.isalpha()
               and counts.get(w, 0) < NAME_WORD_NAMES}  # fmt: skip
        lay = {w for w in lay if self._sounds_like(w) is None}
        heard = {k for bucket in self._keys_by_sound.values() for k, _ in bucket}
        for w in sorted(lay):  # into the index as _index_name_words would put them
            if w not in counts:
                self._words_by_start.setdefault((w[0], len(w)), []).append(w)
            counts[w] = NAME_WORD_NAMES
            if (k := sound_key(w)) not in heard:
                heard.add(k)
                self._keys_by_sound.setdefault((k[0], len(k)), []).append((k, w))

    def _index_name_words(self, counts: dict[str, int]) -> None:
        """Index the words of the disorder names (with how many names hold each) by first
        letter and length, and the words in three names or more by how they sound."""
        by_start: dict[tuple[str, int], list[str]] = {}
        heard: dict[str, str] = {}  # one word per key: the one in most names ("diarrhea")
        for w in sorted(counts):
            by_start.setdefault((w[0], len(w)), []).append(w)
            if counts[w] >= NAME_WORD_NAMES and (
                (k := sound_key(w)) not in heard or counts[w] > counts[heard[k]]
            ):
                heard[k] = w
        by_sound: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for k, w in sorted(heard.items()):
            by_sound.setdefault((k[0], len(k)), []).append((k, w))
        self._name_words, self._words_by_start = counts, by_start
        self._keys_by_sound = by_sound

    # -- ranking -----------------------------------------------------------------------------
    def _inner(self, text: str, kind: str) -> list[tuple[Node, float, MatchKind, str]]:
        """The nodes a name inside the phrase names (:func:`inner_names`), the longest such
        name only, each step costing ``INNER_NAME``: a broader reading of a phrase that
        reaches nothing whole."""
        for part, dropped in inner_names(text, chemical=kind == "CHEMICAL"):
            named = (
                self._names(part)
                or self._extensions(part)  # "diabetes": ... mellitus
                or [x for f in reduced_forms(part) for x in self._names(f)]
            )
            own = OWN_NAMES
            if not named and len(part.split()) == 1:
                # a lone word misspelt ("Azithomycin Oral Suspension": azithromycin)
                named, own = self._fuzzy(part, kind), OWN_NAMES | {"fuzzy"}
            hits = [(n, b * INNER_NAME**dropped, how, nm) for n, b, how, nm in named
                    if how in own and type_fit(kind, n) >= INNER_NAME]  # fmt: skip
            if hits:
                return self._kind_named_first(text, hits) or hits
        return []

    def _kind_named_first(self, text: str, hits: list[tuple[Node, float, MatchKind, str]]
                          ) -> list[tuple[Node, float, MatchKind, str]]:  # fmt: skip
        """The disease a short form in capitals opening the phrase names, when it is a kind of
        what the phrase's head names ("CMT periphical neuropathy" is Charcot-Marie-Tooth
        disease, a neuropathy, not neuropathy), at the head's score; else empty."""
        first = text.split()[0]
        if not is_short_form(first) or len(text.split()) < 2:
            return []
        heads = {n.iri for n, *_ in hits}
        best = max(b for _, b, *_ in hits)
        return [(n, best, how, nm) for n, _, how, nm in self._names(first)
                if how in OWN_NAMES and n.cls == "Disease"
                and heads & {a.iri for a in self.kg.ancestors(n)}]  # fmt: skip

    def name_matches(self, text: str) -> tuple[tuple[Node, float, MatchKind, str], ...]:
        """(node, base score, how, matched name) of the graph names ``text`` matches, looked
        up once per text (the linker's type check, ``needs_dense`` and ``rank`` share it)."""
        return self._names(text)

    def needs_dense(self, text: str) -> bool:
        """Dense search is only worth it when no name of a linkable node matches: a name only
        SIDER's unmapped side-effect terms hold ("Metastatic malignant melanoma", "Atypical
        pneumonia") still needs the disease and phenotype names near it."""
        if self.annotated is not None and self.annotated.get(text):
            return False
        return not any(node.cls in CLASS_TYPE or node.cls == "DrugClass"
                       for node, *_ in self._names(text))  # fmt: skip

    def rank(
        self,
        text: str,
        kind: str,
        context: str = "",
        dense: Sequence[tuple[Node, float, MatchKind, str]] = (),
        abbreviation_of: str | None = None,
        k: int = 5,
    ) -> tuple[Candidate, ...]:
        lab = text in LAB_SHORT_FORMS and not abbreviation_of
        if lab:
            # a blood test's short form names the test ("ALT", "CRP"), not the disease of the
            # same letters (atypical lipomatous tumour, croup), unless the text defines it
            abbreviation_of, dense = LAB_SHORT_FORMS[text], ()
            raw = []
        else:
            # a short form defined in this text means what the text says, not what it meant
            # in the annotated abstracts
            raw = self._sourced(text, annotated=not abbreviation_of)
        if abbreviation_of:
            # the text's own definition outranks other meanings of the short form ("VHL" the
            # gene, when "von Hippel-Lindau (VHL) disease" defines it)
            long = self._sourced(abbreviation_of)
            if any(type_fit(kind, n) == 1.0 for n, *_ in long):
                raw = [(n, b * ABBREVIATED_OTHERS, how, nm) for n, b, how, nm in raw]
            raw += [(n, b * ABBREVIATION, "abbreviation", nm) for n, b, _, nm in long]
        if not raw and (m := _SHORT_SUBTYPE.match(text)):
            # a short form's subtype ("MODY 3"): the name the short form stands for, with the
            # designation as names write it ("maturity-onset diabetes of the young type 3"; the
            # lookup would find "... young 3" too, as a normalised match only)
            tail = m.group(2)
            tail = tail if tail.casefold().startswith(_DESIGNATORS) else f"type {tail}"
            for n, b, *_ in self._sourced(m.group(1)):
                if n.cls == "Disease":
                    raw += [(x, b2 * b, "abbreviation", nm)
                            for x, b2, how, nm in self._sourced(f"{n.label} {tail}")
                            if how in OWN_NAMES]  # fmt: skip
        if not any(type_fit(kind, n) == 1.0 for n, *_ in raw):
            located = located_names(text)
            for part in reduced_forms(text):
                # a form with fewer qualifiers dropped wins a tie with one with more, and a
                # site said more closely one with the site alone ("pain in my lower back":
                # *Low back pain*, not *Back pain*)
                step = REDUCED - REDUCED_ORDER * _more_dropped(text, part)
                if part in located:
                    step -= REDUCED_ORDER / 10 * located.index(part)
                raw += [(n, b * step, how, nm) for n, b, how, nm in self._sourced(part)]
        raw += self._bridges(kind, raw)
        if not any(type_fit(kind, n) == 1.0 for n, *_ in raw) and (
            anywhere := part_does_anywhere(text)
        ):
            raw += [(n, b * REDUCED, how, nm) for n, b, how, nm in self._sourced(anywhere)]
        if not any(type_fit(kind, n) == 1.0 for n, *_ in raw):
            raw += self._extensions(text)
        respelt: set[str] = set()
        if not raw and not lab:
            letters = kind_letters(text)
            raw = self._acronym(text, kind)
            if not raw and kind in DISORDERS:
                # a disorder's misspelt words spelt right name it, in every source that
                # names it so (a disease named exactly so outranks a phenotype, as for a
                # name spelt right), before a name of the tagged type merely spelt alike
                # ("psoriasus" is psoriasis, not HPO's Psoriasiform dermatitis, whose synonym
                # "psoriasis" is nearer in letters than any phenotype's own name)
                raw, respelt = self._respelt(text)
            if not raw:
                # a likeness by key (which drops "a") must keep the letters that name a kind:
                # "vitamin deficiency" is no "Vitamin A Deficiency"
                raw = [r for r in self._fuzzy(text, kind) if kind_letters(r[0].label) == letters]
        key = normalize_name(text)
        alike = [d for d in dense if _a_likeness(text, key, d[0], d[3])
                 and not self._a_word_not_a_short_form(text, d[0], d[3])]  # fmt: skip
        if not any(b * type_fit(kind, n) >= NIL_THRESHOLD for n, b, *_ in raw) and not any(
            b * type_fit(kind, n) >= NIL_THRESHOLD and not _other_cause(text, nm)
            for n, b, _, nm in alike
        ):
            # a broader reading, for a phrase nothing reaches; for one that says what brought
            # the disorder on, whatever a likeness not of that cause and that disorder reaches:
            # "drug-induced asthma" is asthma, not drug allergy (0.78 alike)
            raw += self._inner(text, kind)
        raw += alike
        best: dict[str, Candidate] = {}
        plain_text = not any(_NUMERALS.match(w) for w in key.split())
        numberless = plain_text and not any(c.isdigit() for c in text)  # "spg11" numbers one
        ctx = set(_WORD.findall(context.casefold())) - set(_WORD.findall(text.casefold())) - _STOP
        # "has an" (tagged so in "My son has an undescended testicle") is no HAS either
        everyday = bool(text.split()) and all(w in NOT_SHORT_FORMS for w in text.split())
        # a name kgqa's lexicon gives a node is the meaning people mean by it ("MSA" is
        # multiple system atrophy, not MLASA; "hernia" HPO's Hernia, not DO's enterocele,
        # which lists it as a synonym); a subtype's synonym yields to a node whose own label
        # the text is ("ocular albinism" is HPO's Ocular albinism, not DO's ocular albinism 1)
        curated = {n.iri for n, _, how, _ in raw
                   if how in ("exact", "normalized") and key in self._curated(n)}  # fmt: skip
        labelled = any(how == "exact" and b >= 1.0 for _, b, how, _ in raw)
        benign = bool(_BENIGN.search(text))
        for node, base, how, name in raw:
            if node.iri in curated and how in ("exact", "normalized"):
                base = max(base, 1.0)
            elif curated and how in ("exact", "normalized"):
                base *= BELOW_CURATED  # too far below to stand in for it (``CLOSE_MARGIN``)
            elif (
                labelled
                and how in ("exact", "normalized")
                and base < 1.0
                and numberless
                and any(_NUMERALS.match(w) for w in normalize_name(node.label).split())
            ):
                base *= SUBTYPE_SYNONYM
            if benign and _MALIGNANT.search(node.label):
                continue  # "benign tumor", which corpora coded as Neoplasms, is no cancer
            if everyday and (name.isupper() or how == "annotated"):
                continue  # "pls" is please and "get" get, not PLS and GET; "meds" no MEDs
            if (how == "normalized" and text.islower() and short_form_in_capitals(name)
                    and len(text) < len(name)):  # fmt: skip
                continue  # "dur" (of "dur ing", during) is no DURS, a short form a letter longer
            fit = type_fit(kind, node)
            if how == "fuzzy" and base >= FUZZY_SURE and len(key) >= FUZZY_ANY_KIND_CHARS:
                fit = 1.0  # one slip in a long word: the spelling says more than the type
            if how in ("exact", "id") and name == text:
                fit = max(fit, EXACT_CASE_FIT)  # "BRCA1" tagged as a disease is still BRCA1
            named = how in ("exact", "id") or node.iri in respelt  # (spelt right, exactly)
            if named and kind == "PHENOTYPE" and node.cls == "Disease":
                # the tagger splits its belief between disease and phenotype; a disease named
                # exactly so outranks a phenotype whose name only normalises to it ("Sleep
                # Apnea, Obstructive" is DO's synonym, HPO's "Obstructive sleep apnea" only
                # reordered). Not the other way round: corpus diseases ("hypotension") keep
                # their disease nodes (BC5CDR acc@1 fell 0.009 when phenotypes were lifted too)
                fit = 1.0
            last = text.split()[-1:]
            if (how in ("exact", "normalized") and kind == "CHEMICAL" and node.cls == "Disease"
                    and last and last[0].casefold() in _A_SUBSTANCE_DOES):  # fmt: skip
                fit = 1.0  # "paracetamol poisoning", tagged a chemical, is the poisoning
            if node.iri in curated and how in ("exact", "normalized"):
                fit = 1.0  # whatever type the tagger guessed: "hernia" tagged a disease
            score = base * fit
            if ctx:
                shared = ctx & set(_WORD.findall(node.label.casefold()))
                score += min(0.03, 0.01 * len(shared))
            score -= 0.0005 * self.kg.priority(node.iri)  # tie-break: DO before MeSH-only nodes
            score = round(min(1.0, score), 4)
            if score < FLOOR:
                continue
            prev = best.get(node.iri)
            if prev is None or score > prev.score:
                best[node.iri] = Candidate(node, score, how, name)
        # a tie goes to the node whose label numbers no subtype when the mention numbers none
        # ("alzheimers desease" is Alzheimer's disease, not Alzheimer's disease 1, which
        # shares the name)
        plain = plain_text

        def numbers_more(node: Node) -> bool:
            return plain and any(_NUMERALS.match(w) for w in normalize_name(node.label).split())

        ranked = sorted(best.values(), key=lambda c: (-c.score, numbers_more(c.node), c.node.curie))
        return tuple(ranked[:k])


def _more_dropped(text: str, part: str) -> int:
    """How many leading words more than one a reduced form (a tail of ``text``) drops; 0 for
    any other form ("breast cancers" of "sporadic breast and ovarian cancers").

    Example:
        >>> _more_dropped("adult progressive sma", "progressive sma"), _more_dropped(
        ...     "adult progressive sma", "sma")
        (0, 1)
    """
    words, tail = text.split(), part.split()
    if not tail or words[-len(tail) :] != tail:
        return 0
    return max(len(words) - len(tail) - 1, 0)


def is_short_form(name: str) -> bool:
    """Whether a name is a short form in capitals ("SCAR1", "CMT", "HNPP"), not an OMIM title
    in capitals ("KELOIDS").

    Example:
        >>> is_short_form("SCAR1"), is_short_form("Scar"), is_short_form("KELOIDS")
        (True, False, False)
    """
    return (name.isupper() and " " not in name
            and (len(name) <= SHORT_FORM + 1 or any(c.isdigit() for c in name)))  # fmt: skip


# a locant: a number joined to a chemical word by a hyphen ("21-hydroxylase", "glucose-6-
# phosphate", "5-alpha-reductase")
_LOCANT = re.compile(r"(?<![\w-])(\d+)-(?=[a-z])|(?<=[a-z]-)(\d+)(?=-[a-z])", re.I)


def _a_likeness(text: str, key: str, node: Node, name: str) -> bool:
    """Whether ``name`` (of ``node``), which dense search found near ``text`` (lookup key
    ``key``), may stand for it: not when it negates the mention or names another subtype
    (:func:`same_sense`), nor when the node's own label is what the text negates ("non-cancerous
    tumor" is no cancer, which annotators coded "tumor" with), nor MeSH's bare *Disease*, nor a
    disorder for an operation ("hemorrhoidectomy" is no hemorrhoid), nor a short form in
    capitals near a word in lower case ("scar" is no SCAR1) or near another short form ("NLM"
    is no NLSDM), nor a name of other people's names (:func:`other_eponyms`), nor one without
    a locant the text gives ("21-hydroxylase": :data:`_LOCANT`)."""
    said = normalize_name(name)
    if not same_sense(key, said) or said in _DISORDER_WORDS or other_eponyms(text, name):
        return False
    if negates(key, normalize_name(node.label)):
        return False
    if _OPERATION.search(text) and not _OPERATION.search(name):
        return False
    locants = [a or b for a, b in _LOCANT.findall(text)]
    if any(re.search(rf"(?<!\d){n}(?!\d)", name) is None for n in locants):
        # a number that places a group on a molecule names which one: "21-hydroxylase
        # deficiency" is no "phenylalanine hydroxylase deficiency" (phenylketonuria, 0.76
        # alike), nor "11-beta-hydroxylase deficiency"
        return False
    other_short_form = is_short_form(name) and name.casefold() != text.casefold()
    if other_short_form and (text.islower() or is_short_form(text)):
        return False
    return not _another_drug_name(text, node, name)


# people's names joined by hyphens, as disorders are named after them ("Aran-Duchenne"), and
# how alike a name must be spelt to count as said (difflib's ratio: a slip, "Creutzfeld")
_EPONYMS = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]{2,}(?:-[A-Z][a-z\u00e0-\u00ff]{2,})+\b")
NAME_SLIP = 0.8


def other_eponyms(text: str, name: str) -> bool:
    """Whether ``name`` and ``text`` are named after other people: a disorder named after two
    people or more (their names joined by hyphens, capitalised) whose names the other does not
    all say. Near as they are in an embedding, "Aran-Duchenne syndrome" (progressive spinal
    muscular atrophy) is no *Duchenne dystrophy*, nor "Smith syndrome" *Marshall-Smith
    syndrome*; "Lambert-Eaton syndrome" is *Lambert-Eaton myasthenic syndrome*.

    Example:
        >>> other_eponyms("Aran-Duchenne syndrome", "duchenne dystrophy")
        True
        >>> other_eponyms("Smith syndrome", "Marshall-Smith syndrome")
        True
        >>> other_eponyms("Lambert-Eaton syndrome", "Lambert-Eaton myasthenic syndrome")
        False
        >>> other_eponyms("Creutzfeld Jakob disease", "Creutzfeldt-Jakob disease")  # a slip
        False
    """

    def words(s: str) -> set[str]:
        return set(normalize_name(s.replace("-", " ")).split())

    def says(word: str, said: set[str]) -> bool:
        return word in said or any(SequenceMatcher(None, word, w).ratio() >= NAME_SLIP
                                   for w in said)  # fmt: skip

    for one, other in ((text, name), (name, text)):
        said = words(other)
        for m in _EPONYMS.finditer(one):
            if not all(says(w, said) for w in words(m.group())):
                return True
    return False


# how alike a drug's one-word name must be spelt to a one-word mention dense search found it
# near (difflib's ratio): a slip ("finastride", "Levthyroxin", "Lovasa": 0.83 and over)
DRUG_SPELLING = 0.8


def _another_drug_name(text: str, node: Node, name: str) -> bool:
    """Whether a one-word mention that is no English word (a brand, most often) is only
    embedded near a drug's one-word name, not spelt like it: the encoder knows no brand, and
    what it finds near one shares a few letters ("Advair" is no adefovir, "Symbicort" no
    Syprine; both came back at 1.00).

    Example:
        >>> from kgqa.records import Node
        >>> drug = Node("x", "X:1", "adefovir", "Chemical")
        >>> _another_drug_name("Advair", drug, "adefovir")
        True
        >>> _another_drug_name("adefovr", drug, "adefovir")  # a slip
        False
    """
    if node.cls != "Chemical" or " " in text.strip() or " " in name.strip():
        return False
    word = text.casefold()
    if not word.isalpha() or word in _english_words():
        return False
    return SequenceMatcher(None, word, name.casefold()).ratio() < DRUG_SPELLING


_SUSCEPTIBILITY = re.compile(r"\bsusceptib", re.I)


def close_candidate(mention: Mention, accept: Callable[[Node], bool]) -> Node | None:
    """The mention's best candidate node that ``accept`` takes and that scores above the NIL
    threshold and within ``CLOSE_MARGIN`` of the top candidate: "ovarian cancer" tagged a
    phenotype still reaches the disease node a question asks about."""
    if not mention.candidates:
        return None
    top = mention.candidates[0]
    floor = max(NIL_THRESHOLD, top.score - CLOSE_MARGIN)
    # a node the text names (by a name, an id or a corpus code) does not yield to one that
    # dense or fuzzy search only finds near it; one it names by a name of its own does not
    # yield to the broader MeSH heading corpus annotators coded the words with either ("bad
    # breath" is Halitosis, not MeSH's Respiration Disorders, for a treatment question)
    named = top.match not in _LOOSE_MATCHES
    own = top.match in OWN_NAMES

    # ... nor to OMIM's susceptibility of its name ("What is the treatment for Helicobacter
    # pylori infection?" asked of *Helicobacter pylori infection, susceptibility to*, a risk
    # no drug treats), unless the text says susceptibility
    said_risk = _SUSCEPTIBILITY.search(mention.text) is not None

    def eligible(c: Candidate) -> bool:
        return (accept(c.node) and not (named and c.match in _LOOSE_MATCHES)
                and not (own and c.match == "annotated" and c.node.iri != top.node.iri
                         and c.node.curie.startswith("MESH:"))
                and not (named and not said_risk and c.node.iri != top.node.iri
                         and _SUSCEPTIBILITY.search(c.node.label)))  # fmt: skip

    if not accept(top.node):
        # the top node's own concept in the class asked for, by exactly its name, before any
        # other near it ("adenoma carcinom pancreatic": HPO's Pancreatic adenocarcinoma first,
        # then Orphanet's Adenoma of the pancreas; a treatment question asks of DO's
        # pancreatic adenocarcinoma, whatever the score dense search gave that name)
        name = top.node.label.casefold()
        twin = next((c.node for c in mention.candidates
                     if eligible(c) and c.node.label.casefold() == name), None)  # fmt: skip
        if twin is not None:
            return twin
    return next((c.node for c in mention.candidates if c.score >= floor and eligible(c)), None)
