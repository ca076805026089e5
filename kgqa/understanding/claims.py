"""Claim parsing: "X treats Y", "X is (not) associated with gene G", "X is a Y",
"P is a symptom of D", "X is inherited as A", "the DOID of X is DOID:…" → a typed triple.

The entities come from the linker (their node classes decide who is subject and object);
the relation and negation come from the words between and around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.graph.vocabulary import DRUG_SOURCES
from kgqa.records import Mention, Node
from kgqa.text import TO_LOWER, TO_RAISE, has_cjk

# "n't" has no word boundary before it ("doesn't"); a typed apostrophe may be curly
_NEG = re.compile(r"\b(?:not|never|no|cannot)\b|n[’']t\b", re.IGNORECASE)
# a "not" that negates no relation of the claim: the speaker's doubt or what they were not told
# ("I'm not sure, but can lisinopril cause a cough?", "I don't know if metformin causes
# diarrhea", "No one told me that ..."), or a finding that goes on ("a dry cough that will not
# go away. Could it be a side effect of lisinopril?"); each was read as the claim's negation
# and came back refuted. "I don't think X causes Y" keeps its "not". A finding going on is said
# with nothing after the verb but the clause's end or a time ("My headache does not go away
# with ibuprofen", "Aspirin does not stop the bleeding" keep it)
_GOES_ON = (
    r"(?=\s*(?:[,.;:!?)]|$|(?:and|but|so|or|for|since|anymore|any more|at all|yet|now|"
    r"completely|fully)\b))"
)
# a question asked the negative way expects yes ("Isn't lisinopril used for hypertension?",
# "Is it not true that ...?"), as does a tag after a plain statement ("Lisinopril causes
# cough, doesn't it?"); "Metformin does not treat gout, does it?" keeps its own "not". Its
# first word is read in the text as written (a claim's first word may be a name, blanked)
ASKED_NEGATIVELY = re.compile(
    r"(?:^|(?<=[.?!]\s))\s*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|"
    r"wo|ca)n[’']t\b",
    re.IGNORECASE,
)
# the words after a negation, past the claim's two things, that make it the claim's
# ("... are not related", "... is not a side effect", "... - not true", "not indicated")
_SAYS_THE_RELATION = re.compile(
    r"\s*(?:(?:be|been|at all|really|always|necessarily|in fact|actually|usually)\s+)*"
    r"(?:related|linked|associated|connected|tied|indicated|used|true|correct|right|so|the case|"
    r"an?\s+(?:side|adverse|symptom|sign|feature|cause|treatment|cure|risk)\w*|side|adverse|"
    r"symptoms?|signs?|features?|recommended|effective|caus\w*|treat\w*|help\w*|work\w*|"
    r"cur(?:e|es|ed)|prevent\w*|inherit\w*|hereditary|genetic|contagious|due|from|"
    r"contraindicated|safe|approved|prescribed|given)\b",
    re.IGNORECASE,
)
# words that call what a text says false
_CALLED_FALSE = re.compile(
    r"\b(?:false(?!\s+(?:positive|negative|alarm)s?\b)|untrue|myths?|incorrect|debunked|"
    r"a (?:lie|hoax)|misconceptions?|fake)\b",
    re.IGNORECASE,
)
_NOT_THE_CLAIMS = re.compile(
    r"\b(?:is|was)\s+it\s+not\s+(?:true|the case|so|correct|right)\b"
    # "Metformin is not only used for ...", "I have no idea whether ..."
    r"|\bnot\s+only\b|\bno\s+idea\b"
    r"|,\s*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|wo|ca)n[’']t\s+"
    r"(?:it|they|he|she|there|that|these|those)\s*\?"
    r"|\b(?:not|n[’']t)\s+(?:quite\s+|really\s+|too\s+|so\s+|very\s+)?(?:sure|certain|clear)\b"
    r"|\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:really\s+)?(?:know|understand|remember|get|see)\b"
    r"(?=\s+(?:if|whether|why|what|how|when|that|but|,)|\s*[,.;:!?]|\s*$)"
    r"|\b(?:no(?:\s+one|body|\s+(?:doctor|physician|specialist|nurse|pharmacist|expert)s?))"
    r"(?:\s+[\w']+){0,5}?\s+(?:told|tell|tells|said|say|says|explained|explain|warned|"
    r"mentioned|answered|answer|knows?)\b"
    r"|\bwhether\s+or\s+not\b"
    r"|\b(?:(?:was|were|have|has|had)\s+(?:not|never)|(?:was|were|have|has|had)n[’']t)\s+"
    r"(?:been\s+)?(?:told|warned|informed)\b"
    r"|\b(?:did|does|do|has|have|had)\s*(?:not|n[’']t|never)\s+(?:tell|told|warn|warned|inform|"
    r"informed|mention|mentioned|explain|explained)\b"
    r"|\b(?:will|would|does|do|did|has|have|had|is|are|was|were|can|could)\s*(?:not|n[’']t)\s+"
    r"(?:seem\s+to\s+|ever\s+|yet\s+|really\s+)?(?:go(?:ne|ing)?\s+away|went\s+away|"
    r"stop(?:ped|ping)?|get(?:ting)?\s+better|got\s+better|improv\w*|heal\w*|"
    r"clear(?:ed|ing)?\s+up|subsid\w*|"
    r"let(?:ting)?\s+up|resolv\w*|go(?:ne|ing)?\s+down|ease\w*\s+up|quit)\b"
    + _GOES_ON
    + r"|\bwon[’']t\s+(?:go\s+away|stop|get\s+better|heal|clear\s+up|let\s+up|quit)\b"
    + _GOES_ON
    + r"|\bnot\s+(?:going\s+away|getting\s+better|improving|healing|stopping|clearing\s+up)\b"
    + _GOES_ON,
    re.IGNORECASE,
)
CONTRAINDICATION = "contraindicatedIn"
# "Propranolol prevents migraines": checked against the label indications that say prevention
# (the graph's treats statements whose indication does), never read as "treats"
PREVENTION = "prevents"
_PREVENTS = re.compile(
    r"\bprevent(?:s|ed|ing|ion)?\b|\bprophyla\w*|\bprotects? against\b|\bward(?:s)? off\b"
    # a lower risk of it is its prevention, never its treatment ("Insulin reduces the risk
    # of diabetes" was supported as insulin treats diabetes)
    r"|\b(?:reduc|lower|decreas|cut|minimi[sz]|diminish|lessen)\w*\s+(?:the\s+|your\s+|one's\s+|"
    r"a\s+person's\s+|their\s+|his\s+|her\s+|my\s+)?(?:\w+\s+)?(?:risk|chances?|odds|"
    r"likelihood|incidence)\s+(?:of|for)\b",
    re.I,
)
# A contraindication is its own relation, never "treats" read backwards. The cue words hold
# their own "not" ("should not be used"), which is no negation of the claim. ("Not indicated"
# stays a negated "treats": an indication in the graph refutes it.)
_CONTRA = re.compile(
    r"\b(?:contra-?indicat\w*|(?:should|must|may|can)\s*(?:not|n[’']t)\s+be\s+(?:used|given|"
    r"taken|prescribed|administered)|(?:should|must)\s+be\s+avoided|avoid(?:ed|s)?|"
    r"(?:do|does)\s*(?:not|n[’']t)\s+(?:use|give|take|prescribe)|never\s+(?:use|give|take|be\s+"
    r"(?:used|given|taken))|not\s+(?:be\s+)?recommended)\b",
    re.IGNORECASE,
)
_SIDE_EFFECT = re.compile(
    r"\b(?:side(?: of)?[- ]effects?|adverse (?:effects?|reactions?|events?)|(?:can|could|may|"
    r"does|do|did|will|might)\s+(?:\w+\s+){1,3}?(?:cause|give|trigger|lead to|create|produce|"
    r"bring on|result in|induce|damage|harm|hurt|injure)|causes?|caused)\b",
    re.IGNORECASE,
)
# a finding put down to "the medication" someone takes: that drug's side effect ("I want to
# find out if this relates to the medication I am taking", "caused by my meds")
FROM_MEDICATION = re.compile(
    r"\b(?:relat\w*|due|linked|connected|because of|from|caused by|side (?:of )?effects? of|"
    r"reaction to)"
    r"\s+(?:to\s+)?(?:the|my|this|that|his|her|their|these|those)\s+(?:medications?|medicines?|"
    r"meds|drugs?|pills?|tablets?)\b",
    re.IGNORECASE,
)
# A finding put down to a drug the text names: the drug's side effect, whatever else the
# text says the drug is for ("Is nausea a side effect of metformin used to treat diabetes?",
# "I take lisinopril for my blood pressure. Could it be causing my cough?"). The words
# between a finding and the drug named after it ("Could my cough be from lisinopril?", "Is
# lactic acidosis caused by metformin?", "a rash since starting amoxicillin") ...
_FINDING_FROM_DRUG = re.compile(
    r"\b(?:from|due to|because of|caused by|induced by|triggered by|brought on by|(?:a )?result "
    r"of|(?:a |an )?(?:reaction|response) to|related to|linked to|connected to|associated with|"
    r"side(?: of)?[- ]effects? of|adverse (?:effects?|reactions?|events?) (?:of|to)|after "
    r"(?:i |he |she |we |they |you )?(?:start\w*|began|begin\w*|tak\w*|took|us(?:ed|ing)|"
    r"switch\w* to|(?:been |being |was |were |went |going )?(?:put )?on)|since "
    r"(?:i |he |she |we |they |you )?(?:(?:have |has |had )?start\w*|began|beginning|"
    r"(?:have |has |had )?been (?:put )?on|went on|tak\w*|using)"
    # "I get a cough when I take lisinopril"
    r"|when(?:ever)? (?:i |he |she |we |they |you )(?:take|takes|took|use|uses|used|start\w*|"
    r"am on|was on|is on|are on))"
    r"\s+(?:(?:the|my|his|her|their|this|that|these|taking|using|being on|starting)\s+)*$",
    re.I,
)
# ... unless they say the finding went away ("My fever went down after taking ibuprofen")
_BETTER = re.compile(
    r"\b(?:better|improv\w*|went (?:down|away)|go(?:es|ne)? (?:down|away)|gone|disappear\w*|"
    r"reliev\w*|relief|clear\w*|eas(?:ed|es|ing)|help\w*|stop\w*|less|reduc\w*|lower\w*|"
    r"resolv\w*|subsid\w*|cured?|heal\w*|fine)\b",
    re.I,
)
# ... the words before a drug named before a finding in the same sentence that say the finding
# came after starting it ("Since I started taking prednisone I can't sleep", "After starting
# amoxicillin I got a rash")
_SINCE_STARTING = re.compile(
    r"\b(?:since|after|ever since|when) (?:i |he |she |we |they |you |my \w+ )?(?:(?:have |has |"
    r"had |was |were )?(?:start\w*|began|begin\w*|been (?:put )?on|went on|switch\w* to)\s+)?"
    r"(?:(?:taking|using|on|the|my|his|her)\s+)*$",
    re.I,
)
# ... the words that say a drug named before a finding does it ("Could lisinopril be causing
# my cough?", "Is it possible that lisinopril gives me a cough?", "Could the lisinopril be
# responsible for my cough?") ...
_DRUG_DOES_IT = re.compile(
    r"\b(?:causing|responsible for|to blame for|behind|giv(?:e|es|ing) (?:me|him|her|them|us|you|"
    r"people)|gave (?:me|him|her|them|us))\b",
    re.I,
)
# ... or that it makes one have the finding named right after ("Does sertraline make you
# sleepy?", "Can prednisone make me have insomnia?"; not "make you feel better")
_MAKES_ONE = re.compile(
    r"\bmak(?:e|es|ing)\s+(?:me|you|him|her|them|us|people|one)\s+(?:(?:feel|get|have|become|"
    r"so|very|more|really)\s+)*$",
    re.I,
)
# the words between a drug and what it is said to do ("could the lisinopril *be really*
# causing ...")
_MAYBE_SO = r"be|is|are|was|were|has been|have been|really|possibly|also"
# ... and a drug said to do it by a word standing for it ("I take lisinopril and now have a
# dry cough. Could this medicine be causing it?")
_IT_DOES_IT = re.compile(
    r"\b(?:it|this|that|the (?:drug|medicine|medication|med|pill|tablet)s?|th(?:is|ese|at|ose) "
    rf"(?:drug|medicine|medication|med|pill|tablet)s?)\s+(?:(?:{_MAYBE_SO})\s+)*"
    r"(?:caus(?:e|es|ed|ing)|responsible|to blame|giv(?:e|es|ing)|trigger(?:s|ed|ing)?)\b",
    re.I,
)

# ... or the drug said to do what a word standing for the finding named before it says ("I
# keep getting a dry cough. Could the lisinopril be causing it?")
_DRUG_DOES_THAT = re.compile(
    rf"^\s+(?:(?:{_MAYBE_SO}|actually)\s+)*"
    r"(?:caus(?:e|es|ed|ing)|responsible for|to blame for|behind|trigger(?:s|ed|ing)?)\s+"
    r"(?:it|this|that|these|those|them)\b",
    re.I,
)


def blamed_drug(text: str, mentions: Sequence[Mention]) -> tuple[Node, Node] | None:
    """The drug and the finding ``text`` puts down to it, by its words: a finding then the
    drug, with words of cause between that end at the drug ("Could my cough be from
    lisinopril?"); the drug then the finding, with words saying the drug does it ("Could
    lisinopril be causing my cough?"); the finding, then the drug said to do "it" ("I keep
    getting a dry cough. Could the lisinopril be causing it?": the nearest finding before the
    drug); or the drug named, then a word standing for it said to
    do it ("Could this medicine be causing it?": the first finding after the drug that is not
    what the drug is taken for). A drug is DrugBank's or DrugCentral's, or a drug class; the
    finding a disease or phenotype not negated. None when the words say none of this."""
    nodes = [(m, n) for m in mentions if (n := _node(m)) is not None]
    drugs = [(m, n) for m, n in nodes if is_drug(n) or n.cls == "DrugClass"]
    found = [(m, n) for m, n in nodes if n.cls in ("Disease", "Phenotype") and not m.negated]
    for dm, drug in drugs:
        for fm, finding in found:
            between = text[fm.end : dm.start]
            if (fm.end <= dm.start and _FINDING_FROM_DRUG.search(between)
                    and not _BETTER.search(between)):  # fmt: skip
                return drug, finding
            if dm.end <= fm.start and (_DRUG_DOES_IT.search(text[dm.end : fm.start])
                                       or _MAKES_ONE.search(text[dm.end : fm.start])):  # fmt: skip
                return drug, finding
            said = text[dm.end : _sentence_end(text, fm.end)]  # on to the finding's sentence end
            if (dm.end <= fm.start and _SINCE_STARTING.search(text[: dm.start])
                    and not _BETTER.search(said)
                    and not re.search(r"[.?!]", text[dm.end : fm.start])):  # fmt: skip
                return drug, finding
    for dm, drug in drugs:
        before = [(m, n) for m, n in found if m.end <= dm.start]
        if before and _DRUG_DOES_THAT.match(text[dm.end :]):
            return drug, before[-1][1]
    for dm, drug in drugs:
        it = _IT_DOES_IT.search(text, dm.end)
        if it is None:
            continue
        after = [(m, n) for m, n in found if m.start >= dm.end
                 and not _TAKEN_FOR.search(text[dm.end : m.start])]  # fmt: skip
        if after:
            return drug, after[0][1]
    return None


# a drug said to bring on what the text does not name ("Could stopping fluticasone have caused
# this infection?", "Could amoxicillin be the cause?"): the words right after the drug ...
_DOES_THE_UNNAMED = re.compile(
    r"^\s+(?:(?:be|is|are|was|were|been|have|has|had|really|possibly|also|actually|maybe)\s+)*"
    r"(?:(?:caus(?:e|es|ed|ing)|responsible for|to blame for|behind|trigger(?:s|ed|ing)?)\s+"
    r"(?:all\s+)?(?:(?:it|this|that|these|those|them)\b(?!\s+(?:disease|condition|disorder)\b)|"
    r"(?:my|his|her|the|these|this|that|those)\s+(?:\w+\s+)?(?:problems?|symptoms?|issues?|"
    r"reactions?|feelings?)\b)"
    r"|the\s+(?:cause|reason|culprit)\b)",
    re.I,
)
# ... or a word standing for a drug named before ("I started metformin last week. Could it be
# the reason I feel this way?")
_IT_IS_THE_CAUSE = re.compile(
    r"\b(?:it|this|that|the (?:drug|medicine|medication|med|pill|tablet)s?)\s+(?:(?:could|might|"
    r"may|be|is|was|really|possibly|also)\s+)*(?:the\s+)?(?:cause|reason|culprit)\b",
    re.I,
)


def blamed_for_the_unnamed(text: str, mentions: Sequence[Mention]) -> Node | None:
    """The drug a text blames for something it names by no disorder ("Could my new medication
    lisinopril be causing this?"): what the person has is one of its side effects, to set
    beside theirs. None when a disorder is named (then :func:`blamed_drug` reads a claim) or
    the words blame no drug."""
    nodes = [(m, n) for m in mentions if (n := _node(m)) is not None]
    if any(n.cls in ("Disease", "Phenotype") for _, n in nodes):
        return None
    for m, node in nodes:
        if not (is_drug(node) or node.cls == "DrugClass") or m.negated:
            continue
        if _DOES_THE_UNNAMED.match(text[m.end :]) or _IT_IS_THE_CAUSE.search(text, m.end):
            return node
    return None


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding ``at`` ends (its stop, or the text's end)."""
    stop = re.compile(r"[.?!]").search(text, at)
    return stop.end() if stop else len(text)


# what a drug is taken for, said right after it ("lisinopril for my blood pressure")
_TAKEN_FOR = re.compile(r"^\s*(?:(?:\d+\s*)?(?:mg|mcg|g|ml)\s+)?(?:for|to treat|against)\s+"
                        r"(?:(?:a|an|the|my|his|her|their|your|our|its)\s+)?$", re.I)  # fmt: skip


# a drug that lowers a level treats it being high; one that raises it causes that ("Does
# amlodipine lower blood pressure?", "Can prednisone raise blood sugar?": the linker reads the
# level as its high form, hypertension, hyperglycemia)
_MOVES_LEVEL = re.compile(rf"\b(?:(?P<down>{TO_LOWER})|(?P<up>{TO_RAISE}))\b", re.I)
# a drug taken by someone who has a disorder, asked as a question of safety: whether it is
# contraindicated there ("safe": whether it is not)
_PEOPLE = (r"(?:people|patients|someone|somebody|a person|those|anyone|children|adults|women|"
           r"men)")  # fmt: skip
# people named for their disorder: "diabetics", "hemophiliacs", "asthma patients"
_NAMED_FOR_IT = r"(?:\w+(?:ics|iacs)|\w+ (?:patients|sufferers))"
_PERSON = rf"(?:i|you|he|she|we|they|one|{_PEOPLE}|my \w+|an? \w+|{_NAMED_FOR_IT})"
_PERSON_NAMED_FOR_IT = re.compile(rf"^{_NAMED_FOR_IT}$", re.I)
_USE_DESPITE = re.compile(
    r"\b(?:(?P<safe>safe|ok|okay|alright|all right|fine)|(?P<unsafe>unsafe|dangerous|harmful|"
    rf"risky)|(?:can|could|may|should)\s+{_PERSON}(?P<having>\s+(?:with|who (?:has|have))\s+"
    r"(?:[\w'-]+\s+){0,3}?[\w'-]+)?\s+(?:still\s+|safely\s+)?(?:take|use|have|be "
    r"given|be on|continue)|is it (?:safe|ok|okay) (?:for \w+ )?to (?:take|use|give))\b",
    re.I,
)
# the person has the disorder: "if I have", "with", "while", "who has"
_HAVING = re.compile(
    rf"\b(?:if|when|while|whilst|with|since|who (?:has|have|had|is|are)|for {_PEOPLE} with)\b",
    re.I,
)
# ... and not what the drug is taken for ("Can I take metformin for weight loss?")
_FOR_IT = re.compile(rf"\bfor\s+(?!{_PEOPLE}\b)(?:\S+\s+){{0,2}}$", re.I)
# a disorder said of the people a drug is for, after the one it is for: "Metformin treats
# diabetes in patients with kidney disease" is a claim about diabetes, never kidney disease
# (or said not to have: "even in patients who do not have asthma", "in people with no ...")
_COMORBID = re.compile(
    rf"\b(?:with(?:out| no)?|(?:in|for) {_PEOPLE} (?:with(?:out| no)?|who (?:have|has|had))|who "
    r"(?:(?:do|does|did)(?: not|n[’']t) )?(?:have|has|had)(?: no| never had)?|having)\s+"
    r"(?:(?:a|an|the|mild|severe|chronic|known|any)\s+)*$",
    re.I,
)
# the words of a gene's part in a disease
_GENE_WORDS = re.compile(
    r"\b(?:gene|genes|mutations? in|variants? in|associated with|linked to|caused by mutations)\b",
    re.I,
)
_CURIE = re.compile(r"\b([A-Za-z][A-Za-z0-9_]*:[A-Za-z0-9_.]+)\b")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("id", re.compile(r"\b(?:doid|id|identifier|omim|orpha|mesh|code)\b", re.I)),
    ("associatedWithGene", _GENE_WORDS),
    (
        "treats",
        re.compile(
            r"\b(?:treat|treats|treated|treating|treatment|cure|cures|indicated|used (?:for|to)|"
            # ("reduces", "lowers" are read between the two ends, :data:`_MOVES_LEVEL`: anywhere
            # they are adjectives of a side effect too, "causes lower back pain")
            r"therapy|prescribed|helps?|effective|reliev(?:e|es|ed|ing)|alleviat(?:e|es|ed|ing)|"
            r"sooth(?:e|es|ed|ing)|eas(?:e|es|ed|ing))\b",
            re.I,
        ),
    ),
    (
        "hasPhenotype",
        re.compile(
            r"\b(?:symptom|symptoms|sign|signs|feature|features|phenotype|manifestation|present|"
            r"presents|cause|causes|have|has)\b",
            re.I,
        ),
    ),
    (
        "subClassOf",
        re.compile(r"\b(?:is an?|kind of|type of|form of|subtype of|class of|are an?)\b", re.I),
    ),
    ("hasInheritance", re.compile(r"\binherit", re.I)),
    ("causedBy", re.compile(r"\bcaused by\b", re.I)),
]
_INHERITANCE = re.compile(
    r"\b((?:autosomal|x-linked|y-linked|mitochondrial|somatic|digenic|oligogenic|polygenic)"
    r"(?:[\s-](?:dominant|recessive|semidominant))?)",
    re.I,
)


