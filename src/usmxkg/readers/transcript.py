"""Host-site transcripts and repository cover sheets: the clutter around a paper, marked as furniture.

Papers reach the corpus as text copied from document-hosting sites and
institutional repositories, which wrap the paper in their own furniture:

* a **host header** before the text: the site's title banner (often the
  first words of the paper with "·" separators and a closing "..."), counts
  ("112", "1 views", "0 download"), "Size: px", "Start display at page:",
  "Download "…"", "Upload: …", "Post on …", "Category:", and a marker that
  the transcript follows ("Transcription", "Transcript of …", "TRANSCRIPT");
* **page marks** inside the text: "Page 2: <banner>" lines, a page number
  opening a page that the site ran together on one line ("2 NAVAL
  POSTGRADUATE SCHOOL …", docbox style), a bullet opening each page ("  • ");
* a **repository cover sheet** (DSpace sites such as an "…: The … Institutional
  Archive" page with the collection, the handle, "Downloaded from …", the
  library's address), which names the repository the copy comes from.

:func:`read_clutter` finds all three and returns their ranges (furniture
zones), the pages, and the repository's name; the readers then read the
document inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document, Span
from usmxkg.readers.outline import Line

HEADER_LINES = 80
"""The host header stands within the first lines."""

TRANSCRIPT_MARK = re.compile(
    r"^(?:Transcription|Transcript(?:\s+of\b.*)?|TRANSCRIPT|Document\s+Transcript|Citation\s+preview"
    r"|Text\s+of\s+the\s+document|Page\s+1\s*:.*)$", re.IGNORECASE)
HEADER_LINE = re.compile(
    r"^(?:Size:\s*px|Start display at page:?|Download(?:\s+\".*\"|\s+PDF)?|Upload:.*|Post(?:ed)?\s+on\s+\S.*"
    r"|\d[\d,.]*\s*[kK]?\s+(?:views?|downloads?|pages?)|Category:.*|Documents|Report(?:\s+this\s+document)?"
    r"|Share|Embed|Loading\.\.\.|\d{1,6}|DMCA|Recommended|Description|Embed\s+Size.*|Download\s+PDF"
    r"|Report\s+this\s+document|Share\s+this\s+document|Copy\s+link|Sign\s+in|Log\s+in|Register|Home|Explore"
    r"|(?:Recommended|Similar|Related)\s+documents?|Uploaded\s+by\b.*|Published\s+on\b.*|Views?:?\s*\d[\d,]*"
    r"|Downloads?:?\s*\d[\d,]*|\d+\s+Pages?)$",
)
"""A line of a host header or page chrome (whole line)."""
BANNER = re.compile(r"\s[·•|]\s.*(?:\.\.\.|…)$")
"""A host's title banner: the paper's first words with separators and an ellipsis."""
PAGE_LINE = re.compile(r"^Page\s+\d{1,4}\s*:.*$")
PAGE_NUMBER = re.compile(r"^(?P<num>\d{1,4})\s+(?=\S)")
BULLET = re.compile(r"^[ \t]*[•·▪◦][ \t]+")

REPOSITORY_NAME = re.compile(
    r"(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}):\s+The\s+(?:[\w'’&.-]+\s+){0,4}?"
    r"(?:Institutional\s+)?(?:Archive|Repository)\b"
    r"|Downloaded\s+from\s+(?:the\s+)?(?:[\w'’&.-]+\s+){0,4}?(?:Archive|Repository)\s*:\s*(?P<name2>[A-Z][\w'’&.-]*)"
)
"""The repository's name on its cover sheet ("Name: The … Institutional Archive", "Downloaded from … Archive: Name")."""
COVER_MARK = re.compile(
    r"Institutional\s+(?:Archive|Repository)|DSpace\s+Repository|Theses\s+and\s+Dissertations"
    r"|Thesis\s+and\s+Dissertation\s+Collection|hdl\.handle\.net/|Downloaded\s+from\b"
    r"|work\s+of\s+the\s+U\.\s?S\.\s+Government\s+as\s+defined|digital\s+repository|\bLibrary\b"
    r"|Copyright\s+protection\s+is\s+not\s+available",
    re.IGNORECASE,
)
"""Lines of a repository cover sheet."""
COVER_WINDOW = 40


