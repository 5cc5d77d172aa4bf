"""Words and numbers in the flyer's language. Fixed strings go through a gettext message
catalog (`locale/<lang>/LC_MESSAGES/messages.po`, compiled in memory on first use, so no
binary `.mo` is kept in the repository); money, numbers and dates are formatted with Babel
for the locale (US Spanish: `$29,880`, `25 de noviembre de 2026`)."""

from __future__ import annotations

import io
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

from pathways.domain.flyers import Language

CATALOGS = Path(__file__).resolve().parent / "locale"
LOCALES = {Language.EN: "en_US", Language.ES: "es_US"}


@cache
def translations(language: Language) -> NullTranslations:
    """The compiled catalog for `language`; English is the source language."""
    if language is Language.EN:
        return NullTranslations()
    po_path = CATALOGS / language.value / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=LOCALES[language])
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def gettext(language: Language, message: str) -> str:
    return translations(language).gettext(message)


def money(dollars: float, language: Language, *, cents: bool = False) -> str:
    """`$29,880` (whole dollars) or `$14.37` (`cents=True`, for hourly pay)."""
    pattern = "¤#,##0.00" if cents else "¤#,##0"
    return format_currency(
        dollars, "USD", format=pattern, locale=LOCALES[language], currency_digits=False
    )


def number(value: float, language: Language) -> str:
    return format_decimal(value, locale=LOCALES[language])


def long_date(day: date, language: Language) -> str:
    """`November 25, 2026` / `25 de noviembre de 2026`."""
    return format_date(day, format="long", locale=LOCALES[language])
