"""Derive: what several articles support together, recomputed from their graphs.

Stage: after build, whenever the store's articles change (added, replaced, removed). In: the
article graphs — each holds what its article says: entity reports (``nkg:EntityReport``: the
names it uses, the class its words vote for, area levels, where it places the entity) and
incident reports. Out: the N-Quads of one graph, ``id:graph/derived``, holding every triple no
single article owns: each entity's class, its one ``rdfs:label``, ``skos:altLabel``\\s, codes,
Wikidata link, merge notes and ``nkg:locatedIn``; each incident's type, kind, date, victims,
place and figures. Each is a pure function of the reports, so the derived graph does not depend
on the order articles came in, and removing an article removes what only it supported.

    article graphs ──(queries below)──> rows ──derive_entities / derive_incidents──> id:graph/derived
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD

from newskg.aliases import alias_of, subdivision_code, wikidata_of
from newskg.models import ADMIN_AREA, COUNTRY, PERSON, SETTLEMENT, Entity, choose_class, coarse
from newskg.resolve import Resolution
from newskg.vocab import ID, NKG

__all__ = ["DERIVED", "Described", "collect", "derive_entities", "derive_incidents", "derived_nquads",
           "stored_entities", "format_votes", "choose_class", "choose_label"]

DERIVED = ID["graph/derived"]
WD = Namespace("http://www.wikidata.org/entity/")
_PRE = "PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
# one query per property of an entity report: several multi-valued properties are never joined
_REPORT_PROPS = ("name", "canonicalName", "altName", "classVotes", "areaLevel", "placedIn", "mergeNote", "inArticle")
_REPORT_Q = _PRE + "SELECT ?g ?e ?x WHERE {{ GRAPH ?g {{ ?d nkg:about ?e ; nkg:{prop} ?x }} }}"
REPORTS = _PRE + """SELECT ?inc ?rep ?art ?pub ?src ?killed ?injured ?place ?kind ?date WHERE {
  ?inc nkg:report ?rep . ?rep nkg:reportedIn ?art .
  OPTIONAL { ?art nkg:published ?pub } OPTIONAL { ?art nkg:source ?src }
  OPTIONAL { ?rep nkg:killed ?killed } OPTIONAL { ?rep nkg:injured ?injured } OPTIONAL { ?rep nkg:place ?place }
  OPTIONAL { ?rep nkg:kind ?kind } OPTIONAL { ?rep nkg:date ?date } OPTIONAL { ?rep nkg:sentence ?sent } }"""
VICTIMS = _PRE + "SELECT ?inc ?v WHERE { ?inc nkg:report ?rep . ?rep nkg:victim ?v }"
CONTAINS = _PRE + "SELECT ?a ?b WHERE { GRAPH ?g { ?d nkg:about ?a ; nkg:placedIn ?b } }"


@dataclass
class Described:
    """Everything the article graphs say of one entity, pooled."""

    votes: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    names: Counter[str] = field(default_factory=Counter)  # name -> number of articles using it
    canonical: set[str] = field(default_factory=set)
    alts: set[str] = field(default_factory=set)
    levels: set[str] = field(default_factory=set)
    placed: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)  # article IRIs


def format_votes(votes: dict[str, float]) -> str:
    """Class votes as a literal: ``"AdministrativeArea=1.5 Settlement=3"``."""
    return " ".join(f"{c}={round(w, 6):g}" for c, w in sorted(votes.items()))


def _parse_votes(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for pair in text.split():
        cls, _, w = pair.partition("=")
        try:
            out[cls] = float(w)
        except ValueError:
            continue
    return out


def collect(st, skip: frozenset[str] = frozenset(), only: Iterable[str] | None = None) -> dict[str, Described]:
    """The entity reports of every article graph in ``st`` (but those in ``skip``), by entity IRI
    (``only``: of these entities alone)."""
    found: dict[str, Described] = defaultdict(Described)
    values = ""
    if only is not None:
        wanted = sorted(only)
        if not wanted:
            return {}
        values = "VALUES ?e { " + " ".join(f"<{e}>" for e in wanted) + " } "
    for prop in _REPORT_PROPS:
        rows = st.query(_REPORT_Q.format(prop=prop).replace("WHERE { GRAPH", f"WHERE {{ {values}GRAPH", 1))
        assert isinstance(rows, list)
        for row in rows:
            if row["g"] in skip:
                continue
            d, x = found[str(row["e"])], str(row["x"])
            if prop == "name":
                d.names[x] += 1
            elif prop == "canonicalName":
                d.canonical.add(x)
            elif prop == "altName":
                d.alts.add(x)
            elif prop == "classVotes":
                for cls, w in _parse_votes(x).items():
                    d.votes[cls] += w
            elif prop == "areaLevel":
                d.levels.add(x)
            elif prop == "mergeNote":
                d.notes.add(x)
            elif prop == "inArticle":
                d.articles.add(x)
            else:
                d.placed.add(x)
    return {e: d for e, d in found.items() if d.names}


def entity_class(iri: str, votes: dict[str, float]) -> str:
    """The class of an entity: a country's IRI (its ISO code) says Country, else the votes."""
    if iri.startswith(str(ID["country/"])):
        return COUNTRY
    return choose_class(votes) if votes else "Place"


