"""`pathways credentials`, `pathways pathways` and `pathways occupations next-steps`."""

from __future__ import annotations

import json

import sqlalchemy as sa

from pathways.models import Credential, OccupationCredential, Pathway
from tests.cli.test_workspace import count, run, workspace

__all__ = ["workspace"]  # the fixture, shared with the partnership commands' tests


def test_create_and_list_credentials(cli, session):
    created = run(cli, "credentials", "create", "--name", "Test Phlebotomy Technician",
                  "--type", "Certification", "--issuer", "Test Society", "--cost", "125",
                  "--occupation", "31-1131:add_on", "--occupation", "29-2061")  # fmt: skip
    credential_id = int(created.output.split()[2])
    assert created.output == f"created credential {credential_id} Test Phlebotomy Technician\n"
    links = session.scalars(
        sa.select(OccupationCredential).where(OccupationCredential.credential_id == credential_id)
    ).all()
    assert sorted((link.soc_code, link.relation.value) for link in links) == [
        ("29-2061", "required"), ("31-1131", "add_on")
    ]  # fmt: skip
    listing = run(cli, "credentials", "list", "--q", "phlebotomy test").output
    assert listing == (
        f"{credential_id}\tCertification\tTest Phlebotomy Technician\tTest Society\t$125\n"
    )
    data = json.loads(run(cli, "credentials", "list", "--occupation", "31-1131",
                          "--type", "Certification", "--json").output)  # fmt: skip
    assert {"id": credential_id, "name": "Test Phlebotomy Technician", "type": "Certification",
            "issuer": "Test Society", "typical_cost_cents": 12_500} in data  # fmt: skip


def test_a_bad_credential_exits_1_naming_the_field_and_writes_nothing(cli, session):
    before = count(session, Credential)
    base = ["credentials", "create", "--name", "Test Welding", "--type", "Certification"]
    costly = run(cli, *base, "--cost", "2000000", code=1)
    assert "typical_cost: cents, from 0 to $1,000,000" in costly.output
    unknown = run(cli, *base, "--occupation", "99-9999", code=1)
    assert "occupations[0].soc: no occupation 99-9999 in the catalog" in unknown.output
    relation = run(cli, *base, "--occupation", "31-1131:nice", code=1)
    assert "occupations[0].relation: required, preferred or add_on" in relation.output
    run(cli, "credentials", "create", "--name", "X", "--type", "Licence", code=2)
    assert count(session, Credential) == before
    run(cli, *base)
    assert "already a credential 'Test Welding'" in run(cli, *base, code=1).output


def test_list_show_publish_and_delete_a_pathway(cli, session, workspace):
    assert (
        "test-cna-to-rn\tv1 draft\tTest CNA to RN\ttest-nursing"
        in run(cli, "pathways", "list").output
    )
    shown = run(cli, "pathways", "show", "test-cna-to-rn").output.splitlines()
    assert shown[:3] == [
        "test-cna-to-rn: Test CNA to RN",
        "  version 1 (draft), partnership test-nursing",
        "  From the bedside to the charge desk.",
    ]
    assert "  stage 1  cna  31-1131 Nursing Assistants [CNA]" in shown
    assert (
        "  cna → lpn (advance): Test Practical Nurse License, Test IV Therapy Certificate; "
        "12 months training, 6 months experience, $4,500, earn while you learn"
    ) in shown
    assert "lpn → rn (advance): no credential; 18 months training" in shown[-1]
    run(cli, "pathways", "show", "test-cna-to-rn", "--version", "published", code=1)
    assert run(cli, "pathways", "publish", "test-cna-to-rn").output == (
        "published test-cna-to-rn version 1\n"
    )
    assert "already published" in run(cli, "pathways", "publish", "test-cna-to-rn", code=1).output
    data = json.loads(run(cli, "pathways", "show", "test-cna-to-rn", "--version", "1",
                          "--json").output)  # fmt: skip
    assert (data["status"], data["partnership"], data["tag"]) == (
        "published",
        "test-nursing",
        "1.2",
    )
    assert data["transitions"][0]["cost_cents"] == 450_000
    listed = json.loads(
        run(cli, "pathways", "list", "--partnership", "test-nursing", "--json").output
    )
    assert [(p["slug"], p["status"]) for p in listed] == [("test-cna-to-rn", "published")]
    assert run(cli, "pathways", "delete", "test-cna-to-rn", "--yes").output == (
        "deleted pathway test-cna-to-rn\n"
    )
    assert count(session, Pathway) == session.scalar(
        sa.select(sa.func.count()).select_from(Pathway).where(Pathway.slug != "test-cna-to-rn")
    )
    run(cli, "pathways", "show", "test-cna-to-rn", code=1)


def test_routes_show_each_steps_wage_then_one_line_per_route(cli, workspace):
    result = run(cli, "pathways", "routes", "test-cna-to-rn", "--sort", "cost").output
    lines = result.splitlines()
    assert lines[0] == "wages in Northeast Louisiana:"
    assert lines[1] == ("  cna: $16.25/hr median (Reported by 4 member employers, March 2025)")
    assert lines[2].startswith("  lpn: $")
    assert "(BLS OEWS May " in lines[2]
    assert lines[4] == "routes, by cost:"
    route = lines[5]
    assert route.startswith("  cna → lpn → rn  30 months training  $13,500  +$")
    assert route.endswith("/training month")
    one = run(cli, "pathways", "routes", "test-cna-to-rn", "--from", "lpn", "--json").output
    data = json.loads(one)
    assert [r["steps"] for r in data["routes"]] == [["lpn", "rn"]]
    assert data["wages"]["cna"]["source"] == "employer"
    bad = run(cli, "pathways", "routes", "test-cna-to-rn", "--to", "md", code=1)
    assert "to: no step 'md' in this pathway (cna, lpn, rn)" in bad.output
    run(cli, "pathways", "routes", "test-cna-to-rn", "--sort", "fastest", code=2)


def test_next_steps_put_published_pathway_moves_first(cli, workspace):
    run(cli, "pathways", "publish", "test-cna-to-rn")
    result = run(cli, "occupations", "next-steps", "31-1131", "--region", "northeast-louisiana")
    lines = result.output.splitlines()
    assert lines[0].startswith("from 31-1131 Nursing Assistants: $")
    assert lines[1].startswith("  29-2061 Licensed Practical and Licensed Vocational Nurses  +$")
    assert "test-cna-to-rn (advance)" in lines[1]  # the sample pathways may lead there too
    data = json.loads(
        run(cli, "occupations", "next-steps", "31-1131", "--limit", "2", "--json").output
    )
    assert data["soc"] == "31-1131"
    assert len(data["next_steps"]) <= 2
    assert data["next_steps"][0]["soc"] == "29-2061"
    both = run(cli, "occupations", "next-steps", "31-1131", "--region", "northeast-louisiana",
               "--area", "0033740", code=1)  # fmt: skip
    assert "region: give an area or a region, not both" in both.output
    assert "31-9999" in run(cli, "occupations", "next-steps", "31-9999", code=1).output
