"""Settings come from the environment; production refuses to start without a real secret."""

import pytest

from pathways.config import DEVELOPMENT_SECRET, ConfigurationError, load_config


def test_production_refuses_a_missing_secret(tmp_path):
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        load_config(tmp_path, {"PATHWAYS_ENV": "production"})


@pytest.mark.parametrize("secret", ["short", DEVELOPMENT_SECRET])
def test_production_refuses_a_weak_or_default_secret(tmp_path, secret):
    with pytest.raises(ConfigurationError):
        load_config(tmp_path, {"PATHWAYS_ENV": "production", "SECRET_KEY": secret})


def test_secret_key_file_in_the_instance_folder(tmp_path):
    (tmp_path / "secret_key").write_text("s" * 48 + "\n")
    assert load_config(tmp_path, {})["SECRET_KEY"] == "s" * 48


def test_development_has_a_default_secret(tmp_path):
    assert load_config(tmp_path, {"PATHWAYS_ENV": "development"})["SECRET_KEY"]


def test_database_defaults_to_sqlite_in_the_instance_folder(tmp_path):
    config = load_config(tmp_path, {"PATHWAYS_ENV": "development"})
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'pathways.db'}"
    overridden = load_config(tmp_path, {"PATHWAYS_ENV": "development", "DATABASE_URL": "x://"})
    assert overridden["DATABASE_URL"] == "x://"


def test_unknown_environment(tmp_path):
    with pytest.raises(ConfigurationError, match="PATHWAYS_ENV"):
        load_config(tmp_path, {"PATHWAYS_ENV": "staging"})


def test_production_cookies_are_secure(tmp_path):
    config = load_config(tmp_path, {"PATHWAYS_ENV": "production", "SECRET_KEY": "s" * 40})
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True
