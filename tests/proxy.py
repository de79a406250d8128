"""A path-rewriting reverse proxy on loopback (Starlette on uvicorn, in a thread), to put a real
`oxigraph serve` behind another server's URL layout (Fuseki's, GraphDB's) in the tests.

Only the mapped paths are forwarded (method, query string, body, Content-Type and Accept as
sent); anything else is 404, so a client that assumes Oxigraph's own paths fails. ``hits``
counts the requests per mapped path."""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from tests.servers import free_port


def _forward(url: str, method: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes, str]:
    req = urllib.request.Request(url, data=body or None, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Content-Type", "")


@contextlib.contextmanager
def path_proxy(upstream: str, paths: dict[str, str]):
    """Serve ``paths`` (our path -> the upstream's path); yields (base URL, hits)."""
    hits: Counter[str] = Counter()

    def route(ours: str, theirs: str) -> Route:
        async def handle(request: Request) -> Response:
            hits[ours] += 1
            query = f"?{request.url.query}" if request.url.query else ""
            headers = {k: request.headers[k] for k in ("content-type", "accept") if k in request.headers}
            status, data, ctype = await run_in_threadpool(
                _forward, upstream + theirs + query, request.method, await request.body(), headers)
            return Response(data, status_code=status, headers={"Content-Type": ctype} if ctype else {})
        return Route(ours, handle, methods=["GET", "POST", "PUT", "DELETE", "HEAD"])

    async def missing(request: Request) -> Response:
        return PlainTextResponse(f"no {request.url.path} here\n", status_code=404)

    app = Starlette(routes=[route(o, t) for o, t in paths.items()] + [Route("/{rest:path}", missing, methods=["GET", "POST", "PUT"])])
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > end or not thread.is_alive():
            raise RuntimeError("the proxy did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", hits
    finally:
        server.should_exit = True
        thread.join(10)
