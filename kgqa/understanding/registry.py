"""The intents: what a question can ask, one record each. Nothing else holds intent tables.

An :class:`Intent` says which graph relation answers it (and from which end), what the topic
and the answers must be, whether super- or subtypes may stand in, which MedQuAD question types
it covers, and the question forms that teach the classifier to route to it. Adding an intent
is one record here plus its forms (then ``kgqa train intent``).

Example:
    >>> INTENTS["drugs_for_disease"].relation, INTENTS["drugs_for_disease"].reversed
    ('treats', True)
    >>> intent_of_qtype("genetic changes")
    'genes_of_disease'
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["out", "in"]
Stand_in = Literal["supertype", "subtype"]


@dataclass(frozen=True)
class Hop:
    """One relation read from the topic: ``out`` (topic is the subject) or ``in``."""

    relation: str
    direction: Direction


@dataclass(frozen=True)
class Intent:
    """What a question asks, and how the graph answers it."""

    name: str
    summary: str
    # the graph query: relations read from the topic, the first one the intent's own
    hops: tuple[Hop, ...] = ()
    # what the topic may be, in order of preference (None: any linked entity)
    topic_classes: tuple[str, ...] | None = None
    answer_classes: tuple[str, ...] = ()
    # answers must be one of these terms or under them (onset: HPO "Onset" among the courses)
    answers_under: tuple[str, ...] = ()
    # may the hierarchy stand in when the topic itself has no edge? supertypes for properties
    # inherited downwards, subtypes for "which drugs / genes" where narrower diseases have them
    hierarchy: tuple[Stand_in, ...] = ()
    # the same relation asked from its other end ("What does allopurinol treat?")
    inverse: str | None = None
    # whether the answers' annotations (frequency, co-occurrence weight, curators) pre-rank them
    annotated: bool = False
    qtypes: tuple[str, ...] = ()  # MedQuAD question types this intent answers
    forms: tuple[str, ...] = ()  # question forms; slots {d} {d2} {p} {c} {g} {k} {n}
    # how people write it in a message: lay words, the topic often a pronoun named elsewhere
    # ({it}: "it", "this", "my condition" or a disease); training wraps them in message noise
    lay: tuple[str, ...] = ()
    # words that ask for this relation and nothing else ("side effects", "drug class",
    # "prevalence"): with a topic of its class they route here whatever the classifier says
    cue: str | None = None
    # the same in Chinese: words that ask for this relation in a Chinese question (a question
    # with Chinese text is routed by these first, in ``ZH_ORDER``; the classifier was trained
    # on English)
    zh: str | None = None
    # what kgqa says instead of answering, for an intent its graph cannot answer
    refusal: str | None = None
    # words without which a long message's main question is not taken to ask this, whatever
    # the classifier says (a message that tells its history names many findings and asks
    # something else; a bare name is no question about what the thing is)
    in_messages: str | None = None

    @property
    def relation(self) -> str | None:
        """The relation that answers it (None: no graph answer, e.g. passages only)."""
        return self.hops[0].relation if self.hops else None

    @property
    def reversed(self) -> bool:
        """Whether the answer is the relation's subject and the topic its object."""
        return bool(self.hops) and self.hops[0].direction == "in"


_DISEASE, _PHENO, _DRUG, _GENE = "Disease", "Phenotype", "Chemical", "Gene"
_CLASS, _EFFECT, _VARIANT = "DrugClass", "SideEffect", "Variant"
DRUG_WORD = r"(?:drugs?|medications?|medicines?|meds|pills?)"
# how a disease passes from one to another (answered by what transmits and causes it)
TRANSMISSION = (
    r"\btransmi(?:t|ts|tted|tting|ssion|ssible)\b|\bpassed on\b|\bhow (?:is|are|does|do|can|"
    r"could) \s*(?:\S+\s+){0,5}?(?:spread|passed|caught|contracted)\b|\bhow (?:do|does|can|"
    r"could|did) (?:you|people|one|i|we|he|she|someone|a person) (?:catch|contract)\b"
    # "How do you get Lyme disease?" (not "get rid of", "get my blood pressure down")
    r"|\bhow (?:do|does|can|could) (?:you|people|one|someone|a person|kids|children) get\s+"
    r"(?!(?:rid|help|tested|my|his|her|their|your|our|over|better|well|through|off|back|down|"
    r"up|out|on|in|to|pregnant|a diagnosis|diagnosed|treat\w*|cured|relief|medic\w*|"
    r"information|info|insurance|an appointment|checked|enough|more|less|rest|sleep|used)\b)"
    r"[^?.]{1,60}\?"
    # "Is HPV contagious?" asks how it spreads; "When is shingles contagious?" asks when
    r"|^\s*(?:is|are)\b[^?]*\bcontagious\b"
)
# the organs a question may limit a drug's side effects or a disease's findings to ("side
# effects of aspirin on the ears", "How does diabetes affect the eyes?"): the word, its
# pattern, and the HPO and DO categories of findings of it (an answer is of the organ when it
# is one of them or a kind of one)
ORGANS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ear", r"ears?|hearing", ("HP:0000598", "DOID:2742")),
    ("liver", r"liver|hepatic", ("HP:0001392", "DOID:409")),
    ("kidney", r"kidneys?|renal", ("HP:0000077", "DOID:557")),
    ("eye", r"eyes?|eyesight|vision|sight", ("HP:0000478", "DOID:5614")),
    ("skin", r"skin", ("HP:0000951", "DOID:37")),
    ("heart", r"heart|cardiac", ("HP:0001626", "DOID:1287")),
    ("lung", r"lungs?|breathing", ("HP:0002086", "DOID:1579")),
    ("stomach and gut", r"stomach|gut|bowels?|intestines?|digestion|digestive system",
     ("HP:0025031", "DOID:77")),
    ("nervous system", r"nerves?|nervous system|brain", ("HP:0000707", "DOID:863")),
    ("blood", r"blood(?! (?:pressure|sugar|glucose|tests?|work|levels?))",
     ("HP:0001871", "DOID:74")),
    ("muscles", r"muscles?", ("HP:0003011", "DOID:0080000")),
    ("bones", r"bones?", ("HP:0000924", "DOID:0080001")),
    ("hair", r"hair", ("HP:0001595", "DOID:421")),
    ("teeth", r"teeth|tooth", ("HP:0000164", "DOID:1091")),
    ("mouth", r"mouth", ("HP:0000153", "DOID:403")),
)  # fmt: skip
ORGAN_WORDS = "|".join(f"(?:{words})" for _, words, _ in ORGANS)
# an organ said as what is affected ("on the liver", "affect the eyes", "kidney problems")
# whose organ: "the", "my" ... before its word
_WHOSE = r"(?:the|my|your|his|her|their|our)\s+"
ORGAN_ASKED = re.compile(
    r"\b(?:on|to|affects?|affecting|affected|harms?|damages?|hurts?)\s+"
    rf"(?:{_WHOSE}|one's\s+)?(?P<a>{ORGAN_WORDS})\b(?!\s*-)"
    rf"|\b(?P<b>{ORGAN_WORDS})\s+(?:side[- ]effects?|problems?|damage|issues?|effects?)\b",
    re.I,
)
# what a drug or a disease does to an organ, as the cue of their side effects and findings
_ORGAN_AFFECTED = (r"\b(?:affect|affects|harm|harms|damage|damages|hurt|hurts|do(?:es)?\s+to)\s+"
                   rf"(?:{_WHOSE})?(?:{ORGAN_WORDS})\b")  # fmt: skip

