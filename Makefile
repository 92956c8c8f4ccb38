# relviz: `make lab` to learn, `make test` to check. Both set everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.relviz-setup-done
# The schema reader compiled with mypyc (relviz/_compiled.py): its manifest, and what it is built from.
CORE := relviz/_compiled.json
CORE_SOURCES := relviz/_compiled.py $(wildcard relviz/syntax/*.py relviz/schema/*.py relviz/schema/rules/*.py)
# Run again as plain Python by `make test`, as it runs without a C compiler or after an edit.
READER_TESTS := tests/test_fixtures.py tests/test_check.py tests/test_dmmf.py tests/test_relations.py \
  tests/test_robustness.py $(wildcard tests/test_rules_*.py)
CHROMIUM ?= /usr/bin/chromium
ARGS ?=

# apt-get only when we are root on a Debian-like system; otherwise print what to run.
CAN_APT = [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null
APT_INSTALL = DEBIAN_FRONTEND=noninteractive apt-get install -y -q

.PHONY: help setup system-tools lab test notebooks bench clean distclean

help:
	@echo "make lab        set up, then open the course notebooks in JupyterLab"
	@echo "make test       set up, then run the whole test suite (ARGS='-x -k name' to narrow)"
	@echo "make notebooks  re-run every notebooks/*.ipynb in place, keeping the outputs"
	@echo "make bench      run every benchmarks/bench_*.py"
	@echo "make clean      remove caches and build files (distclean: the .venv too)"

setup: $(STAMP) $(CORE) system-tools

# Python side: rebuilt only when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	touch $@

# Compiled again whenever its source changes (two minutes); relviz runs as plain Python, about
# half as fast, where it cannot be (no C compiler): a warning, except in CI, where it fails.
$(CORE): $(STAMP) $(CORE_SOURCES)
	@echo "Compiling relviz's schema reader with mypyc (about two minutes)"
	@RELVIZ_PURE_PYTHON=1 $(BIN)/python -c 'from relviz._compiled import build; build()' || { \
	  echo "warning: relviz's schema reader was not compiled; it runs as plain Python" >&2; [ -z "$$CI" ]; }

# System side: Graphviz is required; Chromium (for the browser test) is optional.
system-tools:
	@if ! command -v dot >/dev/null; then \
	  if $(CAN_APT); then \
	    echo "Installing Graphviz with apt-get"; \
	    apt-get update -q && $(APT_INSTALL) graphviz; \
	  else \
	    echo "relviz needs Graphviz's 'dot' program to draw diagrams. Install it, then run make again:" >&2; \
	    echo "  Debian/Ubuntu: sudo apt-get install graphviz" >&2; \
	    echo "  macOS:         brew install graphviz" >&2; \
	    echo "  conda:         conda install -c conda-forge graphviz" >&2; \
	    exit 1; \
	  fi; \
	fi
	@if [ ! -x "$(CHROMIUM)" ] && $(CAN_APT); then \
	  echo "Installing Chromium with apt-get (for the browser test)"; \
	  { apt-get update -q && $(APT_INSTALL) --no-install-recommends chromium; } || true; \
	fi
	@[ -x "$(CHROMIUM)" ] || echo "warning: no $(CHROMIUM), so the browser test will be skipped" \
	  "(Debian/Ubuntu: sudo apt-get install chromium)" >&2
	@if command -v npm >/dev/null && [ ! -d tests/node/node_modules ]; then \
	  echo "Installing Mermaid's parser for the diagram tests (npm ci in tests/node)"; \
	  npm ci --prefix tests/node --no-audit --no-fund --loglevel=error || \
	    echo "warning: npm ci failed; the Mermaid check installs it itself or is skipped" >&2; \
	fi

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
lab: setup
	$(BIN)/jupyter lab notebooks/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)

test: setup
	@if [ -z "$(ARGS)" ] && [ -f $(CORE) ]; then \
	  echo "== the schema reader's tests as plain Python (RELVIZ_PURE_PYTHON=1), then everything compiled"; \
	  RELVIZ_PURE_PYTHON=1 $(BIN)/python -m pytest -q -p no:cacheprovider $(READER_TESTS); \
	fi
	$(BIN)/python -m pytest $(ARGS)

# Each notebook runs with its own folder as the working directory.
notebooks: setup
	@shopt -s nullglob; nbs=(notebooks/*.ipynb); \
	if [ $${#nbs[@]} -eq 0 ]; then echo "no notebooks in notebooks/"; exit 0; fi; \
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False "$${nbs[@]}"

bench: setup
	@shopt -s nullglob; for f in benchmarks/bench_*.py; do \
	  echo "== $$f"; $(BIN)/python "$$f" || exit 1; \
	done

clean:
	find . -path ./$(VENV) -prune -o -type d \
	  \( -name __pycache__ -o -name .ipynb_checkpoints \) -print -exec rm -rf {} +
	rm -rf .pytest_cache .hypothesis build dist *.egg-info benchmarks/results
	[ ! -x $(BIN)/python ] || RELVIZ_PURE_PYTHON=1 $(BIN)/python -c 'from relviz._compiled import clean; clean()'

distclean: clean
	rm -rf $(VENV)
