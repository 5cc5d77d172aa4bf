"""The shared credentials catalog (CTDL credential types) and the occupations that require,
prefer or reward each one. Any editor may add a credential; admins change and remove them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.codes import parse_soc
from pathways.domain.errors import Conflict, InvalidInput, NotFound
from pathways.domain.paging import Page
from pathways.domain.vocabulary import CredentialRelation, CredentialType
from pathways.models import (
    Credential,
    OccupationCredential,
    Pathway,
    ProgramCredential,
    Transition,
    TransitionCredential,
)
from pathways.services import audit
from pathways.services.occupations import known_occupation
from pathways.services.paging import paginate
from pathways.services.versions import check_version, flush

CREDENTIALS = Target(Resource.CREDENTIAL)
TEXT_FIELDS = {"name": 200, "issuer": 200, "exam": 1000, "renewal": 1000, "source": 500}
EDITABLE = ("name", "type", "issuer", "description", "exam", "renewal", "typical_cost", "source")


def list_credentials(
    *,
    session: Session,
    q: str | None = None,
    ctdl_type: str | None = None,
    occupation: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[Credential]:
    query = sa.select(Credential).order_by(Credential.name, Credential.issuer)
    if q:
        for word in q.split():
            pattern = f"%{word}%"
            query = query.where(
                sa.or_(Credential.name.ilike(pattern), Credential.issuer.ilike(pattern))
            )
    if ctdl_type:
        query = query.where(Credential.ctdl_type == _type(ctdl_type))
    if occupation:
        linked = sa.select(OccupationCredential.credential_id).where(
            OccupationCredential.soc_code == parse_soc(occupation, field="occupation")
        )
        query = query.where(Credential.id.in_(linked))
    return paginate(session, query, page=page, per_page=per_page)


def get_credential(*, session: Session, credential_id: int, for_update: bool = False) -> Credential:
    query = sa.select(Credential).where(Credential.id == credential_id)
    credential = session.scalar(query.with_for_update() if for_update else query)
    if credential is None:
        raise NotFound(f"no credential {credential_id}")
    return credential


def known_credentials(*, session: Session, ids: Iterable[int]) -> set[int]:
    wanted = set(ids)
    if not wanted:
        return set()
    return set(session.scalars(sa.select(Credential.id).where(Credential.id.in_(wanted))))


def occupation_links(*, session: Session, credential_id: int) -> list[OccupationCredential]:
    query = sa.select(OccupationCredential).where(
        OccupationCredential.credential_id == credential_id
    )
    return list(session.scalars(query.order_by(OccupationCredential.soc_code)))


def create_credential(
    *,
    session: Session,
    actor: Actor,
    values: Mapping[str, Any],
    occupations: Sequence[Mapping[str, str]] = (),
) -> Credential:
    """A new credential: `values` has `name`, `type` and any other of EDITABLE; `occupations`
    are {"soc", "relation"} links."""
    require(actor, Operation.CREATE, CREDENTIALS)
    credential = Credential()
    _apply(credential, {"issuer": "", **values})
    taken = f"there is already a credential {credential.name!r} from {credential.issuer!r}"
    _check_unique(session, credential, taken)
    session.add(credential)
    flush(session, "credential", taken=taken)
    _link(session, credential, occupations)
    audit.record(
        session=session, actor=actor, action="create", entity="credential",
        entity_id=credential.id, after=snapshot(session, credential),
    )  # fmt: skip
    return credential


def update_credential(
    *,
    session: Session,
    actor: Actor,
    credential_id: int,
    expected_version: int | None,
    changes: Mapping[str, Any],
    occupations: Sequence[Mapping[str, str]] | None = None,
) -> Credential:
    """Change a credential (admins); `occupations`, when given, replaces its links."""
    require(actor, Operation.UPDATE, CREDENTIALS)
    credential = get_credential(session=session, credential_id=credential_id, for_update=True)
    check_version(f"credential {credential_id}", credential.version, expected_version)
    before = snapshot(session, credential)
    if occupations is not None:
        _link(session, credential, occupations)
    # The credential's own row is saved once, at the end: nothing may autoflush it sooner.
    with session.no_autoflush:
        _apply(credential, {key: changes[key] for key in EDITABLE if key in changes})
        taken = f"there is already a credential {credential.name!r} from {credential.issuer!r}"
        _check_unique(session, credential, taken)
        after = snapshot(session, credential)
    if after != before:
        flag_modified(credential, "name")  # links live in another table: bump the version
        flush(session, f"credential {credential_id}", taken=taken)
        audit.record(
            session=session, actor=actor, action="update", entity="credential",
            entity_id=credential_id, before=before, after=after,
        )  # fmt: skip
    return credential


def delete_credential(
    *, session: Session, actor: Actor, credential_id: int, expected_version: int | None
) -> None:
    require(actor, Operation.DELETE, CREDENTIALS)
    credential = get_credential(session=session, credential_id=credential_id, for_update=True)
    check_version(f"credential {credential_id}", credential.version, expected_version)
    used = session.scalar(
        sa.select(sa.func.count(sa.distinct(Pathway.slug)))
        .join(Transition, Transition.pathway_id == Pathway.id)
        .join(TransitionCredential, TransitionCredential.transition_id == Transition.id)
        .where(TransitionCredential.credential_id == credential_id)
    )
    if used:
        # Published versions are frozen: a credential they name cannot go away under them.
        raise Conflict(
            f"credential {credential_id} is earned on {used} pathway(s); change those first"
        )
    awarded = session.scalar(
        sa.select(sa.func.count())
        .select_from(ProgramCredential)
        .where(ProgramCredential.credential_id == credential_id)
    )
    if awarded:
        # Removing it would change those programs behind their editors' backs, unaudited.
        raise Conflict(f"{awarded} program(s) award credential {credential_id}; change those first")
    before = snapshot(session, credential)
    session.delete(credential)
    flush(session, f"credential {credential_id}")
    audit.record(
        session=session, actor=actor, action="delete", entity="credential",
        entity_id=credential_id, before=before,
    )  # fmt: skip


def snapshot(session: Session, credential: Credential) -> dict[str, Any]:
    values = {key: getattr(credential, key) for key in EDITABLE if key != "type"}
    links = occupation_links(session=session, credential_id=credential.id)
    return {
        **values,
        "type": credential.ctdl_type.value,
        "occupations": [{"soc": link.soc_code, "relation": link.relation.value} for link in links],
    }


def _apply(credential: Credential, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if key == "type":
            credential.ctdl_type = _type(value)
            continue
        if key == "typical_cost":
            if value is not None and not 0 <= value <= 100_000_000:
                raise InvalidInput.for_field(key, "cents, from 0 to $1,000,000")
            credential.typical_cost = value
            continue
        text = (value or "").strip()
        if key == "name" and not text:
            raise InvalidInput.for_field("name", "required")
        limit = TEXT_FIELDS.get(key)
        if limit is not None and len(text) > limit:
            raise InvalidInput.for_field(key, f"at most {limit} characters")
        setattr(credential, key, text if key == "issuer" else text or None)


def _check_unique(session: Session, credential: Credential, taken: str) -> None:
    query = sa.select(Credential.id).where(
        Credential.name == credential.name, Credential.issuer == credential.issuer
    )
    if credential.id is not None:
        query = query.where(Credential.id != credential.id)
    if session.scalar(query) is not None:
        raise Conflict(taken)


def _link(session: Session, credential: Credential, links: Sequence[Mapping[str, str]]) -> None:
    rows: dict[str, OccupationCredential] = {}
    for index, link in enumerate(links):
        field = f"occupations[{index}]"
        soc = known_occupation(session=session, soc=link.get("soc", ""), field=f"{field}.soc")
        if soc in rows:
            raise InvalidInput.for_field(f"{field}.soc", f"{soc} is listed twice")
        try:
            relation = CredentialRelation(link.get("relation", CredentialRelation.REQUIRED))
        except ValueError:
            raise InvalidInput.for_field(
                f"{field}.relation", "required, preferred or add_on"
            ) from None
        rows[soc] = OccupationCredential(
            soc_code=soc, credential_id=credential.id, relation=relation
        )
    session.execute(
        sa.delete(OccupationCredential).where(OccupationCredential.credential_id == credential.id)
    )
    session.add_all(rows.values())
    session.flush()


def _type(value: str) -> CredentialType:
    try:
        return CredentialType(value)
    except ValueError:
        choices = ", ".join(kind.value for kind in CredentialType)
        raise InvalidInput.for_field("type", f"a CTDL credential type: {choices}") from None
