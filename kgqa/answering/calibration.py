"""Answer probabilities calibrated on dev questions.

The verifier gives nearly every graph statement a support close to 1, so support says "this edge
exists", not "this answers you": on the GARD symptom and GHR gene questions 45 % of the answers
given at 0.98 were gold answers. :class:`AnswerCalibrator` maps an answer's support, its rank,
how many answers there are, whether it stands on text or on a super- or subtype, whether
only a few abstracts that name it beside the topic stand behind it
(:func:`kgqa.answering.ranking.literature_only`), and whether it is one of the diseases that
show a finding asked about, to the
probability that it is a right answer to a question read right (a logistic model fitted by
``kgqa train calibration`` on half of the dev questions, checked on the other half: the GARD
symptom and GHR gene questions, and the causes of 30 common findings). The engine
then multiplies by how sure it is of the reading
(:func:`kgqa.answering.engine.answer_probability`): the dev questions are nearly all read with
confidence, so that factor is not fitted, and it only ever lowers the probability. The weight of
support is kept ≥ 0, so more support never means less probability.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from kgqa.artifacts import LinearModel

KIND = "kgqa-answer-calibrator"
FORMAT_VERSION = 3
FEATURES = (
    "logit_support",
    "log_rank",
    "log_answers",
    "from_text",
    "via_hierarchy",
    "literature_only",
    "finding_asked",
    "bias",
)
_EPS = 1e-4
# the intent whose answers are the diseases that show a finding (``finding_asked``)
FINDING_ASKED = "diseases_of_phenotype"


def answer_features(support: float, rank: int, answers: int, from_text: bool,
                    via: bool, literature: bool = False, finding: bool = False
                    ) -> list[float]:  # fmt: skip
    """The calibrator's inputs for one answer (``rank`` from 1, among ``answers`` supported
    ones: three genes of a disease are each likelier right than one of 80 phenotypes).
    ``finding``: the answers are the diseases that show a finding ("What causes dysuria?"):
    the graph's are mostly rare ones (HPO's annotations) where people mean the common causes,
    so each is less likely what was asked than a disease's own phenotype or gene."""
    p = min(max(support, _EPS), 1 - _EPS)
    return [math.log(p / (1 - p)), math.log(rank), math.log(max(answers, 1)), float(from_text),
            float(via), float(literature), float(finding), 1.0]  # fmt: skip


class AnswerCalibrator(LinearModel):
    """P(the answer is right, the question read right) = sigmoid(features · w)."""

    KIND, FORMAT_VERSION, FEATURES = KIND, FORMAT_VERSION, FEATURES
    DIRECTORY, TRAIN = "calibration", "kgqa train calibration"

    def probability(self, support: float, rank: int, answers: int, from_text: bool,
                    via: bool, literature: bool = False, finding: bool = False
                    ) -> float:  # fmt: skip
        z = float(np.dot(answer_features(support, rank, answers, from_text, via, literature,
                                         finding), self.weights))  # fmt: skip
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def answer_calibrator() -> AnswerCalibrator:
    """The committed calibrator, loaded once."""
    return AnswerCalibrator.load()
