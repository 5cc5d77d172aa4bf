#!/usr/bin/env bash
# The whole suite: lint, then the tests on SQLite, then the same tests on PostgreSQL.
# PostgreSQL comes from DATABASE_URL when it names one, else the local server; under CI
# (CI=true) an unreachable PostgreSQL fails the run instead of being skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/lint.sh

echo "== tests on SQLite"
env -u DATABASE_URL .venv/bin/pytest "$@"

postgres=${DATABASE_URL:-}
case "$postgres" in
  postgres*) ;;
  *) postgres=postgresql://postgres@127.0.0.1:5432/test ;;
esac
if .venv/bin/python - "$postgres" <<'PY' 2>/dev/null
import sys

import sqlalchemy as sa

from pathways.db import normalize_url

sa.create_engine(normalize_url(sys.argv[1])).connect().close()
PY
then
  echo "== tests on PostgreSQL"
  DATABASE_URL="$postgres" .venv/bin/pytest "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required under CI and is not reachable at $postgres" >&2
  exit 1
else
  echo "== PostgreSQL not reachable at $postgres: its run was skipped (CI would fail)"
fi