# a question asking whether something is (a) something ("Is X a Y?", "Aren't X ...")
_ASKS_IS = re.compile(r"\s*(?:is|are|isn[’']t|aren[’']t)\b", re.I)
# the words between the two things of an is-a question ("Is X a Y?", "Is X one of the Y?")
_ASKED_IS_A = re.compile(
    r"^\s*(?:(?:really|actually|also|still|considered|classed|classified|regarded|as|an?|the|"
    r"one|of|kind|type|form|sort)\s+)+$",
    re.I,
)


# that a disease is inherited, in no mode named: "is hereditary", "are inherited", "is a genetic
# disorder", "is passed down", "runs in families" (not "inherited from her father", which says
# who from, nor "a genetic test")
_HEREDITARY_SAID = re.compile(
    r"\b(?:(?:is|are|was|were|be|is it|are they)\s+(?:(?:an?|the|not|never|usually|always|"
    r"really|often|purely|also)\s+)*(?:hereditary|inherited|heritable|genetic|passed (?:down|on))"
    r"(?!\s+(?:from|through|by|via|test|testing|tests|counsel\w*)\b)"
    r"|\bruns? in (?:the )?famil(?:y|ies))\b",
    re.I,
)
# a mode of inheritance said of a disease without "inherited": "(is) autosomal recessive",
# "an X-linked disorder"; the word after it, when there is one, must be a generic head
_MODE = (
    r"(?P<mode>autosomal[\s-](?:dominant|recessive)|[xy][\s-]linked(?:[\s-](?:dominant|"
    r"recessive))?)(?=\s*(?:$|[?.!,;]|(?:genetic |hereditary |inherited )?(?:diseases?|"
    r"disorders?|conditions?|traits?|syndromes?|illness(?:es)?)\b))"
)
_MODE_SAID = re.compile(
    r"\b(?:(?:is|are|was)(?:n[’']t)?|be|an?)\s+(?:(?:an?|the|usually|always|typically|mostly|"
    r"often|generally|purely|strictly|not|never)\s+)*" + _MODE,
    re.I,
)
# ... or asked of one ("Is X autosomal recessive?"): the mode anywhere, the question's form
# says what it is said of
_MODE_ASKED = re.compile(r"\b" + _MODE, re.I)


