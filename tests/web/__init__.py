"""The pages as a browser uses them: read a page's form fields, CSRF token included, and post
them back."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from flask import session as cookie_session
from flask.testing import FlaskClient
from flask_login import login_user
from werkzeug.test import TestResponse

from pathways.models import User
from pathways.web.users import WebUser

PASSWORD = "correct horse battery staple"


class _Inputs(HTMLParser):
    """The name and value of every <input>, and the text of every <textarea>, in page order."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.types: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "input" and named.get("name"):
            self.fields.append((named["name"] or "", named.get("value") or ""))
            self.types[named["name"] or ""] = named.get("type") or "text"
        elif tag == "textarea":
            self._textarea = named.get("name") or ""
            self.fields.append((self._textarea, ""))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            name, text = self.fields.pop()
            self.fields.append((name, text + data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # Browsers drop one newline right after <textarea>; WTForms writes one there.
            name, text = self.fields.pop()
            self.fields.append((name, text.removeprefix("\r").removeprefix("\n")))
            self._textarea = None


def form_fields(html: str) -> dict[str, str]:
    """The fields a browser would submit from the page's main form (the last value of a name
    wins, so the sign-out button's token in the header does not hide the form's own)."""
    parser = _Inputs()
    parser.feed(html)
    return dict(parser.fields)


def input_types(html: str) -> dict[str, str]:
    """The `type` of each <input>, by name."""
    parser = _Inputs()
    parser.feed(html)
    return parser.types


def csrf_token(html: str) -> str:
    token = form_fields(html).get("csrf_token")
    assert token, "the page has no csrf_token field"
    return token


def sign_in(
    client: FlaskClient, email: str, password: str = PASSWORD, *, next_url: str = ""
) -> TestResponse:
    """Fill in and send the sign-in form, as a browser does."""
    page = client.get("/login", query_string={"next": next_url} if next_url else None)
    fields = form_fields(page.get_data(as_text=True))
    return client.post("/login", data={**fields, "email": email, "password": password})


def sign_out(client: FlaskClient) -> TestResponse:
    """Press the Sign out button on the home page."""
    home = client.get("/")
    return client.post("/logout", data={"csrf_token": csrf_token(home.get_data(as_text=True))})


def force_sign_in(client: FlaskClient, user: User) -> None:
    """Give the client the session a successful sign-in gives `user`, without the sign-in form
    (tested on its own in test_sign_in.py), so that pages behind it can be tested alone."""
    with client.application.test_request_context(environ_base=client.environ_base):
        login_user(WebUser(user))
        signed_in = dict(cookie_session)
    with client.session_transaction() as session:
        session.update(signed_in)


def page(client: FlaskClient, url: str) -> str:
    """The HTML of a page that must answer 200."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def text(html: str) -> str:
    """What a reader sees: tags dropped, entities read, spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
