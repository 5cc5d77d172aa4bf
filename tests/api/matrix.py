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
ACTION_OF = {"POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
NA = None  # the caller has no account, so "oneself" means nothing for them

# A 1×1 PNG, for the logo upload.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xe0\x8e\xed\x01\x00\x01k\x00\xf5eb\x8a\xa3\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Row:
    """One operation. `path` is under /api/v1 and may name (see World in the test module):
    `{region}` an existing region's slug; `{user}` someone else's account id; `{me}` the
    caller's own id; `{partnership}` partnership "ours" (the partnership_editor's, not the
    other_partnership_editor's), with a logo, and in it `{critical}` a critical occupation's
    SOC code, `{wage}` an employer wage report's id, `{override}` a requirement override's
    id; `{credential}` a credential's id; `{pathway}` a published pathway of "ours" (no
    draft); `{draft}` a draft-only pathway of "ours", complete enough to publish;
    `{provider}` provider "ours" (the provider_editor's) and `{program}` a program of it.
    String values of `body` may name them too.

    `if_match` sends the resource's current ETag. `files` makes the body multipart:
    {field: (filename, bytes)}. `view` is where an admin reads what the row changes (default
    `path`: the resource itself, or for a create the collection). `action` is what the audit
    log records (default by method), `audits` how many entries one success writes. The
    resource must read back the fields of `reads` after a success (default: `body`)."""

    method: str
    path: str
    statuses: tuple[int | None, ...]
    body: dict[str, Any] | None = None
    if_match: bool = False
    files: dict[str, tuple[str, bytes]] | None = None
    view: str | None = None
    action: str | None = None
    audits: int = 1
    reads: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        assert len(self.statuses) == len(CALLERS), f"{self.name}: one status per caller"

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def writes(self) -> bool:
        return self.method not in SAFE_METHODS

    @property
    def audit_action(self) -> str:
        return self.action or ACTION_OF[self.method]

    @property
    def read_back(self) -> dict[str, Any]:
        if self.reads is not None:
            return self.reads
        return self.body or {}

    def status_for(self, caller: str) -> int | None:
        return self.statuses[CALLERS.index(caller)]


NEW_REGION = {"slug": "matrix-new-region", "name": "Matrix New Region", "areas": ["0033740"]}
NEW_ACCOUNT = {"email": "new.account@example.org", "role": "admin"}
NAMED_REGION = {"slug": "matrix-new-region", "name": "Matrix New Region"}  # areas read as objects
RENAME_REGION = {"name": "Renamed Region"}
RENAME_ACCOUNT = {"name": "Renamed Account"}
NEW_PARTNERSHIP = {
    "slug": "matrix-new-partnership",
    "name": "Matrix New Partnership",
    "sector": "Healthcare",
    "region": "{region}",
}
REBRAND = {
    "brand_name": "Matrix Careers",
    "primary_color": "#112233",
    "members": [{"name": "Matrix Medical Center", "kind": "employer", "website": None}],
}
LOGO = {"logo": ("logo.png", PNG)}
NEW_CRITICAL = {"soc": "29-1171", "priority": 2, "annual_openings": 12}
REPRIORITISE = {"priority": 3, "notes": "Matrix: nights are hardest to fill."}
NEW_WAGE = {
    "soc": "29-2061",
    "pay_basis": "hourly",
    "entry": 23.5,
    "median": 26.5,
    "experienced": 29.5,
    "reported_on": "2025-03-01",
    "employer_count": 4,
}
CORRECT_WAGE = {"median": 16.0}
NEW_OVERRIDE = {
    "soc": "31-1131",
    "action": "add",
    "skill": "2.C.3.a",
    "importance": 3.0,
    "level": 2.5,
}
ADDED_SKILL = {"soc": "31-1131", "action": "add", "importance": 3.0, "level": 2.5}  # skill_id
REWEIGHT = {"importance": 4.5}
NEW_CREDENTIAL = {
    "name": "Matrix Forklift Operator Card",
    "type": "Certificate",
    "issuer": "Matrix Safety Council",
    "occupations": [{"soc": "53-7051", "relation": "required"}],
}
RECOST = {"typical_cost": 9900}
NEW_PATHWAY = {"partnership": "{partnership}", "slug": "matrix-new-pathway", "title": "Matrix New"}
RETITLE = {"title": "Matrix Pathway, Revised"}
PUBLISHED = {"status": "published"}

NEW_PROVIDER = {
    "name": "Matrix Technical College",
    "kind": "community_college",
    "city": "Monroe",
    "state": "LA",
    "postal_code": "71203",
    "region": "{region}",
    "website": "https://matrix.example.edu",
    "contact_email": "admissions@matrix.example.edu",
}
RENAME_PROVIDER = {"name": "Matrix College, Renamed", "contact_phone": "(318) 555-0199"}
NEW_PROGRAM = {
    "provider": "{provider}",
    "title": "Matrix Practical Nursing",
    "cip": "51.3901",
    "award_level": "certificate",
    "modality": "hybrid",
    "seats_per_year": 24,
    "skills": [{"skill": "2.A.1.a", "level": 4.0}],
}
READING = {"skill": "2.A.1.a", "name": "Reading Comprehension", "kind": "skill", "level": 4.0}
# The provider is sent as a placeholder string and read back as an id: not compared.
NEW_PROGRAM_READS = {
    **{k: v for k, v in NEW_PROGRAM.items() if k != "provider"},
    "skills": [READING],
}
RESCHEDULE = {
    "schedule": "Evenings",
    "credentials": [],
    "skills": [{"skill": "2.A.1.a", "level": 4}],
}
RESCHEDULED = {**RESCHEDULE, "skills": [READING]}

PARTNERSHIP = "/partnerships/{partnership}"
PROVIDER = "/providers/{provider}"
PROGRAM = "/programs/{program}"
CRITICAL = PARTNERSHIP + "/critical-occupations"
WAGES = PARTNERSHIP + "/employer-wages"
OVERRIDES = PARTNERSHIP + "/requirement-overrides"

# A new endpoint is one more row here; the route guard in test_authorization_matrix.py fails
# while a route of a resource named below has no row.
# fmt: off
ROWS = (
    #    method    path                anon  bad  admin  pe  o-pe   pv  o-pv
    Row("GET",    "/regions",          (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/regions/{region}", (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/regions",          (401, 401, 201, 403, 403, 403, 403), NEW_REGION,
        reads=NAMED_REGION),
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
    # Partnerships: admins create and delete them; their own editors change them.
    Row("GET",    "/partnerships",     (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/partnerships",     (401, 401, 201, 403, 403, 403, 403), NEW_PARTNERSHIP),
    Row("GET",    PARTNERSHIP,         (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  PARTNERSHIP,         (401, 401, 200, 200, 403, 403, 403), REBRAND, True),
    Row("DELETE", PARTNERSHIP,         (401, 401, 204, 403, 403, 403, 403), if_match=True),
    Row("GET",    PARTNERSHIP + "/logo", (200, 401, 200, 200, 200, 200, 200)),
    Row("PUT",    PARTNERSHIP + "/logo", (401, 401, 200, 200, 403, 403, 403), if_match=True,
        files=LOGO, view=PARTNERSHIP, reads={"logo": API + PARTNERSHIP + "/logo"}),
    Row("DELETE", PARTNERSHIP + "/logo", (401, 401, 200, 200, 403, 403, 403), if_match=True,
        view=PARTNERSHIP, action="update", reads={"logo": None}),
    Row("GET",    PARTNERSHIP + "/alignment", (200, 401, 200, 200, 200, 200, 200)),
    # A bundle holds drafts: only those who may read them download it.
    Row("GET",    PARTNERSHIP + "/bundle", (401, 401, 200, 200, 403, 403, 403)),
    # A partnership's workspace: everyone reads it; its own editors change it.
    Row("GET",    CRITICAL,            (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   CRITICAL,            (401, 401, 201, 201, 403, 403, 403), NEW_CRITICAL),
    Row("GET",    CRITICAL + "/{critical}", (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  CRITICAL + "/{critical}", (401, 401, 200, 200, 403, 403, 403), REPRIORITISE,
        True),
    Row("DELETE", CRITICAL + "/{critical}", (401, 401, 204, 204, 403, 403, 403), if_match=True),
    Row("GET",    WAGES,               (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   WAGES,               (401, 401, 201, 201, 403, 403, 403), NEW_WAGE),
    Row("GET",    WAGES + "/{wage}",   (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  WAGES + "/{wage}",   (401, 401, 200, 200, 403, 403, 403), CORRECT_WAGE, True),
    Row("DELETE", WAGES + "/{wage}",   (401, 401, 204, 204, 403, 403, 403), if_match=True),
    Row("GET",    OVERRIDES,           (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   OVERRIDES,           (401, 401, 201, 201, 403, 403, 403), NEW_OVERRIDE,
        reads=ADDED_SKILL),
    Row("GET",    OVERRIDES + "/{override}", (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  OVERRIDES + "/{override}", (401, 401, 200, 200, 403, 403, 403), REWEIGHT, True),
    Row("DELETE", OVERRIDES + "/{override}", (401, 401, 204, 204, 403, 403, 403), if_match=True),
    # Credentials: a shared catalog; any editor adds to it, admins correct and remove.
    Row("GET",    "/credentials",      (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/credentials",      (401, 401, 201, 201, 201, 201, 201), NEW_CREDENTIAL),
    Row("GET",    "/credentials/{credential}", (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  "/credentials/{credential}", (401, 401, 200, 403, 403, 403, 403), RECOST, True),
    Row("DELETE", "/credentials/{credential}", (401, 401, 204, 403, 403, 403, 403),
        if_match=True),
    # Providers: admins add and remove them; their own editors change them.
    Row("GET",    "/providers",        (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/providers",        (401, 401, 201, 403, 403, 403, 403), NEW_PROVIDER),
    Row("GET",    PROVIDER,            (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  PROVIDER,            (401, 401, 200, 403, 403, 200, 403), RENAME_PROVIDER, True),
    Row("DELETE", PROVIDER,            (401, 401, 204, 403, 403, 403, 403), if_match=True),
    # Programs: everyone reads them; their provider's editors add, change and remove them.
    Row("GET",    "/programs",         (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/programs",         (401, 401, 201, 403, 403, 201, 403), NEW_PROGRAM,
        reads=NEW_PROGRAM_READS),
    Row("GET",    "/programs/suggestions?cip=51.3901", (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    PROGRAM,             (200, 401, 200, 200, 200, 200, 200)),
    Row("PATCH",  PROGRAM,             (401, 401, 200, 403, 403, 200, 403), RESCHEDULE, True,
        reads=RESCHEDULED),
    Row("DELETE", PROGRAM,             (401, 401, 204, 403, 403, 204, 403), if_match=True),
    # Their alignment: public, like the programs and occupations it is computed from.
    Row("GET",    PROGRAM + "/alignment?occupation=29-2061", (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    PROVIDER + "/alignment", (200, 401, 200, 200, 200, 200, 200)),
    # Pathways: a draft is its partnership's editors' alone (404 to everyone else); a
    # published one is public, and changed only by the partnership's editors.
    Row("GET",    "/pathways",         (200, 401, 200, 200, 200, 200, 200)),
    Row("POST",   "/pathways",         (401, 401, 201, 201, 403, 403, 403), NEW_PATHWAY),
    Row("GET",    "/pathways/{pathway}", (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/pathways/{draft}", (404, 401, 200, 200, 404, 404, 404)),
    # Changing a published pathway starts version 2 as a draft: two audit entries.
    Row("PATCH",  "/pathways/{pathway}", (401, 401, 200, 200, 403, 403, 403), RETITLE, True,
        audits=2),
    Row("PATCH",  "/pathways/{draft}", (401, 401, 200, 200, 404, 404, 404), RETITLE, True),
    Row("DELETE", "/pathways/{pathway}", (401, 401, 204, 204, 403, 403, 403), if_match=True),
    Row("DELETE", "/pathways/{draft}", (401, 401, 204, 204, 404, 404, 404), if_match=True),
    Row("POST",   "/pathways/{draft}/publish", (401, 401, 200, 200, 404, 404, 404),
        if_match=True, view="/pathways/{draft}", action="publish", reads=PUBLISHED),
    Row("POST",   "/pathways/{pathway}/publish", (401, 401, 409, 409, 403, 403, 403),
        if_match=True, view="/pathways/{pathway}", action="publish"),
    Row("GET",    "/pathways/{pathway}/routes", (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/pathways/{draft}/routes", (404, 401, 200, 200, 404, 404, 404)),
    Row("GET",    "/pathways/{pathway}/validation", (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/pathways/{draft}/validation", (404, 401, 200, 200, 404, 404, 404)),
    Row("GET",    "/pathways/{pathway}/ctdl", (200, 401, 200, 200, 200, 200, 200)),
    Row("GET",    "/pathways/{draft}/ctdl", (404, 401, 200, 200, 404, 404, 404)),
)
# fmt: on

# Cells where the app is known to differ from the matrix: (row name, caller) → why. The
# matrix says what should happen; these run as strict xfails until the app is fixed.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


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
