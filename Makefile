# Two entry points for a fresh machine: `make demo` and `make test`.
# Both create .venv when it is missing and install the project into it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo build test bench fuzz lint clean

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

bench: demo
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/queries.py
	$(PY) bench/validate.py

# Property tests with mutated corpus text: 2 properties x FUZZ_EXAMPLES inputs (not part of `make test`).
FUZZ_EXAMPLES ?= 5000
fuzz: install
	mkdir -p build
	rm -f build/fuzz.jsonl
	USMXKG_FUZZ_PROFILE=fuzz USMXKG_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) USMXKG_FUZZ_REPORT=build/fuzz.jsonl \
		$(PY) -m pytest -q -p no:warnings tests/test_fuzz.py
	$(PY) bench/fuzz_report.py build/fuzz.jsonl

lint: install
	$(PY) -m pip install --quiet -e '.[dev]'
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src

clean:
	rm -rf build
