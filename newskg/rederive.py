"""Derive again what a build or removal touched: the derived graph patched, not made anew.

Stage: after the article graphs a build or removal changes are written (``pipeline``). In: those
graphs before and after (and the removed ones), and the store. Out: the derived graph's triples
of every entity and incident whose derived facts may differ, replaced in one update; the rest of
the derived graph stays. ``derive`` is a function of each entity's reports and each incident's
reports, with three looks beyond them, each followed here: whether another body uses a body's
name (``_shared_body_names``) and whether a town goes by an area's name (``_town_names``) — so
every entity that shares a name (case folded) with a touched one is derived again, with every
entity sharing a name with those to decide it — and how deep an incident's places lie
(``_depths``) — so every incident placed at or below a place whose ``placedIn`` changed is
derived again, with the places above its places. The result is what ``derived_nquads`` of the
whole store gives (the tests compare them).

    graphs before, after ─> entities, incidents, placedIn pairs touched
        ─> + entities sharing a name, incidents placed below ─> their reports (VALUES queries)
        ─> derive_entities / derive_incidents ─> DELETE their triples, INSERT the new ones
"""

from __future__ import annotations

from newskg.derive import DERIVED, collect, derive_entities, derive_incidents
from newskg.store import OxigraphStore
from newskg.vocab import NKG

__all__ = ["rederive"]

_ABOUT, _NAME, _ALT, _PLACED = (f"<{NKG.about}>", f"<{NKG.name}>", f"<{NKG.altName}>", f"<{NKG.placedIn}>")
_REPORT, _PLACE = f"<{NKG.report}>", f"<{NKG.place}>"
# characters whose case folding is not their lower case (and the sigmas, lowered by context)
_SPECIAL = "".join(sorted({c for c in map(chr, range(0x80, 0x10000)) if not 0xD800 <= ord(c) < 0xE000
                           and c.casefold() != c.lower()} | set("Σσς")))


def _rows(st, query: str) -> list[dict]:
    rows = st.query(query)
    assert isinstance(rows, list)
    return rows


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def _lit(text: str) -> str:
    import pyoxigraph as ox

    return str(ox.Literal(text))


def _named_alike(st, names: set[str]) -> set[str]:
    """The entities whose reports use a name that is one of ``names`` once case is folded."""
    if not names:
        return set()
    folded = {n.casefold() for n in names}
    query = (f"SELECT DISTINCT ?e ?n WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?e ; {_NAME}|{_ALT} ?n }} "
             f"FILTER(LCASE(STR(?n)) IN ({', '.join(_lit(f) for f in sorted(folded))}) "
             f"|| REGEX(STR(?n), \"[{_SPECIAL}]\")) }}")
    return {str(r["e"]) for r in _rows(st, query) if str(r["n"]).casefold() in folded}


def _names(found) -> set[str]:
    return {n for d in found.values() for n in set(d.names) | d.alts}


def _closure(st, start: set[str], up: bool) -> tuple[set[str], list[dict]]:
    """The places above (``up``) or below ``start`` through ``placedIn``, with the pairs met."""
    seen, todo, pairs = set(start), set(start), []
    while todo:
        var = "a" if up else "b"
        rows = _rows(st, f"SELECT ?a ?b WHERE {{ {_values(var, todo)} GRAPH ?g {{ ?d {_ABOUT} ?a ; {_PLACED} ?b }} }}")
        pairs.extend(rows)
        found = {str(r["b" if up else "a"]) for r in rows}
        todo = found - seen
        seen |= found
    return seen, pairs


def _touched(texts: list[str]) -> tuple[set[str], set[str], set[tuple[str, str]], set[str]]:
    """Entities, incidents, placedIn pairs and names the graphs ``texts`` hold."""
    mem = OxigraphStore.in_memory("".join(texts))
    ents = {str(r["e"]) for r in _rows(mem, f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?e }} }}")}
    incs = {str(r["i"]) for r in _rows(mem, f"SELECT DISTINCT ?i WHERE {{ GRAPH ?g {{ ?i {_REPORT} ?r }} }}")}
    pairs = {(str(r["a"]), str(r["b"])) for r in
             _rows(mem, f"SELECT ?a ?b WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?a ; {_PLACED} ?b }} }}")}
    names = {str(r["n"]) for r in
             _rows(mem, f"SELECT DISTINCT ?n WHERE {{ GRAPH ?g {{ ?d {_ABOUT} ?e ; {_NAME}|{_ALT} ?n }} }}")}
    return ents, incs, pairs, names


def rederive(st, before: list[str], after: list[str]) -> None:
    """Patch the derived graph of ``st`` (its article graphs written already) for the article
    graphs whose texts were ``before`` and are now ``after`` (a removed graph: before only)."""
    from newskg.build import QuadSink
    from newskg.derive import REPORTS, VICTIMS

    ents_b, incs_b, pairs_b, names_b = _touched(before)
    ents_a, incs_a, pairs_a, _ = _touched(after)
    ents, incs = ents_b | ents_a, incs_b | incs_a
    # entities: the touched ones, those sharing a name with them, and all naming alike those
    own = collect(st, only=ents)
    derive_set = ents | _named_alike(st, _names(own) | names_b)
    found = collect(st, only=derive_set)
    found = collect(st, only=derive_set | _named_alike(st, _names(found)))
    lines: list[str] = []
    sink = QuadSink(DERIVED, lines)
    for t in derive_entities(found):
        if str(t[0]) in derive_set:
            sink.add(t)
    # incidents: the touched ones and those placed at or below a place whose placedIn changed
    moved = {a for a, _ in pairs_a ^ pairs_b}
    if moved:
        below, _ = _closure(st, moved, up=False)
        rows = _rows(st, f"SELECT DISTINCT ?i WHERE {{ {_values('p', below)} ?i {_REPORT} ?r . ?r {_PLACE} ?p }}")
        incs |= {str(r["i"]) for r in rows}
    if incs:
        where = _values("inc", incs)
        reports = _rows(st, REPORTS.replace("WHERE {", f"WHERE {{ {where}", 1))
        victims = _rows(st, VICTIMS.replace("WHERE {", f"WHERE {{ {where}", 1))
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
