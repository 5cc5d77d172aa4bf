# Thin wrappers over scripts/: each sets up what it needs on a fresh machine.
.PHONY: run test lint bench setup

run:    ## set up, migrate, seed (first run), print sample flyers to out/, serve :5000
	scripts/run.sh

test:   ## the whole suite: lint, types, layers, tests on SQLite and PostgreSQL
	scripts/test.sh

lint:   ## ruff, mypy and the import-linter layer contracts
	scripts/bootstrap.sh && scripts/lint.sh

bench:  ## benchmarks, as ratios against the raw tools
	scripts/bootstrap.sh && .venv/bin/python bench/seed.py
	.venv/bin/python bench/routes.py
	.venv/bin/python bench/alignment.py
	.venv/bin/python bench/alignment_db.py
	.venv/bin/python bench/diagrams.py
	.venv/bin/python bench/flyers.py
	.venv/bin/python bench/pages.py
	.venv/bin/python bench/workbooks.py

setup:  ## system packages and .venv only
	scripts/bootstrap.sh
