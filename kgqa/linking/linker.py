"""The entity linker: NER spans (or dictionary spans) → candidates → disambiguation → NIL.

Modes:

- ``ner``: spans from the fine-tuned tagger; if it finds nothing in a short text (a question
  or a findings list of at most ``SHORT_WORDS`` words), dictionary spans are used instead.
- ``dictionary``: longest graph-name matches only (the baseline).
- ``hybrid``: tagger spans plus dictionary spans that do not overlap them.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Literal

from kgqa.config import Home
from kgqa.errors import InputError
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.graph.vocabulary import DRUG_SOURCES
from kgqa.linking.abbreviations import define_abbreviations
from kgqa.linking.annotated import AnnotatedNames
from kgqa.linking.candidates import (
    BODY_SITE,
    CLASS_TYPE,
    DENSE_DRUG_SURE,
    DISORDERS,
    ELLIPTIC_HEADS,
    FUZZY_CUTOFF,
    NIL_THRESHOLD,
    PART_DOES_SAID,
    SAID_OF_PART,
    TAKEN_FOR_MEASURE,
    TYPE_FIT,
    CandidateGenerator,
    deficiency_meant,
    is_short_form,
    located_names,
    measure_meant,
    part_does,
    part_named,
    reduced_forms,
    said_of_part,
    singular_site,
)
from kgqa.linking.consistency import document_mentions
from kgqa.linking.dense import NameIndex
from kgqa.linking.negation import EXCLUSION_CUES, negated_spans
from kgqa.linking.ner import EDGE_WORDS, NerTagger
from kgqa.linking.spans import Span, resolve_overlaps, uncovered
from kgqa.records import Candidate, Mention
from kgqa.text import (
    COMMON_NAME_WORDS,
    LAB_SHORT_FORMS,
    MESSAGE_HEADER,
    TO_LOWER,
    TO_RAISE,
    clean_text,
    fold_chinese,
    has_cjk,
    sentence_bounds,
    slips_from,
    sound_key,
    unshout,
)

logger = logging.getLogger(__name__)

Mode = Literal["ner", "dictionary", "hybrid"]
MODES = ("ner", "dictionary", "hybrid")
SHORT_WORDS = 15
SHORT_CHARS = 300  # and characters: a name, a title or a findings line
LONG_CHARS = 20_000  # a text longer is read without joining names across its sentences' commas
# what separates the parts of a heading-like phrase
_HEADING_SEP = re.compile(r" - |,| and | or ")


def short_sentences(text: str) -> list[tuple[int, int]]:
    """The whole of a short text (at most ``SHORT_WORDS`` words), else the bounds of its short
    sentences (a title, a findings line).

    Example:
        >>> t = "Gout and lupus. Then " + " ".join(["word"] * 20) + "."
        >>> [t[a:b] for a, b in short_sentences(t)]
        ['Gout and lupus.']
    """
    if len(text.split()) <= SHORT_WORDS:
        return [(0, len(text))]
    return [(a, b) for a, b in sentence_bounds(text) if len(text[a:b].split()) <= SHORT_WORDS]


# a sentence that asks without a question mark ("How dangerous is it to take a diuretic.")
_ASKS_FIRST = re.compile(
    r"\s*(?:how|what|which|why|when|where|can|could|is|are|should|does|do|will|would)\b", re.I
)


def _brief_questions(text: str) -> list[tuple[int, int]]:
    """The short sentences of ``text`` that are questions (by their mark or their first word),
    or all of it when it is short, and a message's subject line."""
    asked = [(a, b) for a, b in short_sentences(text)
             if (a, b) == (0, len(text)) or text[a:b].rstrip().endswith("?")
             or _ASKS_FIRST.match(text, a)]  # fmt: skip
    header = MESSAGE_HEADER.match(text)
    return asked + ([header.span("subject")] if header is not None else [])


def _parts(surface: str) -> list[tuple[int, int]]:
    """Non-blank stretches of ``surface`` between heading separators.

    Example:
        >>> s = "Asthma and allergy - resources"
        >>> [s[a:b] for a, b in _parts(s)]
        ['Asthma', 'allergy', 'resources']
    """
    cuts = [0, *(x for m in _HEADING_SEP.finditer(surface) for x in m.span()), len(surface)]
    pairs = zip(cuts[::2], cuts[1::2], strict=True)
    return [(a, b) for a, b in pairs if surface[a:b].strip()]


MAX_NGRAM = 8
_AFTER_COMMA = re.compile(r",[ \t]*(?=[A-Za-z])")
# words each written with a capital first ("Generalized Anxiety Disorder")
_TITLED = re.compile(r"[A-Z][A-Za-z'’-]*(?:[ \t]+[A-Z][A-Za-z'’-]*)*")
# whose or which a thing is, before its name
# (and how much of it: "Can taking too much Tylenol cause liver damage?" tagged "taking too
# much Tylenol", and "too much Tylenol" linked nothing)
_OWNER_WORDS = re.compile(r"(?:(?:my|his|her|your|our|their|its|the|a|an|this|that|these|"
                          r"those|taking|too much|too many|an overdose of|overdose of|"
                          r"(?:high|large|big) doses? of|a lot of|lots of|excess)\s+)+",
                          re.I)  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


def _misspells(mention: Mention) -> bool:
    """Whether a lone word's best name is that word misspelt: a slip or two away ("Lipitorr",
    "Risperdoine"), not a name merely like it ("ligation" is no ligase), nor the word itself
    (a name the dictionary did not take inside the phrase: "ovary" of "ovary removal")."""
    word, name = mention.text.lower(), mention.candidates[0].name.lower()
    return any(d > 0 for d, _ in slips_from(word, [name], 1 if len(word) < 7 else 2))


def _unknown_word(word: str) -> bool:
    """A word of five letters or more that the base encoder's English vocabulary lacks."""
    from kgqa.encoder import base_vocabulary

    return len(word) >= 5 and word.isalpha() and word.lower() not in base_vocabulary()


# a level said with the way it should go ("lower my blood pressure", "raise her potassium",
# "get my blood pressure back up", "my cholesterol is too high"): the disorder is the level's
# high or low form, never the word "lower" read as "low" (hypotension for "lower my blood
# pressure" once listed epinephrine)
_OWNER = r"(?:(?:my|his|her|your|our|their|the|its|one's|a|baby's|child's|son's|daughter's)\s+)?"
_DIRECTED_VERB = re.compile(
    rf"\b(?:(?P<down>{TO_LOWER})|(?P<up>{TO_RAISE}))\s+{_OWNER}(?=[A-Za-z])", re.I
)
_MOVED = re.compile(  # "get my blood pressure back up", "bring his sugar down"
    rf"\b(?:get|gets|getting|got|bring|brings|bringing|push|keep)\s+{_OWNER}"
    r"(?P<measure>(?:[A-Za-z0-9-]+\s+){0,3}?[A-Za-z0-9-]+)\s+(?:back\s+)?(?P<way>up|down)\b",
    re.I,
)
_LEVEL_IS = re.compile(  # "my cholesterol is too high", "her potassium levels were low"
    r"\b(?:my|his|her|your|our|their|the)\s+(?P<measure>(?:[A-Za-z0-9-]+\s+){0,3}?[A-Za-z0-9-]+?)"
    r"(?:\s+(?:levels?|counts?|readings?|numbers?))?\s+(?:is|are|was|were|has been|have been|"
    r"keeps?\s+(?:going|getting|running)|seems?(?:\s+to\s+be)?|runs?|running|stays?|remains?|"
    r"got|gets|went|goes|getting|going)\s+(?:(?:too|very|really|quite|so|slightly|extremely|"
    r"always|still|a\s+bit|a\s+little|dangerously|abnormally|a\s+lot)\s+)*"
    r"(?P<level>high|higher|elevated|raised|up|low|lower|down)\b",
    re.I,
)
# (and HPO's names of a measure off: "Elevated circulating C-reactive protein concentration")
_HIGH_FORMS = ("high {}", "elevated {}", "increased {}", "raised {}", "high {} level",
               "high {} levels", "elevated circulating {} concentration",
               "increased {} concentration", "increased circulating {} concentration")  # fmt: skip
_LOW_FORMS = ("low {}", "decreased {}", "reduced {}", "low {} level", "low {} levels",
              "decreased circulating {} concentration", "decreased {} concentration",
              "reduced circulating {} concentration")  # fmt: skip
# a level said high or low before it ("elevated ALT", "a high CRP", "low HDL levels")
_LEVEL_BEFORE = re.compile(
    r"\b(?P<level>high|elevated|raised|increased|low|decreased|reduced)\s+(?=[A-Za-z])", re.I
)
_MEASURE_WORDS = 4
# what a substance said high or low before it is in, when it is no level of the body
_RICH_IN = re.compile(
    r"[\s-]+(?:diets?|foods?|meals?|intake|supplements?|content|doses?|dosages?|drinks?|"
    r"sources?|products?|snacks?|syrups?)\b",
    re.I,
)
# a person just before the verb: "How can I raise ...", "how to raise ...", "help me raise ..."
_PERSON_BEFORE = re.compile(
    r"\b(?:i|we|you|he|she|they|one|me|us|him|them|to)\s+(?:\w+\s+){0,2}$", re.I
)
# the word before "lower" that makes it an adjective
_AN_ADJECTIVE = re.compile(
    r"\b(?:a|an|the|my|his|her|your|our|their|its|have|has|had|with|of|in|is|are|was|"
    r"were|much|even|slightly|bit)\s+$",
    re.I,
)
_HIGH_WORDS = ("high", "higher", "elevated", "raised", "up")


def _word_run(text: str, start: int, most: int) -> list[re.Match[str]]:
    """Up to ``most`` words of ``text`` from ``start`` on, up to the first gap that holds
    more than spaces and hyphens (punctuation ends a name)."""
    run: list[re.Match[str]] = []
    for w in islice(_TOKEN.finditer(text, start), most):
        if re.search(r"[^\s-]", text[run[-1].end() if run else start : w.start()]):
            break
        run.append(w)
    return run


def level_moved(text: str, starts: Collection[int]) -> Literal["up", "down"] | None:
    """The way a level is moved by something other than the person asking, when the text says
    so of a mention starting at one of ``starts`` (the level the linker read: "What can raise
    my heart rate?": up; "Which drugs lower potassium?": down; "How can I raise my blood
    sugar?": None, a person moving it). The linker reads such a level as its high form either
    way; what is asked for is then what causes it (up) or treats it (down)."""
    for m in _DIRECTED_VERB.finditer(text):
        if _lower_as_adjective(text, m) or m.end() not in starts:
            continue
        if not _PERSON_BEFORE.search(text, 0, m.start()):
            return "down" if m.group("down") is not None else "up"
    return None


def _lower_as_adjective(text: str, verb: re.Match[str]) -> bool:
    """Whether a "lower" the verb pattern found is an adjective ("I have a lower blood
    pressure", "pain in my lower back")."""
    return verb.group().lower().startswith("lower") and bool(
        _AN_ADJECTIVE.search(text, 0, verb.start())
    )


# where a finding is: " in her left hip", " of the ankles", " on my lower back"
_BODY_SITE = re.compile(r"[ \t]+" + BODY_SITE.replace(" ", r"[ \t]+"), re.I)
SHORT_FORM_CHARS = 5  # the longest word in capitals read as a short form, not as shouting
# a word right before a name, not cut off from it by punctuation or a conjunction
# (a function word there is no modifier: "After Rectal Prolapse!", "my gout")
_MODIFIED = re.compile(
    r"(?<![A-Za-z])(?!(?:and|or|nor|but|with|without|of|in|on|at|by|for|to|from|about|after|"
    r"before|since|during|due|the|a|an|my|his|her|their|our|your|its|this|that|these|those|"
    r"some|any|no|re|regarding|and/or)\s+$)[A-Za-z0-9%][A-Za-z0-9'\-%/]*\s+$",
    re.I,
)
# A run of Chinese text (with the digits, Latin letters and hyphens Chinese names hold: "2型糖尿病")
_NON_CJK = re.compile(r"[^\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+")
_WORDISH = re.compile(r"[A-Za-z0-9]{2,}")
_CUT_WORD = re.compile(r"\S+")
_CUT_PUNCT = " ,.;:!?()[]'\""
_CUT_GLUE = frozenset("and or with of the in to for a an is are does do".split()) | {""}
_CJK_RUN = re.compile(r"[\u3400-\u9fff0-9A-Za-z\-]*[\u3400-\u9fff][\u3400-\u9fff0-9A-Za-z\-]*")
MIN_ZH_CHARS = 2  # single characters (铁, 钙) are too often part of other words
ZH_TYPE_ORDER = ("DISEASE", "PHENOTYPE", "CHEMICAL", "GENE")
# a dbSNP id, a variant's name
_VARIANT_ID = re.compile(r"(?<![\w-])rs\d{3,12}(?![\w-])", re.I)
# the shortest word read as a misspelt drug name where the tagger left it ("amoxicilin")
MISSPELT_DRUG_CHARS = 7
EXTEND_WORDS = 5  # how far a disorder span may grow to the right into a graph name
_RETYPES = frozenset({"DISEASE", "PHENOTYPE", "CHEMICAL"})  # types a name may correct
# after a disorder name: ", type 2A", " type IV", " subtype B", " VI", " 1" (after a comma only
# with its "type" word: "diabetes, 2 days"), " (type 1)" ("Gaucher disease (type 1) runs in my
# family" read as Gaucher disease)
_SUBTYPE_TAIL = re.compile(
    r"(?:,\s*(?:type|subtype|group|form|class)\s+|\s+(?:(?:type|subtype|group|form|class)\s+)?)"
    r"(?:\d{1,2}|[IVXivx]{1,5})[A-Za-z]?\d?\b"
    r"|\s*\(\s*(?:type|subtype|group|form|class)\s+(?:\d{1,2}|[IVXivx]{1,5})[A-Za-z]?\d?\s*\)",
    re.IGNORECASE,
)
# ... and before one ("type 1 diabetes", "stage IV melanoma"), right up to it
_SUBTYPE_HEAD = re.compile(
    r"(?<![\w-])(?:type|subtype|stage|grade|class|group|form)\s+(?:\d{1,2}|[IVXivx]{1,5})"
    r"[A-Za-z]?\s+$",
    re.IGNORECASE,
)
_NAME_CLASSES = frozenset(CLASS_TYPE)


