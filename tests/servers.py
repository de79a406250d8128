"""Servers the tests start on loopback: `newskg serve` and `oxigraph serve`, stopped after use."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def newskg_server(store: str, *extra: str, env: dict | None = None):
    """`newskg serve` on a free loopback port; yields its base URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "newskg.cli", "serve", "--store", store, "--port", str(port), *extra]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=full_env)
    base = f"http://127.0.0.1:{port}"
    with _stopped_after(proc):
        wait_until_up(base + "/health", proc)
        yield base


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


@contextlib.contextmanager
def oxigraph_server(location: Path | None = None):
    """`oxigraph serve` (PyPI `oxigraph`) on a free loopback port, union default graph; yields its URL."""
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("the oxigraph server is needed: pip install oxigraph (in the test extras)")
    port = free_port()
    cmd = [binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    if location is not None:
        cmd += ["--location", str(location)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    with _stopped_after(proc):
        wait_until_up(base + "/query?query=ASK%7B%7D", proc)
        yield base


@contextlib.contextmanager
def _stopped_after(proc: subprocess.Popen):
    """Terminate ``proc`` when the block ends (killed if it does not stop within 10 s)."""
    try:
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
