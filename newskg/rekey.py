"""Rekey: entity and incident IRIs as a function of everything the store holds.

Stage: store, after article graphs are written (build) or dropped (remove), before derive. In:
the article graphs' entity reports (names, class votes, articles, merge notes, employers) and
incident reports. Out: the article graphs rewritten where an IRI or a merge note is not the one
the store's articles give together, whatever order they came in:

- an entity's key is ``family/slug`` of ``iris.key_label`` of every name its articles use (a
  person's fullest name …), so the article that spelt it first does not decide it, and taking
  that article out gives the key the others give; two entities on one key stay two: the one
  whose earliest article (then names) sorts first keeps it, a person is told apart by the body
  it works for (``--body``), anything else numbered (``--2``), never merged;
- an incident's IRI is the smallest own key of the reports that are one event
  (``incident_match.group_reports`` over every stored report), so an event splits again when
  the report that joined its others is removed;
- a merge note says ``'name' is 'label': why`` with the entity's key label, and an article's
  name that is the label needs none.

Countries keep their ISO keys (``country/TR``). Which mentions are one thing is decided before,
by resolving every stored article's reading again (``restore``); for a store an older newskg
wrote (no readings kept), the store's earlier decisions stand.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from datetime import date

from newskg.aliases import alias_of, skeleton, subdivision_code
from newskg.derive import DERIVED, EMPLOYERS, collect, entity_class
from newskg.incident_match import NIGHT, STORED, Report, group_reports, named_places
from newskg.iris import key_label, mint_key, slug
from newskg.models import ADMIN_AREA, PERSON, coarse
from newskg.vocab import ID

__all__ = ["rekey", "entity_keys", "incident_keys"]

_PRE = "PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
_NAMES = _PRE + "SELECT ?g ?d ?e ?n WHERE { GRAPH ?g { ?d nkg:about ?e ; nkg:name ?n } }"
_NOTES = _PRE + "SELECT ?g ?d ?e ?n WHERE { GRAPH ?g { ?d nkg:about ?e ; nkg:mergeNote ?n } }"
_QUOTED = r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
_NOTE = re.compile(rf"^{_QUOTED} is {_QUOTED}: (.*)$", re.S)
_BY_NAME = ("the alias table", "ISO 3166-2 ", "the same letters")


def _family(iri: str, votes: dict[str, float]) -> str:
    return coarse(entity_class(iri, votes)).lower()


def entity_keys(st) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(current IRI -> IRI the store's articles give, for those that differ; entity IRI -> (its
    class, its key label) for every entity)."""
    prefix = str(ID)
    found = {iri: d for iri, d in collect(st).items() if iri.startswith(prefix)}
    want: dict[str, str] = {}
    info: dict[str, tuple[str, str]] = {}
    by_base: dict[str, list[str]] = defaultdict(list)
    for iri, d in found.items():
        cls = entity_class(iri, d.votes)
        label = key_label(coarse(cls).lower(), d.names)
        info[iri] = (cls, label)
        key = iri[len(prefix):]
        base = key if key.startswith("country/") else mint_key(coarse(cls).lower(), label)
        by_base[base].append(iri)
    employers: dict[str, set[str]] = defaultdict(set)
    rows = st.query(EMPLOYERS)
    for row in rows if isinstance(rows, list) else []:
        employers[str(row["p"])].add(str(row["o"]))
    taken = set(by_base)
    later: list[tuple[str, str]] = []  # (base, IRI) of a second thing on a base key
    for base, iris in sorted(by_base.items()):
        ranked = sorted(iris, key=lambda i: (min(found[i].articles, default=""), sorted(found[i].names), i))
        want[ranked[0]] = base
        later.extend((base, i) for i in ranked[1:])
    for base, iri in sorted(later, key=lambda bi: (not bi[0].startswith("person/"), bi)):
        if info[iri][0] == PERSON:  # people last: the bodies they work for have their keys
            bodies = sorted(want.get(o, o)[len(prefix):].split("/", 1)[-1] for o in employers.get(iri, ()))
            if bodies and f"{base}--{slug(bodies[0])}" not in taken:
                want[iri] = f"{base}--{slug(bodies[0])}"
                taken.add(want[iri])
                continue
        n = 2
        while f"{base}--{n}" in taken:
            n += 1
        want[iri] = f"{base}--{n}"
        taken.add(want[iri])
    renames = {iri: prefix + key for iri, key in want.items() if prefix + key != iri}
    return renames, info


