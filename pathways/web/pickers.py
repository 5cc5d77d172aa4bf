"""What a person typed into a picker, turned into the code it names. The same input works with
and without JavaScript: "29-1141 Registered Nurses" (a suggestion), "29-1141", or a title."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from pathways.domain.errors import InvalidInput
from pathways.services.occupations import known_occupation
from pathways.services.search import search_occupations

LEADING_SOC = re.compile(r"^\s*(\d{2}-\d{4})(?:\.\d{2})?\b")
SUGGESTED = 3


def picked_occupation(session: Session, text: str | None, *, field: str = "occupation") -> str:
    """The SOC code `text` names, or InvalidInput on `field` saying what might have been meant."""
    typed = (text or "").strip()
    if not typed:
        raise InvalidInput.for_field(field, "pick an occupation: type a title or a SOC code")
    code = LEADING_SOC.match(typed)
    if code:
        return known_occupation(session=session, soc=code.group(1), field=field)
    hits = search_occupations(session=session, query=typed, per_page=SUGGESTED + 1).items
    exact = [hit for hit in hits if hit.title.casefold() == typed.casefold()]
    if exact or len(hits) == 1:
        return (exact or hits)[0].soc
    if not hits:
        raise InvalidInput.for_field(field, f"no occupation matches “{typed}”")
    meant = "; ".join(f"{hit.soc} {hit.title}" for hit in hits[:SUGGESTED])
    raise InvalidInput.for_field(
        field, f"several occupations match “{typed}”: pick one, e.g. {meant}"
    )
