# newskg: `make demo` builds the graph of seeds/, `make test` runs the tests, `make check` adds lint and types,
# `make wheel-test` installs the wheel in a fresh venv and builds + validates from another folder.
PY ?= $(shell command -v python3.11 >/dev/null 2>&1 && echo python3.11 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test check bench wheel-test clean

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

# the wheel in a fresh venv, used from another folder: nothing may come from the source tree
wheel-test: $(STAMP)
	rm -rf dist && $(BIN)/pip wheel --quiet --no-deps -w dist .
	set -e; tmp=$$(mktemp -d); $(PY) -m venv $$tmp/venv; \
	$$tmp/venv/bin/pip install --quiet dist/newskg-*.whl; \
	cp -r seeds $$tmp/articles; cd $$tmp; \
	venv/bin/newskg build articles --store graph/store --output graph/out.jsonld; \
	venv/bin/newskg validate --store graph/store; \
	venv/bin/newskg view --store graph/store --out site; test -s site/index.html -a -s site/timeline.html; \
	venv/bin/newskg query --store graph/store --name who-said-what --format csv > said.csv; head -3 said.csv; \
	cd / && rm -rf $$tmp

clean:
	rm -rf $(VENV) dist build graph/store graph/newskg.ttl graph/view.html graph/timeline.html graph/entity
