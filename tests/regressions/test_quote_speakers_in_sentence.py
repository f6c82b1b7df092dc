"""Regression: a news quote whose speaker the reader did not see kept no claimant.

"X reflected on …, calling the talks “…”" and a later "“…,” he said" were
quotations with no speaker (a SHACL violation: every claim needs a claimant);
both belong to the person the sentence, or the last reported speaker, names.
"""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.readers import read_bytes
from usmxkg.reference import ReferencePaths, load_gazetteer

RELEASE = (
    "Harbor Talks Close With New Plan\n\n"
    "SAN DIEGO (May 3, 2031) -- Naval delegations from both countries met this week to plan a joint harbor "
    "survey, officials said.\n\n"
    "Rear Adm. Teodora Quillan, commander of the survey group, led the talks. Quillan reflected on the "
    "progress made, calling the meetings “a clear success for both crews.” She emphasized how the plan aligns "
    "the two navies.\n\n"
    "“We will be back in the water by the autumn to finish the charts,” she said.\n\n"
    "Sailors called the old charts “the puzzle” during the visit.\n"
)


def test_a_quote_is_attributed_by_its_sentence_or_the_last_speaker() -> None:
    doc = read_bytes(RELEASE.encode("utf-8"), "release.txt")
    facts = extract(doc, load_gazetteer(ReferencePaths().entities))
    speakers = {q.text.text: q.speaker.label if q.speaker else None for q in facts.quotations}
    assert speakers == {
        "a clear success for both crews.": "Teodora Quillan",
        "We will be back in the water by the autumn to finish the charts": "Teodora Quillan",
    }

