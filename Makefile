# Quick start: `make demo`, `make test`. Both set up .venv first (Python 3.11, pip and venv only).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.duckdb
STAMP := $(VENV)/.installed

.PHONY: setup browser demo lint test clean

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
	$(BIN)/quotetrail stories --db $(DEMO_DB) --format table
	$(BIN)/quotetrail positions --db $(DEMO_DB) --actor Russia --target Taliban --format table

# The browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; \
	} || echo "warning: could not install chromium; the browser tests will be skipped"

# Lint, format and the layer contracts (pyproject.toml) run before the tests, in `make test`.
lint: setup
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/lint-imports

test: setup browser lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) build src/*.egg-info .pytest_cache
