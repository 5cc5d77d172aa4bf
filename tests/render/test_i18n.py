"""The Spanish catalog translates every fixed string the flyers and diagrams show.

The message ids are extracted the way a translator's tools would (Babel, with Jinja's own
extractor for the templates and Python's for `pathways/render/*.py`), so a template or
renderer that starts using a new string fails here until messages.po translates it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from pathways.domain.flyers import Language
from pathways.domain.occupations import ONET_ATTRIBUTION
from pathways.render import i18n
from pathways.render.flyer_view import flyer_view

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates" / "flyers"
RENDERERS = REPO / "pathways" / "render"
PO_FILE = RENDERERS / "locale" / "es" / "LC_MESSAGES" / "messages.po"
JINJA = [("**.html", "jinja2.ext:babel_extract")]
JINJA_OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true"}}
PYTHON = [("*.py", "python")]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")

Found = tuple[str, int, str | tuple[str, ...], str | None]  # where, line, message, context


def extracted(folder: Path, method_map: list[tuple[str, str]], options: dict) -> Iterator[Found]:
    for filename, lineno, message, _comments, context in extract_from_dir(
        folder, method_map=method_map, options_map=options
    ):
        yield (filename, lineno, message, context)


def catalog() -> Catalog:
    with PO_FILE.open("rb") as po_file:
        return read_po(po_file, locale="es_US")


def problems(found: Iterable[Found], translations: Catalog) -> list[str]:
    """What is wrong with the catalog for these uses: missing, empty, or placeholders that
    differ between the English and the Spanish."""
    wrong = []
    for where, line, message, context in found:
        ids = (message,) if isinstance(message, str) else tuple(m for m in message if m)
        entry = translations.get(ids[0], context=context)
        place = f"{where}:{line} {ids[0]!r}"
        if entry is None:
            wrong.append(f"{place}: not in messages.po")
            continue
        strings = (entry.string,) if isinstance(entry.string, str) else tuple(entry.string)
        if len(ids) > 1 and not entry.pluralizable:
            wrong.append(f"{place}: used with a plural, but messages.po has no msgid_plural")
        if not all(strings):
            wrong.append(f"{place}: empty msgstr")
        expected = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for string in strings:
            if set(PLACEHOLDER.findall(string)) - expected:
                wrong.append(f"{place}: {string!r} names a placeholder the English lacks")
            # ngettext supplies %(num)s itself; a form may leave the number out.
            if expected - {"num"} - set(PLACEHOLDER.findall(string)):
                wrong.append(f"{place}: {string!r} drops a placeholder")
    return wrong


def test_every_string_the_templates_and_renderers_use_is_translated():
    used = [
        *extracted(TEMPLATES, JINJA, JINJA_OPTIONS),
        *extracted(RENDERERS, PYTHON, {}),
    ]
    assert len(used) > 40, "the extractors found the flyer's strings"
    assert problems(used, catalog()) == []


def test_the_flyers_block_holds_no_stale_translation():
    """Every entry below the catalog's "# --- flyers" line is still used by a flyer."""
    text = PO_FILE.read_text(encoding="utf-8")
    block = text[text.index("# --- flyers") :]
    ours = read_po(io.StringIO(block), locale="es_US")
    used = {
        (context, message if isinstance(message, str) else message[0])
        for _where, _line, message, context in (
            *extracted(TEMPLATES, JINJA, JINJA_OPTIONS),
            *extracted(RENDERERS, PYTHON, {}),
        )
    }
    stale = [
        entry.id for entry in ours if entry.id and (entry.context, _singular(entry.id)) not in used
    ]
    assert stale == []


def _singular(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_a_template_string_missing_from_the_catalog_fails(tmp_path):
    (tmp_path / "new.html").write_text(
        '<p>{{ _("Steps on this pathway") }}</p>'
        '<p>{{ _("A sentence nobody has translated, %(who)s", who=name) }}</p>'
        '<p>{{ ngettext("and %(num)s more at %(url)s", "and %(num)s more at %(url)s", n, url=u) }}'
        "</p>"
    )
    found = list(extracted(tmp_path, JINJA, JINJA_OPTIONS))
    assert len(found) == 3
    assert problems(found, catalog()) == [
        "new.html:1 'A sentence nobody has translated, %(who)s': not in messages.po"
    ]


def test_placeholders_must_survive_translation():
    translations = Catalog(locale="es_US")
    translations.add("Prepared %(date)s", "Preparado")
    translations.add("Cost", "")
    found = [("x.html", 1, "Prepared %(date)s", None), ("x.html", 2, "Cost", None)]
    assert problems(found, translations) == [
        "x.html:1 'Prepared %(date)s': 'Preparado' drops a placeholder",
        "x.html:2 'Cost': empty msgstr",
    ]


def test_the_onet_attribution_is_the_domain_wording():
    from tests.render.test_flyers import make_flyer

    english = flyer_view(make_flyer(onet_release="29.3"), Language.EN).onet_attribution
    assert english == ONET_ATTRIBUTION.format(release="29.3")
    spanish = flyer_view(make_flyer(onet_release="29.3"), Language.ES).onet_attribution
    assert "O*NET 29.3" in spanish
    assert "CC BY 4.0" in spanish


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (Language.EN, ("$29,880", "$14.37", "November 25, 2026")),
        (Language.ES, ("$29,880", "$14.37", "25 de noviembre de 2026")),
    ],
)
def test_money_and_dates_follow_the_locale(language, expected):
    from datetime import date

    money, hourly, day = expected
    assert i18n.money(29880, language) == money
    assert i18n.money(14.372, language, cents=True) == hourly
    assert i18n.long_date(date(2026, 11, 25), language) == day
