"""A batch's flyers as one file: merged into one PDF for printing, zipped, or written to a
folder, one PDF per flyer."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pathways.jobs.batch import Outcome


def merged_pdf(pdfs: Iterable[bytes]) -> bytes:
    """One PDF with every page of `pdfs`, in order."""
    from pypdf import PdfWriter  # imported here: the app starts without it

    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    merged = io.BytesIO()
    writer.write(merged)
    return merged.getvalue()


def file_name(outcome: Outcome) -> str:
    """`cna-to-rn (letter, es)` → `cna-to-rn-letter-es.pdf`."""
    return re.sub(r"[^a-z0-9]+", "-", outcome.name.lower()).strip("-") + ".pdf"


def zipped(files: Mapping[str, bytes]) -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped_file:
        for name, content in files.items():
            zipped_file.writestr(name, content)
    return archive.getvalue()


def write_outcomes(outcomes: Sequence[Outcome], target: Path) -> Path:
    """The drawn flyers at `target`: a merged PDF (`.pdf`), a ZIP (`.zip`), or a folder."""
    drawn = {file_name(outcome): outcome.content for outcome in outcomes if outcome.content}
    if target.suffix.lower() == ".pdf":
        target.write_bytes(merged_pdf(drawn.values()))
    elif target.suffix.lower() == ".zip":
        target.write_bytes(zipped(drawn))
    else:
        target.mkdir(parents=True, exist_ok=True)
        for name, content in drawn.items():
            (target / name).write_bytes(content)
    return target
