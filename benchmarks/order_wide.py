"""Order check on a folder: build it at once, then one article at a time in seeded random
orders, and compare the stores graph by graph with ``rdflib.compare``. Prints, per order, ``ok``
or the graphs that differ, the time of the whole run and of the slowest single build.

The test suite checks fifteen wide articles (``tests/test_order_wide.py``); this runs the same
check on a whole folder, e.g. the wide corpus (100 articles):

    python benchmarks/order_wide.py ../shared/corpus/wide --orders 3
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.storediff import differences  # noqa: E402
from newskg.extract.model import load_model  # noqa: E402
from newskg.pipeline import build  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--only", default="", help="a regular expression the file stems must match")
    ap.add_argument("--orders", type=int, default=3, help="how many random orders (seeds 1, 2, …)")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.glob("*.txt") if re.search(args.only, p.stem))
    nlp = load_model()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        build(files, store=work / "batch", progress=False, nlp=nlp)
        print(f"batch: {len(files)} articles in {time.perf_counter() - t:.1f} s", flush=True)
        for seed in range(1, args.orders + 1):
            order = list(files)
            random.Random(seed).shuffle(order)
            store = work / f"order-{seed}"
            took: list[float] = []
            for f in order:
                t = time.perf_counter()
                build([f], store=store, progress=False, nlp=nlp)
                took.append(time.perf_counter() - t)
            diff = differences(store, work / "batch", "one-by-one", "batch")
            failed += bool(diff)
            print(f"order {seed} (first {order[0].stem}, last {order[-1].stem}): "
                  f"{'ok: isomorphic to the batch store' if not diff else 'DIFFERS: ' + '; '.join(diff[:5])} "
                  f"({sum(took):.1f} s, slowest build {max(took):.2f} s, last {took[-1]:.2f} s)", flush=True)
    print(f"{args.orders - failed} of {args.orders} orders give the batch store")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
