"""`pathways providers` and `pathways programs` as an operator uses them: exit codes, output,
and what lands in the database (nothing, when an option names a bad value)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from pathways.models import AuditEvent, Program, ProgramCredential, ProgramSkill, Provider
from tests.factories import make_credential, make_program, make_provider


def count(session, model) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def run(cli, *args: str, code: int = 0):
    result = cli.invoke(args=list(args))
    assert result.exit_code == code, result.output
    return result


def created_id(result) -> int:
    return int(result.output.split()[2])  # "created provider 12 Name"


def test_create_show_update_list_and_delete_a_provider(cli, session):
    created = run(cli, "providers", "create", "--name", "Test Delta College",
                  "--kind", "community_college", "--city", "Monroe", "--state", "la",
                  "--region", "northeast-louisiana",
                  "--website", "https://delta.example.edu")  # fmt: skip
    provider_id = created_id(created)
    assert created.output == f"created provider {provider_id} Test Delta College\n"
    shown = run(cli, "providers", "show", str(provider_id)).output
    assert shown.startswith(f"{provider_id}: Test Delta College\n")
    assert "  state: LA\n" in shown
    assert "  region: northeast-louisiana\n" in shown
    assert run(cli, "providers", "update", str(provider_id), "--city", "West Monroe").output == (
        f"updated provider {provider_id}\n"
    )
    again = run(cli, "providers", "update", str(provider_id), "--city", "West Monroe")
    assert again.output == f"nothing to change in provider {provider_id}\n"
    cleared = run(cli, "providers", "update", str(provider_id), "--website", "")
    assert cleared.output == f"updated provider {provider_id}\n"
    listed = json.loads(run(cli, "providers", "list", "--region", "northeast-louisiana",
                            "--json").output)  # fmt: skip
    [row] = [row for row in listed if row["id"] == provider_id]
    assert (row["city"], row["website"], row["kind"]) == ("West Monroe", None, "community_college")
    text = run(cli, "providers", "list", "--q", "delta").output
    assert f"{provider_id}\tTest Delta College\tcommunity_college\tWest Monroe\tLA" in text
    assert run(cli, "providers", "delete", str(provider_id), "--yes").output == (
        f"deleted provider {provider_id}\n"
    )
    assert session.scalar(sa.select(Provider.id).where(Provider.id == provider_id)) is None
    actions = session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.entity == "provider", AuditEvent.entity_id == str(provider_id))
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["create", "update", "update", "delete"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--state", "Louisiana"], "state: a two-letter USPS state code"),
        (["--postal-code", "7120"], "postal_code: a ZIP code"),
        (["--website", "javascript:alert(1)"], "website: an http:// or https:// address"),
        (["--region", "atlantis"], "region: no region 'atlantis'"),
        (["--name", " "], "name: required"),
    ],
)
def test_a_bad_provider_exits_1_naming_the_field_and_writes_nothing(cli, session, args, message):
    before = count(session, Provider), count(session, AuditEvent)
    options = {"--name": "Test Bad College", "--kind": "university"}
    options.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [part for pair in options.items() for part in pair]
    result = run(cli, "providers", "create", *flat, code=1)
    assert message in result.output
    assert (count(session, Provider), count(session, AuditEvent)) == before


def test_create_a_program_from_its_suggested_skills(cli, session):
    provider = make_provider(session, name="Test Ouachita College")
    license_id = make_credential(session, name="Test LPN License").id
    created = run(cli, "programs", "create", "--provider", str(provider.id),
                  "--title", "Practical Nursing", "--cip", "51.3901", "--award", "certificate",
                  "--modality", "in_person", "--weeks", "52", "--cost", "8400", "--seats", "40",
                  "--next-start", "2026-08-17", "--credential", str(license_id),
                  "--suggested-skills")  # fmt: skip
    program = session.get(Program, created_id(created))
    assert (program.cost, program.length_weeks, str(program.next_start)) == (
        840_000, 52, "2026-08-17",
    )  # fmt: skip
    taught = {skill.skill_id: skill.level for skill in program.skills}
    assert len(taught) == 24  # LPN's O*NET skills and knowledge of importance ≥ 3
    assert 5.52 in taught.values()  # Psychology, at O*NET's level for LPNs
    shown = run(cli, "programs", "show", str(program.id)).output
    assert shown.startswith(f"{program.id}: Practical Nursing\n")
    assert "  cost: $8,400\n" in shown
    assert f"  credentials: [{license_id}]\n" in shown
    assert "  skill: 2.C.4.e Psychology (knowledge) at 5.52\n" in shown
    listed = run(cli, "programs", "list", "--provider", str(provider.id)).output
    assert listed == (
        f"{program.id}\t51.3901\tPractical Nursing\tTest Ouachita College\tcertificate\t52"
        "\t$8,400\n"
    )


def test_update_replaces_skills_and_credentials_and_delete_removes(cli, session):
    program = make_program(session, provider=make_provider(session))
    credential = make_credential(session)
    pid = str(program.id)
    result = run(cli, "programs", "update", pid, "--skill", "2.A.1.a=4.5",
                 "--skill", "2.C.5.a=3", "--credential", str(credential.id),
                 "--status", "planned")  # fmt: skip
    assert result.output == f"updated program {pid}\n"
    data = json.loads(run(cli, "programs", "show", pid, "--json").output)
    assert data["skills"] == [{"skill": "2.A.1.a", "level": 4.5}, {"skill": "2.C.5.a", "level": 3}]
    assert (data["credentials"], data["status"], data["version"]) == ([credential.id], "planned", 2)
    run(cli, "programs", "update", pid, "--no-skills", "--no-credentials")
    data = json.loads(run(cli, "programs", "show", pid, "--json").output)
    assert (data["skills"], data["credentials"]) == ([], [])
    assert run(cli, "programs", "delete", pid, "--yes").output == f"deleted program {pid}\n"
    assert session.scalar(sa.select(Program.id).where(Program.id == program.id)) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cip", "51"], "cip: 51 is a CIP family or series"),
        (["--cip", "01.0309"], "cip: no CIP 2020 code 01.0309 in the catalog"),
        (["--skill", "2.A.1.a=4", "--skill", "9.Z.9=3"], "skills[1].skill: no O*NET skill"),
        (["--skill", "2.A.1.a=4", "--skill", "2.A.1.a=3"], "skills[1].skill: 2.A.1.a is listed"),
        (["--skill", "2.A.1.a=high"], "skills[0].level: from 0 to 7"),
        (["--skill", "2.A.1.a=9"], "skills[0].level: from 0 to 7"),
        (["--credential", "999999999"], "credentials: no credential 999999999"),
        (["--weeks", "0"], "length_weeks: weeks, from 1 to 520"),
        (["--cost", "-5"], "cost: cents, from 0"),
        (["--provider", "999999999"], "provider: no provider 999999999"),
    ],
)
def test_a_bad_program_exits_1_naming_the_field_and_writes_nothing(cli, session, args, message):
    program = make_program(session, provider=make_provider(session))
    before = [count(session, model) for model in (ProgramSkill, ProgramCredential, AuditEvent)]
    result = run(cli, "programs", "update", str(program.id), "--seats", "12", *args, code=1)
    assert message in result.output
    session.refresh(program)
    assert (program.version, program.seats_per_year) == (1, 40)
    assert [count(session, m) for m in (ProgramSkill, ProgramCredential, AuditEvent)] == before


def test_a_program_needs_its_title_code_award_and_modality(cli, session):
    provider, before = make_provider(session), count(session, Program)
    result = run(cli, "programs", "create", "--provider", str(provider.id), "--cip", "51.3901",
                 "--award", "certificate", "--modality", "online", code=1)  # fmt: skip
    assert "title: required" in result.output
    assert count(session, Program) == before


def test_suggest_prints_the_occupations_and_skills_of_a_cip_code(cli):
    result = run(cli, "programs", "suggest", "51.3999").output.splitlines()
    assert result[:3] == [
        "51.3999 Practical Nursing, Vocational Nursing and Nursing Assistants, Other",
        "  leads to 29-2061 Licensed Practical and Licensed Vocational Nurses",
        "  leads to 31-1131 Nursing Assistants",
    ]
    # O*NET 29.3: Administration and Management, LPN IM 3.30 LV 3.34, CNA IM 3.34 LV 2.82.
    assert ("2.C.1.a\tAdministration and Management\tknowledge\tlevel 3.34\timportance 3.34"
            "\t29-2061, 31-1131") in result  # fmt: skip
    data = json.loads(run(cli, "programs", "suggest", "51.3901", "--json").output)
    assert data["occupations"] == [
        {"soc": "29-2061", "title": "Licensed Practical and Licensed Vocational Nurses"}
    ]
    assert len(data["skills"]) == 24
    assert "cip: 51 is a CIP family" in run(cli, "programs", "suggest", "51", code=1).output
    assert "no CIP 2020 code 01.0309" in run(cli, "programs", "suggest", "01.0309", code=1).output
