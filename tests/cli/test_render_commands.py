"""`pathways render …` as someone preparing for a career fair runs it: files written, one page
per flyer, the batch merged, zipped or written to a folder, and publishing pre-rendering."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pypdf
import pytest

from pathways.domain.access import Actor
from pathways.importers.workspace import load_workspaces
from pathways.printing import printer
from tests.cli.test_workspace import run
from tests.conftest import SEED_DIR


@pytest.fixture
def seeded(session):
    load_workspaces(session, SEED_DIR, actor=Actor.operator("tests"))
    return session


def pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def test_render_a_flyer_and_a_diagram_to_files(cli, seeded, tmp_path):
    flyer = tmp_path / "flyer.pdf"
    result = run(cli, "render", "flyer", "cna-to-rn", "-o", str(flyer), "--paper", "a4",
                 "--lang", "es")  # fmt: skip
    assert result.output.startswith(f"wrote {flyer}")
    assert pages(flyer.read_bytes()) == 1
    diagram = tmp_path / "diagram.png"
    run(cli, "render", "diagram", "cna-to-rn", "-f", "png", "-o", str(diagram))
    assert diagram.read_bytes().startswith(b"\x89PNG")
    occupation = tmp_path / "lpn.pdf"
    run(cli, "render", "occupation", "29-2061", "--region", "northeast-louisiana", "-o",
        str(occupation))  # fmt: skip
    assert pages(occupation.read_bytes()) == 1


def test_an_unknown_pathway_exits_1(cli, seeded, tmp_path):
    result = run(cli, "render", "flyer", "no-such-pathway", "-o", str(tmp_path / "x.pdf"), code=1)
    assert "no pathway 'no-such-pathway'" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_a_partnerships_flyers_merged_with_two_workers(cli, seeded, tmp_path):
    fair = tmp_path / "fair.pdf"
    result = run(cli, "render", "flyers", "--partnership", "ne-louisiana-healthcare", "-o",
                 str(fair), "--jobs", "2", "--paper", "letter", "--paper", "a4")  # fmt: skip
    assert "wrote" in result.output
    assert "4 of 4 flyers" in result.output
    assert pages(fair.read_bytes()) == 4  # two published pathways × two paper sizes


def test_a_partnerships_flyers_as_a_zip_and_a_folder(cli, seeded, tmp_path):
    archive = tmp_path / "fair.zip"
    run(cli, "render", "flyers", "--partnership", "gallatin-valley-manufacturing", "-o",
        str(archive), "--lang", "en", "--lang", "es")  # fmt: skip
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert len(names) == 2 * len({name.rsplit("-", 2)[0] for name in names})
        assert all(pages(opened.read(name)) == 1 for name in names)
    folder = tmp_path / "flyers"
    run(cli, "render", "flyers", "--partnership", "gallatin-valley-manufacturing", "-o",
        str(folder))  # fmt: skip
    assert sorted(path.suffix for path in folder.iterdir()) == [".pdf"] * (len(names) // 2)


def test_a_partnership_without_published_pathways_exits_1(cli, seeded, tmp_path):
    run(cli, "partnerships", "create", "test-empty-partnership", "--name", "Test Empty", "--sector",
        "Healthcare", "--region", "northeast-louisiana")  # fmt: skip
    result = run(cli, "render", "flyers", "--partnership", "test-empty-partnership", "-o",
                 str(tmp_path / "none.pdf"), code=1)  # fmt: skip
    assert "no published pathway" in result.output


def test_publishing_pre_renders_the_flyers_and_diagrams(cli, client, bound_app, seeded,
                                                        monkeypatch):  # fmt: skip
    monkeypatch.setitem(bound_app.config, "RENDER_PRERENDER", "inline")
    run(cli, "pathways", "publish", "delivery-driver-to-class-a")
    slug = "/pathways/delivery-driver-to-class-a"
    for address in (f"{slug}/flyer.pdf", f"{slug}/flyer.pdf?paper=a4&lang=es",
                    f"{slug}/diagram.svg", f"{slug}/diagram.png?lang=es"):  # fmt: skip
        response = client.get(address)
        assert response.status_code == 200
        assert response.headers["X-Render-Cache"] == "hit", address


def test_every_sample_flyer_is_one_page_in_both_papers_and_languages(cli, seeded, tmp_path):
    """The seed's published pathways, as a career-fair batch would print them."""
    for partnership in sorted(SEED_DIR.glob("partnerships/*.toml")):
        folder = tmp_path / partnership.stem
        result = run(cli, "render", "flyers", "--partnership", partnership.stem, "-o",
                     str(folder), "--jobs", "2", "--paper", "letter", "--paper", "a4",
                     "--lang", "en", "--lang", "es")  # fmt: skip
        assert "flyers" in result.stderr  # the progress bar's label
        files = sorted(folder.iterdir())
        assert files
        assert len(files) % 4 == 0
        for path in files:
            reader = pypdf.PdfReader(path)
            assert len(reader.pages) == 1, path.name
            text = " ".join((reader.pages[0].extract_text() or "").split())
            assert "$" in text, path.name
            assert "O*NET" in text, path.name
            size = tuple(round(float(side)) for side in reader.pages[0].mediabox[2:])
            assert size == ((595, 842) if "-a4-" in path.name else (612, 792)), path.name
            spanish = path.name.endswith("-es.pdf")
            assert ("Fuentes" in text) == spanish, path.name


def test_prune_removes_renders_nobody_read_for_the_days_given(cli, bound_app, seeded, tmp_path):
    run(cli, "render", "diagram", "cna-to-rn", "-o", str(tmp_path / "d.svg"))
    cache_root = printer(bound_app).cache.root
    files = [path for path in cache_root.rglob("*") if path.is_file()]
    assert files
    assert run(cli, "render", "prune", "--days", "30").output.startswith("removed 0 cached")
    then = time.time() - 31 * 86_400
    for path in files:
        os.utime(path, (then, then))
    result = run(cli, "render", "prune", "--days", "30")
    assert result.output.startswith(f"removed {len(files)} cached files")
    assert not [path for path in cache_root.rglob("*") if path.is_file()]
