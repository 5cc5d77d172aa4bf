"""Who is calling the API: the holder of a bearer token, or nobody. Settled before anything
else, so a bad token is a 401 whatever else is wrong with the request."""

from __future__ import annotations

from flask import Flask, g, request

from pathways.domain.access import Actor, Channel
from pathways.domain.errors import Unauthorized
from pathways.errors import API_PREFIX
from pathways.services.tokens import actor_for_token
from pathways.sessions import SAFE_METHODS, request_session


def current_actor() -> Actor:
    actor: Actor = g.get("actor") or Actor.anonymous(Channel.API)
    return actor


def _authenticate() -> None:
    if not request.path.startswith(API_PREFIX) or request.routing_exception is not None:
        return  # not the API, or no such route or method for anyone: that error comes first
    header = request.headers.get("Authorization")
    if header is None:
        if request.method not in SAFE_METHODS:
            raise Unauthorized("send an API token: Authorization: Bearer <token>")
        g.actor = Actor.anonymous(Channel.API)
        return
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("use the header Authorization: Bearer <token>")
    g.actor = actor_for_token(session=request_session(), token=token.strip())


def init_app(app: Flask) -> None:
    app.before_request(_authenticate)
