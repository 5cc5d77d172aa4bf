"""The PDF renderer: text a reader can extract, tags for screen readers, and nothing loaded
but bundled assets — whatever URLs the HTML names."""

from __future__ import annotations

import base64
import io

import pypdf
import pytest

from pathways.render.fetcher import ASSET_BASE, Asset, BundledFetcher, RefusedFetch
from pathways.render.pdf import html_to_pdf
from tests.listener import listener

__all__ = ["listener"]  # the fixture


def png() -> bytes:
    """A small real PNG (Pillow comes with WeasyPrint)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (11, 93, 140)).save(out, format="PNG")
    return out.getvalue()


PNG = png()


def document(body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title>'
        f"{head}</head><body>{body}</body></html>"
    )


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def test_text_is_extractable_and_the_pdf_is_tagged():
    pdf = html_to_pdf(document("<h1>CNA to RN</h1><p>Median wage $78,270 (BLS OEWS May 2025)</p>"))
    reader = read(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "CNA to RN" in text
    assert "$78,270" in text
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "tagged for screen readers"
    assert catalog["/MarkInfo"]["/Marked"]


def test_nothing_outside_the_bundle_is_loaded_and_nothing_is_attached(listener, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    hostile = [
        f'<img src="{listener.url}/img">',
        f'<img src="file://{secret}">',
        '<img src="file:///etc/passwd">',
        f'<link rel="attachment" href="{listener.url}/attach">',
        f'<a rel="attachment" href="file://{secret}">attached</a>',
        f'<div style="background: url({listener.url}/css)">css</div>',
        '<img src="data:text/html,<script>alert(1)</script>">',
        f'<object data="{listener.url}/object"></object>',
        f'<iframe src="{listener.url}/iframe"></iframe>',
    ]
    head = (
        f'<link rel="stylesheet" href="{listener.url}/style.css">'
        f"<style>@import url({listener.url}/import.css); "
        f"@font-face {{ font-family: x; src: url({listener.url}/font.woff) }}</style>"
    )
    pdf = html_to_pdf(document("".join(hostile) + "<p>still here</p>", head))

    assert listener.requests == [], "the renderer called out"
    reader = read(pdf)
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert b"TOP SECRET" not in pdf
    assert "still here" in reader.pages[0].extract_text()


def test_bundled_assets_and_inline_images_are_served():
    fetcher = BundledFetcher({"logo.png": Asset(PNG, "image/png")})
    served = fetcher.fetch(f"{ASSET_BASE}logo.png")
    assert (served.read(), served.content_type) == (PNG, "image/png")
    inline = fetcher.fetch("data:image/png;base64," + base64.b64encode(PNG).decode())
    assert inline.read() == PNG
    pdf = html_to_pdf(
        document(f'<img src="{ASSET_BASE}logo.png" alt="Logo">'),
        assets={"logo.png": Asset(PNG, "image/png")},
    )
    assert read(pdf).pages[0].images, "the bundled logo is drawn"


@pytest.mark.parametrize(
    "url",
    [
        f"{ASSET_BASE}missing.png",
        "https://example.org/logo.png",
        "http://127.0.0.1:9/x",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "data:text/css,body{}",
        "data:application/pdf;base64,JVBERi0=",
        "data:image/png;base64,!!!",
    ],
)
def test_everything_else_is_refused(url):
    fetcher = BundledFetcher({})
    with pytest.raises(RefusedFetch):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
