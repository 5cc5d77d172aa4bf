"""Bundles that cannot be imported: each problem named at its JSON path, and nothing written."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor
from pathways.domain.bundle import InvalidBundle, dumps
from pathways.importers.bundle import import_bundle
from pathways.importers.bundle_export import bundle_document
from pathways.importers.bundle_schema import SCHEMA
from pathways.models import AuditEvent, Partnership, Pathway, Program

ACTOR = Actor.operator("bundle-tests")


@pytest.fixture
def copy(session) -> dict[str, Any]:
    """The sample partnership's bundle as a new partnership with new pathway slugs: a bundle
    that would import, for each test to spoil one way."""
    document = bundle_document(session=session, actor=ACTOR, slug="ne-louisiana-healthcare")
    document["partnership"]["slug"] = "nela-copy"
    for entry in document["pathways"]:
        entry["slug"] = "copy-" + entry["slug"]
    return document


def state(session) -> tuple[int, ...]:
    return tuple(
        session.scalar(sa.select(sa.func.count()).select_from(model)) or 0
        for model in (Partnership, Pathway, Program, AuditEvent)
    )


def problems(session, content: bytes) -> list[str]:
    before = state(session)
    with pytest.raises(InvalidBundle) as raised:
        import_bundle(session, content, file="bundle.json", actor=ACTOR)
    assert state(session) == before, "nothing is written"
    assert raised.value.message.startswith("bundle.json: ")
    return raised.value.problems


def test_the_copy_imports(session, copy):
    result = import_bundle(session, dumps(copy), file="bundle.json", actor=ACTOR)
    assert result.outcome == "created"
    exported = bundle_document(session=session, actor=ACTOR, slug="nela-copy")
    assert exported == copy


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (
            b"{not json",
            "line 1, column 2: not valid JSON (Expecting property name enclosed in double quotes)",
        ),
        (
            b'{"format": "pathways-bundle", "format_version": 1, "partn',
            "line 1, column 52: not valid JSON (Unterminated string; the file ends too soon "
            "(cut short?))",
        ),
        (b"\xff\xfe{}", "not UTF-8 text (byte 0)"),
        (b"[1, 2]", "expected a JSON object (a Pathways bundle)"),
        (
            b'{"format": "ctdl", "format_version": 1}',
            "format: 'ctdl' is not a Pathways bundle (expected 'pathways-bundle')",
        ),
        (
            b'{"format": "pathways-bundle", "format_version": 2}',
            "format_version: 2 is not a bundle version this installation reads (it reads version "
            "1); a newer Pathways wrote it: upgrade this one to import it",
        ),
        (
            b'{"format": "pathways-bundle", "format_version": "1"}',
            "format_version: '1' is not a bundle version this installation reads (it reads "
            "version 1)",
        ),
        (
            b'{"format": "pathways-bundle", "format_version": 1, "x": NaN}',
            "not valid JSON (NaN is not a JSON number)",
        ),
    ],
)
def test_a_file_that_is_not_a_bundle_of_a_known_version(session, content, expected):
    assert problems(session, content) == [expected]


def test_a_truncated_bundle(session, copy):
    content = dumps(copy)
    found = problems(session, content[: len(content) // 2])
    assert len(found) == 1
    assert "the file ends too soon" in found[0]


def test_schema_problems_are_named_by_path(session, copy):
    assert jsonschema.Draft202012Validator(SCHEMA).is_valid(copy)
    copy["critical_occupations"][0]["priority"] = "high"
    del copy["region"]["name"]
    copy["partnership"]["colour"] = "blue"
    copy["pathways"][1]["steps"][0]["stage"] = 0
    copy["employer_wages"][0]["reported_on"] = "March 2026"
    copy["providers"][0]["programs"][0]["modality"] = "by post"
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(copy)
    assert sorted(problems(session, dumps(copy))) == sorted(
        [
            "critical_occupations[0].priority: expected a whole number, found text",
            "region.name: required",
            "partnership.colour: unknown key",
            "pathways[1].steps[0].stage: must be 1 or more",
            "employer_wages[0].reported_on: 'March 2026' is not a date like 2026-03-01",
            "providers[0].programs[0].modality: 'by post' is not one of in_person, online, hybrid",
        ]
    )


def test_codes_missing_from_the_catalog(session, copy):
    copy["pathways"][0]["steps"][2]["soc"] = "29-9999"
    copy["critical_occupations"][1]["soc"] = "11-0000"
    copy["providers"][0]["programs"][0]["cip"] = "99.9999"
    copy["providers"][0]["programs"][0]["skills"][0]["skill"] = "9.Z.9"
    copy["requirement_overrides"][0]["skill"] = "2.Z.0"
    copy["region"]["areas"] = ["9999999"]
    assert sorted(problems(session, dumps(copy))) == sorted(
        [
            "pathways[0].steps[2].soc: no occupation 29-9999 in the catalog",
            "critical_occupations[1].soc: no occupation 11-0000 in the catalog",
            "providers[0].programs[0].cip: no CIP 2020 code 99.9999 in the catalog",
            "providers[0].programs[0].skills[0].skill: no O*NET skill or knowledge element '9.Z.9' "
            "in the catalog",
            "requirement_overrides[0].skill: no O*NET skill or knowledge element '2.Z.0' in the "
            "catalog",
            "region.areas[0]: no OEWS area 9999999 in the catalog",
        ]
    )


def test_duplicates_and_broken_references(session, copy):
    steps = copy["pathways"][0]["steps"]
    steps[1]["key"] = steps[0]["key"]
    copy["credentials"].append(dict(copy["credentials"][0]))
    copy["pathways"][1]["transitions"][0]["credentials"] = [{"name": "Nope", "issuer": "Nobody"}]
    copy["providers"].append(dict(copy["providers"][0]))
    copy["pathways"].append(dict(copy["pathways"][0]))
    found = problems(session, dumps(copy))
    assert f"pathways[0].steps[1].key: step key '{steps[0]['key']}' is used twice" in found
    assert (
        f"credentials[{len(copy['credentials']) - 1}]: the same name and issuer as credentials[0]"
        in found
    )
    assert (
        "pathways[1].transitions[0].credentials[0]: no credential 'Nope' from 'Nobody' "
        "among the bundle's credentials"
    ) in found
    assert f"providers[{len(copy['providers']) - 1}]: the same name as providers[0]" in found
    assert (
        f"pathways[{len(copy['pathways']) - 1}]: the same slug and number as pathways[0]" in found
    )


def test_a_value_the_services_refuse_is_named_and_nothing_is_written(session, copy):
    copy["partnership"]["branding"]["primary_color"] = "blue"
    assert problems(session, dumps(copy)) == [
        "partnership.branding.primary_color: a colour is written #RRGGBB, e.g. #0B5D8C"
    ]


def test_a_value_refused_late_leaves_nothing_written(session, copy):
    """The last thing written (a program) is refused: everything before it is undone."""
    copy["providers"][-1]["programs"][-1]["length_weeks"] = 9999
    found = problems(session, dumps(copy))
    index = len(copy["providers"]) - 1, len(copy["providers"][-1]["programs"]) - 1
    assert found == [
        f"providers[{index[0]}].programs[{index[1]}].length_weeks: weeks, from 1 to 520"
    ]
    assert session.scalar(sa.select(Partnership).where(Partnership.slug == "nela-copy")) is None


def test_a_version_history_that_cannot_have_happened(session, copy):
    copy["pathways"][0]["number"] = 2
    assert problems(session, dumps(copy)) == [
        "pathways[0].number: expected version 1: versions are numbered 1, 2, 3… oldest first"
    ]


def test_a_draft_has_no_publication_time(session, copy):
    copy["pathways"][0]["status"] = "draft"
    assert problems(session, dumps(copy)) == [
        "pathways[0].published_at: a draft has no publication time"
    ]


def test_a_pathway_slug_of_another_partnership(session, copy):
    copy["pathways"][0]["slug"] = "cna-to-rn"
    assert problems(session, dumps(copy)) == [
        "pathways[0]: there is already a pathway 'cna-to-rn', in another partnership"
    ]


def test_a_logo_that_is_not_what_it_says(session, copy):
    copy["partnership"]["logo"]["media_type"] = "image/png"
    assert problems(session, dumps(copy)) == [
        "partnership.logo.media_type: the file is image/svg+xml, not image/png"
    ]
    copy["partnership"]["logo"] = {"media_type": "image/png", "base64": "aGVsbG8"}
    assert problems(session, dumps(copy)) == [
        "partnership.logo.base64: not valid base64 (Incorrect padding)"
    ]
    copy["partnership"]["logo"] = {"media_type": "image/png", "base64": "aGVsbG8="}
    assert problems(session, dumps(copy)) == [
        "partnership.logo: a logo must be a PNG, JPEG or SVG file"
    ]


def test_an_unpublishable_published_version(session, copy):
    copy["pathways"][0]["transitions"] = []
    found = problems(session, dumps(copy))
    assert found
    assert all(line.startswith("pathways[0].") for line in found)
