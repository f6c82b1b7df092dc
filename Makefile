# Two entry points for a fresh machine: `make demo` and `make test`.
# Both create .venv when it is missing and install the project into it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo build test bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	$(VENV)/bin/usmxkg build --sources data/sources --out build
	$(VENV)/bin/usmxkg reason --graph build/graph.nq --out build/inferred.nq
	$(VENV)/bin/usmxkg load --dataset build/graph.nq --location build/store

build: demo

test: install
	$(PY) -m pytest -q

# make bench BENCH_ARGS="--large" adds the 100x corpus; see bench/run.py --help.
BENCH_ARGS ?=

bench: install
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/queries.py

lint: install
	$(PY) -m pip install --quiet -e '.[dev]'
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src

clean:
	rm -rf build
