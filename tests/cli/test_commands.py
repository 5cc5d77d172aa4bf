"""The `pathways` command as people use it: exit codes, output, and what lands in the database."""

import csv
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from pathways.app import create_app
from pathways.db import make_engine
from pathways.importers.files import open_text
from pathways.models import Occupation, Wage
from pathways.sessions import database
from tests.conftest import SEED_DIR

PATHWAYS = str(Path(sys.executable).parent / "pathways")


def national_slice(tmp_path: Path, name: str, socs: set[str]) -> Path:
    """The header and the rows for `socs` of the real May 2025 national file."""
    path = tmp_path / name
    with (
        open_text(SEED_DIR / "oews" / "oews_may2025_national.csv.xz") as text,
        path.open("w", newline="") as out,
    ):
        reader, writer = csv.reader(text), csv.writer(out)
        header = next(reader)
        writer.writerow(header)
        writer.writerows(row for row in reader if row[header.index("OCC_CODE")] in socs)
    return path


def wage_count(session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(Wage))


def test_import_oews_reports_rows_and_loads_them(cli, session, tmp_path):
    path = national_slice(tmp_path, "oews_may2031_national.csv", {"29-2061", "29-1141"})
    result = cli.invoke(args=["import", "oews", str(path)])
    assert result.exit_code == 0, result.output
    assert "oews 2031: 2 rows read, 2 written, 0 skipped" in result.output
    vintages = session.scalars(sa.select(Wage.vintage).where(Wage.soc_code == "29-2061"))
    assert 2031 in set(vintages)


def test_malformed_import_exits_1_naming_the_place_and_writes_nothing(cli, session, tmp_path):
    path = national_slice(tmp_path, "oews_may2031_national.csv", {"29-2061", "29-1141"})
    with path.open() as text:
        rows = list(csv.reader(text))
    rows[2][rows[0].index("H_MEDIAN")] = "lots"
    with path.open("w", newline="") as out:
        csv.writer(out).writerows(rows)
    before = wage_count(session)
    result = cli.invoke(args=["import", "oews", str(path)])
    assert result.exit_code == 1
    assert "oews_may2031_national.csv, line 3, column H_MEDIAN" in result.output
    assert wage_count(session) == before


def test_import_needs_a_vintage_it_can_read(cli, tmp_path):
    path = national_slice(tmp_path, "national.csv", {"29-2061"})
    result = cli.invoke(args=["import", "oews", str(path)])
    assert result.exit_code == 1
    assert "--vintage" in result.output
    assert cli.invoke(args=["import", "oews", str(path), "--vintage", "2031"]).exit_code == 0


def test_seed_if_empty_leaves_a_loaded_catalog_alone(cli, session):
    before = session.scalar(sa.select(sa.func.count()).select_from(Occupation))
    result = cli.invoke(args=["seed", "--if-empty"])
    assert result.exit_code == 0
    assert f"already loaded ({before} occupations)" in result.output


def test_upgrade_then_sample_seed_on_an_empty_database_twice(empty_database_url):
    app = create_app({"DATABASE_URL": empty_database_url})
    runner = app.test_cli_runner()
    engine = make_engine(empty_database_url)
    try:
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        first = runner.invoke(args=["seed", "--sample"])
        assert first.exit_code == 0, first.output
        assert "onet 29.3:" in first.output
        with engine.connect() as connection:
            counts = connection.execute(sa.text("SELECT count(*) FROM wages")).scalar()
        assert runner.invoke(args=["seed", "--sample"]).exit_code == 0
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM wages")).scalar() == counts
    finally:
        engine.dispose()
        database(app).engine.dispose()


def test_console_script_lists_the_commands():
    result = subprocess.run([PATHWAYS, "--help"], capture_output=True, text=True, check=True)
    for command in ("db", "seed", "import", "serve"):
        assert f"  {command} " in result.stdout