@dataclass(slots=True)
class Clutter:
    """What surrounds the paper: furniture ranges, page ranges, the cover sheet and the repository's name."""

    furniture: list[tuple[int, int]] = field(default_factory=list)
    pages: list[tuple[int, int]] = field(default_factory=list)
    cover: tuple[int, int] | None = None
    repository: Span | None = None
    content_start: int = 0

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside furniture or the cover sheet."""
        ranges = [*self.furniture, *([self.cover] if self.cover else [])]
        return any(a <= start and end <= b for a, b in ranges)


def read_clutter(doc: Document, lines: list[Line]) -> Clutter:
    """Host header, page marks and repository cover of a document (all empty for a plain conversion)."""
    clutter = Clutter()
    head = lines[:HEADER_LINES]
    mark = next((i for i, line in enumerate(head) if TRANSCRIPT_MARK.match(line.text.strip())), None)
    if mark is not None and _looks_hosted(head, mark):
        first = PAGE_LINE.match(lines[mark].text.strip())
        end = lines[mark].start if first else lines[mark].end
        clutter.furniture.append((0, end))
        clutter.content_start = end
        _page_marks(lines, mark if first else mark + 1, clutter)
    _cover(doc, lines, clutter)
    return clutter


def _looks_hosted(head: list[Line], mark: int) -> bool:
    """A transcript marker counts when host-header lines (or a banner) come before it."""
    before = [line.text.strip() for line in head[:mark] if line.text.strip()]
    if PAGE_LINE.match(head[mark].text.strip()):
        return True
    return any(HEADER_LINE.match(t) or BANNER.search(t) for t in before)


def _page_marks(lines: list[Line], first: int, clutter: Clutter) -> None:
    """Page marks after the header: "Page N:" lines, leading page numbers of one-line pages, bullets."""
    expected = 1
    page_start: int | None = None
    for line in lines[first:]:
        text = line.text
        stripped = text.strip()
        if not stripped:
            continue
        if PAGE_LINE.match(stripped):
            clutter.furniture.append((line.start, line.end))
            if page_start is not None:
                clutter.pages.append((page_start, line.start))
            page_start = line.end
            continue
        m = PAGE_NUMBER.match(text)
        if m and int(m.group("num")) == expected:
            clutter.furniture.append((line.start, line.start + m.end()))
            clutter.pages.append((line.start + m.end(), line.end))
            expected += 1
            continue
        b = BULLET.match(text)
        if b:
            clutter.furniture.append((line.start, line.start + b.end()))
            if page_start is not None:
                clutter.pages.append((page_start, line.start))
            page_start = line.start + b.end()
        elif HEADER_LINE.match(stripped) and not stripped.isdigit():
            clutter.furniture.append((line.start, line.end))
    if page_start is not None and lines:
        clutter.pages.append((page_start, lines[-1].end))


def _cover(doc: Document, lines: list[Line], clutter: Clutter) -> None:
    """The repository cover sheet: a page, or a run of lines, with two or more cover marks."""
    text = doc.text
    for start, end in clutter.pages[:2]:
        if len(COVER_MARK.findall(text, start, end)) >= 2:
            clutter.cover = (start, end)
            break
    if clutter.cover is None:
        marked = [i for i, line in enumerate(lines[:HEADER_LINES * 2])
                  if line.start >= clutter.content_start and COVER_MARK.search(line.text)]
        if len(marked) >= 2 and marked[-1] - marked[0] <= COVER_WINDOW:
            last = marked[-1]
            while last + 1 < len(lines) and lines[last + 1].text.strip():
                last += 1  # the rest of the paragraph (the library's address)
            clutter.cover = (lines[marked[0]].start, lines[last].end)
    ranges = [clutter.cover] if clutter.cover else []
    ranges += [(a, b) for a, b in clutter.furniture if b - a > 40]
    for a, b in ranges:
        m = REPOSITORY_NAME.search(text, a, b)
        if m:
            group = "name" if m.group("name") else "name2"
            clutter.repository = doc.span(m.start(group), m.end(group))
            break


def mark(doc: Document, clutter: Clutter) -> None:
    """Record the clutter on the document: furniture zones, and the repository the copy comes from."""
    for a, b in clutter.furniture:
        doc.add_zone("furniture", a, b)
    if clutter.cover is not None:
        doc.add_zone("furniture", *clutter.cover)
    if clutter.repository is not None:
        doc.add_field("repository", clutter.repository)
