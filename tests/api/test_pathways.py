"""Pathways through the API as an industry team and an advisor use them: draft, validate,
publish, edit into version 2 while version 1 stays public, and ask for routes.

Wages in the route tests are the real May 2025 OEWS rows for Monroe, LA (area 0033740):
annual medians Nursing Assistants 29,880; LPNs 55,360; RNs 78,270; Medical Assistants 34,430.
"""

import pytest
import sqlalchemy as sa

from pathways.domain.access import Role
from pathways.models import Region
from tests.factories import bearer, make_partnership, make_token, make_user

API = "/api/v1/pathways"
CNA, LPN, RN, MA = 29_880.0, 55_360.0, 78_270.0, 34_430.0


@pytest.fixture
def team(session):
    """A partnership in Northeast Louisiana, with no employer wages, and its editor."""
    region_id = session.scalar(sa.select(Region.id).where(Region.slug == "northeast-louisiana"))
    partnership = make_partnership(session, region_id=region_id)
    editor = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    return partnership.slug, bearer(make_token(session, editor))


@pytest.fixture
def credentials(client, team):
    _, editor = team
    made = {}
    for key, name, ctdl_type in [
        ("cpt", "Test Phlebotomy Technician", "Certification"),
        ("pn", "Test Practical Nursing Diploma", "Diploma"),
        ("adn", "Test Associate of Science in Nursing", "AssociateDegree"),
    ]:
        response = client.post(
            "/api/v1/credentials", json={"name": name, "type": ctdl_type}, headers=editor
        )
        assert response.status_code == 201, response.get_json()
        made[key] = response.get_json()["id"]
    return made


def cna_to_rn(credentials):
    steps = [
        {"key": "cna", "soc": "31-1131", "stage": 1},
        {"key": "cna-phlebotomy", "soc": "31-1131", "stage": 1, "label": "CNA with phlebotomy"},
        {"key": "lpn", "soc": "29-2061", "stage": 2},
        {"key": "rn", "soc": "29-1141", "stage": 3},
        {"key": "ma", "soc": "31-9092", "stage": 2},
    ]
    transitions = [
        move("cna", "cna-phlebotomy", "add_on", [credentials["cpt"]], 2, 90_000),
        move("cna-phlebotomy", "lpn", "advance", [credentials["pn"]], 12, 840_000),
        move("cna", "lpn", "advance", [credentials["pn"]], 12, 840_000),
        move("lpn", "rn", "advance", [credentials["adn"]], 24, 960_000),
        move("cna", "ma", "lateral", [], 4, 250_000),
    ]
    return {"steps": steps, "transitions": transitions}


def move(source, target, kind, credentials, months, cents):
    return {
        "from": source,
        "to": target,
        "kind": kind,
        "credentials": credentials,
        "months_training": months,
        "cost_cents": cents,
    }


@pytest.fixture
def published(client, team, credentials):
    """CNA to RN, drafted and published as version 1; returns its ETag."""
    slug, editor = team
    created = client.post(
        API,
        json={"partnership": slug, "slug": "test-cna-to-rn", "title": "CNA to RN",
              **cna_to_rn(credentials)},
        headers=editor,
    )  # fmt: skip
    assert created.status_code == 201, created.get_json()
    done = client.post(
        f"{API}/test-cna-to-rn/publish", headers={**editor, "If-Match": created.headers["ETag"]}
    )
    assert done.status_code == 200, done.get_json()
    return done.headers["ETag"]


def test_a_draft_is_published_as_version_one(client, team, credentials):
    slug, editor = team
    created = client.post(
        API,
        json={"partnership": slug, "slug": "test-cna-to-rn", "title": "CNA to RN",
              **cna_to_rn(credentials)},
        headers=editor,
    )  # fmt: skip
    assert created.status_code == 201
    assert created.headers["ETag"] == '"1.1"'
    body = created.get_json()
    assert (body["number"], body["status"], body["partnership"]) == (1, "draft", slug)
    assert body["entries"] == ["cna", "cna-phlebotomy"]
    assert body["destinations"] == ["ma", "rn"]
    assert client.get(f"{API}/test-cna-to-rn").status_code == 404, "drafts are not public"
    assert client.get(f"{API}/test-cna-to-rn/validation", headers=editor).get_json() == {
        "valid": True,
        "errors": {},
    }

    published = client.post(
        f"{API}/test-cna-to-rn/publish", headers={**editor, "If-Match": '"1.1"'}
    )
    assert published.status_code == 200
    assert published.get_json()["status"] == "published"
    public = client.get(f"{API}/test-cna-to-rn").get_json()
    assert public["steps"][0] == {
        "key": "cna", "soc": "31-1131", "title": "Nursing Assistants", "label": None, "stage": 1,
    }  # fmt: skip
    again = client.post(
        f"{API}/test-cna-to-rn/publish", headers={**editor, "If-Match": published.headers["ETag"]}
    )
    assert again.status_code == 409


