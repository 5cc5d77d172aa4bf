"""HTML to PDF with WeasyPrint, safely: only bundled assets are loaded (see fetcher.py), the
PDF is tagged for screen readers (PDF/UA-1), and it carries no attachments.

One `FontConfiguration` serves every render in the process: WeasyPrint would otherwise build a
new one per call (slow, and ~260 KiB that is never given back). It is handed to `render()`,
which parses the documents' inline stylesheets with it, and the laid-out document keeps it for
writing. `warm_up()` builds it, and imports WeasyPrint, ahead of time — gunicorn calls it
before forking, so workers share it.
Layout and writing are separate steps so a caller (the flyers) can look at the pages before
paying for the PDF.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from pathways.render.assets import ASSET_BASE, Asset

if TYPE_CHECKING:
    from pathways.render.fetcher import BundledFetcher

PDF_VARIANT = "pdf/ua-1"
# Pango's font map is not safe to share between threads; renders in one process take turns.
_RENDERING = threading.Lock()


@dataclass(frozen=True, slots=True)
class Layout:
    """A laid-out document (WeasyPrint's `Document`), ready to be measured or written."""

    document: Any  # weasyprint.document.Document; WeasyPrint ships no type hints
    fetcher: BundledFetcher

    @property
    def page_count(self) -> int:
        return len(self.document.pages)


@cache
def font_config() -> Any:
    """The process's one `weasyprint.text.fonts.FontConfiguration`."""
    from weasyprint.text.fonts import FontConfiguration  # slow import: only when rendering

    # Let it go while the interpreter still works: its __del__ calls into Pango, and at
    # shutdown, after modules are torn down, that fails noisily.
    atexit.register(font_config.cache_clear)
    return FontConfiguration()


def warm_up() -> None:
    """Import WeasyPrint and build the shared font configuration now, not on the first
    request (call it before forking workers)."""
    import weasyprint  # noqa: F401  # the import is the point: it loads Pango and friends

    font_config()


def lay_out(html: str, *, assets: Mapping[str, Asset] | None = None) -> Layout:
    """Lay out `html` (a complete document whose user text is already escaped) into pages."""
    from weasyprint import HTML

    from pathways.render.fetcher import BundledFetcher  # imports WeasyPrint: only here

    fetcher = BundledFetcher(assets or {})
    with _RENDERING:
        document = HTML(string=html, base_url=ASSET_BASE, url_fetcher=fetcher).render(
            font_config=font_config(), pdf_variant=PDF_VARIANT
        )
    return Layout(document, fetcher)


def write(layout: Layout, *, first_page_only: bool = False) -> bytes:
    """The PDF of a laid-out document; `first_page_only` keeps just its first page."""
    document = layout.document
    if first_page_only:
        document = document.copy(document.pages[:1])
    with _RENDERING:
        pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, attachments=[])
    if layout.fetcher.refused:
        logging.getLogger(__name__).info("refused to load: %s", ", ".join(layout.fetcher.refused))
    return pdf


def html_to_pdf(html: str, *, assets: Mapping[str, Asset] | None = None) -> bytes:
    """The PDF of `html` (a complete document whose user text is already escaped)."""
    return write(lay_out(html, assets=assets))
