"""The pathway editor: start a pathway, add steps by occupation title, add transitions with
their requirements, see the diagram without saving, publish. Writes go through the services
with the version tag the form was loaded at; problems appear beside the field that has them,
with everything typed kept; a stale form writes nothing."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from pathways.domain.access import Role
from pathways.domain.pathways import PathwayGraph, StepSpec
from pathways.models import AuditEvent, Pathway
from pathways.services.pathways import versions
from tests.factories import make_credential, make_partnership, make_pathway, make_user
from tests.web import force_sign_in

CNA, LPN, RN = "31-1131", "29-2061", "29-1141"


@pytest.fixture
def partnership(session):
    return make_partnership(session, name="Delta Health Partners")


@pytest.fixture
def editor(session, client, partnership):
    user = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    force_sign_in(client, user)
    return user


@pytest.fixture
def pathway(session, partnership):
    return make_pathway(session, partnership=partnership, title="Aide to Nurse")


class _Browser(HTMLParser):
    """What a browser submits from one form: text boxes, ticked boxes, chosen options."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.fields: MultiDict[str, str] = MultiDict()
        self._select: tuple[str, bool, list[tuple[str, bool]]] | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = named.get("id") == self.form_id
        if not self.inside or (tag not in ("input", "select", "option", "textarea")):
            return
        if tag == "input" and named.get("name"):
            kind = named.get("type", "text")
            if kind in ("submit", "button") or (kind == "checkbox" and "checked" not in named):
                return
            self.fields.add(named["name"], named.get("value", ""))
        elif tag == "select":
            self._select = (named.get("name", ""), "multiple" in named, [])
        elif tag == "option" and self._select is not None:
            self._select[2].append((named.get("value", ""), "selected" in named))
        elif tag == "textarea":
            self._textarea = named.get("name", "")
            self.fields.add(self._textarea, "")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            values = self.fields.poplist(self._textarea)
            self.fields.setlist(self._textarea, [*values[:-1], values[-1] + data])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            values = self.fields.poplist(self._textarea)
            self.fields.setlist(self._textarea, [*values[:-1], values[-1].removeprefix("\n")])
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, multiple, options = self._select
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            for value in chosen:
                self.fields.add(name, value)
            self._select = None


def form_fields(html: str, form_id: str = "pathway-form") -> dict[str, str]:
    """The fields as a browser submits them (one value a name; `browser_form` for all)."""
    return dict(browser_form(html, form_id).items())


def browser_form(html: str, form_id: str = "pathway-form") -> MultiDict[str, str]:
    parser = _Browser(form_id)
    parser.feed(html)
    return parser.fields


def page_of(response, status: int = 200) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code == status, html[:3000]
    return html


def editor_form(client, slug: str) -> dict[str, str]:
    return form_fields(page_of(client.get(f"/pathways/{slug}/edit")))


def post_edit(client, slug: str, fields: dict[str, str], **changes: str):
    return client.post(f"/pathways/{slug}/edit", data={**fields, **changes})


def stored(session, slug: str) -> Pathway:
    session.expire_all()
    return versions(session=session, slug=slug)[-1]


