"""Regions: admins create, change and delete them; each change names its version and is
audited."""

import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.domain.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    Unauthorized,
)
from pathways.models import AuditEvent
from pathways.services.regions import (
    create_region,
    delete_region,
    get_region,
    list_regions,
    update_region,
)
from tests.factories import make_partnership, make_user

ADMIN = Actor(Channel.API, "admin@example.org", user_id=None, role=Role.ADMIN)


def audit_of(session, slug):
    query = sa.select(AuditEvent).where(AuditEvent.entity == "region", AuditEvent.entity_id == slug)
    return list(session.scalars(query.order_by(AuditEvent.id)))


def test_sample_regions_are_seeded(session):
    slugs = {region.slug for region in list_regions(session=session)}
    assert {"northeast-louisiana", "inland-empire", "gallatin-valley"} <= slugs
    areas = get_region(session=session, slug="inland-empire").areas
    assert [a.area_code for a in areas] == ["0040140"]


def test_create_is_audited_with_its_values(session):
    region = create_region(
        session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"]
    )
    assert region.version == 1
    (event,) = audit_of(session, "delta")
    assert (event.action, event.actor, event.channel) == ("create", ADMIN.label, Channel.API)
    assert event.changes["areas"] == {"before": None, "after": ["0033740"]}


def test_update_moves_the_version_on_and_records_before_and_after(session):
    create_region(session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"])
    region = update_region(
        session=session, actor=ADMIN, slug="delta", expected_version=1,
        changes={"name": "The Delta", "area_codes": ["2200000", "0033740"]},
    )  # fmt: skip
    assert region.version == 2
    assert [link.area_code for link in region.areas] == ["2200000", "0033740"]
    event = audit_of(session, "delta")[-1]
    assert event.changes == {
        "areas": {"before": ["0033740"], "after": ["2200000", "0033740"]},
        "name": {"before": "Delta", "after": "The Delta"},
    }


def test_changing_only_the_areas_still_moves_the_version_on(session):
    create_region(session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"])
    region = update_region(
        session=session, actor=ADMIN, slug="delta", expected_version=1,
        changes={"area_codes": ["2200000"]},
    )  # fmt: skip
    assert region.version == 2


def test_an_update_that_changes_nothing_writes_nothing(session):
    create_region(session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"])
    region = update_region(
        session=session, actor=ADMIN, slug="delta", expected_version=1, changes={"name": "Delta"}
    )
    assert region.version == 1
    assert len(audit_of(session, "delta")) == 1


def test_a_stale_version_changes_nothing(session):
    create_region(session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"])
    update_region(
        session=session, actor=ADMIN, slug="delta", expected_version=1, changes={"name": "A"}
    )
    with pytest.raises(PreconditionFailed, match="changed by someone else"):
        update_region(
            session=session, actor=ADMIN, slug="delta", expected_version=1, changes={"name": "B"}
        )
    assert get_region(session=session, slug="delta").name == "A"


def test_delete_needs_the_current_version_and_no_partnership_in_the_region(session):
    region = create_region(
        session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"]
    )
    partnership = make_partnership(session, region_id=region.id)
    with pytest.raises(Conflict, match="1 partnerships"):
        delete_region(session=session, actor=ADMIN, slug="delta", expected_version=1)
    session.delete(partnership)
    with pytest.raises(PreconditionFailed):
        delete_region(session=session, actor=ADMIN, slug="delta", expected_version=7)
    delete_region(session=session, actor=ADMIN, slug="delta", expected_version=1)
    with pytest.raises(NotFound):
        get_region(session=session, slug="delta")
    assert audit_of(session, "delta")[-1].action == "delete"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"slug": "Delta Region"}, "slug"),
        ({"area_codes": []}, "areas"),
        ({"area_codes": ["0099999"]}, "areas"),
        ({"area_codes": ["33740"]}, "areas"),
        ({"area_codes": ["0033740", "0033740"]}, "areas"),
        ({"name": "  "}, "name"),
    ],
)
def test_bad_values_name_the_field(session, values, field):
    arguments = {"slug": "delta", "name": "Delta", "area_codes": ["0033740"], **values}
    with pytest.raises(InvalidInput) as caught:
        create_region(session=session, actor=ADMIN, **arguments)
    assert field in caught.value.errors


def test_the_slug_is_taken_once(session):
    create_region(session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"])
    with pytest.raises(Conflict):
        create_region(
            session=session, actor=ADMIN, slug="delta", name="Delta", area_codes=["0033740"]
        )


def test_only_admins_change_regions(session):
    editor = make_user(
        session, role=Role.PARTNERSHIP_EDITOR, partnerships=[make_partnership(session)]
    )
    as_editor = Actor(Channel.API, editor.email, user_id=editor.id, role=editor.role,
                      partnership_ids=frozenset(p.id for p in editor.partnerships))  # fmt: skip
    with pytest.raises(Forbidden):
        update_region(
            session=session, actor=as_editor, slug="inland-empire", expected_version=1,
            changes={"name": "Mine"},
        )  # fmt: skip
    with pytest.raises(Unauthorized):
        create_region(
            session=session, actor=Actor.anonymous(Channel.API), slug="x1", name="X",
            area_codes=["0033740"],
        )  # fmt: skip
