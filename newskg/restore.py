"""Resolve the whole store again: the entity layer as a function of the set of articles stored.

Stage: resolve + build, over the store. In: the readings of this build and those every stored
article graph keeps (``nkg:extraction``, see ``record``). Out: every article graph as a build of
all of them at once writes it (entity IRIs, entity reports, merge notes, incident IRIs), so
adding articles one by one, in any order, or taking one out gives the store a batch build of
the same set gives. Resolution is a pure function of the readings (sorted by article id), so
running it over all of them is the batch build by construction. A store holding an article
without a readable record (built by an older newskg) cannot be resolved again: the caller then
resolves the new articles against its entities, as before.

    stored records ─decode─┐
                           ├─> resolve ─> assign incidents ─> build_nquads (+ records)
    new readings ──────────┘                    ─> rekey, derive (in memory) ─> graphs written where they differ
"""

from __future__ import annotations

from rdflib import Literal

from newskg.build import article_iri, build_nquads, entity_iri
from newskg.derive import DERIVED, derived_nquads
from newskg.incident_match import assign
from newskg.models import Reading
from newskg.record import decode, encode
from newskg.rekey import rekey
from newskg.resolve import Resolution, resolve
from newskg.store import OxigraphStore
from newskg.vocab import NKG

__all__ = ["stored_readings", "resolve_all", "settle", "RECORDS"]

RECORDS = f"SELECT ?a ?x WHERE {{ GRAPH ?a {{ ?a <{NKG.extraction}> ?x }} }}"


def stored_readings(st, skip: frozenset[str] = frozenset()) -> dict[str, tuple[Reading, str]] | None:
    """Article graph IRI -> (its reading, the record it was read from), for every article graph
    of ``st`` but those in ``skip``; ``None`` when one of them keeps no record this version can
    read."""
    rows = st.query(RECORDS)
    assert isinstance(rows, list)
    found: dict[str, tuple[Reading, str]] = {}
    for row in rows:
        iri, text = str(row["a"]), str(row["x"])
        if iri in skip or iri in found:
            continue
        reading = decode(text)
        if reading is None or str(article_iri(reading.article.id)) != iri:
            return None
        found[iri] = (reading, text)
    others = set(st.graphs()) - {str(DERIVED)} - set(skip)
    return found if others <= set(found) else None


def _record_line(reading: Reading, text: str | None) -> str:
    from newskg.build import _nt

    art = article_iri(reading.article.id)
    return f"<{art}> <{NKG.extraction}> {_nt(Literal(text or encode(reading)))} <{art}> .\n"


def resolve_all(readings: list[Reading], stored: dict[str, tuple[Reading, str]] | None = None
                ) -> tuple[Resolution, dict[str, str]]:
    """Resolution of ``readings`` and the ``stored`` ones (``stored_readings``) together and each
    one's article graph (with its record), by graph IRI: what a build of exactly these articles
    writes before keys are made (rekey)."""
    records = {r.article.id: text for r, text in (stored or {}).values()}
    everything = sorted([r for r, _ in (stored or {}).values()] + readings, key=lambda r: r.article.id)
    res = resolve(everything, None)
    res.incident_of, _ = assign(everything, res, [], [], prefix=str(entity_iri("")))
    graphs = build_nquads(everything, res)
    for r in everything:
        graphs[str(article_iri(r.article.id))] += _record_line(r, records.get(r.article.id))
    return res, graphs


def settle(readings: list[Reading], stored: dict[str, tuple[Reading, str]] | None = None
           ) -> tuple[Resolution, dict[str, str], str]:
    """What a build of exactly ``readings`` and the ``stored`` ones stores: the resolution, every
    article graph with the keys the articles give together (rekey) by graph IRI, and the derived
    graph's N-Quads."""
    res, graphs = resolve_all(readings, stored)
    mem = OxigraphStore.in_memory("".join(graphs.values()))
    if rekey(mem):
        graphs = {iri: mem.graph_nquads(iri) for iri in graphs}
    return res, graphs, derived_nquads(mem)
