"""A partnership's regional changes to what an occupation requires: add, drop or re-weight an
O*NET skill (importance, level), or add, drop or change the relation of a credential. The
national values stay as they are; the alignment engine applies these for the partnership."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import Conflict, InvalidInput, NotFound
from pathways.domain.pathways import SkillOverride
from pathways.domain.vocabulary import CredentialRelation, RequirementAction
from pathways.models import Credential, RequirementOverride, Skill
from pathways.services import audit
from pathways.services.occupations import known_occupation
from pathways.services.partnerships import editable_partnership, get_partnership
from pathways.services.saving import save_delete, save_update
from pathways.services.versions import check_version, flush

EDITABLE = ("action", "importance", "level", "relation", "notes")


def list_overrides(*, session: Session, slug: str) -> list[RequirementOverride]:
    partnership = get_partnership(session=session, slug=slug)
    query = sa.select(RequirementOverride).where(
        RequirementOverride.partnership_id == partnership.id
    )
    return list(
        session.scalars(query.order_by(RequirementOverride.soc_code, RequirementOverride.id))
    )


def skill_overrides(
    *, session: Session, partnership_id: int, socs: Iterable[str]
) -> dict[str, list[SkillOverride]]:
    """The partnership's skill overrides for each of `socs`, as the engines take them."""
    query = (
        sa.select(RequirementOverride, Skill)
        .join(Skill, RequirementOverride.skill_id == Skill.id)
        .where(
            RequirementOverride.partnership_id == partnership_id,
            RequirementOverride.soc_code.in_(set(socs)),
        )
        .order_by(RequirementOverride.id)
    )
    found: dict[str, list[SkillOverride]] = defaultdict(list)
    for row, skill in session.execute(query):
        found[row.soc_code].append(
            SkillOverride(
                skill_id=skill.id,
                name=skill.name,
                kind=skill.kind.value,
                action=row.action.value,
                importance=row.importance,
                level=row.level,
            )
        )
    return found


def get_override(
    *, session: Session, slug: str, override_id: int, for_update: bool = False
) -> RequirementOverride:
    partnership = get_partnership(session=session, slug=slug)
    query = sa.select(RequirementOverride).where(
        RequirementOverride.id == override_id,
        RequirementOverride.partnership_id == partnership.id,
    )
    found = session.scalar(query.with_for_update() if for_update else query)
    if found is None:
        raise NotFound(f"no requirement override {override_id} in partnership {slug!r}")
    return found


def add_override(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    soc: str,
    skill: str | None = None,
    credential: int | None = None,
    values: Mapping[str, Any],
) -> RequirementOverride:
    """Override one requirement: `skill` is an O*NET element ID, `credential` a credential id
    (exactly one); `values` has `action` and, as the action needs, `importance`, `level`,
    `relation`, `notes`."""
    partnership = editable_partnership(session=session, actor=actor, slug=slug)
    code = known_occupation(session=session, soc=soc)
    if (skill is None) == (credential is None):
        raise InvalidInput.for_field("skill", "name either a skill or a credential")
    row = RequirementOverride(partnership_id=partnership.id, soc_code=code)
    if skill is not None:
        found = session.scalar(sa.select(Skill).where(Skill.element_id == skill))
        if found is None:
            raise InvalidInput.for_field("skill", f"no O*NET skill or knowledge {skill!r}")
        row.skill_id, what = found.id, f"skill {skill}"
    else:
        if session.get(Credential, credential) is None:
            raise InvalidInput.for_field("credential", f"no credential {credential}")
        row.credential_id, what = credential, f"credential {credential}"
    taken = f"partnership {slug!r} already overrides {what} for {code}; change that one"
    exists = sa.select(RequirementOverride.id).where(
        RequirementOverride.partnership_id == partnership.id,
        RequirementOverride.soc_code == code,
        RequirementOverride.skill_id == row.skill_id
        if row.skill_id is not None
        else RequirementOverride.credential_id == row.credential_id,
    )
    if session.scalar(exists) is not None:
        raise Conflict(taken)
    _apply(row, values)
    session.add(row)
    flush(session, "requirement override", taken=taken)
    audit.record(
        session=session, actor=actor, action="create", entity="requirement_override",
        entity_id=f"{slug}/{row.id}", after=snapshot(row),
    )  # fmt: skip
    return row


