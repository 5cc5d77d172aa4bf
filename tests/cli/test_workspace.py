"""`pathways partnerships|critical|employer-wages|overrides|credentials|pathways|occupations`
as an operator uses them: exit codes, output, and what lands in the database."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from pathways.models import (
    Credential,
    CriticalOccupation,
    EmployerWage,
    Partnership,
    Pathway,
    RequirementOverride,
)
from tests.importers.workspace_files import LOGO, PARTNERSHIP, counts, write_workspace


def count(session, model) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def run(cli, *args: str, code: int = 0):
    result = cli.invoke(args=list(args))
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def workspace(cli, tmp_path):
    """The test workspace loaded with `partnerships load`, its pathway left a draft."""
    _, path = write_workspace(tmp_path, PARTNERSHIP.replace("publish = true", "publish = false"))
    run(cli, "partnerships", "load", str(path))
    return path


# --- partnerships --------------------------------------------------------------------------


def test_create_show_update_list_and_delete_a_partnership(cli, session):
    created = run(cli, "partnerships", "create", "test-ports", "--name", "Test Ports",
                  "--sector", "Logistics", "--region", "inland-empire",
                  "--primary-color", "#112233")  # fmt: skip
    assert created.output == "created partnership test-ports\n"
    updated = run(cli, "partnerships", "update", "test-ports", "--brand-name", "Ports!")
    assert updated.output == "updated partnership test-ports\n"
    again = run(cli, "partnerships", "update", "test-ports", "--brand-name", "Ports!")
    assert again.output == "nothing to change in partnership test-ports\n"
    shown = run(cli, "partnerships", "show", "test-ports").output
    assert shown.startswith("test-ports: Test Ports\n")
    assert "  region: inland-empire\n" in shown
    assert "  brand name: Ports!\n" in shown
    assert "  primary color: #112233\n" in shown
    assert (
        "test-ports\tTest Ports\tLogistics\tinland-empire"
        in run(cli, "partnerships", "list").output
    )
    listed = json.loads(
        run(cli, "partnerships", "list", "--region", "inland-empire", "--json").output
    )
    assert {"slug": "test-ports", "name": "Test Ports", "sector": "Logistics",
            "region": "inland-empire"} in listed  # fmt: skip
    data = json.loads(run(cli, "partnerships", "show", "test-ports", "--json").output)
    assert (data["brand_name"], data["members"], data["pathways"]) == ("Ports!", [], [])
    assert run(cli, "partnerships", "delete", "test-ports", "--yes").output == (
        "deleted partnership test-ports\n"
    )
    assert session.scalar(sa.select(Partnership).where(Partnership.slug == "test-ports")) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--primary-color", "blue"], "primary_color: a colour is written #RRGGBB"),
        (["--region", "atlantis"], "no region 'atlantis'"),
        (["--name", " "], "name: required"),
    ],
)
def test_a_bad_partnership_exits_1_naming_the_field_and_writes_nothing(cli, session, args, message):
    before = count(session, Partnership)
    options = {"--name": "Test Bad", "--sector": "Energy", "--region": "inland-empire"}
    options.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [part for pair in options.items() for part in pair]
    result = run(cli, "partnerships", "create", "test-bad", *flat, code=1)
    assert message in result.output
    assert count(session, Partnership) == before


def test_update_delete_and_show_need_a_partnership_and_something_to_change(cli):
    assert "no partnership 'nowhere'" in run(cli, "partnerships", "show", "nowhere", code=1).output
    assert "give at least one" in run(cli, "partnerships", "update", "nowhere", code=2).output
    run(cli, "partnerships", "delete", "nowhere", "--yes", code=1)
    run(cli, "partnerships", "delete", "nowhere", code=1)  # not confirmed: aborted


def test_deleting_a_partnership_deletes_all_it_owns(cli, session, workspace):
    partnership_id = session.scalar(
        sa.select(Partnership.id).where(Partnership.slug == "test-nursing")
    )
    run(cli, "partnerships", "delete", "test-nursing", "--yes")
    for model in (CriticalOccupation, EmployerWage, RequirementOverride, Pathway):
        owned = sa.select(sa.func.count()).where(model.partnership_id == partnership_id)
        assert session.scalar(owned) == 0, model.__name__


def test_a_logo_is_checked_set_and_removed(cli, session, tmp_path, workspace):
    run(cli, "partnerships", "logo", "test-nursing", "--remove")
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    result = run(cli, "partnerships", "logo", "test-nursing", str(png))
    assert result.output == "logo of test-nursing set (image/png, 40 bytes)\n"
    bad = tmp_path / "logo.svg"
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    refused = run(cli, "partnerships", "logo", "test-nursing", str(bad), code=1)
    assert "logo: an SVG logo may not contain <script>" in refused.output
    partnership = session.scalar(sa.select(Partnership).where(Partnership.slug == "test-nursing"))
    session.refresh(partnership)
    assert partnership.logo_media_type == "image/png"
    run(cli, "partnerships", "logo", "test-nursing", code=2)


def test_load_imports_a_workspace_file_and_again_changes_nothing(cli, session, tmp_path):
    _, path = write_workspace(tmp_path)
    result = run(cli, "partnerships", "load", str(path))
    assert result.output == (
        "3 credentials from credentials.toml\n"
        "loaded partnership test-nursing from test-nursing.toml\n"
    )
    before = counts(session)
    run(cli, "partnerships", "load", str(path))
    assert counts(session) == before
    shown = run(cli, "partnerships", "show", "test-nursing").output
    assert f"  logo: image/svg+xml, {len(LOGO)} bytes\n" in shown
    assert "  member: Test Hospital (employer) https://hospital.example.org\n" in shown
    assert "  critical 1: 29-1141 Registered Nurses, 120 openings a year\n" in shown
    assert "  pathway: test-cna-to-rn (v1 published) Test CNA to RN\n" in shown


def test_a_malformed_file_exits_1_naming_file_and_key_and_writes_nothing(cli, session, tmp_path):
    _, path = write_workspace(
        tmp_path, PARTNERSHIP.replace("credentials = []", 'credentials = ["x"]')
    )
    before = counts(session)
    result = run(cli, "partnerships", "load", str(path), code=1)
    assert (
        "test-nursing.toml: pathways[0].transitions[1].credentials: no credential 'x'"
        in result.output
    )
    assert counts(session) == before  # not even the credentials or the partnership
    assert session.scalar(sa.select(Partnership).where(Partnership.slug == "test-nursing")) is None


# --- critical, employer-wages, overrides ---------------------------------------------------


def test_critical_occupations(cli, session, workspace):
    added = run(cli, "critical", "add", "test-nursing", "29-2061", "--priority", "3",
                "--openings", "40")  # fmt: skip
    assert added.output == (
        "added 29-2061 Licensed Practical and Licensed Vocational Nurses (priority 3)\n"
    )
    assert (
        run(cli, "critical", "update", "test-nursing", "29-2061", "--notes", "Days.").exit_code == 0
    )
    listing = run(cli, "critical", "list", "test-nursing").output.splitlines()
    assert listing[0] == "1\t29-1141\tRegistered Nurses\t120 openings/yr\tNight shifts."
    assert listing[2].endswith("\t40 openings/yr\tDays.")
    data = json.loads(run(cli, "critical", "list", "test-nursing", "--json").output)
    assert [row["soc"] for row in data] == ["29-1141", "31-1131", "29-2061"]
    run(cli, "critical", "remove", "test-nursing", "29-2061")
    assert critical_socs(session) == ["29-1141", "31-1131"]


def test_bad_critical_occupations_exit_1_naming_the_field(cli, session, workspace):
    before = count(session, CriticalOccupation)
    bad = run(cli, "critical", "add", "test-nursing", "29-2061", "--priority", "0", code=1)
    assert "priority: a whole number from 1 (most urgent) to 99" in bad.output
    unknown = run(cli, "critical", "add", "test-nursing", "29-9999", code=1)
    assert "soc: no occupation 29-9999 in the catalog" in unknown.output
    taken = run(cli, "critical", "add", "test-nursing", "29-1141", code=1)
    assert "already a critical occupation" in taken.output
    assert (
        "give at least one"
        in run(cli, "critical", "update", "test-nursing", "29-1141", code=2).output
    )
    assert count(session, CriticalOccupation) == before


def test_employer_wages(cli, session, workspace):
    added = run(cli, "employer-wages", "add", "test-nursing", "29-1141", "--basis", "annual",
                "--median", "68000", "--experienced", "80000", "--reported-on", "2025-06-01",
                "--employers", "3")  # fmt: skip
    wage_id = int(added.output.split()[4])
    assert added.output == f"added employer wage report {wage_id} for 29-1141\n"
    listing = run(cli, "employer-wages", "list", "test-nursing").output
    assert f"{wage_id}\t29-1141\t- / $68,000/yr / $80,000/yr\t2025-06-01\t3 employers\t-" in listing
    assert "31-1131\t$14.50/hr / $16.25/hr / $18.00/hr\t2025-03-01\t4 employers" in listing
    data = json.loads(run(cli, "employer-wages", "list", "test-nursing", "--json").output)
    assert {row["soc"] for row in data} == {"29-1141", "31-1131"}
    run(cli, "employer-wages", "remove", "test-nursing", str(wage_id))
    assert session.get(EmployerWage, wage_id) is None
    run(cli, "employer-wages", "remove", "test-nursing", str(wage_id), code=1)


def test_bad_employer_wages_exit_1_naming_the_field(cli, session, workspace):
    before = count(session, EmployerWage)
    common = ["employer-wages", "add", "test-nursing", "29-1141", "--employers", "2"]
    low = run(cli, *common, "--basis", "hourly", "--entry", "30", "--median", "25",
              "--reported-on", "2025-01-01", code=1)  # fmt: skip
    assert "median: must not be below entry (30)" in low.output
    future = run(cli, *common, "--basis", "hourly", "--median", "25", "--reported-on",
                 "2999-01-01", code=1)  # fmt: skip
    assert "reported_on: must not be in the future" in future.output
    run(cli, *common, "--basis", "weekly", "--median", "25", "--reported-on", "2025-01-01", code=2)
    assert count(session, EmployerWage) == before


def test_requirement_overrides(cli, session, workspace):
    credential = session.scalar(sa.select(Credential.id).where(Credential.name.like("Test Cert%")))
    skill = run(cli, "overrides", "add", "test-nursing", "31-1131", "--action", "add",
                "--skill", "2.A.2.a", "--importance", "4", "--level", "3.5")  # fmt: skip
    assert skill.output.startswith("added override ")
    assert skill.output.endswith(": add for 31-1131\n")
    run(cli, "overrides", "add", "test-nursing", "31-1131", "--action", "drop",
        "--credential", str(credential))  # fmt: skip
    listing = run(cli, "overrides", "list", "test-nursing").output
    assert "\t31-1131\tadd\tskill 2.A.2.a Critical Thinking\timportance 4, level 3.5\t-" in listing
    assert (
        f"\t31-1131\tdrop\tcredential {credential} Test Certified Nursing Assistant\t-" in listing
    )
    assert "\t29-2061\tadd\tcredential " in listing
    assert "\tpreferred\t" in listing
    data = json.loads(run(cli, "overrides", "list", "test-nursing", "--json").output)
    assert len(data) == 4
    run(cli, "overrides", "remove", "test-nursing", str(data[0]["id"]))
    assert session.get(RequirementOverride, data[0]["id"]) is None


def test_bad_overrides_exit_1_naming_the_field(cli, session, workspace):
    before = count(session, RequirementOverride)
    base = ["overrides", "add", "test-nursing", "31-1131"]
    neither = run(cli, *base, "--action", "drop", code=1)
    assert "skill: name either a skill or a credential" in neither.output
    unknown = run(cli, *base, "--action", "drop", "--skill", "9.Z", code=1)
    assert "skill: no O*NET skill or knowledge '9.Z'" in unknown.output
    heavy = run(cli, *base, "--action", "reweight", "--skill", "2.A.2.a", "--importance", "8",
                code=1)  # fmt: skip
    assert "importance: O*NET importance runs from 1 to 5" in heavy.output
    assert count(session, RequirementOverride) == before


def critical_socs(session) -> list[str]:
    query = (
        sa.select(CriticalOccupation.soc_code)
        .join(Partnership)
        .where(Partnership.slug == "test-nursing")
        .order_by(CriticalOccupation.priority)
    )
    return list(session.scalars(query))
