"""Pipeline: ingest -> extract -> resolve -> build -> store, composed; the CLI is thin over it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from newskg.build import (
    CONTAINS,
    DERIVED,
    REPORTS,
    QuadSink,
    article_iri,
    build_nquads,
    derive_incidents,
    entity_iri,
)
from newskg.export import dataset_from_nquads, format_for, serialize, write_atomic
from newskg.extract import extract_many
from newskg.incident_match import assign
from newskg.ingest import IngestError, read_articles
from newskg.models import Article, Reading, coarse
from newskg.resolve import Resolution, resolve
from newskg.store import OxigraphStore, open_store

__all__ = ["BuildReport", "build", "read_inputs"]


@dataclass
class BuildReport:
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    statements: int = 0
    incidents: int = 0
    memberships: int = 0
    output: Path | None = None
    store: str | None = None
    nquads: str = ""  # everything this build made (article graphs and derived incident facts)
    _dataset: Dataset | None = field(default=None, repr=False)

    @property
    def dataset(self) -> Dataset:
        """This build's graphs as an rdflib ``Dataset`` (parsed on first use)."""
        if self._dataset is None:
            self._dataset = dataset_from_nquads(self.nquads)
        return self._dataset


def read_inputs(paths: Iterable[Path], report: BuildReport) -> list[Article]:
    arts: list[Article] = []
    try:
        for item in read_articles(paths):
            if isinstance(item, IngestError):
                report.errors.append(str(item))
            else:
                arts.append(item)
    except IngestError as exc:
        report.errors.append(str(exc))
    return arts


def _progress(items: list[Article], readings: Iterable[Reading], show: bool) -> list[Reading]:
    if not show or len(items) < 20:
        return list(readings)
    from rich.progress import track

    return list(track(readings, total=len(items), description="reading articles", transient=True))


def build(paths: list[Path], store: str | Path | None = None, output: Path | None = None,
          progress: bool | None = None, nlp=None) -> BuildReport:
    """Build the graph of the articles under ``paths``; write it to ``store`` and ``output``."""
    report = BuildReport()
    if output is not None:
        format_for(output)  # fail before any work on a bad suffix
    articles = read_inputs(paths, report)
    show = sys.stderr.isatty() if progress is None else progress
    readings = _progress(articles, extract_many(articles, nlp=nlp), show)
    known = known_entities(store, {r.article.id for r in readings}) if store is not None and readings else None
    stored_incidents, contains = _stored_context(store, readings, known)
    res = resolve(readings, known)
    res.incident_of, incident_renames = assign(readings, res, stored_incidents, contains, prefix=str(entity_iri("")))
    graphs = build_nquads(readings, res)
    nq = "".join(graphs.values())
    derived = _derived_nquads(OxigraphStore.in_memory(nq))
    report.nquads = nq + derived
    report.articles = len(readings)
    for e in res.entities.values():
        report.entities[e.cls] += 1
    report.statements = sum(len(r.statements) for r in readings)
    report.incidents = sum(len(r.incidents) for r in readings)
    report.memberships = sum(len(r.memberships) for r in readings)
    if store is not None and readings:
        st = open_store(store)
        try:
            for old, new, label in res.renames:
                st.update(rename_update(str(entity_iri(old)), str(entity_iri(new)), label))
            for old_iri, new_iri in sorted(incident_renames.items()):
                st.update(rename_iri(old_iri, new_iri))  # reports of one event, joined across outlets
            for r in readings:
                iri = str(article_iri(r.article.id))
                st.replace_graph(iri, graphs.get(iri, ""))
            # the incidents' own figures, from every report the store now holds
            st.replace_graph(str(DERIVED), _derived_nquads(st))
        finally:
            st.close()
        report.store = str(store)
    if output is not None:
        fmt = format_for(output)
        write_atomic(output, serialize(report.dataset if fmt == "jsonld" else None, fmt, nquads=report.nquads))
        report.output = output
    return report


def _derived_nquads(st) -> str:
    """The graph of the incidents' own place and figures, from the reports ``st`` holds."""
    rows, contains = st.query(REPORTS), st.query(CONTAINS)
    assert isinstance(rows, list) and isinstance(contains, list)
    sink: list[str] = []
    emit = QuadSink(DERIVED, sink)
    for t in derive_incidents(rows, contains):
        emit.add(t)
    return "".join(sorted(sink))


