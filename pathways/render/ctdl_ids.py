"""CTIDs for a pathway's CTDL: `ce-` and a uuid5 named by the installation's public address
and a stable key (the pathway's slug, a step's key, a credential's id), never by a version,
so every export — and every version — of a pathway names the same step the same way."""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, uuid5

REGISTRY = "https://credentialengineregistry.org"


class Identities:
    """Names within one installation (`public_url`) for one pathway (`slug`)."""

    def __init__(self, public_url: str, slug: str) -> None:
        self.namespace = uuid5(NAMESPACE_URL, f"{public_url.rstrip('/')}/ctdl")
        self.slug = slug

    def ctid(self, key: str) -> str:
        return f"ce-{uuid5(self.namespace, key)}"

    def pathway_key(self, destination: str | None) -> str:
        """The Pathway itself, or, in a PathwaySet, the one leading to step `destination`."""
        base = f"pathway/{self.slug}"
        return base if destination is None else f"{base}/destination/{destination}"

    def set_key(self) -> str:
        return f"pathway-set/{self.slug}"

    def url(self, key: str) -> str:
        """The resource's address once published to the Registry."""
        return f"{REGISTRY}/resources/{self.ctid(key)}"

    def graph_url(self, ctid: str) -> str:
        return f"{REGISTRY}/graph/{ctid}"

    def node(self, key: str, kind: str) -> dict[str, Any]:
        return self.at(self.url(key), kind)

    @staticmethod
    def at(url: str, kind: str | None = None) -> dict[str, Any]:
        """A node's `@id`, `ceterms:ctid` (the last part of its address) and `@type`."""
        node: dict[str, Any] = {"@id": url, "ceterms:ctid": url.rsplit("/", 1)[1]}
        if kind is not None:
            node["@type"] = kind
        return node
