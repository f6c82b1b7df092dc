"""Sentences of running text → :class:`~usmxkg.extract.facts.Claim` records.

Each sentence (:mod:`usmxkg.extract.sentences`) is read in its section's
role and its document's genre and classified by the first cue of
:mod:`usmxkg.extract.claim_cues` that fires (that module tables every rule).
A claim carries its sentence span, its type, its claimant (None for the
document's own claims; the speaker for reported statements), the entities
named inside it (the document's mentions), its hedge, the title of its
section, and for journalism the release date. Recommendations carry the
agent they address (the subject before the modal: an entity the lexicon
knows, or the agent noun phrase as written) and the action (the verb phrase
after the modal). Hypotheses are judged by the conclusions
(:func:`usmxkg.extract.hypotheses.judge_hypotheses`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Section, Span
from usmxkg.extract import claim_cues as cues
from usmxkg.extract.dates import parse_date
from usmxkg.extract.facts import Claim, DateValue, Entity, Quotation
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.hypotheses import judge_hypotheses
from usmxkg.extract.sentences import Paragraph, Sentence, document_sentences, paragraphs
from usmxkg.extract.speakers import NAME, OFFICE, MentionIndex, Speakers, about
from usmxkg.vocab import fold

_ADJECTIVES = frozenset(
    "mexican american u.s. us federal civilian military armed service defense national both".split()
)
_NP_WORDS = frozenset({"the", "of", "and", "&", ","})
_REPORTED = re.compile(
    rf"(?:^|[,;] |\bbut |\band |\bthat )(?P<speaker>{NAME}|{OFFICE}|he|she|He|She)(?: and {NAME})?"
    rf" (?:also )?(?P<verb>{cues.REPORTING_VERBS})\b(?P<after>.{{0,6}})"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?:the )?(?P<speaker>{NAME})\b(?P<after>[^,]{{0,60}},)")
_THESIS_VERBS = re.compile(
    r"^(?:argues|argued|highlights|highlighted|points out|pointed out|notes|noted|contends|asserts|maintains|suggests"
    r"|claims|observes|states|writes|believes|explains|emphasi[sz]es|stresses|said|says)$"
)
_LIST_MARK = re.compile(r"\(?(?:\d+|[a-z]|[ivx]+)[.)]")
"""A list item's number before its first word ("1.", "(2)", "c)")."""
@dataclass(slots=True)
class ClaimContext:
    """What claim and quotation extraction share for one document: its paragraphs, sentences, mentions, speakers."""

    doc: Document
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    mentions: MentionIndex
    speakers: Speakers


def claim_context(doc: Document, gazetteer: Gazetteer | None) -> ClaimContext:
    """Segment the document once and index its mentions and speakers."""
    mentions = MentionIndex.of(doc, gazetteer)
    parts = paragraphs(doc)
    return ClaimContext(doc, parts, document_sentences(doc, parts), mentions, Speakers(doc, gazetteer, mentions))


def release_date(doc: Document) -> DateValue | None:
    """The date a news release or web post was published (the dateline or posting date), if stated."""
    for name in ("date-published", "date"):
        span = doc.first(name)
        parsed = parse_date(span.text) if span else None
        if parsed is not None:
            return parsed
    return None


def section_roles(doc: Document, section: Section | None) -> frozenset[str]:
    """The roles (:data:`~usmxkg.extract.claim_cues.SECTION_ROLES`) of the innermost section with any, else none."""
    chain: list[Section] = []
    for top in doc.sections:
        chain = _path(top, section) or chain
    for node in reversed(chain):
        roles = frozenset(role for role, pattern in cues.SECTION_ROLES if pattern.search(node.title.text))
        if roles:
            return roles
    return frozenset()


def _path(node: Section, target: Section | None) -> list[Section]:
    if target is None:
        return []
    if node is target:
        return [node]
    for child in node.children:
        below = _path(child, target)
        if below:
            return [node, *below]
    return []


def extract_claims(context: ClaimContext, quotations: list[Quotation]) -> list[Claim]:
    """Every claim of the document, in text order (hypotheses judged by its conclusions).

    A catalogue record (``doc.record``) describes a work and makes no claims of its own.
    """
    doc = context.doc
    if doc.record:
        return []
    research = doc.work_type in cues.RESEARCH_GENRES
    dated = release_date(doc) if doc.work_type in cues.JOURNALISM_GENRES else None
    quoted = [(q.text.start, q.text.end) for q in quotations]
    roles_of: dict[int, frozenset[str]] = {}
    out: list[Claim] = []
    for sentence in context.sentences:
        if _mostly_quoted(sentence, quoted):
            continue
        key = id(sentence.section)
        if key not in roles_of:
            roles_of[key] = section_roles(doc, sentence.section)
        claim = _classify(context, sentence, roles_of[key], research, quoted)
        if claim is not None:
            out.append(_finish(context, sentence, claim, dated))
    if research:
        out += _heading_recommendations(context, out)
        concluding = [x for x in context.sentences if "conclusion" in roles_of.get(id(x.section), frozenset())]
        out = judge_hypotheses(out, concluding, context.mentions)
    return sorted(out, key=lambda c: (c.text.start, c.text.end))