def _own(day: date | None, place: str | None, aid: str, n: int, used: set[str]) -> str:
    """The key a report would have alone (as ``incident_match`` gives it)."""
    key = f"incident/{day.isoformat()}/{place.split('/', 1)[-1]}" if day and place else f"incident/{aid}-{n}"
    if key in used:
        key = f"incident/{aid}-{n}"
    used.add(key)
    return key


def incident_keys(st) -> dict[tuple[str, str], str]:
    """(article graph, incident IRI) -> the incident IRI the store's reports give, where it differs."""
    from newskg.derive import CONTAINS

    prefix, art_prefix = str(ID), str(ID["article/"])
    rows, contains = st.query(STORED % "<urn:x-none>"), st.query(CONTAINS)
    assert isinstance(rows, list) and isinstance(contains, list)
    outer: dict[str, set[str]] = defaultdict(set)
    for row in contains:
        a, b = str(row["a"]), str(row["b"])
        if a.startswith(prefix) and b.startswith(prefix) and a != b:
            outer[a[len(prefix):]].add(b[len(prefix):])

    def number(row) -> int:
        tail = str(row["rep"]).rsplit("-", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    used: dict[str, set[str]] = defaultdict(set)
    reports, where = [], []
    for row in sorted(rows, key=lambda r: (str(r["g"]), number(r))):
        g = str(row["g"])
        aid = g[len(art_prefix):] if g.startswith(art_prefix) else g
        place = str(row["place"])[len(prefix):] if row.get("place") else None
        day = date.fromisoformat(str(row["date"])) if row.get("date") else None
        own = _own(day, place, aid, number(row), used[aid])
        reports.append(Report(own, aid, str(row["kind"]), day, place, bool(NIGHT.search(str(row.get("sent") or ""))),
                              named=named_places(row, prefix)))
        where.append((g, str(row["inc"]), own))
    group = group_reports(reports, outer)
    return {(g, inc): prefix + group[own] for g, inc, own in where if prefix + group[own] != inc}


def _name_reason(name: str, label: str, cls: str) -> str | None:
    """Why ``name`` is the entity labelled ``label``, where the two names alone say it."""
    if alias_of(name) == alias_of(label) and alias_of(name) != name:
        return "the alias table (ontology/data/aliases.csv)"
    iso = subdivision_code(name) if cls == ADMIN_AREA else None
    if iso and iso == subdivision_code(label):
        return f"ISO 3166-2 {iso}"
    if skeleton(name) == skeleton(label):
        return "the same letters once accents, case and transliteration are folded"
    return None


def _parse(note: str) -> tuple[str, str] | None:
    """(name, reason) of a merge note ``'name' is 'label': reason``."""
    m = _NOTE.match(note)
    return (ast.literal_eval(m.group(1)), m.group(3)) if m else None


def note_changes(st, info: dict[str, tuple[str, str]], known: dict[str, set[str]] | None = None
                 ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The merge notes to delete and to insert, as (graph, report node, note) triples: each name an
    article uses that is not the entity's key label has the note a build would write. A reason
    the two names give goes on every report using the name; a rule's reason (a surname, an
    acronym, evidence shared) is given once, as resolution gives it: on the report of the first
    article (by id) using the name. ``known``: more notes by entity (the derived graph's, which
    still hold those of articles just removed)."""
    names: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    notes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for query, into in ((_NAMES, names), (_NOTES, notes)):
        rows = st.query(query)
        for row in rows if isinstance(rows, list) else []:
            into[(str(row["g"]), str(row["d"]), str(row["e"]))].add(str(row["n"]))
    rules: dict[tuple[str, str], set[str]] = defaultdict(set)  # (entity, name) -> rules' reasons
    first: dict[tuple[str, str], str] = {}  # (entity, name) -> the first graph using it
    for (_g, _, e), given in list(notes.items()) + [(("", "", e), n) for e, n in (known or {}).items()]:
        for name, reason in filter(None, map(_parse, given)):
            if not reason.startswith(_BY_NAME):
                rules[(e, name)].add(reason)
    for (g, _, e), used in names.items():
        for name in used:
            first[(e, name)] = min(g, first.get((e, name), g))
    drop: list[tuple[str, str, str]] = []
    add: list[tuple[str, str, str]] = []
    for where in sorted(set(names) | set(notes)):
        g, d, e = where
        if e not in info:
            continue
        cls, label = info[e]
        want: set[str] = set()
        for name in names.get(where, ()):
            if name == label:
                continue
            why = _name_reason(name, label, cls)
            reasons = [why] if why else sorted(rules.get((e, name), ())) if first[(e, name)] == g else []
            want.update(f"{name!r} is {label!r}: {reason}" for reason in reasons)
        have = {n for n in notes.get(where, ()) if _NOTE.match(n)}
        drop.extend((g, d, n) for n in sorted(have - want))
        add.extend((g, d, n) for n in sorted(want - have))
    return drop, add


def _rewrite(st, mapping: dict[str, str], per_graph: dict[str, dict[str, str]]) -> None:
    """Rename IRIs: ``mapping`` in every graph that holds them, ``per_graph`` in one graph each."""
    import pyoxigraph as ox

    graphs = set(per_graph)
    if mapping:
        values = " ".join(str(ox.NamedNode(i)) for i in sorted(mapping))
        rows = st.query(f"SELECT DISTINCT ?g WHERE {{ VALUES ?x {{ {values} }} GRAPH ?g {{ {{ ?x ?p ?o }} UNION {{ ?s ?p ?x }} }} }}")
        graphs |= {str(r["g"]) for r in rows} if isinstance(rows, list) else set()
    graphs.discard(str(DERIVED))  # derived again after
    for g in sorted(graphs):
        names = {**mapping, **per_graph.get(g, {})}

        def term(t, names=names):
            return ox.NamedNode(names[t.value]) if isinstance(t, ox.NamedNode) and t.value in names else t

        quads = [ox.Quad(term(q.subject), q.predicate, term(q.object), q.graph_name)
                 for q in ox.parse(st.graph_nquads(g), format=ox.RdfFormat.N_QUADS)]
        text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        st.replace_graph(g, text.decode() if isinstance(text, bytes) else str(text or ""))


def _notes_update(drop: list, add: list) -> str:
    """One SPARQL update deleting and inserting merge notes ((graph, report node, note) triples),
    every term written by pyoxigraph (N-Triples escaping), nothing pasted as it is."""
    import pyoxigraph as ox

    pred = ox.NamedNode("https://w3id.org/newskg/ontology#mergeNote")
    parts = []
    for verb, items in (("DELETE", drop), ("INSERT", add)):
        by_graph: dict[str, list[str]] = defaultdict(list)
        for g, d, n in items:
            by_graph[str(ox.NamedNode(g))].append(f"{ox.NamedNode(d)} {pred} {ox.Literal(n)} .")
        if by_graph:
            parts.append(f"{verb} DATA {{ " + " ".join(f"GRAPH {g} {{ {' '.join(lines)} }}"
                                                       for g, lines in sorted(by_graph.items())) + " }")
    return " ;\n".join(parts)


def rekey(st, labels: dict[str, str] | None = None) -> bool:
    """Give the store's entities and incidents the IRIs and notes its articles give together
    (see the module's paragraph). Returns whether anything changed. The derived graph is left
    to be derived again after. ``labels``: the key label of entities (by IRI) that articles
    outside ``st`` also name (a country, when ``st`` holds only the articles a build reached)."""
    renames, info = entity_keys(st)
    for iri, label in (labels or {}).items():
        if iri in info:
            info[iri] = (info[iri][0], label)
    rows = st.query(_PRE + f"SELECT ?e ?n WHERE {{ GRAPH <{DERIVED}> {{ ?e nkg:mergeNote ?n }} }}")
    known: dict[str, set[str]] = defaultdict(set)
    for row in rows if isinstance(rows, list) else []:
        known[renames.get(str(row["e"]), str(row["e"]))].add(str(row["n"]))
    if renames:
        _rewrite(st, renames, {})
        info = {renames.get(i, i): v for i, v in info.items()}
    drop, add = note_changes(st, info, known)
    if drop or add:
        st.update(_notes_update(drop, add))
    moved = incident_keys(st)
    if moved:
        per_graph: dict[str, dict[str, str]] = defaultdict(dict)
        for (g, old), new in moved.items():
            per_graph[g][old] = new
        _rewrite(st, {}, per_graph)
    return bool(renames or drop or add or moved)
