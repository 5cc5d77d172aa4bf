"""`pathways export ctdl PATHWAY`: the API's CTDL document, written to a file."""

from __future__ import annotations

import json
from pathlib import Path

from tests.render.ctdl_checks import graph_errors, schema_errors


def test_writes_the_pathway_as_ctdl_and_says_what_it_wrote(cli, client, tmp_path: Path) -> None:
    target = tmp_path / "cna-to-rn.jsonld"
    result = cli.invoke(args=["export", "ctdl", "cna-to-rn", "-o", str(target)])
    assert result.exit_code == 0, result.output
    size = target.stat().st_size
    assert result.output == (
        f"Wrote {target} ({size:,} bytes): CTDL JSON-LD of pathway cna-to-rn, version 1 "
        "(published), as a PathwaySet of 2 pathways, one per destination.\n"
    )
    document = json.loads(target.read_bytes())
    assert schema_errors(document) == []
    assert graph_errors(document) == []
    # The same bytes the API serves to everyone (the operator sees no draft here).
    assert target.read_bytes() == client.get("/api/v1/pathways/cna-to-rn/ctdl").data


def test_a_single_destination_is_a_pathway_and_the_file_defaults_to_its_slug(
    cli, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli.invoke(args=["export", "ctdl", "medical-assistant-phlebotomy"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Wrote medical-assistant-phlebotomy.jsonld (")
    assert result.output.endswith("as a Pathway.\n")
    document = json.loads((tmp_path / "medical-assistant-phlebotomy.jsonld").read_bytes())
    assert document["@graph"][0]["@type"] == "ceterms:Pathway"


def test_exporting_twice_writes_identical_files(cli, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonld", tmp_path / "two.jsonld"
    for target in (one, two):
        assert cli.invoke(args=["export", "ctdl", "cna-to-rn", "-o", str(target)]).exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_an_unknown_pathway_exits_1_with_a_message_and_writes_nothing(cli, tmp_path: Path) -> None:
    target = tmp_path / "missing.jsonld"
    result = cli.invoke(args=["export", "ctdl", "no-such-pathway", "-o", str(target)])
    assert result.exit_code == 1
    assert "Error: no pathway 'no-such-pathway'" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_an_unknown_version_and_an_unwritable_file_fail_cleanly(cli, tmp_path: Path) -> None:
    result = cli.invoke(args=["export", "ctdl", "cna-to-rn", "--version", "7",
                              "-o", str(tmp_path / "x.jsonld")])  # fmt: skip
    assert result.exit_code == 1
    assert "has no 7 version" in result.output
    nowhere = tmp_path / "no-such-folder" / "x.jsonld"
    result = cli.invoke(args=["export", "ctdl", "cna-to-rn", "-o", str(nowhere)])
    assert result.exit_code == 1
    assert f"Error: cannot write {nowhere}" in result.output
