"""The cue tables of claim extraction, in one place: section roles, claim cues, hedges, judgements.

Each rule has a name (recorded on the claim as :attr:`~usmxkg.extract.facts.Claim.cue`)
and is a convention of the genre, not a phrase of one document:

Section roles (the section a sentence is in, its heading read with :data:`SECTION_ROLES`;
the innermost section with a role decides, else its parents):

=================  ==============================================================
role               headings
=================  ==============================================================
``question``       research question(s), purpose, problem statement, objectives
``hypothesis``     hypothesis / hypotheses
``method``         methods, methodology, sources, research design
``overview``       thesis / chapter overview, organisation, outline, roadmap
``conclusion``     conclusion(s), summary, concluding remarks, final thoughts
``recommendation`` recommendations, policy options, implications, way ahead
=================  ==============================================================

Research genres (theses, reports, articles, books) state research questions,
hypotheses, findings and recommendations; journalism (news releases, blog
posts, web pages) states assertions: reported statements of named speakers,
and in blogs the writer's own evaluative statements.

=======================  =====================================================================
cue                      a sentence is …
=======================  =====================================================================
``rq-question``          a direct question in a ``question`` or ``hypothesis`` section
``rq-aim``               "this thesis will determine / examines / asks why|how|whether …"
                         outside conclusions
``hypothesis-stated``    "the (first|second|…|null) hypothesis is …", "I hypothesize that",
                         "If this hypothesis is correct, then …", a numbered statement
                         opening the sentence ("Hypothesis 2: …", "H1: …")
``hypothesis-ordinal``   in a ``hypothesis`` section: "a third form of explanation … is assessed"
``hypothesis-argues``    in a ``hypothesis`` section: "<theory> argues / posits / predicts that …"
``finding-self``         "this thesis / study / research / analysis finds / shows / argues /
                         concludes / identifies … (that)", "the evidence suggests …",
                         "we find …" (not in an ``overview``)
``finding-conclusion``   in a ``conclusion`` section: a sentence opened by a concluding
                         connective ("Thus", "Hence", "Consequently", "Ultimately", …)
``recommend-stated``     "this thesis recommends …", "it is recommended that …"
``recommend-heading``    a heading "Recommendation 3: <action>" (the addressee from its body)
``recommend-modal``      "<agent> should / must / ought to / needs to <action>"; in a
                         ``recommendation`` or ``conclusion`` section also "can / could"
``assert-reported``      "<content>, <speaker> said", "<speaker> said (that) <content>",
                         "According to <speaker>, <content>", "<speaker> argues that …"
``assert-evaluative``    in a blog or web page: the writer's evaluative statement
                         ("… is crucial / vital / essential / key …", "undoubtedly")
=======================  =====================================================================

Hedges (:data:`HEDGE`) are the first hedging word of the sentence as written
("may", "might", "likely", "appears to", …). Hypothesis judgements
(:data:`NOT_SUPPORTED`, :data:`PARTIAL`) are read from the findings of the
conclusions that share a distinctive term with the hypothesis
(:mod:`usmxkg.extract.hypotheses`).
"""

from __future__ import annotations

import re

RESEARCH_GENRES = frozenset({"Thesis", "Report", "JournalArticle", "Book", "BookChapter", "GovernmentDocument"})
"""Work types (``Document.work_type``) whose authors pose questions and state findings and recommendations."""

JOURNALISM_GENRES = frozenset({"NewsArticle", "BlogPost", "WebPage"})
"""Work types whose claims are reported statements and the writer's assertions."""

SECTION_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("question", re.compile(
        r"\b(?:research questions?|questions?|purpose|problem statement|problems?|objectives?|aims?)\b", re.I)),
    ("hypothesis", re.compile(r"\bhypothes[ie]s\b", re.I)),
    ("method", re.compile(r"\b(?:methods?|methodology|sources|research design)\b", re.I)),
    ("overview", re.compile(
        r"\b(?:overview|organi[sz]ation of (?:the|this) (?:thesis|study)|outline|road ?map)\b", re.I)),
    ("conclusion", re.compile(r"\b(?:conclusions?|concluding|summary|final (?:remarks|thoughts))\b", re.I)),
    ("recommendation", re.compile(
        r"\b(?:recommendations?|policy options?|implications?|way (?:ahead|forward)|proposals?)\b", re.I)),
)
"""Section role → heading pattern; a heading may have several roles ("Policy Recommendations and Conclusion")."""

_DOC = (
    r"(?:[Tt]his|[Tt]he present|[Tt]he|[Oo]ur|[Mm]y) (?:thesis|study|studies|research(?: study)?|analysis|paper|report"
    r"|dissertation|work|chapter|section)"
)

RQ_AIM = re.compile(
    rf"\b{_DOC} (?:will |seeks to |aims to |sets out to |attempts to |tries to |intends to )?"
    r"(?:examines?|explores?|investigates?|determines?|asks?|assess(?:es)?|answers?|address(?:es)?|analy[sz]es?"
    r"|establish(?:es)?|identif(?:y|ies)|explains?)\b"
    r"[^.?!]{0,40}?\b(?:why|how|whether|what|which|to what extent)\b",
    re.I,
)
RQ_STATED = re.compile(
    r"\b(?:the|this|our|my) (?:main |major |central |primary |key )?research questions? (?:is|are|asks?)\b", re.I)

