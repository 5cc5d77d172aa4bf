"""What the PDF renderer may load: the project's bundled assets and the files handed to it
(an uploaded logo, say), by name, and images written inline as `data:image/…`. Everything
else — `file://`, `http(s)://` (redirects included: nothing is ever opened), other `data:`
types — is refused, so no text a user typed can make the renderer read a file or call out."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from urllib.parse import unquote_to_bytes

from weasyprint.urls import URLFetcher, URLFetcherResponse

from pathways.render.assets import ASSET_BASE, Asset

INLINE_IMAGES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif", "image/webp")


class RefusedFetch(ValueError):
    """A URL the renderer may not load."""


class BundledFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no type hints
    """Serves `assets` (name → Asset) under ASSET_BASE and inline images; refuses the rest.

    `refused` lists every URL turned away, so tests and logs can say what was tried.
    """

    def __init__(self, assets: Mapping[str, Asset]) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.assets = dict(assets)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if url.startswith(ASSET_BASE):
            asset = self.assets.get(url.removeprefix(ASSET_BASE))
            if asset is not None:
                return URLFetcherResponse(url, asset.content, {"Content-Type": asset.media_type})
        elif url.startswith("data:"):
            inline = _inline_image(url)
            if inline is not None:
                return URLFetcherResponse(url, inline.content, {"Content-Type": inline.media_type})
        self.refused.append(url)
        raise RefusedFetch(f"the renderer loads only bundled assets, not {url[:80]!r}")


def _inline_image(url: str) -> Asset | None:
    header, _, data = url.removeprefix("data:").partition(",")
    media_type, *params = header.split(";")
    if media_type.strip().lower() not in INLINE_IMAGES:
        return None
    try:
        if "base64" in (param.strip().lower() for param in params):
            content = base64.b64decode(data, validate=True)
        else:
            content = unquote_to_bytes(data)
    except (binascii.Error, ValueError):
        return None
    return Asset(content, media_type.strip().lower())
