# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint bench bench-quick check clean

install: $(STAMP)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	@touch $(STAMP)

run: install
	$(BIN)/python -m bot

# One worker more than the cores: the end-to-end tests mostly wait on sockets (measured on 2
# cores: 82 s with 2 workers, 62 s with 3, 65 s with 4).
WORKERS ?= $(shell expr $$(nproc 2>/dev/null || echo 2) + 1)

# Lint, format and types first (a few seconds), then the suite on every core.
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy tests bench
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal

check: install
	$(BIN)/python -m knowledge check

bench: install
	$(BIN)/python -m bench

bench-quick: install
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis *.egg-info
