"""Benchmark: a store of 1,000 articles, one row per fact, and the saved queries' speed.

    python benchmarks/bench_store.py [--copies 10] [--work DIR] [--max-seconds 2] [--max-ratio 1.2]

The corpus is the wide development set (``../shared/corpus/wide``, 100 articles) copied
``--copies`` times as distinct articles: copy k moves every year in the text k years on
("Oct 14, 2024" → "Oct 14, 2027") and ends with a line naming the copy, so each copy is another
article, published on another day, about incidents on other days (their people and places stay
the same, as in a real archive).
The store is built once into ``--work`` (default ``newskg-bench-store`` in the temporary folder) and reused by
later runs; ``--rebuild`` builds it again. Then:

1. ``SELECT (COUNT(*) AS ?n) { ?s ?p ?o }`` over the union of graphs must equal the number of
   distinct triples (each fact stored once) and the number of quads in the store.
2. Each saved query runs directly on pyoxigraph ("bare": ``Store.read_only(…).query`` with
   every row read), through the library's query path ("ours": ``newskg.query.run_query``, with
   binding, the store wrapper and row conversion), through ``newskg.cli.main`` in this process
   (with the query guard's worker process and its time limit) and as ``newskg query --store …
   --name …`` in a fresh process (wall time, start-up included). "Ours" may take at most
   ``--max-ratio`` times bare (medians of 5); ``newskg query`` must answer in under
   ``--max-seconds``.

Exits with 1 when a check fails. Run it on a quiet machine; it prints every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newskg.cli import main as cli_main  # noqa: E402
from newskg.guard import PREFIXES  # noqa: E402
from newskg.query import bind, list_queries, run_query, saved_query  # noqa: E402

WIDE = ROOT.parent / "shared" / "corpus" / "wide"
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def make_corpus(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for src in sorted(WIDE.glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        for k in range(copies):
            shifted = YEAR.sub(lambda m, k=k: str(int(m.group()) + k), text)
            if k:  # a text without a year is still another article (the same text is built once)
                shifted = f"{shifted.rstrip()}\n\nArchive copy {k}.\n"
            (folder / f"{src.stem}-c{k}.txt").write_text(shifted, encoding="utf-8")
            n += 1
    return n


def build_store(work: Path, copies: int, rebuild: bool) -> Path:
    store = work / "store"
    if store.is_dir() and not rebuild:
        print(f"reusing {store}")
        return store
    shutil.rmtree(work, ignore_errors=True)
    n = make_corpus(work / "articles", copies)
    from newskg.extract.model import load_model
    from newskg.pipeline import build

    nlp = load_model()
    t = time.perf_counter()
    report = build([work / "articles"], store=store, progress=False, nlp=nlp)
    print(f"built {report.articles} of {n} articles in {time.perf_counter() - t:.0f} s "
          f"({len(report.errors)} errors)")
    return store


def count_check(store: Path) -> bool:
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store))

    def one(q: str) -> int:
        return int(next(iter(st.query(q, use_default_graph_as_union=True)))["n"].value)

    total = one("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    distinct = one("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
    quads = len(st)
    articles = one("SELECT (COUNT(*) AS ?n) { ?a a <https://w3id.org/newskg/ontology#Article> }")
    ok = total == distinct == quads
    print(f"articles {articles}; COUNT(*) {total}; distinct triples {distinct}; quads {quads}: "
          f"{'each triple once' if ok else 'DUPLICATES'}")
    return ok


def _entity(store: Path) -> str:
    """A name to ask statements-mentioning about: the label of the entity statements mention most."""
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store))
    q = ("SELECT ?l (COUNT(*) AS ?n) { ?s <https://w3id.org/newskg/ontology#mentions> ?e . "
         "?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1")
    return next(iter(st.query(q, use_default_graph_as_union=True)))["l"].value


def _bare(store: Path, text: str) -> tuple[float, int]:
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store))
    t = time.perf_counter()
    res = st.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    names = [v.value for v in res.variables]
    rows = [[None if s[n] is None else s[n].value for n in names] for s in res]
    return time.perf_counter() - t, len(rows)


def _in_process(store: Path, name: str, entity: str | None) -> float:
    args = ["query", "--store", str(store), "--name", name, "--format", "csv"] + (["--entity", entity] if entity else [])
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(args)
    elapsed = time.perf_counter() - t
    assert code == 0, (name, code)
    return elapsed


def _subprocess(store: Path, name: str, entity: str | None) -> float:
    exe = Path(sys.executable).parent / "newskg"
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "newskg.cli"]),
           "query", "--store", str(store), "--name", name, "--format", "csv"] + (["--entity", entity] if entity else [])
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t
    assert proc.returncode == 0, proc.stderr
    return elapsed


def _ours(store: Path, text: str) -> float:
    t = time.perf_counter()
    rows = run_query(store, text)
    assert isinstance(rows, list)
    return time.perf_counter() - t


def time_queries(store: Path, max_seconds: float, max_ratio: float, repeat: int = 5) -> bool:
    entity = _entity(store)
    ok = True
    print(f"statements-mentioning asks about the most mentioned entity, {entity!r}; medians of {repeat}, bare and ours interleaved")
    print(f"{'query':<24} {'rows':>6} {'bare s':>8} {'ours s':>8} {'ratio':>6} {'CLI main s':>11} {'newskg query s':>15}")
    for name, _ in list_queries():
        ent = entity if name == "statements-mentioning" else None
        text = bind(*saved_query(name, entity=ent))
        _bare(store, text)  # warm the page cache once for both
        bare, ours = [], []
        for _ in range(repeat):  # interleaved, so a change in the machine's load falls on both
            bare.append(_bare(store, text))
            ours.append(_ours(store, text))
        in_cli = statistics.median(_in_process(store, name, ent) for _ in range(repeat))
        full = statistics.median(_subprocess(store, name, ent) for _ in range(3))
        b, o = statistics.median(t for t, _ in bare), statistics.median(ours)
        ratio = o / b if b else float("inf")
        good = full < max_seconds and ratio <= max_ratio
        ok &= good
        print(f"{name:<24} {bare[0][1]:>6} {b:>8.3f} {o:>8.3f} {ratio:>6.2f} {in_cli:>11.3f} {full:>15.2f}"
              f"{'' if good else '  FAIL'}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newskg-bench-store")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--max-seconds", type=float, default=2.0)
    ap.add_argument("--max-ratio", type=float, default=1.2)
    args = ap.parse_args()
    if not WIDE.is_dir():
        print(f"needs the wide corpus at {WIDE}", file=sys.stderr)
        return 2
    store = build_store(args.work, args.copies, args.rebuild)
    ok = count_check(store)
    ok &= time_queries(store, args.max_seconds, args.max_ratio)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
