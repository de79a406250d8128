"""Runner: run users' queries in worker processes that can be stopped.

Stage: query / serve. In: a checked SPARQL text (see ``guard``), the store's location and the
limits. Out: a ``Result`` (variables and at most ``max_rows`` rows, a boolean, or triples) with
``truncated`` saying when rows were cut. Each query runs in a worker process that opens the
store read-only (so queries run beside a build that writes it, and on a read-only disk); a query
past its time limit is stopped by killing its worker, a fresh worker takes its place, and the
caller gets ``QueryTimeout``. Engines can crash on hostile input; a crash costs a worker, never
the caller.
"""

from __future__ import annotations

import functools
import importlib
import io
import multiprocessing as mp
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from newskg.guard import PREFIXES, QueryRefused

__all__ = ["Result", "Runner", "QueryTimeout", "execute", "read"]

T = TypeVar("T")


class QueryTimeout(QueryRefused):
    """The query (or the rendering of a view: ``what``) ran past its time limit and was stopped."""

    def __init__(self, seconds: float, what: str = "query"):
        super().__init__(f"{what} stopped after {seconds:g} s (the time limit)", 503)


@dataclass(frozen=True)
class Result:
    """What a query gave: ``kind`` select/ask/construct/describe/update. Rows travel as SPARQL
    TSV (``payload``, one line per row) and triples as N-Triples, both written by pyoxigraph;
    ``variables``, ``rows`` (pyoxigraph terms) and ``triples`` are parsed from it when asked for."""

    kind: str
    payload: bytes = b""
    boolean: bool | None = None
    truncated: bool = False
    elapsed: float = 0.0

    @functools.cached_property
    def _table(self) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
        import pyoxigraph as ox

        if self.kind != "select":
            return (), ()
        sols: Any = ox.parse_query_results(self.payload, format=ox.QueryResultsFormat.TSV)
        names = tuple(v.value for v in sols.variables)
        return names, tuple(tuple(sol[n] for n in names) for sol in sols)

    @property
    def variables(self) -> tuple[str, ...]:
        return self._table[0]

    @property
    def rows(self) -> tuple[tuple, ...]:
        return self._table[1]

    @functools.cached_property
    def triples(self) -> tuple:
        import pyoxigraph as ox

        if self.kind not in ("construct", "describe"):
            return ()
        return tuple(q.triple for q in ox.parse(self.payload, format=ox.RdfFormat.N_TRIPLES))


class _Enough(Exception):
    """Raised inside a serializer's write once the row cap is reached, to stop it."""


class _Capped(io.RawIOBase):
    """A byte sink keeping at most ``lines`` lines (0 = all); ``cut`` says whether it dropped any."""

    def __init__(self, lines: int):
        self.parts: list[bytes] = []
        self.lines = 0
        self.limit = lines
        self.cut = False

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        data = bytes(b)
        n = data.count(b"\n")
        if self.limit and self.lines + n > self.limit:
            end = -1
            for _ in range(self.limit - self.lines):
                end = data.index(b"\n", end + 1)
            self.parts.append(data[: end + 1])
            self.lines, self.cut = self.limit, True
            raise _Enough
        self.parts.append(data)
        self.lines += n
        return len(data)


class _Local:
    """A store folder opened read-only, reopened when its files change (a build wrote it)."""

    def __init__(self, path: str):
        self.path = path
        self.sig: tuple = ()
        self.store = None

    def _signature(self) -> tuple:
        try:
            return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.path)))
        except OSError:
            return ()

    def get(self):
        import pyoxigraph as ox

        if not (Path(self.path) / "CURRENT").is_file():
            raise FileNotFoundError(f"{self.path}: no store here; run 'newskg build' first")
        sig = self._signature()
        if self.store is None or sig != self.sig:
            self.store = None
            for attempt in range(RETRIES):
                try:
                    self.store = ox.Store.read_only(self.path)
                    break
                except Exception as exc:
                    if attempt == RETRIES - 1 or not any(m in str(exc) for m in _MOVED):
                        raise
                    time.sleep(0.05 * (attempt + 1))
            self.sig = sig
        return self.store


_OPENED: dict[str, _Local] = {}
#: How often a read is retried when a writer removed the files it was reading.
RETRIES = 10
_MOVED = ("No such file", "Corruption", "does not exist")


def execute(where: str, sparql: str, kind: str, max_rows: int = 0, guard: dict | None = None) -> Result:
    """Run ``sparql`` on the store at ``where`` in this process (no time limit). With ``guard``
    (``guard.check``'s keyword arguments: ``limits``, ``allow_update``) the text is checked first
    and its kind taken from the parse."""
    import pyoxigraph as ox

    start = time.perf_counter()
    if guard is not None:
        from newskg.guard import check

        kind = check(sparql, graphs=lambda: _graphs(where), **guard).kind
    if where.startswith(("http://", "https://")):
        from newskg.store import RemoteStore

        return RemoteStore(where).run(sparql, kind, max_rows)
    if kind == "update":
        st = ox.Store(where)
        try:
            st.update(sparql, prefixes=PREFIXES)
            st.flush()
        finally:
            del st
        return Result("update", elapsed=time.perf_counter() - start)
    return read(where, sparql, lambda res: collect(res, kind, max_rows, time.perf_counter() - start))


