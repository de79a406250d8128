"""Derive again what a build or removal touched: the derived graph patched, not made anew.

Stage: after the article graphs a build or removal changes are written (``pipeline``). In: those
graphs before and after (and the removed ones), and the store. Out: the derived graph's triples
of every entity and incident whose derived facts may differ, replaced in one update; the rest of
the derived graph stays. ``derive`` is a function of each entity's reports and each incident's
reports, with three looks beyond them, each followed here: whether another body uses a body's
name (``_shared_body_names``) and whether a town goes by an area's name (``_town_names``) — so
every entity that shares a name (case folded) with a touched one is derived again, with every
body and town of the names of those bodies and areas to decide it (found by the name keys each
article graph holds, ``linkkeys.name_key``; a country, whose IRI says its class, is neither body
nor town and is followed by no name) — and how deep an incident's places lie
(``_depths``) — so every incident placed at or below a place whose ``placedIn`` changed is
derived again, with the places above its places. The result is what ``derived_nquads`` of the
whole store gives (the tests compare them).

    graphs before, after ─> entities, incidents, placedIn pairs touched
        ─> + entities sharing a name, incidents placed below ─> their reports (VALUES queries)
        ─> derive_entities / derive_incidents ─> DELETE their triples, INSERT the new ones
"""

from __future__ import annotations

from newskg.build import _lit
from newskg.derive import DERIVED, collect, derive_entities, derive_incidents, entity_class
from newskg.linkkeys import name_key
from newskg.models import ADMIN_AREA, coarse
from newskg.store import OxigraphStore, iri_list, select_rows
from newskg.vocab import ID, NKG

__all__ = ["rederive"]

_ABOUT, _NAME, _ALT, _PLACED = (f"<{NKG.about}>", f"<{NKG.name}>", f"<{NKG.altName}>", f"<{NKG.placedIn}>")
_REPORT, _PLACE, _KEY = f"<{NKG.report}>", f"<{NKG.place}>", f"<{NKG.linkKey}>"


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {iri_list(iris)} }}"


def _named_alike(st, names: set[str]) -> set[str]:
    """The entities whose reports use a name that is one of ``names`` once case is folded: the
    articles holding its name key (``linkkeys.name_key``), then their reports."""
    folded = {n.casefold() for n in names}
    if not folded:
        return set()
    keys = " ".join(_lit(name_key(f)) for f in sorted(folded))
    arts = {str(r["a"]) for r in
            select_rows(st, f"SELECT DISTINCT ?a WHERE {{ VALUES ?k {{ {keys} }} GRAPH ?a {{ ?a {_KEY} ?k }} }}")}
    if not arts:
        return set()
    rows = select_rows(st, f"SELECT ?e ?n WHERE {{ {_values('g', arts)} GRAPH ?g {{ ?d {_ABOUT} ?e ; {_NAME}|{_ALT} ?n }} }}")
    return {str(r["e"]) for r in rows if str(r["n"]).casefold() in folded}


def _names(found, classes=None) -> set[str]:
    """The names of the entities ``found`` (of ``classes`` of them, with their coarse class)."""
    out: set[str] = set()
    for iri, d in found.items():
        if classes is None or _kind(iri, d) in classes:
            out |= set(d.names) | d.alts
    return out


def _kind(iri: str, d) -> str:
    cls = entity_class(iri, d.votes)
    return "Organization" if coarse(cls) == "Organization" else cls


def _closure(st, start: set[str], up: bool) -> tuple[set[str], list[dict]]:
    """The places above (``up``) or below ``start`` through ``placedIn``, with the pairs met."""
    seen, todo, pairs = set(start), set(start), []
    while todo:
        var = "a" if up else "b"
        rows = select_rows(st, f"SELECT ?a ?b WHERE {{ {_values(var, todo)} GRAPH ?g {{ ?d {_ABOUT} ?a ; {_PLACED} ?b }} }}")
        pairs.extend(rows)
        found = {str(r["b" if up else "a"]) for r in rows}
        todo = found - seen
        seen |= found
    return seen, pairs


