"""Slugs: the short names in URLs (`northeast-louisiana`)."""

from __future__ import annotations

import re

from pathways.domain.errors import InvalidInput

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 80


def parse_slug(value: str, *, field: str = "slug") -> str:
    text = value.strip()
    if not (2 <= len(text) <= MAX_SLUG) or not SLUG_PATTERN.match(text):
        raise InvalidInput.for_field(
            field,
            f"{value!r} is not a slug: 2–{MAX_SLUG} lower-case letters and digits, "
            "words joined by single hyphens",
        )
    return text