def _mostly_quoted(sentence: Sentence, quoted: list[tuple[int, int]]) -> bool:
    length = sum(p.end - p.start for p in sentence.pieces)
    inside = sum(max(0, min(e, sentence.span.end) - max(s, sentence.span.start)) for s, e in quoted)
    return inside * 2 >= length


def _classify(
    context: ClaimContext, sentence: Sentence, roles: frozenset[str], research: bool, quoted: list[tuple[int, int]]
) -> Claim | None:
    text = sentence.text
    if research:
        found = _research_claim(context, sentence, roles, text)
        if found is not None:
            return found
    reported = _reported(context, sentence, research, quoted)
    if reported is not None:
        return reported
    if not research and context.doc.work_type != "NewsArticle":
        recommendation = _recommendation(context, sentence, roles, strong_only=True)
        if recommendation is not None:
            return recommendation
        if cues.EVALUATIVE.search(text):
            return Claim("Assertion", sentence.span, cue="assert-evaluative")
    return None


def _research_claim(context: ClaimContext, sentence: Sentence, roles: frozenset[str], text: str) -> Claim | None:
    span = sentence.span
    question = text.rstrip("”\"’' ").endswith("?")
    if question and roles & {"question", "hypothesis"}:
        return Claim("ResearchQuestion", span, cue="rq-question")
    if cues.RQ_STATED.search(text):
        return Claim("ResearchQuestion", span, cue="rq-stated")
    if cues.RQ_AIM.search(text) and not roles & {"conclusion", "overview"} and not question:
        return Claim("ResearchQuestion", span, cue="rq-aim")
    if "conclusion" not in roles and cues.HYPOTHESIS_STATED.search(text):
        return Claim("Hypothesis", span, cue="hypothesis-stated")
    if "hypothesis" in roles and cues.HYPOTHESIS_ORDINAL.search(text):
        return Claim("Hypothesis", span, cue="hypothesis-ordinal")
    if "hypothesis" in roles and cues.HYPOTHESIS_ARGUES.search(text) and not _reported_by_name(context, sentence):
        return Claim("Hypothesis", span, cue="hypothesis-argues")
    if cues.RECOMMEND_STATED.search(text):
        found = _recommendation(context, sentence, roles | {"recommendation"}, strong_only=False)
        return found or Claim("Recommendation", span, cue="recommend-stated")
    found = _recommendation(context, sentence, roles, strong_only=not roles & {"recommendation", "conclusion"})
    if found is not None:
        return found
    finding = cues.FINDING_SELF.search(text)
    if finding and "overview" not in roles and (
            not roles & {"question", "method"} or cues.FINDING_STRONG.search(finding.group())):
        return Claim("Finding", span, cue="finding-self")
    if "conclusion" in roles and cues.CONCLUDING.match(text) and not question and not re.search(
            rf"\b(?:{cues.MODALS_STRONG})\b", text):
        return Claim("Finding", span, cue="finding-conclusion")
    return None


def _reported_by_name(context: ClaimContext, sentence: Sentence) -> bool:
    """True when the sentence reports a named person's view ("As Feld argues …"), not a theory's."""
    return any(
        context.speakers.person(m.group("speaker")) is not None
        for piece in sentence.pieces
        for m in _REPORTED.finditer(piece.text)
    )


def _recommendation(
    context: ClaimContext, sentence: Sentence, roles: frozenset[str], strong_only: bool
) -> Claim | None:
    """A sentence advising an agent: "<agent> should|must|… <action>" (see ``recommend-modal``)."""
    for piece in sentence.pieces:
        for match in cues.MODAL.finditer(piece.text):
            modal, rest = match.group("modal"), match.group("rest")
            if strong_only and modal in {"can", "could"}:
                continue
            if rest.split()[-1] in cues.NOT_ACTIONS or _in_quote(piece.text, match.start()):
                continue
            before = piece.text[:match.start()]
            if re.search(r"['’]s?\s*$", before):
                continue
            if re.search(rf"\b(?:{cues.REPORTING_VERBS}) that\b", before):
                continue
            agent, addressed = _addressee(context, piece, before)
            if not agent:
                continue
            action = piece.text[match.start("rest"):].strip()
            action = re.sub(r"[.;:!?⁰¹²³⁴⁵⁶⁷⁸⁹\"”’]+$", "", " ".join(action.split()))
            action += "”" if action.count("“") > action.count("”") else ""
            for later in sentence.pieces[sentence.pieces.index(piece) + 1:]:
                action += " " + " ".join(later.text.split()).rstrip(".;:!?⁰¹²³⁴⁵⁶⁷⁸⁹")
            return Claim("Recommendation", sentence.span, addressed=addressed, action=action, cue="recommend-modal")
    return None