_RECORDS = (
    Intent(
        "phenotypes_of_disease", "What are the symptoms of X?",
        zh=r"症状|表现|体征|临床特[征点]|征象",
        hops=(Hop("hasPhenotype", "out"),), topic_classes=(_DISEASE,),
        answer_classes=(_PHENO,), hierarchy=("supertype", "subtype"), annotated=True,
        qtypes=("symptoms",),
        # what it does to an organ ("What does diabetes do to the eyes?")
        cue=_ORGAN_AFFECTED,
        forms=(
            "What are the symptoms of {d}?", "what are the signs of {d}",
            "How does {d} present?", "Which phenotypes are associated with {d}?",
            "What clinical features does {d} have?", "symptoms of {d}",
            "What problems does {d} cause?",
        ),
        lay=(
            "How do I know if I have {d}?",
            "What does {it} feel like?",
            "What should I watch for with {it}?",
            "What are the early signs of {d}?",
            "How does {it} affect the body?",
            "What happens to people with {d}?",
            "what are the warning signs of {it}",
            "How would I know if my child has {d}?",
        ),
    ),
    Intent(
        "drugs_for_disease", "Which drugs treat X?",
        zh=r"什么药|哪些药|哪种药|何种药|用药|药物|吃什么|怎么治|如何治|治疗方法|怎样治|治疗",
        hops=(Hop("treats", "in"), Hop("palliates", "in")), topic_classes=(_DISEASE, _PHENO),
        answer_classes=(_DRUG,), hierarchy=("subtype", "supertype"),
        inverse="diseases_for_drug", annotated=True, qtypes=("treatment",),
        # a plea for help with a disorder asks what can be done for it: how people write
        # "What is the treatment for X?" ("Help w/ extreme sweating. Can you help!")
        cue=(r"\bwhat (?:should|can|could|do|must|shall) (?:i|we|one|he|she) do\b|\bwhat to do\b"
             r"|\bwhat (?:i|we|one) (?:have to|need to|should|can|must) do\b"
             r"|\bwhat (?:am i|are we) (?:supposed|meant) to do\b|\bbest thing to do\b"
             r"|\bhow (?:does|do|can|should) (?:one|i|we) (?:deal|cope) with\b"
             r"|(?:\b(?:please|pls|plz|kindly|(?:can|could) (?:you|someone|anyone)(?: please)?) "
             r"help|\bhelp(?= (?:me|us|him|her)\b))\b(?! (?:me |us |him |her )?(?:to |out )?"
             r"(?:find|locate|understand|contact|reach|get in touch|get information|with "
             r"(?:(?:some|any|more|the|this|my|these) )?(?:information|info|resources?|answers?|"
             r"questions?|research|reports?|finding|locating)))|\bget rid of\b"
             # ... or for advice, a solution, something that helps ("give me good advice
             # please", "need your further suggestion", "is there a better drug", "something
             # in the world that can help my son"), not advice on something said after it (what
             # to eat, how to tell the family, where to turn)
             r"|\b(?:give|suggest|send|offer|provide|need|want|would like|seeking|looking for)"
             r"(?: me| us)?(?: \w+){0,2} (?:advice|advise|advices|solutions?|suggestions?)\b"
             r"(?!\s+(?:about|on|regarding|as to|concerning|with|how|what|whether|if|where|which|"
             r"to|from)\b)"
             r"|\b(?:anything|something)(?: \w+){0,3} (?:that |which |to )?(?:can |could |will "
             r"|would |might )?help (?:me|him|her|us|them|my|with)\b"
             r"|\bis there (?:a |an |any )?(?:better|good|new|effective|other|alternative|natural|"
             r"safe|safer) (?:cure|treatment|remedy|medicine|medication|pills?|drugs?|tablets?|"
             r"therap(?:y|ies))\b"
             r"|\bis there (?:a |an |any )?(?:cure|treatment|remedy|medicine|medication|pills?|"
             r"drugs?|tablets?)\b(?! tests?\b)"
             # ... and asks for a cure, a medicine or what to take in so many words ("medicine
             # to cure Morgellons", "any new treatments", "What can I give my father to help
             # him sleep?"); whether it can be cured asks how it is treated ("Can GERD be
             # cured?", "Is lung abscess curable?", "any chance of recovery"), as the expert
             # summaries of such messages read it; so does how to find a treatment ("I would
             # like to see how can I find treatment", of COPD; not where: a place)
             r"|\bbe (?:\w+ )?cured?\b|\b(?:in)?curable\b|\b(?:find|get|found) (?:a |any |the )?"
             r"cure\b|\bhow (?:can|could|do|would|should|to) (?:i |we |one |he |she |they )?"
             r"(?:find|get|obtain|receive) (?:a |any |the |proper |good |some )?"
             r"(?:treatments?|therap(?:y|ies)|remed(?:y|ies))\b"
             r"|\bchances? (?:of|for) (?:a |any |full |complete |our |my |his |her )?"
             r"(?:recovery|cure|curing|healing)\b"
             r"|\b(?:cures?|remed(?:y|ies)|medicines?|medications?|drugs?|pills?|tablets?)\s+"
             r"(?:for|to (?:cure|treat|help|stop|control|reduce|relieve|heal|get rid|lessen|"
             r"prevent|lower|ease|improve|fix|manage))\b"
             # "... the current research and treatments available", "need your kind support
             # for treatment"
             r"|\b(?:treatments?|cures?|therap(?:y|ies)|remed(?:y|ies)|medications?)\s+"
             r"(?:(?:that|which)\s+(?:are|is)\s+)?available\b"
             r"|\b(?:need|want|seek(?:ing)?|request(?:ing)?)\s+(?:\w+\s+){0,3}?(?:support|help)\s+"
             r"(?:for|with)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:treatment|cure)\b"
             r"|\bwhat (?:is|are|was|were) (?:the )?(?:\w+ )?(?:treatments?|cures?|therap(?:y|ies)|"
             r"remed(?:y|ies)|medicines?|medications?|treatment options)\b"
             r"|\b(?:new|newer|good|best|better|any|other|alternative|"
             r"effective|permanent|more tolerable)\s+(?:treatments?|cures?|therap(?:y|ies)|"
             r"remed(?:y|ies)|medicines?|medications?|replacements?)\b"
             r"|\bhow (?:to|can (?:i|we|you|one)|do (?:i|we|you)|should (?:i|we)|is it possible "
             r"to) "
             r"(?:cure|treat|heal|stop|manage|control|relieve|fix|overcome|remove|reduce|ease|"
             r"lessen|alleviate|soothe|quit|kick|give up)\b"
             # "What is indicated for schizophrenia?", "What is used in asthma?", "what's
             # prescribed for gout": a drug asked for by its use, not a definition
             r"|\bwhat(?:'s| is| are| drugs? (?:is|are)| medicines? (?:is|are)) (?:usually "
             r"|commonly |typically |generally |normally |often )?(?:indicated|used|given|"
             r"prescribed|approved|recommended) (?:for|in|against|to (?:treat|manage|control))\b"
             r"|\bwhat (?:can|should|could|do) (?:i|we|he|she|you) (?:take|use|give)\b"
             r"|\b(?:suggest|recommend|prescribe|advise)\s+(?:(?:me|us|him|her|the|some|any|a|an|"
             r"good|best|right|proper|suitable)\s+){0,2}(?:medicines?|"
             r"medications?|drugs?|something|treatments?|remed(?:y|ies)|cure)\b"
             r"|\bneed (?:something|a medicine|medicine|medication|a cure|a treatment|treatment) "
             r"for\b"
             # suggestions on a treatment wanted ("we would like suggestions on treatment
             # options after surgery"; information on it is no such question), or the disorder
             # wanted mended ("I have a fractured nose i need it fixed")
             r"|\b(?:suggestions?|advice|recommendations?|ideas?|opinions?)\s+(?:on|about|for|"
             r"regarding|of)\s+(?:(?:the|any|possible|some|other|her|his|my|best|available)\s+)"
             r"{0,2}(?:treatments?|treatment options|therap(?:y|ies)|remed(?:y|ies)|cures?)\b"
             r"|\b(?:need|want|get|getting|have)\s+(?:it|this|that|them|these|mine)\s+(?:fixed|"
             r"cured|treated|repaired|corrected)\b"
             # a drug asked for by what it does to the disorder ("Which drug treats both A and
             # B?"; not prevention, which the graph's treats statements do not tell apart)
             rf"|\b(?:{DRUG_WORD}|treatments?)\s+(?:(?:that|which|to|can|could|may|will|would|"
             r"best|usually|commonly)\s+)*(?:treats?|cures?)\b"),
        forms=(
            "Which drugs treat {d}?", "What medication is used for {d}?", "How is {d} treated?",
            "drugs for {d}", "What can I take for {d}?", "How do you treat {d}?",
            "Which medicines are indicated for {d}?",
        ),
        lay=(
            "Is there any treatment for {it}?",
            "What are the treatment options for {it}?",
            "What can be done for {it}?",
            "Are there any new treatments for {d}?",
            "What medicine can help with {it}?",
            "Is there anything that can help {it}?",
            "How can I get rid of {it}?",
            "What is the best treatment for {d}?",
            "Is there a medication I can take for {it}?",
            "what are my options for treating {it}",
            "I am looking for a treatment for {it}",
            "any treatment for {d}?",
            "What do doctors prescribe for {it}?",
            "How can {it} be managed?",
            "What helps {d}?",
            "Are there treatments to reverse {it}?",
            "What therapies are available for {d}?",
            "Is there a drug that works for {it}?", "What should I do?", "What can I do?",
            "What do you suggest?", "Please advise what I can do for {it}.",
            "Can you suggest something for {it}?", "What would you recommend for {it}?",
            "How can I get better?", "How can I overcome {it}?", "I need help with {it}.",
        ),
    ),
    Intent(
        "diseases_for_drug", "What is drug X used for?",
        zh=r"治疗什么|治什么|治疗哪些|用于|适应症|适应证|主治|用来",
        # a class ("What do ACE inhibitors treat?") answers through its members
        hops=(Hop("treats", "out"), Hop("palliates", "out")), topic_classes=(_CLASS, _DRUG),
        answer_classes=(_DISEASE, _PHENO), inverse="drugs_for_disease",
        qtypes=("indication",),
        forms=(
            "What is {c} used for?", "Which diseases does {c} treat?",
            "What conditions is {c} prescribed for?", "indications of {c}",
            "Why is {c} prescribed?", "What does {c} treat?", "What is {c} for?",
        ),
        lay=(
            "Why would my doctor give me {c}?",
            "What does {c} do?",
            "What are the benefits of {c}?",
            "What is {c} prescribed for?",
            "Can {c} be used for anything else?",
            "My doctor put me on {c}, what is it for?",
        ),
    ),
    Intent(
        "genes_of_disease", "Which genes are associated with X?",
        zh=r"基因|突变",
        hops=(Hop("associatedWithGene", "out"),), topic_classes=(_DISEASE, _PHENO),
        answer_classes=(_GENE,), hierarchy=("subtype",), inverse="diseases_of_gene",
        qtypes=("genetic changes",),
        forms=(
            "Which genes are associated with {d}?", "What gene causes {d}?", "genes of {d}",
            "Which genes are mutated in {d}?",
            "What are the genetic changes related to {d}?",
        ),
        lay=(
            "What mutation causes {d}?",
            "Which gene is involved in {it}?",
            "What gene is responsible for {it}?",
            "Is there a gene for {d}?",
        ),
    ),
    Intent(
        "diseases_of_gene", "Which diseases are associated with gene G (or variant V)?",
        zh=r"什么病|哪些病|哪种病|什么疾病|哪些疾病|相关疾病|有关",
        # a variant's diseases too ("What is rs7903146 associated with?"), by GWAS
        hops=(Hop("associatedWithGene", "in"), Hop("associatedWithVariant", "in")),
        topic_classes=(_GENE, _VARIANT), answer_classes=(_DISEASE,), inverse="genes_of_disease",
        forms=(
            "Which diseases are associated with {g}?",
            "What conditions are caused by mutations in {g}?",
            "diseases linked to the {g} gene", "What disorders involve {g}?",
        ),
    ),
    # not inverse to phenotypes_of_disease: a question's disease often links to a phenotype
    Intent(
        "diseases_of_phenotype", "What diseases cause phenotype P?",
        zh=r"什么病|哪些病|哪种病|什么疾病|哪些疾病|是什么引起|原因",
        hops=(Hop("hasPhenotype", "in"),), topic_classes=(_PHENO, _DISEASE),
        # HSDN's literature co-occurrence ranks a finding's diseases ("What causes
        # headaches?": migraine, seen with it in 837 abstracts, before Q fever in HPO's)
        answer_classes=(_DISEASE,), annotated=True,
        # what a finding is a sign of ("What does vomiting blood indicate?" was read as what
        # hematemesis is, answered by itself at 1.00)
        # (not what a person suggests: "What would you suggest?" after a subject line naming
        # anxiety listed cystic fibrosis and narcolepsy, as diseases that show it)
        cue=(r"\bwhat (?:does|do|did|could|can|might|may|would|will) (?!(?:you|u|we|i|they|he|she|"
             r"(?:your|my|the|our|his|her|their) (?:doctors?|dr|physicians?|specialists?|nurses?|"
             r"pharmacists?|surgeons?|gp)) (?:suggest|recommend|advi[sc]e)\b)"
             r".{1,80}? (?:indicate|signify|suggest|point to|be (?:a )?(?:sign|symptom|signs|"
             r"symptoms) of)\b"
             # ... or which syndrome has it ("Is there any syndrome with these three features?")
             r"|\b(?:any|which|what) (?:syndromes?|diseases?|conditions?|disorders?|illness(?:es)?)"
             r" (?:deals?|dealing|associated|linked|related|involv\w*|includ\w*|show\w*|has|have|"
             r"with|goes with|go with|cause|causes)\b"),
        forms=(
            "What diseases cause {p}?", "Which conditions present with {p}?",
            "What could cause {p}?", "causes of {p}", "Which disorders have {p} as a feature?",
        ),
        lay=(
            "What could be causing my {p}?",
            "Why do I have {p}?",
            "What would cause {p}?",
            "What is causing my {p}?",
            "Why do I keep getting {p}?",
            "what causes {p} in children",
            "What conditions can cause {p}?",
        ),
    ),
    Intent(
        "causes", "What causes X?",
        zh=r"病因|原因|为什么会|由什么引起|什么引起|是什么导致|怎么引起",
        hops=(Hop("causedBy", "out"), Hop("transmittedBy", "out"),
              Hop("associatedWithGene", "out")),
        topic_classes=(_DISEASE,), hierarchy=("supertype", "subtype"), qtypes=("causes",),
        # how an infection passes from one person to the next is what the transmittedBy hop
        # answers ("How is HIV transmitted?", "How do you catch hepatitis B?"), not its symptoms
        # ... or the reason for it ("what reason vomit bile?", "What is the reason for my
        # dizziness?"; a finding's reasons are the diseases that show it)
        cue=TRANSMISSION + r"|\b(?:what(?:'s| is| are| was| were)?(?: the)?(?: \w+)?|because|"
        r"the|any|main|possible) reasons?\b(?! (?:to|that|i|we|you)\b)"
        # ... or its origin ("WHAT IS THE ORIGEN, TREATMENT", of a chromosome syndrome)
        r"|\bwhat(?:'s| is| are| was)? (?:the |its |their )?orig[ei]ns?\b",
        forms=(
            "What causes {d}?", "what is the cause of {d}", "Why do people get {d}?",
            "What is {d} caused by?",
        ),
        lay=(
            "What could have caused my {d}?",
            "Why did I get {d}?",
            "What is the cause of {it}?",
            "How did I get {d}?",
            "what causes {it}",
            "What brings on {d}?",
            "Why does {it} happen?",
            "What are the risk factors for {d}?",
        ),
    ),
    Intent(
        "inheritance", "How is X inherited?",
        zh=r"遗传",
        # families, genes, children, transmission ("Is it normal for him to ...?" is not this)
        in_messages=(
            r"inherit|hereditar|heredit|genetic|\bgenes?\b|\bfamil(?:y|ies)\b|\bpass(?:ed|es)? "
            r"(?:\w+ )?(?:on|down)\b|\bcarrier|autosomal|x-linked|\b(?:my|our|his|her|their) "
            r"(?:children|kids|child|son|daughter|grandchild|baby|babies)\b|\bruns? in\b"
            r"|\b(?:kids|children|grandchildren)\b|transmi|contagious|infectious|\btested\b"
            # "Is CF dominant or recessive?", "Is it something you are born with?", "Does it
            # skip a generation?", "... if my father had it?"
            r"|\bdominant\b|\brecessive\b|\bborn with\b|\bgenerations?\b|\b(?:my|our|his|her|"
            r"their|your) (?:father|mother|dad|mom|mum|parents?|grand(?:mother|father|parents?)|"
            r"brothers?|sisters?|siblings?|relatives?|twin|ancestors?)\b"
        ),
        # the chance that a next child has it, or whether one carries it, asks how it passes
        # ("What is the % of 2nd baby would be MLC", "can we plan another baby", "Is it
        # possible both brothers carry a translocation?")
        cue=(r"(?:\b(?:chances?|risks?|probability|odds|likelihood|percent(?:age)?)\b|%)[^.?!]{0,40}"
             r"\b(?:next|second|2nd|another|other|future|more|further)\s+(?:baby|babies|child|"
             r"children|kids?|pregnanc(?:y|ies)|son|daughter)\b"
             r"|\b(?:plan(?:ning)?(?: for)?|have|having|try(?:ing)? for)\s+(?:another|a second|a "
             r"2nd|more)\s+(?:baby|child|kids?|children)\b"
             r"|\bcarr(?:y|ies|ying)\s+(?:the\s+|a\s+|this\s+|that\s+)?(?:\w+\s+)?(?:genes?|"
             r"translocations?|mutations?|trait)\b"),
        hops=(Hop("hasInheritance", "out"),), topic_classes=(_DISEASE,),
        answer_classes=("Inheritance",), hierarchy=("supertype", "subtype"),
        qtypes=("inheritance",),
        forms=(
            "Is {d} inherited?", "How is {d} inherited?",
            "What is the inheritance pattern of {d}?", "Is {d} passed down in families?",
            "Is {d} hereditary?", "Is {d} genetic?",
        ),
        lay=(
            "Is {it} passed from parents to children?",
            "Will my children get {d}?",
            "Can I pass {it} on to my kids?",
            "Does {d} run in families?",
            "What are the chances my son will have {d}?",
            "Is {it} something you are born with?",
            "Can {it} skip a generation?",
        ),
    ),
    Intent(
        "side_effects_of_drug", "What are the side effects of drug X?",
        zh=r"副作用|不良反应|毒副",
        hops=(Hop("hasSideEffect", "out"),), topic_classes=(_CLASS, _DRUG),
        answer_classes=(_PHENO, _EFFECT, _DISEASE), inverse="drugs_causing", annotated=True,
        qtypes=("side effects",),
        # ... and whether it is safe or harmful to take, which asks what harm it can do ("is it
        # dangerous to take theophylline long term?", "Is an extra dose harmful?")
        cue=(r"\bside[- ]?effects?\b|\badverse (?:effects?|reactions?|events?)\b"
             r"|\b(?:safe|unsafe|dangerous|harmful|risky|toxic)\b|\blong[- ]term (?:use|effects?)\b"
             r"|\b(?:risks?|dangers?) of (?:taking|using)\b"
             # how people react to the drug ("I'd like to know what their reactions to the drug
             # are")
             r"|\breactions? (?:to|from) (?:the |this |that |these |my |his |her |their )?"
             r"(?:drugs?|medications?|medicines?|meds?|pills?|tablets?|shots?|vaccines?|"
             r"injections?|it|them)\b"
             # ... and what it does to an organ ("How can aspirin affect the ear?")
             + "|" + _ORGAN_AFFECTED),
        forms=(
            "What are the side effects of {c}?", "side effects of {c}",
            "What adverse reactions does {c} cause?", "What problems can {c} cause?",
            "Which adverse effects are reported for {c}?", "Does {c} have side effects?",
        ),
        lay=(
            "What are the risks of taking {c}?",
            "Is {c} harmful?",
            "What happens if I take {c} for a long time?",
            "Does {c} have any long-term effects?",
            "Since I started {c} I feel bad, is it the medicine?",
            "Are there dangers with {c}?",
        ),
    ),
    Intent(
        "drugs_causing", "Which drugs can cause X (as a side effect)?",
        zh=r"药.{0,6}(?:引起|导致|诱发)",
        hops=(Hop("hasSideEffect", "in"),), topic_classes=(_PHENO, _EFFECT, _DISEASE),
        # a drug that causes a kind of the finding causes it: "Which drugs cause bleeding?" is
        # answered by the drugs of gastrointestinal hemorrhage, epistaxis ... (as verify reads
        # "Does aspirin cause bleeding?")
        answer_classes=(_DRUG,), inverse="side_effects_of_drug", hierarchy=("subtype",),
        cue=(rf"\b{DRUG_WORD}\s+(?:(?:that|which|can|could|may|might|often|commonly)\s+)*"
             r"(?:caus|induc|trigger|lead to|result in)|\bside[- ]?effects?\b"),
        forms=(
            "Which drugs can cause {p}?", "What medications cause {p}?",
            "Which medicines have {p} as a side effect?", "drugs that induce {p}",
            "Can any medication cause {p}?",
        ),
    ),
    Intent(
        "contraindications", "When must drug X not be used? Which drugs to avoid in X?",
        zh=r"禁用|禁忌|不能用|不能吃|不宜|慎用|不可以用|不能服用|避免使用",
        topic_classes=(_DRUG, _DISEASE, _PHENO), qtypes=("contraindication",),
        # "contraindicated", "should not take / be used", "never take" anywhere; "avoid" and
        # "not safe" with a word for drugs (not "How can I avoid gout attacks?"); not what
        # someone was told not to take ("My doctor said I should not take ibuprofen, what can
        # I take for my headache?" asks for the other drugs)
        cue=(r"\bcontra-?indicat"
             r"|^(?![\s\S]*\b(?:told|said|says|advised|warned|instructed)\b[^.?!]{0,40}?"
             r"\b(?:should(?:n't| not)|must not)\b)[\s\S]*?\b(?:should(?:n't| not)|must not) "
             r"(?:be )?(?:take|taken|give|given|use|used)\b|\bnever (?:take|use)\b"
             rf"|^(?=.*\b{DRUG_WORD}\b).*\b(?:avoid(?:ed|ing)?|(?:not |un)safe)\b"),
        refusal=("kgqa has no contraindication data (none of its graph's sources lists "
                 "them); it will not answer from indications, which say the opposite"),
        forms=(
            "What are the contraindications of {c}?", "Who should not take {c}?",
            "When should {c} not be used?", "Which drugs are contraindicated in {d}?",
            "Which medications should I avoid with {d}?", "Is {c} safe with {d}?",
        ),
    ),
    Intent(
        "class_of_drug", "What class of drug is X?",
        zh=r"(?:属于|是)(?:哪|什么|哪一)(?:一)?类|哪类药|什么类(?:型)?的?药|药物类别|药理分类",
        hops=(Hop("inDrugClass", "out"),), topic_classes=(_DRUG,), answer_classes=(_CLASS,),
        inverse="drugs_in_class",
        cue=rf"\b(?:drug|pharmacologic(?:al)?|medication|therapeutic) class\b|\bclass of "
            rf"{DRUG_WORD}|\b(?:kind|type|group) of {DRUG_WORD}\b|\b(?:what|which) class\b",
        forms=(
            "What class of drug is {c}?", "What kind of medication is {c}?",
            "Which drug class does {c} belong to?", "{c} is what type of drug?",
        ),
    ),
    Intent(
        "drugs_in_class", "Which drugs are in class X?",
        zh=r"有哪些药|包括哪些|哪些药物?属于|有哪些|包括什么",
        hops=(Hop("inDrugClass", "in"),), topic_classes=(_CLASS,), answer_classes=(_DRUG,),
        inverse="class_of_drug", hierarchy=("subtype",),
        cue=(r"\bexamples? of\b|\bwhich (?:drugs|medications|medicines) are\b"
             r"|\bname (?:some|a few)\b|\blist (?:of )?\b|\bmembers? of\b"),
        forms=(
            "Which drugs are {k}?", "Name some {k}", "What are examples of {k}?",
            "list of {k}", "Which medications belong to the {k} class?",
        ),
    ),
    Intent(
        "targets_of_drug", "What does drug X act on?",
        zh=r"靶点|作用机制|作用于|作用靶",
        hops=(Hop("targets", "out"),), topic_classes=(_DRUG,), answer_classes=(_GENE,),
        inverse="drugs_targeting", qtypes=("how does it work",),
        cue=(r"\btargets?\b|\bmechanism of action\b|\bacts? on\b|\bbinds?(?: to)?\b"
             r"|\bhow does\b.*\bwork\b"),
        # words of how a drug acts, in a message or a question alike ("What could be wrong
        # with me? I take metformin." read as metformin's targets at 0.44: no such words)
        in_messages=(
            r"\btarget|\bmechanism|\bmode of action\b|\bacts?\b|\bacting\b|\bbind|"
            r"\bhow (?:does|do|did) .{0,60}\bwork|\breceptors?\b|\benzymes?\b|\bproteins?\b|"
            r"\binhibit|\bblock|\bpathways?\b|\bmolecul|\bwhat (?:does|do) .{1,60}\bdo\b"
        ),
        forms=(
            "What does {c} target?", "What is the target of {c}?",
            "Which proteins does {c} act on?", "What is the mechanism of action of {c}?",
            "How does {c} work?",
        ),
    ),
    Intent(
        "drugs_targeting", "Which drugs act on gene/protein G?",
        zh=r"靶向|抑制剂|作用于",
        hops=(Hop("targets", "in"),), topic_classes=(_GENE,), answer_classes=(_DRUG,),
        inverse="targets_of_drug",
        cue=r"\btargets?\b|\binhibitors?\b|\bagonists?\b|\bantagonists?\b|\bblockers?\b|\bact on\b",
        forms=(
            "Which drugs target {g}?", "What drugs inhibit {g}?", "{g} inhibitors",
            "Which medications act on {g}?",
        ),
    ),
    Intent(
        "variants_of_disease", "Which genetic variants are associated with X?",
        zh=r"变异|位点|多态性|SNP|snp",
        hops=(Hop("associatedWithVariant", "out"),), topic_classes=(_DISEASE, _PHENO),
        answer_classes=(_VARIANT,), hierarchy=("subtype",),
        cue=r"\bvariants?\b|\bsnps?\b|\bpolymorphisms?\b|\bgwas\b|\bloci\b|\blocus\b",
        forms=(
            "Which variants are associated with {d}?", "What SNPs are linked to {d}?",
            "GWAS hits for {d}", "Which genetic variants increase the risk of {d}?",
        ),
    ),
    Intent(
        "prevalence", "How common is X?",
        zh=r"发病率|患病率|多常见|常见吗|罕见吗|多少人",
        hops=(Hop("hasPrevalence", "out"),), topic_classes=(_DISEASE,),
        cue=r"\bhow (?:common|rare|frequent|prevalent)\b|\bprevalen|\bincidence\b"
            r"|\bhow many (?:people|patients|persons|individuals|children|adults)\b"
            # where in the world ("Where does sickle cell anemia occur?" was read as its
            # cause), not where in the body
            r"|\bwhere (?:is|are|does|do)\b(?![^?.]*(?:\b(?:body|organs?)\b|\bskin (?:patch|spot)))"
            r"[^?.]*\b(?:common|found|occurs?|prevalent|endemic|widespread)\b"
            # "Is cystic fibrosis rare?" (read as nothing asked)
            r"|^\W*(?:is|are)\b[^?.]{1,80}\b(?:common|rare|prevalent|widespread)\W*$",
        qtypes=("frequency",),
        # words of how many have it, in a message or a question alike ("Malaria is spread by
        # mosquitoes", "High blood pressure leads to stroke" were read as prevalence at 0.6
        # and answered that the graph gives no prevalence)
        in_messages=(
            r"\bcommon|\brare\b|\brarely\b|\bfrequen|\bprevalen|\bincidence\b|\bhow many\b|"
            r"\bpercent|%|\bepidemiolog|\bhow often\b|\bwidespread\b|\bendemic\b|\bwhere\b|"
            r"\boccurs?\b|\boccurr|\bpopulation|\bstatistic|\bout of (?:every|\d)|\bodds\b|"
            r"\bchances?\b|\blikely\b|\bnumbers?\b|\brates?\b"
        ),
        forms=(
            "How common is {d}?", "What is the prevalence of {d}?",
            "How many people are affected by {d}?", "How rare is {d}?",
        ),
    ),
    Intent(
        "onset", "At what age does X begin?",
        zh=r"发病年龄|什么时候(?:发病|开始|出现)|几岁|多大(?:年龄|岁数)?(?:发病|开始)",
        hops=(Hop("hasClinicalCourse", "out"),), topic_classes=(_DISEASE,),
        answer_classes=("ClinicalAttribute",), answers_under=("HP:0003674",),
        hierarchy=("supertype",),
        # "onset" asked about, not told ("I have a relative that have onset of type 2 diabetes
        # we want to know if there're any natural approach ...")
        cue=r"\b(?:what|when|which|how)\b[^.?!]*\bonset\b|\bonset\b[^.!?]*\?|^\W*onset of\b"
            r"|\b(?:at )?what age\b|\bhow old\b|\bwhen does\b.*\b(?:start|begin|"
            r"appear|develop|show up|first)|\bage (?:of|at) (?:onset|diagnosis)\b",
        forms=(
            "At what age does {d} start?", "What is the age of onset of {d}?",
            "When does {d} usually begin?", "onset of {d}", "How old are people when {d} starts?",
        ),
        lay=(
            "At what age do children get {d}?", "When do the first signs of {it} appear?",
            "Can adults get {d} or only children?",
        ),
    ),
    Intent(
        # the HPO course terms past onset: how it goes on (Progressive, Slowly progressive,
        # Nonprogressive) and when it ends a life (Death in childhood, Neonatal death)
        "course", "Does X get worse; is it fatal?",
        zh=r"预后|寿命|能活多久|活多久|会不会死|会死|致死|致命|病程",
        hops=(Hop("hasClinicalCourse", "out"),), topic_classes=(_DISEASE,),
        answer_classes=("ClinicalAttribute",), answers_under=("HP:0003679", "HP:0040006"),
        hierarchy=("supertype",), qtypes=("outlook",),
        cue=r"\bprognos[ie]s\b|\boutlook\b|\blife[- ]?(?:expectancy|span)\b|\bsurvival\b"
            r"|\bmortality\b|\bfatal\b|\bdeadly\b|\blethal\b|\bterminal(?!\s+ileum)\b"
            r"|\b(?:die|dying|died|death)\s+(?:of|from)\b|\bcan\s+(?:you|one|people|a person|"
            r"someone|i|he|she|they|my \w+)\s+die\b|\bhow long\b[^.?!]*\blive\b"
            r"|\bprogressive\b|\bprogression\b|\bhow (?:does|do|will|fast|quickly)\b[^.?!]*"
            r"\bprogress\b"
            # how people ask it of themselves ("Will it get worse until I die?", "what is the
            # pattern of recovery after stroke?")
            r"|\bwill (?:it|this|that|he|she|they|my \w+) (?:just )?(?:get|keep getting) worse\b"
            r"|\buntil (?:i|he|she|they|we) die\b|\b(?:pattern|course|chances?) of recovery\b",
        forms=(
            "What is the prognosis for {d}?", "What is the outlook for {d}?",
            "Is {d} progressive?", "Is {d} fatal?", "What is the life expectancy of {d}?",
            "How does {d} progress?",
        ),
        lay=(
            "Can you die from {it}?", "How long can someone live with {d}?",
            "Does {it} get worse over time?", "Will {it} get worse?",
        ),
    ),
    Intent(
        "is_a", "What kind of disease is X?",
        zh=r"属于|是一种|归类",
        hops=(Hop("subClassOf", "out"),), topic_classes=(_DISEASE, _PHENO, _DRUG),
        forms=(
            "What kind of disease is {d}?", "What type of disorder is {d}?",
            "{d} is a kind of what?", "Which disease class does {d} belong to?",
        ),
    ),
    Intent(
        "subtypes", "What are the types of X?",
        zh=r"类型|分型|亚型|有哪几种|分为哪",
        hops=(Hop("subClassOf", "in"),), topic_classes=(_DISEASE, _PHENO, _DRUG),
        forms=(
            "What are the types of {d}?", "Which subtypes of {d} exist?", "kinds of {d}",
            "What forms of {d} are there?",
        ),
    ),
    Intent(
        "definition", "What is X?",
        zh=r"是什么|什么是|指什么|是指|定义|介绍一下|是啥",
        # what something is, in so many words ("Fibrodysplasia Ossificans Progressiva." or a
        # request for information about it is not this)
        in_messages=(
            r"\bwhat(?:'s| is| are| was| were| does| do)\b|\bdefin|\bmeaning\b|\bmeans?\b"
            r"|\bexplain|\bwhat (?:kind|type|sort) of\b"
        ),
        # a variant is shown by the diseases GWAS ties it to ("What is rs7903146?")
        topic_classes=(_DISEASE, _PHENO, _DRUG, _GENE, _CLASS, _VARIANT), qtypes=("information",),
        forms=(
            "What is {d}?", "What is (are) {d} ?", "Define {p}", "What does {p} mean?",
            "What is {c}?", "Tell me about {d}",
        ),
        lay=(
            "Can you explain what {d} is?",
            "I was told I have {d}, what is that?",
            "My doctor says I have {d}. What is it?",
            "What exactly is {d}?",
            "what does it mean to have {d}",
            "Can you give me information about what {d} is?",
        ),
    ),
    Intent(
        "diagnosis", "Findings: which disease?",
        answer_classes=(_DISEASE,),
        in_messages=(
            r"\bdiagnos|\bwhat (?:could|might|would|can) (?:this|it|these|that) be\b|\bwhat(?:'s| "
            r"is) wrong\b|\bwhat do (?:i|you think i) have\b|\bwhat (?:disease|condition|illness)\b"
        ),
        forms=(
            "{p}, {p} and {p}: what is the diagnosis?",
            "A child with {p} and {p}. What disease could this be?",
            "Which disease explains {p}, {p} and {p}?",
            "Patient presents with {p}, {p}, no {p}. Differential?",
            "differential diagnosis for {p} and {p}", "Could {p} and {p} be {d}?",
            "{p}, {p} and {p}: is it {d}?",
        ),
    ),
    Intent(
        "claim", "Yes or no: does X treat Y? A statement to check.",
        forms=(
            "Does {c} treat {d}?", "{c} treats {d}", "Is {d} associated with gene {g}?",
            "{d} is associated with {g}", "Is {d} a kind of {d2}?", "{d} is a {d2}",
            "{c} is not indicated for {d}", "Is {p} a symptom of {d}?",
            "The DOID of {d} is DOID:{n}", "{d} is not associated with gene {g}",
            "Can {c} be used for {d}?", "Does {d} cause {p}?", "Does {c} cause {p}?",
            "Can {c} cause {d}?", "Is {p} a side effect of {c}?",
        ),
        lay=(
            "Can {c} cause {p}?",
            "Is there a connection between {d} and {d2}?",
            "Could my {p} be caused by {c}?",
            "Is {c} effective for {d}?",
            "Does {c} help {d}?",
            "Can {d} cause {p}?",
            "Is {d} related to {d2}?",
            "Could {c} be the reason for my {p}?",
            "Is there a link between {c} and {d}?",
        ),
    ),
    Intent(
        "other", "Prevention, tests ...: passages only.",
        forms=(
            "How can {d} be prevented?",
            "How is {d} diagnosed?", "What are the complications of {d}?",
            "What should I do if I forget a dose of {c}?",
            "What research is being done for {d}?", "Where can I find support for {d}?",
        ),
        lay=(
            "Where can I get tested for {it}?",
            "Who makes {c}?",
            "Who manufactures {c}?",
            "Where can I buy {c}?",
            "What company makes {c}?",
            "Are there any clinical trials for {d}?",
            "Where can I find a doctor who treats {it}?",
            "Is there a support group for {d}?",
            "Can you send me information about {d}?",
            "Where can I find more information on {it}?",
            "Has {c} been discontinued?",
            "What is the dosage of {c}?",
            "How much {c} should I take?",
            "Can I take {c} with {c}?",
            "What are the ingredients in {c}?",
            "Does {c} contain gluten?",
            "How should I store {c}?",
            "Is there any research being done on {it}?",
            "How long does {it} last?",
            "Can {d} be cured?",
            "How is {it} diagnosed?",
            "What test shows {d}?",
            "What kind of specialist should I see for {it}?",
            "How much does {c} cost?",
            "Is there a generic version of {c}?",
            "Is {d} contagious?",
            "What foods should I eat with {it}?",
            "Will {it} come back?",
            "Can I get help paying for {c}?",
            "Who can I talk to about {it}?",
            "Is it safe to exercise with {it}?",
            "Where can I find a specialist in {d}?",
            "Can you help me?",
            "What can I expect after surgery for {it}?",
            "How do I get a second opinion about {it}?",
        ),
    ),
)  # fmt: skip

