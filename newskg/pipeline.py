"""Pipeline: ingest -> extract -> resolve -> build -> store, composed; the CLI is thin over it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from newskg.build import article_iri, build_nquads, entity_iri
from newskg.derive import DERIVED, derived_nquads, stored_entities
from newskg.export import dataset_from_nquads, format_for, serialize, write_atomic
from newskg.extract import extract_many
from newskg.ingest import IngestError, read_articles
from newskg.models import Article, Reading, coarse
from newskg.resolve import Resolution, resolve
from newskg.store import OxigraphStore, open_store
from newskg.vocab import ID

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
    res = resolve(readings, known)
    graphs = build_nquads(readings, res)
    nq = "".join(graphs.values())
    derived = derived_nquads(OxigraphStore.in_memory(nq))
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
            for old, new, _label in res.renames:
                st.update(rename_update(str(entity_iri(old)), str(entity_iri(new))))
            for key, name, note in res.stored_notes:
                st.update(note_update(str(entity_iri(key)), name, note))
            for r in readings:
                iri = str(article_iri(r.article.id))
                st.replace_graph(iri, graphs.get(iri, ""))
            st.update(f"DROP SILENT GRAPH <{ID['graph/incidents']}>")  # where stores before 0.2 kept derived facts
            # what several articles support together, from every article the store now holds
            st.replace_graph(str(DERIVED), derived_nquads(st))
        finally:
            st.close()
        report.store = str(store)
    if output is not None:
        fmt = format_for(output)
        write_atomic(output, serialize(report.dataset if fmt == "jsonld" else None, fmt, nquads=report.nquads))
        report.output = output
    return report


def rename_update(old: str, new: str) -> str:
    """One SPARQL update that renames a stored node everywhere (its labels are derived again after)."""
    return f"""DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?s2 ?p ?o2 }} }}
WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?s = <{old}> || ?o = <{old}>) }}
  BIND(IF(?s = <{old}>, <{new}>, ?s) AS ?s2) BIND(IF(?o = <{old}>, <{new}>, ?o) AS ?o2) }}"""


def note_update(entity: str, name: str, note: str) -> str:
    """One SPARQL update giving a merge note to the stored entity reports that use ``name`` for
    ``entity`` (where a build of all articles at once would have put it)."""
    return f"""PREFIX nkg: <https://w3id.org/newskg/ontology#>
INSERT {{ GRAPH ?g {{ ?d nkg:mergeNote {json.dumps(note)} }} }}
WHERE {{ GRAPH ?g {{ ?d nkg:about <{entity}> ; nkg:name ?n FILTER(STR(?n) = {json.dumps(name)}) }} }}"""


def known_entities(store: str | Path, rebuilding: set[str]) -> Resolution | None:
    """The entities a store's articles (outside those being rebuilt) describe, so new articles
    resolve against them."""
    if not Path(str(store)).exists() and not str(store).startswith("http"):
        return None
    if not str(store).startswith("http") and not (Path(str(store)) / "CURRENT").is_file():
        return None
    st = open_store(store, read_only=True)  # reading only: no flush, no files written
    try:
        res = stored_entities(st, frozenset(str(article_iri(a)) for a in rebuilding))
    finally:
        st.close()
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


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)  # article graph IRIs
    errors: list[str] = field(default_factory=list)


_ARTICLE_VALUES = "SELECT ?a ?v WHERE { GRAPH ?a { ?a ?p ?v } }"


def _targets(st, targets: list[str], report: RemoveReport) -> list[str]:
    """The stored article graphs ``targets`` name: a file (its id computed as ingest computes
    it), a URL (an article whose metadata holds it) or an article id or IRI."""
    stored = set(st.graphs())
    values: dict[str, set[str]] | None = None
    found: list[str] = []
    for t in targets:
        iris: set[str] = set()
        if Path(t).is_file():
            for item in read_articles([Path(t)]):
                if isinstance(item, IngestError):
                    report.errors.append(str(item))
                else:
                    iris.add(str(article_iri(item.id)))
        elif t.startswith(("http://", "https://")) and t not in stored:
            if values is None:
                rows = st.query(_ARTICLE_VALUES)
                values = {}
                for row in rows if isinstance(rows, list) else []:
                    values.setdefault(str(row["v"]), set()).add(str(row["a"]))
            iris = {a for a in values.get(t, set()) if a in stored}
        else:
            iris = {t if t in stored else str(article_iri(t))}
        iris = {i for i in iris if i in stored and i != str(DERIVED)}
        if not iris:
            report.errors.append(f"{t}: no such article in the store")
        found.extend(sorted(iris - set(found)))
    return found


def remove(targets: list[str], store: str | Path) -> RemoveReport:
    """Take articles out of ``store`` (by file, URL, id or IRI) and derive again what depended on
    them: what only they said is gone, as if they had never been built."""
    report = RemoveReport()
    if not str(store).startswith(("http://", "https://")) and not Path(str(store)).exists():
        raise ValueError(f"{store}: no store here; run 'newskg build' first")
    st = open_store(store)
    try:
        iris = _targets(st, targets, report)
        if iris:
            # the IRIs are the store's own graph names, never the user's text
            st.update(" ;\n".join(f"DROP GRAPH <{iri}>" for iri in iris))
            st.replace_graph(str(DERIVED), derived_nquads(st))
        report.removed = iris
    finally:
        st.close()
    return report