# the kind of organism a disease is said to be caused by ("Tuberculosis is caused by a virus",
# "Is malaria caused by a parasite?", "Influenza is a viral infection"): DOID's infectious
# disease of that kind, which the claim is read as being a kind of
AGENT_KINDS = {"virus": "DOID:934", "bacterium": "DOID:104", "parasite": "DOID:1398",
               "fungus": "DOID:1564"}  # fmt: skip
_AGENT_NOUN = (
    r"(?P<noun>virus(?:es)?|bacteri(?:um|a)|parasites?|protozoan?s?|(?:intestinal )?worms?|"
    r"helminths?|fung(?:us|i)|yeasts?|molds?)"
)
_AGENT_ADJ = r"(?P<adj>viral|bacterial|parasitic|protozoal|fungal)"
_AGENT_SAID = re.compile(
    r"\b(?:caused by|due to|the result of|result(?:s|ing)? from)\s+(?:(?:an?|the|some|certain)"
    r"\s+)?(?:(?:kind|type|sort) of\s+)?" + _AGENT_NOUN + r"\b"
    r"|\b(?:is|are|was|an?)\s+(?:(?:an?|not|never|usually|always|mainly|mostly)\s+)*"
    + _AGENT_ADJ
    + r"\s+(?:infections?|infectious diseases?|diseases?|illness(?:es)?)\b",
    re.I,
)
_AGENT_ANY = re.compile(r"\b(?:virus(?:es)?|viral|bacteri\w*|parasit\w*|protozo\w*|worms?|"
                        r"helminth\w*|fung\w*|yeasts?|molds?)\b", re.I)  # fmt: skip


