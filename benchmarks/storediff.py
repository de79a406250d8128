"""Graph-by-graph comparison of two on-disk stores, shared by the order and removal benchmarks.

``differences(a, b, "one-by-one", "batch")`` returns one line per named graph that is only in one
store or not isomorphic in both (with up to two triples found only on each side); an empty list
means the stores hold the same graphs.
"""

from __future__ import annotations

from pathlib import Path

from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from newskg.export import load_store


def differences(a: Path, b: Path, name_a: str = "first", name_b: str = "second") -> list[str]:
    da, db = load_store(a), load_store(b)
    ga = {str(g.identifier): g for g in da.graphs() if len(g)}
    gb = {str(g.identifier): g for g in db.graphs() if len(g)}
    out = [f"graph only in one: {n}" for n in sorted(set(ga) ^ set(gb))]
    for n in sorted(set(ga) & set(gb)):
        if not isomorphic(ga[n], gb[n]):
            _, only_a, only_b = graph_diff(to_isomorphic(ga[n]), to_isomorphic(gb[n]))
            out.append(f"{n}: {name_a} only {sorted(map(str, only_a))[:2]}, "
                       f"{name_b} only {sorted(map(str, only_b))[:2]}")
    return out
