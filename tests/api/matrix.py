"""The authorization matrix as data: one row per API operation, one status per caller."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Callers as built by the `callers` fixture (tests/conftest.py), in the order of a row's statuses.
CALLERS = (
    "anonymous",
    "bad_token",
    "admin",
    "partnership_editor",
    "other_partnership_editor",
    "provider_editor",
    "other_provider_editor",
)
API = "/api/v1"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
NA = None  # the caller has no account, so "oneself" means nothing for them


@dataclass(frozen=True)
class Row:
    """One operation: `path` is under /api/v1 and may name `{region}` (an existing region's
    slug), `{user}` (someone else's account id) or `{me}` (the caller's own id). `if_match`
    sends the resource's current ETag; a PATCH body's fields must read back as sent."""

    method: str
    path: str
    statuses: tuple[int | None, ...]
    body: dict[str, Any] | None = None
    if_match: bool = False

    def __post_init__(self) -> None:
        assert len(self.statuses) == len(CALLERS), f"{self.name}: one status per caller"

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def writes(self) -> bool:
        return self.method not in SAFE_METHODS

    def status_for(self, caller: str) -> int | None:
        return self.statuses[CALLERS.index(caller)]


NEW_REGION = {"slug": "matrix-new-region", "name": "Matrix New Region", "areas": ["0033740"]}
NEW_ACCOUNT = {"email": "new.account@example.org", "role": "admin"}
RENAME_REGION = {"name": "Renamed Region"}
RENAME_ACCOUNT = {"name": "Renamed Account"}

# A new endpoint is one more row here; the route guard in test_authorization_matrix.py fails
# while a route of a resource named below has no row.
# fmt: off
ROWS = (
    #    method    path                anon  bad  admin  pe  o-pe   pv  o-pv
    Row("GET",    "/regions",          (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/regions/{region}", (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/regions",          (401, 401, 201, 403, 403, 403, 403), NEW_REGION),
    Row("PATCH",  "/regions/{region}", (401, 401, 200, 403, 403, 403, 403), RENAME_REGION, True),
    Row("DELETE", "/regions/{region}", (401, 401, 204, 403, 403, 403, 403), if_match=True),
    Row("GET",    "/users",            (401, 401, 200, 404, 404, 404, 404)),
    Row("POST",   "/users",            (401, 401, 201, 403, 403, 403, 403), NEW_ACCOUNT),
    Row("GET",    "/users/me",         (401, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/users/{me}",       (NA,  NA,  200, 200, 200, 200, 200)),
    Row("GET",    "/users/{user}",     (401, 401, 200, 404, 404, 404, 404)),
    Row("PATCH",  "/users/{me}",       (NA,  NA,  200, 403, 403, 403, 403), RENAME_ACCOUNT, True),
    Row("PATCH",  "/users/{user}",     (401, 401, 200, 404, 404, 404, 404), RENAME_ACCOUNT, True),
    Row("DELETE", "/users/{me}",       (NA,  NA,  409, 403, 403, 403, 403), if_match=True),
    Row("DELETE", "/users/{user}",     (401, 401, 204, 404, 404, 404, 404), if_match=True),
    Row("GET",    "/audit",            (401, 401, 200, 404, 404, 404, 404)),
)
# fmt: on


def table() -> str:
    """The matrix as a Markdown table: operations down, callers across, "—" where n/a."""
    lines = [
        "| operation | " + " | ".join(CALLERS) + " |",
        "|---" * (len(CALLERS) + 1) + "|",
    ]
    for row in ROWS:
        cells = ("—" if status is None else str(status) for status in row.statuses)
        lines.append(f"| `{row.method} {API}{row.path}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())  # python -m tests.api.matrix
