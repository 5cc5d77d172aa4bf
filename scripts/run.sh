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

# The sample partnerships' flyers, to look at (and, through the render cache, served at once).
mkdir -p out
for partnership in seed_data/partnerships/*.toml; do
  slug=$(basename "$partnership" .toml)
  .venv/bin/pathways render flyers --partnership "$slug" -o "out/$slug.pdf" --jobs 2 \
    --paper letter --lang en --lang es
done
exec .venv/bin/pathways serve --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}" \
  --workers "${WORKERS:-2}"
