"""Hypotheses judged by the conclusions of the document that states them.

A sentence of a conclusions section judges a hypothesis when a content
bigram of the hypothesis (names of entities left out: they do not tell one
hypothesis from another) occurs in it before a verdict within a few words:
a negation ("cannot explain", "insufficient": :data:`~usmxkg.extract.claim_cues.NOT_SUPPORTED`)
says *not supported*, a limit ("can only explain") *partially supported*,
an affirmation ("explains", "exercises an important effect") *supported*;
a hypothesis given several verdicts is *partially supported*.
"""

from __future__ import annotations

import re
from itertools import pairwise

from usmxkg.document import Span
from usmxkg.extract import claim_cues as cues
from usmxkg.extract.facts import Claim
from usmxkg.extract.sentences import Sentence
from usmxkg.extract.speakers import MentionIndex

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_STOP = frozenset("""
a an the of and or in on at to for from by with as is are was were be been being this that these those it its their
there then if when while than both between which who whom what why how not no should would could can may might will
has have had do does did so such also only more most other others into about over under after before during since
""".split())


def _without_names(mentions: MentionIndex, span: Span) -> str:
    """The sentence with the entities it names blanked: names are not what distinguishes one hypothesis."""
    text = list(span.text)
    for start, end, _ in mentions.within([span]):
        for i in range(start - span.start, min(len(text), end - span.start)):
            text[i] = " "
    return "".join(text)


def _terms(text: str) -> list[str]:
    """Content-word bigrams of a sentence, hyphens dropped ("inter-dependence" = "interdependence")."""
    words = [w.lower().replace("-", "").rstrip(".’'") for w in _TOKEN.findall(text)]
    words = [w for w in words if w not in _STOP and len(w) > 2]
    return [f"{a} {b}" for a, b in pairwise(words)]


_POSITIVE = re.compile(
    r"\b(?:confirms?|supports?|explains?|accounts? for|strongest|exercises? an important|shapes?|determines?)\b", re.I)


def judge_hypotheses(claims: list[Claim], concluding: list[Sentence], mentions: MentionIndex) -> list[Claim]:
    """Each hypothesis judged by the conclusion sentences that open with one of its terms (see the module docs).

    A conclusion sentence judges a hypothesis when a content bigram of the
    hypothesis occurs in it before a verdict: a negation ("cannot explain",
    "insufficient") says *not supported*, a limit ("can only explain")
    *partially supported*, an affirmation ("explains", "exercises an
    important effect") *supported*; mixed verdicts give *partially supported*.
    """
    out = []
    for claim in claims:
        if claim.type != "Hypothesis":
            out.append(claim)
            continue
        terms = set(_terms(_without_names(mentions, claim.text)))
        verdicts = set()
        for sentence in concluding:
            text = " ".join(sentence.text.lower().replace("-", "").split())
            for term in terms:
                at = text.find(term)
                if at < 0:
                    continue
                verdict = _verdict(text[at + len(term):at + len(term) + 80])
                if verdict:
                    verdicts.add(verdict)
        judgement = None
        if len(verdicts) == 1:
            judgement = verdicts.pop()
        elif verdicts:
            judgement = "partially supported"
        out.append(Claim(claim.type, claim.text, claim.claimant, claim.about, claim.hedge, judgement, claim.addressed,
                         claim.action, claim.cue, claim.section, claim.date))
    return out


def _verdict(after: str) -> str | None:
    if cues.NOT_SUPPORTED.search(after):
        return "not supported"
    if re.search(r"\bonly\b|\bpartially\b|\bpartly\b|\bin part\b", after):
        return "partially supported"
    if _POSITIVE.search(after):
        return "supported"
    return None
