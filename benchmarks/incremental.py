"""Benchmark: the time to add ONE article to a store (and to take one out) as the store grows.

    python benchmarks/incremental.py [--sizes 100 300 1000] [--work DIR] [--code DIR] [--runs 3]

The articles are made up here (``make_corpus``): short wire reports, each naming its own official
and town, and, with two other articles of its "story", a region, a body and a news agency, in one
of twenty countries, with names built from random syllables: a store where what articles share
is local, as in an archive of many unrelated stories (the country names are shared by many).
Every article is read once with the model; the readings are kept in ``--work`` and reused. Then,
for each size n, a store of the first n articles is written as a batch build writes it (no model),
and on fresh copies of it ``newskg.pipeline.build`` adds article n+1 and ``remove`` takes article
n/2 out; the medians of ``--runs`` runs are printed, with the number of article graphs the
resolution produced (``touched``: the whole store, or the articles the new one reaches).

``--code`` puts another checkout's ``newskg`` first on the path, to time the same operations with
that version ("before"): ``git worktree add /tmp/main main`` then ``--code /tmp/main``. A store
made by one version is not reused by another (each gets its own folder under ``--work``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr")
_VOWELS = ("a", "e", "i", "o", "u")
_CODAS = ("", "", "n", "r", "l", "s")
_COUNTRIES = ("Chile", "Peru", "Kenya", "Ghana", "Norway", "Finland", "Poland", "Vietnam", "Morocco", "Tunisia",
              "Uruguay", "Paraguay", "Bolivia", "Zambia", "Malawi", "Nepal", "Latvia", "Estonia", "Portugal", "Iceland")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


_CONSONANTS = "bcdfghjklmnprstvwz"


def _name(rng: random.Random, parts: int) -> str:
    """A made-up name: a consonant, a vowel and two consonants, then ``parts`` syllables (onset,
    vowel, coda), so that names seldom share their first letters or their sound."""
    head = rng.choice(_CONSONANTS) + rng.choice(_VOWELS) + rng.choice(_CONSONANTS) + rng.choice(_CONSONANTS)
    return (head + "".join(rng.choice(_VOWELS) + rng.choice(_ONSETS) for _ in range(parts - 1))
            + rng.choice(_VOWELS)).capitalize()


def make_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` made-up articles (see the module's paragraph), three to a story."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    story: dict[str, str] = {}
    for i in range(n):
        if i % 3 == 0:
            story = {"region": _name(rng, 3), "body": f"{_name(rng, 2)} Water Authority",
                     "agency": f"{_name(rng, 2)} Press", "country": rng.choice(_COUNTRIES)}
        first, last, town = _name(rng, 2), _name(rng, 3), _name(rng, 3)
        month, day, homes = rng.choice(_MONTHS), rng.randint(1, 28), rng.randint(3, 90)
        text = (f"{town.upper()}, {month} {day} ({story['agency']}) — {first} {last}, the mayor of {town}, said on "
                f"Tuesday that floods had damaged {homes} homes in {town}, a town in the {story['region']} region "
                f"of {story['country']}.\n\nThe {story['body']} sent workers to {town} on Monday, {last} told "
                f"reporters. \"We will rebuild,\" {last} said.\n")
        path = folder / f"inc-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def readings_of(work: Path, n: int) -> list:
    """The readings of the made-up articles, read with the model once and kept as records."""
    from newskg.record import decode, encode

    cache = work / f"readings-{n}-v3.jsonl"
    if cache.is_file():
        return [decode(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    from newskg.extract import extract_many
    from newskg.extract.model import load_model
    from newskg.ingest import read_articles

    articles = list(read_articles(make_corpus(work / "articles", n)))
    readings = list(extract_many(articles, nlp=load_model()))
    cache.write_text("".join(encode(r) + "\n" for r in readings), encoding="utf-8")
    return readings


def batch_store(path: Path, readings: list) -> None:
    """A store of ``readings`` as a batch build writes it (``restore.settle``), without the model."""
    from newskg.restore import settle
    from newskg.store import OxigraphStore

    _, graphs, derived = settle(readings, {})
    st = OxigraphStore(path)
    st.add_graphs("".join(text for _, text in sorted(graphs.items())) + derived)
    st.close()


def timed(base: Path, work: Path, op) -> tuple[float, int | None]:
    """Seconds ``op(store)`` takes on a fresh copy of ``base``, and how many article graphs
    resolution made (``None`` for a version that resolves the whole store every time)."""
    import newskg.pipeline as pipeline

    inner = getattr(pipeline, "settle_store", None)
    made: list[int] = []

    def spy(*args, **kw):
        out = inner(*args, **kw)
        made.append(len(out.graphs) if out is not None else -1)
        return out

    if inner is not None:
        pipeline.settle_store = spy
    copy = work / "copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(base, copy)
    try:
        t = time.perf_counter()
        op(copy)
        return time.perf_counter() - t, (made[0] if made else None)
    finally:
        if inner is not None:
            pipeline.settle_store = inner
        shutil.rmtree(copy, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newskg-bench-incremental")
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose newskg is timed")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    import newskg

    print(f"newskg from {Path(newskg.__file__).parent}")
    args.work.mkdir(parents=True, exist_ok=True)
    total = max(args.sizes) + 1
    readings = readings_of(args.work, total)
    from newskg.extract.model import load_model
    from newskg.pipeline import build, remove

    nlp = load_model()
    one = make_corpus(args.work / "articles", total)[max(args.sizes)]
    tag = args.code.resolve().name
    warm = args.work / f"store-{tag}-warm"
    if not warm.is_dir():
        batch_store(warm, readings[:3])
    timed(warm, args.work, lambda s: build([one], store=s, progress=False, nlp=nlp))  # tables loaded once
    print(f"{'articles':>8} {'add one (s)':>12} {'touched':>8} {'remove one (s)':>15} {'touched':>8}")
    for n in args.sizes:
        base = args.work / f"store-{tag}-{n}-k2"
        if not base.is_dir():
            batch_store(base, readings[:n])
        gone = readings[n // 2].article.id
        adds = [timed(base, args.work, lambda s, p=one: build([p], store=s, progress=False, nlp=nlp))
                for _ in range(args.runs)]
        removes = [timed(base, args.work, lambda s, a=gone: remove([a], s)) for _ in range(args.runs)]
        add, rem = statistics.median(t for t, _ in adds), statistics.median(t for t, _ in removes)
        touched = [str("all" if x is None else x) for x in (adds[0][1], removes[0][1])]
        print(f"{n:>8} {add:>12.2f} {touched[0]:>8} {rem:>15.2f} {touched[1]:>8}", flush=True)
        print(json.dumps({"code": tag, "articles": n, "add": round(add, 3), "remove": round(rem, 3),
                          "add_touched": adds[0][1], "remove_touched": removes[0][1]}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
