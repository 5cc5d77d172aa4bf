"""The QR code on a flyer, pointing at the pathway's (or occupation's) page.

SVG from segno: vector, so it prints sharp at any size, with only a viewBox so the template
sets its size; dark modules on an opaque white ground with the standard four-module quiet
zone, so it scans even on a coloured band.
"""

from __future__ import annotations

import io

import segno

QUIET_ZONE = 4  # modules, as ISO/IEC 18004 asks


def qr_svg(url: str) -> bytes | None:
    """The QR code for `url` as SVG bytes; None when `url` is too long for any QR code."""
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError:
        return None
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        border=QUIET_ZONE,
        dark="#000000",
        light="#FFFFFF",
        xmldecl=False,
        omitsize=True,
    )
    return out.getvalue()