def _joinable(surface: str) -> bool:
    """Whether a stretch may be one name: no sentence break or question inside it."""
    return not re.search(r"[.?!;:]\s", surface) and "?" not in surface


# words a question asks with that a tagged span may swallow ("CVID symptoms")
_QUESTION_TAIL = re.compile(
    r"\s+(?:symptoms?|signs?|treatments?|therapy|therapies|causes?|side[- ]effects?|"
    r"medications?|medicines?|drugs?|cures?|diagnosis|prognosis|test(?:s|ing)?|genes?|"
    r"mutations?|mutated|mutants?|variants?|polymorphisms?|carriers?|"
    r"contra-?indicated|inherited|hereditary|genetic|contagious|infectious|curable|incurable|"
    r"cured|treatable|untreatable|preventable|reversible|fatal|deadly|dangerous|serious|"
    r"common|rare|spread|spreads|transmitted|transmissible|caught|contracted|"
    # what is done about it ("How is osteogenesis imperfecta diagnosed ...": the tagger ran
    # the word into the name, read as its type 3)
    r"diagnosed|diagnosable|detected|screened|treated|managed|prevented|caused|"
    r"(?:autosomal|[xy]-linked)"
    r"(?:[- ](?:dominant|recessive))?)$",
    re.IGNORECASE,
)
# ... and that it may open with ("reason vomit bile" tagged whole, "causes of ...")
_QUESTION_HEAD = re.compile(
    r"(?:reasons?|causes?|symptoms?|signs?|treatments?|cures?)(?:\s+(?:of|for|behind))?\s+",
    re.IGNORECASE,
)
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
# a capitalised or lower-case word of four letters or more in the possessive ("sjogren's")
_EPONYM = re.compile(r"(?<![\w'’-])(?P<word>[A-Za-z][a-z]{3,})['’]s(?![\w'’-])")
# the words before a class a thing is said to be in ("is a", "is not an", "are the")
_A_CLASS = (
    r"\s+(?:(?:not|also|really|actually|considered|classed as|classified as)\s+)*"
    r"(?:an?|the|one of the|a kind of|a type of|a form of)\s+"
)
# a phrase that leaves out what follows, inside one tagged span ("depression apart from SSRIs",
# "gout other than allopurinol", tagged whole), and "non-" before a drug class ("non-opioid")
_EXCLUDING = re.compile(r"\s+(?:" + "|".join(EXCLUSION_CUES) + r")\s+", re.I)
_NON_PREFIX = re.compile(r"^non[- ]?(?=\w)", re.I)
_NON_BEFORE = re.compile(r"\bnon[- ]?$", re.I)
# words that say when or from what a disorder came ("pain after surgery", "... due to a fall")
_CIRCUMSTANCE = re.compile(
    r"\s+(?:after|following|due to|caused by|because of|since|during)\s+", re.I
)
# a bracketed part that ends a span, holding a word ("... (Aran-Duchenne syndrome)")
_END_BRACKETS = re.compile(r"\s*\(([^()]*[A-Za-z][^()]*)\)[\s.,;:]*$")
_IS_A_WORDS = re.compile(r"\b(?:is|are|isn[’']t|aren[’']t)" + _A_CLASS, re.I)
# ... and after the first name of a question that opens with them ("Is furosemide a ...")
_ASKED_A = re.compile(_A_CLASS, re.I)
_CLASS_WORDS = 4  # the longest drug class name read after them, in words
# a subtype named only by its number before a coordinated one that names the head ("type 1
# and type 2 diabetes", "stage III or stage IV melanoma")
_DESIGNATOR = r"(?:type|stage|grade|class|group|form|subtype)"
_SUBTYPE_NUMBER = r"(?:[0-9]{1,2}[a-z]?|[ivx]{1,4}[a-z]?)"
_ELIDED = re.compile(rf"^({_DESIGNATOR})\s+{_SUBTYPE_NUMBER}$", re.I)
_ELIDED_GAP = re.compile(r"\s*(?:,|and|or|&|/)\s*$", re.I)
_ELIDED_PAIR = re.compile(
    rf"^(?P<first>(?P<word>{_DESIGNATOR})\s+{_SUBTYPE_NUMBER})\s*(?:,|and|or|&|/)\s*"
    rf"(?P<second>(?P=word)\s+{_SUBTYPE_NUMBER}\s+\S.*)$",
    re.I,
)


def elided_name(text: str, span: tuple[int, int], later: Sequence[tuple[int, int]]
                ) -> str | None:  # fmt: skip
    """The name a subtype given only by its number stands for, when the next span, after a
    coordination, names another subtype of the same kind with its head ("type 1" of "type 1
    and type 2 diabetes" is "type 1 diabetes"); None otherwise.

    Example:
        >>> t = "What is the difference between type 1 and type 2 diabetes?"
        >>> elided_name(t, (31, 37), [(42, 57)])
        'type 1 diabetes'
    """
    s, e = span
    first = _ELIDED.match(text[s:e])
    if first is None or not later:
        return None
    a, b = later[0]
    if not _ELIDED_GAP.match(text[e:a]):
        return None
    words = text[a:b].split()
    if len(words) < 3 or words[0].lower() != first.group(1).lower():
        return None
    return f"{text[s:e]} {' '.join(words[2:])}"


_COORD = re.compile(r"\s*(?:,|;|/|\bor\b|\band\b|\bnor\b)\s*", re.IGNORECASE)


# a word after a disorder's name that makes the phrase a vaccine ("flu shot", "HPV vaccine")
_VACCINE = re.compile(
    r"[ -]+(?:vaccines?|vaccinations?|shots?|jabs?|boosters?|immuni[sz]ations?|inoculations?)\b",
    re.I,
)


# a substance's use disorder, said of the substance ("oxycodone addiction", "addicted to
# heroin", "quit smoking", "drinks too much"): DO's dependence of each family of substances,
# the family by a drug's class (every opioid analgesic) or its own node, or by the words
ADDICTIONS: tuple[tuple[str, frozenset[str], str], ...] = (
    ("DOID:2559", frozenset({"MESH:D000701", "CHEBI:35482"}),
     r"opioids?|opiates?|heroin|narcotics?|pain ?killers?|pain pills?|pain medications?"),
    ("DOID:0050741", frozenset({"DRUGBANK:DB00898"}),
     r"alcohol|drinking|booze|liquor|beer"),
    ("DOID:0050742", frozenset({"DRUGBANK:DB00184"}),
     r"nicotine|tobacco|cigarettes?|smoking|vaping|cigs"),
    ("DOID:9975", frozenset({"DRUGBANK:DB00907"}), r"cocaine|crack"),
    ("DOID:1849", frozenset(), r"cannabis|marijuana|weed"),
)  # fmt: skip
_USE_BEFORE = re.compile(
    r"\b(?:addict(?:ed|ion)\s+to|dependen(?:t|ce|cy)\s+(?:on|to)|hooked\s+on|abus(?:e|ing)|"
    r"(?:quit|quitting|stop|stopping|give\s+up|giving\s+up|kick)(?:\s+(?:using|doing))?)"
    r"\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+|these\s+|"
    r"those\s+)?$",
    re.I,
)
# how far back the words before a substance are looked for (the longest, "giving up doing
# their ", is 22 characters): never the whole text before each mention
USE_CUE_CHARS = 40
_USE_AFTER = re.compile(
    r"[ -]+(?:addiction|dependence|dependency|abuse|use\s+disorder|habit|problem)\b",
    re.I,
)
_HEAVY_DRINKING = re.compile(r"\bdrinks?\s+too\s+much\b|\bdrinking\s+problem\b", re.I)
ALCOHOL_DEPENDENCE = "DOID:0050741"
_ADDICTION_WORDS = tuple((curie, re.compile(rf"\b(?:{words})\b", re.I))
                         for curie, _, words in ADDICTIONS)  # fmt: skip
_ADDICTION_WORDS_BY = dict(_ADDICTION_WORDS)


def _runs_out(row: Sequence[Span], a: int, b: int) -> bool:
    """Whether a span of ``row`` overlaps ``a:b`` and runs out of it."""
    return any(r.start < b and a < r.end and (r.start < a or r.end > b) for r in row)


def _replacing(row: list[Span], extra: list[Span]) -> list[Span]:
    """``row`` with ``extra`` added, replacing the spans they overlap."""
    if not extra:
        return row
    return resolve_overlaps([r for r in row if uncovered(r.start, r.end, extra)] + extra)


