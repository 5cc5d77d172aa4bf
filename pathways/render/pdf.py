"""HTML to PDF with WeasyPrint, safely: only bundled assets are loaded (see fetcher.py), the
PDF is tagged for screen readers (PDF/UA-1), and it carries no attachments."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from pathways.render.fetcher import ASSET_BASE, Asset, BundledFetcher

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, *, assets: Mapping[str, Asset] | None = None) -> bytes:
    """The PDF of `html` (a complete document whose user text is already escaped)."""
    from weasyprint import HTML  # imported here: WeasyPrint is slow to import, CLIs stay quick

    fetcher = BundledFetcher(assets or {})
    document = HTML(string=html, base_url=ASSET_BASE, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, attachments=[])
    if fetcher.refused:
        logging.getLogger(__name__).info("refused to load: %s", ", ".join(fetcher.refused))
    return pdf
