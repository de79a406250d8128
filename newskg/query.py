"""Query: SPARQL over the store (union of article graphs), saved queries by name, and stats."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from newskg.paths import QUERIES
from newskg.store import open_store

__all__ = ["run_query", "load_query", "list_queries", "format_rows", "stats"]


def list_queries() -> list[tuple[str, str]]:
    """(name, first comment line) of each saved query."""
    out = []
    for path in sorted((p for p in QUERIES.iterdir() if p.name.endswith(".rq")), key=lambda p: p.name):
        first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
        out.append((path.name[:-3], first))
    return out


def load_query(name: str, entity: str | None = None) -> str:
    path = QUERIES / f"{name}.rq"
    if name not in {n for n, _ in list_queries()}:
        raise ValueError(f"no saved query {name!r}; 'newskg queries' lists them")
    text = path.read_text(encoding="utf-8")
    if "?ENTITY" in text:
        if not entity:
            raise ValueError(f"query {name!r} needs --entity NAME")
        text = text.replace("?ENTITY", json.dumps(entity))
    return text


def run_query(store: str | Path, sparql: str):
    if not Path(str(store)).exists() and not str(store).startswith("http"):
        raise ValueError(f"{store}: no store here; run 'newskg build' first")
    st = open_store(store)
    try:
        return st.query(sparql)
    finally:
        st.close()


def format_rows(result, fmt: str = "table") -> str:
    if isinstance(result, bool):
        return ("true" if result else "false") + "\n"
    if isinstance(result, str):
        return result
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    names = list(result[0]) if result else []
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(names)
        for row in result:
            w.writerow(["" if row[n] is None else row[n] for n in names])
        return buf.getvalue()
    if not result:
        return "(no results)\n"
    cells = [[_short(row[n]) for n in names] for row in result]
    widths = [min(60, max(len(n), *(len(c[i]) for c in cells))) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for c in cells:
        lines.append("  ".join(v[:w].ljust(w) for v, w in zip(c, widths, strict=True)))
    return "\n".join(lines) + "\n"


def _short(value: str | None) -> str:
    if value is None:
        return ""
    value = re.sub(r"\s+", " ", value)
    return value.replace("https://w3id.org/newskg/id/", "")


def stats(store: str | Path) -> list[tuple[str, int]]:
    q = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
    SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c . FILTER(STRSTARTS(STR(?c), STR(nkg:))) } GROUP BY ?c ORDER BY ?c"""
    rows = run_query(store, q)
    assert isinstance(rows, list)
    out = [(str(r["c"]).split("#")[-1], int(r["n"] or 0)) for r in rows]
    li = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a <https://w3id.org/newskg/ontology#locatedIn> ?b } }")
    assert isinstance(li, list)
    out.append(("locatedIn pairs", int(li[0]["n"] or 0)))
    return out
