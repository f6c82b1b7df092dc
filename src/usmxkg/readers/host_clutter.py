"""Host-site clutter: the chrome a document viewer, store or agency web page prints around a document.

Reports, papers and posts are often read from a copy kept by a host: a
document viewer (Scribd, docslib, vdocuments, *docbox sites) prints its page
counter in the visitor's interface language ("You are on page 1 of 38",
"Você está na página 1de 38", "Sie sind auf Seite 1von 38"), download and
upload lines, view counters and a "Transcription" heading; an agency page
prints skip links ("Skip to main content", "Jump To:"); a web store stamps
the copy with its date (" date 2024-06-24"). None of it is the document's
text. :func:`strip_clutter` marks each such line (or line prefix) as a
``furniture`` zone and returns the lines left, so a reader finds the
document inside, whatever the host.

The patterns describe the hosts' conventions (a page counter is a word for
"page", a number, a word for "of", a number), never one page's words.
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.readers.lines import Line

MAX_CLUTTER_CHARS = 120
"""Clutter lines are short; a longer line is text even when it starts like chrome."""

PAGE_WORDS = (r"(?:page|p[aá]gina|seite|stron(?:a|ie|ę)|stránk[ay]|страниц[аеуы]|halaman|sayfa|sidan?|side"
              r"|sivu(?:lla)?|oldal(?:on)?|σελίδα|ページ)")
OF_WORDS = r"(?:of|de|von|sur|di|van|z|ze|из|dari|din|av|af|/|из|από|od|ile)"
VIEWER_PAGE = re.compile(
    rf"^(?:[^\d\n]{{0,40}}\s)?{PAGE_WORDS}\s*\d{{1,4}}\s*{OF_WORDS}\s*\d{{1,5}}\.?$", re.IGNORECASE)
"""A viewer's page counter in any interface language: "You are on page 1 of 38", "Sie sind auf Seite 1von 38"."""

CHROME = re.compile(
    r"^(?:Skip to (?:main )?(?:content|navigation|search|footer)|Skip to [A-Z][\w ]{2,30}|Jump to:?"
    r"|Download(?: now| PDF| as PDF.*| file)?|Descargar|Baixar|Herunterladen|T[ée]l[ée]charger|Scarica(?:re)?"
    r"|Guardar|Salvar|Speichern|Compartir|Compartilhar|Teilen|Partager|Condividi|Imprimir|Drucken"
    r"|Download \".{0,200}\"|\d+\s+downloads?|Loading\.*|Transcription"
    r"|TRANSCRIPT|Upload:? .{0,60}|Uploaded by .{0,60}|Post(?:ed)? on \d{1,2}-[A-Z][a-z]{2}-\d{4}|\d+ views?"
    r"|Category:?|Documents|Size: px|Start display at page:?|Report this (?:document|link)|Embed|Save"
    r"|Print|Share|Menu|Open navigation menu|Close suggestions|Search|Back to top|Sign (?:in|up)|Log in"
    r"|Flag for inappropriate content|Save for later|Available Formats|Download as .{0,60}"
    r"|\d+ ratings?\d*%? found this document useful.*|Copyright:? © .{0,60}All Rights Reserved.*"
    r"|\d+ pages?|Page \d{1,4}|Para la versi[oó]n (?:de esta p[aá]gina )?en espa[nñ]ol.{0,80}|En espa[nñ]ol|Espa[nñ]ol"
    r"|English|Jump to Main Text of Report|Official websites use \.(?:gov|mil)|An official website of the United States"
    r" government|Here[’']s how you know)$",
    re.IGNORECASE,
)
"""Whole lines of viewer, store and agency page chrome."""

STORE_STAMP = re.compile(r"date \d{4}-\d{2}-\d{2}\b ?")
"""A web store's date stamp in front of the first line (" date YYYY-MM-DD")."""

HEAD_LINES = 40
"""Viewer chrome sits above the document (and between its pages); it is looked for among the first lines."""


def is_clutter(text: str) -> bool:
    """True when a whole (stripped) line is host-site chrome or a viewer page counter."""
    if text.startswith("Download \"") and text.endswith("\""):
        return True
    return len(text) <= MAX_CLUTTER_CHARS and bool(VIEWER_PAGE.match(text) or CHROME.match(text))


_DIGITS = re.compile(r"\d\s*\S{0,3}\s*\d")


def viewer_counter(lines: list[Line], limit: int = HEAD_LINES) -> Line | None:
    """The first viewer page counter among the first lines, if any (evidence of a viewer's copy)."""
    return next((line for line in lines[:limit] if len(line) <= MAX_CLUTTER_CHARS and _DIGITS.search(line.text)
                 and VIEWER_PAGE.match(line.text)), None)


def strip_clutter(doc: Document, lines: list[Line]) -> list[Line]:
    """The lines that are not host chrome; each chrome line (or store-stamp prefix) becomes a furniture zone."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if index == 0:
            stamp = STORE_STAMP.match(doc.text, line.start, line.end)
            if stamp and stamp.end() > line.start:
                doc.add_zone("furniture", line.start, stamp.end())
                if stamp.end() >= line.end:
                    continue
                line = Line(stamp.end(), line.end, doc.text[stamp.end():line.end])
        if is_clutter(line.text):
            doc.add_zone("furniture", line.start, line.end)
            continue
        kept.append(line)
    return kept
