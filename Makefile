# Quick start: `make demo`, `make test`. Both set up .venv first (Python 3.11, pip and venv only).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.duckdb
STAMP := $(VENV)/.installed

.PHONY: setup demo test clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	rm -f $(DEMO_DB)
	$(BIN)/quotetrail ingest data/corpus/seeds --db $(DEMO_DB)
	$(BIN)/quotetrail articles --db $(DEMO_DB) --format table
	$(BIN)/quotetrail statements --db $(DEMO_DB) --format table
	$(BIN)/quotetrail positions --db $(DEMO_DB) --actor Russia --target Taliban --format table

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) build src/*.egg-info .pytest_cache
