"""API tokens: random, shown once, stored as a hash, refused when unknown, expired or revoked."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.domain.errors import InvalidInput, NotFound, Unauthorized
from pathways.models import ApiToken, AuditEvent
from pathways.models.types import utcnow
from pathways.services.tokens import (
    actor_for_token,
    create_token,
    hash_token,
    list_tokens,
    revoke_token,
)
from tests.factories import make_partnership, make_user

OPERATOR = Actor.operator("tests")


def test_a_token_is_shown_once_and_only_its_hash_is_kept(session):
    user = make_user(session)
    token, secret = create_token(session=session, actor=OPERATOR, email=user.email, name="ci")
    assert secret.startswith("pwy_")
    assert len(secret) > 40
    assert token.token_hash == hash_token(secret)
    assert secret not in str(session.execute(sa.select(ApiToken.__table__)).all())
    event = session.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "api_token")).one()
    assert secret not in str(event.changes)


def test_the_token_stands_for_its_user_and_scope(session):
    partnership = make_partnership(session)
    user = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    _, secret = create_token(session=session, actor=OPERATOR, email=user.email)
    actor = actor_for_token(session=session, token=secret)
    assert (actor.user_id, actor.channel, actor.partnership_ids) == (
        user.id,
        Channel.API,
        frozenset({partnership.id}),
    )


def test_unknown_expired_revoked_and_inactive_tokens_are_refused(session):
    user = make_user(session)
    _, good = create_token(session=session, actor=OPERATOR, email=user.email)
    expired, old = create_token(session=session, actor=OPERATOR, email=user.email, expires_days=1)
    expired.expires_at = utcnow() - timedelta(seconds=1)
    revoked, gone = create_token(session=session, actor=OPERATOR, email=user.email)
    revoke_token(session=session, actor=OPERATOR, token_id=revoked.id)
    for token in (good + "x", old, gone):
        with pytest.raises(Unauthorized) as caught:
            actor_for_token(session=session, token=token)
        assert token not in caught.value.message
    user.active = False
    with pytest.raises(Unauthorized):
        actor_for_token(session=session, token=good)


def test_listing_and_revoking(session):
    user = make_user(session)
    first, _ = create_token(session=session, actor=OPERATOR, email=user.email, name="one")
    create_token(session=session, actor=OPERATOR, email=user.email, expires_days=30)
    assert [t.name for t in list_tokens(session=session, actor=OPERATOR, email=user.email)] == [
        "one",
        None,
    ]
    revoke_token(session=session, actor=OPERATOR, token_id=first.id)
    assert first.revoked_at is not None
    with pytest.raises(NotFound):
        revoke_token(session=session, actor=OPERATOR, token_id=999_999)


def test_expiry_is_bounded(session):
    user = make_user(session)
    with pytest.raises(InvalidInput):
        create_token(session=session, actor=OPERATOR, email=user.email, expires_days=0)
    with pytest.raises(NotFound):
        create_token(session=session, actor=OPERATOR, email="nobody@example.org")
