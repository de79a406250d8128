"""The parts a store's link keys split it into: what one build there resolves again at most.

    python benchmarks/linkparts.py STORE [--top 10]

Reads each article's link keys (``nkg:linkKey``, see ``newskg/linkkeys.py``) from a store built
by this version and joins the articles that share a key (with its partner role, as ``restore``
follows them): a build of an article resolves again the part its keys reach. Prints the number
of articles, of parts, the sizes of the largest parts, and the keys held by most articles.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newskg.linkkeys import partners  # noqa: E402
from newskg.store import open_store  # noqa: E402
from newskg.vocab import NKG  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    st = open_store(args.store, read_only=True)
    try:
        rows = st.query(f"SELECT ?a ?k WHERE {{ GRAPH ?a {{ ?a <{NKG.linkKey}> ?k }} }}")
    finally:
        st.close()
    assert isinstance(rows, list)
    keys: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        keys[str(row["a"])].add(str(row["k"]))
        holders[str(row["k"])].add(str(row["a"]))
    parent = {a: a for a in keys}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, ks in keys.items():
        for k in ks:
            for p in partners(k):
                for b in holders.get(p, ()):
                    parent[find(a)] = find(b)
    parts: dict[str, int] = defaultdict(int)
    for a in keys:
        parts[find(a)] += 1
    sizes = sorted(parts.values(), reverse=True)
    print(f"articles {len(keys)}, parts {len(sizes)}, largest {sizes[:args.top]}")
    shared = sorted(((len(v), k) for k, v in holders.items() if partners(k)), reverse=True)[:args.top]
    print("keys held by most articles: " + ", ".join(f"{k} ({n})" for n, k in shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
