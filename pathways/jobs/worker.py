"""Render work away from the request: `pathways worker` (an RQ worker on Redis) and the
pre-rendering that publishing a pathway schedules — on RQ when Redis is configured, else on
a thread of the process that published."""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from pathways.jobs.batch import QUEUE
from pathways.jobs.prints import Printer, prerender_pathway
from pathways.render.flyers import warm_up

log = logging.getLogger(__name__)

# What this worker process renders with; set by `run_worker` before it takes jobs.
_context: dict[str, Any] = {}


def run_worker(
    *, redis_url: str, sessions: sessionmaker[Session], printer: Printer, burst: bool = False
) -> None:
    """Take render jobs from Redis until stopped (`burst`: until the queue is empty)."""
    from redis import Redis
    from rq import Queue, Worker

    warm_up()  # every job's forked work horse starts with WeasyPrint loaded
    _context.update(sessions=sessions, printer=printer)
    connection = Redis.from_url(redis_url)
    Worker([Queue(QUEUE, connection=connection)], connection=connection).work(burst=burst)


def prerender_job(slug: str) -> int:
    """An RQ job: pre-render pathway `slug` with the worker's database and cache."""
    return _prerender(_context["sessions"], _context["printer"], slug)


def schedule_prerender(
    *, mode: str, redis_url: str | None, sessions: sessionmaker[Session], printer: Printer,
    slug: str,
) -> None:  # fmt: skip
    """After publishing `slug`: draw its flyers and diagrams now ("inline"), in the background
    ("background": on RQ when Redis is configured, else a thread), or not at all ("off")."""
    if mode == "off":
        return
    if mode == "inline":
        _prerender(sessions, printer, slug)
    elif redis_url:
        from redis import Redis
        from rq import Queue

        Queue(QUEUE, connection=Redis.from_url(redis_url)).enqueue(prerender_job, slug)
    else:
        threading.Thread(
            target=_prerender, args=(sessions, printer, slug), name=f"prerender {slug}", daemon=True
        ).start()


def _prerender(sessions: sessionmaker[Session], printer: Printer, slug: str) -> int:
    try:
        with sessions() as session:
            drawn = prerender_pathway(session=session, printer=printer, slug=slug)
    except Exception:  # a failed pre-render only means the first reader waits for the draw
        log.exception("pre-rendering %s failed", slug)
        return 0
    log.info("pre-rendered %d files for %s", drawn, slug)
    return drawn
