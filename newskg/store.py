"""Store: where graphs live. pyoxigraph's on-disk store is the embedded default.

One named graph per article; queries see the union of all graphs as the default graph.
Rebuilding an article replaces its graph in one transaction (a SPARQL update), so what was
stored before is never half-written. ``open_store`` picks a backend by name, like rdflib's
plugins: ``oxigraph`` (a folder) or ``sparql`` (a remote SPARQL 1.1 endpoint, ``http…`` URL).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

__all__ = ["Store", "OxigraphStore", "RemoteStore", "open_store", "writing", "StoreError", "is_store",
           "remote_location", "LAYOUTS"]


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message is one line for the user."""


class Store(Protocol):
    def replace_graph(self, graph_iri: str, nquads: str) -> None: ...
    def update(self, sparql: str) -> None: ...
    def query(self, sparql: str) -> list[dict[str, str | None]] | bool | str: ...
    def dump_nquads(self) -> str: ...
    def graph_nquads(self, graph_iri: str) -> str: ...
    def graphs(self) -> list[str]: ...
    def close(self) -> None: ...


def select_rows(st, sparql: str) -> list[dict]:
    """The rows of a SELECT query on ``st`` (a store's ``query`` also answers ASK and CONSTRUCT)."""
    rows = st.query(sparql)
    assert isinstance(rows, list)
    return rows


def iri_list(iris) -> str:
    """IRIs as SPARQL terms, sorted and space-separated (for a ``VALUES`` block)."""
    return " ".join(f"<{i}>" for i in sorted(iris))


def _nt_of(nquads: str, graph_iri: str) -> str:
    """The triples of one graph's N-Quads as N-Triples (drop the graph term)."""
    suffix = f" <{graph_iri}> .\n"
    out = []
    for line in nquads.splitlines(keepends=True):
        if not line.strip():
            continue
        if not line.endswith("\n"):
            line += "\n"
        if line.endswith(suffix):
            out.append(line[: -len(suffix)] + " .\n")
        else:
            out.append(line)
    return "".join(out)


MARKER = "newskg-store"


def is_store(path: Path) -> bool:
    """Does ``path`` hold a newskg store (our marker, or an Oxigraph RocksDB folder made before it)?"""
    if (path / MARKER).is_file():
        return True
    return (path / "CURRENT").is_file() and any(path.glob("MANIFEST-*"))


