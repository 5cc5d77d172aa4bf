"""The partnership bundle as a document: its format name and versions, the one way it is
written (so that exporting again gives the same bytes), the error that lists every problem
found in one, each at its JSON path (`pathways[0].steps[2].soc`), and the check of a document
against a JSON Schema (the schema itself is `pathways.importers.bundle_schema.SCHEMA`)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from pathways.domain.errors import MalformedFile

FORMAT = "pathways-bundle"
# A provider's text fields, in a bundle as in the database.
PROVIDER_TEXT = (
    "street",
    "city",
    "state",
    "postal_code",
    "website",
    "contact_name",
    "contact_email",
    "contact_phone",
)
FORMAT_VERSION = 1
READABLE_VERSIONS = (1,)  # the format versions this installation imports
PROBLEMS_SHOWN = 50
MAX_PROBLEMS = 200  # a schema check stops after this many


class InvalidBundle(MalformedFile):
    """A bundle that cannot be imported, with every problem found (`path: message`)."""

    def __init__(self, file: str, problems: Sequence[str]) -> None:
        shown = list(problems[:PROBLEMS_SHOWN])
        if len(problems) > PROBLEMS_SHOWN:
            shown.append(f"… and {len(problems) - PROBLEMS_SHOWN} more")
        noun = "problem" if len(problems) == 1 else "problems"
        summary = f"{len(problems)} {noun}, nothing imported:\n" + "\n".join(
            f"  {line}" for line in shown
        )
        super().__init__(file, summary if len(problems) > 1 else f"{problems[0]}; nothing imported")
        self.problems = list(problems)


def dumps(document: Mapping[str, Any]) -> bytes:
    """The canonical bytes of a bundle: UTF-8 JSON, keys sorted, two-space indents, one
    newline at the end. The same document always gives the same bytes."""
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def loads(content: bytes, file: str) -> Any:
    """The JSON value in `content`; InvalidBundle naming the line and column when it is not
    JSON (a truncated file, say)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidBundle(file, [f"not UTF-8 text (byte {error.start})"]) from None
    if not text.strip():
        raise InvalidBundle(file, ["the file is empty"])
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        reason = error.msg.removesuffix(" at").removesuffix(" starting")
        if reason.startswith("Unterminated") or error.pos >= len(text.rstrip()):
            reason += "; the file ends too soon (cut short?)"
        raise InvalidBundle(file, [f"{where}: not valid JSON ({reason})"]) from None
    except ValueError as error:
        raise InvalidBundle(file, [f"not valid JSON ({error})"]) from None


def check_format(document: Any, file: str) -> None:
    """A document that says it is a bundle of a version this installation reads."""
    if not isinstance(document, dict):
        raise InvalidBundle(file, ["expected a JSON object (a Pathways bundle)"])
    name = document.get("format")
    if name != FORMAT:
        raise InvalidBundle(
            file, [f"format: {name!r} is not a Pathways bundle (expected {FORMAT!r})"]
        )
    version = document.get("format_version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        readable = ", ".join(str(v) for v in READABLE_VERSIONS)
        message = (
            f"format_version: {version!r} is not a bundle version this installation "
            f"reads (it reads version {readable})"
        )
        if isinstance(version, int) and version > max(READABLE_VERSIONS):
            message += "; a newer Pathways wrote it: upgrade this one to import it"
        raise InvalidBundle(file, [message])


def timestamp(value: datetime) -> str:
    """A time in the bundle: UTC, ISO 8601, to the microsecond as stored."""
    return value.astimezone(UTC).isoformat()


def parse_timestamp(text: str) -> datetime:
    """The time `timestamp` wrote (any ISO 8601 time with a UTC offset); ValueError else."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("a time with its UTC offset, e.g. 2026-03-01T12:00:00+00:00")
    return value.astimezone(UTC)


def parse_day(text: str) -> date:
    """A date in the bundle: YYYY-MM-DD; ValueError else."""
    if len(text) != 10:
        raise ValueError("a date written YYYY-MM-DD")
    return date.fromisoformat(text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


JSON_TYPES = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def schema_problems(document: Any, root: dict[str, Any]) -> list[str]:
    """Every way `document` departs from the JSON Schema `root`, as `path: message` (empty:
    none). The part of JSON Schema understood: type, enum, properties, required,
    additionalProperties false, items, minimum, pattern, format date and date-time, oneOf and
    $ref to #/$defs/…, which is all the bundle's schema uses."""
    problems: list[str] = []
    _check(document, root, "", problems, root)
    return problems


def _check(
    value: Any, schema: dict[str, Any], path: str, problems: list[str], root: dict[str, Any]
) -> None:
    if len(problems) >= MAX_PROBLEMS:
        return
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rpartition("/")[2]]
    if "oneOf" in schema:
        fitting = [s for s in schema["oneOf"] if not _problems_of(value, s, root)]
        if not fitting:  # report against the non-null choice, which says most
            _check(value, schema["oneOf"][-1], path, problems, root)
        return
    where = path or "(the document)"
    if "enum" in schema and value not in schema["enum"]:
        shown = ", ".join("null" if v is None else str(v) for v in schema["enum"])
        problems.append(f"{where}: {_show(value)} is not one of {shown}")
        return
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, kind) for kind in kinds):
            wanted = " or ".join(JSON_TYPES[kind] for kind in kinds)
            problems.append(f"{where}: expected {wanted}, found {_kind(value)}")
            return
    if isinstance(value, dict):
        _check_object(value, schema, path, problems, root)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check(item, schema.get("items", {}), f"{path}[{index}]", problems, root)
    elif isinstance(value, str):
        _check_text(value, schema, where, problems)
    elif _is(value, "number") and "minimum" in schema and value < schema["minimum"]:
        problems.append(f"{where}: must be {schema['minimum']} or more")


def _check_object(
    value: dict[str, Any],
    schema: dict[str, Any],
    path: str,
    problems: list[str],
    root: dict[str, Any],
) -> None:
    properties = schema.get("properties", {})
    prefix = f"{path}." if path else ""
    for key in schema.get("required", ()):
        if key not in value:
            problems.append(f"{prefix}{key}: required")
    for key, item in value.items():
        if key not in properties:
            if schema.get("additionalProperties") is False:
                problems.append(f"{prefix}{key}: unknown key")
            continue
        _check(item, properties[key], f"{prefix}{key}", problems, root)


def _check_text(value: str, schema: dict[str, Any], where: str, problems: list[str]) -> None:
    pattern = schema.get("pattern")
    if pattern is not None and not re.search(pattern, value):
        problems.append(f"{where}: {value!r} does not match {pattern}")
    kind = schema.get("format")
    try:
        if kind == "date" and len(value) == 10:
            date.fromisoformat(value)
        elif kind == "date" or (
            kind == "date-time" and datetime.fromisoformat(value).tzinfo is None
        ):
            raise ValueError
    except ValueError:
        example = "2026-03-01" if kind == "date" else "2026-03-01T12:00:00+00:00"
        problems.append(f"{where}: {value!r} is not a {kind} like {example}")


def _problems_of(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> list[str]:
    found: list[str] = []
    _check(value, schema, "", found, root)
    return found


def _is(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    python = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    return isinstance(value, python[kind])


def _kind(value: Any) -> str:
    for kind in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _is(value, kind):
            return JSON_TYPES[kind]
    return type(value).__name__


def _show(value: Any) -> str:
    return "null" if value is None else repr(value)
