# Two commands: `make run` starts the dashboard, `make test` runs every check (as CI does).
# `make check` is the fast everyday subset (no browser, no PostgreSQL, nothing marked slow), on
# every core, each test file on one worker (so a fixture built once per process is built once):
# under two minutes on a 2-core machine.
# Each creates .venv on first use and reinstalls requirements only when they change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ARGS ?=
PIP_FLAGS := --disable-pip-version-check

.PHONY: run test check lint fuzz clean

run: $(VENV)/.requirements.stamp
	$(BIN)/streamlit run app.py --server.port $(PORT) $(ARGS)

# Installs PostgreSQL and Chromium where it can (root with apt-get); otherwise their tests skip
# with a printed reason.
test: $(VENV)/.requirements-dev.stamp lint
	.ci/system-packages
	$(BIN)/pytest -q -n auto

check: $(VENV)/.requirements-dev.stamp lint
	$(BIN)/pytest -q -n auto --dist loadfile -m "not browser and not postgres and not slow"

lint: $(VENV)/.requirements-dev.stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The import path fuzzed at length (the normal test run tries 60 examples per test).
FUZZ_EXAMPLES ?= 2000
fuzz: $(VENV)/.requirements-dev.stamp
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q tests/importing/test_fuzz.py --hypothesis-show-statistics

clean:
	rm -f $(VENV)/.requirements.stamp $(VENV)/.requirements-dev.stamp data/*.db data/*.db-wal data/*.db-shm

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The project itself goes in editable mode (its console script `tilannekuva`), without its
# dependencies (pinned above) and with the pinned setuptools, so nothing is fetched twice.
$(VENV)/.requirements.stamp: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements.txt
	$(BIN)/python -m pip install $(PIP_FLAGS) --no-deps --no-build-isolation -e .
	touch $@

# requirements-dev.txt includes requirements.txt; a change to either reinstalls.
$(VENV)/.requirements-dev.stamp: requirements-dev.txt $(VENV)/.requirements.stamp
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements-dev.txt
	touch $@