def read(where: str, sparql: str, take: Callable[[Any], T]) -> T:
    """``take`` applied to pyoxigraph's answer to ``sparql`` on the local store at ``where``
    (read-only, union default graph), retried when a writer moved the files being read."""
    local = _OPENED.get(where) or _OPENED.setdefault(where, _Local(where))
    for attempt in range(RETRIES):
        try:
            return take(local.get().query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True))
        except Exception as exc:
            # a writer compacted the files this read-only opening was reading: open again
            if attempt == RETRIES - 1 or not any(m in str(exc) for m in _MOVED):
                raise
            local.store = None
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _graphs(where: str) -> list[str]:
    """The named graphs of the store at ``where`` (for the FROM check)."""
    if where.startswith(("http://", "https://")):
        from newskg.store import RemoteStore

        return RemoteStore(where).graphs()
    local = _OPENED.get(where) or _OPENED.setdefault(where, _Local(where))
    return [g.value for g in local.get().named_graphs() if hasattr(g, "value")]


def collect(res, kind: str, max_rows: int, started: float = 0.0) -> Result:
    """A pyoxigraph answer as a Result, at most ``max_rows`` rows or triples (0 = all). pyoxigraph
    writes the rows (TSV) or triples (N-Triples) into a sink that stops it past the cap."""
    import pyoxigraph as ox

    t0 = time.perf_counter()
    if isinstance(res, (ox.QueryBoolean, bool)):
        return Result("ask", boolean=bool(res), elapsed=started)
    select = isinstance(res, ox.QuerySolutions)
    sink = _Capped(max_rows + 1 if select and max_rows else max_rows)  # TSV has a header line
    try:
        if select:
            res.serialize(sink, format=ox.QueryResultsFormat.TSV)
        else:
            triples = (t.triple if isinstance(t, ox.Quad) else t for t in res)
            ox.serialize(triples, sink, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[arg-type]
    except _Enough:
        pass
    graph_kind = kind if kind in ("construct", "describe") else "construct"
    return Result("select" if select else graph_kind, b"".join(sink.parts), truncated=sink.cut,
                  elapsed=started + time.perf_counter() - t0)


def _serve(conn, where: str) -> None:
    """A worker's loop: answer each request sent down ``conn`` until it closes."""
    import faulthandler

    faulthandler.disable()  # an engine crash is reported by the caller, in one line
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job[0] == "call":  # one of our own functions (a view's rendering), by name
                _, target, kwargs = job
                module, _, name = target.partition(":")
                func = getattr(importlib.import_module(module), name)
                try:
                    out = func(where, **kwargs)
                except Exception as exc:  # raised again in the caller, as it is (a bad focus: ValueError)
                    conn.send(("raise", exc))
                    continue
                conn.send(("ok", out))
            else:
                conn.send(("ok", execute(where, *job[1])))
        except QueryRefused as exc:
            conn.send(("refused", (str(exc), exc.status)))
        except BaseException as exc:  # sent back to the caller as one line
            conn.send(("error", (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")))


class _Worker:
    def __init__(self, ctx, where: str):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, where), daemon=True)
        self.proc.start()
        child.close()

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Runner:
    """A pool of ``workers`` processes answering queries on one store, each within ``timeout``."""

    def __init__(self, where: str | Path, workers: int = 2, timeout: float = 30.0, start_method: str = "spawn"):
        self.where = str(where)
        self.timeout = timeout
        self._ctx = mp.get_context(start_method)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(workers):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.where)
        with self._lock:
            self._all.append(w)
        self._idle.put(w)

    def _retire(self, w: _Worker) -> None:
        w.stop()
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        self._add()

    def run(self, sparql: str, kind: str, max_rows: int = 0, timeout: float | None = None,
            guard: dict | None = None) -> Result:
        """Run in a worker; raise QueryTimeout past the limit, QueryRefused for engine errors."""
        return self._ask(("query", (sparql, kind, max_rows, guard)), timeout, "query")

    def call(self, target: str, timeout: float | None = None, what: str = "view", **kwargs: Any) -> Any:
        """``module:function(where, **kwargs)`` run in a worker within the time limit, like a query
        (rendering the views: a big store or a wide focus must not hold the caller forever)."""
        return self._ask(("call", target, kwargs), timeout, what)

    def _ask(self, job: tuple, timeout: float | None, what: str) -> Any:
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        try:
            w = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryRefused(f"every {what} worker is busy; try again", 503) from None
        try:
            w.conn.send(job)
            ready = w.conn.poll(max(0.0, deadline - time.monotonic()))
            answer = w.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            self._retire(w)
            raise QueryRefused(f"the {what} engine crashed on this {what}" if what == "query" else f"the worker crashed on this {what}", 500) from None
        if answer is None:
            self._retire(w)
            raise QueryTimeout(limit, what)
        self._idle.put(w)
        status, payload = answer
        if status == "ok":
            return payload
        if status == "refused":
            raise QueryRefused(*payload)
        if status == "raise":
            raise payload
        name, message = payload
        raise _engine_error(name, message)

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.stop()


def _engine_error(name: str, message: str) -> QueryRefused:
    if name == "SyntaxError":
        return QueryRefused(f"bad query: {message}", 400)
    if name in ("FileNotFoundError", "StoreError"):
        return QueryRefused(message, 404 if name == "FileNotFoundError" else 502)
    if name == "OSError" and "lock" in message.lower():
        return QueryRefused("the store is being written by another process; try again", 503)
    return QueryRefused(f"query failed: {message or name}", 400 if name == "QueryEvaluationError" else 500)