def agent_kind(words: str) -> str:
    """The kind of organism ``words`` name (a key of :data:`AGENT_KINDS`)."""
    w = words.casefold()
    if w.startswith("vir"):
        return "virus"
    if w.startswith("bacteri"):
        return "bacterium"
    if w.startswith(("fung", "yeast", "mold")):
        return "fungus"
    return "parasite"


def agent_said(text: str) -> re.Match[str] | None:
    """The words saying a disease is caused by a kind of organism ("is caused by a virus", "a
    bacterial infection"), when they name one kind only ("caused by bacteria, not a virus"
    names two, and which the "not" is of is not read)."""
    said = _AGENT_SAID.search(text)
    if said is None:
        return None
    kinds = {agent_kind(m.group(0)) for m in _AGENT_ANY.finditer(text)}
    return said if len(kinds) == 1 else None


# how a disease is said to pass to people ("Lyme disease is transmitted by ticks", "Is malaria
# spread by mosquitoes?", "Is the flu airborne?"): each way, and the words of DOID's
# transmittedBy statements (a vector's genus, a way of transmission) that say it
VECTOR_KINDS = {
    "ticks": r"\btick|Ixodes|Dermacentor|Amblyomma|Rhipicephalus|Haemaphysalis|Ornithodoros|"
             r"Hyalomma",
    "mosquitoes": r"mosquito|\bCulex\b|Anopheles|Aedes",
    "fleas": r"\bflea|Xenopsylla|Pulex",
    "lice": r"\blouse|\blice\b|Pediculus",
    "sandflies": r"sand ?fl|Phlebotomus|Lutzomyia",
    "mites": r"\bmite|Leptotrombidium",
    "rodents": r"rodent|Calomys|Apodemus|Mastomys|Neotoma|Mus musculus|Myodes|Rattus",
    "insects": r"insect borne|mosquito|\bCulex\b|Anopheles|Aedes|\bflea|Xenopsylla|Pediculus|"
               r"Phlebotomus|Culicoides",
    "the air": r"airborne|droplet",
    "contact": r"contact transmission",
    "food or water": r"ingestion",
    "mother to child": r"placental|congenital",
}  # fmt: skip
_VECTOR_WORDS = (
    r"(?P<vector>ticks?|mosquito(?:e?s)?|fleas?|lice|louse|sand ?fl(?:y|ies)|mites?|rodents?|"
    r"rats?|mice|insects?|(?:the )?air|droplets?|cough(?:s|ing)?|sneez(?:es|ing)|(?:direct |"
    r"skin[- ]to[- ]skin |close |physical )?contact|touch(?:ing)?|(?:contaminated )?(?:food|"
    r"water|drinking water)|(?:the |a )?mother(?:s)? to (?:child|baby|fetus)|(?:the )?placenta)"
)
_VECTOR_SAID = re.compile(
    r"\b(?:transmitted|spread|carried|passed|caught|contracted|acquired|transmissible|get|"
    r"catch|got)\s+(?:(?:to|on)\s+(?:people|humans|others)\s+)?(?:only\s+|mainly\s+|mostly\s+|"
    r"usually\s+)?(?:by|through|via|from)\s+(?:(?:an?|the|infected|bites? (?:of|from)|"
    r"(?:the|a) bites? (?:of|from)|being bitten by|eating|drinking|breathing(?: in)?)\s+)*"
    + _VECTOR_WORDS
    + r"\b"
    # "Can you get plague from fleas?", "catch hepatitis A from contaminated food"
    r"|\b(?:get|gets|getting|catch|catching|contract|got|caught|contracted)\s+(?:[\w'-]+\s+)"
    r"{1,5}?(?:from|through|via)\s+(?:(?:an?|the|infected|bites? (?:of|from)|eating|drinking)\s+)*"
    + _VECTOR_WORDS.replace("?P<vector>", "?P<vector2>")
    + r"\b"
    r"|\b(?P<borne>tick|mosquito|flea|louse|insect|rodent|food|water)[- ]?borne\b"
    r"|\b(?P<airborne>airborne)\b",
    re.I,
)


# the first word of a way said, and the way (a key of VECTOR_KINDS); air, droplets, coughing,
# sneezing and "airborne" are the air
_WAY_WORDS = (
    ("tick", "ticks"), ("mosquito", "mosquitoes"), ("flea", "fleas"), ("lice", "lice"),
    ("louse", "lice"), ("sand", "sandflies"), ("mite", "mites"), ("rodent", "rodents"),
    ("rat", "rodents"), ("mice", "rodents"), ("insect", "insects"), ("food", "food or water"),
    ("water", "food or water"), ("drinking", "food or water"), ("contaminated", "food or water"),
    ("mother", "mother to child"), ("placenta", "mother to child"), ("contact", "contact"),
    ("direct", "contact"), ("skin", "contact"), ("close", "contact"), ("physical", "contact"),
    ("touch", "contact"),
)  # fmt: skip


def vector_kind(words: str) -> str:
    """The way of transmission ``words`` name (a key of :data:`VECTOR_KINDS`)."""
    w = re.sub(r"^(?:the|a|an)\s+", "", words.casefold())
    return next((kind for prefix, kind in _WAY_WORDS if w.startswith(prefix)), "the air")


def vector_said(text: str) -> re.Match[str] | None:
    """The words saying how a disease passes to people ("is transmitted by ticks", "spread
    through the air", "tick-borne"); None when they say no such thing."""
    return _VECTOR_SAID.search(text)


def said_vector(said: re.Match[str]) -> str:
    """The way of transmission a :func:`vector_said` match names."""
    return vector_kind(said.group("vector") or said.group("vector2") or said.group("borne")
                       or said.group("airborne"))  # fmt: skip


def other_end_worded(text: str) -> bool:
    """Whether a claim says its second end in words no node is linked for: a mode of
    inheritance ("Is sickle cell anemia autosomal recessive?", "X is an X-linked disorder"), a
    kind of organism ("Is malaria caused by a parasite?") or a way it passes to people ("Is
    Lyme disease spread by ticks?"). A question naming one thing is then still a claim to
    check, as :func:`parse_claim` reads it."""
    return bool(_mode_said(text) or agent_said(text) or vector_said(text))


def _mode_said(text: str) -> re.Match[str] | None:
    """The words of a mode of inheritance said of a disease ("X is autosomal recessive", "an
    X-linked disorder"), or asked of one ("Is sickle cell anemia autosomal recessive?": the mode
    anywhere, the question's form says what it is said of; "Isn't ...?" too)."""
    mode = _MODE_SAID.search(text)
    if mode is None and re.match(r"\s*(?:is|are|was|were)(?:n[’']t)?\b", text, re.I):
        mode = _MODE_ASKED.search(text)
    return mode


