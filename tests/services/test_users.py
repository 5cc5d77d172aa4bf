"""Accounts: creation, changes and deletion by admins, each checked, versioned and audited."""

import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.domain.audit import MASKED
from pathways.domain.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from pathways.models import AuditEvent, User
from pathways.services import passwords
from pathways.services.users import (
    actor_for,
    create_user,
    delete_user,
    get_user,
    list_users,
    update_user,
)
from tests.factories import make_partnership, make_provider, make_user

OPERATOR = Actor.operator("tests")


def events(session, user_id):
    query = sa.select(AuditEvent).where(
        AuditEvent.entity == "user", AuditEvent.entity_id == str(user_id)
    )
    return list(session.scalars(query.order_by(AuditEvent.id)))


def test_create_a_partnership_editor(session):
    partnership = make_partnership(session)
    user = create_user(
        session=session, actor=OPERATOR, email=" Ana@Example.ORG ", name="Ana",
        role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership.slug], password="a" * 12,
    )  # fmt: skip
    assert user.email == "ana@example.org"
    assert [p.slug for p in user.partnerships] == [partnership.slug]
    assert user.password_hash.startswith("$argon2id$")
    assert passwords.verify(user.password_hash, "a" * 12)
    (event,) = events(session, user.id)
    assert event.actor == "cli:tests"
    assert event.channel is Channel.CLI
    assert event.changes["password"] == {"before": None, "after": MASKED}
    assert "a" * 12 not in str(event.changes)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"role": Role.PARTNERSHIP_EDITOR}, "partnerships"),
        ({"role": Role.PROVIDER_EDITOR}, "providers"),
        ({"role": Role.ADMIN, "partnerships": ["nowhere"]}, "partnerships"),
        ({"role": Role.PROVIDER_EDITOR, "providers": [999_999]}, "providers"),
        ({"password": "short"}, "password"),
    ],
)
def test_bad_values_name_the_field_and_write_nothing(session, values, field):
    arguments = {"email": "new@example.org", "role": Role.ADMIN, **values}
    with pytest.raises(InvalidInput) as caught:
        create_user(session=session, actor=OPERATOR, **arguments)
    assert field in caught.value.errors
    assert session.scalar(sa.select(User).where(User.email == "new@example.org")) is None


def test_an_email_has_one_account(session):
    make_user(session, email="dup@example.org")
    with pytest.raises(Conflict):
        create_user(session=session, actor=OPERATOR, email="DUP@example.org", role=Role.ADMIN)


def test_update_scopes_and_role_with_the_current_version(session):
    provider = make_provider(session)
    user = make_user(session, role=Role.ADMIN)
    changed = update_user(
        session=session, actor=OPERATOR, user_id=user.id, expected_version=user.version,
        changes={"role": Role.PROVIDER_EDITOR, "providers": [provider.id]},
    )  # fmt: skip
    assert changed.role is Role.PROVIDER_EDITOR
    assert changed.version == 2
    assert events(session, user.id)[-1].changes["role"] == {
        "before": "admin",
        "after": "provider_editor",
    }
    with pytest.raises(PreconditionFailed):
        update_user(
            session=session, actor=OPERATOR, user_id=user.id, expected_version=1,
            changes={"name": "Late"},
        )  # fmt: skip


def test_changing_only_scopes_moves_the_version_on(session):
    first, second = make_partnership(session), make_partnership(session)
    user = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[first])
    changed = update_user(
        session=session, actor=OPERATOR, user_id=user.id, expected_version=1,
        changes={"partnerships": [first.slug, second.slug]},
    )  # fmt: skip
    assert changed.version == 2


def test_a_new_password_is_hashed_and_masked_in_the_log(session):
    user = make_user(session, password="old password 1")
    update_user(
        session=session, actor=OPERATOR, user_id=user.id, expected_version=1,
        changes={"password": "new password 22"},
    )  # fmt: skip
    assert passwords.verify(user.password_hash, "new password 22")
    assert events(session, user.id)[-1].changes == {"password": {"before": None, "after": MASKED}}


def test_delete_is_audited_and_an_admin_cannot_delete_themselves(session):
    admin = make_user(session, role=Role.ADMIN)
    other = make_user(session, role=Role.ADMIN)
    as_admin = actor_for(admin, Channel.API)
    with pytest.raises(Conflict):
        delete_user(session=session, actor=as_admin, user_id=admin.id, expected_version=1)
    delete_user(session=session, actor=as_admin, user_id=other.id, expected_version=1)
    with pytest.raises(NotFound):
        get_user(session=session, actor=as_admin, user_id=other.id)
    assert events(session, other.id)[-1].action == "delete"


def test_users_see_themselves_but_not_others(session):
    provider = make_provider(session)
    teacher = make_user(session, role=Role.PROVIDER_EDITOR, providers=[provider])
    other = make_user(session)
    as_teacher = actor_for(teacher, Channel.API)
    assert get_user(session=session, actor=as_teacher, user_id=teacher.id) is teacher
    with pytest.raises(NotFound):
        get_user(session=session, actor=as_teacher, user_id=other.id)
    with pytest.raises(NotFound):
        list_users(session=session, actor=as_teacher)


def test_actor_for_a_user_carries_their_scope(session):
    partnership = make_partnership(session)
    user = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    actor = actor_for(user, Channel.WEB)
    assert actor.partnership_ids == {partnership.id}
    assert (actor.label, actor.user_id, actor.channel) == (user.email, user.id, Channel.WEB)
