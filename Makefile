# newskg: `make demo` builds the graph of seeds/, `make test` runs the tests, `make check` adds lint and types.
PY ?= $(shell command -v python3.11 >/dev/null 2>&1 && echo python3.11 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test check bench clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "needs $(PY)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/newskg build seeds --store graph/store --output graph/newskg.ttl
	$(BIN)/newskg view --store graph/store --out graph/view.html
	$(BIN)/newskg validate --store graph/store

test: $(STAMP)
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/ruff check newskg tests benchmarks
	$(BIN)/mypy newskg
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py

clean:
	rm -rf $(VENV) graph/store graph/newskg.ttl graph/view.html graph/timeline.html graph/entity
