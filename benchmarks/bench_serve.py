"""Benchmark: the SPARQL endpoint under a bounded load on loopback — requests/s and p95 per saved query.

    python benchmarks/bench_serve.py --seeds                       # the seeds graph
    python benchmarks/bench_serve.py --wide-x10 /tmp/newskg-wide   # 1,000 articles (built once, kept)
    python benchmarks/bench_serve.py --store graph/store           # any store

It starts `newskg serve` on 127.0.0.1 (a free port, ``--workers`` query processes), then for
each saved query sends ``--requests`` POSTs from ``--clients`` threads (statements-mentioning
bound to ``--entity``, by default the name statements mention most), and prints requests per second, median and p95 latency and the rows of
one answer. Every loop is bounded in count and in time (``--max-seconds`` per query); traffic
goes to 127.0.0.1 only; the server is stopped at the end.

``--wide-x10 DIR`` builds, once, a store of the wide corpus (``../shared/corpus/wide``) copied
ten times as distinct articles (each copy gets a closing line naming its copy number, so the
copies are ten different texts) into ``DIR/store``, and reuses it on later runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newskg.query import bind, list_queries, load_query  # noqa: E402
from tests.servers import newskg_server  # noqa: E402


def wide_x10(folder: Path) -> Path:
    store = folder / "store"
    if (store / "CURRENT").is_file():
        return store
    from newskg.pipeline import build

    wide = ROOT.parent / "shared" / "corpus" / "wide"
    texts = sorted(wide.glob("*.txt"))
    if not texts:
        raise SystemExit(f"bench_serve: no articles in {wide}")
    arts = folder / "articles"
    arts.mkdir(parents=True, exist_ok=True)
    for copy in range(10):
        for src in texts:
            body = src.read_text(encoding="utf-8").rstrip("\n")
            (arts / f"c{copy}_{src.name}").write_text(f"{body}\n\nBenchmark copy {copy}.\n", encoding="utf-8")
    t0 = time.perf_counter()
    report = build([arts], store=store, progress=True)
    print(f"built {report.articles} articles into {store} in {time.perf_counter() - t0:.0f} s", flush=True)
    return store


def most_mentioned(store: Path) -> str:
    from newskg.query import run_query

    rows = run_query(store, "SELECT ?l (COUNT(*) AS ?n) WHERE { ?s nkg:mentions ?e . ?e rdfs:label ?l } "
                            "GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1")
    return rows[0]["l"] if isinstance(rows, list) and rows else "nobody"


def one(url: str, text: str) -> tuple[float, bytes]:
    req = urllib.request.Request(url + "/sparql", data=text.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        body = r.read()
    return time.perf_counter() - t0, body


def load(url: str, text: str, requests: int, clients: int, max_seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    left = [requests]
    deadline = time.monotonic() + max_seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if left[0] <= 0:
                    return
                left[0] -= 1
            try:
                took, _ = one(url, text)
                with lock:
                    latencies.append(took)
            except OSError as exc:
                with lock:
                    errors.append(str(exc))

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else float("nan")
    return {"n": len(lat), "errors": len(errors), "rps": len(lat) / wall if wall else 0.0,
            "median_ms": 1000 * statistics.median(lat) if lat else float("nan"), "p95_ms": 1000 * p95}


def compare(url: str, store: Path, entity: str) -> None:
    """Best of 3: pyoxigraph alone (read-only opening, rows iterated) against one request."""
    import pyoxigraph as ox

    from newskg.guard import PREFIXES

    st = ox.Store.read_only(str(store))
    print(f"{'query':<24} {'engine ms':>10} {'endpoint ms':>12} {'ratio':>6}")
    for name, _ in list_queries():
        text = bind(load_query(name), {"ENTITY": entity})
        bare = []
        for _ in range(3):
            t0 = time.perf_counter()
            list(st.query(text, prefixes=PREFIXES, use_default_graph_as_union=True))
            bare.append(time.perf_counter() - t0)
        served = [one(url, text)[0] for _ in range(3)]
        print(f"{name:<24} {1000 * min(bare):>10.1f} {1000 * min(served):>12.1f} {min(served) / min(bare):>6.2f}",
              flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", help="an existing store folder")
    where.add_argument("--seeds", action="store_true", help="build seeds/ into a temporary store")
    where.add_argument("--wide-x10", metavar="DIR", help="the wide corpus ×10 (1,000 articles), built once into DIR")
    ap.add_argument("--requests", type=int, default=100, help="requests per saved query (default 100)")
    ap.add_argument("--clients", type=int, default=2, help="concurrent client threads (default 2)")
    ap.add_argument("--workers", type=int, default=2, help="server query processes (default 2)")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="time bound per saved query (default 60)")
    ap.add_argument("--compare", action="store_true",
                    help="also time each query alone: the bare engine (pyoxigraph in this process) against the "
                         "endpoint (best of 3 each)")
    ap.add_argument("--entity", help="the ENTITY for statements-mentioning (default: the most mentioned name)")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="newskg-bench-serve-")
    if args.seeds:
        from newskg.pipeline import build

        store = Path(tmp.name) / "store"
        build([ROOT / "seeds"], store=store, progress=False)
    elif args.wide_x10:
        store = wide_x10(Path(args.wide_x10))
    else:
        store = Path(args.store)
    print(f"store: {store}; {args.requests} requests per query from {args.clients} clients, "
          f"{args.workers} server workers", flush=True)
    print(f"{'query':<24} {'rows':>6} {'req/s':>8} {'median ms':>10} {'p95 ms':>8} {'errors':>7}")
    entity = args.entity or most_mentioned(store)
    print(f"statements-mentioning asks for {entity!r}", flush=True)
    with newskg_server(str(store), "--workers", str(args.workers), "--timeout", "120") as url:
        for name, _ in list_queries():
            text = bind(load_query(name), {"ENTITY": entity})
            _, body = one(url, text)  # warm: the worker opens the store, the guard caches the parse
            rows = len(json.loads(body)["results"]["bindings"])
            r = load(url, text, args.requests, args.clients, args.max_seconds)
            print(f"{name:<24} {rows:>6} {r['rps']:>8.1f} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} "
                  f"{r['errors']:>7}  ({r['n']} answered)", flush=True)
        if args.compare:
            compare(url, store, entity)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
