"""What a question asks: the intents, how MedQuAD's question types map onto them, and the
templates that teach the rest.

Example:
    >>> INTENT_OF_QTYPE["symptoms"], INTENT_OF_QTYPE["genetic changes"]
    ('phenotypes_of_disease', 'genes_of_disease')
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

INTENTS = (
    "phenotypes_of_disease",  # What are the symptoms of X?
    "drugs_for_disease",  # Which drugs treat X?
    "diseases_for_drug",  # What is drug X used for?
    "genes_of_disease",  # Which genes are associated with X?
    "diseases_of_gene",  # Which diseases are associated with gene G?
    "diseases_of_phenotype",  # What diseases cause phenotype P?
    "causes",  # What causes X?
    "inheritance",  # How is X inherited?
    "is_a",  # What kind of disease is X?
    "subtypes",  # What are the types of X?
    "definition",  # What is X?
    "diagnosis",  # findings -> which disease?
    "claim",  # yes/no: does X treat Y? / statements
    "other",  # outlook, prevention, tests, ...: passages only
)
INTENT_OF_QTYPE = {
    "symptoms": "phenotypes_of_disease",
    "treatment": "drugs_for_disease",
    "causes": "causes",
    "inheritance": "inheritance",
    "genetic changes": "genes_of_disease",
    "information": "definition",
    "indication": "diseases_for_drug",
}


def intent_of_qtype(qtype: str) -> str:
    return INTENT_OF_QTYPE.get(qtype, "other")


@dataclass(frozen=True)
class IntentTemplate:
    intent: str
    text: str  # slots: {d} disease, {p} phenotype, {c} drug, {g} gene, {d2} disease


TEMPLATES = (
    [
        IntentTemplate("phenotypes_of_disease", t)
        for t in (
            "What are the symptoms of {d}?",
            "what are the signs of {d}",
            "How does {d} present?",
            "Which phenotypes are associated with {d}?",
            "What clinical features does {d} have?",
            "symptoms of {d}",
            "What problems does {d} cause?",
        )
    ]
    + [
        IntentTemplate("drugs_for_disease", t)
        for t in (
            "Which drugs treat {d}?",
            "What medication is used for {d}?",
            "How is {d} treated?",
            "drugs for {d}",
            "What can I take for {d}?",
            "How do you treat {d}?",
            "Which medicines are indicated for {d}?",
        )
    ]
    + [
        IntentTemplate("diseases_for_drug", t)
        for t in (
            "What is {c} used for?",
            "Which diseases does {c} treat?",
            "What conditions is {c} prescribed for?",
            "indications of {c}",
            "Why is {c} prescribed?",
            "What does {c} treat?",
            "What is {c} for?",
        )
    ]
    + [
        IntentTemplate("genes_of_disease", t)
        for t in (
            "Which genes are associated with {d}?",
            "What gene causes {d}?",
            "genes of {d}",
            "Which genes are mutated in {d}?",
            "What are the genetic changes related to {d}?",
        )
    ]
    + [
        IntentTemplate("diseases_of_gene", t)
        for t in (
            "Which diseases are associated with {g}?",
            "What conditions are caused by mutations in {g}?",
            "diseases linked to the {g} gene",
            "What disorders involve {g}?",
        )
    ]
    + [
        IntentTemplate("diseases_of_phenotype", t)
        for t in (
            "What diseases cause {p}?",
            "Which conditions present with {p}?",
            "What could cause {p}?",
            "causes of {p}",
            "Which disorders have {p} as a feature?",
        )
    ]
    + [
        IntentTemplate("causes", t)
        for t in (
            "What causes {d}?",
            "what is the cause of {d}",
            "Why do people get {d}?",
            "What is {d} caused by?",
        )
    ]
    + [
        IntentTemplate("inheritance", t)
        for t in (
            "Is {d} inherited?",
            "How is {d} inherited?",
            "What is the inheritance pattern of {d}?",
            "Is {d} passed down in families?",
            "Is {d} hereditary?",
            "Is {d} genetic?",
        )
    ]
    + [
        IntentTemplate("is_a", t)
        for t in (
            "What kind of disease is {d}?",
            "What type of disorder is {d}?",
            "{d} is a kind of what?",
            "Which disease class does {d} belong to?",
        )
    ]
    + [
        IntentTemplate("subtypes", t)
        for t in (
            "What are the types of {d}?",
            "Which subtypes of {d} exist?",
            "kinds of {d}",
            "What forms of {d} are there?",
        )
    ]
    + [
        IntentTemplate("definition", t)
        for t in (
            "What is {d}?",
            "What is (are) {d} ?",
            "Define {p}",
            "What does {p} mean?",
            "What is {c}?",
            "Tell me about {d}",
        )
    ]
    + [
        IntentTemplate("diagnosis", t)
        for t in (
            "{p}, {p} and {p}: what is the diagnosis?",
            "A child with {p} and {p}. What disease could this be?",
            "Which disease explains {p}, {p} and {p}?",
            "Patient presents with {p}, {p}, no {p}. Differential?",
            "differential diagnosis for {p} and {p}",
            "Could {p} and {p} be {d}?",
            "{p}, {p} and {p}: is it {d}?",
        )
    ]
    + [
        IntentTemplate("claim", t)
        for t in (
            "Does {c} treat {d}?",
            "{c} treats {d}",
            "Is {d} associated with gene {g}?",
            "{d} is associated with {g}",
            "Is {d} a kind of {d2}?",
            "{d} is a {d2}",
            "{c} is not indicated for {d}",
            "Is {p} a symptom of {d}?",
            "The DOID of {d} is DOID:{n}",
            "{d} is not associated with gene {g}",
            "Can {c} be used for {d}?",
            "Does {d} cause {p}?",
            "Does {c} cause {p}?",
            "Can {c} cause {d}?",
            "Is {p} a side effect of {c}?",
        )
    ]
    + [
        IntentTemplate("other", t)
        for t in (
            "What is the outlook for {d}?",
            "How can {d} be prevented?",
            "How is {d} diagnosed?",
            "What are the complications of {d}?",
            "How many people are affected by {d}?",
            "What are the side effects of {c}?",
            "What should I do if I forget a dose of {c}?",
            "What research is being done for {d}?",
            "Where can I find support for {d}?",
        )
    ]
)


def fill(template: str, names: dict[str, list[str]], rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        slot = m.group(1)
        if slot == "n":
            return str(rng.randint(1, 99999))
        name = rng.choice(names["d" if slot == "d2" else slot])
        return name.lower() if rng.random() < 0.4 else name

    return re.sub(r"\{(\w+)\}", one, template)
