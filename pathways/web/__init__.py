"""HTML pages: sign-in, the home page, and editors behind login."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from pathways.errors import API_PREFIX
from pathways.web import (
    alignment_pages,
    auth,
    cip_suggest,
    critical_occupation_pages,
    employer_wage_pages,
    filters,
    headers,
    home,
    import_pages,
    my_work,
    occupation_pages,
    partnership_pages,
    pathway_editor,
    pathway_history,
    pathway_pages,
    program_pages,
    provider_pages,
    regions,
    renders,
    reports,
    search_pages,
    suggest,
)
from pathways.web.users import login_manager

csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # valid as long as the session is
    login_manager.init_app(app)
    filters.init_app(app)
    headers.init_app(app)
    csrf.init_app(app)
    for blueprint in app.blueprints.values():
        # The API authenticates with bearer tokens, never cookies: no CSRF to forge there.
        if (blueprint.url_prefix or "").startswith(API_PREFIX.rstrip("/")):
            csrf.exempt(blueprint)
    for module in (
        auth,
        home,
        my_work,
        occupation_pages,
        partnership_pages,
        provider_pages,
        search_pages,
        regions,
        renders,
        reports,
        suggest,
        critical_occupation_pages,
        employer_wage_pages,
        pathway_pages,
        pathway_editor,
        pathway_history,
        alignment_pages,
        cip_suggest,
        program_pages,
        import_pages,
    ):
        app.register_blueprint(module.bp)