def _is_acronym(t: str) -> bool:
    return 2 <= len(t) <= 7 and t.isupper() and t.isalpha()


def choose_label(cls: str, d: Described) -> str:
    """A person's fullest name; a body's longest official name, else its longest non-acronym
    name; a place's name most articles use (the alias table's spelling), the shortest on a tie."""
    names = sorted(d.names)
    if cls == PERSON:
        return max(names, key=lambda t: (len(t.split()), len(t), t))
    if coarse(cls) == "Organization":
        if d.canonical:
            return max(d.canonical, key=lambda c: (len(c), c))
        return max(names, key=lambda t: (not _is_acronym(t), len(t), t))
    counts: Counter[str] = Counter()
    for t, n in d.names.items():
        counts[alias_of(t)] += n
    return max(sorted(counts), key=lambda t: (counts[t], -len(t)))


def _shared_body_names(found: dict[str, Described]) -> set[str]:
    """Short names that several bodies of the store go by ("the Ministry of Energy" of three
    countries, "the ministry"): no one body's alternative label (each article keeps its own)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for iri, d in found.items():
        if coarse(entity_class(iri, d.votes)) == "Organization":
            for name in d.alts | set(d.names):
                owners[name.casefold()].add(iri)
    return {n for d in found.values() for n in d.alts | set(d.names) if len(owners.get(n.casefold(), ())) > 1}


def _town_names(found: dict[str, Described]) -> set[str]:
    """The names (folded) the store's towns go by."""
    return {n.casefold() for iri, d in found.items() if entity_class(iri, d.votes) == SETTLEMENT
            for n in d.names}


def _area_described(d: Described, towns: set[str]) -> Described:
    """An area as a reader looks it up: "Zorvan" names the town when the store holds a town of
    that name, so the area of that name ("the Zorvan region") is labelled with its area word,
    and the bare name is none of its labels (the article graphs still say which article called
    it so, in ``nkg:name`` and each mention's ``nkg:surface``). An area every article names
    bare keeps its one name."""
    full = Counter({t: n for t, n in d.names.items() if t.casefold() not in towns})
    if not full or len(full) == len(d.names):
        return d
    return Described(votes=d.votes, names=full, canonical=d.canonical,
                     alts={a for a in d.alts if a.casefold() not in towns}, levels=d.levels,
                     placed=d.placed, notes=d.notes, articles=d.articles)


def derive_entities(found: dict[str, Described]):
    """Triples of each entity's own description (see the module's paragraph)."""
    shared = _shared_body_names(found)
    towns = _town_names(found)
    for iri in sorted(found):
        d, node = found[iri], URIRef(iri)
        cls = entity_class(iri, d.votes)
        if cls == ADMIN_AREA:
            d = _area_described(d, towns)
        label = choose_label(cls, d)
        yield node, RDF.type, NKG[cls]
        yield node, RDFS.label, Literal(label)
        others = shared if coarse(cls) == "Organization" else set()
        for alt in sorted((d.alts | set(d.names)) - {label} - others):
            yield node, SKOS.altLabel, Literal(alt)
        if cls == COUNTRY and iri.startswith(str(ID["country/"])):
            code = iri.rsplit("/", 1)[1]
            yield node, NKG.isoCode, Literal(code)
            qid = wikidata_of(code)
            if qid:
                yield node, SKOS.exactMatch, WD[qid]
        elif cls == ADMIN_AREA:
            iso = subdivision_code(label, d.levels)
            if iso:
                yield node, NKG.isoCode, Literal(iso)
        for note in sorted(d.notes):  # why each article's name was joined, as resolution said then
            yield node, NKG.mergeNote, Literal(note)
        for outer in sorted(d.placed - {iri}):
            yield node, NKG.locatedIn, URIRef(outer)


def _depths(contains: list[dict]):
    outer: dict[str, set[str]] = defaultdict(set)
    for row in contains:
        if row["a"] != row["b"]:
            outer[str(row["a"])].add(str(row["b"]))

    def depth(p: str) -> int:
        seen, todo = set(), [p]
        while todo:
            for y in outer.get(todo.pop(), ()):
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        return len(seen)

    return depth


