# Follicle: the two commands a newcomer needs are `make run` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast pytest lint bench golden lock clean

install: $(STAMP)

$(STAMP): requirements/lock.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

run: install
	$(BIN)/follicle kb check
	$(BIN)/follicle serve --demo --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

# The main suite runs on the embedded SQLite; tests/postgres runs against DATABASE_URL when it
# points at PostgreSQL (CI sets it) and is skipped otherwise (a failure under CI=true).
pytest: install
	env -u DATABASE_URL $(BIN)/pytest -n auto -q --ignore=tests/postgres
	$(BIN)/pytest -q -p no:xdist tests/postgres

test: lint pytest

# The database-free tests (engine, knowledge, command line, settings): every test that uses the
# test database is marked `db` by tests/conftest.py from its fixtures and left out here.
test-fast: install
	env -u DATABASE_URL $(BIN)/pytest -n auto -q -m "not db"

bench: install
	$(BIN)/python -m follicle.bench

# Record the engine's output for 3,000 seeded answer sets (tests/engine/golden_output.txt);
# refuses an output change that comes with neither a new ENGINE_VERSION nor new knowledge data.
golden: install
	$(BIN)/python -m tests.engine.golden

# Re-pin every dependency after editing pyproject.toml (needs network access to PyPI).
lock:
	$(PY) -m venv /tmp/follicle-lock && /tmp/follicle-lock/bin/pip install --quiet pip-tools
	/tmp/follicle-lock/bin/pip-compile --quiet --extra dev --generate-hashes --strip-extras \
		--allow-unsafe -o requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build src/*.egg-info
