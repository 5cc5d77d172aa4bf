"""A pathway's history for its editors: every version (when it was started and published, by
whom) and every change in the audit log, told in words — "Added step Registered Nurse
(stage 3)", "Title: “A” → “B”" — rather than as the stored before/after values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.vocabulary import PathwayStatus
from pathways.models import AuditEvent, Credential, Pathway
from pathways.services.occupations import titles_of
from pathways.services.pathway_drafts import editable_pathway

EVENTS_SHOWN = 200
KINDS = {"advance": "advance", "lateral": "lateral move", "add_on": "add-on"}
MOVE_WORDS = {"kind": "kind", "months_training": "months of training",
              "months_experience": "months of experience", "cost_cents": "cost",
              "earn_while_you_learn": "earn while you learn", "credential_ids": "credentials",
              "notes": "notes"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class VersionLine:
    number: int
    status: PathwayStatus
    started_at: datetime | None
    started_by: str | None
    published_at: datetime | None
    published_by: str | None


@dataclass(frozen=True, slots=True)
class ChangeLine:
    at: datetime
    actor: str
    channel: str
    action: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PathwayHistory:
    pathway: Pathway  # the newest version
    versions: tuple[VersionLine, ...]  # newest first
    changes: tuple[ChangeLine, ...]  # newest first
    more: bool  # older changes were left out


def pathway_history(*, session: Session, actor: Actor, slug: str) -> PathwayHistory:
    """For those who may edit the pathway (its partnership's editors, admins)."""
    head, _ = editable_pathway(session=session, actor=actor, slug=slug)
    query = (
        sa.select(AuditEvent)
        .where(AuditEvent.entity == "pathway", AuditEvent.entity_id == slug)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(EVENTS_SHOWN + 1)
    )
    events = list(session.scalars(query))
    more, events = len(events) > EVENTS_SHOWN, events[:EVENTS_SHOWN]
    story = Story(session, head, [event.changes for event in events])
    started: dict[int, AuditEvent] = {}
    published: dict[int, AuditEvent] = {}
    for event in reversed(events):
        number = _after(event.changes, "number")
        if isinstance(number, int):
            (started if event.action == "create" else published).setdefault(number, event)
    versions = tuple(
        VersionLine(
            number=row.number,
            status=row.status,
            started_at=started[row.number].at if row.number in started else None,
            started_by=started[row.number].actor if row.number in started else None,
            published_at=row.published_at,
            published_by=published[row.number].actor if row.number in published else None,
        )
        for row in reversed(head.versions)
    )
    changes = tuple(
        ChangeLine(event.at, event.actor, event.channel.value, event.action, story.tell(event))
        for event in events
    )
    return PathwayHistory(head, versions, changes, more)


class Story:
    """Names for what the audit entries mention: steps by their name on the pathway or their
    occupation's title, credentials by name."""

    def __init__(self, session: Session, head: Pathway, entries: Sequence[Mapping[str, Any]]):
        steps = [s for e in entries for side in _sides(e, "steps") for s in side or ()]
        moves = [m for e in entries for side in _sides(e, "transitions") for m in side or ()]
        socs = {str(step.get("soc")) for step in steps} | {s.soc_code for s in head.steps}
        self.titles = titles_of(session=session, socs=socs)
        self.keys = {s.key: s.label or s.occupation.title for s in head.steps}
        for step in steps:
            self.keys.setdefault(str(step.get("key")), self.step(step))
        ids = {i for move in moves for i in move.get("credential_ids") or ()}
        query = sa.select(Credential.id, Credential.name).where(Credential.id.in_(ids))
        self.credentials = {row.id: row.name for row in session.execute(query)}

    def step(self, step: Mapping[str, Any]) -> str:
        soc = str(step.get("soc"))
        return str(step.get("label") or self.titles.get(soc, soc))

    def tell(self, event: AuditEvent) -> tuple[str, ...]:
        changes = event.changes or {}
        number = _after(changes, "number")
        if event.action == "publish":
            return (f"Published version {number}",)
        if event.action == "delete":
            return ("Deleted the pathway",)
        lines = []
        if event.action == "create":
            source = _after(changes, "from")
            lines.append(
                f"Started version {number} as a draft, from version {source}"
                if source is not None
                else f"Created the pathway as a draft (version {number})"
            )
        for name, label in (("title", "Title"), ("summary", "Description")):
            if name in changes:
                lines.append(f"{label}: {_quoted(changes[name]['before'])} → "
                             f"{_quoted(changes[name]['after'])}")  # fmt: skip
        if "steps" in changes:
            lines += self.step_lines(*_sides(changes, "steps"))
        if "transitions" in changes:
            lines += self.move_lines(*_sides(changes, "transitions"))
        return tuple(lines) or ("No visible change",)

    def step_lines(self, before: Iterable[Any] | None, after: Iterable[Any] | None) -> list[str]:
        old = {s["key"]: s for s in before or ()}
        new = {s["key"]: s for s in after or ()}
        lines = [f"Added step {self.step(s)} (stage {s['stage']})" for k, s in new.items()
                 if k not in old]  # fmt: skip
        lines += [f"Removed step {self.step(s)}" for k, s in old.items() if k not in new]
        for key in old.keys() & new.keys():
            was, now = old[key], new[key]
            what = (
                [f"stage {was['stage']} → {now['stage']}"] if was["stage"] != now["stage"] else []
            )
            if was["soc"] != now["soc"]:
                what.append(f"occupation {self.step({'soc': was['soc']})} → "
                            f"{self.step({'soc': now['soc']})}")  # fmt: skip
            if was.get("label") != now.get("label"):
                what.append(f"name {_quoted(was.get('label'))} → {_quoted(now.get('label'))}")
            if what:
                lines.append(f"Step {self.step(now)}: {'; '.join(what)}")
        return sorted(lines)

    def move_lines(self, before: Iterable[Any] | None, after: Iterable[Any] | None) -> list[str]:
        old = {(m["source"], m["target"]): m for m in before or ()}
        new = {(m["source"], m["target"]): m for m in after or ()}
        lines = [f"Added transition {self.move(p)} ({KINDS.get(m['kind'], m['kind'])})"
                 for p, m in new.items() if p not in old]  # fmt: skip
        lines += [f"Removed transition {self.move(p)}" for p in old if p not in new]
        for pair in old.keys() & new.keys():
            what = [
                f"{words} {self.value(name, old[pair].get(name))} → "
                f"{self.value(name, new[pair].get(name))}"
                for name, words in MOVE_WORDS.items()
                if old[pair].get(name) != new[pair].get(name)
            ]
            if what:
                lines.append(f"Transition {self.move(pair)}: {'; '.join(what)}")
        return sorted(lines)

    def move(self, pair: tuple[str, str]) -> str:
        return f"{self.keys.get(pair[0], pair[0])} → {self.keys.get(pair[1], pair[1])}"

    def value(self, name: str, value: Any) -> str:
        if name == "cost_cents":
            return f"${(value or 0) / 100:,.0f}"
        if name == "kind":
            return KINDS.get(str(value), str(value))
        if name == "credential_ids":
            names = [self.credentials.get(i, f"#{i}") for i in value or ()]
            return ", ".join(names) or "none"
        if name == "earn_while_you_learn":
            return "yes" if value else "no"
        if name == "notes":
            return _quoted(value)
        return str(value)


def _sides(changes: Mapping[str, Any], name: str) -> tuple[Any, Any]:
    change = changes.get(name) or {}
    return change.get("before"), change.get("after")


def _after(changes: Mapping[str, Any], name: str) -> Any:
    return (changes.get(name) or {}).get("after")


def _quoted(value: Any, longest: int = 120) -> str:
    if value in (None, ""):
        return "(none)"
    text = " ".join(str(value).split())
    return f"“{text if len(text) <= longest else text[: longest - 1] + '…'}”"