def test_editing_a_published_pathway_makes_version_two_and_leaves_version_one(
    client, team, credentials, published
):
    _, editor = team
    graph = cna_to_rn(credentials)
    graph["transitions"][3]["months_training"] = 20
    edited = client.patch(
        f"{API}/test-cna-to-rn",
        json={"title": "CNA to RN (accelerated)", **graph},
        headers={**editor, "If-Match": published},
    )
    assert edited.status_code == 200, edited.get_json()
    assert edited.get_json()["number"] == 2
    assert edited.get_json()["status"] == "draft"

    public = client.get(f"{API}/test-cna-to-rn").get_json()
    assert (public["number"], public["title"]) == (1, "CNA to RN")
    assert public["transitions"][3]["months_training"] == 24, "version 1 never changes"
    assert [v["number"] for v in public["versions"]] == [1], "the draft is not listed publicly"
    mine = client.get(f"{API}/test-cna-to-rn", headers=editor).get_json()
    assert (mine["number"], mine["status"]) == (2, "draft")
    assert [(v["number"], v["status"]) for v in mine["versions"]] == [
        (1, "published"),
        (2, "draft"),
    ]

    stale = client.patch(
        f"{API}/test-cna-to-rn", json={"title": "x"}, headers={**editor, "If-Match": published}
    )
    assert stale.status_code == 412
    out = client.post(
        f"{API}/test-cna-to-rn/publish", headers={**editor, "If-Match": edited.headers["ETag"]}
    )
    assert out.status_code == 200
    versions = client.get(f"{API}/test-cna-to-rn").get_json()["versions"]
    assert [(v["number"], v["status"]) for v in versions] == [(1, "archived"), (2, "published")]
    assert client.get(f"{API}/test-cna-to-rn?version=1").get_json()["title"] == "CNA to RN"


def test_routes_from_no_credential_are_priced_with_the_regions_wages(
    client, team, credentials, published
):
    found = client.get(f"{API}/test-cna-to-rn/routes").get_json()
    assert found["region"]["slug"] == "northeast-louisiana"
    assert found["truncated"] is False
    wages = {step["key"]: step["wage"] for step in found["steps"]}
    assert wages["rn"]["annual_median"] == RN
    assert wages["rn"]["label"] == "BLS OEWS May 2025, Monroe, LA"
    assert wages["rn"]["median"]["value"] == RN
    assert wages["cna"]["entry"]["value"] == 28_820.0

    summary = [
        (r["steps"], r["months_training"], r["cost_cents"], r["wage_gain"]) for r in found["routes"]
    ]
    assert summary == [  # fewest months first; ties by the steps
        (["cna", "ma"], 4, 250_000, MA - CNA),
        (["cna", "lpn", "rn"], 36, 1_800_000, RN - CNA),
        (["cna-phlebotomy", "lpn", "rn"], 36, 1_800_000, RN - CNA),
        (["cna", "cna-phlebotomy", "lpn", "rn"], 38, 1_890_000, RN - CNA),
    ]
    per_month = [r["gain_per_training_month"] for r in found["routes"]]
    assert per_month == pytest.approx([4_550 / 4, 48_390 / 36, 48_390 / 36, 48_390 / 38])
    assert found["routes"][3]["credentials"] == [
        credentials["cpt"],
        credentials["pn"],
        credentials["adn"],
    ]


