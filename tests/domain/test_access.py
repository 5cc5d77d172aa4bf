"""The policy: who may read and change what (pure rules, no database)."""

import pytest

from pathways.domain.access import (
    Actor,
    Channel,
    Operation,
    Resource,
    Role,
    Target,
    can_read,
    can_write,
    require,
)
from pathways.domain.errors import Forbidden, NotFound, Unauthorized

ANONYMOUS = Actor.anonymous(Channel.API)
ADMIN = Actor(Channel.API, "a@x.org", user_id=1, role=Role.ADMIN)
EDITOR = Actor(Channel.API, "e@x.org", user_id=2, role=Role.PARTNERSHIP_EDITOR,
               partnership_ids=frozenset({10}))  # fmt: skip
TEACHER = Actor(Channel.WEB, "t@x.org", user_id=3, role=Role.PROVIDER_EDITOR,
                provider_ids=frozenset({20}))  # fmt: skip

OURS = Target(Resource.PATHWAY, partnership_id=10, published=False)
THEIRS_DRAFT = Target(Resource.PATHWAY, partnership_id=11, published=False)
THEIRS_PUBLISHED = Target(Resource.PATHWAY, partnership_id=11, published=True)
OUR_PROGRAM = Target(Resource.PROGRAM, provider_id=20)
THEIR_PROGRAM = Target(Resource.PROGRAM, provider_id=21)


def test_anyone_reads_published_things_only_editors_and_admins_read_drafts():
    assert can_read(ANONYMOUS, THEIRS_PUBLISHED)
    assert not can_read(ANONYMOUS, OURS)
    assert can_read(EDITOR, OURS)
    assert not can_read(EDITOR, THEIRS_DRAFT)
    assert can_read(ADMIN, THEIRS_DRAFT)


def test_editors_write_inside_their_scope_only():
    assert can_write(EDITOR, Operation.UPDATE, OURS)
    assert not can_write(EDITOR, Operation.UPDATE, THEIRS_PUBLISHED)
    assert can_write(TEACHER, Operation.UPDATE, OUR_PROGRAM)
    assert not can_write(TEACHER, Operation.UPDATE, THEIR_PROGRAM)
    assert not can_write(EDITOR, Operation.UPDATE, OUR_PROGRAM)


@pytest.mark.parametrize("resource", [Resource.REGION, Resource.USER, Resource.CATALOG])
def test_admin_only_resources(resource):
    assert can_write(ADMIN, Operation.CREATE, Target(resource))
    assert not can_write(EDITOR, Operation.CREATE, Target(resource))
    assert not can_write(TEACHER, Operation.UPDATE, Target(resource))


def test_only_admins_create_or_delete_partnerships_and_providers():
    partnership = Target(Resource.PARTNERSHIP, partnership_id=10)
    assert can_write(EDITOR, Operation.UPDATE, partnership)
    assert not can_write(EDITOR, Operation.CREATE, partnership)
    assert not can_write(EDITOR, Operation.DELETE, partnership)
    provider = Target(Resource.PROVIDER, provider_id=20)
    assert can_write(TEACHER, Operation.UPDATE, provider)
    assert not can_write(TEACHER, Operation.DELETE, provider)


def test_users_read_themselves_and_nobody_else():
    assert can_read(EDITOR, Target(Resource.USER, user_id=2))
    assert not can_read(EDITOR, Target(Resource.USER, user_id=3))
    assert not can_read(ANONYMOUS, Target(Resource.USER, user_id=2))


def test_the_audit_log_is_for_admins():
    assert can_read(ADMIN, Target(Resource.AUDIT))
    assert not can_read(EDITOR, Target(Resource.AUDIT))


def test_require_says_401_for_anonymous_writes():
    with pytest.raises(Unauthorized):
        require(ANONYMOUS, Operation.UPDATE, THEIRS_PUBLISHED)


def test_require_hides_what_the_actor_may_not_read():
    """A write to someone else's draft is 'not found', never 'forbidden': a 403 would say
    that the draft exists."""
    with pytest.raises(NotFound):
        require(EDITOR, Operation.UPDATE, THEIRS_DRAFT)
    with pytest.raises(NotFound):
        require(EDITOR, Operation.READ, THEIRS_DRAFT)


def test_require_says_403_for_readable_things_outside_ones_scope():
    with pytest.raises(Forbidden):
        require(EDITOR, Operation.UPDATE, THEIRS_PUBLISHED)
    with pytest.raises(Forbidden):
        require(EDITOR, Operation.CREATE, Target(Resource.REGION))
    require(EDITOR, Operation.UPDATE, OURS)  # no exception


def test_the_command_line_operator_is_an_admin():
    operator = Actor.operator("maria")
    assert operator.is_admin
    assert operator.label == "cli:maria"
    assert operator.channel is Channel.CLI
