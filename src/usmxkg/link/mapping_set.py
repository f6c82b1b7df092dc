"""The links as an SSSOM mapping set (``build/mappings.sssom.tsv``).

SSSOM TSV (Simple Standard for Sharing Ontological Mappings,
https://mapping-commons.github.io/sssom/): a YAML metadata block, each line
prefixed with ``#``, holding the ``curie_map`` and the mapping-set slots,
then one tab-separated row per mapping with ``subject_id``, ``predicate_id``,
``object_id`` and ``mapping_justification`` (a ``semapv:`` term), plus the
label, confidence, reviewer, tool and evidence (``comment``). Rows are sorted
and the metadata fixed, so the file is byte-identical for the same inputs.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from usmxkg.link.emit import TOOL
from usmxkg.link.model import SEMAPV, Link
from usmxkg.vocab import DBR, GEONAMES, ID, OWL, SKOS, WD

CURIE_MAP: dict[str, str] = {
    "DBR": str(DBR),
    "GEONAMES": str(GEONAMES),
    "owl": str(OWL),
    "semapv": SEMAPV,
    "skos": str(SKOS),
    "USMXID": str(ID),
    "WD": str(WD),
}
"""Prefixes of every identifier in the set; SSSOM requires each one used to be declared."""

MAPPING_SET_ID = "https://w3id.org/usmx-kg/mappings/links.sssom.tsv"
LICENSE = "https://www.apache.org/licenses/LICENSE-2.0"

COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "mapping_justification", "confidence",
           "reviewer_label", "comment", "see_also")
"""SSSOM slots written per mapping; ``see_also`` holds the file and row the link was read from."""


def curie(value: str) -> str:
    """The CURIE of an IRI by the longest namespace of :data:`CURIE_MAP` that prefixes it."""
    best = max((ns for ns in CURIE_MAP.values() if value.startswith(ns)), key=len, default=None)
    if best is None:
        raise ValueError(f"no prefix of the mapping set covers {value}")
    prefix = next(p for p, ns in CURIE_MAP.items() if ns == best)
    return f"{prefix}:{quote(value[len(best):], safe=_SAFE)}"


_SAFE = "/_-.~!$&'()*+,;=:@%"
"""Characters kept as they are in a CURIE's local part; the rest (non-ASCII letters of titles such as
``Felipe_Calderón``) are percent-encoded, the URI form of the IRI (RFC 3987 §3.1), since SSSOM CURIEs
are ASCII."""


def sssom_tsv(links: list[Link]) -> bytes:
    """The SSSOM TSV text of ``links``: metadata block, header row, one sorted row per link."""
    out = io.StringIO()
    out.write("# curie_map:\n")
    for prefix, namespace in sorted(CURIE_MAP.items()):
        out.write(f"#   {prefix}: {namespace}\n")
    out.write(f"# mapping_set_id: {MAPPING_SET_ID}\n")
    out.write("# mapping_set_title: usmxkg links to Wikidata, DBpedia and GeoNames\n")
    out.write(f"# license: {LICENSE}\n")
    out.write(f"# mapping_tool: {TOOL}\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for link in sorted(links):
        writer.writerow([
            curie(link.subject), link.subject_label, curie(link.predicate), curie(link.target),
            curie(link.justification), "" if link.confidence is None else f"{link.confidence:.3f}",
            link.reviewer, " ".join(link.evidence.split()), link.source,
        ])
    return out.getvalue().encode("utf-8")