def _claim(path: Path) -> None:
    """Make ``path`` a store folder, refusing one that holds anything else (the user's files)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a folder; --store needs a new or empty folder or a newskg store")
    if path.is_dir() and any(path.iterdir()) and not is_store(path):
        raise StoreError(f"{path}: neither empty nor a newskg store; give --store a new or empty folder")
    path.mkdir(parents=True, exist_ok=True)
    marker = path / MARKER
    if not marker.exists():
        marker.write_text("This folder is a newskg store (Oxigraph's RocksDB files). Use newskg to change it.\n",
                          encoding="utf-8")


class OxigraphStore:
    """pyoxigraph's RocksDB store in a folder."""

    fresh = False  # a store made by this process that no one else reads yet (``writing``)

    def __init__(self, path: Path | None, read_only: bool = False):
        import pyoxigraph

        self._ox = pyoxigraph
        self.read_only = read_only
        if path is None:
            self.store = pyoxigraph.Store()
            return
        if read_only:
            if not (path / "CURRENT").is_file():
                raise StoreError(f"{path}: no store here; run 'newskg build' first")
            try:
                self.store = pyoxigraph.Store.read_only(str(path))
            except OSError as exc:
                raise StoreError(f"{path}: cannot read the store ({exc})") from exc
            return
        _claim(path)
        try:
            self.store = pyoxigraph.Store(str(path))
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc

    @classmethod
    def in_memory(cls, nquads: str) -> OxigraphStore:
        """A store in memory holding ``nquads`` (to query a build before or without a disk store)."""
        st = cls(None)
        if nquads:
            st.store.load(nquads.encode(), format=st._ox.RdfFormat.N_QUADS)
        return st

    def replace_graph(self, graph_iri: str, nquads: str) -> None:
        """Make graph ``graph_iri`` hold exactly ``nquads``, in one update that deletes and inserts
        only what differs (an unchanged graph is not written at all)."""
        ox = self._ox
        name = ox.NamedNode(graph_iri)
        new = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}
        old = {ox.Triple(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, name)}
        if not old:  # a new graph: one transaction adding its quads, no SPARQL text to write and parse
            self.store.extend([ox.Quad(t.subject, t.predicate, t.object, name) for t in new])
            return
        parts = []
        for verb, triples in (("DELETE", old - new), ("INSERT", new - old)):
            if triples:
                text = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
                body = text.decode() if isinstance(text, bytes) else str(text)
                parts.append(f"{verb} DATA {{ GRAPH <{graph_iri}> {{\n{body}}} }}")
        if parts:
            self.store.update(" ;\n".join(parts))

    def add_graphs(self, nquads: str) -> None:
        """Add the quads of graphs the store does not hold yet: with Oxigraph's bulk loader when the
        store is ``fresh`` (a failed load is never seen: ``writing`` drops the folder), else in one
        transaction."""
        if not nquads:
            return
        data, fmt = nquads.encode(), self._ox.RdfFormat.N_QUADS
        if self.fresh:
            self.store.bulk_load(data, format=fmt)
        else:
            self.store.load(data, format=fmt)

    def update(self, sparql: str) -> None:
        self.store.update(sparql)

    def query(self, sparql: str):
        from newskg.guard import PREFIXES

        result = self.store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        if isinstance(result, bool):
            return result
        if isinstance(result, getattr(self._ox, "QueryBoolean", bool)):
            return bool(result)
        if isinstance(result, self._ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = []
            for sol in result:
                rows.append({n: _term(sol[n]) for n in names})
            return rows
        out = self._ox.serialize(result, format=self._ox.RdfFormat.N_TRIPLES)  # type: ignore[arg-type]
        return out.decode() if isinstance(out, bytes) else str(out or "")

    def dump_nquads(self) -> str:
        data = self.store.dump(format=self._ox.RdfFormat.N_QUADS)
        return data.decode() if isinstance(data, bytes) else str(data or "")

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def graph_nquads(self, graph_iri: str) -> str:
        data = self.store.dump(format=self._ox.RdfFormat.N_QUADS, from_graph=self._ox.NamedNode(graph_iri))
        text = data.decode() if isinstance(data, bytes) else str(data or "")
        return "".join(line[:-2] + f" <{graph_iri}> .\n" for line in text.splitlines() if line.strip())

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()
        del self.store


def _term(t) -> str | None:
    if t is None:
        return None
    return t.value


#: Where a SPARQL server answers, relative to the URL given as ``--store``: (query, update, Graph
#: Store Protocol). Oxigraph: the server's root; Fuseki: the dataset (``http://h:3030/ds``);
#: GraphDB: the repository (``http://h:7200/repositories/news``).
LAYOUTS = {
    "oxigraph": ("query", "update", "store"),
    "fuseki": ("sparql", "update", "data"),
    "graphdb": ("", "statements", "rdf-graphs/service"),
}
_ENDPOINTS = ("layout", "query", "update", "gsp")


def remote_location(url: str, layout: str | None = None, query_url: str | None = None,
                    update_url: str | None = None, gsp_url: str | None = None) -> str:
    """The location of a remote store with its endpoints: ``url`` with the choices in its fragment
    (``http://h:3030/ds#layout=fuseki``), a plain string every stage passes on as it is.
    Endpoint URLs may be absolute or relative to ``url``."""
    from urllib.parse import parse_qsl, urlencode

    base, _, frag = url.partition("#")
    given = dict(parse_qsl(frag))
    for name, value in zip(_ENDPOINTS, (layout, query_url, update_url, gsp_url), strict=True):
        if value:
            given[name] = value
    if given.get("layout", "oxigraph") not in LAYOUTS:
        raise ValueError(f"unknown store layout {given['layout']!r}; one of {', '.join(LAYOUTS)}, "
                         "or give --query-url, --update-url and --gsp-url")
    return base + ("#" + urlencode(sorted(given.items())) if given else "")


class RemoteStore:
    """A SPARQL 1.1 server: queries, updates and the Graph Store Protocol at the URLs of its
    layout (``LAYOUTS``; Oxigraph's by default: URL/query, URL/update, URL/store) or as given
    (``remote_location``). Each article's graph is replaced with one PUT. Queries expect the
    server's default graph to be the union of its graphs (``oxigraph serve --union-default-graph``,
    Fuseki's ``unionDefaultGraph``)."""

    def __init__(self, url: str, timeout: float = 60.0):
        from urllib.parse import parse_qsl, urljoin

        remote_location(url)  # an unknown layout is refused here too
        base, _, frag = url.partition("#")
        given = dict(parse_qsl(frag))
        self.url = base.rstrip("/")
        paths = LAYOUTS[given.get("layout", "oxigraph")]
        self.query_url, self.update_url, self.gsp_url = (
            urljoin(self.url + "/", given[name]) if given.get(name) else (f"{self.url}/{path}".rstrip("/"))
            for name, path in zip(("query", "update", "gsp"), paths, strict=True))
        self.timeout = timeout

    def _call(self, method: str, url: str, body: str | None, content_type: str | None, accept: str) -> bytes:
        return self._exchange(method, url, body, content_type, accept)[0]

    def _exchange(self, method: str, url: str, body: str | None, content_type: str | None,
                  accept: str) -> tuple[bytes, str]:
        import urllib.error
        import urllib.request

        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(url, data=None if body is None else body.encode(),
                                     method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"{url.split('?')[0]}: {exc.code} {detail[0] if detail else exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{self.url}: SPARQL server not reachable ({exc})") from exc

    def _graph_url(self, graph_iri: str) -> str:
        from urllib.parse import quote

        return self.gsp_url + ("&" if "?" in self.gsp_url else "?") + "graph=" + quote(graph_iri, safe="")

    def replace_graph(self, graph_iri: str, nquads: str) -> None:
        self._call("PUT", self._graph_url(graph_iri), _nt_of(nquads, graph_iri), "application/n-triples", "*/*")

    def update(self, sparql: str) -> None:
        from newskg.guard import prologue

        self._call("POST", self.update_url, prologue() + sparql, "application/sparql-update", "*/*")

    def run(self, sparql: str, kind: str, max_rows: int = 0):
        """Run a query on the server; a ``runner.Result`` with at most ``max_rows`` rows."""
        import time

        import pyoxigraph as ox

        from newskg.guard import prologue
        from newskg.runner import collect

        start = time.perf_counter()
        text = prologue() + sparql
        accept = {"construct": "application/n-triples", "describe": "application/n-triples",
                  "select": "application/sparql-results+json", "ask": "application/sparql-results+json"}
        body, got = self._exchange("POST", self.query_url, text, "application/sparql-query",
                                   accept.get(kind, "application/sparql-results+json, application/n-triples;q=0.9"))
        parsed: Any
        if "n-triples" in got:
            parsed = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        else:
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        return collect(parsed, kind, max_rows, time.perf_counter() - start)

    def query(self, sparql: str):
        res = self.run(sparql, "query")
        if res.kind == "ask":
            return bool(res.boolean)
        if res.kind == "select":
            return [{n: _term(t) for n, t in zip(res.variables, row, strict=True)} for row in res.rows]
        import pyoxigraph as ox

        return (ox.serialize(list(res.triples), format=ox.RdfFormat.N_TRIPLES) or b"").decode()

    def graph_nquads(self, graph_iri: str) -> str:
        data = self._call("GET", self._graph_url(graph_iri), None, None, "application/n-triples").decode()
        return "".join(line.rstrip()[:-1].rstrip() + f" <{graph_iri}> .\n" for line in data.splitlines()
                       if line.strip() and not line.startswith("#"))

    def dump_nquads(self) -> str:
        return "".join(self.graph_nquads(g) for g in self.graphs())

    def graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(rows, list)
        return sorted(str(r["g"]) for r in rows)

    def close(self) -> None:
        pass


@contextmanager
def writing(where: str | Path) -> Iterator[Store]:
    """The store at ``where`` open for writing, closed after. A local store made new here (the
    folder missing or empty) is written in a hidden folder beside it and renamed into place when
    all went well: a failed build leaves no half-made store, and as no one reads the folder
    meanwhile, graphs go in with the bulk loader (``OxigraphStore.fresh``)."""
    text, path = str(where), Path(str(where))
    if text.startswith(("http://", "https://")) or (path.exists() and not (path.is_dir() and not any(path.iterdir()))):
        st = open_store(where)
        try:
            yield st
        finally:
            st.close()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.building"
    try:
        made = OxigraphStore(tmp)
        made.fresh = True
        try:
            yield made
        finally:
            made.close()
        try:
            os.replace(tmp, path)  # over an empty folder given as the store, too
        except OSError as exc:
            raise StoreError(f"{path}: the store was made by another process meanwhile ({exc.strerror})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def open_store(where: str | Path, read_only: bool = False) -> Store:
    """Open a store by location: a folder (embedded oxigraph) or an http(s) SPARQL endpoint.

    ``read_only`` opens a folder beside a process that writes it (a build) and on a read-only disk.
    """
    text = str(where)
    if text.startswith(("http://", "https://")):
        return RemoteStore(text)
    return OxigraphStore(Path(text), read_only=read_only)

