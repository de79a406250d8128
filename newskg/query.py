"""Query: SPARQL over the store (union of article graphs), saved queries by name, and stats.

Stage: query. In: a store location and SPARQL text (a user's, or a saved query with values to
bind). Out: rows, a boolean or triples. A user's query goes through ``guard.check`` (SERVICE,
LOAD, updates, foreign FROM, oversize and deep input refused) and runs in a worker process with
a time limit and a row cap (``runner``); the program's own queries (views, explain, stats) run
in this process on a read-only opening of the store. Values are bound as variables, never
pasted into the text. The ontology's prefixes are predeclared (``guard.PREFIXES``).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from newskg.guard import Limits, QueryRefused, precheck, substitute
from newskg.paths import QUERIES
from newskg.runner import Result, Runner, execute, read

__all__ = ["run_query", "ask", "bind", "saved_query", "load_query", "list_queries", "format_rows", "format_table",
           "stats", "QueryRefused", "Limits"]


def list_queries() -> list[tuple[str, str]]:
    """(name, first comment line) of each saved query."""
    out = []
    for path in sorted((p for p in QUERIES.iterdir() if p.name.endswith(".rq")), key=lambda p: p.name):
        first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
        out.append((path.name[:-3], first))
    return out


def load_query(name: str, entity: str | None = None) -> str:
    """The text of saved query ``name``; with ``entity``, ``?ENTITY`` bound to it (see ``bind``)."""
    path = QUERIES / f"{name}.rq"
    if name not in {n for n, _ in list_queries()}:
        raise ValueError(f"no saved query {name!r}; 'newskg queries' lists them")
    text = path.read_text(encoding="utf-8")
    return bind(text, {"ENTITY": entity}) if entity is not None else text


def saved_query(name: str, entity: str | None = None) -> tuple[str, dict]:
    """A saved query's text and the values to bind in it (``?ENTITY`` → ``entity``)."""
    text = load_query(name)
    if not re.search(r"[?$]ENTITY\b", text):
        return text, {}
    if not entity:
        raise ValueError(f"query {name!r} needs --entity NAME")
    return text, {"ENTITY": entity}


def _check_store(store: str | Path) -> str:
    where = str(store)
    if not where.startswith(("http://", "https://")) and not (Path(where) / "CURRENT").is_file():
        raise ValueError(f"{where}: no store here; run 'newskg build' first")
    return where


def _plain(t) -> str | None:
    return None if t is None else t.value


def bind(sparql: str, bindings: dict | None) -> str:
    """``sparql`` with each variable in ``bindings`` replaced by its value written by pyoxigraph
    (``str`` values become plain literals; pyoxigraph terms are written as they are), so no
    value can change the query's structure."""
    import pyoxigraph as ox

    terms = {k: _plain_backslashes(str(ox.Literal(v) if isinstance(v, str) else v)) for k, v in (bindings or {}).items()}
    return substitute(sparql, terms)


def _plain_backslashes(term: str) -> str:
    r"""A written term where no escaped backslash is followed by ``u``/``U``: SPARQL expands
    ``\uXXXX`` before parsing and parsers disagree on ``\\u0049``, so that ``u`` is written
    ``\u0075`` (the same value for every parser)."""
    out, i = [], 0
    while i < len(term):
        if term[i] == "\\":
            pair = term[i : i + 2]
            out.append(pair)
            i += 2
            if pair == "\\\\" and i < len(term) and term[i] in "uU":
                out.append("\\U00000075" if term[i] == "u" else "\\U00000055")
                i += 1
        else:
            out.append(term[i])
            i += 1
    return "".join(out)


