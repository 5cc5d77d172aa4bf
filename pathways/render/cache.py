"""A content-addressed cache of rendered files: the key is a hash of everything the render
reads (its input values, the output options, and the renderer's own code and templates), so
a hit can never be stale and the same flyer is stored once however many ways it is reached.

Finding a key means gathering the input first, which costs queries. `Pointers` skip that on
the hot path: a short-lived name (what was asked for, and a stamp that changes on every
write) → the content key. A directory on one machine; Redis when several share it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any, Protocol

RENDER_SOURCES = Path(__file__).resolve().parent
REPOSITORY = RENDER_SOURCES.parents[1]
TEMPLATES = REPOSITORY / "templates"


class RenderCache(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, content: bytes) -> None: ...


@cache
def code_version() -> str:
    """A hash of the renderers' code, templates and catalogs: changing any of them changes
    every key, so nothing drawn by older code is served."""
    digest = hashlib.sha256()
    files = [
        *sorted(RENDER_SOURCES.rglob("*.py")),
        *sorted(RENDER_SOURCES.rglob("*.po")),
        *sorted((TEMPLATES / "flyers").rglob("*")),
    ]
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(REPOSITORY).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(*parts: object) -> str:
    """The key of a render of `parts` (frozen dataclasses and plain values, whose reprs are
    complete and stable) by the current code."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode())
    return "content:" + digest.hexdigest()


def pointer_key(*parts: object) -> str:
    return "pointer:" + hashlib.sha256(repr(parts).encode()).hexdigest()


class DirectoryCache:
    """Files under `root`, written atomically (write, then rename), so readers in other
    processes see a whole file or none."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            content = path.read_bytes()
            os.utime(path)  # read now: `prune` keeps what is still read
        except FileNotFoundError:
            return None
        return content

    def put(self, key: str, content: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def prune(self, *, unread_for: timedelta) -> tuple[int, int]:
        """Remove the entries nobody has read or written for `unread_for` (and any partial
        file a crash left); returns how many files and bytes went."""
        oldest = time.time() - unread_for.total_seconds()
        files = freed = 0
        for path in self.root.glob("*/*/*"):
            try:
                found = path.stat()
                if found.st_mtime < oldest:
                    path.unlink()
                    files, freed = files + 1, freed + found.st_size
            except FileNotFoundError:  # another process pruned or replaced it first
                continue
        return files, freed

    def _path(self, key: str) -> Path:
        kind, _, digest = key.partition(":")
        return self.root / kind / digest[:2] / digest


class RedisCache:
    """Entries in Redis, shared by every web and render worker. An entry expires when
    nobody has read it for `ttl_seconds`: Redis prunes, and a miss only costs a render."""

    PREFIX = "pathways:render:"

    def __init__(self, client: RedisLike, ttl_seconds: int = 30 * 24 * 3600) -> None:
        self.client = client
        self.ttl_seconds = ttl_seconds

    def get(self, key: str) -> bytes | None:
        found = self.client.getex(self.PREFIX + key, ex=self.ttl_seconds)
        return None if found is None else bytes(found)

    def put(self, key: str, content: bytes) -> None:
        self.client.set(self.PREFIX + key, content, ex=self.ttl_seconds)


class RedisLike(Protocol):
    """The two calls of a `redis.Redis` client the cache makes."""

    def getex(self, name: str, ex: int | None = None) -> Any: ...

    def set(self, name: str, value: bytes, ex: int | None = None) -> Any: ...
