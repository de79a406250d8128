"""Removal check on a folder: build it, then for each article take it out of a copy of the store
(``newskg.pipeline.remove``) and compare, graph by graph with ``rdflib.compare``, with a fresh
build of the others. Prints ``ok`` or the first differing triples per article, and the time.

The test suite checks made-up articles (``tests/test_rekey.py``); this runs the same check on
real ones, e.g. twelve wide articles that share people, bodies and events:

    python benchmarks/remove_wide.py ../shared/corpus/wide --only 'wide-0(8\\d|9[01])$'
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.storediff import differences  # noqa: E402
from newskg.extract.model import load_model  # noqa: E402
from newskg.pipeline import build, remove  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--only", default="", help="a regular expression the file stems must match")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.glob("*.txt") if re.search(args.only, p.stem))
    nlp = load_model()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build(files, store=work / "all", progress=False, nlp=nlp)
        for f in files:
            shutil.copytree(work / "all", work / "cut")
            t = time.perf_counter()
            remove([f.stem], work / "cut")
            took = time.perf_counter() - t
            build([g for g in files if g != f], store=work / "fresh", progress=False, nlp=nlp)
            diff = differences(work / "cut", work / "fresh", "removed-store", "fresh")
            failed += bool(diff)
            print(f"{f.stem}: {'ok' if not diff else '; '.join(diff)} (remove {took:.2f} s)", flush=True)
            shutil.rmtree(work / "cut")
            shutil.rmtree(work / "fresh")
    print(f"{len(files) - failed} of {len(files)} removals give a fresh build's store")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
