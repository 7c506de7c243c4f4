# fieldvoice — the two commands: `make demo` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PY := .venv/bin/python
UV := .tools/bin/uv
DAYS ?= 7
PER_DAY ?= 15000

export DAGSTER_HOME := $(CURDIR)/dagster_home
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1
export UV_PYTHON_DOWNLOADS := never
export PYTHONPATH := $(CURDIR)
# dbt lives in its own environment (see pyproject.toml); put it on PATH for dagster-dbt's preparation step.
export PATH := $(CURDIR)/.venv-dbt/bin:$(PATH)

.PHONY: install demo test dev lint manifest benchmark docs clean postgres

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock
	@test -x $(UV) || (python3 -m venv .tools && .tools/bin/pip install -q --disable-pip-version-check uv==0.13.8)
	$(UV) sync --frozen --python python3 --compile-bytecode
	UV_PROJECT_ENVIRONMENT=.venv-dbt $(UV) sync --frozen --python python3 --only-group dbt --no-install-project --compile-bytecode
	@touch $@

# Bytecode of our own modules too: with PYTHONDONTWRITEBYTECODE set (as on some machines), every Dagster and dbt
# process would otherwise compile them again (the envs are compiled by `uv sync --compile-bytecode`).
manifest: install
	@.venv/bin/python -m compileall -q fieldvoice orchestration assets >/dev/null
	@if [ -d dbt_project/models ] && [ -f orchestration/dbt_project.py ]; then \
	  .venv/bin/dagster-dbt project prepare-and-package --file orchestration/dbt_project.py >/dev/null; fi

demo: install manifest
	$(PY) -m fieldvoice.cli generate --days $(DAYS) --per-day $(PER_DAY)
	$(PY) -m orchestration.demo

# Test modules are spread over TEST_WORKERS processes (pytest-xdist); each module stays on one worker, so its
# fixtures (a materialised week, a running Dagster server) are built once.
TEST_WORKERS ?= 2
test: install manifest postgres
	.venv/bin/pytest -n $(TEST_WORKERS) --dist loadscope

dev: install manifest
	.venv/bin/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

lint: install
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

# dbt docs of the current warehouse (run `make demo` first): one self-contained page to open in a browser.
docs: install manifest
	cd dbt_project && ../.venv-dbt/bin/dbt docs generate --profiles-dir . --static --quiet \
	  --target-path $(CURDIR)/data/outputs/dbt-docs
	@echo "dbt docs: $(CURDIR)/data/outputs/dbt-docs/static_index.html"

# A PostgreSQL server on 127.0.0.1 (Debian's packages) for the PostgreSQL warehouse and Dagster storage tests.
postgres:
	@bash scripts/postgres.sh

benchmark: install manifest
	$(PY) benchmarks/run.py

clean:
	rm -rf data dagster_home/storage dagster_home/logs dagster_home/history dagster_home/schedules
