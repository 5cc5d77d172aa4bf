"""Reading the audit log: admins only, newest first, filtered by entity, user and time."""

from datetime import timedelta

import pytest

from pathways.domain.access import Actor, Channel, Role
from pathways.domain.errors import NotFound
from pathways.models.types import utcnow
from pathways.services.audit import list_events, record
from pathways.services.users import actor_for
from tests.factories import make_user


def test_filters_and_order(session):
    admin = make_user(session, role=Role.ADMIN)
    as_admin = actor_for(admin, Channel.API)
    operator = Actor.operator("tests")
    first = record(session=session, actor=as_admin, action="create", entity="region",
                   entity_id="delta", after={"name": "Delta"})  # fmt: skip
    second = record(session=session, actor=operator, action="update", entity="region",
                    entity_id="delta", before={"name": "Delta"}, after={"name": "D"})  # fmt: skip
    record(session=session, actor=operator, action="create", entity="user", entity_id="9")
    session.flush()
    by_region = list_events(session=session, actor=as_admin, entity="region", entity_id="delta")
    assert [e.id for e in by_region.items] == [second.id, first.id]
    assert [e.id for e in list_events(session=session, actor=as_admin, user=admin.email).items] == [
        first.id
    ]
    assert [
        e.id for e in list_events(session=session, actor=as_admin, user=str(admin.id)).items
    ] == [first.id]
    assert list_events(session=session, actor=as_admin, user="cli:tests").total >= 2
    later = utcnow() + timedelta(minutes=1)
    assert list_events(session=session, actor=as_admin, since=later).total == 0
    assert list_events(session=session, actor=as_admin, until=later).total >= 3


def test_editors_cannot_read_the_log(session):
    editor = make_user(session, role=Role.ADMIN)
    editor.role = Role.PROVIDER_EDITOR
    with pytest.raises(NotFound):
        list_events(session=session, actor=actor_for(editor, Channel.API))