def run_query(store: str | Path, sparql: str, bindings: dict | None = None):
    """The program's own query, in process on a read-only store: rows as dicts, a bool or N-Triples.

    ``bindings`` maps variable names to values (``str`` is a plain literal).
    """
    import pyoxigraph as ox

    where = _check_store(store)
    text = bind(sparql, bindings)
    if not where.startswith(("http://", "https://")):
        return read(where, text, _answer)
    res = execute(where, text, "query", 0)
    if res.kind == "ask":
        return bool(res.boolean)
    if res.kind == "select":
        return [{n: _plain(t) for n, t in zip(res.variables, row, strict=True)} for row in res.rows]
    out = ox.serialize(list(res.triples), format=ox.RdfFormat.N_TRIPLES) or b""
    return out.decode()


def _answer(res) -> list[dict[str, str | None]] | bool | str:
    """A pyoxigraph answer as ``run_query`` gives it, read straight from the engine's iterator."""
    import pyoxigraph as ox

    if isinstance(res, (ox.QueryBoolean, bool)):
        return bool(res)
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        return [{n: _plain(sol[n]) for n in names} for sol in res]
    triples = (t.triple if isinstance(t, ox.Quad) else t for t in res)
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()


def ask(store: str | Path, sparql: str, limits: Limits | None = None, bindings: dict | None = None,
        runner: Runner | None = None) -> Result:
    """A user's query: checked, then run in a worker within ``limits`` (see module doc)."""
    limits = limits or Limits()
    where = _check_store(store)
    text = bind(sparql, bindings)
    precheck(text, limits)
    own = runner is None
    runner = runner or Runner(where, workers=1, timeout=limits.timeout, start_method="fork")
    try:
        return runner.run(text, "query", limits.max_rows, timeout=limits.timeout, guard={"limits": limits})
    finally:
        if own:
            runner.close()


def format_rows(result: Result, fmt: str = "table", width: int | None = None) -> str:
    """A Result as text: ``table``, ``json`` (rows as objects), ``srj`` (SPARQL JSON) or a results.py format."""
    from newskg.results import serialize

    fmt = {"srj": "json", "json": "rows"}.get(fmt, fmt)
    if result.kind in ("construct", "describe"):
        return serialize(result, "turtle" if fmt == "table" else fmt)[0].decode()
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n" if fmt in ("table", "rows") else serialize(result, fmt)[0].decode()
    if fmt == "rows":
        rows = [{n: _plain(t) for n, t in zip(result.variables, row, strict=True)} for row in result.rows]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt != "table":
        return serialize(result, fmt)[0].decode()
    return format_table(result.variables, [[_short(_plain(t)) for t in row] for row in result.rows], width)


def format_table(names, cells: list[list[str]], width: int | None = None) -> str:
    """Columns that fit ``width`` characters (the terminal's by default; 0 = never cut)."""
    if not cells:
        return "(no results)\n"
    if width is None:
        width = shutil.get_terminal_size((120, 24)).columns
    natural = [max(len(n), *(len(c[i]) for c in cells)) for i, n in enumerate(names)]
    widths = list(natural)
    room = width - 2 * (len(names) - 1)
    while width and sum(widths) > room and max(widths) > 8:
        i = widths.index(max(widths))
        widths[i] -= 1
    lines = ["  ".join(_fit(n, w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for c in cells:
        lines.append("  ".join(_fit(v, w) for v, w in zip(c, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _fit(value: str, w: int) -> str:
    return value.ljust(w) if len(value) <= w else value[: max(0, w - 1)] + "…"


def _short(value: str | None) -> str:
    if value is None:
        return ""
    value = re.sub(r"\s+", " ", value)
    return value.replace("https://w3id.org/newskg/id/", "")


def stats(store: str | Path) -> list[tuple[str, int]]:
    q = """SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c . FILTER(STRSTARTS(STR(?c), STR(nkg:))) } GROUP BY ?c ORDER BY ?c"""
    rows = run_query(store, q)
    assert isinstance(rows, list)
    out = [(str(r["c"]).split("#")[-1], int(r["n"] or 0)) for r in rows]
    li = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a nkg:locatedIn ?b } }")
    assert isinstance(li, list)
    out.append(("locatedIn pairs", int(li[0]["n"] or 0)))
    return out
