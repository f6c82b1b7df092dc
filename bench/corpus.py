"""Scaled corpora for the benchmarks: N varied copies of every source document.

``python bench/corpus.py --scale 10 --out build/corpus-10`` writes the corpus of
``data/sources/`` ten times over. Copy 0 is the corpus itself; every further
copy is each file renamed (``c0007_<name>``) and varied deterministically, so
no two documents are byte-identical (the build skips duplicates by content)
and no two copies name the same works and people:

* proper names — capitalised words that the corpus never writes in lower
  case — are replaced, with probability :data:`NAME_RATE` per word and copy,
  by an invented word of the same length and case (so authors, titles and
  therefore work IRIs differ from copy to copy);
* ordinary words of seven letters or more are replaced with probability
  :data:`WORD_RATE`, so claims of different copies share fewer words, as
  different documents on one topic do;
* years from 1950 to 2029 move by the same offset within one copy, keeping
  each document's dates consistent with each other.

Words the code looks for (any word in a string of ``src/usmxkg`` other than a
docstring: the cues of the readers and extractors) and every word of the reference entities' names
are never replaced, so each copy is read as the same kind with the same
structure and still meets the gazetteer. One mapping per copy is shared by
all files of that copy, so a catalogue record and the thesis it describes
still agree with each other. Everything is seeded from SHA-256 of the copy
number and the word, so the same scale gives the same bytes on any machine.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Literal, RdfFormat, parse

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
CODE = ROOT / "src" / "usmxkg"
ENTITIES = ROOT / "data" / "reference" / "entities.ttl"
NOT_SOURCES = frozenset({"SOURCES.md", "README.md"})

NAME_RATE = 0.6
WORD_RATE = 0.35
YEAR_SHIFTS = (-3, -2, -1, 1, 2, 3)

_WORD = re.compile(r"[A-Za-z]+")
_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-2][0-9])(?![0-9])")
_CONSONANTS = "bcdfghklmnprstvz"
_VOWELS = "aeiou"


def _words(texts: Iterable[str]) -> set[str]:
    return {w.lower() for text in texts for w in _WORD.findall(text)}


def code_strings(source: str) -> list[str]:
    """The string constants of a module that are not docstrings (patterns, cue words, labels)."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings]


def protected_words() -> frozenset[str]:
    """Lower-case words of the code's strings or of the reference names: these are never varied."""
    code = _words(s for path in sorted(CODE.rglob("*.py")) for s in code_strings(path.read_text(encoding="utf-8")))
    names = _words(t.object.value for t in parse(path=str(ENTITIES), format=RdfFormat.TURTLE)
                   if isinstance(t.object, Literal))
    return frozenset(code | names)


def _draw(key: str) -> float:
    """A number in [0, 1) fixed by ``key``."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") / 2**64


def invented(word: str, copy: int) -> str:
    """A pronounceable word of the same length and letter case as ``word``, fixed by the word and copy."""
    digest = hashlib.sha256(f"{copy}\x1f{word}".encode()).digest()
    letters = "".join((_CONSONANTS if i % 2 == 0 else _VOWELS)[digest[i % 32] % (16 if i % 2 == 0 else 5)]
                      for i in range(len(word)))
    if word.isupper():
        return letters.upper()
    if word[0].isupper():
        return letters[0].upper() + letters[1:]
    return letters


class Variation:
    """The word and year substitutions of one copy."""

    def __init__(self, copy: int, proper: frozenset[str], protected: frozenset[str]) -> None:
        self.copy = copy
        self.shift = YEAR_SHIFTS[copy % len(YEAR_SHIFTS)]
        self.proper = proper
        self.protected = protected

    def _word(self, match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in self.protected:
            return word
        if word in self.proper and len(word) >= 3:
            rate = NAME_RATE
        elif word.islower() and len(word) >= 7:
            rate = WORD_RATE
        else:
            return word
        return invented(word, self.copy) if _draw(f"{self.copy}\x1f{lower}") < rate else word

    def _year(self, match: re.Match[str]) -> str:
        return str(int(match.group(0)) + self.shift)

    def apply(self, text: str) -> str:
        return _YEAR.sub(self._year, _WORD.sub(self._word, text))


def proper_names(texts: list[str]) -> frozenset[str]:
    """Capitalised words that the texts never write in lower case (names of people, places, works)."""
    lower = {w for text in texts for w in _WORD.findall(text) if w.islower()}
    return frozenset(w for text in texts for w in _WORD.findall(text)
                     if w[0].isupper() and not w.isupper() and w.lower() not in lower)


def source_paths(folder: Path = SOURCES) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                  and p.name not in NOT_SOURCES)


def generate(scale: int, out: Path, sources: Path = SOURCES) -> list[Path]:
    """Write ``scale`` copies of the sources into ``out`` (emptied first); returns the files written."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    files = source_paths(sources)
    texts = {p: p.read_bytes().decode("utf-8") for p in files}
    protected = protected_words()
    proper = proper_names(list(texts.values()))
    written = []
    for copy in range(scale):
        variation = Variation(copy, proper, protected) if copy else None
        for path, text in texts.items():
            target = out / f"c{copy:04d}_{path.name}"
            target.write_bytes((variation.apply(text) if variation else text).encode("utf-8"))
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10, help="copies of the corpus (1 = the corpus itself)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (emptied first)")
    args = parser.parse_args(argv)
    files = generate(args.scale, args.out)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"wrote {len(files)} files ({megabytes:.1f} MB) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
