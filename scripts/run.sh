#!/usr/bin/env bash
# Set up (first run: secret key, schema, the national catalog) and serve on HOST:PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh

mkdir -p instance
if [ -z "${SECRET_KEY:-}" ] && [ ! -s instance/secret_key ]; then
  (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(48))' \
    > instance/secret_key)
  echo "run: wrote a new secret key to instance/secret_key"
fi

.venv/bin/pathways db upgrade
.venv/bin/pathways seed --if-empty
exec .venv/bin/pathways serve --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}" \
  --workers "${WORKERS:-2}"
