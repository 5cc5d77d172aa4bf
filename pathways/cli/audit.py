"""`pathways audit`: the record of every write."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click
from flask.cli import with_appcontext

from pathways.cli.common import operator, transaction
from pathways.services.audit import list_events


@click.command(help="Show the audit log, newest first.")
@click.option("--entity", help="Only this kind of thing: region, user, api_token, …")
@click.option("--id", "entity_id", help="Only the thing with this id or slug.")
@click.option("--user", help="Only what this account (email or id) did.")
@click.option("--since", type=click.DateTime(), help="From this date/time (UTC).")
@click.option("--until", type=click.DateTime(), help="Before this date/time (UTC).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@with_appcontext
def audit(
    entity: str | None,
    entity_id: str | None,
    user: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    as_json: bool,
) -> None:
    with transaction() as session:
        page = list_events(
            session=session, actor=operator(), entity=entity, entity_id=entity_id, user=user,
            since=_utc(since), until=_utc(until), per_page=limit,
        )  # fmt: skip
        for event in page.items:
            if as_json:
                click.echo(json.dumps({
                    "at": event.at.isoformat(), "actor": event.actor,
                    "channel": event.channel.value, "action": event.action,
                    "entity": event.entity, "id": event.entity_id, "changes": event.changes,
                }))  # fmt: skip
                continue
            fields = ", ".join(event.changes) or "-"
            click.echo(
                f"{event.at:%Y-%m-%d %H:%M:%S}  {event.actor} ({event.channel.value})  "
                f"{event.action} {event.entity} {event.entity_id}: {fields}"
            )


def _utc(moment: datetime | None) -> datetime | None:
    """click parses dates without a zone; the log keeps UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


COMMANDS = (audit,)