INTENTS: dict[str, Intent] = {i.name: i for i in _RECORDS}
NAMES: tuple[str, ...] = tuple(INTENTS)  # the classifier's label order
# every intent's own relation: a candidate reached through one of these ranks first
MAIN_RELATIONS = frozenset(i.relation for i in _RECORDS if i.relation)
_OF_QTYPE = {q: i.name for i in _RECORDS for q in i.qtypes}


def intent_of_qtype(qtype: str) -> str:
    """The intent a MedQuAD question type asks (``other`` when none does)."""
    return _OF_QTYPE.get(qtype, "other")


# the order in which Chinese cues are tried: the most specific relation words first (副作用
# before 治疗, 属于哪类 before 属于), an intent kgqa refuses before all
ZH_ORDER = (
    "contraindications", "side_effects_of_drug", "drugs_causing", "class_of_drug",
    "drugs_in_class", "targets_of_drug", "drugs_targeting", "variants_of_disease", "prevalence",
    "onset", "course", "inheritance", "subtypes", "causes", "genes_of_disease", "diseases_of_gene",
    "diseases_for_drug", "drugs_for_disease", "phenotypes_of_disease",
    # "2型糖尿病是一种什么病" asks for a class, though it holds 什么病
    "is_a", "diseases_of_phenotype", "definition",
)  # fmt: skip


