"""Batch rendering: a flyer that fails is reported and the others are still drawn, with one
process, a local pool, or RQ workers on the Redis at 127.0.0.1:6379."""

from __future__ import annotations

import io
import multiprocessing
import os
import time
from dataclasses import replace
from datetime import date

import pypdf
import pytest

from pathways.domain.flyers import Branding, Flyer, Language, Paper
from pathways.jobs import batch
from pathways.jobs.batch import NoWorkers, render_all
from pathways.jobs.tasks import FlyerJob
from pathways.render.cache import DirectoryCache

REDIS_URL = os.environ.get("PATHWAYS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def flyer(title: str) -> Flyer:
    return Flyer(
        title=title,
        subtitle="Test Region",
        description=None,
        branding=Branding("Test Partnership", "#1F4E79", None, None, None),
        steps=(),
        programs=(),
        skills=("Active Listening",),
        page_url="https://pathways.example.org/pathways/test",
        sources=(),
        onet_release="29.3",
        generated_on=date(2026, 11, 25),
    )


def jobs(count: int) -> list[FlyerJob]:
    return [
        FlyerJob(f"test-{n}", flyer(f"Test Pathway {n}"), None, Paper.LETTER, Language.EN)
        for n in range(count)
    ]


def broken(job: FlyerJob) -> bytes:
    if job.name == "test-1":
        raise ValueError("a broken flyer")
    return real_render(job)


real_render = batch.render_flyer


def pages(content: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failed_flyer_is_reported_and_the_others_are_drawn(monkeypatch, workers):
    monkeypatch.setattr(batch, "render_flyer", broken)
    seen = []
    outcomes = render_all(jobs(3), workers=workers, progress=seen.append)
    assert [outcome.name for outcome in outcomes] == ["test-0", "test-1", "test-2"]
    assert outcomes[1].content is None
    assert outcomes[1].error == "ValueError: a broken flyer"
    assert all(pages(outcome.content) == 1 for outcome in (outcomes[0], outcomes[2]))
    assert sorted(outcome.name for outcome in seen) == ["test-0", "test-1", "test-2"]


def test_flyers_in_the_cache_are_not_drawn_again(monkeypatch, tmp_path):
    cache = DirectoryCache(tmp_path)
    first = render_all(jobs(2), cache=cache)

    def refuse(job: FlyerJob) -> bytes:
        raise AssertionError(f"{job.name} was drawn again")

    monkeypatch.setattr(batch, "render_flyer", refuse)
    assert [outcome.content for outcome in render_all(jobs(2), cache=cache)] == [
        outcome.content for outcome in first
    ]


def redis_or_skip():
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown

    connection = Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except RedisDown:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (CI would fail)")
    return connection


def work(redis_url: str) -> None:
    from redis import Redis
    from rq import Queue, Worker

    connection = Redis.from_url(redis_url)
    Worker([Queue(batch.QUEUE, connection=connection)], connection=connection).work()


def test_rq_workers_draw_the_batch_and_report_failures():
    connection = redis_or_skip()
    connection.flushdb()
    with pytest.raises(NoWorkers, match="pathways worker"):
        render_all(jobs(1), redis_url=REDIS_URL)
    worker = multiprocessing.get_context("fork").Process(target=work, args=(REDIS_URL,))
    worker.start()
    try:
        from rq import Queue, Worker

        deadline = time.monotonic() + 20
        queue = Queue(batch.QUEUE, connection=connection)
        while Worker.count(queue=queue) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        bad = replace(jobs(1)[0], name="test-bad", paper="b5")  # not a paper size
        outcomes = render_all([*jobs(2), bad], redis_url=REDIS_URL)
        assert [pages(outcome.content) for outcome in outcomes[:2]] == [1, 1]
        assert outcomes[2].content is None
        assert outcomes[2].error
    finally:
        worker.terminate()
        worker.join(10)
        connection.flushdb()
