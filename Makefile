# Conveniences over the documented commands (README: `bash scripts/test.sh` and `claimtrack run` stay the way in).
# `make` or `make help` lists the targets.
PY ?= .venv/bin/python
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres

.PHONY: help install run test test-pg lint types bench

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

install:  ## create .venv and install claimtrack with the dev tools
	CLAIMTRACK_INSTALL_ONLY=1 bash scripts/test.sh

run:  ## create/upgrade the database and serve on http://127.0.0.1:5000
	.venv/bin/claimtrack init && .venv/bin/claimtrack run

test:  ## the whole suite on SQLite (extra pytest arguments: make test ARGS="-k matching")
	bash scripts/test.sh $(ARGS)

test-pg:  ## the whole suite on the local PostgreSQL server
	CLAIMTRACK_TEST_DATABASE_URL=$(PG_URL) bash scripts/test.sh $(ARGS)

lint:  ## ruff (lint and format check) and mypy, as CI runs them
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy

types:  ## mypy only
	.venv/bin/mypy

bench:  ## the benchmarks that need no downloaded data, with their default sizes (all: benchmarks/README.md)
	$(PY) benchmarks/matching_pairs.py
	$(PY) benchmarks/intake_bench.py
	$(PY) benchmarks/exports_bench.py
	$(PY) benchmarks/pages_bench.py
	$(PY) benchmarks/queue_bench.py