def derive_incidents(reports: list[dict], contains: list[dict], victims: list[dict] = ()):  # type: ignore[assignment]
    """Triples of each incident's own facts, from all its reports (rows of ``REPORTS``).

    Kind and date: those most reports give. Victims: every report's. Place: the most specific
    place any report gives (the one the others contain), then the one most reports give.
    Figures: those of the latest-published report that gives one; on a tie, the highest. Every
    report keeps its own figures; ``nkg:figureRule`` says which were taken.
    """
    depth = _depths(contains)
    by_inc: dict[str, list[dict]] = defaultdict(list)
    for row in reports:
        by_inc[str(row["inc"])].append(row)
    named: dict[str, set[str]] = defaultdict(set)
    for row in victims:
        named[str(row["inc"])].add(str(row["v"]))
    for inc, rows in sorted(by_inc.items()):
        node = URIRef(inc)
        rows = sorted(rows, key=lambda r: (str(r.get("pub") or ""), str(r["rep"])))
        yield node, RDF.type, NKG.Incident
        for prop in ("kind", "date"):
            given = Counter(str(r[prop]) for r in rows if r.get(prop))
            if given:
                value = max(sorted(given), key=lambda v: given[v])
                yield node, NKG[prop], Literal(value, datatype=XSD.date) if prop == "date" else Literal(value)
        for v in sorted(named.get(inc, ())):
            yield node, NKG.victim, URIRef(v)
        places = [str(r["place"]) for r in rows if r.get("place")]
        if places:
            best = max(sorted(set(places)), key=lambda p: (depth(p), places.count(p)))
            yield node, NKG.place, URIRef(best)
        notes = []
        for fld in ("killed", "injured"):
            given_f = [(str(r.get("pub") or ""), int(str(r[fld])), str(r.get("src") or r["art"])) for r in rows
                       if r.get(fld) is not None]
            if not given_f:
                continue
            latest = max(p for p, _, _ in given_f)
            figure = max(v for p, v, _ in given_f if p == latest)
            yield node, NKG[fld], Literal(str(figure), datatype=XSD.integer)
            if len(given_f) > 1:
                each = "; ".join(f"{src}: {v}" for _, v, src in given_f)
                notes.append(f"{fld} {figure} from the latest report ({latest or 'undated'}); reports: {each}")
            else:
                notes.append(f"{fld} {figure} from its only report")
        if notes:
            yield node, NKG.figureRule, Literal(" | ".join(notes))
        for why in _join_notes(rows, contains):  # why its reports (of several articles) were joined
            yield node, NKG.mergeNote, Literal(why)


def _join_notes(rows: list[dict], contains: list[dict]) -> list[str]:
    """The merge notes of one incident from its rows of ``REPORTS`` (incident_match.join_note)."""
    import datetime

    from newskg.incident_match import NIGHT, Report, incident_notes

    def day(v) -> datetime.date | None:
        return datetime.date.fromisoformat(str(v)[:10]) if v else None

    reports = {str(r["rep"]): Report(str(r["rep"]), str(r.get("src") or r["art"]).rsplit("/", 1)[-1],
                                     str(r.get("kind") or "incident"), day(r.get("date")),
                                     str(r["place"]) if r.get("place") else None,
                                     bool(NIGHT.search(str(r.get("sent") or ""))), day(r.get("pub")))
               for r in rows}
    outer: dict[str, set[str]] = defaultdict(set)
    for row in contains:
        if row["a"] != row["b"]:
            outer[str(row["a"])].add(str(row["b"]))
    return incident_notes(list(reports.values()), outer)


def derived_nquads(st) -> str:
    """The derived graph of everything ``st`` holds, as sorted N-Quads."""
    from newskg.build import QuadSink

    lines: list[str] = []
    sink = QuadSink(DERIVED, lines)
    for t in derive_entities(collect(st)):
        sink.add(t)
    rows, contains, victims = st.query(REPORTS), st.query(CONTAINS), st.query(VICTIMS)
    assert isinstance(rows, list) and isinstance(contains, list) and isinstance(victims, list)
    for t in derive_incidents(rows, contains, victims):
        sink.add(t)
    return "".join(sorted(set(lines)))


EMPLOYERS = _PRE + "SELECT ?g ?p ?o WHERE { GRAPH ?g { ?m nkg:member ?p ; nkg:organization ?o } }"


def stored_entities(st, skip: frozenset[str] = frozenset()) -> Resolution:
    """The entities the store's articles (but those in ``skip``) describe, for resolving new
    articles against them: key, class, label, every other name, and what resolution weighs
    around them (the articles naming each, a person's employers, the places a place lies in)."""
    res = Resolution()
    prefix, art_prefix = str(ID), str(ID["article/"])

    def key(iri: str) -> str | None:
        return iri[len(prefix):] if iri.startswith(prefix) else None

    for iri, d in sorted(collect(st, skip).items()):
        k = key(iri)
        if k is None or not d.votes:
            continue
        cls = entity_class(iri, d.votes)
        label = choose_label(cls, d)
        res.entities[k] = Entity(key=k, cls=cls, label=label, alt_labels=(d.alts | set(d.names)) - {label})
        res.articles_of[k] = {a[len(art_prefix):] for a in d.articles if a.startswith(art_prefix)}
        res.outer_of[k] = {o for o in (key(p) for p in d.placed) if o}
    rows = st.query(EMPLOYERS)
    for row in rows if isinstance(rows, list) else []:
        p, o = key(str(row["p"])), key(str(row["o"]))
        if row["g"] not in skip and p and o:
            res.employers_of[p].add(o)
    return res