def _touched(texts: list[str]) -> tuple[set[str], set[str], set[tuple[str, str]], set[str]]:
    """Entities, incidents, placedIn pairs and names (of entities but countries) the graphs
    ``texts`` hold."""
    mem = OxigraphStore.in_memory("".join(texts))
    ents = {str(r["e"]) for r in select_rows(mem, f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?e }} }}")}
    incs = {str(r["i"]) for r in select_rows(mem, f"SELECT DISTINCT ?i WHERE {{ GRAPH ?g {{ ?i {_REPORT} ?r }} }}")}
    pairs = {(str(r["a"]), str(r["b"])) for r in
             select_rows(mem, f"SELECT ?a ?b WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?a ; {_PLACED} ?b }} }}")}
    names = {str(r["n"]) for r in select_rows(mem, f"SELECT DISTINCT ?e ?n WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?e ; "
                                            f"{_NAME}|{_ALT} ?n }} }}") if not str(r["e"]).startswith(str(ID["country/"]))}
    return ents, incs, pairs, names


def rederive(st, before: list[str], after: list[str]) -> None:
    """Patch the derived graph of ``st`` (its article graphs written already) for the article
    graphs whose texts were ``before`` and are now ``after`` (a removed graph: before only)."""
    from newskg.build import QuadSink
    from newskg.derive import REPORTS, VICTIMS

    ents_b, incs_b, pairs_b, names_b = _touched(before)
    ents_a, incs_a, pairs_a, _ = _touched(after)
    ents, incs = ents_b | ents_a, incs_b | incs_a
    # entities: the touched ones; the bodies and areas that share a name with them (whether
    # another body goes by it, whether a town does); with those, every body and town of their
    # names, to decide it. A country (its IRI says its class) is neither body nor town.
    country = str(ID["country/"])
    own = collect(st, only=ents)
    names = _names({e: d for e, d in own.items() if not e.startswith(country)}) | names_b
    derive_set = ents | {e for e in _named_alike(st, names) if not e.startswith(country)}
    found = collect(st, only=derive_set)
    deciding = _named_alike(st, _names(found, {"Organization", ADMIN_AREA}))
    found = collect(st, only=derive_set | {e for e in deciding if not e.startswith(country)})
    lines: list[str] = []
    sink = QuadSink(DERIVED, lines)
    for t in derive_entities(found):
        if str(t[0]) in derive_set:
            sink.add(t)
    # incidents: the touched ones and those placed at or below a place whose placedIn changed
    moved = {a for a, _ in pairs_a ^ pairs_b}
    if moved:
        below, _ = _closure(st, moved, up=False)
        rows = select_rows(st, f"SELECT DISTINCT ?i WHERE {{ {_values('p', below)} ?i {_REPORT} ?r . ?r {_PLACE} ?p }}")
        incs |= {str(r["i"]) for r in rows}
    if incs:
        where = _values("inc", incs)
        reports = select_rows(st, REPORTS.replace("WHERE {", f"WHERE {{ {where}", 1))
        victims = select_rows(st, VICTIMS.replace("WHERE {", f"WHERE {{ {where}", 1))
        places = {str(r["place"]) for r in reports if r.get("place")}
        _, contains = _closure(st, places, up=True) if places else (set(), [])
        for t in derive_incidents(reports, contains, victims):
            sink.add(t)
    subjects = derive_set | incs
    by_graph = "".join(sorted(set(lines)))
    update = (f"DELETE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} WHERE {{ {_values('s', subjects)} "
              f"GRAPH <{DERIVED}> {{ ?s ?p ?o }} }}") if subjects else ""
    if update:
        st.update(update)
    if by_graph:
        body = "".join(line[: -len(f" <{DERIVED}> .\n")] + " .\n" for line in by_graph.splitlines(keepends=True))
        st.update(f"INSERT DATA {{ GRAPH <{DERIVED}> {{\n{body}}} }}")
