"""How a free-text occupation query becomes search terms (pure rules, no database)."""

from __future__ import annotations

import re

from pathways.domain.codes import ONET_SOC_PATTERN

_WORD = re.compile(r"[a-z0-9]+")
_CODE_PREFIX = re.compile(r"^\d{2}(-\d{0,4})?(\.\d{0,2})?$")


def terms(query: str) -> list[str]:
    """Lower-case word stems: "Nurses' aides" → ["nurse", "aide"].

    A trailing plural "s" is dropped so "nurses" finds "Nurse Practitioners" and "nurse" finds
    "Registered Nurses"; matching is by substring, so the stem still finds the plural.
    """
    words = _WORD.findall(query.lower())
    return [_stem(word) for word in words]


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def code_prefix(query: str) -> str | None:
    """The SOC code, or the start of one, that a query names ("29-2061", "29-20", "29-2061.00")."""
    text = query.strip()
    if ONET_SOC_PATTERN.match(text):
        return text[:7]
    return text if _CODE_PREFIX.match(text) else None


def search_text(title: str) -> str:
    """A title in the form search matches against: lower-case words, one space between and
    one at either end, so `LIKE '% nurse %'` finds a whole word on any database."""
    return " " + " ".join(_WORD.findall(title.lower())) + " "
