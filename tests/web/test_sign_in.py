"""Signing in and out on the web, as a browser does it: the form with its CSRF token, the
throttle after repeated failures, where `next` may lead, and what ends a session."""

import re

import pytest
import sqlalchemy as sa

from pathways.app import create_app
from pathways.domain.access import Actor
from pathways.models import LoginFailure
from pathways.services.logins import MAX_PER_ACCOUNT
from pathways.services.users import update_user
from pathways.sessions import database
from tests.factories import make_user
from tests.web import PASSWORD, force_sign_in, form_fields, sign_in, sign_out

WRONG = "not the password at all"
OPERATOR = Actor.operator("tests")


def home_page(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def signed_in_as(client, email: str) -> bool:
    page = home_page(client)
    return f"<span>{email}</span>" in page and "Sign out" in page


def anonymous(client) -> bool:
    page = home_page(client)
    return ">Sign in</a>" in page and "Sign out" not in page


def failures_of(session, email: str) -> list[LoginFailure]:
    return list(session.scalars(sa.select(LoginFailure).where(LoginFailure.email == email)))


def change_account(session, user, **changes) -> None:
    """An admin's change to the account, made elsewhere (the API or the command line)."""
    update_user(
        session=session, actor=OPERATOR, user_id=user.id, expected_version=None, changes=changes
    )


@pytest.fixture
def user(session):
    return make_user(session, password=PASSWORD)


def test_posting_the_sign_in_form_is_never_a_server_error(client):
    response = sign_in(client, "not-an-email-address", WRONG)
    assert response.status_code == 401
    assert "wrong email or password" in response.get_data(as_text=True)


def test_right_password_signs_in_and_the_page_says_who(client, user):
    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert signed_in_as(client, user.email)


def test_email_is_matched_whatever_its_case(client, user):
    assert sign_in(client, user.email.upper()).status_code == 302
    assert signed_in_as(client, user.email)


def test_wrong_password_is_a_401_page_saying_wrong_email_or_password(client, user):
    response = sign_in(client, user.email, WRONG)
    assert response.status_code == 401
    assert "wrong email or password" in response.get_data(as_text=True)
    assert anonymous(client)


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(client, user):
    known = sign_in(client, user.email, WRONG)
    unknown = sign_in(client, "nobody-here@example.org", WRONG)
    assert unknown.status_code == known.status_code == 401

    # The pages differ only in the email typed in, echoed back in the form, and in the CSRF
    # token, which is signed with the time it was made.
    def page(response, email):
        text = response.get_data(as_text=True).replace(email, "EMAIL")
        return re.sub(r'name="csrf_token" type="hidden" value="[^"]*"', "CSRF", text)

    assert page(unknown, "nobody-here@example.org") == page(known, user.email)


@pytest.mark.parametrize("token", [None, "not-the-token"], ids=["missing", "wrong"])
def test_sign_in_without_the_csrf_token_is_refused(client, session, user, token):
    client.get("/login")  # the session holds a real token, which the post does not carry
    data = {"email": user.email, "password": PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/login", data=data)
    assert response.status_code == 400
    assert anonymous(client)
    assert failures_of(session, user.email) == []


def test_sixth_attempt_after_five_failures_is_throttled_even_with_the_right_password(client, user):
    for _ in range(MAX_PER_ACCOUNT):
        assert sign_in(client, user.email, WRONG).status_code == 401
    response = sign_in(client, user.email, PASSWORD)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "too many failed sign-ins; try again in 15 minutes" in response.get_data(as_text=True)
    assert anonymous(client)


def test_throttle_is_per_account(client, session, user):
    for _ in range(MAX_PER_ACCOUNT):
        sign_in(client, user.email, WRONG)
    other = make_user(session, password=PASSWORD)
    assert sign_in(client, other.email).status_code == 302
    assert signed_in_as(client, other.email)


def test_failures_are_kept_in_the_database_although_the_request_failed(client, session, user):
    sign_in(client, user.email, WRONG)
    sign_in(client, user.email, WRONG)
    failures = failures_of(session, user.email)
    assert len(failures) == 2
    assert {failure.address for failure in failures} == {"127.0.0.1"}


def test_a_successful_sign_in_clears_the_account_failures(client, session, user):
    sign_in(client, user.email, WRONG)
    sign_in(client, user.email, WRONG)
    assert sign_in(client, user.email).status_code == 302
    assert failures_of(session, user.email) == []


def test_sign_out_signs_out(client, user):
    force_sign_in(client, user)
    assert signed_in_as(client, user.email)
    response = sign_out(client)
    assert response.status_code == 302
    assert anonymous(client)


def test_sign_out_by_get_does_nothing(client, user):
    force_sign_in(client, user)
    assert client.get("/logout").status_code == 405
    assert signed_in_as(client, user.email)


def test_sign_out_without_the_csrf_token_is_refused(client, user):
    force_sign_in(client, user)
    assert client.post("/logout").status_code == 400
    assert signed_in_as(client, user.email)


def test_next_within_the_site_is_followed(client, user):
    response = sign_in(client, user.email, next_url="/regions/x/edit")
    assert response.status_code == 302
    assert response.headers["Location"] == "/regions/x/edit"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example", "//evil.example", "javascript:alert(1)", "evil.example/x"]
)
def test_next_to_anywhere_else_falls_back_to_the_home_page(client, user, next_url):
    response = sign_in(client, user.email, next_url=next_url)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_next_with_a_backslash_stays_on_the_site(client, user):
    """Browsers read `/\\host` as `//host`; the redirect must not reach another host."""
    response = sign_in(client, user.email, next_url="/\\evil.example")
    location = response.headers["Location"]
    assert location.startswith("/")
    assert not location.startswith("//")
    assert "\\" not in location


def test_next_survives_a_wrong_password(client, user):
    """The form keeps `next`, so the second try still leads where the user was going."""
    page = client.get("/login?next=/regions/x/edit")
    fields = form_fields(page.get_data(as_text=True))
    failed = client.post("/login", data={**fields, "email": user.email, "password": WRONG})
    fields = form_fields(failed.get_data(as_text=True))
    response = client.post("/login", data={**fields, "email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/regions/x/edit"


def test_inactive_user_cannot_sign_in(client, session):
    inactive = make_user(session, password=PASSWORD, active=False)
    response = sign_in(client, inactive.email)
    assert response.status_code == 401
    assert "wrong email or password" in response.get_data(as_text=True)
    assert anonymous(client)


def test_deactivating_a_user_ends_their_session(client, session, user):
    force_sign_in(client, user)
    assert signed_in_as(client, user.email)
    change_account(session, user, active=False)
    assert anonymous(client)


def test_changing_the_password_ends_existing_sessions(client, session, user):
    force_sign_in(client, user)
    assert signed_in_as(client, user.email)
    change_account(session, user, password="a brand new passphrase")
    assert anonymous(client)


def test_after_a_password_change_only_the_new_password_signs_in(client, session, user):
    change_account(session, user, password="a brand new passphrase")
    assert sign_in(client, user.email, PASSWORD).status_code == 401
    assert sign_in(client, user.email, "a brand new passphrase").status_code == 302


@pytest.fixture
def production_client(monkeypatch, database_url, connection):
    """A client of the app as configured for production, on this test's transaction."""
    monkeypatch.setenv("PATHWAYS_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "production-secret-" + "p" * 40)
    app = create_app({"DATABASE_URL": database_url})
    database(app).sessions.configure(bind=connection, join_transaction_mode="create_savepoint")
    yield app.test_client()
    database(app).engine.dispose()


def test_production_session_cookie_is_secure_and_http_only(production_client):
    """The sign-in page starts the session (it holds the CSRF token) that signing in fills."""
    response = production_client.get("/login", base_url="https://pathways.example")
    assert response.status_code == 200
    (cookie,) = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert {"secure", "httponly"} <= attributes
    assert "SameSite=Lax" in cookie
