"""The ``newskg`` command: a thin layer over the library.

Each command parses its options, calls one public function and formats the result. Errors a
user can cause become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_STORE = "graph/store"


def _err(msg: str) -> int:
    print(f"newskg: {msg}", file=sys.stderr)
    return 2


def cmd_build(args: argparse.Namespace) -> int:
    from newskg.pipeline import build, summary
    from newskg.userdata import apply, user_tables

    apply(user_tables(args.store, [Path(p) for p in args.aliases], Path(args.distinct) if args.distinct else None))
    report = build([Path(p) for p in args.paths], store=args.store, output=Path(args.output) if args.output else None,
                   max_bytes=int(args.max_size * 1024 * 1024))
    for e in report.errors:
        print(f"newskg: {e}", file=sys.stderr)
    for w in report.warnings:
        print(f"newskg: warning: {w}", file=sys.stderr)
    summary(report, print)
    if report.articles == 0:
        return _err("no article could be read")
    return 1 if report.errors else 0


def cmd_remove(args: argparse.Namespace) -> int:
    from newskg.pipeline import remove

    report = remove(args.articles, store=args.store)
    for e in report.errors:
        print(f"newskg: {e}", file=sys.stderr)
    for iri in report.removed:
        print(f"removed {iri}")
    if not report.removed:
        return 2
    return 1 if report.errors else 0


def cmd_query(args: argparse.Namespace) -> int:
    from newskg.query import Limits, ask, format_rows, saved_query

    bindings: dict = {}
    if args.name:
        sparql, bindings = saved_query(args.name, entity=args.entity)
    elif args.file:
        sparql = Path(args.file).read_text(encoding="utf-8")
    elif args.sparql:
        sparql = args.sparql
    else:
        return _err("give a SPARQL query, -f FILE or --name NAME")
    result = ask(args.store, sparql, Limits(timeout=args.timeout, max_rows=args.limit), bindings)
    print(format_rows(result, args.format, 0 if args.wide else None), end="")
    if result.truncated:
        print(f"newskg: showing the first {args.limit} results only; --limit N for more (0 for all)", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from newskg.guard import Limits
    from newskg.serve import serve

    token = os.environ.get("NEWSKG_UPDATE_TOKEN") if args.allow_updates else None
    if args.allow_updates and not token:
        return _err("--allow-updates needs a token in the NEWSKG_UPDATE_TOKEN environment variable")
    limits = Limits(timeout=args.timeout, max_rows=args.limit, view_timeout=args.view_timeout)
    serve(args.store, host=args.host, port=args.port, limits=limits, workers=args.workers, update_token=token)
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from newskg.query import list_queries

    for name, doc in list_queries():
        print(f"{name:<24} {doc}")
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    from newskg.views import write_views

    written = write_views(args.store, Path(args.out), classes=tuple(args.cls or ()), since=args.since,
                          until=args.until, outlet=args.outlet, article=args.article, focus=args.focus,
                          hops=args.hops, max_nodes=args.max_nodes, timeout=args.timeout or None)
    print(f"view: {written[0]} (+ timeline and {len(written) - 2} entity pages beside it)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from newskg.export import export_store

    out = export_store(args.store, Path(args.o), args.format)
    print(f"wrote {out}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from newskg.validate import validate_store

    conforms, text = validate_store(args.store)
    print("conforms" if conforms else text)
    return 0 if conforms else 1


def cmd_stats(args: argparse.Namespace) -> int:
    from newskg.query import stats

    for key, value in stats(args.store):
        print(f"{key:<28} {value}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from newskg.explain import explain

    lines = explain(args.store, args.what)
    if not lines:
        return _err(f"nothing in the store is called {args.what!r}")
    print("\n".join(lines))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newskg", description="Build a knowledge graph from news articles.")
    sub = ap.add_subparsers(dest="command", required=True)

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if name != "queries":
            p.add_argument("--store", default=DEFAULT_STORE, help=f"store folder or SPARQL endpoint URL (default {DEFAULT_STORE})")
            g = p.add_argument_group("a remote store's endpoints (default: 'layout', 'query_url' … in ./newskg.toml, else Oxigraph's)")
            g.add_argument("--layout", help="the URL layout of the server at --store URL: oxigraph (URL/query, URL/update, "
                                            "URL/store), fuseki (dataset URL: /sparql, /update, /data) or graphdb "
                                            "(repository URL: itself, /statements, /rdf-graphs/service)")
            g.add_argument("--query-url", help="the SPARQL query endpoint (absolute, or relative to --store)")
            g.add_argument("--update-url", help="the SPARQL update endpoint (absolute, or relative to --store)")
            g.add_argument("--gsp-url", help="the Graph Store Protocol endpoint (absolute, or relative to --store)")
        return p

    p = add("build", cmd_build, "Read articles (files or folders) into the store and optionally a file.")
    p.add_argument("paths", nargs="+", help="article files or folders: .txt, .html, .jsonl, .json, .csv, RSS/Atom (.rss, .atom, .xml), .warc(.gz)")
    p.add_argument("--max-size", type=float, default=64, metavar="MB",
                   help="skip input files larger than this many megabytes (default 64)")
    p.add_argument("--output", help="also write the graph of these inputs here (.ttl, .trig, .nq, .jsonld)")
    p.add_argument("--aliases", action="append", default=[], metavar="CSV",
                   help="your own alias table (variant,canonical); may repeat (default: 'aliases' in newskg.toml beside the store)")
    p.add_argument("--distinct", metavar="CSV",
                   help="names never to be merged (name_a,name_b), the undo of a merge (default: 'distinct' in newskg.toml beside the store)")
    p = add("remove", cmd_remove, "Take articles out of the store and derive again what depended on them.")
    p.add_argument("articles", nargs="+", help="an article file (its id is computed as build does), its URL or its id")
    p = add("query", cmd_query, "Run a SPARQL query over the union of all article graphs.")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("-f", "--file", help="read the query from a .rq file")
    p.add_argument("--name", help="run a saved query (see 'newskg queries')")
    p.add_argument("--entity", help="the ENTITY a saved query asks about (statements-mentioning)")
    p.add_argument("--format", default="table",
                   choices=["table", "json", "csv", "tsv", "xml", "srj", "turtle", "nt", "jsonld"],
                   help="table (fits the terminal), json (rows as objects), csv, tsv, xml or srj (SPARQL "
                        "results); for CONSTRUCT/DESCRIBE turtle (the default), nt or jsonld")
    p.add_argument("--limit", type=int, default=10_000, help="at most this many rows, said when cut (0 = all; default 10000)")
    p.add_argument("--timeout", type=float, default=30.0, help="stop the query after this many seconds (default 30)")
    p.add_argument("--wide", action="store_true", help="do not cut table columns to the terminal's width")
    p = add("serve", cmd_serve, "Serve the store: a SPARQL 1.1 endpoint, a query page and the views.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    p.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    p.add_argument("--limit", type=int, default=10_000, help="row cap per answer, said when cut (default 10000)")
    p.add_argument("--timeout", type=float, default=30.0, help="time limit per query in seconds (default 30)")
    p.add_argument("--view-timeout", type=float, default=120.0,
                   help="time limit for rendering the views (/view/) in seconds (default 120)")
    p.add_argument("--allow-updates", action="store_true",
                   help="accept SPARQL updates carrying 'Authorization: Bearer $NEWSKG_UPDATE_TOKEN'")
    add("queries", cmd_queries, "List the saved queries.")
    p = add("view", cmd_view, "Write the network, timeline and entity pages of the graph (work offline).")
    p.add_argument("--out", default="graph/view.html",
                   help="a folder (network in index.html) or the .html file of the network page; the others go beside it")
    p.add_argument("--focus", help="show only the neighbourhood of the entity with this label (or IRI)")
    p.add_argument("--hops", type=int, default=2, help="how far from --focus to go (default 2)")
    p.add_argument("--class", dest="cls", action="append", metavar="CLASS",
                   help="show only this class (Person, Statement, Incident …); repeat for more")
    p.add_argument("--since", help="only what articles published on or after this date (YYYY-MM-DD) say")
    p.add_argument("--until", help="only what articles published on or before this date say")
    p.add_argument("--outlet", help="only what this outlet published (its name)")
    p.add_argument("--article", help="only this article (its file name)")
    p.add_argument("--max-nodes", type=int, default=2000,
                   help="draw at most this many nodes, the most connected; 0 draws all (default 2000)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="stop rendering after this many seconds, nothing written (default 120; 0 = no limit)")
    p = add("export", cmd_export, "Export the store as Turtle, TriG, N-Quads or JSON-LD.")
    p.add_argument("--format", choices=["ttl", "trig", "nq", "jsonld"], help="format (default from the suffix)")
    p.add_argument("-o", required=True, help="the file to write")
    add("validate", cmd_validate, "Check the store against the SHACL shapes.")
    add("stats", cmd_stats, "Count what the store holds.")
    p = add("explain", cmd_explain, "Show every fact about an entity with the sentence it came from.")
    p.add_argument("what", help="an entity's label or IRI")
    return ap


def _remote_endpoints(args: argparse.Namespace) -> None:
    """A remote ``--store`` URL with its endpoints (options, else ./newskg.toml), as one location."""
    store = str(getattr(args, "store", "") or "")
    if not store.startswith(("http://", "https://")):
        return
    from newskg.store import remote_location
    from newskg.userdata import remote_config

    cfg = remote_config()
    args.store = remote_location(store, args.layout or cfg.get("layout"), args.query_url or cfg.get("query_url"),
                                 args.update_url or cfg.get("update_url"), args.gsp_url or cfg.get("gsp_url"))


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        _remote_endpoints(args)
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (head, less) stopped reading
        sys.stderr.close()
        return 141
    except Exception as exc:  # the CLI edge: one line, no traceback
        from newskg.errors import user_error

        msg = user_error(exc)
        if msg is None:
            raise
        return _err(msg)


if __name__ == "__main__":
    sys.exit(main())
