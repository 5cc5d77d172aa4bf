"""Files a document hands the PDF renderer by name (a logo, a diagram, a QR code), and the base
URL templates name them under. Kept apart from fetcher.py, which needs WeasyPrint: importing
the app must not import WeasyPrint (half a second), only rendering may."""

from __future__ import annotations

from dataclasses import dataclass

# Templates name assets under this base; `.invalid` can never resolve (RFC 6761).
ASSET_BASE = "https://assets.pathways.invalid/"


@dataclass(frozen=True, slots=True)
class Asset:
    content: bytes
    media_type: str
