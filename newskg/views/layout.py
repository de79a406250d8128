"""Views, layout: node positions computed ahead with igraph, so the page needs no physics.

In: node ids and edges. Out: ``{id: (x, y)}`` in canvas pixels. Fruchterman–Reingold (igraph's
C code, its grid variant above 1,000 nodes) from a fixed start with a fixed random generator, so
the same graph always gets the same picture. Small components are packed beside the big one by
_pack, never piled on top of it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

__all__ = ["layout"]

SPACING = 70.0  # pixels per layout unit
SPREAD = 2.6  # a component of n nodes spans about SPREAD * sqrt(n) units: room for the labels


def layout(ids: Sequence[str], edges: Sequence[tuple[str, str, float]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for ``ids``; ``edges`` are (a, b, weight), a light weight pulls less (same input → same output)."""
    import igraph as ig

    if not ids:
        return {}
    index = {n: i for i, n in enumerate(ids)}
    weight: dict[tuple[int, int], float] = {}
    for a, b, w in edges:
        if a in index and b in index and a != b:
            key = (min(index[a], index[b]), max(index[a], index[b]))
            weight[key] = max(weight.get(key, 0.0), w)
    pairs = sorted(weight)
    g = ig.Graph(n=len(ids), edges=pairs)
    g.es["weight"] = [weight[p] for p in pairs]
    ig.set_random_number_generator(random.Random(seed))
    try:
        comps = g.connected_components()
        subs = [g.subgraph(c) for c in comps]
        lays = [_one(s) for s in subs]
        merged = list(_pack(lays))
    finally:
        ig.set_random_number_generator(random)
    coords = [(0.0, 0.0)] * len(ids)
    flat = [i for c in comps for i in c]
    for i, xy in zip(flat, merged, strict=True):
        coords[i] = (round(xy[0] * SPACING, 1), round(xy[1] * SPACING, 1))
    return {n: coords[i] for n, i in index.items()}


def _one(g) -> list[tuple[float, float]]:
    n = g.vcount()
    if n == 1:
        return [(0.0, 0.0)]
    start = [(math.cos(2 * math.pi * i / n) * math.sqrt(n), math.sin(2 * math.pi * i / n) * math.sqrt(n)) for i in range(n)]
    lay = g.layout_fruchterman_reingold(seed=start, weights="weight" if g.ecount() else None,
                                        niter=300 if n < 500 else 150, grid=n >= 500)
    xs, ys = [p[0] for p in lay.coords], [p[1] for p in lay.coords]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    # FR's natural edge length is about 1; scale so that nodes sit ~1 unit apart on average
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = math.sqrt(n) * SPREAD / span
    return [((x - cx) * scale, (y - cy) * scale) for x, y in lay.coords]


def _pack(lays: list[list[tuple[float, float]]]):
    """Components side by side in rows, biggest first, each in its own box."""
    order = sorted(range(len(lays)), key=lambda i: -len(lays[i]))
    boxes = {}
    for i in order:
        xs, ys = [p[0] for p in lays[i]], [p[1] for p in lays[i]]
        boxes[i] = (max(xs) - min(xs) + 3.0, max(ys) - min(ys) + 2.0, min(xs), min(ys))
    total = sum(w * h for w, h, _, _ in boxes.values())
    row_width = max(math.sqrt(total) * 1.3, max(w for w, _, _, _ in boxes.values()))
    x = y = row_h = 0.0
    placed = {}
    for i in order:
        w, h, mx, my = boxes[i]
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        placed[i] = [(px - mx + x, py - my + y) for px, py in lays[i]]
        x += w
        row_h = max(row_h, h)
    for i in range(len(lays)):
        yield from placed[i]
