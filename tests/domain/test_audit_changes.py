"""An audit entry lists exactly the fields that changed, and never a secret's value."""

from datetime import UTC, datetime

from pathways.domain.access import Role
from pathways.domain.audit import MASKED, changes


def test_only_changed_fields_with_before_and_after():
    assert changes({"name": "A", "slug": "a"}, {"name": "B", "slug": "a"}) == {
        "name": {"before": "A", "after": "B"}
    }


def test_creation_and_deletion():
    assert changes(None, {"name": "A"}) == {"name": {"before": None, "after": "A"}}
    assert changes({"name": "A"}, None) == {"name": {"before": "A", "after": None}}


def test_values_become_plain_json():
    moment = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    summary = changes(
        {"role": Role.ADMIN, "at": None, "ids": {3, 1}},
        {"role": Role.PROVIDER_EDITOR, "at": moment, "ids": {1, 2}},
    )
    assert summary["role"] == {"before": "admin", "after": "provider_editor"}
    assert summary["at"]["after"] == "2026-11-24T12:00:00+00:00"
    assert summary["ids"] == {"before": [1, 3], "after": [1, 2]}


def test_lists_keep_their_order():
    assert changes({"areas": ["b", "a"]}, {"areas": ["a", "b"]})["areas"] == {
        "before": ["b", "a"],
        "after": ["a", "b"],
    }


def test_secrets_are_only_said_to_have_changed():
    summary = changes({"password": "old-hash"}, {"password": "new-hash"}, frozenset({"password"}))
    assert summary == {"password": {"before": MASKED, "after": MASKED}}
    assert "hash" not in str(changes(None, {"password": "h"}, frozenset({"password"})))
