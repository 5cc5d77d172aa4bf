"""Which wage a step shows: what member employers report paying when they have reported it,
else BLS OEWS for the region, with the source said in a label people read."""

from __future__ import annotations

from pathways.domain.pathways import HOURS_PER_YEAR, EmployerReport, StepWage, WageSource
from pathways.domain.vocabulary import PayBasis
from pathways.domain.wages import WageEstimate, WageFigure, WageLevels, WageMarker

# Spelled out rather than strftime("%B"), which follows the process locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def step_wage(*, bls: WageEstimate | None, employer: EmployerReport | None) -> StepWage | None:
    """Employer-reported figures when there is a report (BLS kept beside them), else BLS; None
    when there is neither."""
    if employer is not None:
        return employer_wage(employer, bls)
    if bls is not None:
        return bls_wage(bls)
    return None


def employer_wage(report: EmployerReport, bls: WageEstimate | None) -> StepWage:
    basis = PayBasis(report.pay_basis)  # ValueError for anything but "hourly" or "annual"
    levels = WageLevels(
        entry=reported(report.entry),
        median=reported(report.median),
        experienced=reported(report.experienced),
    )
    return StepWage(
        source=WageSource.EMPLOYER,
        label=employer_label(report),
        basis=basis.value,
        levels=levels,
        annual_median=yearly(report.median, basis),
        bls=bls,
        employer=report,
    )


def reported(dollars: float | None) -> WageFigure:
    return WageFigure(dollars) if dollars is not None else WageFigure(None, WageMarker.NOT_RELEASED)


def employer_label(report: EmployerReport) -> str:
    """ "Reported by 4 member employers, March 2026"."""
    employers = "employer" if report.employer_count == 1 else "employers"
    when = f"{MONTHS[report.reported_on.month - 1]} {report.reported_on.year}"
    return f"Reported by {report.employer_count} member {employers}, {when}"


def bls_wage(estimate: WageEstimate) -> StepWage:
    """BLS levels, yearly when BLS publishes a yearly median, else hourly."""
    annual = estimate.figure("annual_median")
    basis = PayBasis.ANNUAL if annual.is_known else PayBasis.HOURLY
    if annual.dollars is not None:
        annual_median: float | None = annual.dollars
    elif annual.marker is WageMarker.TOP_CODED:
        annual_median = None  # above the top code: no amount to compare with
    else:
        annual_median = yearly(estimate.figure("hourly_median").dollars, PayBasis.HOURLY)
    return StepWage(
        source=WageSource.BLS,
        label=f"{estimate.source_label}, {estimate.area.title}",
        basis=basis.value,
        levels=estimate.levels(basis.value),
        annual_median=annual_median,
        bls=estimate,
        employer=None,
    )


def yearly(dollars: float | None, basis: PayBasis) -> float | None:
    """A wage as a yearly amount: BLS's 2,080 hours a year for an hourly one."""
    if dollars is None:
        return None
    return dollars * HOURS_PER_YEAR if basis is PayBasis.HOURLY else dollars
