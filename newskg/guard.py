"""Guard: decide whether a SPARQL text may run, before any engine sees it.

Stage: query / serve. In: the text of a query or update from a user (CLI argument, file, HTTP
request) and the limits in force. Out: a ``Checked`` (the operation's kind) or a
``QueryRefused`` carrying the HTTP status and one line for the user. The decision is taken on
the query as rdflib's SPARQL grammar parses it (``\\u`` escapes expanded, so ``SERV\\u0049CE``
is SERVICE), never by matching text: SERVICE, LOAD and FROM / FROM NAMED / USING of a graph the
store does not hold are refused, updates are refused unless allowed. Two checks come before
the parser, on the raw text, because deep input crashes parsers: the size and the nesting depth
of brackets (outside strings, IRIs and comments).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

__all__ = ["Limits", "Checked", "QueryRefused", "check", "precheck", "nesting_depth", "substitute", "PREFIXES", "prologue"]

#: The prefixes every query may use without declaring them (the ontology's common ones).
PREFIXES: dict[str, str] = {
    "nkg": "https://w3id.org/newskg/ontology#",
    "id": "https://w3id.org/newskg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "dcterms": "http://purl.org/dc/terms/",
}


def prologue() -> str:
    """The predeclared prefixes as SPARQL ``PREFIX`` lines."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@dataclass(frozen=True)
class Limits:
    """What one query may cost. ``max_rows`` 0 means no row cap."""

    timeout: float = 30.0
    max_rows: int = 10_000
    max_query_bytes: int = 200_000
    max_request_bytes: int = 1_000_000
    max_depth: int = 20
    view_timeout: float = 120.0  # rendering the views (``/view/``), stopped like a query


@dataclass(frozen=True)
class Checked:
    """A query that may run: ``kind`` is select, ask, construct, describe or update."""

    kind: str
    text: str


class QueryRefused(ValueError):
    """A query that will not run; ``status`` is the HTTP status that says why."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


_KINDS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}
_OPEN, _CLOSE = "({[", ")}]"


def nesting_depth(text: str) -> int:
    """The deepest nesting of (), {} and [] outside string literals, IRIs and comments."""
    depth = deepest = 0
    for _i, c in _code(text):
        if c in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif c in _CLOSE:
            depth = max(0, depth - 1)
    return deepest


def substitute(text: str, values: dict[str, str]) -> str:
    """``text`` with each variable ``?name``/``$name`` in ``values`` replaced by its term, already
    written in SPARQL syntax by the RDF library (``str(pyoxigraph.Literal(...))``); for servers
    that cannot bind variables. Strings, IRIs and comments are left alone.

    >>> substitute('SELECT * { ?s ?p ?x . FILTER(?xy != "?x") }', {"x": '"a\\"b"'})
    'SELECT * { ?s ?p "a\\"b" . FILTER(?xy != "?x") }'
    """
    if not values:
        return text
    out, last = [], 0
    for i, c in _code(text):
        if c in "?$" and i >= last:
            j = i + 1
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            name = text[i + 1 : j]
            if name in values:
                out.append(text[last:i])
                out.append(values[name])
                last = j
    out.append(text[last:])
    return "".join(out)


def _code(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of the query's own syntax: string literals, IRIs and comments skipped."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c == "<":
            j = i + 1
            while j < n and text[j] not in '<>"{}|^`\\ \t\r\n':
                j += 1
            if j < n and text[j] == ">":
                i = j
        elif c in "\"'":
            i = _string_end(text, i)
        else:
            yield i, c
        i += 1


def _string_end(text: str, i: int) -> int:
    """Index of the last quote of the string literal starting at ``i``."""
    q = text[i]
    if text.startswith(q * 3, i):
        j = text.find(q * 3, i + 3)
        while j > 0 and _escaped(text, j):
            j = text.find(q * 3, j + 1)
        return len(text) if j < 0 else j + 2
    j = i + 1
    while j < len(text) and text[j] not in (q, "\n"):
        j += 2 if text[j] == "\\" else 1
    return j


def _escaped(text: str, j: int) -> bool:
    k = j - 1
    while k >= 0 and text[k] == "\\":
        k -= 1
    return (j - 1 - k) % 2 == 1


@functools.lru_cache(maxsize=512)
def _parse(text: str):
    """rdflib's parse tree of a query or update (kind, tree), or raise QueryRefused."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
        return _KINDS.get(tree[1].name, "select"), tree
    except ParseException as exc:
        first = exc
    except ValueError as exc:  # a \\u escape that is no character
        raise QueryRefused(f"bad query: {exc}", 400) from None
    except RecursionError:
        raise QueryRefused("query nested too deeply for the parser", 400) from None
    try:
        return "update", parseUpdate(text)
    except ParseException:
        pass
    except RecursionError:
        raise QueryRefused("update nested too deeply for the parser", 400) from None
    line = getattr(first, "lineno", "?")
    col = getattr(first, "col", "?")
    raise QueryRefused(f"bad query: syntax error at line {line}, column {col}", 400)


def _walk(node) -> Iterator:
    """Every CompValue in a parse tree, depth first."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, CompValue):
            yield x
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)) or type(x).__name__ == "ParseResults":
            stack.extend(x)


def _dataset_iris(tree) -> Iterable[str]:
    for cv in _walk(tree):
        if cv.name in ("DatasetClause", "UsingClause"):
            for key in ("default", "named"):
                if key in cv:
                    yield str(cv[key])


def precheck(text: str, limits: Limits = Limits()) -> None:
    """The checks that need no parser and take microseconds: size and nesting depth."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_query_bytes:
        raise QueryRefused(f"query of {size} bytes; the limit is {limits.max_query_bytes}", 413)
    depth = nesting_depth(text)
    if depth > limits.max_depth:
        raise QueryRefused(f"query nested {depth} deep; the limit is {limits.max_depth}", 400)


def check(text: str, limits: Limits = Limits(), *, allow_update: bool = False,
          graphs: Callable[[], Iterable[str]] | None = None) -> Checked:
    """Refuse what may not run; ``graphs`` lists the store's graphs (for FROM). The parse can
    take seconds on a long query, so callers run this where the time limit applies (``runner``)."""
    precheck(text, limits)
    kind, tree = _parse(text)
    for cv in _walk(tree):
        if cv.name == "ServiceGraphPattern":
            raise QueryRefused("SERVICE is refused: queries may not call other servers", 403)
        if cv.name == "Load":
            raise QueryRefused("LOAD is refused: the store reads nothing from outside", 403)
    if kind == "update" and not allow_update:
        raise QueryRefused("updates are refused: this store is read-only here", 403)
    asked = sorted(set(_dataset_iris(tree)))
    if asked:
        known = set(graphs()) if graphs else set()
        outside = [g for g in asked if g not in known]
        if outside:
            raise QueryRefused(f"FROM <{outside[0]}>: no such graph in the store", 403)
    return Checked(kind, text)
