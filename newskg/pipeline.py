"""Pipeline: ingest -> extract -> resolve -> build -> store, composed; the CLI is thin over it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from newskg.build import article_iri, build_nquads, entity_iri
from newskg.derive import CONTAINS, DERIVED, derived_nquads, stored_entities
from newskg.export import dataset_from_nquads, format_for, serialize, write_atomic
from newskg.extract import extract_many
from newskg.incident_match import assign
from newskg.ingest import DEFAULT_MAX_BYTES, IngestError, read_articles
from newskg.ingest.ids import canonical_url
from newskg.models import Article, Reading, coarse
from newskg.rederive import rederive
from newskg.rekey import rekey
from newskg.resolve import Resolution, resolve
from newskg.restore import Settled, settle, settle_store
from newskg.store import OxigraphStore, open_store, writing
from newskg.vocab import ID

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
                stored: dict[str, str] | Callable[[set[str]], dict[str, str]] | None = None) -> list[Article]:
    """The articles under ``paths``, one per identity: the same URL or the same text (also one the
    store holds under another id, ``stored``: content hash -> article id, or the function giving
    it for the hashes read) is built once; two different texts that would get one id are an
    error. Errors and warnings go to ``report``."""
    arts: dict[str, Article] = {}
    items = list(read_articles(paths, max_bytes))
    if callable(stored):
        stored = stored({i.digest for i in items if not isinstance(i, IngestError)})
    by_digest = dict(stored or {})
    for item in items:
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


def stored_hashes(store: str | Path | None, digests: set[str] | None = None) -> dict[str, str]:
    """Content hash -> id of the articles a store holds (none for a store not made yet); with
    ``digests``, of those hashes alone (an indexed look-up, however large the store)."""
    if store is None or (not Path(str(store)).exists() and not str(store).startswith("http")):
        return {}
    if Path(str(store)).is_dir() and not any(Path(str(store)).iterdir()):
        return {}  # an empty folder: no store yet (opening it would make one)
    query = STORED_HASHES
    if digests is not None:
        import pyoxigraph as ox

        values = " ".join(str(ox.Literal(d)) for d in sorted(digests))
        query = query.replace("WHERE {", f"WHERE {{ VALUES ?h {{ {values} }}", 1)
    st = open_store(store)
    try:
        rows = st.query(query)
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
    articles = read_inputs(paths, report, max_bytes, lambda digests: stored_hashes(store, digests))
    show = sys.stderr.isatty() if progress is None else progress
    readings = _progress(articles, _readings(articles, nlp, report), show)
    ours = {str(article_iri(r.article.id)) for r in readings}
    settled = _settle(store, readings) if readings else None
    incident_renames: dict[str, str] = {}
    derived: str | None = None
    if settled is not None:  # the stored articles these reach resolved again with them (restore.py)
        res = settled.res
        graphs = {iri: settled.graphs[iri] for iri in sorted(ours)}
        if settled.whole and len(settled.graphs) == len(graphs):
            derived = settled.derived
    else:  # a store an older newskg made: these articles resolved against its entities
        known = known_entities(store, {r.article.id for r in readings}) if store is not None and readings else None
        stored_incidents, contains = _stored_context(store, readings, known)
        res = resolve(readings, known)
        res.incident_of, incident_renames = assign(readings, res, stored_incidents, contains, prefix=str(entity_iri("")),
                                                   renames_of={old: new for old, new, _ in res.renames})
        graphs = build_nquads(readings, res)
    report.articles = len(readings)
    named = {key for (aid, _), key in res.of_mention.items() if str(article_iri(aid)) in ours}
    for key in sorted(named):
        report.entities[res.entities[key].cls] += 1
    report.statements = sum(len(r.statements) for r in readings)
    report.incidents = sum(len(r.incidents) for r in readings)
    report.memberships = sum(len(r.memberships) for r in readings)
    if store is not None and readings:
        with writing(store) as st:  # a new store is made aside and moved into place when done
            if settled is not None:
                _write(st, settled.graphs, settled.derived)
            else:
                _update_older(st, res, incident_renames, graphs)
        report.store = str(store)
    nq = "".join(graphs.values())
    if derived is None:  # what these articles support together
        derived = derived_nquads(OxigraphStore.in_memory(nq))
    report.nquads = nq + derived
    if output is not None:
        fmt = format_for(output)
        write_atomic(output, serialize(report.dataset if fmt == "jsonld" else None, fmt, nquads=report.nquads))
        report.output = output
    return report


def _write(st, graphs: dict[str, str], derived: str | None, drop: list[str] | None = None) -> None:
    """Take the graphs ``drop`` out, write the graphs ``settle_store`` made (only what differs is
    written) and the derived graph (``None``: patched where these graphs touch it, ``rederive``)."""
    if isinstance(st, OxigraphStore) and st.fresh and derived is not None:  # nothing stored yet: every graph at once
        st.add_graphs("".join(text for _, text in sorted(graphs.items())) + derived)
        return
    before = [st.graph_nquads(iri) for iri in sorted(set(graphs) | set(drop or ()))] if derived is None else []
    if drop:  # the IRIs are the store's own graph names, never the user's text
        st.update(" ;\n".join(f"DROP GRAPH <{iri}>" for iri in drop))
    for iri, text in sorted(graphs.items()):
        st.replace_graph(iri, text)
    st.update(f"DROP SILENT GRAPH <{ID['graph/incidents']}>")  # where stores before 0.2 kept derived facts
    if derived is not None:
        st.replace_graph(str(DERIVED), derived)
    else:
        rederive(st, before, list(graphs.values()))


def _update_older(st, res: Resolution, incident_renames: dict[str, str], graphs: dict[str, str]) -> None:
    """A store with articles an older newskg built: rename what this build renames, write these
    articles' graphs, make keys again and derive."""
    for old, new, _label in res.renames:
        st.update(rename_update(str(entity_iri(old)), str(entity_iri(new))))
    for key, name, note in res.stored_notes:
        st.update(note_update(str(entity_iri(key)), name, note))
    for old_iri, new_iri in sorted(incident_renames.items()):
        st.update(rename_update(old_iri, new_iri))  # reports of one event, joined across outlets
    for iri, text in sorted(graphs.items()):
        st.replace_graph(iri, text)
    st.update(f"DROP SILENT GRAPH <{ID['graph/incidents']}>")
    rekey(st)  # the IRIs all the store's articles give together, whatever their order
    for iri in graphs:
        graphs[iri] = st.graph_nquads(iri)
    st.replace_graph(str(DERIVED), derived_nquads(st))


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


