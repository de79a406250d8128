"""Benchmark: the whole newskg build against spaCy alone, over the same texts, in one run.

    python benchmarks/bench_build.py [--articles 1000] [--max-ratio 1.5]

The corpus is made of the sample and development articles (``seeds/`` and, when present,
``../shared/corpus/dev/``), copied round-robin under distinct file names (each with a closing
line naming its copy, so each is a distinct article) until there are
``--articles`` of them. Both measurements load the English pipeline first and then time only
the work:

- spaCy alone: ``nlp.pipe`` over the raw text of every file (the same pipeline, the same batch
  size as the build).
- newskg: ``newskg.pipeline.build`` over the folder: ingest, spaCy, the rules, resolution, RDF,
  the on-disk Oxigraph store and the Turtle file.

It prints both times, articles per second and the ratio, and exits with 1 when the ratio is
above ``--max-ratio``. Each measurement runs once; run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newskg.extract.model import load_model  # noqa: E402
from newskg.pipeline import build  # noqa: E402


def sources() -> list[Path]:
    found = sorted((ROOT / "seeds").glob("*.txt"))
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    if dev.is_dir():
        found += sorted(dev.glob("*.txt"))
    if not found:
        raise SystemExit("bench_build: no articles found in seeds/")
    return found


def make_corpus(folder: Path, n: int) -> list[Path]:
    texts = sources()
    out = []
    for i in range(n):
        src = texts[i % len(texts)]
        dst = folder / f"{i:05d}_{src.stem}.txt"
        # each copy a distinct article: the same text under two names is built once
        dst.write_text(f"{src.read_text(encoding='utf-8')}\n\nBenchmark copy {i}.\n", encoding="utf-8")
        out.append(dst)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--max-ratio", type=float, default=1.5)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    nlp = load_model()
    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        corpus = Path(tmp) / "articles"
        corpus.mkdir()
        paths = make_corpus(corpus, args.articles)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        chars = sum(len(t) for t in texts)
        # warm up both paths on a few texts so neither pays first-call costs
        list(nlp.pipe(texts[:4]))

        t0 = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size))
        spacy_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = build([corpus], store=Path(tmp) / "store", output=Path(tmp) / "out.ttl", progress=False, nlp=nlp)
        build_s = time.perf_counter() - t0

    if report.errors:
        print("\n".join(report.errors), file=sys.stderr)
        return 2
    ratio = build_s / spacy_s
    n = len(paths)
    print(f"articles: {n} ({chars:,} characters, {tokens:,} tokens), model: {nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"spaCy alone:   {spacy_s:8.1f} s  {n / spacy_s:6.1f} articles/s")
    print(f"newskg build:  {build_s:8.1f} s  {n / build_s:6.1f} articles/s"
          f"  ({report.statements} statements, {report.incidents} incidents, {sum(report.entities.values())} entities)")
    print(f"ratio: {ratio:.2f} (limit {args.max_ratio})")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
