"""Security headers on every page. The Content-Security-Policy allows scripts, styles and
images only from this site: even a stored `<script>` or `onerror=` that escaping somehow let
through would not run. Responses that set their own policy (SVG, the flyer's text version)
keep it."""

from __future__ import annotations

from flask import Flask, Response

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def secure(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def init_app(app: Flask) -> None:
    app.after_request(secure)
