"""`pathways export bundle` and `pathways import bundle` as an operator uses them: exit codes,
messages, the file written, and what lands in the database."""

from __future__ import annotations

import json

import sqlalchemy as sa

from pathways.domain.access import Actor
from pathways.importers.bundle_export import export_bundle
from pathways.models import AuditEvent, CriticalOccupation, Partnership

SLUG = "ne-louisiana-healthcare"


def run(cli, *args: str, code: int = 0):
    result = cli.invoke(args=list(args))
    assert result.exit_code == code, result.output
    return result


def audit_count(session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) or 0


def test_export_writes_the_bundle(cli, session, tmp_path):
    path = tmp_path / "nela.json"
    result = run(cli, "export", "bundle", SLUG, "-o", str(path))
    content = path.read_bytes()
    assert result.output == f"wrote partnership {SLUG} to {path} ({len(content):,} bytes)\n"
    assert content == export_bundle(session=session, actor=Actor.operator("x"), slug=SLUG)
    document = json.loads(content)
    assert (document["format"], document["format_version"]) == ("pathways-bundle", 1)
    assert run(cli, "export", "bundle", SLUG, "-o", "-").output.encode() == content


def test_export_of_an_unknown_partnership(cli, tmp_path):
    result = run(cli, "export", "bundle", "nope", "-o", str(tmp_path / "x.json"), code=1)
    assert result.output == "Error: no partnership 'nope'\n"
    assert not (tmp_path / "x.json").exists()


def test_import_of_the_same_bundle_changes_nothing(cli, session, tmp_path):
    path = tmp_path / "nela.json"
    run(cli, "export", "bundle", SLUG, "-o", str(path))
    before = audit_count(session)
    result = run(cli, "import", "bundle", str(path))
    assert result.output == f"partnership {SLUG} is already as the bundle says: nothing to change\n"
    assert audit_count(session) == before


def test_import_of_a_changed_bundle_needs_replace(cli, session, tmp_path):
    path = tmp_path / "nela.json"
    run(cli, "export", "bundle", SLUG, "-o", str(path))
    document = json.loads(path.read_text())
    document["critical_occupations"] = document["critical_occupations"][:2]
    path.write_text(json.dumps(document))

    refused = run(cli, "import", "bundle", str(path), code=1)
    assert refused.output == (
        f"Error: nela.json: partnership '{SLUG}' is already here and differs from the bundle; "
        "import with --replace to replace it (and everything it owns) with the bundle's\n"
    )
    replaced = run(cli, "import", "bundle", str(path), "--replace")
    assert replaced.output.startswith(
        f"replaced partnership {SLUG}: 6 members, 2 critical occupations, "
    )
    partnership = session.scalar(sa.select(Partnership).where(Partnership.slug == SLUG))
    critical = session.scalars(
        sa.select(CriticalOccupation.soc_code).where(
            CriticalOccupation.partnership_id == partnership.id
        )
    ).all()
    assert sorted(critical) == ["29-1141", "29-2061"]
    actions = session.scalars(
        sa.select(AuditEvent.action).where(
            AuditEvent.entity == "pathway", AuditEvent.actor.like("cli:%")
        )
    ).all()
    assert "import" in actions


def test_import_of_a_bad_bundle_lists_every_problem_and_writes_nothing(cli, session, tmp_path):
    path = tmp_path / "bad.json"
    run(cli, "export", "bundle", SLUG, "-o", str(path))
    document = json.loads(path.read_text())
    document["partnership"]["slug"] = "nela-copy"
    document["pathways"][0]["steps"][2]["soc"] = "29-9999"
    document["providers"][0]["programs"][0]["cip"] = "99.9999"
    path.write_text(json.dumps(document))
    before = audit_count(session)
    result = run(cli, "import", "bundle", str(path), code=1)
    assert result.output == (
        "Error: bad.json: 2 problems, nothing imported:\n"
        "  pathways[0].steps[2].soc: no occupation 29-9999 in the catalog\n"
        "  providers[0].programs[0].cip: no CIP 2020 code 99.9999 in the catalog\n"
    )
    assert audit_count(session) == before
    assert session.scalar(sa.select(Partnership).where(Partnership.slug == "nela-copy")) is None


def test_import_of_an_unknown_version_and_of_no_file(cli, tmp_path):
    path = tmp_path / "future.json"
    path.write_text('{"format": "pathways-bundle", "format_version": 7}')
    result = run(cli, "import", "bundle", str(path), code=1)
    assert result.output == (
        "Error: future.json: format_version: 7 is not a bundle version this installation reads "
        "(it reads version 1); a newer Pathways wrote it: upgrade this one to import it; "
        "nothing imported\n"
    )
    missing = run(cli, "import", "bundle", str(tmp_path / "missing.json"), code=2)
    assert "does not exist" in missing.output