def _in_quote(text: str, at: int) -> bool:
    head = text[:at]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _addressee(context: ClaimContext, piece: Span, before: str) -> tuple[bool, Entity | None]:
    """Whether an agent is the subject right before a modal, and the entity it names.

    The entity is a known one inside the noun phrase (a person or
    institution, else a country), else the phrase itself when it is a proper
    agent name ("U.S. Army planners"); a common agent phrase ("both armies")
    addresses no entity.
    """
    words = list(re.finditer(r"[^\s,]+|,", before))
    start = len(before)
    for word in reversed(words):
        token = word.group()
        bare = re.sub(r"['’]s?$", "", token).lower()
        if bare in cues.CONNECTIVES:
            break
        if token[0].isupper() or token in _NP_WORDS or bare in cues.AGENT_NOUNS or bare in _ADJECTIVES:
            start = word.start()
            continue
        break
    lead = re.match(r"(?:\s*(?:,|and\b|&))*\s*", before[start:])
    start += lead.end() if lead else 0
    phrase = before[start:].rstrip(" ,")
    head = before[:start].rstrip()
    opens_clause = not head or head.endswith((",", ";", ":", "—")) or _LIST_MARK.fullmatch(head) or re.search(
        r"(?:^|\s)(?:that|and|then|but|so)$", head, re.I) or head.split()[-1].lower() in cues.CONNECTIVES
    if not phrase or not opens_clause or phrase.lower() in {"the", "it", "they", "this"}:
        return False, None
    begin = piece.start + start
    named = [e for _, _, e in context.mentions.within([context.doc.span(begin, begin + len(phrase))])]
    agents = [e for e in named if e.kind in {"person", "institution"}] + [
        e for e in named if e.kind == "place" and e.type == "Country"]
    if agents:
        return True, agents[0]
    if phrase.split()[-1].lower() not in cues.AGENT_NOUNS:
        return False, None
    label = re.sub(r"^(?:the|The)\s+", "", phrase)
    if len(label.split()) >= 2 and all(w[0].isupper() or w in _NP_WORDS for w in label.split()):
        return True, Entity("institution", fold(label), label, "Institution")
    return True, None


def _reported(
    context: ClaimContext, sentence: Sentence, research: bool, quoted: list[tuple[int, int]]
) -> Claim | None:
    """A statement the sentence attributes to a named speaker (``assert-reported``)."""
    if any(sentence.span.start <= s < sentence.span.end for s, _ in quoted) or sentence.text.endswith((",", ":")):
        return None
    for piece in sentence.pieces:
        for pattern in (_REPORTED, _ACCORDING):
            for match in pattern.finditer(piece.text):
                after = match.group("after")
                if re.search(r"[“\"]", (after + piece.text[match.end():])[:40]):
                    continue  # the words reported are quoted: a quotation, not an assertion
                verb = match.groupdict().get("verb")
                if research and verb is not None and (
                    not _THESIS_VERBS.match(verb) or not after.startswith(" that")
                ):
                    continue
                at = piece.start + match.start("speaker")
                written = match.group("speaker")
                speaker = _named_earlier(context, piece.text[:match.start("speaker")]) if written.lower() in {
                    "he", "she"} else None
                speaker = speaker or context.speakers.resolve(written, at)
                if speaker is not None:
                    return Claim("Assertion", sentence.span, claimant=speaker, cue="assert-reported")
    return None


def _named_earlier(context: ClaimContext, before: str) -> Entity | None:
    """The last person named earlier in the same sentence, whom a pronoun there refers to."""
    found = None
    for match in re.finditer(NAME, before):
        found = context.speakers.person(match.group()) or found
    return found


def _finish(context: ClaimContext, sentence: Sentence, claim: Claim, dated: DateValue | None) -> Claim:
    """Add what every claim carries: about, hedge, section, date."""
    hedge = _hedge(sentence.text, claim)
    section = " ".join(sentence.section.title.text.split()) if sentence.section else None
    return Claim(
        claim.type, claim.text, claim.claimant, about(context.mentions, sentence.pieces, claim.claimant), hedge,
        claim.judgement, claim.addressed, claim.action, claim.cue, section, dated,
    )


def _hedge(text: str, claim: Claim) -> str | None:
    for match in cues.HEDGE.finditer(text):
        word = match.group().lower()
        if claim.type == "Recommendation" and word in {"could", "may", "might"}:
            continue
        if claim.type == "Finding" and word.startswith("suggest") and claim.cue == "finding-self":
            continue
        return word
    return None


def _heading_recommendations(context: ClaimContext, claims: list[Claim]) -> list[Claim]:
    """Headings "Recommendation N: <action>", addressed to the agent of the first modal recommendation below."""
    out = []
    for top in context.doc.sections:
        for section in top.walk():
            match = cues.RECOMMEND_HEADING.match(" ".join(section.title.text.split()))
            if not match:
                continue
            inside = [c for c in claims if c.type == "Recommendation" and section.body.start <= c.text.start
                      < section.body.end and c.addressed is not None]
            addressed = inside[0].addressed if inside else None
            named = about(context.mentions, (section.title,))
            out.append(Claim("Recommendation", section.title, None, named, None, None, addressed,
                             match.group("action").strip(), "recommend-heading", " ".join(section.title.text.split())))
    return out
