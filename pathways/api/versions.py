"""ETag and If-Match: every editable resource says its version, and a change must name the
version it was made to (428 without one, 412 when it is no longer current)."""

from __future__ import annotations

import re

from flask import request
from werkzeug.exceptions import PreconditionRequired

from pathways.domain.errors import PreconditionFailed


def etag(version: int | str) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


def expected_version() -> int:
    """The version named by the request's If-Match header."""
    return int(expected_tag(r"\d+"))


def expected_tag(pattern: str) -> str:
    """The one entity tag of the request's If-Match header that matches `pattern`."""
    if not request.if_match or request.if_match.star_tag:
        raise PreconditionRequired(
            "send If-Match with the ETag you last read, so a change made meanwhile by someone "
            "else is not overwritten"
        )
    tags = {tag for tag in request.if_match.as_set(include_weak=True) if re.fullmatch(pattern, tag)}
    if len(tags) != 1:
        raise PreconditionFailed("If-Match names no single version of this resource")
    return tags.pop()
