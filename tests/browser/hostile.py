"""A partnership written by an attacker: every editable text field, through the API as its
users would write it, holds markup that would run if any page printed it unescaped."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from pathways.models import User
from pathways.sessions import database
from tests.factories import bearer, make_token

_marks = count(1)


def payload(limit: int = 200) -> str:
    """Script tag, attribute break-out and event handler in one string, numbered so a failure
    says which field leaked. `alert` opens a dialog, which the browser tests catch."""
    n = next(_marks)
    text = f"<script>alert({n})</script>\"><img src=x onerror=alert({n})>'><svg onload=alert({n})>"
    return text[:limit]


@dataclass(frozen=True)
class Hostile:
    region: str
    partnership: str
    pathway: str
    provider_id: int
    program_id: int
    credential_id: int
    texts: list[str]  # every payload stored in a field some page shows


def build(app: Flask, admin_email: str) -> Hostile:
    with database(app).sessions() as session:
        admin = session.query(User).filter_by(email=admin_email).one()
        headers = bearer(make_token(session, admin))
        session.commit()
    api = _Api(app.test_client(), headers)
    region = api.post("/api/v1/regions", slug="xss-region", name=payload(),
                      description=payload(), areas=["0033740"])  # fmt: skip
    partnership = api.post(
        "/api/v1/partnerships", slug="xss-partnership", name=payload(), sector=payload(120),
        region=region["slug"], description=payload(), brand_name=payload(),
        contact_line=payload(300), members=[{"name": payload(), "kind": "employer"}],
    )  # fmt: skip
    slug = partnership["slug"]
    api.post(f"/api/v1/partnerships/{slug}/critical-occupations", soc="29-2061", notes=payload())
    api.post(f"/api/v1/partnerships/{slug}/critical-occupations", soc="31-1131", notes=payload())
    api.post(
        f"/api/v1/partnerships/{slug}/employer-wages", soc="29-2061", pay_basis="annual",
        median=52000, reported_on="2026-03-01", employer_count=3, notes=payload(),
    )  # fmt: skip
    credential = api.post(
        "/api/v1/credentials", name=payload(), type="License", issuer=payload(),
        description=payload(), exam=payload(), renewal=payload(), source=payload(),
        unshown=frozenset({"description", "exam", "renewal", "source"}),  # no page shows these yet
    )  # fmt: skip
    provider = api.post(
        "/api/v1/providers", name=payload(), kind="community_college", street=payload(),
        city=payload(100), state="LA", region=region["slug"], contact_name=payload(),
    )  # fmt: skip
    program = api.post(
        "/api/v1/programs", provider=provider["id"], title=payload(), cip="51.3901",
        award_level="certificate", modality="in_person", schedule=payload(),
        prerequisites=payload(), credentials=[credential["id"]],
    )  # fmt: skip
    pathway = api.post(
        "/api/v1/pathways", partnership=slug, slug="xss-pathway", title=payload(),
        summary=payload(),
        steps=[{"key": "cna", "soc": "31-1131", "stage": 1, "label": payload()},
               {"key": "lpn", "soc": "29-2061", "stage": 2, "label": payload()}],
        transitions=[{"from": "cna", "to": "lpn", "kind": "advance", "months_training": 12,
                      "credentials": [credential["id"]], "notes": payload()}],
    )  # fmt: skip
    api.post(f"/api/v1/pathways/{pathway['slug']}/publish", headers={"If-Match": pathway["tag"]})
    return Hostile(region["slug"], slug, pathway["slug"], provider["id"], program["id"],
                   credential["id"], api.texts)  # fmt: skip


class _Api:
    def __init__(self, client: FlaskClient, headers: dict[str, str]) -> None:
        self.client, self.headers, self.texts = client, headers, []

    def post(
        self,
        path: str,
        headers: dict[str, str] | None = None,
        unshown: frozenset[str] = frozenset(),
        **body: Any,
    ) -> Any:
        self.texts.extend(
            _strings({key: value for key, value in body.items() if key not in unshown})
        )
        response = self.client.post(path, json=body, headers={**self.headers, **(headers or {})})
        assert response.status_code in (200, 201), (path, response.get_json())
        return response.get_json()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if "alert(" in value else []
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []
