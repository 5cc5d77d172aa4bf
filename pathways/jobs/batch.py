"""Many flyers at once: in this process (one job), a local process pool (several), or RQ
workers on Redis when a Redis URL is given (`pathways worker` on any number of machines).
Each flyer succeeds or fails on its own; a failure is reported and the rest go on."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pathways.jobs.tasks import FlyerJob, flyer_key, render_flyer
from pathways.render.cache import RenderCache
from pathways.render.flyers import warm_up

if TYPE_CHECKING:
    from rq.job import Job

QUEUE = "pathways-render"
RQ_POLL_SECONDS = 0.05
RQ_JOB_TIMEOUT = 300  # seconds for one flyer: far beyond any real one


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str
    content: bytes | None
    error: str | None  # why it failed; None when it did not


Progress = Callable[[Outcome], None]


class NoWorkers(RuntimeError):
    """RQ was asked to render but no worker listens on the queue."""


def render_all(
    jobs: Sequence[FlyerJob],
    *,
    workers: int = 1,
    redis_url: str | None = None,
    cache: RenderCache | None = None,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Render every job; outcomes in the order of `jobs`. Flyers found in `cache` are not
    drawn again, and new ones are stored there."""
    warm_up()
    report = progress or (lambda _outcome: None)
    outcomes: list[Outcome | None] = [None] * len(jobs)
    todo: list[int] = []
    for index, job in enumerate(jobs):
        content = cache.get(flyer_key(job)) if cache is not None else None
        if content is None:
            todo.append(index)
        else:
            outcomes[index] = found = Outcome(job.name, content, None)
            report(found)

    def done(index: int, outcome: Outcome) -> None:
        outcomes[index] = outcome
        if cache is not None and outcome.content is not None:
            cache.put(flyer_key(jobs[index]), outcome.content)
        report(outcome)

    pending = [(index, jobs[index]) for index in todo]
    if redis_url is not None:
        _on_rq(pending, redis_url, done)
    elif workers <= 1 or len(pending) <= 1:
        for index, job in pending:
            done(index, _attempt(job))
    else:
        _on_pool(pending, workers, done)
    return [outcome for outcome in outcomes if outcome is not None]


def _attempt(job: FlyerJob) -> Outcome:
    try:
        return Outcome(job.name, render_flyer(job), None)
    except Exception as error:
        return Outcome(job.name, None, f"{type(error).__name__}: {error}")


def _on_pool(
    pending: list[tuple[int, FlyerJob]], workers: int, done: Callable[[int, Outcome], None]
) -> None:
    # Forked workers start with WeasyPrint imported and its fonts loaded (`render_all`).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[Outcome], tuple[int, FlyerJob]] = {
            pool.submit(_attempt, job): (index, job) for index, job in pending
        }
        for future in as_completed(futures):
            index, job = futures[future]
            try:
                outcome = future.result()
            except Exception as error:
                outcome = Outcome(job.name, None, f"the render worker failed: {error}")
            done(index, outcome)


def _on_rq(
    pending: list[tuple[int, FlyerJob]], redis_url: str, done: Callable[[int, Outcome], None]
) -> None:
    from redis import Redis
    from rq import Queue, Worker
    from rq.job import Job, JobStatus

    connection = Redis.from_url(redis_url)
    queue = Queue(QUEUE, connection=connection)
    if Worker.count(queue=queue) == 0:
        raise NoWorkers(f"no render worker listens on {redis_url}: start `pathways worker`")
    waiting = {
        queue.enqueue(render_flyer, job, job_timeout=RQ_JOB_TIMEOUT, result_ttl=600).id: (
            index,
            job,
        )
        for index, job in pending
    }
    finished = (JobStatus.FINISHED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED)
    while waiting:
        for rq_job in Job.fetch_many(list(waiting), connection=connection):
            if rq_job is None or rq_job.get_status(refresh=False) not in finished:
                continue
            index, job = waiting.pop(rq_job.id)
            if rq_job.get_status(refresh=False) is JobStatus.FINISHED:
                done(index, Outcome(job.name, rq_job.return_value(), None))
            else:
                done(index, Outcome(job.name, None, _rq_error(rq_job)))
            rq_job.delete()
        if waiting:
            time.sleep(RQ_POLL_SECONDS)


def _rq_error(job: Job) -> str:
    """The last line of the worker's traceback: the exception and its message."""
    result = job.latest_result()
    text = result.exc_string if result is not None and result.exc_string else ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "the render worker failed"
