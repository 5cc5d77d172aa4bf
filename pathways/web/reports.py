"""Alignment reports to download: `/partnerships/{slug}/alignment.csv|.pdf` and
`/providers/{id}/alignment.csv|.pdf`. The services compute; this turns their results into the
plain values the renderers take, and the renderers make the file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from flask import Blueprint, Response

from pathways.domain.alignment import ProgramFacts
from pathways.domain.occupations import ONET_ATTRIBUTION
from pathways.render.reports import (
    MatrixReport,
    ProgramLine,
    ProviderReport,
    ProviderSection,
    ReportHeader,
    matrix_csv,
    matrix_pdf,
    provider_csv,
    provider_pdf,
)
from pathways.services.alignment import partnership_alignment, provider_alignment
from pathways.services.imports import latest_vintages
from pathways.services.occupations import titles_of
from pathways.sessions import request_session

bp = Blueprint("reports", __name__)
CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"


@bp.get("/partnerships/<slug>/alignment.<any(csv, pdf):kind>")
def partnership_report(slug: str, kind: str) -> Response:
    session = request_session()
    found = partnership_alignment(session=session, slug=slug)
    report = MatrixReport(
        header=_header(found.partnership.name, found.partnership.region.name),
        programs=_lines(found.programs.values()),
        rows=tuple(found.rows),
    )
    body = matrix_csv(report) if kind == "csv" else matrix_pdf(report)
    return _download(body, kind, f"{slug}-alignment")


@bp.get("/providers/<int(max=2147483647):provider_id>/alignment.<any(csv, pdf):kind>")
def provider_report(provider_id: int, kind: str) -> Response:
    session = request_session()
    found = provider_alignment(session=session, provider_id=provider_id)
    socs = {alignment.soc for _, alignments in found.partnerships for alignment in alignments}
    titles = titles_of(session=session, socs=socs)
    region = found.provider.region.name if found.provider.region is not None else "No region"
    report = ProviderReport(
        header=_header(found.provider.name, region),
        programs=_lines(found.programs.values()),
        sections=tuple(
            ProviderSection(partnership.name, titles, tuple(alignments))
            for partnership, alignments in found.partnerships
        ),
    )
    body = provider_csv(report) if kind == "csv" else provider_pdf(report)
    return _download(body, kind, f"provider-{provider_id}-alignment")


def _header(title: str, region: str) -> ReportHeader:
    vintages = latest_vintages(session=request_session())
    release = vintages.get("onet", "")
    sources = (
        f"Skills and knowledge: O*NET {release}. Programs to occupations: NCES CIP "
        f"{vintages.get('crosswalk', '2020')}–SOC 2018 crosswalk.",
        ONET_ATTRIBUTION.format(release=release),
    )
    return ReportHeader(title, region, datetime.now(UTC).date(), sources)


def _lines(programs: Iterable[ProgramFacts]) -> tuple[ProgramLine, ...]:
    return tuple(
        ProgramLine(p.program_id, p.title, p.provider, p.cip_code, p.seats_per_year)
        for p in programs
    )


def _download(body: str | bytes, kind: str, name: str) -> Response:
    return Response(
        body,
        mimetype=CSV if kind == "csv" else PDF,
        headers={"Content-Disposition": f'attachment; filename="{name}.{kind}"'},
    )