def _check(records: tuple[Intent, ...]) -> dict[str, re.Pattern[str]]:
    """The registry is consistent (unique names, inverses that exist and point back, cues that
    compile); returns the compiled cues."""
    names = [i.name for i in records]
    if len(set(names)) != len(names):
        raise ValueError("intent names must be unique")
    for i in records:
        other = INTENTS.get(i.inverse) if i.inverse is not None else None
        if i.inverse is not None and (
            other is None or other.inverse != i.name or other.relation != i.relation
        ):
            raise ValueError(f"intent {i.name}: inverse {i.inverse} does not point back")
    zh = {i.name for i in records if i.zh}
    if zh != set(ZH_ORDER):
        raise ValueError(f"ZH_ORDER must list each intent with Chinese cues once: {sorted(zh)}")
    return {i.name: re.compile(i.cue, re.I | re.S) for i in records if i.cue}


CUES = _check(_RECORDS)
IN_MESSAGES = {i.name: re.compile(i.in_messages, re.I) for i in _RECORDS if i.in_messages}
ZH_CUES = {name: re.compile(INTENTS[name].zh or "") for name in ZH_ORDER}


@dataclass(frozen=True)
class IntentTemplate:
    intent: str
    text: str  # slots: {d} disease, {p} phenotype, {c} drug, {g} gene, {d2} disease


TEMPLATES = tuple(IntentTemplate(i.name, form) for i in _RECORDS for form in i.forms)


def fill(template: str, names: dict[str, list[str]], rng: random.Random) -> str:
    """A question from a form, with names drawn for its slots (sometimes lower-cased)."""

    def one(m: re.Match[str]) -> str:
        slot = m.group(1)
        if slot == "n":
            return str(rng.randint(1, 99999))
        name = rng.choice(names["d" if slot == "d2" else slot])
        return name.lower() if rng.random() < 0.4 else name

    return re.sub(r"\{(\w+)\}", one, template)
