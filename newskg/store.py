"""Store: where graphs live. pyoxigraph's on-disk store is the embedded default.

One named graph per article; queries see the union of all graphs as the default graph.
Rebuilding an article replaces its graph in one transaction (a SPARQL update), so what was
stored before is never half-written. ``open_store`` picks a backend by name, like rdflib's
plugins: ``oxigraph`` (a folder) or ``sparql`` (a remote SPARQL 1.1 endpoint, ``http…`` URL).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

__all__ = ["Store", "OxigraphStore", "RemoteStore", "open_store", "StoreError", "is_store"]


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message is one line for the user."""


class Store(Protocol):
    def replace_graph(self, graph_iri: str, nquads: str) -> None: ...
    def update(self, sparql: str) -> None: ...
    def query(self, sparql: str) -> list[dict[str, str | None]] | bool | str: ...
    def dump_nquads(self) -> str: ...
    def graphs(self) -> list[str]: ...
    def close(self) -> None: ...


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

    def __init__(self, path: Path | None):
        import pyoxigraph

        self._ox = pyoxigraph
        if path is None:
            self.store = pyoxigraph.Store()
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
        triples = _nt_of(nquads, graph_iri)
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{triples}}} }}"
        self.store.update(update)

    def update(self, sparql: str) -> None:
        self.store.update(sparql)

    def query(self, sparql: str):
        result = self.store.query(sparql, use_default_graph_as_union=True)
        if isinstance(result, bool):
            return result
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
        self.store.flush()
        del self.store


def _term(t) -> str | None:
    if t is None:
        return None
    return t.value


class RemoteStore:
    """A SPARQL 1.1 endpoint (query at URL/query, update at URL/update, oxigraph's layout)."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")

    def _post(self, path: str, body: str, content_type: str, accept: str) -> bytes:
        import urllib.error
        import urllib.request

        req = urllib.request.Request(f"{self.url}/{path}", data=body.encode(), method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.read()
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{self.url}: SPARQL endpoint not reachable ({exc})") from exc

    def replace_graph(self, graph_iri: str, nquads: str) -> None:
        triples = _nt_of(nquads, graph_iri)
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{triples}}} }}"
        self._post("update", update, "application/sparql-update", "*/*")

    def update(self, sparql: str) -> None:
        self._post("update", sparql, "application/sparql-update", "*/*")

    def query(self, sparql: str):
        import json

        data = json.loads(self._post("query", sparql, "application/sparql-query", "application/sparql-results+json"))
        if "boolean" in data:
            return bool(data["boolean"])
        names = data["head"]["vars"]
        return [{n: (row[n]["value"] if n in row else None) for n in names} for row in data["results"]["bindings"]]

    def dump_nquads(self) -> str:
        raise StoreError("exporting from a remote store is not supported; query it instead")

    def graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(rows, list)
        return sorted(str(r["g"]) for r in rows)

    def close(self) -> None:
        pass


def open_store(where: str | Path) -> Store:
    """Open a store by location: a folder (embedded oxigraph) or an http(s) SPARQL endpoint."""
    text = str(where)
    if text.startswith(("http://", "https://")):
        return RemoteStore(text)
    return OxigraphStore(Path(text))