def test_routes_from_a_step_to_a_step_sorted_by_gain_per_month(
    client, team, credentials, published
):
    found = client.get(f"{API}/test-cna-to-rn/routes?from=cna&to=rn&sort=gain_per_month").get_json()
    assert [r["steps"] for r in found["routes"]] == [
        ["cna", "lpn", "rn"],
        ["cna", "cna-phlebotomy", "lpn", "rn"],
    ]
    by_cost = client.get(f"{API}/test-cna-to-rn/routes?to=rn&sort=cost&order=desc").get_json()
    assert [r["cost_cents"] for r in by_cost["routes"]] == [1_890_000, 1_800_000, 1_800_000]
    lpn_up = client.get(f"{API}/test-cna-to-rn/routes?from=lpn").get_json()["routes"]
    assert [(r["steps"], r["wage_gain"]) for r in lpn_up] == [(["lpn", "rn"], RN - LPN)]
    unknown = client.get(f"{API}/test-cna-to-rn/routes?from=xyz")
    assert unknown.status_code == 422
    assert "from" in unknown.get_json()["errors"]


def test_employer_reported_wages_price_the_steps_and_say_so(client, team, credentials, published):
    slug, editor = team
    reported = client.post(
        f"/api/v1/partnerships/{slug}/employer-wages",
        json={"soc": "31-1131", "pay_basis": "hourly", "entry": 14.5, "median": 16.0,
              "experienced": 18.0, "reported_on": "2026-03-01", "employer_count": 4},
        headers=editor,
    )  # fmt: skip
    assert reported.status_code == 201, reported.get_json()
    found = client.get(f"{API}/test-cna-to-rn/routes?from=cna&to=lpn").get_json()
    cna = next(step["wage"] for step in found["steps"] if step["key"] == "cna")
    assert cna["source"] == "employer"
    assert cna["label"] == "Reported by 4 member employers, March 2026"
    assert cna["annual_median"] == 16.0 * 2080
    assert cna["bls_annual"]["median"]["value"] == CNA, "BLS stays beside the report"
    assert found["routes"][0]["wage_gain"] == LPN - 16.0 * 2080


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda g: g["steps"][0].update(soc="29-9999"), "steps[0].soc", "unknown SOC code"),
        (lambda g: g["steps"][1].update(key="cna"), "steps[1].key", "used twice"),
        (lambda g: g["transitions"][0].update(to="elsewhere"), "transitions[0].to", "no step"),
        (lambda g: g["transitions"][0].update(to="cna"), "transitions[0].to", "itself"),
        (
            lambda g: g["transitions"][1].update(months_training=-1),
            "transitions[1].months_training",
            "negative",
        ),
        (lambda g: g["transitions"][1].update(cost_cents=-5), "transitions[1].cost_cents", ""),
        (
            lambda g: g["transitions"][4].update(credentials=[999_999]),
            "transitions[4].credentials",
            "no credential 999999",
        ),
        (
            lambda g: g["transitions"].append(
                {"from": "rn", "to": "cna", "kind": "advance", "months_training": 1}
            ),
            "transitions",
            "cycle",
        ),
    ],
)
def test_a_wrong_graph_is_refused_naming_the_field_and_nothing_is_saved(
    client, team, credentials, published, change, field, message
):
    _, editor = team
    graph = cna_to_rn(credentials)
    change(graph)
    response = client.patch(
        f"{API}/test-cna-to-rn", json=graph, headers={**editor, "If-Match": published}
    )
    assert response.status_code == 422, response.get_json()
    errors = response.get_json()["errors"]
    assert field in errors, errors
    assert any(message in text for text in errors[field]), errors[field]
    mine = client.get(f"{API}/test-cna-to-rn", headers=editor)
    assert mine.get_json()["number"] == 1, "no draft was started"
    assert mine.headers["ETag"] == published


def test_an_incomplete_draft_is_saved_but_cannot_be_published(client, team):
    slug, editor = team
    created = client.post(
        API,
        json={"partnership": slug, "slug": "test-unfinished", "title": "Unfinished",
              "steps": [{"key": "lpn", "soc": "29-2061", "stage": 2},
                        {"key": "rn", "soc": "29-1141", "stage": 3}],
              "transitions": []},
        headers=editor,
    )  # fmt: skip
    assert created.status_code == 201
    check = client.get(f"{API}/test-unfinished/validation", headers=editor).get_json()
    assert check["valid"] is False
    assert any("entry" in text for text in check["errors"]["steps"])
    refused = client.post(
        f"{API}/test-unfinished/publish", headers={**editor, "If-Match": created.headers["ETag"]}
    )
    assert refused.status_code == 422
    assert refused.get_json()["errors"] == check["errors"]
    assert client.get(f"{API}/test-unfinished", headers=editor).get_json()["status"] == "draft"


