"""Raw bytes → text, refusing what is not text and saying what was assumed.

Sources arrive as whatever a converter, a browser's "save as text" or a
repository export produced: mostly UTF-8, sometimes with a byte-order mark,
sometimes UTF-16 from Windows tools, sometimes legacy Windows-1252 (Spanish
names such as "Secretaría" are where that shows). Binary files dropped into the
sources folder by mistake (the PDF instead of its text, a DOCX, a picture) must
be refused with a message that names what they look like, because decoding
them "successfully" as cp1252 would put garbage into the graph.

Every assumption that changes characters (a fallback encoding, replaced bytes)
is returned as a warning so the build report can show it.
"""

from __future__ import annotations

import codecs
import json
import re

from charset_normalizer import from_bytes

from usmxkg.errors import ReadError

MAX_BYTES = 32 * 1024 * 1024
"""Default size limit, checked before a byte is read: 30 times the longest thesis text (~1 MB).

A conversion holds about 300 bytes of memory per input byte (text, spans,
tokens, quads), so this bound keeps one file under ~10 GB and ~6 minutes;
a larger file is refused, never half-converted.
"""

BYTES_OF_MEMORY_PER_BYTE = 300
"""Measured peak memory of ``usmxkg convert`` per input byte (a thesis repeated to 1 and 4 MB), for messages."""

FALLBACK_ENCODING = "cp1252"
"""The declared legacy fallback: the usual encoding of non-UTF-8 English/Spanish text from Windows."""

MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, e.g. DOCX/XLSX/ODT"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office document, e.g. DOC"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
)
"""Leading bytes of binary formats commonly dropped into a sources folder by mistake."""

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte-order marks and the codec that reads the bytes after them."""

CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
"""C0 control bytes that do not occur in text (tab, newlines, form feed and ESC do)."""

MAX_CONTROL_SHARE = 0.02
"""Share of control bytes above which a file is binary: text has none, binary formats have many."""

UTF16_NUL_SHARE = 0.4
"""Share of NULs at odd (LE) or even (BE) positions that marks BOM-less UTF-16 of Latin text."""

SNIFF_BYTES = 1 << 20
"""How much of a non-UTF-8 file charset-normalizer looks at; the guess does not improve with more."""

MAX_ACCENTED_SHARE = 0.3
"""Western-language text decoded as cp1252 has at most this share of non-ASCII letters (Spanish: ~3%)."""


def decode(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> tuple[str, list[str]]:
    """Decode a source file's bytes; return the text and warnings about what was assumed.

    Raises :class:`ReadError` for an empty, oversized or binary file, so that
    nothing unreadable reaches the graph.

    >>> decode(b"Secretar\\xeda", "x.txt")
    ('Secretaría', ['not valid UTF-8 (byte 0xed at offset 8); decoded as cp1252'])
    """
    if len(data) > max_bytes:
        raise too_large(source, len(data), max_bytes)
    if not data:
        raise ReadError(source, "empty file")
    bom = _bom(data)
    if bom is not None:
        text, warnings = _decode_bom(data, source, *bom)
    else:
        _refuse_binary(data, source)
        text, warnings = _decode_plain(data, source)
    if not text.strip():
        raise ReadError(source, "empty file (only whitespace)")
    _refuse_markup(text, source)
    return text, warnings


_HTML_PAGE = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
"""The start of an HTML page (WHATWG HTML, 13.1: optional comments, then the doctype or the html element)."""


def _refuse_markup(text: str, source: str) -> None:
    """Refuse a saved web page or a JSON export: their tags and keys would reach the graph as text.

    The readers take the text of a document (what a browser's "save as text"
    or a PDF converter writes), and inline tags such as ``<sup>`` are
    understood; a whole page with its scripts and navigation, or a data file,
    is not a document's text. Detected from the first characters only: an
    HTML doctype or ``<html>`` element, or text that parses as JSON (RFC 8259)
    and opens with an object or array.
    """
    if _HTML_PAGE.match(text[:4096]):
        raise ReadError(source, "HTML page, not a document's text; save it as text first (e.g. the browser's "
                                "Save As… Text)")
    head = text.lstrip()[:1]
    if head in ("{", "["):
        try:
            json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested too deep to be a data export
            return
        raise ReadError(source, "JSON data, not a document's text; extract the text it holds first")


def too_large(source: str, size: int, limit: int) -> ReadError:
    """The error for a file over the size limit (also raised before reading, from the file's size)."""
    need = size * BYTES_OF_MEMORY_PER_BYTE / 2**30
    return ReadError(source, f"file too large ({size:,} bytes; the limit is {limit:,} bytes; "
                             f"converting it would need about {need:,.1f} GB of memory); refused before reading")


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for mark, codec in BOMS:
        if data.startswith(mark):
            return mark, codec
    return None


def _decode_bom(data: bytes, source: str, mark: bytes, codec: str) -> tuple[str, list[str]]:
    """A byte-order mark is an explicit declaration: decode strictly, and refuse bytes that break it."""
    try:
        return data[len(mark):].decode(codec), []
    except UnicodeDecodeError as exc:
        name = codec.upper()
        raise ReadError(source, f"starts with a {name} byte-order mark but is not valid {name} "
                                f"(at byte {exc.start + len(mark)})") from None


def _refuse_binary(data: bytes, source: str) -> None:
    """Raise for known binary formats and for bytes no text file contains."""
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise ReadError(source, f"binary file ({what}); convert it to text first")
    if b"\x00" in data:
        if _utf16_order(data) is None:
            raise ReadError(source, "binary file (contains NUL bytes); convert it to text first")
        return  # BOM-less UTF-16: the NULs are the high bytes of Latin characters
    sample = data[:SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if controls / len(sample) > MAX_CONTROL_SHARE:
        share = controls / len(sample)
        raise ReadError(source, f"binary file ({share:.0%} control bytes); convert it to text first")


def _utf16_order(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit in every other byte, as in BOM-less UTF-16 of Latin text."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > UTF16_NUL_SHARE and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > UTF16_NUL_SHARE and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode_plain(data: bytes, source: str) -> tuple[str, list[str]]:
    order = _utf16_order(data) if b"\x00" in data else None
    if order is not None:
        try:
            return data.decode(order), [f"no byte-order mark; decoded as {order.upper()}"]
        except UnicodeDecodeError:
            raise ReadError(source, "binary file (contains NUL bytes); convert it to text first") from None
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, exc)


def _decode_legacy(data: bytes, error: UnicodeDecodeError) -> tuple[str, list[str]]:
    """Text that is not UTF-8: mostly-UTF-8 with stray bytes, or a legacy single-byte encoding."""
    where = f"byte {data[error.start]:#04x} at offset {error.start}"
    if _has_utf8_sequences(data):
        text = data.decode("utf-8", errors="usmxkg-cp1252")
        bad = _count_invalid_utf8(data)
        return text, [f"not valid UTF-8 ({where}); {bad} invalid byte(s) decoded as {FALLBACK_ENCODING}, "
                      "the rest as UTF-8"]
    codec = _guess_codec(data)
    try:
        return data.decode(codec), [f"not valid UTF-8 ({where}); decoded as {codec}"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"not valid UTF-8 ({where}); decoded as latin-1"]


def _has_utf8_sequences(data: bytes) -> bool:
    """True when the bytes hold well-formed multi-byte UTF-8 characters besides the bad bytes."""
    decoded = data[:SNIFF_BYTES].decode("utf-8", errors="replace")
    return any(ord(c) > 127 and c != "\ufffd" for c in decoded)


def _count_invalid_utf8(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())


def _guess_codec(data: bytes) -> str:
    """cp1252 for Western text, else charset-normalizer's best guess.

    On short inputs charset-normalizer's statistics are unreliable (a single
    "í" can come back as Urdu cp1006), and cp1252 is by far the most common
    legacy encoding of English and Spanish text. So cp1252 is taken whenever
    it decodes the bytes into mostly-ASCII letters with a few accented ones —
    the shape of Western text; text in another script (Cyrillic in cp1251,
    say) decodes under cp1252 into runs of accented letters instead, and then
    charset-normalizer decides.
    """
    sample = data[:SNIFF_BYTES]
    try:
        western = sample.decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return FALLBACK_ENCODING
    best = from_bytes(sample).best()
    return best.encoding if best is not None else FALLBACK_ENCODING


def _looks_western(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if ord(c) > 127)
    return foreign <= MAX_ACCENTED_SHARE * len(letters)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as cp1252 (latin-1 where cp1252 has a hole)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    raw = exc.object[exc.start:exc.end]
    return "".join(_byte_as_cp1252(b) for b in raw), exc.end


def _byte_as_cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


codecs.register_error("usmxkg-cp1252", _cp1252_fallback)
