"""Importing a filled-in template — critical-occupations.xlsx, pathway.xlsx, programs.xlsx,
or their CSV sheets — all or nothing. The template is recognised from the file; every row is
checked before anything is written; any problem raises WorkbookRejected listing each one with
its sheet, row and column, and the caller (an edge) rolls back. Importing the same file again
leaves the same state."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import InvalidInput
from pathways.domain.workbooks import WorkbookSummary
from pathways.importers.workbook_occupations import import_critical_occupations
from pathways.importers.workbook_pathway import import_pathway
from pathways.importers.workbook_programs import import_programs
from pathways.importers.workbook_reading import Upload, read_uploads

__all__ = ["Upload", "import_workbook"]
PARTNERSHIP_KINDS = ("critical-occupations", "pathway")


def import_workbook(
    session: Session,
    uploads: Sequence[Upload],
    *,
    actor: Actor,
    partnership: str | None = None,
    provider: int | None = None,
    accepted: Sequence[str] | None = None,
) -> WorkbookSummary:
    """Import `uploads` (one .xlsx, or CSV files of one template's sheets). Critical
    occupations and pathways go into `partnership`; programs to `provider` or the providers
    their rows name. `accepted`, when given, are the template kinds allowed (a provider's
    upload page takes programs only)."""
    book = read_uploads(uploads)
    kind = book.template.kind
    file = ", ".join(upload.name for upload in uploads)
    if accepted is not None and kind not in accepted:
        wanted = " or ".join(accepted)
        raise InvalidInput.for_field("file", f"{file} is a {kind} template; {wanted} here")
    if kind in PARTNERSHIP_KINDS:
        if partnership is None:
            raise InvalidInput.for_field(
                "partnership", f"{file} is a {kind} template: say which partnership it is for"
            )
        if kind == "pathway":
            return import_pathway(session, book, actor=actor, partnership=partnership, file=file)
        return import_critical_occupations(
            session, book, actor=actor, partnership=partnership, file=file
        )
    return import_programs(session, book, actor=actor, provider=provider, file=file)