def test_only_the_partnerships_editors_may_change_its_pathways(client, session, team, published):
    other = make_partnership(session)
    outsider = bearer(
        make_token(session, make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[other]))
    )
    response = client.patch(
        f"{API}/test-cna-to-rn", json={"title": "Mine"}, headers={**outsider, "If-Match": published}
    )
    assert response.status_code == 403
    created = client.post(
        API, json={"partnership": team[0], "slug": "test-theirs", "title": "T"}, headers=outsider
    )
    assert created.status_code == 403


def test_a_slug_names_one_pathway(client, team, published):
    slug, editor = team
    again = client.post(
        API, json={"partnership": slug, "slug": "test-cna-to-rn", "title": "Twice"}, headers=editor
    )
    assert again.status_code == 409


def test_next_steps_after_nursing_assistant(client, published):
    found = client.get("/api/v1/occupations/31-1131/next-steps?region=northeast-louisiana")
    assert found.status_code == 200
    body = found.get_json()
    assert (body["soc"], body["title"]) == ("31-1131", "Nursing Assistants")
    assert body["wage"]["annual_median"] == CNA
    first = body["items"][0]
    assert (first["soc"], first["title"]) == ("29-2061", "Licensed Practical and Licensed "
                                              "Vocational Nurses")  # fmt: skip
    ours = [move for move in first["moves"] if move["pathway"] == "test-cna-to-rn"]
    assert [(move["kind"], move["months_training"]) for move in ours] == [("advance", 12)] * 2
    assert first["wage_gain"] == LPN - CNA
    gaps = first["skill_gaps"]
    assert gaps, "an LPN needs skills a CNA has at a lower level"
    weights = [gap["importance"] * gap["difference"] for gap in gaps]
    assert weights == sorted(weights, reverse=True)
    assert all(gap["importance"] >= 3 and gap["difference"] > 0 for gap in gaps)
    related = [item for item in body["items"] if not item["moves"]]
    assert related
    assert all(item["related_tier"] for item in related)


def test_sending_a_published_pathway_back_unchanged_starts_no_new_version(
    client, team, credentials, published
):
    _, editor = team
    same = client.patch(
        f"{API}/test-cna-to-rn",
        json={"title": "CNA to RN", **cna_to_rn(credentials)},
        headers={**editor, "If-Match": published},
    )
    assert same.status_code == 200
    assert same.headers["ETag"] == published
    versions = client.get(f"{API}/test-cna-to-rn", headers=editor).get_json()["versions"]
    assert [(v["number"], v["status"]) for v in versions] == [(1, "published")]


def test_a_new_title_and_graph_together_are_one_save(client, team, credentials):
    slug, editor = team
    created = client.post(
        API,
        json={
            "partnership": slug,
            "slug": "test-one-save",
            "title": "One",
            **cna_to_rn(credentials),
        },
        headers=editor,
    )
    graph = cna_to_rn(credentials)
    graph["transitions"].pop()  # no lateral to Medical Assistant
    changed = client.patch(
        f"{API}/test-one-save",
        json={"title": "Two", **graph},
        headers={**editor, "If-Match": created.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.get_json()
    assert (created.headers["ETag"], changed.headers["ETag"]) == ('"1.1"', '"1.2"')
    assert changed.get_json()["destinations"] == ["rn"]


def test_employer_wages_are_listed_beside_the_bls_figures(client, team):
    slug, editor = team
    client.post(
        f"/api/v1/partnerships/{slug}/employer-wages",
        json={"soc": "29-2061", "pay_basis": "annual", "median": 57_000,
              "reported_on": "2026-01-15",
              "employer_count": 3},
        headers=editor,
    )  # fmt: skip
    [report] = client.get(f"/api/v1/partnerships/{slug}/employer-wages").get_json()
    assert (report["source"], report["median"]) == ("employer", 57_000)
    assert report["bls"]["area"]["title"] == "Monroe, LA"
    assert report["bls"]["source"] == "BLS OEWS May 2025"
    assert report["bls"]["annual"]["median"]["value"] == LPN
