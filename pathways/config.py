"""Settings from the environment. Outside development the app refuses to start without a real
secret key: from SECRET_KEY, or the `secret_key` file in the instance folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEVELOPMENT_SECRET = "development-only-secret-not-for-production"  # noqa: S105 - a marker
ENVIRONMENTS = ("development", "testing", "production")
MIN_SECRET_LENGTH = 32


class ConfigurationError(RuntimeError):
    """The environment does not describe a safe, working configuration."""


def load_config(instance_path: Path, environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    env = environ.get("PATHWAYS_ENV", "production")
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"PATHWAYS_ENV must be one of {', '.join(ENVIRONMENTS)}")
    database_url = environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'pathways.db'}"
    return {
        "PATHWAYS_ENV": env,
        "SECRET_KEY": _secret_key(env, instance_path, environ),
        "DATABASE_URL": database_url,
        "SEED_DATA_DIR": Path(environ.get("PATHWAYS_SEED_DATA", _repo_root() / "seed_data")),
        # Rendering: the cache of drawn flyers and diagrams (Redis instead when REDIS_URL is
        # set, shared by every machine), the address their QR codes point to, and whether
        # publishing pre-renders in the background ("background"), at once ("inline") or not.
        "RENDER_CACHE_DIR": Path(
            environ.get("PATHWAYS_RENDER_CACHE", instance_path / "render-cache")
        ),
        "REDIS_URL": environ.get("REDIS_URL") or None,
        "PUBLIC_URL": environ.get("PATHWAYS_PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/"),
        "RENDER_PRERENDER": environ.get("PATHWAYS_PRERENDER", "background"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        # flask-smorest / OpenAPI
        "API_TITLE": "Pathways",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "docs",
        "OPENAPI_SWAGGER_UI_URL": "/api/v1/docs/assets/",
    }


def _secret_key(env: str, instance_path: Path, environ: Mapping[str, str]) -> str:
    secret = environ.get("SECRET_KEY", "").strip()
    secret_file = instance_path / "secret_key"
    if not secret and secret_file.is_file():
        secret = secret_file.read_text(encoding="utf-8").strip()
    if env == "development" and not secret:
        return DEVELOPMENT_SECRET
    if not secret or secret == DEVELOPMENT_SECRET or len(secret) < MIN_SECRET_LENGTH:
        raise ConfigurationError(
            f"Pathways needs a secret key of at least {MIN_SECRET_LENGTH} characters in "
            f"{env}: set SECRET_KEY, or write one to {secret_file} (`make run` does), e.g. "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    return secret


def _repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
