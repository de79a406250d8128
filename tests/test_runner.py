"""Worker processes: a crash or a runaway query costs one worker, and the next query still answers."""

import time

import pytest

from newskg.guard import QueryRefused
from newskg.runner import Runner
from tests.test_query_cli import SLOW, _store

DEEP = "SELECT * WHERE " + "{" * 3000 + "}" * 3000


@pytest.fixture()
def runner(tmp_path):
    r = Runner(_store(tmp_path / "s", filler=40), workers=2, timeout=2, start_method="fork")
    yield r
    r.close()


def test_an_engine_crash_costs_one_worker(runner):
    with pytest.raises(QueryRefused) as info:  # unguarded on purpose: this text crashes the engine
        runner.run(DEEP, "select")
    assert info.value.status == 500 and "crashed" in str(info.value)
    assert runner.run("ASK { ?s a nkg:Person }", "ask").boolean is True


def test_a_runaway_query_is_stopped_and_replaced(runner):
    t = time.monotonic()
    with pytest.raises(QueryRefused) as info:
        runner.run(SLOW, "select")
    assert info.value.status == 503 and 2 <= time.monotonic() - t < 10
    for _ in range(3):  # both workers (one of them new) answer
        assert runner.run("SELECT ?s { ?s a nkg:Person }", "select").rows


def test_the_guard_runs_in_the_worker(runner):
    with pytest.raises(QueryRefused) as info:
        runner.run("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "query", guard={})
    assert info.value.status == 403
    res = runner.run("SELECT ?s { ?s a nkg:Person } LIMIT 2", "query", 1, guard={})
    assert res.kind == "select" and len(res.rows) == 1 and res.truncated
