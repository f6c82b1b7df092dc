"""Regenerate the expected files of the golden cases: ``python -m tests.cases.update [CASE …]``.

Without names every case is rewritten. Read the changed ``facts.json`` and
``expected.nq`` against the input before committing them: an expected file
states what the input says, not what the code happens to give.
"""

from __future__ import annotations

import argparse
import sys

from tests.cases import support


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.cases.update", description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help="case folder names (default: all)")
    args = parser.parse_args(argv)
    try:
        folders = support.case_folders(args.cases)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for folder in folders:
        before = [(folder / name).read_bytes() if (folder / name).is_file() else b""
                  for name in (support.FACTS, support.EXPECTED)]
        outcome = support.run(folder)
        support.write(folder, outcome)
        changed = before != [outcome.facts.encode("utf-8"), outcome.nquads]
        print(f"{folder.name}: {'updated' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
