"""How fast the views open: generated graphs of 1,000 and 10,000 nodes in headless Chromium.

For each size: a made-up graph (people, bodies, places, statements, incidents, articles, with
mentions, memberships and links) is written to an on-disk Oxigraph store; ``newskg.views`` renders
it (``max_nodes=0``: every node drawn, and once with the default cap); the network page is opened
from ``file://`` and timed until vis-network has drawn it (the page sets ``body[data-ready]`` on
its first ``afterDrawing``), three times, then one interaction (search + focus a node) is timed.
Fails when the median load needs more than ``--limit`` seconds (default 5) to become interactive.

    python benchmarks/bench_views.py [--sizes 1000 10000] [--limit 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NKG = "https://w3id.org/newskg/ontology#"
ID = "https://w3id.org/newskg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DATE = "http://www.w3.org/2001/XMLSchema#date"
SYLLABLES = ["ka", "lo", "mi", "ren", "ta", "vo", "shi", "dan", "pe", "ru", "zel", "no", "bar", "qui", "fen"]


def _name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title() for _ in range(parts))


def generate(path: Path, n: int, seed: int = 1) -> int:
    """A store of about ``n`` view nodes; returns the number of quads written."""
    import pyoxigraph as ox

    rng = random.Random(seed)
    n_art, n_out = max(2, n // 25), 10
    n_per, n_org, n_pla = int(n * 0.3), int(n * 0.1) - n_out, int(n * 0.08)
    n_inc = int(n * 0.04)
    n_sta = n - n_art - n_out - n_per - n_org - n_pla - n_inc
    outlets = [(f"{ID}organization/outlet-{i}", "MediaOutlet", _name(rng, 1) + " News") for i in range(n_out)]
    people = [(f"{ID}person/p{i}", "Person", _name(rng, 2)) for i in range(n_per)]
    orgs = [(f"{ID}organization/o{i}", rng.choice(["GovernmentBody", "Organization", "ArmedForces"]),
             "Ministry of " + _name(rng, 1)) for i in range(n_org)]
    places = [(f"{ID}place/l{i}", rng.choice(["Settlement", "AdministrativeArea"]), _name(rng, 1)) for i in range(n_pla)]
    arts = [(f"{ID}article/a{i}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", rng.choice(outlets)[0]) for i in range(n_art)]
    N, L = ox.NamedNode, ox.Literal
    quads = []

    def add(s, p, o, g):
        quads.append(ox.Quad(N(s), N(p), o if not isinstance(o, str) else N(o), N(g)))

    for art, day, outlet in arts:
        add(art, RDF_TYPE, NKG + "Article", art)
        add(art, LABEL, L(art.rsplit("/", 1)[-1] + ".txt"), art)
        add(art, NKG + "source", L(art.rsplit("/", 1)[-1] + ".txt"), art)
        add(art, NKG + "published", L(day, datatype=N(DATE)), art)
        add(art, NKG + "publisher", outlet, art)
    agents = people + orgs
    for k, (iri, cls, label) in enumerate(outlets + people + orgs + places):
        art = arts[k % n_art][0]
        add(iri, RDF_TYPE, NKG + cls, art)
        add(iri, LABEL, L(label), art)
        for j in range(rng.randint(1, 3)):
            m = f"{art}#m{k}-{j}"
            add(m, NKG + "mentionOf", iri, art)
            add(m, NKG + "inArticle", art, art)
    for k, (iri, _, _) in enumerate(people):
        if rng.random() < 0.5:
            art, day, _ = arts[k % n_art]
            m = f"{ID}membership/{k}"
            add(m, RDF_TYPE, NKG + "Membership", art)
            add(m, NKG + "member", iri, art)
            add(m, NKG + "organization", rng.choice(orgs)[0], art)
            add(m, NKG + "role", L(rng.choice(["spokesperson", "minister", "adviser", "director"])), art)
            add(m, NKG + "date", L(day, datatype=N(DATE)), art)
            add(m, NKG + "inArticle", art, art)
    for k, (iri, _, _) in enumerate(places):
        if k and rng.random() < 0.7:
            add(iri, NKG + "locatedIn", places[rng.randrange(k)][0], arts[k % n_art][0])
    for k in range(n_sta):
        art, day, _ = rng.choice(arts)
        s = f"{ID}statement/s{k}"
        add(s, RDF_TYPE, NKG + "Statement", art)
        add(s, NKG + "speaker", rng.choice(agents)[0], art)
        add(s, NKG + "text", L(" ".join(_name(rng, 1).lower() for _ in range(rng.randint(6, 30)))), art)
        add(s, NKG + "date", L(day, datatype=N(DATE)), art)
        add(s, NKG + "reportedIn", art, art)
        for _ in range(rng.randint(0, 2)):
            add(s, NKG + "mentions", rng.choice(agents + places)[0], art)
    for k in range(n_inc):
        art, day, _ = rng.choice(arts)
        i = f"{ID}incident/{day}/i{k}"
        add(i, RDF_TYPE, NKG + "Incident", art)
        add(i, NKG + "date", L(day, datatype=N(DATE)), art)
        add(i, NKG + "kind", L("explosion"), art)
        add(i, NKG + "place", rng.choice(places)[0], art)
        add(i, NKG + "killed", L(str(rng.randint(0, 5)), datatype=N("http://www.w3.org/2001/XMLSchema#integer")), art)
        add(i, NKG + "reportedIn", art, art)
        for _ in range(rng.randint(0, 2)):
            add(i, NKG + "victim", rng.choice(people)[0], art)
    path.mkdir(parents=True, exist_ok=True)
    st = ox.Store(str(path))
    st.extend(quads)
    st.flush()
    del st
    return len(quads)


def measure(browser, index: Path, runs: int) -> tuple[list[float], float, float, int]:
    """(seconds until drawn, each run; the page's own time to ready, last run; seconds for one search
    + focus; nodes drawn)."""
    times = []
    for _ in range(runs):
        loaded = browser.load(index.as_uri(), timeout=120)
        if loaded.errors or loaded.requests != [index.as_uri()]:
            raise SystemExit(f"{index}: console errors {loaded.errors} or requests {loaded.requests}")
        times.append(loaded.seconds)
    d = browser.driver
    own = d.execute_script("return window.__newskgReady") / 1000.0
    drawn = d.execute_script("return newskg.network.body.nodeIndices.length")
    t = time.perf_counter()
    d.execute_script("""var box = document.getElementById('search'); box.value = arguments[0];
        box.dispatchEvent(new Event('input'));
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));""",
                     d.execute_script("return newskg.data.nodes[Math.floor(newskg.data.nodes.length / 2)].label"))
    d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return times, own, time.perf_counter() - t, drawn


def main() -> int:
    from newskg.views import DEFAULT_MAX_NODES, write_views
    from tests.browser import Browser

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--limit", type=float, default=5.0, help="seconds a page may take to become interactive")
    ap.add_argument("--runs", type=int, default=3, help="loads of each page; the median is compared with --limit")
    args = ap.parse_args()
    slow = []
    browser = Browser()
    try:
        with tempfile.TemporaryDirectory(prefix="newskg-bench-views-") as tmp:
            for n in args.sizes:
                store = Path(tmp) / f"store-{n}"
                t = time.perf_counter()
                quads = generate(store, n)
                gen = time.perf_counter() - t
                for cap in (0, DEFAULT_MAX_NODES) if n > DEFAULT_MAX_NODES else (0,):
                    out = Path(tmp) / f"site-{n}-{cap}"
                    t = time.perf_counter()
                    written = write_views(store, out, max_nodes=cap)
                    render = time.perf_counter() - t
                    size = written[0].stat().st_size / 1e6
                    times, own_s, act_s, drawn = measure(browser, written[0], args.runs)
                    drawn_s = statistics.median(times)
                    print(f"{n:>6} nodes ({quads} quads, generated in {gen:.1f} s), max_nodes={cap or 'all'}: "
                          f"render {render:.1f} s ({len(written)} files, network page {size:.1f} MB); "
                          f"Chromium: {drawn} nodes drawn and interactive after {drawn_s:.2f} s (median of "
                          f"{', '.join(f'{x:.2f}' for x in times)}; page's own clock, last load {own_s:.2f} s); "
                          f"search + focus {act_s:.2f} s")
                    if drawn_s > args.limit:
                        slow.append((n, cap, drawn_s))
    finally:
        browser.quit()
    for n, cap, s in slow:
        print(f"too slow: {n} nodes, max_nodes={cap or 'all'}: {s:.2f} s > {args.limit} s", file=sys.stderr)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
