"""A pathway's history page: its editors see every version (when started and published, by
whom) and every change in words; others are refused."""

from __future__ import annotations

import pytest

from pathways.domain.access import Actor, Channel, Role
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.services.pathways import publish_pathway, read_pathway, update_pathway
from tests.factories import TWO_STEPS, make_partnership, make_pathway, make_user
from tests.web import force_sign_in

RN = StepSpec("rn", "29-1141", 3, "Registered Nurse")


@pytest.fixture
def partnership(session):
    return make_partnership(session)


@pytest.fixture
def pathway(session, partnership):
    """Published, then changed by an editor: version 1 published, version 2 a draft."""
    pathway = make_pathway(session, partnership=partnership, title="Aide to Nurse", publish=True)
    editor = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership],
                       email="editor@example.org")  # fmt: skip
    actor = Actor(
        channel=Channel.WEB, label=editor.email, user_id=editor.id,
        role=Role.PARTNERSHIP_EDITOR, partnership_ids=frozenset({partnership.id}),
    )  # fmt: skip
    _, tag = read_pathway(session=session, actor=actor, slug=pathway.slug)
    graph = PathwayGraph(
        (*TWO_STEPS.steps, RN),
        (*TWO_STEPS.transitions,
         TransitionSpec("lpn", "rn", TransitionKind.ADVANCE, months_training=24,
                        cost_cents=1_100_000)),
    )  # fmt: skip
    update_pathway(session=session, actor=actor, slug=pathway.slug, expected_tag=tag,
                   changes={"title": "Aide to RN", "graph": graph})  # fmt: skip
    session.flush()
    return pathway


def test_editors_see_versions_and_changes_in_words(client, session, partnership, pathway):
    force_sign_in(client, make_user(session, role=Role.PARTNERSHIP_EDITOR,
                                    partnerships=[partnership]))  # fmt: skip
    response = client.get(f"/pathways/{pathway.slug}/history")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html[:2000]
    assert "<h1>History: Aide to RN</h1>" in html
    assert '<th scope="row" class="num">2</th>' in html
    assert "Draft" in html
    assert '<th scope="row" class="num">1</th>' in html
    assert "Published" in html
    assert "by editor@example.org" in html
    assert "by cli:tests" in html
    assert "Title: “Aide to Nurse” → “Aide to RN”" in html
    assert "Added step Registered Nurse (stage 3)" in html
    assert (
        "Added transition Licensed Practical and Licensed Vocational Nurses → Registered Nurse"
        in html
    )
    assert "Started version 2 as a draft, from version 1" in html
    assert "Published version 1" in html
    assert "on the web" in html


def test_the_history_tells_changed_transitions(client, session, partnership, pathway):
    operator = Actor.operator("tests")
    _, tag = read_pathway(session=session, actor=operator, slug=pathway.slug)
    moved = PathwayGraph(
        (*TWO_STEPS.steps, RN),
        (TransitionSpec("cna", "lpn", TransitionKind.LATERAL, months_training=10),
         TransitionSpec("lpn", "rn", TransitionKind.ADVANCE, months_training=24,
                        cost_cents=1_200_000)),
    )  # fmt: skip
    update_pathway(session=session, actor=operator, slug=pathway.slug, expected_tag=tag,
                   changes={"graph": moved})  # fmt: skip
    publish_pathway(session=session, actor=operator, slug=pathway.slug, expected_tag=None)
    session.flush()
    force_sign_in(client, make_user(session, role=Role.ADMIN))
    html = client.get(f"/pathways/{pathway.slug}/history").get_data(as_text=True)
    assert ("Transition Nursing Assistants → Licensed Practical and Licensed Vocational Nurses:"
            " kind advance → lateral move; months of training 12 → 10") in html  # fmt: skip
    assert "cost $11,000 → $12,000" in html
    assert "Published version 2" in html


def test_anonymous_readers_sign_in_and_others_are_refused(client, session, pathway):
    response = client.get(f"/pathways/{pathway.slug}/history")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    outsider = make_user(session, role=Role.PARTNERSHIP_EDITOR,
                         partnerships=[make_partnership(session)])  # fmt: skip
    force_sign_in(client, outsider)
    assert client.get(f"/pathways/{pathway.slug}/history").status_code == 403
