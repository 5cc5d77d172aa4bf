"""Jinja filters for numbers people read on pages: money, counts and dates, US English
(the flyers' own formatting, render/i18n.py, so a page and its flyer agree)."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask

from pathways.domain.flyers import Language
from pathways.render import i18n

EN = Language.EN


def money(value: float | None) -> str:
    """52340 → "$52,340"; None → "—"."""
    return "—" if value is None else i18n.money(value, EN)


def hourly(value: float | None) -> str:
    """25.17 → "$25.17"; None → "—"."""
    return "—" if value is None else i18n.money(value, EN, cents=True)


def number(value: float | None) -> str:
    return "—" if value is None else i18n.number(value, EN)


def long_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    return i18n.long_date(value.date() if isinstance(value, datetime) else value, EN)


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(money=money, hourly=hourly, number=number, date=long_date)