HYPOTHESIS_STATED = re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|final|last|null|alternative|main|central|primary|competing|rival|working)"
    r" hypothesis\b(?! (?:is|was) (?:rejected|confirmed|supported))"
    r"|hypothesis (?:is|states|holds|posits|predicts|proposes|suggests) that"
    r"|if (?:this|the|our) hypothesis is (?:correct|true|right|valid)"
    r"|\b(?:i|we) (?:hypothesi[sz]e|expect|predict) that"
    r"|\bH\d\s*[:.]"
    r"|^hypothesis\s+(?:\d{1,2}|[ivx]{1,4}|[a-e]|one|two|three|four|five)\s*[:.–—-])",
    re.I,
)
HYPOTHESIS_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|final|another|alternative|competing|rival)"
    r" (?:form|set|line|type|kind) of (?:explanation|argument|hypothesis)|\b(?:first|second|third|fourth|alternative)"
    r" (?:explanation|argument|proposition)\b",
    re.I,
)
HYPOTHESIS_ARGUES = re.compile(r"\b(?:argues|posits|holds|contends|predicts|expects|assumes|proposes) that\b", re.I)
"""In a hypotheses section, a theory (or "it") that argues something states the hypothesis."""

FINDING_SELF = re.compile(
    rf"(?:^|[,;:] |\b(?:that|and|but|Thus|Hence) )"
    rf"(?:{_DOC}|\b(?:[Tt]he|[Oo]ur|[Tt]hese) (?:evidence|findings?|results?|data))(?: also| further| then| thus)?"
    r" (?:finds|found|has found|shows|showed|has shown|demonstrates|demonstrated|reveals|revealed|concludes|concluded"
    r"|argues|argued|will argue|suggests?|suggested|indicates?|indicated|confirms|confirmed|identifies|identified"
    r"|establishes|established|highlights|shows evidence)\b"
    r"|\b(?:we|I) (?:find|found|conclude|concluded|show|showed|argue)\b",
)
FINDING_STRONG = re.compile(r"\b(?:finds|found|shows|showed|argues|will argue|concludes|demonstrates|we find|I find)\b")
"""In an introduction's question or method section only these verbs state a result.

("This study highlights …" there states an aim.)
"""
CONCLUDING = re.compile(
    r"^(?:Thus|Hence|Consequently|Therefore|Ultimately|In sum|In short|In summary|Overall|In conclusion|In other words"
    r"|In particular|As a result|Clearly|Indeed|Taken together)\b",
)
RECOMMEND_STATED = re.compile(
    rf"\b(?:{_DOC}|we|i|the author) (?:also )?(?:recommends?|proposes?)\b|\bit is (?:therefore )?recommended that\b",
    re.I,
)
RECOMMEND_HEADING = re.compile(
    r"^(?:policy |strategic )?recommendation\s+(?:\d+|[ivx]+|[a-z])\s*[:.–—-]\s*(?P<action>.+)$", re.I)

MODALS_STRONG = r"should|must|ought to|needs to|has to|have to"
MODALS_WEAK = r"can|could"
MODAL = re.compile(
    rf"\b(?P<modal>{MODALS_STRONG}|{MODALS_WEAK})\s+(?P<rest>(?:not only |also |continue to |first )?[a-z]+)")
NOT_ACTIONS = frozenset({"be", "have", "not", "only", "also", "well", "help", "never"})
"""Words after a modal that do not start an action addressed to the subject ("must be directed", "can help")."""

AGENT_NOUNS = frozenset("""
government governments military militaries forces armed army armies navy navies command commands commanders department
departments ministry ministries congress administration administrations policymakers policy-makers makers leaders
officials agencies agency components service services secretariat secretariats country countries nations states
institutions officers planners senate authority authorities guard corps marines police commission council office offices
""".split())
"""Lower-case head nouns of an agent that can be addressed ("the U.S. military", "service components")."""

CONNECTIVES = frozenset("""
first second third fourth finally however therefore additionally thus also moreover furthermore likewise similarly
consequently hence instead still then lastly in addition accordingly nevertheless nonetheless yet so
""".split())
"""Sentence openers that are not part of the subject before a modal."""

REPORTING_VERBS = (
    r"said|says|say|told|tells|added|adds|noted|notes|explained|explains|stressed|stresses|emphasi[sz]ed|emphasi[sz]es"
    r"|argued|argues|highlighted|highlights|pointed out|points out|observed|observes|contended|contends|asserted"
    r"|asserts|claimed|claims|maintained|maintains|believes|believed|warned|warns|stated|states|wrote|writes"
    r"|suggested|suggests|insisted|insists|acknowledged|acknowledges|announced|announces|remarked|remarks"
    r"|reflected|reflects|commented|comments|recalled|recalls|underscored|underscores|reiterated|reiterates"
    r"|affirmed|affirms"
)
"""Verbs that report what a speaker or writer said; with a named subject they attribute a statement."""

EVALUATIVE = re.compile(
    r"\b(?:is|are|was|were|has been|have been|remains?|becomes?)\s+(?:\w+ )?(?:crucial|vital|essential|key|critical"
    r"|imperative|paramount|fundamental|pivotal|indispensable|a cornerstone|the bedrock|undeniable|inextricably)"
    r"\b|\bundoubtedly\b|\bthe most (?:significant|important|critical)\b",
    re.I,
)

HEDGE = re.compile(
    r"\b(?:may|might|likely|unlikely|appears? to|appeared to|seems? to|seemed to|possibly|perhaps|probably|potentially"
    r"|arguably|suggests?|could)\b",
    re.I,
)

NOT_SUPPORTED = re.compile(
    r"\b(?:cannot|can ?not|could not|does not|do not|did not|fails? to|failed to|insufficient|not supported|rejected"
    r"|refuted|disconfirmed|no evidence)\b",
    re.I,
)
PARTIAL = re.compile(r"\b(?:only|partially|partly|in part|to some extent|some(?:what)?)\b", re.I)
"""A finding that limits what a hypothesis explains ("can only explain …") judges it partially supported."""

JUDGEMENTS = ("supported", "partially supported", "not supported")
