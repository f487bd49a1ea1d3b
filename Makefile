# The two commands of the README: `make run` and `make test`. Everything else is their parts.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test test-fast install install-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed tests/browser/js/package-lock.json tests/ical/node/package-lock.json
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# axe-core, which the browser tests inject, and Mozilla's ical.js, a calendar client the
	# feed tests run (skipped with the reason when npm is missing)
	if command -v npm >/dev/null; then npm ci --prefix tests/browser/js --no-audit --no-fund --silent; fi
	if command -v npm >/dev/null; then npm ci --prefix tests/ical/node --no-audit --no-fund --silent; fi
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/timeline db upgrade
	$(BIN)/timeline ingest seeds/
	$(BIN)/timeline serve --host $(HOST) --port $(PORT)

# Tests keep bytecode even where PYTHONDONTWRITEBYTECODE is set (as on this machine): without
# it pytest rewrites every test module's asserts again in every process (seconds per worker).
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest

test: install-test
	$(PYTEST) $(PYTEST_ARGS)

# The loop to run while working: the pure core and the Flask test-client suites on SQLite,
# without the marked suites that need a server, a browser, other processes or faults, and the
# property tests on a quarter of their examples (hypothesis profile `fast`, tests/conftest.py).
# Spread over FAST_WORKERS processes (pytest-xdist; 0 runs them in this one).
FAST := not (postgres or browser or production or faults or slow)
FAST_WORKERS ?= 2
test-fast: install-test
	@bash -c 'TIMEFORMAT="make test-fast: %1R s (CPU: %1U s user, %1S s sys)"; time $(PYTEST) -q -n $(FAST_WORKERS) -m "$(FAST)" --hypothesis-profile=fast $(PYTEST_ARGS)'

bench: install-test
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) instance test-artifacts *.egg-info
