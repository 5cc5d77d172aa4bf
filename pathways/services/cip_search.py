"""Finding a CIP 2020 program code by what a school editor types: the code or its start
("51.39"), or words of the title ("practical nurs"). Program codes (`NN.NNNN`) only, since a
program is registered under one; families and series are never offered."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import search
from pathways.domain.errors import InvalidInput
from pathways.models import CipCode
from pathways.services.program_suggestions import program_code

PROGRAM_LEVEL = 6
CODE_PREFIX = re.compile(r"^\d{1,2}(\.\d{0,4})?$")
LEADING_CODE = re.compile(r"^(\d{2}(?:\.\d{2}(?:\d{2})?)?)(?:\s|$)")
CODE, TITLE_START, TITLE_WORDS = range(3)


@dataclass(frozen=True)
class CipHit:
    code: str
    title: str  # without the trailing period NCES writes

    @property
    def label(self) -> str:
        """What the picker shows and submits: "51.3901 Licensed Practical/Vocational …"."""
        return f"{self.code} {self.title}"


def display_title(title: str) -> str:
    return title.strip().rstrip(".")


def search_cip(*, session: Session, query: str, limit: int = 20) -> list[CipHit]:
    """Program codes matching `query`: codes starting with it first, then titles starting
    with its first word, then titles holding every word; shorter titles first in each."""
    text = query.strip()
    code = text if CODE_PREFIX.match(text) else None
    words = [] if code is not None else search.terms(text)
    if code is None and not words:
        return []
    title = sa.func.lower(CipCode.title)
    if code is not None:
        condition: sa.ColumnElement[bool] = CipCode.code.startswith(code, autoescape=True)
        tier: sa.ColumnElement[int] = sa.literal(CODE)
    else:
        condition = sa.and_(*(title.contains(word, autoescape=True) for word in words))
        tier = sa.case((title.startswith(words[0], autoescape=True), TITLE_START),
                       else_=TITLE_WORDS)  # fmt: skip
    query_ = (
        sa.select(CipCode.code, CipCode.title)
        .where(CipCode.level == PROGRAM_LEVEL, condition)
        .order_by(tier, sa.func.length(CipCode.title), CipCode.code)
        .limit(limit)
    )
    return [CipHit(found, display_title(name)) for found, name in session.execute(query_)]


def cip_title(*, session: Session, code: str) -> str | None:
    found = session.get(CipCode, code)
    return None if found is None else display_title(found.title)


def picked_cip(*, session: Session, text: str, field: str = "cip") -> str:
    """The program code a picker's text names — "51.3901 Licensed Practical/…", "51.3901" or a
    title — or InvalidInput on `field`, with the closest codes as suggestions."""
    typed = (text or "").strip()
    if not typed:
        raise InvalidInput.for_field(field, "required: a CIP 2020 program code such as 51.3901")
    leading = LEADING_CODE.match(typed)
    if leading is not None:
        return program_code(session=session, cip=leading.group(1), field=field).code
    hits = search_cip(session=session, query=typed, limit=5)
    wanted = display_title(typed).lower()
    exact = [hit for hit in hits if hit.title.lower() == wanted]
    if len(exact) == 1 or len(hits) == 1:
        return (exact or hits)[0].code
    if not hits:
        raise InvalidInput.for_field(field, f"no CIP 2020 program matches {typed!r}")
    choices = "; ".join(hit.label for hit in hits[:3])
    raise InvalidInput.for_field(
        field, f"{typed!r} matches several CIP 2020 programs; pick one: {choices}"
    )