@dataclass(frozen=True)
class ParsedClaim:
    subject: Node | None
    relation: str | None
    object: Node | None
    negated: bool
    object_id: str | None = None  # for id claims ("the DOID of X is DOID:…")
    reason: str = ""
    # classes the object's words name as well as ``object`` ("statin": MeSH's and NDF-RT's
    # class of that name); a membership claim holds when the drug is in any of them
    also: tuple[Node, ...] = ()
    # a claim that a disease is inherited, of no mode ("Sickle cell anemia is hereditary"):
    # ``relation`` is hasInheritance and ``object`` None
    hereditary: bool = False
    # a claim of how a disease passes to people, in words no node is linked for ("Lyme disease
    # is transmitted by ticks"): ``relation`` is transmittedBy, ``object`` None, and this the
    # way (a key of VECTOR_KINDS)
    vector: str | None = None


# the words between a drug and a class a membership claim says it is in ("Is balsalazide a
# steroid?", "metoprolol is not a beta blocker", "Does warfarin belong to the anticoagulants?")
_IN_CLASS_BETWEEN = re.compile(
    r"^[\s,]*(?:(?:is|are|was|were|isn[’']t|aren[’']t|not|also|really|still|actually|truly|"
    r"considered|classed|classified|regarded|categori[sz]ed|counted|as|an?|the|one|of|kind|"
    r"type|form|sort|member|part|in|belongs?|belonging|to)\b[\s,]*)+$",
    re.I,
)
_IN_CLASS_VERB = re.compile(
    r"\b(?:is|are|was|were|isn[’']t|aren[’']t|considered|classed|classified|regarded|"
    r"categori[sz]ed|counted|belongs?|member|kind|type|form|sort)\b",
    re.I,
)
# how far below the best class candidate another one may score and still be named too
_CLASS_TIE = 0.02


def is_drug(node: Node) -> bool:
    """Whether a chemical is a drug: DrugBank or DrugCentral names it (gluten and gelatin are
    plain substances)."""
    return node.cls == "Chemical" and node.curie.split(":", 1)[0] in DRUG_SOURCES


def _asked_is_a(text: str, first: Mention, between: str) -> bool:
    """Whether a question asks whether the first thing is a kind of the second: "Is type 2
    diabetes a metabolic disease?" (the tagger may take the article into the first name:
    "gout a")."""
    if not _ASKS_IS.match(text[: first.start]):
        return False
    return bool(_ASKED_IS_A.match(between)) or (
        not between.strip() and re.search(r"\s(?:an?|the)$", first.text, re.I) is not None
    )


def class_named(m: Mention) -> tuple[Node, ...]:
    """The drug classes a mention names by a name of their own ("statin": MeSH's
    Hydroxymethylglutaryl-CoA Reductase Inhibitors and NDF-RT's HMG-CoA Reductase Inhibitor),
    best first: candidates of class ``DrugClass`` matched by name, within ``CLOSE_MARGIN`` of
    the mention's top candidate and tied with the best of them; empty when none is. A class
    that is the top candidate counts below the NIL threshold too: its name matched, and the
    score is low only because the tagger typed the words a disease ("a hypoglycemic agent").
    A class of exactly the top candidate's name counts however far below it: "a penicillin"
    names MeSH's chemical group *Penicillins* first, and NDF-RT's class of the name is the
    same thing as a class ("Amoxicillin is a penicillin")."""
    from kgqa.linking.candidates import CLOSE_MARGIN, NIL_THRESHOLD

    if not m.candidates:
        return ()
    top = m.candidates[0]
    floor = top.score - CLOSE_MARGIN
    named = [c for c in m.candidates if c.node.cls == "DrugClass" and c.score >= floor
             and c.match in ("exact", "normalized", "id")
             and (c.score >= NIL_THRESHOLD or c is top)]  # fmt: skip
    if not named and top.node.cls != "DrugClass":
        same = normalize_name(top.node.label)
        named = [c for c in m.candidates if c.node.cls == "DrugClass"
                 and c.match in ("exact", "normalized") and c.score >= NIL_THRESHOLD
                 and normalize_name(c.node.label) == same]  # fmt: skip
    if not named:
        return ()
    best = named[0].score
    return tuple(dict.fromkeys(c.node for c in named if c.score >= best - _CLASS_TIE))


def class_membership_claim(text: str, mentions: list[Mention]
                           ) -> tuple[Node, tuple[Node, ...]] | None:  # fmt: skip
    """A drug and the classes a claim or yes/no question says it is in ("Is balsalazide a
    steroid?", "Atorvastatin is a statin"): a drug mention, then a mention naming a drug
    class, with only is-a words between them. None otherwise."""
    for m1, m2 in pairwise(mentions):
        drug = _node(m1)
        if drug is None or not is_drug(drug):
            continue
        between = text[m1.end : m2.start]
        asked = _ASKS_IS.match(text[: m1.start])
        if not _IN_CLASS_BETWEEN.match(between) or not (asked or _IN_CLASS_VERB.search(between)):
            continue
        classes = class_named(m2)
        if classes:
            return drug, classes
    return None


def _node(m: Mention) -> Node | None:
    if m.linked is None:
        return None
    return drug_stand_in(m) or m.node


_CAUSED_BY = re.compile(r"\b(?:caused by|due to|results? from|resulting from|triggered by)\b",
                        re.I)  # fmt: skip


_CAUSES = re.compile(r"\b(?:causes?|caused|leads? to|results? in)\b", re.I)


def _organism_said(nodes: list[tuple[Mention, Node]], verb: re.Match[str] | None,
                   passive: bool) -> tuple[Mention, Node] | None:  # fmt: skip
    """The mention, and its organism, of a disease mention named on the agent's side of a
    causal ``verb`` (after "caused by", before "causes") whose candidates hold an organism of
    exactly its name; None when there is no verb or no such mention."""
    if verb is None:
        return None
    for m, n in nodes:
        if n.cls != "Disease" or (m.start < verb.end() if passive else m.end > verb.start()):
            continue
        for c in m.candidates:
            if c.node.cls == "Cause" and c.match == "exact":
                return m, c.node
    return None


def drug_stand_in(m: Mention) -> Node | None:
    """A drug or drug class of the same name for a mention whose best node is a chemical
    heading that names no drug ("penicillin": MeSH's *Penicillins*, which states nothing;
    NDF-RT's class *Penicillins* has members that treat syphilis; "insulin": MeSH's hormone,
    and the insulin drug class), or an agent of a disease (DO's *penicillin*, the allergic
    trigger of penicillin allergy). None when the best node is a drug, or nothing else fits."""
    from kgqa.linking.candidates import NIL_THRESHOLD

    top = m.candidates[0] if m.candidates else None
    if top is None or not (top.node.cls == "Cause" or (top.node.cls == "Chemical"
                           and not is_drug(top.node))):  # fmt: skip
        return None
    if normalize_name(top.name) != normalize_name(top.node.label):
        return None  # named by a name that is not the heading's own: the name decides
    # (an agent's own name is the drug's: how the tagger typed the span, which the scores
    # follow, decides nothing; "penicillin" typed a disease scores the class 0.55)
    least = 0.0 if top.node.cls == "Cause" else NIL_THRESHOLD
    return next((c.node for c in m.candidates[1:]
                 if c.score >= least and c.match in ("exact", "normalized")
                 and (is_drug(c.node) or c.node.cls == "DrugClass")
                 and normalize_name(c.name) == normalize_name(top.name)), None)  # fmt: skip


