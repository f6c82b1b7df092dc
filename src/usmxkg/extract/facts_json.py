"""Facts → a stable, human-readable JSON text, for golden tests and for reading what extraction found.

The conversion is generic over the dataclasses of :mod:`usmxkg.extract.facts`
(and :class:`~usmxkg.document.Span`): every field of every record is written
by its own name, so a field added to the contract shows up here without an
edit. The rules, chosen so that two runs on the same document give the same
bytes (RFC 8259 JSON, UTF-8, two-space indent, object keys sorted):

- a :class:`~usmxkg.document.Span` is ``{"start", "end", "text"}``, offsets
  into the document's normalised text, as the span itself stores them;
- a :class:`~decimal.Decimal` is a string in positional notation
  (``Decimal("1.4E+9")`` → ``"1400000000"``), so amounts keep every digit and
  never pass through binary floating point;
- a field whose value equals its declared default (``None``, ``()``, ``""``,
  ``False``) is left out: a record shows what extraction found, and a new
  optional field changes no existing output until something fills it;
- lists and tuples keep their order, which carries meaning (the first author
  is the first creator; records come in text order as the extractors give
  them).

>>> from decimal import Decimal
>>> from usmxkg.document import Span
>>> from usmxkg.extract.facts import Facts, Funding
>>> facts = Facts("0123456789abcdef")
>>> facts.funding.append(Funding(Decimal("2.5E+6"), "USD", Span(0, 12, "$2.5 million"), fiscal_year="2021"))
>>> print(facts_json(facts))
{
  "doc_id": "0123456789abcdef",
  "funding": [
    {
      "amount": "2500000",
      "currency": "USD",
      "evidence": {
        "end": 12,
        "start": 0,
        "text": "$2.5 million"
      },
      "fiscal_year": "2021"
    }
  ]
}
<BLANKLINE>
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from usmxkg.document import Span

__all__ = ["facts_json", "to_plain"]


def facts_json(facts: object) -> str:
    """The JSON text of a :class:`~usmxkg.extract.facts.Facts` (or any record of it), ending in a newline."""
    return json.dumps(to_plain(facts), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_plain(value: object) -> Any:
    """``value`` as JSON-ready dicts, lists, strings, numbers and booleans (the rules of the module docstring).

    >>> to_plain(Span(3, 7, "Gulf"))
    {'start': 3, 'end': 7, 'text': 'Gulf'}
    >>> to_plain((Decimal("0.50"), None, True))
    ['0.50', None, True]
    """
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end, "text": value.text}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not _is_default(f, getattr(value, f.name))}
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_plain(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value  # bool is an int
    raise TypeError(f"cannot write {type(value).__name__} as JSON: {value!r}")


def _is_default(spec: dataclasses.Field[Any], value: object) -> bool:
    """Whether a field holds the value it would have had if nobody had set it."""
    if spec.default is not dataclasses.MISSING:
        return value == spec.default
    if spec.default_factory is not dataclasses.MISSING:
        return value == spec.default_factory()
    return False
