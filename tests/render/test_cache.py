"""The render cache: content keys that change with the input, atomic files, and pruning that
keeps what is still read."""

from __future__ import annotations

import os
import time
from datetime import timedelta

from pathways.render.cache import DirectoryCache, RedisCache, content_key, pointer_key


def test_a_content_key_changes_with_any_part_of_the_input():
    assert content_key("flyer", ("CNA to RN", 1)) == content_key("flyer", ("CNA to RN", 1))
    assert content_key("flyer", ("CNA to RN", 1)) != content_key("flyer", ("CNA to RN", 2))
    assert content_key("flyer", "a") != pointer_key("flyer", "a")
    assert content_key("x").startswith("content:")


def test_files_round_trip_and_a_missing_key_is_none(tmp_path):
    cache = DirectoryCache(tmp_path)
    key = content_key("flyer", 1)
    assert cache.get(key) is None
    cache.put(key, b"%PDF-1.7 test")
    assert cache.get(key) == b"%PDF-1.7 test"
    assert not list(tmp_path.rglob(".partial-*"))


def age(cache: DirectoryCache, key: str, days: int) -> None:
    then = time.time() - days * 86_400
    os.utime(cache._path(key), (then, then))


def test_prune_removes_what_nobody_read_and_keeps_what_is_read(tmp_path):
    cache = DirectoryCache(tmp_path)
    stale, read, fresh = content_key(1), content_key(2), content_key(3)
    for key in (stale, read, fresh):
        cache.put(key, b"x" * 10)
    age(cache, stale, 40)
    age(cache, read, 40)
    assert cache.get(read) == b"x" * 10  # reading it makes it recent again
    assert cache.prune(unread_for=timedelta(days=30)) == (1, 10)
    assert cache.get(stale) is None
    assert cache.get(read) is not None
    assert cache.get(fresh) is not None


class FakeRedis:
    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        self.expiries: dict[str, int | None] = {}

    def getex(self, name: str, ex: int | None = None) -> bytes | None:
        if name in self.values:
            self.expiries[name] = ex
        return self.values.get(name)

    def set(self, name: str, value: bytes, ex: int | None = None) -> bool:
        self.values[name], self.expiries[name] = value, ex
        return True


def test_redis_entries_expire_a_ttl_after_their_last_read():
    client = FakeRedis()
    cache = RedisCache(client, ttl_seconds=60)
    cache.put("content:abc", b"svg")
    assert client.expiries == {"pathways:render:content:abc": 60}
    client.expiries.clear()
    assert cache.get("content:abc") == b"svg"
    assert client.expiries == {"pathways:render:content:abc": 60}
    assert cache.get("content:missing") is None