def _stored_context(store, readings: list[Reading], known: Resolution | None) -> tuple[list, list]:
    """The store's incident reports (outside the articles being rebuilt) and its ``locatedIn``
    pairs, for joining new reports to the events already stored."""
    if store is None or known is None:
        return [], []
    from newskg.incident_match import STORED

    skip = ", ".join(f"<{article_iri(r.article.id)}>" for r in sorted(readings, key=lambda r: r.article.id)) or "<urn:x-none>"
    st = open_store(store)
    try:
        incidents, contains = st.query(STORED % skip), st.query(CONTAINS)
    finally:
        st.close()
    assert isinstance(incidents, list) and isinstance(contains, list)
    return incidents, contains


def _settle(store, readings: list[Reading]) -> Settled | None:
    """What building ``readings`` into ``store`` writes (``restore.settle_store``; no store yet:
    these articles alone); ``None`` where a stored article has no record (an older store) and
    resolution cannot be run again."""
    if store is None or (not str(store).startswith("http") and not (Path(str(store)) / "CURRENT").is_file()):
        res, graphs, derived = settle(readings, {})
        return Settled(res, graphs, derived, True)
    st = open_store(store, read_only=True)
    try:
        return settle_store(st, readings)
    finally:
        st.close()


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
            by_hash: dict[str, set[str]] = {}
            for row in st.query(STORED_HASHES) or []:
                by_hash.setdefault(str(row["h"]), set()).add(str(row["a"]))
            for item in read_articles([Path(t)]):
                if isinstance(item, IngestError):
                    report.errors.append(str(item))
                else:  # its id as a file of its own, or the stored article with its text (built from a folder)
                    iris.add(str(article_iri(item.id)))
                    iris |= by_hash.get(item.digest, set())
        elif t.startswith(("http://", "https://")) and t not in stored:
            if values is None:
                rows = st.query(_ARTICLE_VALUES)
                values = {}
                for row in rows if isinstance(rows, list) else []:
                    values.setdefault(str(row["v"]), set()).add(str(row["a"]))
            iris = {a for a in values.get(t, set()) | values.get(canonical_url(t) or t, set()) if a in stored}
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
            # what the articles the removed ones reach give resolved again (restore.py)
            settled = settle_store(st, [], frozenset(iris))
            if settled is not None:
                _write(st, settled.graphs, settled.derived, iris)
            else:  # an older store: the IRIs the remaining articles give, their earlier decisions standing
                st.update(" ;\n".join(f"DROP GRAPH <{iri}>" for iri in iris))
                rekey(st)
                st.replace_graph(str(DERIVED), derived_nquads(st))
        report.removed = iris
    finally:
        st.close()
    return report