def update_override(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    override_id: int,
    expected_version: int | None,
    changes: Mapping[str, Any],
) -> RequirementOverride:
    editable_partnership(session=session, actor=actor, slug=slug)
    row = get_override(session=session, slug=slug, override_id=override_id, for_update=True)
    check_version(f"requirement override {override_id}", row.version, expected_version)
    before = snapshot(row)
    _apply(row, {**before, **{key: changes[key] for key in EDITABLE if key in changes}})
    save_update(
        session, actor, what=f"requirement override {override_id}",
        entity="requirement_override", entity_id=f"{slug}/{override_id}", before=before,
        after=snapshot(row),
    )  # fmt: skip
    return row


def remove_override(
    *, session: Session, actor: Actor, slug: str, override_id: int, expected_version: int | None
) -> None:
    editable_partnership(session=session, actor=actor, slug=slug)
    row = get_override(session=session, slug=slug, override_id=override_id, for_update=True)
    check_version(f"requirement override {override_id}", row.version, expected_version)
    save_delete(
        session, actor, row, what=f"requirement override {override_id}",
        entity="requirement_override", entity_id=f"{slug}/{override_id}", before=snapshot(row),
    )  # fmt: skip


def snapshot(row: RequirementOverride) -> dict[str, Any]:
    return {
        "soc": row.soc_code,
        "skill_id": row.skill_id,
        "credential_id": row.credential_id,
        "action": row.action.value,
        "importance": row.importance,
        "level": row.level,
        "relation": None if row.relation is None else row.relation.value,
        "notes": row.notes,
    }


def _apply(row: RequirementOverride, values: Mapping[str, Any]) -> None:
    """Check that the action carries what it needs (and nothing it does not), then set it."""
    try:
        action = RequirementAction(values.get("action", ""))
    except ValueError:
        raise InvalidInput.for_field("action", "add, drop or reweight") from None
    importance, level = values.get("importance"), values.get("level")
    relation = values.get("relation")
    if importance is not None and not 1 <= importance <= 5:
        raise InvalidInput.for_field("importance", "O*NET importance runs from 1 to 5")
    if level is not None and not 0 <= level <= 7:
        raise InvalidInput.for_field("level", "O*NET level runs from 0 to 7")
    if row.skill_id is not None:
        if relation is not None:
            raise InvalidInput.for_field("relation", "only a credential has a relation")
        if action is RequirementAction.ADD and (importance is None or level is None):
            raise InvalidInput.for_field("importance", "adding a skill needs importance and level")
        if action is RequirementAction.REWEIGHT and importance is None and level is None:
            raise InvalidInput.for_field("importance", "re-weighting needs importance or level")
    else:
        if importance is not None or level is not None:
            raise InvalidInput.for_field("importance", "a credential has no importance or level")
        if action is not RequirementAction.DROP and relation is None:
            raise InvalidInput.for_field("relation", "required, preferred or add_on")
    if action is RequirementAction.DROP and (importance, level, relation) != (None, None, None):
        raise InvalidInput.for_field("action", "dropping a requirement takes no values")
    row.action = action
    row.importance, row.level = importance, level
    row.relation = None if relation is None else _relation(relation)
    row.notes = (values.get("notes") or "").strip() or None


def _relation(value: str) -> CredentialRelation:
    try:
        return CredentialRelation(value)
    except ValueError:
        raise InvalidInput.for_field("relation", "required, preferred or add_on") from None
