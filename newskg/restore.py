"""Resolve again what a build or a removal touches: the entity layer as a function of the set of
articles stored.

Stage: resolve + build, over the store. In: the readings of this build and those stored article
graphs keep (``nkg:extraction``, see ``record``). Out: every article graph a build or removal
changes, as a build of all of them at once writes it (entity IRIs, entity reports, merge notes,
incident IRIs), so adding articles one by one, in any order, or taking one out gives the store a
batch build of the same set gives. Resolution is a pure function of the readings; it compares
two articles' candidates only where they share a link key (``linkkeys``, stored with each graph
as ``nkg:linkKey``), so the articles the new (or removed) ones reach through shared keys,
transitively, are resolved as the whole store resolves them, and only their records are read
(one indexed query per step, also on a remote store). The whole store is resolved again when the
keys cannot vouch for that (``plan``: a country's name met elsewhere as another thing, a store
built before keys or with other alias tables, a user's distinct-names table); a store holding an
article without a readable record (built by an older newskg) cannot be resolved again: the caller
then resolves the new articles against its entities, as before.

    new readings ─keys─> stored articles reached (linkKey) ─> their records ─┐
                                                                           ├─> resolve ─> assign incidents
    new readings ──────────────────────────────────────────────────────────┘    ─> build_nquads (+ records, keys)
        ─> rekey (in memory) ─> graphs written where they differ ─> derived graph patched (``rederive``)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newskg import aliases
from newskg.build import _lit, article_iri, build_nquads, entity_iri
from newskg.derive import DERIVED, derived_nquads
from newskg.incident_match import assign
from newskg.iris import key_label
from newskg.linkkeys import GLOBAL, article_keys, contacts, loose_countries, marker, name_keys, partners
from newskg.models import Reading
from newskg.record import decode, encode
from newskg.rekey import rekey
from newskg.resolve import Resolution, resolve
from newskg.store import OxigraphStore, iri_list, select_rows
from newskg.vocab import ID, NKG

__all__ = ["stored_readings", "resolve_all", "settle", "settle_store", "Settled", "RECORDS"]

RECORDS = f"SELECT ?a ?x WHERE {{ GRAPH ?a {{ ?a <{NKG.extraction}> ?x }} }}"
_RECORDS_OF = f"SELECT ?a ?x WHERE {{ VALUES ?a {{ %s }} GRAPH ?a {{ ?a <{NKG.extraction}> ?x }} }}"
_KEYS_OF = f"SELECT ?a ?k WHERE {{ VALUES ?a {{ %s }} GRAPH ?a {{ ?a <{NKG.linkKey}> ?k }} }}"
_HOLDERS = f"SELECT DISTINCT ?a WHERE {{ VALUES ?k {{ %s }} GRAPH ?a {{ ?a <{NKG.linkKey}> ?k }} }}"
_ANY = f"ASK {{ GRAPH ?a {{ ?a <{NKG.extraction}> ?x }} }}"
_UNMARKED = (f"ASK {{ GRAPH ?a {{ ?a <{NKG.extraction}> ?x }} "
             f"FILTER NOT EXISTS {{ GRAPH ?a {{ ?a <{NKG.linkKey}> %s }} }} }}")
_FLAGGED = f"ASK {{ GRAPH ?a {{ ?a <{NKG.linkKey}> %s }} }}"
_NAME_COUNTS = (f"SELECT ?e ?n (COUNT(DISTINCT ?g) AS ?c) WHERE {{ VALUES ?e {{ %s }} %s "
                f"GRAPH ?g {{ ?d <{NKG.about}> ?e ; <{NKG.name}> ?n }} }} GROUP BY ?e ?n")


def stored_readings(st, skip: frozenset[str] = frozenset()) -> dict[str, tuple[Reading, str]] | None:
    """Article graph IRI -> (its reading, the record it was read from), for every article graph
    of ``st`` but those in ``skip``; ``None`` when one of them keeps no record this version can
    read."""
    found = _decoded(select_rows(st, RECORDS), skip)
    if found is None:
        return None
    others = set(st.graphs()) - {str(DERIVED)} - set(skip)
    return found if others <= set(found) else None


def _decoded(rows: list[dict], skip: frozenset[str] = frozenset()) -> dict[str, tuple[Reading, str]] | None:
    found: dict[str, tuple[Reading, str]] = {}
    for row in rows:
        iri, text = str(row["a"]), str(row["x"])
        if iri in skip or iri in found:
            continue
        reading = decode(text)
        if reading is None or str(article_iri(reading.article.id)) != iri:
            return None
        found[iri] = (reading, text)
    return found


def _stored_lines(reading: Reading, text: str | None, keys: set[str]) -> str:
    """The record and the link keys an article graph keeps beside what build writes."""
    art = f"<{article_iri(reading.article.id)}>"
    lines = [f"{art} <{NKG.extraction}> {_lit(text or encode(reading))} {art} .\n"]
    lines += [f"{art} <{NKG.linkKey}> {_lit(k)} {art} .\n" for k in sorted(keys)]
    return "".join(lines)


def resolve_all(readings: list[Reading], stored: dict[str, tuple[Reading, str]] | None = None,
                whole: bool = True) -> tuple[Resolution, dict[str, str], set[str]]:
    """Resolution of ``readings`` and the ``stored`` ones (``stored_readings``) together, each
    one's article graph (with its record and link keys) by graph IRI: what a build of exactly
    these articles writes before keys are made (rekey); and the articles whose countries are not
    groups of their own (``linkkeys.loose_countries``). ``whole``: these are all the store's
    articles (the articles where a country's name is met as another thing are flagged)."""
    records = {r.article.id: text for r, text in (stored or {}).values()}
    everything = sorted([r for r, _ in (stored or {}).values()] + readings, key=lambda r: r.article.id)
    res = resolve(everything, None)
    res.incident_of, _ = assign(everything, res, [], [], prefix=str(entity_iri("")))
    graphs = build_nquads(everything, res)
    keys = {r.article.id: article_keys(r) | name_keys(r, res) for r in everything}
    loose = loose_countries(everything, res)
    if whole:
        for aid in loose | contacts(keys):
            keys[aid].add(GLOBAL)
    for r in everything:
        graphs[str(article_iri(r.article.id))] += _stored_lines(r, records.get(r.article.id), keys[r.article.id])
    return res, graphs, loose


def settle(readings: list[Reading], stored: dict[str, tuple[Reading, str]] | None = None
           ) -> tuple[Resolution, dict[str, str], str]:
    """What a build of exactly ``readings`` and the ``stored`` ones stores: the resolution, every
    article graph with the keys the articles give together (rekey) by graph IRI, and the derived
    graph's N-Quads."""
    res, graphs, _ = resolve_all(readings, stored)
    mem = OxigraphStore.in_memory("".join(graphs.values()))
    if rekey(mem):
        graphs = {iri: mem.graph_nquads(iri) for iri in graphs}
    return res, graphs, derived_nquads(mem)


@dataclass(frozen=True)
class Settled:
    """What a build or removal writes: the article graphs it changes (by IRI), and the derived
    graph when those are all the store's articles (else derived from the store after writing)."""

    res: Resolution
    graphs: dict[str, str]
    derived: str | None
    whole: bool
    why: str = ""  # why the whole store was resolved again


def settle_store(st, readings: list[Reading], drop: frozenset[str] = frozenset()) -> Settled | None:
    """What a build of ``readings`` (or, with none, taking out the article graphs ``drop``)
    writes to ``st``: the articles its keys reach resolved with it, or the whole store where the
    keys cannot vouch for the result (see the module's paragraph). ``None``: a stored article has
    no record this version reads."""
    skip = frozenset(str(article_iri(r.article.id)) for r in readings) | drop
    part, why = _reached(st, readings, skip)
    if part is not None:
        res, graphs, loose = resolve_all(readings, part, whole=False)
        mem = OxigraphStore.in_memory("".join(graphs.values()))
        labels = None if loose else _country_labels(st, mem, set(skip) | set(part))
        if labels is not None:
            if rekey(mem, labels):
                graphs = {iri: mem.graph_nquads(iri) for iri in graphs}
            return Settled(res, graphs, None, False)
        why = "a country's name is met as another thing" if loose else "a country's key name changes"
    stored = stored_readings(st, skip)
    if stored is None:
        return None
    res, graphs, derived = settle(readings, stored)
    return Settled(res, graphs, derived, True, why)


def _reached(st, readings: list[Reading], skip: frozenset[str]) -> tuple[dict[str, tuple[Reading, str]] | None, str]:
    """The records of the stored articles (but ``skip``) that the keys of ``readings`` and of the
    graphs in ``skip`` reach, transitively; ``None`` (and why) where the whole store is to be
    resolved again."""
    if aliases.DISTINCT is not None:
        return None, "the user's table of names kept apart"
    if not st.query(_ANY):
        return None, "a new store"
    if st.query(_UNMARKED % _lit(marker())):
        return None, "articles stored without link keys, or with other alias tables"
    if st.query(_FLAGGED % _lit(GLOBAL)):
        return None, "a country's name is met as another thing"
    pool: set[str] = set().union(*(article_keys(r) for r in readings))
    pool |= {k for ks in _keys_of(st, skip).values() for k in ks}
    found: set[str] = set()
    frontier = set(pool)
    while frontier:
        if contacts({"": pool}):
            return None, "a country's name is met as another thing"
        wanted = {p for k in frontier for p in partners(k)}
        rows = select_rows(st, _HOLDERS % " ".join(_lit(k) for k in sorted(wanted))) if wanted else []
        new = {str(r["a"]) for r in rows} - skip - found
        found |= new
        frontier = {k for ks in _keys_of(st, new).values() for k in ks} - pool
        pool |= frontier
    records = _decoded(select_rows(st, _RECORDS_OF % iri_list(found))) if found else {}
    if records is None or set(records) != found:
        return None, "a stored article without a readable record"
    return records, ""


def _keys_of(st, iris) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    if iris:
        for row in select_rows(st, _KEYS_OF % iri_list(iris)):
            out[str(row["a"])].add(str(row["k"]))
    return out


def _country_labels(st, mem, inside: set[str]) -> dict[str, str] | None:
    """The key label of each country the resolved graphs (``mem``) name, over every stored
    article graph naming it (merge notes say it); ``None`` when it changes where an article
    outside ``inside`` (the graphs resolved again) names the country."""
    prefix = str(ID["country/"])
    new: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(mem, f"SELECT ?e ?n WHERE {{ GRAPH ?g {{ ?d <{NKG.about}> ?e ; <{NKG.name}> ?n }} }}"):
        if str(row["e"]).startswith(prefix):
            new[str(row["e"])].add(str(row["n"]))
    if not new:
        return {}

    def counts(graphs: str) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = defaultdict(dict)
        for row in select_rows(st, _NAME_COUNTS % (iri_list(new), graphs)):
            out[str(row["e"])][str(row["n"])] = int(str(row["c"]))
        return out

    total = counts("")
    within = counts(f"VALUES ?g {{ {iri_list(inside)} }}") if inside else {}
    labels: dict[str, str] = {}
    for e, names in new.items():
        outside = {n for n, c in total.get(e, {}).items() if c > within.get(e, {}).get(n, 0)}
        if not outside:
            continue
        after = key_label("place", outside | names)
        if after != key_label("place", total[e]):
            return None
        labels[e] = after
    return labels
