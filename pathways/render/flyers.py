"""One-page flyers (SPEC §3.7): a pathway's or an occupation's flyer as HTML and as a PDF.

The flyer is built in three steps: its text in the reader's language (flyer_view.py), how
much of each list fits on the page (flyer_fit.py: estimated from the text, so one layout
usually suffices, and corrected from the measured layout when it does not), and the Jinja
template `templates/flyers/flyer.html`, which escapes every value. The logo, the diagram and
the QR code reach WeasyPrint as bundled assets; nothing in the data is ever a URL it loads.
"""

from __future__ import annotations

import base64
import gc
import logging
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pathways.domain.flyers import Flyer, Language, Paper
from pathways.render import pdf
from pathways.render.assets import Asset
from pathways.render.colors import palette
from pathways.render.flyer_fit import MAX_LAYOUTS, Fit, Shown, plan
from pathways.render.flyer_view import COMPACT, GENEROUS, Caps, FlyerView, capped, flyer_view
from pathways.render.font_metrics import advances
from pathways.render.i18n import translations
from pathways.render.qr import qr_svg

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "flyers"
LOGO_FILES = {"image/png": "logo.png", "image/jpeg": "logo.jpg", "image/svg+xml": "logo.svg"}
DIAGRAM_FILE = "diagram.svg"
QR_FILE = "qr.svg"
LINK_SCHEMES = ("https://", "http://")


def render_flyer_html(
    flyer: Flyer, *, paper: Paper, language: Language, for_screen: bool = False
) -> str:
    """The flyer as a complete HTML document.

    For print (`for_screen=False`) it is the page WeasyPrint lays out first: lists trimmed to
    the estimated fit, images named as bundled assets. For screen it is the text version:
    every list whole, images inline as `data:` URIs, the sheet centred on a grey desk.
    """
    assets = flyer_assets(flyer)
    if for_screen:
        view = flyer_view(flyer, language)
        return _html(flyer, view, Shown.everything(view), assets, paper, language, screen=True)
    view, _, shown = _planned(flyer, paper, language)
    return _html(flyer, view, shown, assets, paper, language, screen=False)


def render_flyer_pdf(flyer: Flyer, *, paper: Paper, language: Language) -> bytes:
    """The flyer as a one-page, tagged PDF (PDF/UA-1) with extractable text.

    Lists are trimmed to what the estimate says fits; if the laid-out page still overflows,
    the measured overflow says how many rows to drop and it is laid out again.
    """
    assets = flyer_assets(flyer)
    view, fit, shown = _planned(flyer, paper, language)
    for _ in range(MAX_LAYOUTS):
        layout = pdf.lay_out(_html(flyer, view, shown, assets, paper, language), assets=assets)
        if layout.page_count == 1:
            return pdf.write(layout)
        tighter = fit.after(layout, shown)
        if tighter is None and view.caps != COMPACT:
            view, fit, shown = _planned(flyer, paper, language, COMPACT)
        elif tighter is None:
            break
        else:
            shown = tighter
    logging.getLogger(__name__).error(
        "flyer %r did not fit on one page; printing its first page", capped(flyer.title, 60)
    )
    return pdf.write(layout, first_page_only=True)


def _planned(
    flyer: Flyer, paper: Paper, language: Language, caps: Caps = GENEROUS
) -> tuple[FlyerView, Fit, Shown]:
    """The flyer's text, its predicted fit on `paper`, and what to show: with long texts cut
    shorter when even the last cut of the ladder would not fit."""
    view = flyer_view(flyer, language, caps)
    fit = plan(flyer, view, paper, language)
    shown = fit.estimate(view)
    if caps != COMPACT and not fit.fits(shown):
        return _planned(flyer, paper, language, COMPACT)
    return view, fit, shown


def warm_up() -> None:
    """Everything a first flyer would otherwise wait for: WeasyPrint and its shared font
    configuration (pdf.warm_up), the typeface's metrics, the catalogs and the compiled
    template. Call it before forking workers, so they share it all.

    What is loaded then lives as long as the process, so it is frozen out of the garbage
    collector's scans: WeasyPrint makes many objects per render, and full collections that
    walked the fonts and templates too made one render in ten ~100 ms slower (and, after a
    fork, would copy the shared pages)."""
    pdf.warm_up()
    for bold in (False, True):
        advances(bold)
    for language in Language:
        _environment(language).get_template("flyer.html")
    gc.collect()
    gc.freeze()


def flyer_assets(flyer: Flyer) -> dict[str, Asset]:
    """The files the flyer shows, by the names the template gives them."""
    assets: dict[str, Asset] = {}
    logo = flyer.branding.logo
    if logo is not None and logo.media_type in LOGO_FILES:
        assets[LOGO_FILES[logo.media_type]] = Asset(logo.content, logo.media_type)
    if flyer.diagram_svg:
        assets[DIAGRAM_FILE] = Asset(flyer.diagram_svg, "image/svg+xml")
    qr = qr_svg(flyer.page_url)
    if qr is not None:
        assets[QR_FILE] = Asset(qr, "image/svg+xml")
    return assets


def _html(
    flyer: Flyer,
    view: FlyerView,
    shown: Shown,
    assets: Mapping[str, Asset],
    paper: Paper,
    language: Language,
    *,
    screen: bool = False,
) -> str:
    def image(name: str) -> str | None:
        asset = assets.get(name)
        if asset is None:
            return None
        if not screen:
            return name  # resolved against ASSET_BASE by the bundled fetcher
        return f"data:{asset.media_type};base64,{base64.b64encode(asset.content).decode()}"

    logo = flyer.branding.logo
    logo_file = LOGO_FILES.get(logo.media_type) if logo is not None else None
    description = flyer.description or ""
    if len(description) > shown.description_chars:
        chars = shown.description_chars
        description = capped(description, chars) if chars else ""
    template = _environment(language).get_template("flyer.html")
    return template.render(
        flyer=flyer,
        view=view,
        shown=shown,
        description=description,
        palette=palette(flyer.branding.primary_color, flyer.branding.accent_color),
        images={
            "logo": image(logo_file) if logo_file else None,
            "diagram": image(DIAGRAM_FILE),
            "qr": image(QR_FILE),
        },
        page_link=flyer.page_url if flyer.page_url.startswith(LINK_SCHEMES) else None,
        is_pathway=_is_pathway(flyer),
        paper=paper.value,
        lang=language.value,
        for_screen=screen,
    )


def _is_pathway(flyer: Flyer) -> bool:
    """A pathway's flyer has its diagram; an occupation's has its next steps instead."""
    return flyer.diagram_svg is not None or (not flyer.next_steps and len(flyer.steps) > 1)


@cache
def _environment(language: Language) -> Environment:
    """One Jinja environment per language (templates compiled once), autoescaping all."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    # Added by the i18n extension at run time, so the type checker cannot see it.
    environment.install_gettext_translations(  # type: ignore[attr-defined]
        translations(language), newstyle=True
    )
    return environment
