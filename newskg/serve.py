"""Serve: the store over HTTP — a SPARQL 1.1 Protocol endpoint, a query page and the views.

Stage: serve. In: a store (folder or SPARQL server URL) and the limits. Out: a Starlette
application (``create_app``) run by uvicorn (``serve``), bound to 127.0.0.1 unless told.
Routes: ``/sparql`` (GET ``?query=``, POST form, POST ``application/sparql-query``; results in
JSON, XML, CSV or TSV, graphs in Turtle, N-Triples, JSON-LD or RDF/XML by ``Accept``), ``/`` the
query page (YASGUI, vendored in ``assets/``, with the saved queries and the ontology's prefixes),
``/view/`` the views, ``/health``. Every query is checked by ``guard`` and run by ``runner`` in a
worker process with a time limit and a row cap, so a hostile or runaway query costs a 4xx/503
answer and at most one worker, never the server. Updates are refused unless the server was
started with a token and the request carries it.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import sys
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from newskg.guard import PREFIXES, Limits, QueryRefused, precheck
from newskg.results import negotiate, serialize
from newskg.runner import Runner

__all__ = ["create_app", "serve"]

ASSETS = Path(__file__).resolve().parent / "assets"
#: Bodies over the limit but under this are read and dropped before answering 413.
DRAIN = 64 * 1024 * 1024
#: The query page may load nothing but what this server sends.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _refuse(message: str, status: int) -> PlainTextResponse:
    return PlainTextResponse(message.splitlines()[0] + "\n", status_code=status)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes. A body up to DRAIN bytes is read
    and dropped first, so the client, still sending, gets the 413 instead of a reset connection."""
    declared = request.headers.get("content-length")
    too_big = bool(declared and declared.isdigit() and int(declared) > limit)
    if too_big and int(declared or 0) > DRAIN:
        raise QueryRefused(f"request of {declared} bytes; the limit is {limit}", 413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > DRAIN:
            break
        if not too_big and size <= limit:
            chunks.append(chunk)
    if too_big or size > limit:
        raise QueryRefused(f"request of {declared or size} bytes; the limit is {limit}", 413)
    return b"".join(chunks)


async def _operation(request: Request, limit: int) -> tuple[str | None, str | None, dict]:
    """(query, update, parameters) of a SPARQL Protocol request."""
    params = {k: v for k, v in request.query_params.items()}
    if request.method == "GET":
        if "update" in params:
            raise QueryRefused("updates must be sent with POST", 405)
        return params.get("query"), None, params
    body = await _body(request, limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}
        params.update(form)
        return form.get("query"), form.get("update"), params
    text = body.decode("utf-8", "replace")
    if ctype == "application/sparql-query":
        return text, None, params
    if ctype == "application/sparql-update":
        return None, text, params
    raise QueryRefused(f"unsupported Content-Type {ctype or '(none)'}: send application/sparql-query, "
                       "application/sparql-update or a form", 415)


def create_app(store: str | Path, limits: Limits | None = None, workers: int = 2,
               update_token: str | None = None, runner: Runner | None = None) -> Starlette:
    """The application serving ``store``; ``runner`` defaults to ``workers`` spawned processes."""
    limits = limits or Limits()
    where = str(store)
    state: dict = {"runner": runner, "views": None}

    def get_runner() -> Runner:
        if state["runner"] is None:
            state["runner"] = Runner(where, workers=workers, timeout=limits.timeout)
        return state["runner"]

    async def sparql(request: Request) -> Response:
        try:
            query, update, params = await _operation(request, limits.max_request_bytes)
            if any(k in params for k in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")):
                raise QueryRefused("default-graph-uri / named-graph-uri are not supported; use FROM in the query", 400)
            if update is not None:
                return await _update(request, update)
            if not query:
                raise QueryRefused("no query: give ?query=… or POST one", 400)
            precheck(query, limits)
            result = await run_in_threadpool(get_runner().run, query, "query", limits.max_rows,
                                             guard={"limits": limits})
            try:
                fmt = negotiate(result.kind, request.headers.get("accept"), params.get("format"))
            except ValueError as exc:
                raise QueryRefused(str(exc), 406) from None
            body, media = serialize(result, fmt)
        except QueryRefused as exc:
            return _refuse(str(exc), exc.status)
        headers = {"Vary": "Accept"}
        if result.truncated:
            headers["X-Newskg-Truncated"] = str(limits.max_rows)
            headers["Warning"] = f'199 newskg "results cut at {limits.max_rows} rows"'
        return Response(body, media_type=media, headers=headers)

    async def _update(request: Request, update: str) -> Response:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not update_token:
            raise QueryRefused("updates are refused: this endpoint is read-only", 403)
        if not hmac.compare_digest(given.encode(), update_token.encode()):
            raise QueryRefused("updates need 'Authorization: Bearer <token>' with the server's token", 401)
        precheck(update, limits)
        await run_in_threadpool(get_runner().run, update, "update", 0, guard={"limits": limits, "allow_update": True})
        state["views"] = None
        return Response(status_code=204)

    async def page(request: Request) -> Response:
        data = {"endpoint": "sparql", "prefixes": PREFIXES, "queries": _saved()}
        blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        html = (ASSETS / "query.html").read_text(encoding="utf-8").replace("{{DATA}}", blob)
        return HTMLResponse(html, headers={"Content-Security-Policy": CSP})

    async def view(request: Request) -> Response:
        name = request.path_params.get("name") or "index.html"
        try:
            pages = await run_in_threadpool(_views, where, state, get_runner, limits.view_timeout)
        except QueryRefused as exc:  # stopped past the time limit (503), like a query
            return _refuse(str(exc), exc.status)
        except (ValueError, OSError) as exc:
            return _refuse(f"no view: {exc}", 503)
        if name not in pages:
            return _refuse(f"no view {name!r}; the views start at /view/ (index.html, timeline.html)", 404)
        return HTMLResponse(pages[name])

    async def health(request: Request) -> Response:
        try:
            res = await run_in_threadpool(get_runner().run, "ASK { }", "ask", 0)
        except QueryRefused as exc:
            return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "store": where, "answers": bool(res.boolean)})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        if state["runner"] is not None:
            state["runner"].close()

    routes = [
        Route("/", page),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", sparql, methods=["GET", "POST"]),
        Route("/health", health),
        Route("/view/", view),
        Route("/view/{name:path}", view),
        Mount("/assets", app=StaticFiles(directory=str(ASSETS)), name="assets"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runner = get_runner
    return app


def _saved() -> list[dict]:
    from newskg.query import list_queries, load_query

    return [{"name": name, "doc": doc, "text": load_query(name)} for name, doc in list_queries()]


def _views(where: str, state: dict, get_runner, timeout: float) -> dict[str, str]:
    """The pages ``newskg view`` writes (``views.render``), rendered once per state of the store,
    in a query worker within ``timeout`` seconds (past it the worker is replaced, 503)."""
    from newskg.runner import _Local
    from newskg.views import render_within

    sig = _Local(where)._signature() if not where.startswith(("http://", "https://")) else None
    cached = state.get("views")
    if cached and sig and cached[0] == sig:
        return cached[1]
    pages = render_within(where, timeout, runner=get_runner())
    state["views"] = (sig, pages)
    return pages


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
          workers: int = 2, update_token: str | None = None) -> None:
    """Run the server until interrupted."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"newskg: serving on {host}: other machines can reach this endpoint", file=sys.stderr)
    app = create_app(store, limits, workers, update_token)
    print(f"newskg: serving {store} at http://{host}:{port}/ (SPARQL endpoint /sparql)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=64, timeout_keep_alive=5,
                h11_max_incomplete_event_size=64 * 1024)
