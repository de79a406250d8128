"""Order test on a whole folder: a batch build, then one-by-one builds in random orders, must
give isomorphic stores (resolution against the store is incremental and order-free).

The test suite runs this on a few wide articles (``tests/test_order_wide.py``); this script runs it
on any folder, e.g. the whole wide corpus, and says how long each build took:

    python benchmarks/order_wide.py ../shared/corpus/wide --orders 3
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from newskg.export import dataset_from_nquads, union_graph
from newskg.extract.model import load_model
from newskg.pipeline import build
from newskg.store import open_store


def _graph(store: Path):
    st = open_store(store)
    try:
        return union_graph(dataset_from_nquads(st.dump_nquads()))
    finally:
        st.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--orders", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = ap.parse_args()
    paths = sorted(args.folder.glob("*.txt"))[: args.limit or None]
    nlp = load_model()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build(paths, store=Path(tmp) / "batch", progress=False, nlp=nlp)
        batch = _graph(Path(tmp) / "batch")
        print(f"batch: {len(paths)} articles, {len(batch)} triples, {time.perf_counter() - t0:.1f} s")
        for seed in range(1, args.orders + 1):
            order = list(paths)
            random.Random(seed).shuffle(order)
            store = Path(tmp) / f"order-{seed}"
            t0 = time.perf_counter()
            for p in order:
                build([p], store=store, progress=False, nlp=nlp)
            one = _graph(store)
            same = isomorphic(one, batch)
            failed += not same
            print(f"order {seed}: {'isomorphic' if same else 'DIFFERENT'}, {time.perf_counter() - t0:.1f} s")
            if not same:
                _, only_one, only_batch = graph_diff(to_isomorphic(one), to_isomorphic(batch))
                for t in sorted(only_one)[:10]:
                    print("   one-by-one only:", *t)
                for t in sorted(only_batch)[:10]:
                    print("   batch only:     ", *t)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
