"""Editing a region (admins). The form carries the version it was loaded at; a save that
meets a newer version says so and shows both, instead of overwriting."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required

from pathways.domain.errors import InvalidInput, PreconditionFailed
from pathways.models import Region
from pathways.services.regions import editable_region, get_region, update_region
from pathways.sessions import request_session
from pathways.web.forms import RegionForm
from pathways.web.users import current_actor

bp = Blueprint("region_pages", __name__, url_prefix="/regions")


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str) -> ResponseReturnValue:
    session = request_session()
    actor = current_actor()
    region = editable_region(session=session, actor=actor, slug=slug)
    form = RegionForm()
    if not form.is_submitted():
        _fill(form, region)
        return render_template("pages/region_edit.html", form=form, region=region, stale=None)
    if form.version.data is None:
        # Without the version it was loaded at, a save could overwrite unseen changes.
        abort(400, "the form does not say which version of the region it edits; reload it")
    if not form.validate():
        return render_template("pages/region_edit.html", form=form, region=region, stale=None), 422
    changes = {
        "name": form.name.data,
        "description": form.description.data or None,
        "area_codes": form.area_codes(),
    }
    try:
        update_region(
            session=session, actor=actor, slug=slug, expected_version=form.version.data,
            changes=changes,
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        current = get_region(session=session, slug=slug)
        attempted = {"name": form.name.data, "description": form.description.data,
                     "areas": form.areas.data}  # fmt: skip
        fresh = RegionForm(formdata=None)
        _fill(fresh, current)
        page = render_template(
            "pages/region_edit.html", form=fresh, region=current, stale=attempted
        )
        return page, 409
    except InvalidInput as error:
        session.rollback()
        for field, messages in error.errors.items():
            target = form.areas if field == "areas" else getattr(form, field, None)
            if target is not None:
                target.errors = [*target.errors, *messages]
        return render_template("pages/region_edit.html", form=form, region=region, stale=None), 422
    session.commit()
    flash(f"Saved {changes['name']}.")
    return redirect(url_for("region_pages.edit", slug=slug))


def _fill(form: RegionForm, region: Region) -> None:
    form.name.data = region.name
    form.description.data = region.description or ""
    form.areas.data = " ".join(link.area_code for link in region.areas)
    form.version.data = region.version
