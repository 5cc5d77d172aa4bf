"""Errors, translated once for the whole app: one JSON shape for the API — {"code", "status",
"message", "errors"} — and HTML pages elsewhere. Database text never leaks."""

from __future__ import annotations

import logging
from typing import Any

import marshmallow as ma
from flask import Flask, Response, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError
from werkzeug.wrappers import Response as BaseResponse

from pathways.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    TooManyAttempts,
    Unauthorized,
)

API_PREFIX = "/api/"
log = logging.getLogger(__name__)

STATUS_OF = {
    Unauthorized: 401,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    PreconditionFailed: 412,
    InvalidInput: 422,
    TooManyAttempts: 429,
}
CODE_OF_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    428: "precondition_required",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ErrorSchema(ma.Schema):
    code = ma.fields.String(
        required=True,
        metadata={"description": "Machine-readable error code", "example": "not_found"},
    )
    status = ma.fields.Integer(required=True, metadata={"description": "HTTP status code"})
    message = ma.fields.String(required=True, metadata={"description": "What went wrong"})
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.Raw(),
        required=True,
        metadata={"description": "Messages by field name (empty when no field is at fault)"},
    )


def error_body(status: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "code": CODE_OF_STATUS.get(status, "error"),
        "status": status,
        "message": message,
        "errors": errors or {},
    }


def _json(status: int, message: str, errors: dict[str, Any] | None = None) -> Response:
    response = jsonify(error_body(status, message, errors))
    response.status_code = status
    return response


def handle_domain_error(error: DomainError) -> BaseResponse:
    status = next((code for kind, code in STATUS_OF.items() if isinstance(error, kind)), 400)
    errors = error.errors if isinstance(error, InvalidInput) else {}
    if request.path.startswith(API_PREFIX):
        response = _json(status, error.message, errors)
    elif isinstance(error, Unauthorized):
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    else:
        response = _html(status, error.message)
    if isinstance(error, Unauthorized):
        response.headers["WWW-Authenticate"] = 'Bearer realm="pathways"'
    if isinstance(error, TooManyAttempts):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


REQUEST_PARTS = {"json", "query", "path", "headers", "form", "files"}  # where webargs looks


def handle_http_error(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages") or {}
    if isinstance(errors, dict) and set(errors) <= REQUEST_PARTS:
        # webargs nests messages under the request part; the field name is what people need.
        errors = {
            field: messages
            for name, part in errors.items()
            # A body that is not JSON at all has messages for the part itself.
            for field, messages in (part.items() if isinstance(part, dict) else [(name, part)])
        }
    message = data.get("message") or _describe(errors, error)
    if request.path.startswith(API_PREFIX):
        response = _json(status, message, errors)
        # Keep what the error says in headers (Allow on a 405, say), but not its HTML type.
        for name, value in [*error.get_headers(), *(data.get("headers") or {}).items()]:
            if name.lower() != "content-type":
                response.headers[name] = value
        return response
    return _html(status, message)


def handle_unexpected(error: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.path, exc_info=error)
    return handle_http_error(InternalServerError())


def _describe(errors: Any, error: HTTPException) -> str:
    """Each field with its first message, or the HTTP description when no field is at fault."""
    if isinstance(errors, dict) and errors:
        return "; ".join(f"{field}: {_first(messages)}" for field, messages in errors.items())
    return str(error.description or error.name)


def _first(messages: Any) -> str:
    while isinstance(messages, (list, tuple)) and messages:
        messages = messages[0]
    if isinstance(messages, dict):
        return "; ".join(f"{key}: {_first(value)}" for key, value in messages.items())
    return str(messages)


TITLES = {
    400: "That request could not be understood",
    401: "Please sign in",
    403: "You may not do that",
    404: "Page not found",
    405: "That is not something this page does",
    409: "That clashes with what is already there",
    413: "That upload is too large",
    422: "Some of that could not be used",
    429: "Too many attempts",
    500: "Something went wrong on our side",
}


def _html(status: int, message: str) -> Response:
    title = TITLES.get(status, "That did not work")
    if status >= 500:
        message = "We have been told about it. Please try again in a minute."
    try:
        page = render_template("errors/error.html", status=status, title=title, message=message)
    except Exception:  # the layout itself failed (the database is down, say): plain text
        log.exception("the error page could not be drawn")
        page = f"<!doctype html><title>{status}</title><h1>{title}</h1>"
    return Response(page, status=status, mimetype="text/html")


def refuse_nul_characters() -> None:
    """No text in a request may hold a NUL character: PostgreSQL can neither store nor compare
    one, and no person types one. Refused before any view or query sees it, naming the field."""
    if "\x00" in request.full_path or "%00" in request.query_string.decode("latin-1"):
        raise BadRequest("the address contains a NUL character")
    if request.is_json:
        field = _nul_field(request.get_json(silent=True), "")
        if field is not None:
            raise InvalidInput.for_field(field or "body", "may not contain a NUL character")


def _nul_field(value: object, where: str) -> str | None:
    """Where in a JSON document a string holds a NUL character (`members[1].name`), if anywhere."""
    if isinstance(value, str):
        return where if "\x00" in value else None
    if isinstance(value, dict):
        items = [(f"{where}.{key}" if where else str(key), item) for key, item in value.items()]
        keys = [where or "body" for key in value if "\x00" in str(key)]
        if keys:
            return keys[0]
    elif isinstance(value, list):
        items = [(f"{where}[{index}]", item) for index, item in enumerate(value)]
    else:
        return None
    for path, item in items:
        found = _nul_field(item, path)
        if found is not None:
            return found
    return None


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
