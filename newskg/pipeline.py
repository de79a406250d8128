"""Pipeline: ingest -> extract -> resolve -> build -> store, composed; the CLI is thin over it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
from newskg.ingest import DEFAULT_MAX_BYTES, IngestError, read_articles
from newskg.models import Article, Reading, coarse
from newskg.resolve import Resolution, resolve
from newskg.store import OxigraphStore, open_store

__all__ = ["BuildReport", "build", "read_inputs"]


@dataclass
class BuildReport:
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # articles without a date, texts already built
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


def read_inputs(paths: Iterable[Path], report: BuildReport, max_bytes: int = DEFAULT_MAX_BYTES,
                stored: dict[str, str] | None = None) -> list[Article]:
    """The articles under ``paths``, one per identity: the same URL or the same text (also one the
    store holds under another id, ``stored``: content hash -> article id) is built once; two
    different texts that would get one id are an error. Errors and warnings go to ``report``."""
    arts: dict[str, Article] = {}
    by_digest = dict(stored or {})
    for item in read_articles(paths, max_bytes):
        if isinstance(item, IngestError):
            report.errors.append(str(item))
            continue
        first = by_digest.get(item.digest)
        if first is not None and first != item.id:
            report.warnings.append(f"{item.source}: the same text as {first}, built once")
            continue
        if item.id in arts:
            other = arts[item.id].source
            if item.url:
                report.warnings.append(f"{item.source}: the same URL as {other}, built once")
            else:
                report.errors.append(f"{item.source}: another input ({other}) is already article {item.id!r}; "
                                     "give their common folder instead, or rename one")
            continue
        arts[item.id] = item
        by_digest.setdefault(item.digest, item.id)
        report.warnings.extend(item.warnings)
    return list(arts.values())


def _readings(articles: list[Article], nlp, report: BuildReport) -> Iterator[Reading]:
    """Every article read by extract; one that cannot be analysed is an error, the rest go on."""
    done = 0
    try:
        for reading in extract_many(articles, nlp=nlp):
            done += 1
            yield reading
        return
    except Exception:  # an article the pipeline chokes on: read the rest one by one to find it
        pass
    from newskg.extract import extract

    for article in articles[done:]:
        try:
            yield extract(article, nlp=nlp)
        except Exception as exc:  # one line for this article; the batch goes on
            report.errors.append(f"{article.source}: could not be analysed ({type(exc).__name__}: {exc})")


STORED_HASHES = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?a ?h WHERE { GRAPH ?g { ?a nkg:contentHash ?h } }"""


def stored_hashes(store: str | Path | None) -> dict[str, str]:
    """Content hash -> id of the articles a store holds (none for a store not made yet)."""
    if store is None or (not Path(str(store)).exists() and not str(store).startswith("http")):
        return {}
    st = open_store(store)
    try:
        rows = st.query(STORED_HASHES)
    finally:
        st.close()
    prefix = str(article_iri(""))
    assert isinstance(rows, list)
    return {str(r["h"]): str(r["a"])[len(prefix):] for r in rows if str(r["a"]).startswith(prefix)}


def _progress(items: list[Article], readings: Iterable[Reading], show: bool) -> list[Reading]:
    if not show or len(items) < 20:
        return list(readings)
    from rich.progress import track

    return list(track(readings, total=len(items), description="reading articles", transient=True))


def build(paths: list[Path], store: str | Path | None = None, output: Path | None = None,
          progress: bool | None = None, nlp=None, max_bytes: int = DEFAULT_MAX_BYTES) -> BuildReport:
    """Build the graph of the articles under ``paths``; write it to ``store`` and ``output``."""
    report = BuildReport()
    if output is not None:
        format_for(output)  # fail before any work on a bad suffix
    articles = read_inputs(paths, report, max_bytes, stored_hashes(store))
    show = sys.stderr.isatty() if progress is None else progress
    readings = _progress(articles, _readings(articles, nlp, report), show)
    known = known_entities(store, {r.article.id for r in readings}) if store is not None and readings else None
    res = resolve(readings, known)
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