class EntityLinker:
    """Links free text to graph nodes. Load once; ``link`` and ``link_many`` are thread-unsafe
    only in that they share the torch model."""

    def __init__(
        self,
        kg: KnowledgeGraph,
        tagger: NerTagger | None,
        dense: NameIndex | None,
        mode: Mode = "ner",
        annotated: AnnotatedNames | None = None,
    ) -> None:
        if mode not in MODES:
            raise InputError(f"unknown linking mode {mode!r}; expected one of {MODES}")
        if mode != "dictionary" and tagger is None:
            raise InputError(f"mode {mode!r} needs the NER tagger")
        self.kg = kg
        self.tagger = tagger
        self.generator = CandidateGenerator(kg, dense, annotated)
        self.mode = mode
        self._zh: dict[str, str] | None = None
        self._zh_longest = 0

    @classmethod
    def load(
        cls,
        home: Path | str | Home | None = None,
        mode: Mode = "ner",
        kg: KnowledgeGraph | None = None,
        ner_dir: Path | None = None,
    ) -> EntityLinker:
        where = Home.resolve(home)
        kg = kg or KnowledgeGraph.load(where.graph)
        tagger = NerTagger.load(ner_dir) if mode != "dictionary" else None
        dense = NameIndex.load(where.names, kg)
        annotated = AnnotatedNames.load(where.annotated, kg)
        return cls(kg, tagger, dense, mode, annotated)

    # -- spans -------------------------------------------------------------------------------
    def dictionary_spans(self, text: str) -> list[Span]:
        """Longest graph-name matches of disease, phenotype, chemical and gene names."""
        words = list(_TOKEN.finditer(text))
        out = []
        i = 0
        while i < len(words):
            for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
                s, e = words[i].start(), words[i + n - 1].end()
                span = text[s:e]
                if n == 1 and (len(span) < 3 or span.lower() in COMMON_NAME_WORDS):
                    continue
                if (
                    n > 1
                    and {words[i].group().lower(), words[i + n - 1].group().lower()} & EDGE_WORDS
                ):
                    continue  # "tumor of the" may normalise onto a name; a mention never ends so
                kind = self._dictionary_type(span)
                if kind:
                    out.append(Span(s, e, kind, 1.0))
                    i += n
                    break
            else:
                i += 1
        return out

    def _chinese_names(self) -> dict[str, str]:
        """The graph's Chinese names and their mention types (read once)."""
        if self._zh is None:
            types: dict[str, set[str]] = {}
            for name, cls in self.kg.chinese_names():
                kind = CLASS_TYPE.get(cls)
                if kind and len(name) >= MIN_ZH_CHARS:
                    types.setdefault(name, set()).add(kind)
            self._zh = {
                n: next(k for k in ZH_TYPE_ORDER if k in kinds) for n, kinds in types.items()
            }
            self._zh_longest = max(map(len, self._zh), default=0)
        return self._zh

    def chinese_spans(self, text: str) -> list[Span]:
        """Longest matches of the graph's Chinese names inside runs of Chinese text, scanning
        left to right (the tagger was not trained on Chinese). A name of a disease and a
        phenotype (痛风) is a disease, as in :meth:`_dictionary_type`."""
        names = self._chinese_names()
        out = []
        for run in _CJK_RUN.finditer(text):
            i, end = run.start(), run.end()
            while i < end:
                for j in range(min(end, i + self._zh_longest), i + MIN_ZH_CHARS - 1, -1):
                    kind = names.get(text[i:j])
                    if kind:
                        out.append(Span(i, j, kind, 1.0))
                        i = j
                        break
                else:
                    i += 1
        return out

    def _dictionary_type(self, span: str) -> str | None:
        """The type of the best name match; a disease wins a tie with a phenotype of the
        same name (hypertension, type 2 diabetes)."""
        kinds = []
        best = None
        for m in self.kg.find(span, limit=10):
            kind = CLASS_TYPE.get(m.node.cls)
            if kind is None:
                continue
            if kind == "GENE" and (m.name != span or not span[:1].isupper()):
                continue  # gene symbols only in their exact case
            quality = m.match == "normalized"
            if best is None:
                best = quality
            if quality == best:
                kinds.append(kind)
        if not kinds:
            return None
        return "DISEASE" if "DISEASE" in kinds and kinds[0] == "PHENOTYPE" else kinds[0]

    # -- linking -----------------------------------------------------------------------------
    def link(self, text: str) -> list[Mention]:
        """Mentions of diseases, phenotypes, chemicals and genes in ``text``, in text order."""
        return self.link_many([text])[0]

    def link_many(self, texts: Sequence[str], batch_size: int = 64) -> list[list[Mention]]:
        """``link`` for many texts, with the tagger and dense search batched."""
        cleaned = [unshout(fold_chinese(clean_text(t))) for t in texts]
        linked = self._names_inside_unlinked(
            cleaned, self.link_spans(cleaned, self.spans(cleaned, batch_size))
        )
        linked = [self._addictions(t, self._vaccines(t, self._directed_levels(t, ms)))
                  for t, ms in zip(cleaned, linked, strict=True)]  # fmt: skip
        # a mention's text is the caller's text at its offsets (cleaning keeps lengths)
        return [ms if c == t else [replace(m, text=t[m.start : m.end]) for m in ms]
                for t, c, ms in zip(texts, cleaned, linked, strict=True)]  # fmt: skip

    def _directed_levels(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with a level said with the way it should go linked to the disorder
        that way away from it: "lower my blood pressure" and "my blood pressure is too high"
        name hypertension, "get my blood pressure back up" hypotension (see :data:`_MOVED`,
        :data:`_LEVEL_IS`). The level is the longest stretch of up to
        :data:`_MEASURE_WORDS` words whose high (or low) form is a disease or phenotype name
        of the graph ("high cholesterol", "low potassium"); the mention is those words, and
        it replaces any mention that overlaps the phrase."""
        # (phrase start, start, end, (name, the nodes it names))
        found: list[tuple[int, int, int, tuple[str, frozenset[str]]]] = []
        for m in _DIRECTED_VERB.finditer(text):
            if _lower_as_adjective(text, m):
                continue
            # a person lowering it finds it high, raising it low; anything else that raises or
            # lowers it, a drug or a food, makes it high or treats it high ("Can prednisone
            # raise blood sugar?", "What foods lower blood sugar?")
            high = m.group("down") is not None or not _PERSON_BEFORE.search(text, 0, m.start())
            level = self._longest_level(text, _word_run(text, m.end(), _MEASURE_WORDS), high)
            if level is not None:
                found.append((m.start(), *level))
        # said high or low before it, a test's short form ("elevated ALT and AST"): a name
        # the graph has only that way ("high ALT") stays what it names; so does a substance
        # the tagger read as a drug ("high Alkaline Phosphatase" was asfotase alfa, "I have
        # high creatinine" creatinine): its level is meant
        substances = [(s.start, s.end) for s in mentions if s.type == "CHEMICAL"
                      or (s.node is not None and s.node.cls == "Chemical")]  # fmt: skip
        for m in _LEVEL_BEFORE.finditer(text):
            words = _word_run(text, m.end(), _MEASURE_WORDS)
            if not words:
                continue
            high = m.group("level").lower() in ("high", "elevated", "raised", "increased")
            if words[0].group() in LAB_SHORT_FORMS:
                a, b = words[0].span()
                name = self._level_name(text[a:b], high)
                if name is not None:
                    found.append((m.start(), m.start(), b, name))
                continue
            # (inside the drug mention; "a high potassium diet" is rich in it, no level)
            level = self._longest_level(
                text, words, high,
                lambda a, b: (any(s <= a and b <= e for s, e in substances)
                              and not _RICH_IN.match(text, b)),
            )  # fmt: skip
            if level is not None:
                found.append((m.start(), m.start(), *level[1:]))
        # brought down, or found up: it is high
        for pattern, way, says_high in ((_MOVED, "way", ("down",)),
                                        (_LEVEL_IS, "level", _HIGH_WORDS)):  # fmt: skip
            for m in pattern.finditer(text):
                high = m.group(way).lower() in says_high
                a, b = m.span("measure")
                name = self._level_name(text[a:b], high)
                if name is not None:
                    found.append((m.start(), a, b, name))
        mentions = self._rich_in(text, mentions)
        if not found:
            return mentions
        out = list(mentions)
        for start, a, b, (name, named) in found:
            linked = self.link_spans([name], [[Span(0, len(name), "DISEASE", 1.0)]])[0]
            if not linked or linked[0].node is None:
                continue
            # the nodes of that very name only (the candidates of "decreased appetite" hold
            # "eating disorder", a corpus annotation of it)
            cands = [c for c in linked[0].candidates if c.node.iri in named]
            cands = cands or list(linked[0].candidates)
            (negated,) = negated_spans(text, [(a, b)])
            out = [m for m in out if m.end <= start or m.start >= b]
            out.append(replace(linked[0], start=a, end=b, text=text[a:b], negated=negated,
                               candidates=tuple(cands)))  # fmt: skip
        return sorted(out, key=lambda m: (m.start, m.end))

    def _longest_level(
        self, text: str, words: Sequence[re.Match[str]], high: bool,
        fits: Callable[[int, int], bool] = lambda a, b: True,
    ) -> tuple[int, int, tuple[str, frozenset[str]]] | None:  # fmt: skip
        """The longest stretch of ``words`` from the first (that ``fits``) whose high (or low)
        form names a disorder of the graph (:meth:`_level_name`): where it is, and the name."""
        for k in range(len(words), 0, -1):
            a, b = words[0].start(), words[k - 1].end()
            if not fits(a, b):
                continue
            name = self._level_name(text[a:b], high)
            if name is not None:
                return a, b, name
        return None

    def _rich_in(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with a disorder named by a level ("high potassium", "low sodium")
        that goes on to a diet or a food read as the substance: "Is a low sodium diet good
        for heart failure?" is no question of hyponatremia."""
        out: list[Mention] = []
        for m in mentions:
            level = _LEVEL_BEFORE.match(m.text)
            if (level is None or not _RICH_IN.match(text, m.end) or m.node is None
                    or m.node.cls not in ("Disease", "Phenotype")):  # fmt: skip
                out.append(m)
                continue
            a = m.start + level.end()
            linked = self.link_spans([text], [[Span(a, m.end, "CHEMICAL", 1.0)]])[0]
            out += [x for x in linked if x.node is not None and x.node.cls == "Chemical"]
        return out

    def _vaccines(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with a disorder named before a vaccine word read as the vaccine: "flu
        shot" is *Influenza Vaccines* (MeSH), not influenza, whose "side effects" were the
        drugs that cause it; "the covid vaccine", which the graph lacks, names nothing."""
        out = []
        for m in mentions:
            after = _VACCINE.match(text, m.end)
            if after is None or m.type not in ("DISEASE", "PHENOTYPE"):
                out.append(m)
                continue
            names = [m.text] + ([m.node.label] if m.node is not None else [])
            hits = [h for name in dict.fromkeys(names)
                    for h in self.kg.find(f"{name} vaccine", cls="Chemical", limit=1)
                    if h.match in ("exact", "normalized")]  # fmt: skip
            cands = (Candidate(hits[0].node, 1.0, hits[0].match, hits[0].name),) if hits else ()
            out.append(replace(m, end=after.end(), text=text[m.start : after.end()],
                               type="CHEMICAL", candidates=cands))  # fmt: skip
        return out

    def _addiction_of(self, m: Mention) -> str | None:
        """The CURIE of the dependence (:data:`ADDICTIONS`) of the substance ``m`` names: by
        its node or a class of it, else by its words."""
        node = m.node
        if node is not None and node.cls in ("Chemical", "DrugClass"):
            classes = {node.curie} | {
                t.object.curie for t in self.kg.neighbours(node, "inDrugClass", direction="out")
            }
            for curie, of, _ in ADDICTIONS:
                if of & classes:
                    return curie
        for curie, _, words in ADDICTIONS:
            if re.fullmatch(words, m.text.strip(), re.I):
                return curie
        return None

    def _addictions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with a substance said as what someone is addicted to read as its use
        disorder: "What can help with oxycodone addiction?" asked what oxycodone treats (pain,
        then a skin infection of another product's label), and "Which drugs treat cocaine
        addiction?" gave cocaine. "addicted to X", "X addiction", "hooked on X", "quit X",
        "drinks too much". The substance said alone ("Can oxycodone cause addiction?") stays
        itself."""

        def disorder(start: int, end: int, curie: str | None, base: Mention | None) -> None:
            node = self.kg.node(curie) if curie else None
            if node is None:
                if base is not None:
                    out.append(base)
                return
            cands = (Candidate(node, 1.0, "exact", node.label),)
            said = text[start:end]
            out.append(replace(base, start=start, end=end, text=said, type="DISEASE",
                               candidates=cands) if base is not None
                       else Mention(start, end, said, "DISEASE", False, 1.0, cands))  # fmt: skip

        out: list[Mention] = []
        for m in mentions:
            before = _USE_BEFORE.search(text, max(0, m.start - USE_CUE_CHARS), m.start)
            after = _USE_AFTER.match(text, m.end)
            inside = _USE_AFTER.search(m.text)
            if inside and not (before or after) and not m.negated:
                # "heroin addiction" tagged whole and linked to no node of heroin's; one
                # linked to a node of the substance's name stays ("cocaine addiction":
                # *Cocaine-Related Disorders*). (Withdrawal is no dependence: "What is alcohol
                # withdrawal?" is not "What is alcohol dependence?")
                head = m.text[: inside.start()].strip()
                curie = next((c for c, w in _ADDICTION_WORDS if w.fullmatch(head)), None)
                if (curie is not None and m.node is not None
                        and not _ADDICTION_WORDS_BY[curie].search(m.node.label)):  # fmt: skip
                    disorder(m.start, m.end, curie, m)
                    continue
            if not (before or after) or m.negated:
                out.append(m)
                continue
            # (the words before stay out of the span: "how do I quit" is a question's cue)
            disorder(m.start, after.end() if after else m.end, self._addiction_of(m), m)
        for curie, words in ((ALCOHOL_DEPENDENCE, _HEAVY_DRINKING), *_ADDICTION_WORDS):
            for hit in words.finditer(text):
                if any(x.start < hit.end() and hit.start() < x.end for x in out):
                    continue
                before = _USE_BEFORE.search(text, max(0, hit.start() - USE_CUE_CHARS), hit.start())
                after = _USE_AFTER.match(text, hit.end())
                if words is _HEAVY_DRINKING or before or after:
                    disorder(hit.start(), after.end() if after else hit.end(), curie, None)
        return sorted(out, key=lambda x: x.start)

    def _level_name(self, measure: str, high: bool) -> tuple[str, frozenset[str]] | None:
        """The graph's name of ``measure`` too high (or too low), when it has one that names
        a disease or phenotype, and the nodes it names: "blood pressure" -> "high blood
        pressure"."""
        if not measure.strip() or normalize_name(measure) in ("it", "this", "that", "them"):
            return None
        measure = LAB_SHORT_FORMS.get(measure.strip(), measure.strip())  # "ALT": its measure
        for form in _HIGH_FORMS if high else _LOW_FORMS:
            name = form.format(measure)
            named = frozenset(
                hit.node.iri for hit in self.kg.find(name, limit=5)
                if hit.match in ("exact", "normalized") and hit.node.cls in ("Disease", "Phenotype")
            )  # fmt: skip
            if named:
                itself = frozenset(
                    hit.node.iri for hit in self.kg.find(measure, limit=3)
                    if hit.match == "exact" and hit.node.cls in ("Disease", "Phenotype")
                )  # fmt: skip
                # a disorder is no measure: "Does ibuprofen lower fever?" is of HPO's Fever,
                # not of "high fever" (a node of DO's symptoms no drug is stated to treat)
                return (measure, itself) if itself else (name, named)
        return None

    def _names_inside_unlinked(
        self, cleaned: list[str], linked: list[list[Mention]]
    ) -> list[list[Mention]]:
        """A tagged phrase of several words that links to nothing gives way to the graph names
        inside it that do link: the tagger runs on in "Gastroparesis, tube feeding, and TPN",
        "Diltiazem BVF 120MG", "HIV-1 infection completely"."""
        inner: list[list[Span]] = [[] for _ in cleaned]
        respelt: set[tuple[int, int, int]] = set()  # (text, start, end) of the lone words
        for i, row in enumerate(linked):
            for m in row:
                if m.linked is not None:
                    continue
                if len(_TOKEN.findall(m.text)) < 2:
                    continue
                named = self.dictionary_spans(m.text)
                for a, b, kind, _ in named:
                    # not a head word with a modifier the graph does not know ("HIV-1
                    # infection" is no mere "infection"), nor an ordinary word standing as no
                    # noun ("cold sweats" is no common cold)
                    if ((a, b) != (0, len(m.text)) and not _MODIFIED.search(m.text[:a])
                            and not _plain_word(cleaned[i], m.start + a, m.start + b)):  # fmt: skip
                        inner[i].append(Span(m.start + a, m.start + b, kind, m.score))
                if not named:
                    # no name inside: a word no English word list holds may be a misspelt
                    # one ("crating Risperdoine": risperidone)
                    for w in _TOKEN.finditer(m.text):
                        if _unknown_word(w.group()):
                            at = (m.start + w.start(), m.start + w.end())
                            inner[i].append(Span(*at, m.type, m.score))
                            respelt.add((i, *at))
        todo = [i for i, row in enumerate(inner) if row]
        if not todo:
            return linked
        found = self.link_spans([cleaned[i] for i in todo], [inner[i] for i in todo])
        out = list(linked)
        for i, names in zip(todo, found, strict=True):
            names = [n for n in names
                     if n.linked is not None
                     and ((i, n.start, n.end) not in respelt or _misspells(n))]  # fmt: skip
            if not names:
                continue
            keep = [m for m in linked[i]
                    if not any(m.start <= n.start and n.end <= m.end for n in names)]  # fmt: skip
            out[i] = sorted(keep + names, key=lambda m: (m.start, m.end))
        return out

    def spans(self, texts: Sequence[str], batch_size: int = 64) -> list[list[Span]]:
        """Spans of cleaned texts: the mode's first spans (tagger or dictionary), then each of
        :data:`SPAN_RULES` that applies to the mode, in order."""
        cleaned = list(texts)
        rows = self._first_spans(cleaned, batch_size)
        for rule in SPAN_RULES:
            if self.mode in rule.modes:
                rows = [rule.apply(self, t, row) for t, row in zip(cleaned, rows, strict=True)]
        return rows

    def _first_spans(self, cleaned: list[str], batch_size: int) -> list[list[Span]]:
        """Dictionary spans, or the tagger's; in ``ner`` mode a short text where the tagger
        finds nothing gets dictionary spans, in ``hybrid`` mode every text gets those no tagged
        span overlaps."""
        if self.mode == "dictionary" or self.tagger is None:
            return [self.dictionary_spans(t) for t in cleaned]
        short = [len(t.split()) <= SHORT_WORDS for t in cleaned]
        todo = [i for i, t in enumerate(cleaned) if t.strip()]
        tagged = self.tagger.tag([cleaned[i] for i in todo], batch_size=batch_size, min_score=0.0)
        spans: list[list[Span]] = [[] for _ in cleaned]
        for i, row in zip(todo, tagged, strict=True):
            # a span the tagger is unsure of stays only in a short text or sentence (a
            # question, a findings list, a title) where it is a graph name: "fever and headache"
            unsure = any(s.score < self.tagger.min_score for s in row)
            brief = short_sentences(cleaned[i]) if unsure else []
            spans[i] = []
            for s in row:
                if s.score < self.tagger.min_score:
                    s = self._owned(cleaned[i], s)
                    said = cleaned[i][s.start : s.end]
                    named = self._dictionary_type(said) or self._names_a_site(said)
                    if not (named and any(a <= s.start < b for a, b in brief)):
                        continue
                spans[i].append(s)
            if unsure:
                spans[i] = self._named_where_unsure(cleaned[i], row, spans[i])
        for i, t in enumerate(cleaned):
            if self.mode == "hybrid" or (not spans[i] and short[i]):
                spans[i] = resolve_overlaps(
                    spans[i]
                    + [d for d in self.dictionary_spans(t) if uncovered(d[0], d[1], spans[i])]
                )
        return spans

    @staticmethod
    def _owned(text: str, span: Span) -> Span:
        """``span`` without the words before a name that say whose or which it is ("my cough",
        which the tagger gave 0.78: "cough"); the span itself when it has none."""
        owner = _OWNER_WORDS.match(text, span.start, span.end)
        if owner is None or owner.end() >= span.end:
            return span
        return Span(owner.end(), span.end, span.type, span.score)

    def _named_where_unsure(self, text: str, tagged: list[Span], kept: list[Span]) -> list[Span]:
        """``kept`` plus the disease or phenotype names of three words or more that the text
        holds exactly where the tagger was unsure ("complex regional pain syndrome", where it
        gave "regional" 0.53 and "pain" 0.76 inside a long sentence) and no kept span lies."""
        unsure = [t for t in tagged if t not in kept]
        # only the sentences the tagger was unsure in are looked up, name by name
        found = [
            Span(a + d.start, a + d.end, d.type, d.score)
            for a, b in sentence_bounds(text)
            if any(a <= u.start < b for u in unsure)
            for d in self.dictionary_spans(text[a:b])
        ]
        extra = []
        for d in found:
            words = _TOKEN.findall(text[d.start : d.end])
            if (d.type in DISORDERS and len(words) >= 3 and all(len(w) >= 3 for w in words)
                    and words[0].lower() not in COMMON_NAME_WORDS
                    and any(u.start < d.end and d.start < u.end for u in unsure)
                    and uncovered(d.start, d.end, kept)):  # fmt: skip
                extra.append(d)
        return resolve_overlaps(kept + extra) if extra else kept

    def _with_chinese(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the Chinese name matches no span covers yet. The tagger was not
        trained on Chinese: a span of its that runs into Chinese text ("二甲双胍属于哪类药",
        "BRCA1基因和哪些疾病有关") is kept only when it is a Chinese name, else cut to its
        parts outside the Chinese text ("BRCA1"), and the names found in the Chinese text
        take their places."""
        if not _CJK_RUN.search(text):
            return row
        names = self._chinese_names()
        kept: list[Span] = []
        for s, e, kind, conf in row:
            piece = text[s:e]
            if not has_cjk(piece) or piece.strip() in names:
                kept.append(Span(s, e, kind, conf))
                continue
            for part in _NON_CJK.finditer(piece):
                # the words at the cut are glue, not name ("痛风 and gout" → "gout")
                words = list(_CUT_WORD.finditer(part.group()))
                while words and words[0].group().strip(_CUT_PUNCT).lower() in _CUT_GLUE:
                    words.pop(0)
                while words and words[-1].group().strip(_CUT_PUNCT).lower() in _CUT_GLUE:
                    words.pop()
                if not words:
                    continue
                a = s + part.start() + words[0].start()
                b = s + part.start() + words[-1].start() + len(words[-1].group().rstrip(_CUT_PUNCT))
                if b > a and _WORDISH.search(text[a:b]):
                    kept.append(Span(a, b, kind, conf))
        extra = [c for c in self.chinese_spans(text) if uncovered(c[0], c[1], kept)]
        return resolve_overlaps(kept + extra)

    def _with_lay_names(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the curated lay names and short forms (``graph_data/lexicon_en.tsv``:
        "low sodium", "nosebleeds", "WPW") no span covers yet: the tagger, trained on
        abstracts, does not tag the words people use. A short form in capitals matches only in
        capitals ("POTS", not "pots"); a name may end in a plural s. A drug class name
        ("steroids", "antibiotics") counts only in a short text or a short question:
        abstracts use them as plain words (titles too), and the corpora do not tag them; an
        organism's name ("HIV-1", "hepatitis B virus") likewise. A drug's brand name
        ("Lipitor", "imitrex") counts anywhere. A name that holds tagged spans whole replaces
        them ("painful menstrual periods", tagged "menstrual periods").
        A name that is an ordinary word too ("cold") counts only as a noun (:func:`_as_noun`),
        tagged or not."""
        lay = _lay_names()
        if lay is None:
            return row
        pattern, kinds, classes = lay
        # a tagged ordinary word that is no noun there names no disorder ("my hands are always
        # cold": the tagger tags "cold", which names the common cold)
        row = [r for r in row if not _plain_word(text, r.start, r.end)]
        at = {(s.start, s.end): i for i, s in enumerate(row)}
        extra = []
        drop: set[int] = set()
        brief: list[tuple[int, int]] | None = None
        for m in pattern.finditer(text):
            kind = kinds.get(m.group("name").lower())
            if kind is None:
                continue
            if _plain_word(text, *m.span()):
                continue  # "cold hands", "a cold compress": no common cold
            if m.span() in at:
                # a tagged span that is exactly such a name takes the name's type ("beta
                # blockers" tagged as a disease is a drug class)
                row[at[m.span()]] = row[at[m.span()]]._replace(type=kind)
                continue
            inside = [i for i, r in enumerate(row) if r.start < m.end() and m.start() < r.end]
            out = [i for i in inside if row[i].start < m.start() or row[i].end > m.end()]
            if out and not self._runs_out_unnamed(text, m, [row[i] for i in out]):
                continue
            if m.group("name").lower() in classes:
                brief = _brief_questions(text) if brief is None else brief
                if not any(a <= m.start() and m.end() <= b for a, b in brief):
                    continue
            # a curated name holding tagged spans replaces them: the tagger stops short of
            # what people say ("painful [menstrual periods]", "high [blood pressure]")
            drop.update(inside)
            extra.append(Span(m.start(), m.end(), kind, 1.0))
        row = [r for i, r in enumerate(row) if i not in drop]
        return resolve_overlaps(row + extra)

    def _runs_out_unnamed(self, text: str, name: re.Match[str], spans: list[Span]) -> bool:
        """Whether tagged ``spans`` that run out of a lay name of several words may yield to it:
        each begins inside the name, after its first word, and none is a graph name (the
        tagger splits what people say: "I have [pins] and [needles in my hands]"). A span that
        begins with the name or before it is the tagger's longer reading and stands
        ("insulin-dependent diabetes mellitus" over the lexicon's "insulin-dependent
        diabetes"), as does one that is a name itself."""
        if " " not in name.group("name").strip():
            return False
        return all(name.start() < s.start < name.end()
                   and not any(h.match in ("exact", "normalized")
                               for h in self.kg.find(text[s.start : s.end], limit=3))
                   for s in spans)  # fmt: skip

    def _with_findings_said_of_parts(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the findings said of a body part whose names put the word first ("now
        my ankles are swollen": *Pedal edema*, named "swollen ankles"; "my throat is sore"):
        the tagger tags such a phrase in pieces or not at all. The span runs from the part to
        the word and replaces spans inside it; the candidates read it the named way round
        (:func:`said_of_part`). So too a part said to hurt, bleed or itch (:func:`part_does`)."""
        extra: list[Span] = []
        # a part said to hurt, bleed or itch ("My right shoulder is getting pain") only where a
        # name says it of that part (*Shoulder pain*), not the finding wherever it is
        for pattern, names_of in ((SAID_OF_PART, said_of_part), (PART_DOES_SAID, part_does)):
            for m in pattern.finditer(text):
                a, b = m.start(), m.end()
                if _runs_out(row, a, b) or any(x.start <= a and b <= x.end for x in extra):
                    continue  # a tagged name runs out of it, or one said so holds it
                named = any(
                    h.match in ("exact", "normalized") and h.node.cls in ("Phenotype", "Disease")
                    for name in names_of(text[a:b])
                    for h in self.kg.find(name, limit=3)
                )
                if named:
                    extra.append(Span(a, b, "PHENOTYPE", 1.0))
        return _replacing(row, extra)

    def _with_measures_taken_for(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the measures a drug is taken for, or to lower ("What else can I take
        for my blood pressure?", "to lower my cholesterol"), which the candidates read as their
        being too high (:func:`measure_meant`: hypertension; the chemical cholesterol, read as
        a drug, had made "What can I take for my cholesterol?" ask what cholesterol treats).
        The span is the measure's words, replacing spans inside it."""
        spans = ((m.start("measure"), m.end()) for m in TAKEN_FOR_MEASURE.finditer(text))
        # not where a tagged name runs out of it ("for high blood pressure")
        return _replacing(row, [Span(a, b, "DISEASE", 1.0) for a, b in spans
                                if not _runs_out(row, a, b)])  # fmt: skip

    def _with_eponyms(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the eponyms in the possessive no span holds that stand for a disease
        of the graph ("sjogren's", "Addison's": the tagger leaves such words in lower case or
        in a question untagged). A tagged span that starts inside the word ("s: implants or
        dentures", cut at the apostrophe) gives way."""
        extra, drop = [], set()
        for m in _EPONYM.finditer(text):
            a, b = m.span()
            inside = [i for i, r in enumerate(row) if r.start < b and a < r.end]
            if any(row[i].start <= a for i in inside):
                continue  # tagged from its start: the candidates read the possessive
            word = m.group("word")
            if not any(self.kg.find(f"{word}'s {head}", limit=1) for head, _ in ELLIPTIC_HEADS):
                continue
            drop.update(inside)
            extra.append(Span(a, b, "DISEASE", 1.0))
        if not extra:
            return row
        return resolve_overlaps([r for i, r in enumerate(row) if i not in drop] + extra)

    def _with_class_names(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus a drug class named after is-a words where no span lies ("Is furosemide
        a diuretic?", "Omeprazole is a proton pump inhibitor"): the longest stretch of up to
        :data:`_CLASS_WORDS` words there that is exactly (or but for case, hyphens and plural)
        the name of a ``DrugClass`` node. The tagger, trained on disease and chemical names,
        leaves class names untagged, or tags a word of one; a span inside the stretch gives
        way, one reaching outside it stands."""
        extra: list[Span] = []
        starts = [m.end() for m in _IS_A_WORDS.finditer(text)]
        if re.match(r"\s*(?:is|are|isn[’']t|aren[’']t)\b", text, re.I):
            # asked: "Is furosemide a diuretic?", the class after the first name
            starts += [m.end() for r in row[:1]
                       if (m := _ASKED_A.match(text, r.end)) is not None]  # fmt: skip
        for start in starts:
            stretch = _word_run(text, start, _CLASS_WORDS)
            for k in range(len(stretch), 0, -1):
                a, b = stretch[0].start(), stretch[k - 1].end()
                inside = [r for r in row if r.start < b and a < r.end]
                if any(r.start < a or r.end > b for r in inside + extra if r.start < b
                       and a < r.end):  # fmt: skip
                    continue  # a span reaching outside the stretch stands
                if any(h.node.cls == "DrugClass" and h.match in ("exact", "normalized")
                       for h in self.kg.find(text[a:b], limit=5)):  # fmt: skip
                    # a tagged word inside it ("xanthine" of "xanthine oxidase inhibitor")
                    # gives way to the class
                    row = [r for r in row if r not in inside]
                    extra.append(Span(a, b, "CHEMICAL", 1.0))
                    break
        return resolve_overlaps(row + extra) if extra else row

    def _with_misspelt_names(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the disease and phenotype names people misspell where no span lies
        ("my blood presure is high", "treatment for high blood presure"): a word the base
        encoder's vocabulary does not know, of five letters or more, that misspells a word of
        the graph's disorder names (:meth:`CandidateGenerator.spelt_like`), read with one or
        two words beside it (alone too in a short question), the longest stretch that so
        spelt is a disorder name. The span keeps the words as typed; the candidates find the
        name by its spelling."""
        from kgqa.encoder import base_vocabulary

        known = base_vocabulary()
        if not known:
            return row
        toks = list(_TOKEN.finditer(text))
        extra: list[Span] = []
        brief: list[tuple[int, int]] | None = None
        for i, t in enumerate(toks):
            low = t.group().lower()
            if (len(low) < 5 or not low.isalpha() or low in known
                    or not uncovered(t.start(), t.end(), row + extra)):  # fmt: skip
                continue
            right = self.generator.spelt_like(normalize_name(low) or low)
            if right is None:
                continue
            brief = _brief_questions(text) if brief is None else brief
            alone = any(a <= t.start() and t.end() <= b for a, b in brief)
            found = self._misspelt_stretch(text, toks, i, right, row + extra, alone)
            if found is not None:
                extra.append(found)
        return resolve_overlaps(row + extra) if extra else row

    def _with_variant_ids(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus each dbSNP id ("rs7903146") no span covers that names a variant of the
        graph: the tagger, which reads ids as chemicals, left it untagged in "What does
        rs7903146 do?" (and tagged it in "What is rs7903146?"). Typed a gene's, the type
        nearest a variant and one the corpora's disease and chemical counts leave alone."""
        extra = [Span(m.start(), m.end(), "GENE", 1.0) for m in _VARIANT_ID.finditer(text)
                 if uncovered(m.start(), m.end(), row)
                 and any(h.node.cls == "Variant" and h.match == "exact"
                         for h in self.kg.find(m.group(), limit=3))]  # fmt: skip
        return resolve_overlaps(row + extra) if extra else row

    def _drug_misread(self, surface: str) -> tuple[Candidate, ...]:
        """The drug a word tagged as a disorder misspells (:meth:`CandidateGenerator.
        misspelt_drug`): a word the base encoder's vocabulary does not know, and no misspelt
        word of the disorder names (:meth:`CandidateGenerator.spelt_like`)."""
        from kgqa.encoder import base_vocabulary

        low = normalize_name(surface) or surface.lower()
        if surface.lower() in base_vocabulary() or self.generator.spelt_like(low) is not None:
            return ()
        return self.generator.misspelt_drug(low)

    def _with_misspelt_drugs(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the drug names people misspell where no span lies, in a short question
        or a message's subject line ("Can amoxicilin cause a rash?": the tagger, which knows
        "amoxicillin", left the slip untagged, and the claim found one entity): a word the base
        encoder's vocabulary does not know, of seven letters or more, that one drug name
        opening with the same letters is spelt nearly as (:meth:`CandidateGenerator.
        respelt_drug`, at the fuzzy match's ratio), and that is no graph name as written.
        Abstracts are left to the tagger: an unknown word there is as often a chemical of its
        own."""
        from rapidfuzz import fuzz

        from kgqa.encoder import base_vocabulary

        known = base_vocabulary()
        if not known:
            return row
        extra: list[Span] = []
        for a, b in _brief_questions(text):
            for t in _TOKEN.finditer(text, a, b):
                low = t.group().lower()
                if (len(low) < MISSPELT_DRUG_CHARS or not low.isalpha() or low in known
                        or not uncovered(t.start(), t.end(), row + extra)):  # fmt: skip
                    continue
                if any(h.match in ("exact", "normalized") for h in self.kg.find(low, limit=3)):
                    continue  # a name as written ("polysaccharide"): the tagger left it be
                found = self.generator.respelt_drug(low, ())
                name = normalize_name(found[0].name) if found else ""
                # spelt nearly as, or as it sounds ("Tilennol" is Tylenol)
                near = bool(found) and (fuzz.ratio(low, name) >= FUZZY_CUTOFF
                                  or sound_key(low) == sound_key(name))  # fmt: skip
                if len({c.node.iri for c in found}) == 1 and near:
                    extra.append(Span(t.start(), t.end(), "CHEMICAL", 1.0))
        return resolve_overlaps(row + extra) if extra else row

    def _misspelt_stretch(self, text: str, toks: list[re.Match[str]], i: int, right: str,
                          row: list[Span], alone: bool) -> Span | None:  # fmt: skip
        """The longest stretch of up to three words around ``toks[i]``, within a clause and
        clear of ``row``, that with ``right`` for that word is a disorder name. The word alone
        only when ``alone`` (in a short question): elsewhere a lone word one slip from a
        name's word is as often a term of its own ("codon", "meiosis", "tensin" in
        abstracts); the candidates respell a tagged one."""
        stretches = [(a, b) for a in range(max(0, i - 2), i + 1)
                     for b in range(i, min(len(toks), a + 3)) if alone or b > a]  # fmt: skip
        for a, b in sorted(stretches, key=lambda ab: (ab[0] - ab[1], ab[0])):
            s, e = toks[a].start(), toks[b].end()
            gaps = [text[toks[j].end() : toks[j + 1].start()] for j in range(a, b)]
            if any(g.strip() for g in gaps) or not uncovered(s, e, row):
                continue
            if not all(normalize_name(toks[j].group()) for j in range(a, b + 1)):
                continue  # no stop word at either end or inside ("of hyperemic")
            words = [right if j == i else toks[j].group() for j in range(a, b + 1)]
            kinds = {CLASS_TYPE.get(m.node.cls) for m in self.kg.find(" ".join(words), limit=5)
                     if m.match in ("exact", "normalized")}  # fmt: skip
            kind = next((k for k in ("DISEASE", "PHENOTYPE") if k in kinds), None)
            if kind is not None:
                return Span(s, e, kind, 1.0)
        return None

    def _with_subject_names(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the disorder names of a message's subject line that no span covers:
        a subject line names the topic as a heading does, with no sentence around it for the
        tagger to read ("SUBJECT: CURE FOR PNEUMONIA", "SUBJECT: rectal prolapse")."""
        header = MESSAGE_HEADER.match(text)
        if header is None:
            return row
        a = header.start("subject")
        subject = header.group("subject")
        # disorders only (the chemicals there are "Capsules", "Adhesives"), and not a head
        # word under a modifier the graph does not know ("gender dysphoria")
        extra = [Span(a + s, a + e, kind, 1.0)
                 for s, e, kind, _ in self.dictionary_spans(subject)
                 if kind in DISORDERS and not _MODIFIED.search(subject[:s])
                 and uncovered(a + s, a + e, row)]  # fmt: skip
        return resolve_overlaps(row + extra) if extra else row

    @staticmethod
    def _without_placeholders(text: str, row: list[Span]) -> list[Span]:
        """No span on a de-identification mark ("a science class called [ID]", "[NAME]",
        "[LOCATION]"): what the mark stood for was taken out, and "ID" was read as a gene,
        and told as "not in the graph: ID"."""
        marks = [m.span() for m in _PLACEHOLDER.finditer(text)]
        if not marks:
            return row
        return [sp for sp in row if not any(a < sp.end and sp.start < b for a, b in marks)]

    def _with_names_called(self, text: str, row: list[Span]) -> list[Span]:
        """``row`` plus the disorder a text says something is called ("a complex hearth defect
        called Tetralogy of Fallot", "a rare disease known as ..."): the longest disease or
        phenotype name of at least two words right after the word, replacing spans inside it
        and the disorder named right before the word, which it names. The tagger, reading a
        long message, tagged the defect and not its name."""
        extra = []
        for m in _CALLED.finditer(text):
            stop = _CLAUSE_END.search(text, m.end())
            end = stop.start() if stop else len(text)
            named = [d for d in self.dictionary_spans(text[m.end() : end])
                     if d.start == 0 and d.type in DISORDERS]  # fmt: skip
            if not named or len(_TOKEN.findall(text[m.end() : m.end() + named[0].end])) < 2:
                continue
            a, b = m.end(), m.end() + named[0].end
            if not _runs_out(row, a, b):
                extra.append(Span(a, b, named[0].type, 1.0))
                # what it is called stands for what was named right before the word ("a heart
                # defect called ..." asks about the defect by its name)
                row = [r for r in row if not (r.type in DISORDERS and r.end <= a and (
                    r.end > m.start() or not text[r.end : m.start()].strip()))]  # fmt: skip
        return _replacing(row, extra)

    def _extend_to_names(self, text: str, row: list[Span]) -> list[Span]:
        """A disorder span that the next one to ``EXTEND_WORDS`` words complete into a disease or
        phenotype name takes them: the tagger stops early in "migraine with aura",
        "glioblastoma multiforme", "stroke-like episodes". Only words on the right (a modifier
        on the left is often outside a corpus mention: "complete heart block"), never across
        punctuation or into another span."""
        out = []
        for s, e, kind, conf in row:
            # a word tagged a gene that is no gene's name may begin a disorder's ("Tetralogy",
            # tagged alone in "support for Tetralogy of Fallot in Peru")
            misread = kind == "GENE" and not self._names_exactly(text[s:e], ("Gene",))
            if kind in DISORDERS or misread:
                words, pos = [], e
                for m in _TOKEN.finditer(text, e):
                    gap = text[pos : m.start()]
                    if len(words) == EXTEND_WORDS or not gap or gap.strip(" -"):
                        break
                    words.append(m.end())
                    pos = m.end()
                others = [x for x in row if x[0] != s]
                for end in reversed(words):
                    if uncovered(e, end, others) and self._names_exactly(
                        text[s:end], ("Disease", "Phenotype")
                    ):
                        e, kind = end, "DISEASE" if misread else kind
                        break
                else:
                    if misread:
                        out.append(Span(s, e, kind, conf))
                        continue
                    s = self._titled_from(text, s, e, others)
                    s, e = self._inside_a_disease_name(text, s, e, others)
            out.append(Span(s, e, kind, conf))
        return out

    def _titled_from(self, text: str, s: int, e: int, others: list[Span]) -> int:
        """The start of a name written in capitals word by word that runs on to the left of a
        span so written ("information over Generalized Anxiety Disorder", tagged "Anxiety
        Disorder"): the words of a title, not a modifier a corpus leaves out ("complete heart
        block"). ``s`` when there is none."""
        if not _TITLED.fullmatch(text[s:e]):
            return s
        left = [m for m in _TOKEN.finditer(text, max(0, s - 40), s) if m.end() <= s]
        for m in reversed(left[-EXTEND_WORDS:]):
            if not _TITLED.fullmatch(text[m.start() : s].rstrip()) or not uncovered(
                m.start(), s, others
            ):
                break
            if self._names_exactly(text[m.start() : e], ("Disease", "Phenotype")):
                return m.start()
        return s

    def _names_a_site(self, surface: str) -> bool:
        """Whether ``surface`` says a finding where a name says it of its site ("pain in my
        lower back": *Low back pain*), which the tagger tags unsure in a text that asks on
        ("I have pain in my lower back. What can I take?" had linked nothing)."""
        names = [n for name in located_names(surface) for n in (name, singular_site(name))]
        return any(self._names_exactly(n, ("Disease", "Phenotype")) for n in names)

    def _names_exactly(self, surface: str, classes: tuple[str, ...]) -> bool:
        """Whether ``surface`` is exactly a name (or id) of a node of one of ``classes``."""
        return any(how in ("exact", "id") and node.cls in classes
                   for node, _, how, _ in self.generator.name_matches(surface))  # fmt: skip

    def _inside_a_disease_name(self, text: str, s: int, e: int, others: list[Span]
                               ) -> tuple[int, int]:  # fmt: skip
        """The span widened to a disease name of at least three words that holds it with words
        on both sides ("complex regional pain syndrome" around a tagged "pain"), else as it
        is. Only both sides: a left modifier alone is often outside a corpus mention."""
        left = [m for m in _TOKEN.finditer(text, max(0, s - 40), s) if m.end() <= s][-EXTEND_WORDS:]
        right = list(_TOKEN.finditer(text, e, min(len(text), e + 40)))[:EXTEND_WORDS]
        best = (s, e)
        for a in [m.start() for m in left]:
            for b in [m.end() for m in right]:
                surface = text[a:b]
                if (len(surface.split()) < 3 or not _joinable(surface) or "," in surface
                        or not uncovered(a, s, others) or not uncovered(e, b, others)):  # fmt: skip
                    continue
                if b - a > best[1] - best[0] and self._names_exactly(surface, ("Disease",)):
                    best = (a, b)
        return best

    @staticmethod
    def _extended(row: list[Span], to: Callable[[int, int, str], int | None]) -> list[Span]:
        """Each span, taken on to the end ``to(start, end, kind)`` gives (None: as it is);
        spans inside the words a previous span took go."""
        out: list[Span] = []
        taken_to = -1
        for s, e, kind, conf in row:
            if s < taken_to:
                continue
            end = to(s, e, kind)
            out.append(Span(s, end if end is not None else e, kind, conf))
            taken_to = end if end is not None else taken_to
        return out

    def _extend_to_body_sites(self, text: str, row: list[Span]) -> list[Span]:
        """A finding followed by where it is ("pain in her left hip", "swelling of the
        ankles") takes the words up to the body site when the graph names the finding there
        ("Hip pain", "Ankle swelling"): people say where it hurts, the ontology has the term.
        The candidates then read the span by that name (:func:`located_names`)."""

        def site_end(s: int, e: int, kind: str) -> int | None:
            m = _BODY_SITE.match(text, e) if kind in DISORDERS else None
            if m is None:
                return None
            for end in (m.end(), m.end("site")) if m.group("more") else (m.end(),):
                names = located_names(text[s:end])
                # the site said in the plural as names rarely do ("pain in my ears": Ear pain)
                said = [*names, *(singular_site(n) for n in names)]
                if any(self._names_exactly(n, ("Disease", "Phenotype")) for n in said):
                    return end
            return None

        return self._extended(row, site_end)

    def _extend_to_subtypes(self, text: str, row: list[Span]) -> list[Span]:
        """A disorder span followed by a subtype designation (", type 2A", " type IV", " VI",
        " 1") takes it when the whole is a graph name, spelt there perhaps another way
        ("mucopolysaccharidosis VI" for "MPS type 6"); a span the designation held of its own
        ("type 2A" taken for a disease) goes. The tagger, and the OMIM comma, cut subtypes
        off: "Charcot-Marie-Tooth disease, type 2A" read as plain Charcot-Marie-Tooth disease."""

        def designation_end(s: int, e: int, kind: str) -> int | None:
            m = _SUBTYPE_TAIL.match(text, e) if kind in DISORDERS else None
            if m is None:
                return None
            hits = self.kg.find(text[s : m.end()], limit=3)
            if any(h.node.cls in ("Disease", "Phenotype") for h in hits):
                return m.end()
            # a short form's subtype ("MODY 3"): the name it stands for, with the designation
            # (the lookup spells it "maturity-onset diabetes of the young type 3")
            tail = m.group().strip(" ,()")
            named = [h.node for h in self.kg.find(text[s:e], limit=3)
                     if h.node.cls == "Disease" and is_short_form(text[s:e])]  # fmt: skip
            for node in named:
                if any(
                    h.node.cls == "Disease" for h in self.kg.find(f"{node.label} {tail}", limit=3)
                ):
                    return m.end()
            return None

        return self._extended(row, designation_end)

    def _extend_from_subtype_heads(self, text: str, row: list[Span]) -> list[Span]:
        """A disorder span right after a subtype designation ("type 1", "stage IV") takes it
        when the whole is exactly a graph name: in a long message that had read about type 1
        diabetes the tagger took no span, and the lay names found "diabetes" alone."""
        out = []
        for s, e, kind, conf in row:
            head = _SUBTYPE_HEAD.search(text, max(0, s - 24), s) if kind in DISORDERS else None
            others = [x for x in row if x[0] != s]
            whole = text[head.start() : e] if head is not None else ""
            if (head is not None and uncovered(head.start(), s, others)
                    and self._names_exactly(whole, ("Disease", "Phenotype"))):  # fmt: skip
                s = head.start()
            out.append(Span(s, e, kind, conf))
        return out

    def _join_to_names(self, text: str, row: list[Span]) -> list[Span]:
        """In a short text (a name, a title, a findings line), the longest stretch from a
        span's start to a later span's end (or to the text's end) that is a graph name
        becomes one span: the tagger cuts names at commas and inversions ("Sleep Apnea,
        Obstructive", "Cataract 11, multiple types", "Cleft palate, proliferative
        retinopathy, and developmental delay"). Spans inside it go."""
        if not row or len(text) > LONG_CHARS:
            return row  # a run of thousands of characters without a space is no short text
        if len(text.split()) > SHORT_WORDS or len(text) > SHORT_CHARS:
            return self._inverted_names(text, row)
        return self._joined(text, row, len(text.rstrip(" .?!;:")))

    def _into_longer_names(self, text: str, row: list[Span]) -> list[Span]:
        """In a short text (a question, a claim), a disease or phenotype name of two words or
        more that holds tagged spans whole, and is longer than they are together, becomes one
        span: the tagger reads a modifier on the left, or a preposition inside, as outside the
        name ("atypical hemolytic-uremic syndrome", tagged "hemolytic-uremic syndrome", another
        disease with other genes; "congenital insensitivity to pain with anhidrosis", tagged
        "pain" and "anhidrosis"). A span that runs out of the name keeps it apart. Running
        text keeps the tagger's spans (a corpus mention often leaves a modifier out)."""
        if not row or len(text.split()) > SHORT_WORDS or len(text) > SHORT_CHARS:
            return row
        out = list(row)
        for d in self.dictionary_spans(text):
            surface = text[d.start : d.end]
            if d.type not in DISORDERS or len(surface.split()) < 2:
                continue
            inside = [x for x in out if d.start <= x.start and x.end <= d.end]
            if (not inside or not uncovered(d.start, d.end, [x for x in out if x not in inside])
                    or sum(x.end - x.start for x in inside) >= d.end - d.start
                    or not self._names_exactly(surface, ("Disease", "Phenotype"))):  # fmt: skip
                continue
            conf = max(x.score for x in inside)
            out = sorted([x for x in out if x not in inside] + [Span(d.start, d.end, d.type, conf)])
        return out

    def _inverted_names(self, text: str, row: list[Span]) -> list[Span]:
        """In a long text, a disorder span the words after a comma complete into a disease or
        phenotype name the inverted way ("suffering from Pemphigus, vulgaris.", "Sleep Apnea,
        Obstructive"): the span takes them, and spans inside them go. Only a comma between, at
        most ``EXTEND_WORDS`` words after it that add to the name ("hypertension, the" is
        just hypertension), never into a span that runs on ("cardiomyopathy, congestive heart
        failure" is two)."""
        out: list[Span] = []
        taken_to = -1
        for s, e, kind, conf in row:
            if s < taken_to:
                continue
            tail = _AFTER_COMMA.match(text, e) if kind in DISORDERS else None
            if tail is not None:
                ends = [w.end() for w in _TOKEN.finditer(text, tail.end(), tail.end() + 60)]
                for end in reversed(ends[:EXTEND_WORDS]):
                    if (re.search(r"[.;:!?()\[\]]", text[tail.end() : end])
                            or normalize_name(text[s:end]) == normalize_name(text[s:e])
                            or any(x.start < end < x.end for x in row)):  # fmt: skip
                        continue  # not across a sentence, nor into the next name

                    if any(h.node.cls in ("Disease", "Phenotype")
                           and h.match in ("exact", "normalized")
                           for h in self.kg.find(text[s:end], limit=3)):  # fmt: skip
                        e = end
                        break
            out.append(Span(s, e, kind, conf))
            taken_to = e
        return out

    def _joined(self, text: str, row: list[Span], end_of_text: int) -> list[Span]:
        ends = sorted({e for _, e, _, _ in row} | {end_of_text}, reverse=True)
        out: list[Span] = []
        taken_to = -1
        for s, e, kind, conf in row:
            if s < taken_to:
                continue
            best = e
            for end in ends:
                if end <= e:
                    break
                if _joinable(text[s:end]) and any(
                    h.node.cls in _NAME_CLASSES
                    for h in self.kg.find(text[s:end], limit=3)
                    if h.match in ("exact", "normalized")
                ):
                    best = end
                    break
            if best != e:
                # the name joined says what it is ("thiamine", tagged a chemical, begins
                # "thiamine-responsive megaloblastic anemia syndrome")
                kind = self._dictionary_type(text[s:best]) or kind
            out.append(Span(s, best, kind, conf))
            taken_to = best
        return out

    def _trim_question_words(self, text: str, row: list[Span]) -> list[Span]:
        """A span ending in a word the question asks with ("CVID symptoms", "gout treatment",
        "lupus causes") gives it up when the rest is a graph name and the whole is not."""
        out = []
        for s, e, kind, conf in row:
            lead = _QUESTION_HEAD.match(text, s, e)
            if lead is not None and lead.end() < e and not self.kg.find(text[s:e], limit=1):
                # ... or opening with one ("what reason vomit bile?", tagged whole)
                rest = text[lead.end() : e]
                if self._reads_as_name(rest) or self.generator.name_matches(rest):
                    s = lead.end()
            m = _QUESTION_TAIL.search(text, s, e)
            if m is not None and m.end() == e and m.start() > s:
                before = text[s : m.start()].rstrip()
                head = re.sub(r"(?:['’]s|-)$", "", before).rstrip()
                if head and not self.kg.find(text[s:e], limit=1) and self._reads_as_name(head):
                    e = s + len(head)
                elif (head and _POSSESSIVE_END.search(before)
                      and self.kg.find(before + " disease", limit=1)):  # fmt: skip
                    e = s + len(before)  # "Crohn's symptoms": Crohn's, read as its disease
            out.append(Span(s, e, kind, conf))
        return out

    def _trim_trailing_modes(self, text: str, row: list[Span]) -> list[Span]:
        """A disorder span ending in a mode of inheritance (or in a word of its course, "...
        progressive", when the rest is a graph name exactly) that is no graph name whole gives
        the mode up ("Is spastic paraplegia type 3A autosomal recessive?": the tagger took the
        mode in, and the long span then gave way to *Spastic paraplegia* inside it). A name
        that ends so stays ("Spastic paraplegia 3, autosomal dominant")."""
        out = []
        for span in row:
            surface = text[span.start : span.end]
            mode = _TRAILING_MODE.search(surface) if span.type in DISORDERS else None
            if mode is not None and mode.start() > 0 and not self.kg.find(surface, limit=1):
                span = Span(span.start, span.start + mode.start(), span.type, span.score)
            course = _TRAILING_COURSE.search(surface) if span.type in DISORDERS else None
            rest = surface[: course.start()] if course is not None else ""
            if (course is not None and course.start() > 0
                    and not self.kg.find(surface, limit=1)
                    and any(m.match == "exact" for m in self.kg.find(rest, limit=3))):  # fmt: skip
                # (only onto a name the rest is exactly: "Kniest like dysplasia lethal" keeps
                # its last word, which is no course word there)
                span = Span(span.start, span.start + course.start(), span.type, span.score)
            out.append(span)
        return out

    def _trim_owner_words(self, text: str, row: list[Span]) -> list[Span]:
        """A span opening with words that say whose or which it is ("my hernia", which dense
        search read as DO's enterocele) gives them up when the rest is a graph name and the
        whole is not."""
        out = []
        for span in row:
            trimmed = self._owned(text, span)
            if (trimmed != span and not self.kg.find(text[span.start : span.end], limit=1)
                    and any(m.node.cls in _OWNED_NAMES
                            for m in self.kg.find(text[trimmed.start : trimmed.end], limit=5))
                    ):  # fmt: skip
                span = trimmed
            out.append(span)
        return out

    def _reads_as_name(self, text: str) -> bool:
        """Whether ``text`` is a graph name, or one under a word of heredity, course or
        severity ("chronic anal fissure"; see :func:`reduced_forms`)."""
        return bool(self.kg.find(text, limit=1)) or any(
            self.kg.find(r, limit=1) for r in reduced_forms(text)
        )

    def _retype_by_name(self, text: str, row: list[Span]) -> list[Span]:
        """A tagged span that is exactly the name of a chemical and of no disease or phenotype
        (or the other way round) takes the type its name gives. The tagger learnt word order
        from questions like "Does marfan syndrome cause ...?" and calls "metformin" a disease in
        "Does metformin cause lactic acidosis?". A word in lower or title case taken for a gene
        ("History: gout.") takes the type of the disorder or chemical it names when it names no
        gene. Short forms ("CP", "RA") and gene names are left to the tagger, which reads their
        context; a word in capitals is one only up to ``SHORT_FORM_CHARS`` letters ("CURE FOR
        PNEUMONIA" is shouted)."""
        out = []
        for s, e, kind, conf in row:
            surface = text[s:e]
            if len(surface) >= 4 and (not surface.isupper() or len(surface) > SHORT_FORM_CHARS):
                found = {
                    CLASS_TYPE.get(node.cls)
                    for node, _, how, _ in self.generator.name_matches(surface)
                    if how in ("exact", "id")
                }
                named = found & _RETYPES
                if kind == "GENE":
                    # a word in lower or title case taken for a gene ("History: gout.") that
                    # names a disorder or a chemical, and no gene
                    other = DISORDERS if named <= DISORDERS else {"CHEMICAL"}
                    own = {"GENE"}
                else:
                    own = DISORDERS if kind in DISORDERS else {kind}
                    other = {"CHEMICAL"} if kind in DISORDERS else DISORDERS
                if named and named <= other and not found & own:
                    # a disease wins a tie with a phenotype of the same name
                    kind = "DISEASE" if "DISEASE" in named else min(named)
            out.append(Span(s, e, kind, conf))
        return out

    def _split_at_exclusions(self, text: str, row: list[Span]) -> list[Span]:
        """A tagged span that is no graph name and holds a phrase that leaves out what
        follows ("depression apart from SSRIs", "gout other than allopurinol", "pneumonia if
        I am allergic to penicillin") → its parts before and after the phrase, each typed by
        its name when it is one (a part that is none, by the names inside it); a span "non-X"
        that is no name, where X is a drug or a drug class name ("non-opioid"), → X
        (:func:`negated_spans` reads the "non-" before it); a span that is a word of such a
        phrase ("allergic" of "allergic to aspirin") is dropped. The tagger, trained on
        abstracts, runs such questions together; read whole, the drug left out was lost, or
        became the topic."""
        out: list[Span] = []
        cues = [m.span() for m in _EXCLUDING.finditer(text)]
        for s, e, kind, conf in row:
            before = _NON_BEFORE.search(text[max(0, s - 5) : s])
            if before is not None and self.kg.find(text[s - len(before.group(0)) : e], limit=1):
                # "non-" is part of the name ("non-toxic goiter", tagged "toxic goiter"): read
                # as a negation before it, it had made "toxic goiter" a negated mention
                s -= len(before.group(0))
            if any(a <= s - 1 and e + 1 <= b for a, b in cues):
                continue  # a word of the phrase itself ("allergic" of "allergic to aspirin")
            # a span running into the phrase ends before it ("[headaches other] than ...")
            e = min([a for a, b in cues if s < a < e < b] + [e])
            surface = text[s:e].rstrip()
            e = s + len(surface)
            cue = _EXCLUDING.search(surface)
            non = _NON_PREFIX.match(surface)
            if (cue is None and non is None) or self.kg.find(surface, limit=1):
                out.append(Span(s, e, kind, conf))
                continue
            if cue is not None:
                for a, b in ((s, s + cue.start()), (s + cue.end(), e)):
                    named = self._dictionary_type(text[a:b])
                    # a part that is no name gives way to the names inside it ("pneumonia if
                    # I am" allergic to ...)
                    inner = [] if named else self.dictionary_spans(text[a:b])
                    out += ([Span(a + d.start, a + d.end, d.type, conf) for d in inner]
                            or [Span(a, b, named or kind, conf)])  # fmt: skip
                continue
            a = s + non.end()  # type: ignore[union-attr]
            named = {h.node.cls for h in self.kg.find(text[a:e], limit=5)
                     if h.match in ("exact", "normalized")}  # fmt: skip
            out.append(Span(a, e, "CHEMICAL", conf) if named & {"Chemical", "DrugClass"}
                       else Span(s, e, kind, conf))  # fmt: skip
        return out

    def _split_points(self, text: str, row: list[Span], pattern: re.Pattern[str]
                      ) -> Iterator[tuple[Span, re.Match[str] | None]]:  # fmt: skip
        """Each span with where ``pattern`` splits it: a match after its start, in a span that
        is no graph name whole (None: the span stays as it is)."""
        for span in row:
            surface = text[span.start : span.end]
            m = pattern.search(surface)
            keep = m is None or m.start() == 0 or self._reads_as_name(surface)
            yield span, (None if keep else m)

    def _split_at_brackets(self, text: str, row: list[Span]) -> list[Span]:
        """A tagged span that ends in a bracketed part and is no graph name whole ("Adult
        Progressive Spinal Muscular Atrophy (Aran-Duchenne syndrome)") → the part before the
        brackets and the part inside, two mentions: read whole, it sat nearest Duchenne
        muscular dystrophy, which is neither. A bracket inside a name stays ("glucose-6-
        phosphate dehydrogenase (G6PD) deficiency")."""
        out: list[Span] = []
        for (s, e, kind, conf), m in self._split_points(text, row, _END_BRACKETS):
            if m is None:
                out.append(Span(s, e, kind, conf))
                continue
            before = text[s : s + m.start()].rstrip(" ,;:-")
            out.append(Span(s, s + len(before), kind, conf))
            inner = m.group(1)
            lead = len(inner) - len(inner.lstrip())
            out.append(Span(s + m.start(1) + lead, s + m.start(1) + len(inner.rstrip()), kind,
                            conf))  # fmt: skip
        return out

    def _split_at_circumstances(self, text: str, row: list[Span]) -> list[Span]:
        """A tagged span that is no graph name and says when or from what the disorder came
        ("rib pain and swelling after car accident", "walking after head injury", "pain after
        hemorrhoidectomy") → the disorder before the words, and after them only a graph name
        ("head injury"). Read whole, the span sat nearest whatever matched its last words
        (*Rib Fractures*, *Postoperative Hemorrhage*)."""
        out: list[Span] = []
        for (s, e, kind, conf), cue in self._split_points(text, row, _CIRCUMSTANCE):
            if cue is None:
                out.append(Span(s, e, kind, conf))
                continue
            out.append(Span(s, s + cue.start(), kind, conf))
            a = s + cue.end()
            named = self._dictionary_type(text[a:e])
            if named:
                out.append(Span(a, e, named, conf))
            else:
                out += [Span(a + d.start, a + d.end, d.type, conf)
                        for d in self.dictionary_spans(text[a:e])]  # fmt: skip
        return out

    def _narrow_long_spans(self, text: str, row: list[Span]) -> list[Span]:
        """In a question-length text, a tagged phrase that is no graph name and reads like a
        heading or a topic ("Allergic rhinitis - self-care", "Living with heart disease and
        angina", "Controlling your high blood pressure") gives way to the graph names of its
        own type group inside it. It stays whole when a part of a coordination is a modifier
        of the last part's head ("breast and ovarian cancer": "breast cancer" is a name; the
        candidates then read it as conjuncts), or when no inner name is of its type group
        ("Type II complement protein C2 deficiency" holds only the chemical "protein").
        Running text keeps the tagger's spans."""
        if len(text.split()) > SHORT_WORDS:
            return row
        out: list[Span] = []
        for s, e, kind, conf in row:
            surface = text[s:e]
            parts = _parts(surface)
            if (len(parts) > 1 or len(surface.split()) >= 5) and not self.kg.find(surface, limit=1):
                group = DISORDERS if kind in DISORDERS else {kind}
                # an ordinary word standing as no noun names nothing here either ("What
                # causes cold hands and feet?" gave the common cold, and viruses at 0.78)
                inner = [d for d in self.dictionary_spans(surface) if d[2] in group
                         and not _plain_word(text, s + d[0], s + d[1])]  # fmt: skip
                if inner and not self._shares_a_head(surface, parts, inner):
                    out += [Span(s + a, s + b, k, conf) for a, b, k, _ in inner]
                    continue
            out.append(Span(s, e, kind, conf))
        return out

    def _shares_a_head(self, surface: str, parts: list[tuple[int, int]], inner: list[Span]) -> bool:
        """Whether a part holding no name, or its last word, reads as a modifier of the last
        part's head word: "breast cancer" in "hereditary breast and ovarian cancer"."""
        if len(parts) < 2:
            return False
        head = surface[parts[-1][0] : parts[-1][1]].split()[-1]
        for ps, pe in parts[:-1]:
            if any(a < pe and b > ps for a, b, *_ in inner):
                continue
            words = surface[ps:pe].split()
            if any(self.kg.find(f"{w} {head}", limit=1) for w in {" ".join(words), words[-1]}):
                return True
        return False

    def _split_coordinations(self, text: str, row: list[Span]) -> list[Span]:
        """ "rash or seizures" → two spans, when each part is a graph name and the whole is not;
        "type 1 and type 2 diabetes" → "type 1" and "type 2 diabetes" (:func:`elided_name`
        reads the first)."""
        out = []
        for s, e, kind, conf in row:
            surface = text[s:e]
            pair = _ELIDED_PAIR.match(surface)
            if pair is not None and not self.kg.find(surface, limit=1):
                out += [Span(s, s + pair.end("first"), kind, conf),
                        Span(s + pair.start("second"), e, kind, conf)]  # fmt: skip
                continue
            pieces, pos = [], 0
            for sep in _COORD.finditer(surface):
                pieces.append((s + pos, s + sep.start()))
                pos = sep.end()
            pieces.append((s + pos, e))
            pieces = [(a, b) for a, b in pieces if b > a]
            fits = TYPE_FIT.get(kind, {})
            if (
                len(pieces) > 1
                and not self.kg.find(surface, limit=1)
                and all(
                    any(m.node.cls in fits for m in self.kg.find(text[a:b], limit=5))
                    for a, b in pieces
                )
            ):
                out += [Span(a, b, kind, conf) for a, b in pieces]
            else:
                out.append(Span(s, e, kind, conf))
        return out

    def link_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]]
    ) -> list[list[Mention]]:
        """Candidates, abbreviations and negation for given (start, end, type, score) spans of
        already cleaned texts (used by ``link_many`` and to evaluate linking on gold spans)."""
        cleaned = list(texts)
        # abbreviations and the dense queries, batched over all texts
        abbrevs = [define_abbreviations(t) for t in cleaned]
        queries: list[tuple[int, int]] = []
        for i, row in enumerate(spans):
            for j, (s, e, _kind, _) in enumerate(row):
                if self.generator.needs_dense(cleaned[i][s:e]):
                    queries.append((i, j))
        dense: dict[tuple[int, int], list] = {}
        if queries and (self.generator.dense is not None or self.generator.annotated is not None):
            from kgqa.encoder import sentence_encoder

            typed = [cleaned[i][spans[i][j][0] : spans[i][j][1]] for i, j in queries]
            said = [self.generator.dense_text(t, spans[i][j][2])
                    for t, (i, j) in zip(typed, queries, strict=True)]  # fmt: skip
            # a word spelt otherwise than typed: the query is a guess
            respelt = [bool(set(s.casefold().split()) - set(t.casefold().split()))
                       for s, t in zip(said, typed, strict=True)]  # fmt: skip
            vecs = sentence_encoder().encode(
                said,
                batch_size=128,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            hits_of = self.generator.dense_hits(vecs, respelt)
            for q, hits in zip(queries, hits_of, strict=True):
                dense[q] = hits
        out: list[list[Mention]] = []
        for i, text in enumerate(cleaned):
            row = spans[i]
            neg = negated_spans(text, [(s, e) for s, e, _, _ in row])
            mentions = []
            lacking: dict[str, tuple[Candidate, ...]] = {}
            for j, (s, e, kind, conf) in enumerate(row):
                surface = text[s:e]
                long_span = abbrevs[i].get(surface)
                long_form = text[long_span[0] : long_span[1]] if long_span else None
                window = text[max(0, s - 200) : e + 200]
                cands = self.generator.rank(
                    surface,
                    kind,
                    context=window,
                    dense=dense.get((i, j), ()),
                    abbreviation_of=long_form,
                )
                loose = not cands or cands[0].score < NIL_THRESHOLD or (
                    cands[0].match == "dense" and cands[0].score < DENSE_DRUG_SURE
                    and cands[0].node.cls == "Chemical")  # fmt: skip
                if kind == "CHEMICAL" and loose and _ONE_WORD.fullmatch(surface):
                    # a drug name misspelt is its letters' drug, or none
                    cands = self.generator.respelt_drug(surface, cands)
                elif (kind == "CHEMICAL" and cands and cands[0].match == "dense"
                        and _ONE_WORD.fullmatch(surface)
                        and (slip := self.generator.misspelt_drug(normalize_name(surface)))
                        and slip[0].node != cands[0].node):  # fmt: skip
                    # however sure the likeness, a drug one slip from the word is the one
                    # meant: "prednisplone" is prednisolone (the likeness: prednisone, 0.97)
                    slipped = {x.node for x in slip}
                    cands = (*slip, *(c for c in cands if c.node not in slipped))
                elif (kind in DISORDERS and _ONE_WORD.fullmatch(surface)
                        and (not cands or (cands[0].match == "dense"
                                           and cands[0].score < DENSE_DRUG_SURE))
                        and (slip := self._drug_misread(surface))):  # fmt: skip
                    # a misspelt drug name the tagger took for a disorder ("Can amvien cause
                    # memory loss?" was adrenoleukodystrophy, a likeness at 0.74)
                    kind, cands = "CHEMICAL", (*slip, *cands)
                elif kind == "CHEMICAL" and (not cands or cands[0].match == "dense"):
                    # a brand misspelt beside the drug's own name ("ALMITA PEMETREXED"): the
                    # word that names exactly the drug the likeness found is the mention
                    named = self._drug_word(surface, window)
                    if named is not None and (not cands or cands[0].node == named[1][0].node):
                        (a, b), cands = named
                        s, e, surface = s + a, s + b, surface[a:b]
                meant = measure_meant(text, s, e)
                if meant is not None:
                    # "for my blood pressure": hypertension, not the measure
                    cands = self.generator.rank(meant, kind, context=window) or cands
                lacked = (deficiency_meant(text, s, e) if cands and cands[0].node.cls == "Gene"
                          and cands[0].match in ("exact", "id") else None)  # fmt: skip
                if lacked is not None:
                    # "someone with G6PD": G6PD deficiency, when the graph names one so
                    named = [
                        c for c in self.generator.rank(lacked, "DISEASE", context=window)
                        if c.match in _NAMED and c.node.cls == "Disease"
                    ]  # fmt: skip
                    if named:
                        kind, cands = "DISEASE", (named[0], *cands)
                        lacking[surface] = cands
                whole = elided_name(text, (s, e), [(a, b) for a, b, _, _ in row[j + 1 :]])
                if whole is not None:
                    # "type 1 and type 2 diabetes": the first subtype is "type 1 diabetes"
                    named = self.generator.rank(whole, kind, context=window)
                    if named and (not cands or named[0].score > cands[0].score):
                        cands = named
                if cands and cands[0].match == "dense" and self._names_a_part(surface):
                    cands = []  # a body part is no finding, however near a finding's name
                if cands and cands[0].match in ("exact", "id") and cands[0].name == surface:
                    kind = CLASS_TYPE.get(cands[0].node.cls, kind)  # the name decides
                elif cands and cands[0].score >= NIL_THRESHOLD and kind in DISORDERS:
                    # disease or phenotype: the tagger splits its belief between the two, the
                    # linked node settles it ("myotonic dystrophy" is a DO disease)
                    node_kind = CLASS_TYPE.get(cands[0].node.cls)
                    kind = node_kind if node_kind in DISORDERS else kind
                negated = neg[j] and not _lack_said_by_no(text, s, surface, cands)
                mentions.append(Mention(s, e, surface, kind, negated, conf, cands))
            if lacking:
                # the symbol as a title of its own is the deficiency too: a subject line "G6PD."
                # over "what someone with G6PD can eat" is G6PD deficiency, not the gene (only
                # a title: an abstract names a gene by its symbol again and again)
                mentions = [replace(m, type="DISEASE", candidates=lacking[m.text])
                            if m.text in lacking and m.node is not None and m.node.cls == "Gene"
                            and _TITLE_BEFORE.search(text, 0, m.start)
                            and _TITLE_AFTER.match(text, m.end) else m
                            for m in mentions]  # fmt: skip
            out.append(self._resolve_abbreviations(mentions, abbrevs[i]))
        return out

    def _drug_word(self, surface: str, context: str
                   ) -> tuple[tuple[int, int], tuple[Candidate, ...]] | None:  # fmt: skip
        """The one word of a drug mention of several words that is a drug's own name (of
        DrugBank or DrugCentral), beside words the base encoder's English lacks (a brand, a
        slip), with where it is in ``surface`` and its candidates; None otherwise ("shingles
        vaccine" is no *Vaccines*, "anti-Kidd antibodies" no *Antibodies*)."""
        words = list(_WORD_IN.finditer(surface))
        if len(words) < 2:
            return None
        found = []
        for w in words:
            if len(w.group()) < MIN_DRUG_WORD:
                continue
            cands = self.generator.rank(w.group(), "CHEMICAL", context=context)
            if (
                cands
                and cands[0].match in ("exact", "normalized")
                and cands[0].node.curie.split(":", 1)[0] in DRUG_SOURCES
            ):
                found.append((w, cands))
        if len(found) != 1:
            return None
        (word, cands), others = found[0], [w.group() for w in words if w is not found[0][0]]
        if not all(_unknown_word(o) for o in others):
            return None
        return word.span(), cands

    def _names_a_part(self, surface: str) -> bool:
        """Whether ``surface`` names a body part and nothing more ("my ear", "feet"): the
        embedding's nearest finding of it ("My ear is blocked": *Long hairs growing from helix
        of pinna*, 0.75) is no link."""
        words = surface.casefold().split()
        while words and words[0] in _DETERMINERS:
            words = words[1:]
        if not words or len(words) > 2:
            return False
        words[-1] = part_named(words[-1])
        return any(
            m.match in ("exact", "normalized")
            for m in self.kg.find(" ".join(words), cls="Anatomy", limit=3)
        )

    @staticmethod
    def _resolve_abbreviations(
        mentions: list[Mention], abbrevs: dict[str, tuple[int, int]]
    ) -> list[Mention]:
        """A short form defined in the text ("von Hippel-Lindau (VHL) disease") takes the
        candidates of the mention that covers its long form, when that one is surer."""
        if not abbrevs:
            return mentions
        out = []
        for m in mentions:
            span = abbrevs.get(m.text)
            own = m.candidates[0].score if m.candidates else 0.0
            if span is not None and own < 0.97:
                donors = [
                    d for d in mentions
                    if d is not m and d.start < span[1] and span[0] < d.end and d.candidates
                    and d.text not in abbrevs
                ]  # fmt: skip
                if donors and donors[0].candidates[0].score > own:
                    cands = tuple(
                        replace(c, score=round(c.score * 0.97, 4), match="abbreviation")
                        for c in donors[0].candidates
                    )
                    m = replace(m, candidates=cands)
            out.append(m)
        return out


# how a candidate names its node by the text's own words
_NAMED = frozenset({"exact", "normalized", "annotated"})

# words before a body part that leave it one ("my ear", "both feet")
_DETERMINERS = frozenset("a an the my his her their your our its both one left right".split())


# a finding whose name says something is lacking or low ("Poor appetite", "Decreased libido")
_LACK = re.compile(r"^(?:poor|decreased|reduced|low|loss of|lack of|absent|diminished|"
                   r"impaired|inability|no)\b", re.I)  # fmt: skip
_NO_BEFORE = re.compile(r"\b(?:no|zero)\s+$", re.I)


def _lack_said_by_no(text: str, start: int, surface: str, cands: Sequence[Candidate]) -> bool:
    """Whether "no" just before a mention is the lack its node names, not a negation: "I have
    no appetite" is *Poor appetite*, "no sex drive" *Decreased libido*, present both; the
    mention names what is there to lack ("appetite"), not the lack ("no loss of appetite"
    negates *Poor appetite*)."""
    return (bool(cands) and _LACK.match(cands[0].node.label) is not None
            and _LACK.match(surface) is None
            and _NO_BEFORE.search(text[max(0, start - 8) : start]) is not None)  # fmt: skip


@dataclass(frozen=True)
class SpanRule:
    """One named pass over a text's spans, for the modes it applies to."""

    name: str
    apply: Callable[[EntityLinker, str, list[Span]], list[Span]]
    modes: frozenset[str]


ALL_MODES = frozenset(MODES)
_TAGGED = frozenset({"ner", "hybrid"})
# a mode of inheritance at the end of a span ("... type 3A autosomal recessive")
_TRAILING_MODE = re.compile(
    r"[\s,]+(?:autosomal[\s-](?:dominant|recessive)|x[\s-]linked(?:[\s-](?:dominant|"
    r"recessive))?)$",
    re.I,
)
# a word of how the disorder goes on after its name ("Is Duchenne muscular dystrophy
# progressive?", "How does Boucher-Neuhauser syndrome progress?": the tagger took the word in,
# and with it the cue); no comma before it, as in a title ("Kniest-like dysplasia, lethal")
_TRAILING_COURSE = re.compile(r"\s+(?:progressive|progress|fatal|lethal|deadly)$", re.I)
# a de-identification mark in a message as sent on ("[NAME]", "[LOCATION]", "[ID]")
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]{1,15}\]")
# the words before what something is called ("a heart defect called Tetralogy of Fallot"), and
# where the name must end
_CALLED = re.compile(r"\b(?:called|named|known as|termed)\s+(?:(?:a|an|the)\s+)?", re.I)
_CLAUSE_END = re.compile(r"[,.;:!?()\n]|\s(?:and|or|which|that|who|but)\s")
# The passes after the first spans, in order. The first two correct the tagger, so they run
# only where it ran (not in dictionary mode).
# what a name after "my", "the" may be (a body part is none: "My ear is blocked")
_OWNED_NAMES = frozenset({"Disease", "Phenotype", "Chemical", "DrugClass", "Gene"})
# the lexicon's kinds as mention types
# (an organism is tagged as the disorders are: it is named where they are, "caused by ...")
_LAY_TYPE = {"disease": "DISEASE", "symptom": "PHENOTYPE", "drug": "CHEMICAL",
             "class": "CHEMICAL", "gene": "GENE", "organism": "DISEASE"}  # fmt: skip


# lay names that are ordinary words too: a disorder only as a noun, after a word that makes
# it one ("a cold", "my cold", "colds") and before no noun it qualifies ("a cold compress")
_ORDINARY_WORDS = frozenset({"cold"})
# a mention that is a line or a subject of its own: nothing before it on its line but a
# "SUBJECT:" label, and a full stop, a colon or the line's end after it
_TITLE_BEFORE = re.compile(r"(?:^|\n)\s*(?:subject\s*:\s*)?$", re.I)
_TITLE_AFTER = re.compile(r"\s*(?:[.:!?]|\n|$|message\s*:)", re.I)
# one word of letters (and hyphens): a drug's name as people type it
_ONE_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
# the words of a drug mention, and the fewest letters one that names a drug alone has
_WORD_IN = re.compile(r"[A-Za-z][A-Za-z-]*")
MIN_DRUG_WORD = 5
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|the|my|his|her|your|their|our|this|bad|nasty|common|head|chest|summer|winter)"
    r"\s+)$", re.I)  # fmt: skip
_NOUN_AFTER = re.compile(
    r"\s*(?:$|[.,;:?!)]|(?:and|or|but|that|which|for|with|since|from|after|last|this|again|"
    r"every|twice|recently|now|lately|so|is|was|has|had|will|keeps?|lasts?|lasting|going|"
    r"symptoms?|medicines?|if|when|while|whilst|because|during|before|unless)\b)",
    re.I)  # fmt: skip


def _as_noun(text: str, start: int, end: int) -> bool:
    """Whether the ordinary word at ``text[start:end]`` stands as a noun (see
    :data:`_ORDINARY_WORDS`): in the plural, or after an article or a word that makes it one
    and before a word that ends the phrase."""
    if text[start:end].casefold().endswith("s"):
        return True
    return bool(_NOUN_BEFORE.search(text[max(0, start - 12) : start])
                and _NOUN_AFTER.match(text, end))  # fmt: skip


def _plain_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one of :data:`_ORDINARY_WORDS` (or its plural) standing
    as no noun there, so naming no disorder."""
    word = text[start:end].casefold()
    return word.removesuffix("s") in _ORDINARY_WORDS and not _as_noun(text, start, end)


@functools.lru_cache(maxsize=1)
def _lay_names() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]] | None:
    """One pattern over the English lexicon's names, longest first, each name's mention type
    (by lower-cased name), and the (lower-cased) names of drug classes and organisms (which
    count only in a short text or question); read once. None when
    the lexicon is not there."""
    from kgqa.config import graph_data_dir
    from kgqa.graph.build.common import read_tsv

    path = graph_data_dir() / "lexicon_en.tsv"
    if not path.exists():
        return None
    kinds: dict[str, str] = {}
    exact, folded, classes = set(), set(), set()
    for row in read_tsv(path, ["name", "id", "kind", "note"], comment="#"):
        name, kind = row["name"].strip(), _LAY_TYPE.get(row["kind"])
        if not name or kind is None:
            continue
        kinds.setdefault(name.lower(), kind)
        if row["kind"] in ("class", "organism"):
            classes.add(name.lower())
        # a short form in capitals is a word only in capitals ("POTS", "TB", "MS", "AFib"); a
        # short name in lower or title case is not one ("hep C", "Lasix", "lasix")
        letters = [c for c in name if c.isalpha()]
        short_form = len(name) <= 5 and 2 * sum(c.isupper() for c in letters) >= len(letters)
        (exact if short_form else folded).add(name)

    def alternation(names: set[str]) -> str:
        return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))

    parts = ([f"(?i:{alternation(folded)})"] if folded else []) + (
        [alternation(exact)] if exact else []
    )
    if not parts:
        return None
    pattern = re.compile(rf"(?<![\w-])(?P<name>{'|'.join(parts)})(?:e?s)?(?![\w-])")
    return pattern, kinds, frozenset(classes)


SPAN_RULES: tuple[SpanRule, ...] = (
    SpanRule("split_at_exclusions", EntityLinker._split_at_exclusions, _TAGGED),
    SpanRule("split_at_brackets", EntityLinker._split_at_brackets, _TAGGED),
    SpanRule("split_at_circumstances", EntityLinker._split_at_circumstances, _TAGGED),
    SpanRule("retype_by_name", EntityLinker._retype_by_name, _TAGGED),
    SpanRule("extend_to_names", EntityLinker._extend_to_names, _TAGGED),
    SpanRule("extend_to_subtypes", EntityLinker._extend_to_subtypes, ALL_MODES),
    SpanRule("extend_to_body_sites", EntityLinker._extend_to_body_sites, ALL_MODES),
    SpanRule("trim_question_words", EntityLinker._trim_question_words, _TAGGED),
    SpanRule("trim_owner_words", EntityLinker._trim_owner_words, _TAGGED),
    SpanRule("trim_trailing_modes", EntityLinker._trim_trailing_modes, _TAGGED),
    # a span trimmed to a name takes that name's type too ("chickenpox contagious", tagged a
    # chemical, is "chickenpox")
    SpanRule("retype_trimmed", EntityLinker._retype_by_name, _TAGGED),
    SpanRule("join_to_names", EntityLinker._join_to_names, ALL_MODES),
    SpanRule("into_longer_names", EntityLinker._into_longer_names, _TAGGED),
    SpanRule("chinese_names", EntityLinker._with_chinese, ALL_MODES),
    SpanRule("lay_names", EntityLinker._with_lay_names, ALL_MODES),
    SpanRule("said_of_parts", EntityLinker._with_findings_said_of_parts, ALL_MODES),
    SpanRule("measures_taken_for", EntityLinker._with_measures_taken_for, ALL_MODES),
    SpanRule("eponyms", EntityLinker._with_eponyms, _TAGGED),
    SpanRule("misspelt_names", EntityLinker._with_misspelt_names, _TAGGED),
    SpanRule("misspelt_drugs", EntityLinker._with_misspelt_drugs, _TAGGED),
    SpanRule("variant_ids", EntityLinker._with_variant_ids, _TAGGED),
    SpanRule("class_names", EntityLinker._with_class_names, _TAGGED),
    SpanRule("subject_names", EntityLinker._with_subject_names, _TAGGED),
    SpanRule("names_called", EntityLinker._with_names_called, _TAGGED),
    SpanRule("document_consistency", lambda _, text, row: document_mentions(text, row), ALL_MODES),
    SpanRule("extend_from_subtype_heads", EntityLinker._extend_from_subtype_heads, ALL_MODES),
    SpanRule("split_coordinations", EntityLinker._split_coordinations, ALL_MODES),
    SpanRule("narrow_long_spans", EntityLinker._narrow_long_spans, ALL_MODES),
    SpanRule(
        "not_placeholders",
        lambda _, text, row: EntityLinker._without_placeholders(text, row),
        ALL_MODES,
    ),
)