def test_anonymous_is_sent_to_sign_in(client, pathway):
    for url in (f"/pathways/{pathway.slug}/edit", "/pathways/new?partnership=x"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")


def test_an_editor_of_another_partnership_may_not_edit(client, session, partnership):
    published = make_pathway(session, partnership=partnership, publish=True)
    draft = make_pathway(session, partnership=partnership)
    outsider = make_user(
        session, role=Role.PARTNERSHIP_EDITOR, partnerships=[make_partnership(session)]
    )
    force_sign_in(client, outsider)
    assert client.get(f"/pathways/{published.slug}/edit").status_code == 403
    assert client.get(f"/pathways/{draft.slug}/edit").status_code == 404
    assert client.get(f"/pathways/new?partnership={partnership.slug}").status_code == 200
    fields = form_fields(page_of(client.get("/pathways/new")), "new-pathway")
    response = client.post("/pathways/new", data={**fields, "partnership": partnership.slug,
                                                  "title": "Sneaky"})  # fmt: skip
    assert response.status_code == 403


def test_the_editor_shows_the_steps_by_title_and_the_version_tag(client, editor, pathway):
    html = page_of(client.get(f"/pathways/{pathway.slug}/edit"))
    fields = form_fields(html)
    assert fields["title"] == "Aide to Nurse"
    assert fields["version"] == f"{pathway.number}.{pathway.version}"
    assert fields["steps-0-occupation"] == f"{CNA} Nursing Assistants"
    assert fields["steps-1-stage"] == "2"
    assert fields["transitions-0-months_training"] == "12"
    assert "Transition 1: Nursing Assistants → Licensed Practical" in html
    assert f'src="/pathways/{pathway.slug}/diagram.svg?version=1"' in html
    for label in ("Add step", "Add transition", "Save draft", "Publish", "Remove"):
        assert f">{label}<" in html


def test_new_pathway_then_steps_then_a_transition_then_publish(client, session, editor,
                                                                partnership):  # fmt: skip
    credential = make_credential(session, name="Practical Nursing Diploma")
    new = page_of(client.get(f"/pathways/new?partnership={partnership.slug}"))
    fields = form_fields(new, "new-pathway")
    assert f'<option selected value="{partnership.slug}">' in new
    response = client.post("/pathways/new", data={**fields, "partnership": partnership.slug,
                           "title": "Aide to LPN (2026)", "summary": "For aides."})  # fmt: skip
    assert response.status_code == 302
    assert response.headers["Location"] == "/pathways/aide-to-lpn-2026/edit"
    slug = "aide-to-lpn-2026"

    fields = editor_form(client, slug)
    response = post_edit(client, slug, fields, **{"add_step-occupation": "Nursing Assistants",
                         "add_step-stage": "1", "action": "add_step"})  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    fields = editor_form(client, slug)
    response = post_edit(client, slug, fields, **{
        "add_step-occupation": f"{LPN} Licensed Practical and Licensed Vocational Nurses",
        "add_step-label": "Licensed Practical Nurse", "add_step-stage": "2",
        "action": "add_step"})  # fmt: skip
    assert response.status_code == 302
    html = page_of(client.get(f"/pathways/{slug}/edit"))
    assert '<option value="nursing-assistants">Nursing Assistants</option>' in html
    assert '<option value="licensed-practical-nurse">Licensed Practical Nurse</option>' in html

    fields = form_fields(html)
    response = client.post(f"/pathways/{slug}/edit", data={
        **fields, "add_transition-source": "nursing-assistants",
        "add_transition-target": "licensed-practical-nurse", "add_transition-kind": "advance",
        "add_transition-credentials": str(credential.id), "add_transition-months_training": "12",
        "add_transition-months_experience": "6", "add_transition-cost": "8,400",
        "add_transition-earn_while_you_learn": "y", "action": "add_transition"})  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    saved = stored(session, slug)
    (move,) = saved.transitions
    assert (move.kind.value, move.months_training, move.months_experience, move.cost) == (
        "advance", 12, 6, 840_000)  # fmt: skip
    assert move.earn_while_you_learn
    assert [c.id for c in move.credentials] == [credential.id]

    fields = editor_form(client, slug)
    response = post_edit(client, slug, fields, action="publish")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/pathways/{slug}"
    assert stored(session, slug).status.value == "published"
    public = page_of(client.get(f"/pathways/{slug}"))
    assert "Published version 1 of “Aide to LPN (2026)”." in public
    actions = session.scalars(
        sa.select(AuditEvent.action).where(AuditEvent.entity_id == slug).order_by(AuditEvent.id)
    ).all()
    assert actions == ["create", "update", "update", "update", "publish"]


def test_a_bad_value_is_shown_beside_its_field_and_everything_typed_is_kept(
    client, session, editor, pathway
):
    fields = editor_form(client, pathway.slug)
    before = stored(session, pathway.slug).version
    response = post_edit(client, pathway.slug, fields, **{
        "title": "A new title <b>", "steps-1-stage": "0", "steps-0-label": "Aide, day shift",
        "add_step-occupation": "nurze", "transitions-0-months_training": "300",
    })  # fmt: skip
    html = page_of(response, 422)
    kept = form_fields(html)
    assert kept["title"] == "A new title <b>"
    assert kept["steps-0-label"] == "Aide, day shift"
    assert kept["steps-1-stage"] == "0"
    assert kept["steps-2-occupation"] == "nurze"  # the added row is kept, as a row
    assert kept["transitions-0-months_training"] == "300"
    assert 'aria-describedby="steps-1-stage-error steps-1-stage-hint"' in html
    assert 'id="steps-1-stage-error">Number must be between 1 and 20.<' in html
    assert 'id="steps-2-occupation-error"' in html
    assert "no occupation matches “nurze”" in html
    assert 'id="transitions-0-months_training-error"' in html
    assert "A new title &lt;b&gt;" in html
    assert stored(session, pathway.slug).version == before  # nothing written


def test_service_problems_land_beside_the_row_field(client, session, editor, pathway):
    fields = editor_form(client, pathway.slug)
    response = post_edit(client, pathway.slug, fields, **{"transitions-0-target": "cna"})
    html = page_of(response, 422)
    assert 'id="transitions-0-target-error"' in html
    assert "a transition cannot lead from a step to itself" in html
    assert '<a href="#transitions-0-target">Transition 1, target:' in html


def test_publishing_an_incomplete_draft_says_what_is_missing(client, session, editor,
                                                              partnership):  # fmt: skip
    lonely = make_pathway(
        session, partnership=partnership, graph=PathwayGraph((StepSpec("cna", CNA, 1),), ())
    )
    fields = editor_form(client, lonely.slug)
    html = page_of(post_edit(client, lonely.slug, fields, action="publish"), 422)
    assert '<p class="error" id="steps-error">no destination: a pathway needs a step' in html
    assert stored(session, lonely.slug).status.value == "draft"


def test_removing_a_step_removes_its_transitions(client, session, editor, pathway):
    fields = editor_form(client, pathway.slug)
    response = post_edit(client, pathway.slug, fields, remove_step="1")
    assert response.status_code == 302
    saved = stored(session, pathway.slug)
    assert [step.key for step in saved.steps] == ["cna"]
    assert saved.transitions == []


def test_a_stale_form_is_a_409_that_shows_what_was_tried_and_writes_nothing(
    client, session, editor, pathway
):
    fields = editor_form(client, pathway.slug)
    first = post_edit(client, pathway.slug, fields, title="Changed first")
    assert first.status_code == 302
    before = stored(session, pathway.slug).version
    html = page_of(post_edit(client, pathway.slug, fields, title="Changed second"), 409)
    assert "Someone else changed this pathway" in html
    assert "Changed second" in html
    assert form_fields(html)["title"] == "Changed first"
    saved = stored(session, pathway.slug)
    assert (saved.title, saved.version) == ("Changed first", before)


def test_a_save_without_the_csrf_token_is_refused(client, session, editor, pathway):
    fields = editor_form(client, pathway.slug)
    del fields["csrf_token"]
    assert post_edit(client, pathway.slug, fields, title="No token").status_code == 400
    assert stored(session, pathway.slug).title == "Aide to Nurse"


def test_editing_a_published_pathway_starts_the_next_draft(client, session, editor, partnership):
    published = make_pathway(session, partnership=partnership, publish=True)
    fields = editor_form(client, published.slug)
    assert post_edit(client, published.slug, fields, title="Next").status_code == 302
    rows = versions(session=session, slug=published.slug)
    assert [(row.number, row.status.value) for row in rows] == [(1, "published"), (2, "draft")]


def test_the_preview_draws_the_form_without_saving(client, session, editor, pathway):
    fields = editor_form(client, pathway.slug)
    before = stored(session, pathway.slug).version
    url = f"/pathways/{pathway.slug}/preview.svg"
    response = client.post(url, data={**fields, "steps-1-label": "Nurse <script>"})
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    svg = response.get_data(as_text=True)
    assert "Nurse &lt;script&gt;" in svg
    assert "<script" not in svg
    bad = client.post(url, data={**fields, "steps-1-stage": "x"})
    assert bad.status_code == 422
    assert bad.get_json()["errors"]["steps-1-stage"][0] == "Not a valid integer value."
    loop = client.post(url, data={**fields, "transitions-0-target": "cna"})
    assert loop.get_json()["errors"] == {
        "transitions-0-target": ["a transition cannot lead from a step to itself"]
    }
    assert stored(session, pathway.slug).version == before
    del fields["csrf_token"]
    assert client.post(url, data=fields).status_code == 400


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def test_hostile_text_in_every_field_stays_text(client, session, editor, pathway):
    fields = editor_form(client, pathway.slug)
    response = post_edit(client, pathway.slug, fields, **{
        "title": HOSTILE, "summary": HOSTILE, "steps-0-label": HOSTILE,
        "transitions-0-notes": HOSTILE,
    })  # fmt: skip
    assert response.status_code == 302
    for url in (f"/pathways/{pathway.slug}/edit", f"/pathways/{pathway.slug}/history",
                f"/pathways/{pathway.slug}"):  # fmt: skip
        html = page_of(client.get(url))
        assert "<script>alert(1)" not in html, url
        assert "<img src=x" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_a_new_pathway_gets_a_free_slug(client, session, editor, partnership):
    make_pathway(session, partnership=partnership, slug="cna-to-rn-x", title="Taken")
    for title, slug in (("CNA to RN x", "cna-to-rn-x-2"), ("New", "new-2")):
        fields = form_fields(page_of(client.get("/pathways/new")), "new-pathway")
        response = client.post("/pathways/new", data={**fields, "title": title})
        assert response.headers["Location"] == f"/pathways/{slug}/edit"
    fields = form_fields(page_of(client.get("/pathways/new")), "new-pathway")
    html = page_of(client.post("/pathways/new", data={**fields, "title": ""}), 422)
    assert 'id="title-error"' in html