KNOWN = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?e ?c ?l ?alt WHERE { GRAPH ?g { ?e a ?c ; rdfs:label ?l OPTIONAL { ?e skos:altLabel ?alt } }
  FILTER(STRSTARTS(STR(?c), STR(nkg:)) && ?g NOT IN (%s)) }"""


def rename_update(old: str, new: str, label: str) -> str:
    """One SPARQL update that renames a stored node everywhere and gives it its fuller label
    (the old label becomes an alternative one)."""
    lit = json.dumps(label)
    return f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?s2 ?p ?o2 }} }}
WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?s = <{old}> || ?o = <{old}>) }}
  BIND(IF(?s = <{old}>, <{new}>, ?s) AS ?s2) BIND(IF(?o = <{old}>, <{new}>, ?o) AS ?o2) }} ;
DELETE {{ GRAPH ?g {{ <{new}> rdfs:label ?l }} }} INSERT {{ GRAPH ?g {{ <{new}> rdfs:label {lit} . <{new}> skos:altLabel ?l }} }}
WHERE {{ GRAPH ?g {{ <{new}> rdfs:label ?l FILTER(STR(?l) != {lit}) }} }}"""


def rename_iri(old: str, new: str) -> str:
    """One SPARQL update that renames a stored node everywhere."""
    return f"""DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?s2 ?p ?o2 }} }}
WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?s = <{old}> || ?o = <{old}>) }}
  BIND(IF(?s = <{old}>, <{new}>, ?s) AS ?s2) BIND(IF(?o = <{old}>, <{new}>, ?o) AS ?o2) }}"""


CONTEXT = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?g ?e ?org ?outer WHERE { GRAPH ?g { { ?m nkg:mentionOf ?e } UNION { ?x nkg:member ?e ; nkg:organization ?org }
  UNION { ?e nkg:locatedIn ?outer } } FILTER(?g NOT IN (%s)) }"""


def _stored_context(store, readings: list[Reading], known: Resolution | None) -> tuple[list, list]:
    """What the store says around its entities (the articles that name each, the bodies a
    person works for, the places a place lies in: filled into ``known``), its incident reports
    and its ``locatedIn`` pairs."""
    if store is None or known is None:
        return [], []
    from newskg.incident_match import STORED

    skip = ", ".join(f"<{article_iri(r.article.id)}>" for r in sorted(readings, key=lambda r: r.article.id)) or "<urn:x-none>"
    prefix = str(entity_iri(""))
    st = open_store(store)
    try:
        rows, incidents, contains = st.query(CONTEXT % skip), st.query(STORED % skip), st.query(CONTAINS)
    finally:
        st.close()
    assert isinstance(rows, list) and isinstance(incidents, list) and isinstance(contains, list)
    for row in rows:
        e, g = str(row["e"])[len(prefix):], str(row["g"]).rsplit("/", 1)[-1]
        if row.get("org"):
            known.employers_of[e].add(str(row["org"])[len(prefix):])
        elif row.get("outer"):
            known.outer_of[e].add(str(row["outer"])[len(prefix):])
        else:
            known.articles_of[e].add(g)
    return incidents, contains


def known_entities(store: str | Path, rebuilding: set[str]) -> Resolution | None:
    """The entities a store already holds (outside the articles being rebuilt), so new articles
    resolve against them."""
    if not Path(str(store)).exists() and not str(store).startswith("http"):
        return None
    from newskg.models import ENTITY_CLASSES, Entity

    st = open_store(store)
    try:
        skip = ", ".join(f"<{article_iri(a)}>" for a in sorted(rebuilding)) or "<urn:x-none>"
        rows = st.query(KNOWN % skip)
    finally:
        st.close()
    assert isinstance(rows, list)
    res = Resolution()
    prefix = str(entity_iri(""))
    for row in rows:
        iri, cls = str(row["e"]), str(row["c"]).rsplit("#", 1)[-1]
        if cls not in ENTITY_CLASSES or not iri.startswith(prefix):
            continue
        key = iri[len(prefix):]
        ent = res.entities.get(key)
        if ent is None:
            ent = res.entities[key] = Entity(key=key, cls=cls, label=str(row["l"]))
        elif ent.cls != cls and coarse(cls) == coarse(ent.cls) and cls != coarse(cls):
            ent.cls = cls  # the most specific class
        if row.get("alt"):
            ent.alt_labels.add(str(row["alt"]))
    return res if res.entities else None


def summary(report: BuildReport, echo: Callable[[str], None]) -> None:
    by_coarse: Counter[str] = Counter()
    for cls, n in report.entities.items():
        by_coarse[coarse(cls)] += n
    echo(f"articles: {report.articles}")
    echo("entities: " + ", ".join(f"{cls} {n}" for cls, n in sorted(report.entities.items())))
    echo(f"memberships: {report.memberships}, statements: {report.statements}, incidents: {report.incidents}")
    if report.store:
        echo(f"store: {report.store}")
    if report.output:
        echo(f"output: {report.output}")
