"""Use cases: keyword-only typed functions taking a session. They flush, never commit, and
raise domain errors; the edges (API, CLI) own the transaction."""