# Chinese claims: the words are read with the entities' names blanked out (无汗症 is a name,
# not "no 汗症"); a relation needs its own words, there is no default reading
_ZH_CONTRA = re.compile(r"禁用|禁忌|不能用于|不能用|不宜|慎用|不可用于|避免使用|避免")
_ZH_NEG = re.compile(r"不|没有|没|无关|并非|非|未|无")
# a 不 or 没 that negates no claim: a question asked "A-not-A" (会不会, 能不能, 是不是, 可不
# 可以, 有没有: "二甲双胍会不会引起腹泻？" was refuted) or the speaker's doubt (我不确定, 不知道
# 是否, 不清楚) ...
ZH_NOT_THE_CLAIMS = re.compile(
    r"(.)[不没]\1|可不可以|(?:不|不太)(?:确定|知道|清楚|了解|明白|肯定)"
    # ... a tag that asks for yes (", 不是吗？", "没错吧"), and a question asked the negative way
    # that expects yes ("难道别嘌醇不能治疗痛风吗？": it can)
    r"|[，,]\s*(?:不是吗|不是么|不对吗)|没错|不错|难道[^不没？?]*[不没]"
)
_ZH_TREATS = re.compile(r"治疗|主治|治|用于|适应症|适应证|有效")
_ZH_PREVENTS = re.compile(r"预防|防止")
_ZH_SIDE = re.compile(r"引起|导致|诱发|副作用|不良反应")
_ZH_GENE = re.compile(r"有关|相关|关联|致病基因|突变|基因")
_ZH_PHENO = re.compile(r"症状|表现|体征|特征|出现|会有")
_ZH_ISA = re.compile(r"是一种|属于|是一类")
_ZH_INHERITANCE = {
    "常染色体显性": "autosomal dominant", "常染色体隐性": "autosomal recessive",
    "X连锁显性": "X-linked dominant", "X连锁隐性": "X-linked recessive", "X连锁": "X-linked",
    "伴X": "X-linked", "线粒体": "mitochondrial",
}  # fmt: skip


def inheritance_mode(kg: KnowledgeGraph, mode: str) -> Node | None:
    """The graph's mode of inheritance ``mode`` names ("autosomal dominant" is HPO's
    *Autosomal dominant inheritance*), or None."""
    found = (kg.find(mode + " inheritance", cls="Inheritance", limit=1)
             or kg.find(mode, cls="Inheritance", limit=1))  # fmt: skip
    return found[0].node if found else None


def _inheritance_claim(disease: Node, mode: str | None, negated: bool, kg: KnowledgeGraph
                       ) -> ParsedClaim:  # fmt: skip
    """ "``disease`` is inherited as ``mode``" ("autosomal dominant"), the mode as a node."""
    node = inheritance_mode(kg, mode) if mode else None
    return ParsedClaim(disease, "hasInheritance", node, negated,
                       reason="" if node else "inheritance mode not in the graph" if mode
                       else "inheritance mode not recognised")  # fmt: skip


def _too_few(nodes: list[tuple[Mention, Node]], negated: bool) -> ParsedClaim:
    """No claim to check: fewer than two things the graph names ("Does smoking cause lung
    cancer?" names lung cancer only)."""
    reason = (f"kgqa recognised only {nodes[0][1].label} in the claim; the graph names nothing "
              "else in it to check it against" if nodes
              else "kgqa recognised nothing its graph names in the claim")  # fmt: skip
    return ParsedClaim(nodes[0][1] if nodes else None, None, None, negated, reason=reason)


def _parse_chinese(text: str, nodes: list[tuple[Mention, Node]], kg: KnowledgeGraph
                   ) -> ParsedClaim:  # fmt: skip
    """A claim written in Chinese: 别嘌醇治疗痛风, 二甲双胍会引起乳酸酸中毒,
    马方综合征与FBN1基因无关, 哮喘患者禁用普萘洛尔, 亨廷顿病是常染色体显性遗传."""
    bare = _blanked(text, [m for m, _ in nodes])
    contra = _ZH_CONTRA.search(bare)
    outside = bare[: contra.start()] + " " + bare[contra.end() :] if contra else bare
    negated = bool(_ZH_NEG.search(ZH_NOT_THE_CLAIMS.sub(_blank, outside)))
    by_cls = {cls: [n for _, n in nodes if n.cls == cls]
              for cls in ("Gene", "Chemical", "Disease", "Phenotype")}  # fmt: skip
    genes, chems = by_cls["Gene"], by_cls["Chemical"]
    disorders = by_cls["Disease"] + by_cls["Phenotype"]
    if "遗传" in bare and by_cls["Disease"]:
        mode = next((en for zh, en in _ZH_INHERITANCE.items() if zh in bare.replace(" ", "")),
                    None)  # fmt: skip
        return _inheritance_claim(by_cls["Disease"][0], mode, negated, kg)
    if len(nodes) < 2:
        return _too_few(nodes, negated)
    if genes and disorders and _ZH_GENE.search(bare):
        return ParsedClaim(disorders[0], "associatedWithGene", genes[0], negated)
    if chems and disorders and contra:
        return ParsedClaim(chems[0], CONTRAINDICATION, disorders[0], negated)
    if chems and disorders and _ZH_PREVENTS.search(bare):
        return ParsedClaim(chems[0], PREVENTION, disorders[0], negated)
    if chems and disorders and _ZH_SIDE.search(bare):
        return ParsedClaim(chems[0], "hasSideEffect", disorders[0], negated)
    if chems and disorders and _ZH_TREATS.search(bare):
        return ParsedClaim(chems[0], "treats", disorders[0], negated)
    if by_cls["Disease"] and by_cls["Phenotype"] and _ZH_PHENO.search(bare):
        return ParsedClaim(by_cls["Disease"][0], "hasPhenotype", by_cls["Phenotype"][0], negated)
    (_, a), (_, b) = nodes[0], nodes[1]
    if a.cls == b.cls and _ZH_ISA.search(bare):
        return ParsedClaim(a, "subClassOf", b, negated)
    return ParsedClaim(a, None, b, negated, reason="no relation recognised between "
                       f"{a.label} and {b.label}")  # fmt: skip


# "What else can I take", "Which painkillers can she use": asking for drugs, not whether one
# may be taken
_WH_BEFORE = re.compile(r"\b(?:what|which)(?:\s+[\w'-]+){0,3}\s+$", re.I)


def _use_despite(text: str) -> re.Match[str] | None:
    """The words asking whether a drug may be taken (:data:`_USE_DESPITE`), not in a question
    asking which drugs may ("What else can I take for my blood pressure?")."""
    found = _USE_DESPITE.search(text)
    if (found is not None and not found.group("safe") and not found.group("unsafe")
            and _WH_BEFORE.search(text, 0, found.start())):  # fmt: skip
        return None
    return found


def asks_use_despite(text: str) -> bool:
    """Whether a question asks if a drug may be taken, or is safe ("Can I take ...", "Is it
    safe to use ...", "Should she still take ..."): with a disorder the person has, a claim
    that the drug is contraindicated there (:func:`parse_claim`)."""
    return _use_despite(text) is not None


def _used_despite(text: str, nodes: Sequence[tuple[Mention, Node]],
                  affirmed: bool = False) -> re.Match[str] | None:  # fmt: skip
    """The words asking whether a drug may be taken, when ``text`` asks so of someone with the
    first disorder it names (not negated, with ``affirmed``): the disorder said as had ("if I
    have", "with") or named before the words; never what the drug is for ("Can I take metformin
    for weight loss?"). None otherwise."""
    despite = _use_despite(text)
    disorder = next((m for m, n in nodes if n.cls in ("Disease", "Phenotype")
                     and not (affirmed and m.negated)), None)  # fmt: skip
    if despite is None or disorder is None:
        return None
    if not any(n.cls in ("Chemical", "DrugClass") for _, n in nodes):
        return None
    if _PERSON_NAMED_FOR_IT.match(disorder.text):
        # "Can diabetics take prednisone?", "Is prednisone safe for diabetics?": the people
        # named are those who have it
        return despite
    if (_HAVING.search(text) or disorder.start < despite.end()) and not _FOR_IT.search(
        text[: disorder.start]
    ):
        return despite
    return None


