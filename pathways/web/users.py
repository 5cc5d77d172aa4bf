"""The signed-in person, as Flask-Login keeps them in the session cookie."""

from __future__ import annotations

import hashlib

from flask_login import AnonymousUserMixin, LoginManager, UserMixin, current_user

from pathways.domain.access import Actor, Channel
from pathways.models import User
from pathways.services.users import actor_for
from pathways.sessions import request_session

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
login_manager.session_protection = "strong"


class WebUser(UserMixin):  # type: ignore[misc]
    """A signed-in user. The session id includes a fingerprint of the password hash, so
    changing a password signs out every other session of that account."""

    def __init__(self, user: User) -> None:
        self.actor = actor_for(user, Channel.WEB)
        self.email = user.email
        self.id = f"{user.id}:{fingerprint(user)}"


class Anonymous(AnonymousUserMixin):  # type: ignore[misc]
    actor = Actor.anonymous(Channel.WEB)
    email = None


login_manager.anonymous_user = Anonymous


def fingerprint(user: User) -> str:
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


@login_manager.user_loader
def load_user(session_id: str) -> WebUser | None:
    user_id, _, mark = session_id.partition(":")
    if not user_id.isdigit():
        return None
    user = request_session().get(User, int(user_id))
    if user is None or not user.active or mark != fingerprint(user):
        return None
    return WebUser(user)


def current_actor() -> Actor:
    actor: Actor = current_user.actor
    return actor
