"""Links from the graph's entities to Wikidata, DBpedia and GeoNames, each with its evidence.

Inputs are curated files of ``data/reference/``: the verified table
(``external-ids.tsv``) and the review decisions on reconciliation candidates
(``link-reviews.tsv``). :mod:`usmxkg.link.table` reads both into
:class:`~usmxkg.link.model.Link` records; :mod:`usmxkg.link.emit` writes them
as the ``…/graph/links`` named graph, each link reified as an ``owl:Axiom``
carrying its justification (the SSSOM OWL/RDF serialisation);
:mod:`usmxkg.link.mapping_set` writes the same links as an SSSOM TSV mapping
set. :mod:`usmxkg.link.reconcile` proposes Wikidata items for entities that
have none, for review.
"""

from usmxkg.link.emit import link_quads_of
from usmxkg.link.model import Link
from usmxkg.link.table import read_links

__all__ = ["Link", "link_quads_of", "read_links"]