def uses_despite(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether ``text`` asks if a drug it names may be taken by someone with a disorder it
    names, not negated ("I have diabetes, can I take prednisone?", "Can I take ibuprofen if I
    have high blood pressure?"), as :func:`parse_claim` reads it."""
    nodes = [(m, n) for m in mentions if (n := _node(m)) is not None]
    return _used_despite(text, nodes, affirmed=True) is not None


def _blank(m: re.Match[str]) -> str:
    """A match's words blanked out (offsets kept)."""
    return " " * len(m.group())


def _blanked(text: str, mentions: Sequence[Mention]) -> str:
    """``text`` with the linked mentions' words blanked out (offsets kept)."""
    return _blank_spans(text, [(m.start, m.end) for m in mentions])


def _blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` blanked out (offsets kept; one outside it left)."""
    for a, b in spans:
        if 0 <= a < b <= len(text):
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _claim_negated(text: str, mentions: Sequence[Mention],
                   cue: tuple[int, int] | None = None) -> bool:  # fmt: skip
    """Whether ``text`` negates its claim: a negation (not inside a name, no doubt, no question
    asked the negative way, no finding going on: :data:`_NOT_THE_CLAIMS`) before the end of
    the second thing it names, or after it and saying the relation or a thing named ("...
    and cough are not related", "... - not true", "for hypertension: no cough"). One after
    both says who or when, not whether ("Does aspirin cause bleeding in people with no
    history of ulcers?", "Can lisinopril cause a cough even if you have never had one?",
    "Does lisinopril cause cough or not?" were refuted). ``cue``: the span of words that hold
    their own "not" ("should not be used"), left out."""
    # a negation inside a name is the name's ("I can't sleep" is insomnia, "non-Hodgkin
    # lymphoma" a lymphoma), not the claim's
    bare = _blank_spans(
        text,
        [
            *((m.start, m.end) for m in mentions),
            *([cue] if cue else []),
            *(q.span() for q in ASKED_NEGATIVELY.finditer(text)),
        ],
    )
    bare = _NOT_THE_CLAIMS.sub(_blank, bare)
    ends = sorted(m.end for m in mentions)
    second = ends[1] if len(ends) >= 2 else len(text)
    starts = {m.start for m in mentions}
    # "It is false that ...", "... is a myth" deny what they say, and deny a denial ("It's
    # not a myth that ..."): each was supported as the claim it calls false
    called_false = _CALLED_FALSE.search(bare) is not None
    for neg in _NEG.finditer(bare):
        if neg.start() < second or _SAYS_THE_RELATION.match(bare, neg.end()):
            return not called_false
        gap = len(bare[neg.end() :]) - len(bare[neg.end() :].lstrip())
        if neg.end() + gap in starts:
            return not called_false  # "no cough": the thing named itself is denied
    return called_false


def parse_claim(text: str, mentions: list[Mention], kg: KnowledgeGraph) -> ParsedClaim:
    nodes = [(m, n) for m in mentions if (n := _node(m)) is not None]
    if has_cjk(text):
        return _parse_chinese(text, nodes, kg)
    negated = _claim_negated(text, [m for m, _ in nodes])
    curie = next((c for c in _CURIE.findall(text) if ":" in c and not c.startswith("http")),
                 None)  # fmt: skip
    if curie and nodes and _PATTERNS[0][1].search(text):
        return ParsedClaim(nodes[0][1], "id", None, negated, object_id=curie)
    inh = _INHERITANCE.search(text)
    if inh and re.search(r"\binherit", text, re.I) and nodes:
        disease = next((n for _, n in nodes if n.cls == "Disease"), nodes[0][1])
        return _inheritance_claim(disease, inh.group(1), negated, kg)
    mode = _mode_said(text)
    if mode:
        # "Sickle cell anemia is autosomal recessive", "Is Alport syndrome X-linked?", "X is an
        # autosomal dominant disorder": the mode said of a disease named outside it (not the
        # "X-linked" of "X-linked hypophosphatemia")
        outside = [n for m, n in nodes if n.cls == "Disease"
                   and (m.end <= mode.start("mode") or m.start >= mode.end("mode"))]  # fmt: skip
        if outside:
            return _inheritance_claim(outside[0], mode.group("mode"), negated, kg)
    # (the words of "a genetic disorder" are left in: they say it, whatever node they link)
    said_in = _blanked(text, [m for m, n in nodes if n.label.casefold() != "genetic disease"])
    if inh is None and mode is None and (said := _HEREDITARY_SAID.search(said_in)) is not None:
        # "Sickle cell anemia is hereditary", "Is cystic fibrosis inherited?", "Hemophilia is
        # a genetic disorder": that it passes from parent to child, in some mode, of the
        # disease named before the words (the one thing named, in a question)
        before = [n for m, n in nodes if n.cls == "Disease" and m.end <= said.start()]
        named = before or ([n for _, n in nodes if n.cls == "Disease"] if len(nodes) == 1 else [])
        if named:
            return ParsedClaim(named[0], "hasInheritance", None, negated, hereditary=True)
    vector = vector_said(text)
    if vector is not None:
        # "Lyme disease is transmitted by ticks", "Is the flu airborne?": how it passes to
        # people, of the disease named outside the words
        group = next(g for g in ("vector", "vector2", "borne", "airborne") if vector.group(g))
        a, b = vector.span(group)
        named = [n for m, n in nodes if n.cls == "Disease" and (m.end <= a or m.start >= b)]
        if named:
            return ParsedClaim(named[0], "transmittedBy", None, negated,
                               vector=said_vector(vector))  # fmt: skip
    agent = agent_said(text)
    if agent is not None:
        # "Tuberculosis is caused by a virus": that it is an infectious disease of that kind
        # (the words of the kind, linked or not, are no subject)
        a, b = agent.span()
        named = [n for m, n in nodes if n.cls == "Disease" and (m.end <= a or m.start >= b)]
        kind = kg.lookup_id(AGENT_KINDS[agent_kind(agent.group("noun") or agent.group("adj"))])
        if named and kind:
            return ParsedClaim(named[0], "subClassOf", kind[0], negated)
    membership = class_membership_claim(text, mentions)
    if membership is not None:
        drug, classes = membership
        return ParsedClaim(drug, "inDrugClass", classes[0], negated, also=classes[1:])
    if len(nodes) < 2:
        return _too_few(nodes, negated)
    disorders = [(m, n) for m, n in nodes if n.cls in ("Disease", "Phenotype")]
    comorbid = {m.start for m, _ in disorders[1:] if _COMORBID.search(text, 0, m.start)}
    if comorbid and len(nodes) > 2 and not _USE_DESPITE.search(text):  # (a safety question
        # asks of the people with it: "Can a diabetic with kidney disease take metformin?")
        nodes = [(m, n) for m, n in nodes if m.start not in comorbid]
    (m1, a), (m2, b) = nodes[0], nodes[1]
    between = text[m1.end : m2.start]
    around = text
    genes = [n for _, n in nodes if n.cls == "Gene"]
    chems = [n for _, n in nodes if n.cls in ("Chemical", "DrugClass")]
    diseases = [n for _, n in nodes if n.cls == "Disease"]
    phenos = [n for _, n in nodes if n.cls == "Phenotype"]
    variants = [n for _, n in nodes if n.cls == "Variant"]
    if variants and (diseases or phenos):
        # "rs7903146 is associated with type 2 diabetes" (a gene named beside the variant,
        # "the TCF7L2 variant rs7903146", says where it lies; the claim is the variant's)
        return ParsedClaim((diseases or phenos)[0], "associatedWithVariant", variants[0],
                           negated)  # fmt: skip
    if not genes and len(diseases) >= 2 and _GENE_WORDS.search(text):
        # two diseases said to be associated, or one of mutations in the other: a gene's
        # symbol read as a disease's short form is the gene ("Is PAH associated with
        # phenylketonuria?": pulmonary arterial hypertension, whose letters the gene shares)
        symbol = next(((m, c.node) for m, n in nodes if n.cls == "Disease" for c in m.candidates
                       if c.node.cls == "Gene" and c.match == "exact" and c.name == m.text
                       and m.text.isupper()), None)  # fmt: skip
        if symbol is not None and not _asked_is_a(text, nodes[0][0], between):
            genes = [symbol[1]]
            diseases = [n for m, n in nodes if n.cls == "Disease" and m is not symbol[0]]
    if genes and (diseases or phenos):
        return ParsedClaim((diseases or phenos)[0], "associatedWithGene", genes[0], negated)
    # an agent that is a drug's name too ("penicillin": DO's allergic trigger) is the agent
    # only where the disease is said to come from it ("Penicillin allergy is caused by
    # penicillin"); "Does penicillin cause a rash?" asks of the drug
    passive = _CAUSED_BY.search(text)
    agents = [n for _, n in nodes if n.cls == "Cause"]
    if passive is not None:
        agents += [c.node for m, n in nodes if n.cls in ("Chemical", "DrugClass")
                   for c in m.candidates
                   if c.node.cls == "Cause" and c.match == "exact"][:1]  # fmt: skip
    if not agents and (said := _organism_said(nodes, passive or _CAUSES.search(text),
                                              passive is not None)):  # fmt: skip
        # an organism the corpora's annotators code as its infection ("... is caused by
        # Epstein-Barr virus", "Epstein-Barr virus causes ...": *Epstein-Barr virus infectious
        # disease* first), named on the agent's side of the verb
        m_agent, agent = said
        agents = [agent]
        diseases = [n for m, n in nodes if n.cls == "Disease" and m is not m_agent]
    if agents and diseases and re.search(r"\b(?:caus\w*|due to|results? from|triggered by|"
                                         r"by|from|infection)\b", text, re.I):  # fmt: skip
        # "Tuberculosis is caused by Mycobacterium tuberculosis", "Is the flu caused by a virus?"
        return ParsedClaim(diseases[0], "causedBy", agents[0], negated)
    if genes and chems:
        # "Imatinib targets ABL1", "Does atorvastatin inhibit HMGCR?": a drug and a gene are
        # related in the graph by what the drug acts on, and by nothing else
        return ParsedClaim(chems[0], "targets", genes[0], negated)
    contra = _CONTRA.search(text)
    if chems and (diseases or phenos) and contra:
        # "X is contraindicated in Y", "X should not be used for Y", negated only by a
        # negation outside the cue ("X is not contraindicated in Y")
        outside = _claim_negated(text, [m for m, _ in nodes], contra.span())
        return ParsedClaim(chems[0], CONTRAINDICATION, (diseases or phenos)[0], outside)
    despite = _used_despite(text, nodes)
    if despite is not None:
        # "Can I take ibuprofen if I have high blood pressure?", "Is ibuprofen safe for people
        # with kidney disease?", "Can a diabetic take prednisone?": whether the drug is
        # contraindicated in the disorder (asked as safe: whether it is not), never whether it
        # treats it
        safe = despite.group("unsafe") is None and not _NEG.search(despite[0])
        # "Can a diabetic with kidney disease take metformin?": the disorder the person is
        # said to have besides is the one asked about
        having = despite.span("having") if despite.group("having") else None
        besides = [n for m, n in disorders if having and having[0] <= m.start < having[1]]
        return ParsedClaim(chems[0], CONTRAINDICATION, (besides or diseases or phenos)[0], safe)
    if (
        chems
        and (diseases or phenos)
        and a.cls in ("Chemical", "DrugClass")
        and (_PREVENTS.search(between))
    ):
        # "Aspirin prevents heart attacks", "Is chloroquine used to prevent malaria?"
        return ParsedClaim(chems[0], PREVENTION, (diseases or phenos)[0], negated)
    blamed = blamed_drug(text, [m for m, _ in nodes])
    if blamed is not None:
        # a finding put down to a drug: whether it is the drug's side effect, never whether
        # the drug treats it or what else the text says the drug is for
        return ParsedClaim(blamed[0], "hasSideEffect", blamed[1], negated)
    moves = _MOVES_LEVEL.search(between)
    if moves is not None and _SIDE_EFFECT.search(between[: moves.start()]):
        moves = None  # "X can cause a lower Y": an adjective of the side effect, no verb
    if chems and (diseases or phenos) and moves and a.cls in ("Chemical", "DrugClass"):
        relation = "treats" if moves.group("down") else "hasSideEffect"
        return ParsedClaim(chems[0], relation, (diseases or phenos)[0], negated)
    if chems and (diseases or phenos) and FROM_MEDICATION.search(around):
        return ParsedClaim(chems[0], "hasSideEffect", (phenos or diseases)[0], negated)
    if chems and (diseases or phenos) and _PATTERNS[2][1].search(around):
        return ParsedClaim(chems[0], "treats", (diseases or phenos)[0], negated)
    passive = re.search(r"\b(?:caused|induced|triggered) by\b", around, re.I)
    if chems and (diseases or phenos) and _SIDE_EFFECT.search(around) and not passive:
        # "Can metformin cause lactic acidosis?", "X is a side effect of metformin": the drug's
        # side effect, not a disease caused by a chemical agent
        return ParsedClaim(chems[0], "hasSideEffect", (diseases or phenos)[0], negated)
    if (
        re.search(r"\bcaused by\b|\binduce|\bcauses?\b", around, re.I)
        and chems
        and (diseases or phenos)
    ):
        return ParsedClaim((diseases or phenos)[0], "causedBy", chems[0], negated)
    if re.search(r"\b(?:symptom|sign|feature|manifestation|phenotype)s? of\b", text, re.I):
        # "P is a symptom/feature of D": the disease is the subject; the finding is read as
        # its phenotype node when the mention has one among its candidates
        pheno_m, disease_n = (m1, b) if m1.start < m2.start else (m2, a)
        pheno = next((c.node for c in pheno_m.candidates if c.node.cls == "Phenotype"),
                     _node(pheno_m))  # fmt: skip
        return ParsedClaim(disease_n, "hasPhenotype", pheno, negated)
    if a.cls == b.cls and (_PATTERNS[4][1].search(between) or _asked_is_a(text, m1, between)):
        return ParsedClaim(a, "subClassOf", b, negated)  # "X is a Y", or asked: "Is X a Y?"
    if diseases and phenos:
        return ParsedClaim(diseases[0], "hasPhenotype", phenos[0], negated)
    if (
        a.cls == b.cls
        and a.cls in ("Disease", "DrugClass")
        and re.search(r"\b(?:is|are)\b", between, re.I)
        and not _TIED_BY.search(between)
    ):
        # "SSRIs are antidepressants" as "Lupus is an autoimmune disease" (not "Type 2
        # diabetes is linked to obesity", "Anemia is caused by iron deficiency": checked as
        # one a kind of the other)
        return ParsedClaim(a, "subClassOf", b, negated)
    if (
        chems
        and (diseases or phenos)
        and a.cls in ("Chemical", "DrugClass")
        and _TAKEN_FOR.match(between)
    ):
        # "aspirin for headache"; a drug and a disorder named with no relation word between
        # them ("I take nifedipine and have nosebleeds") are not read as a treatment, nor one
        # named after "for" and more ("I have been on lisinopril for a year and now I have a
        # cough")
        return ParsedClaim(chems[0], "treats", (diseases or phenos)[0], negated)
    shown = _finding_caused(text, m1, m2) if a.cls == b.cls == "Disease" else None
    if shown is not None:
        # "Chickenpox causes a rash" ("rash" linked DO's exanthem): a disease said to cause
        # what is also a finding shows it
        return ParsedClaim(shown[0], "hasPhenotype", shown[1], negated)
    return ParsedClaim(a, None, b, negated, reason="no relation recognised between "
                       f"{a.label} and {b.label}")  # fmt: skip


# words saying two things are tied some other way than one being a kind of the other
_TIED_BY = re.compile(
    r"\b(?:caus|due|link|associat|relat|risk|complicat|result|lead|trigger|connect|correlat|"
    r"seen|found|sign|symptom|feature|manifest|treat|"
    r"prevent|cure|worse|better|similar|like|same|different|part)\w*|\b(?:in|with|by|from|"
    r"after|before|than|to)\b",
    re.I,
)
# a disease said to bring on another named after it ("Chickenpox causes a rash") ...
_BRINGS_ON = re.compile(r"^\s+(?:(?:can|may|might|could|will|often|usually|commonly|sometimes|"
                        r"does|do|not|never)\s+)*(?:caus\w*|lead\w* to|result\w* in|giv\w*|"
                        r"produc\w*|bring\w* on)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?$",
                        re.I)  # fmt: skip
# ... or said to be brought on by one named after it ("A rash can be caused by chickenpox")
_BROUGHT_ON = re.compile(r"^\s+(?:(?:can|may|might|could|is|are|be|often|usually|commonly|"
                         r"sometimes|not|never)\s+)*(?:caused by|due to|a (?:symptom|sign) of)"
                         r"\s+(?:(?:an?|the)\s+)?$", re.I)  # fmt: skip


def _finding_caused(text: str, m1: Mention, m2: Mention) -> tuple[Node, Node] | None:
    """The disease and the finding (the phenotype node among its mention's candidates) when
    ``text`` says the disease brings the finding on; None when the words say no such thing or
    the second disease has no finding's node (a disease causing a disease is no phenotype)."""
    between = text[m1.end : m2.start]
    if _BRINGS_ON.match(between):
        disease, finding = m1, m2
    elif _BROUGHT_ON.match(between):
        disease, finding = m2, m1
    else:
        return None
    pheno = next((c.node for c in finding.candidates if c.node.cls == "Phenotype"), None)
    if pheno is None or _node(disease) is None:
        return None
    return _node(disease), pheno
