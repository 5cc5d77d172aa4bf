"""Which wage a step shows: employer-reported, else BLS annual, else BLS hourly (no database)."""

from datetime import date

import pytest

from pathways.domain.pathways import EmployerReport, WageSource
from pathways.domain.wages import AreaRef, WageEstimate, WageFigure, WageLevels, WageMarker
from pathways.engines.wages import step_wage

MONROE = AreaRef("33740", "Monroe, LA", "metro")
NOT_RELEASED = WageFigure(None, WageMarker.NOT_RELEASED)
TOP_CODED = WageFigure(None, WageMarker.TOP_CODED)


def estimate(**figures: WageFigure) -> WageEstimate:
    return WageEstimate("29-2061", MONROE, 2025, 410, figures)


LPN = estimate(
    hourly_p25=WageFigure(24.05),
    hourly_median=WageFigure(26.61),
    hourly_p75=WageFigure(28.44),
    annual_p25=WageFigure(50020.0),
    annual_median=WageFigure(55350.0),
    annual_p75=WageFigure(59150.0),
)


def report(count: int = 4, basis: str = "hourly", **figures: float | None) -> EmployerReport:
    values = {"entry": 25.0, "median": 27.5, "experienced": 31.0} | figures
    return EmployerReport("29-2061", basis, **values, reported_on=date(2026, 3, 9),
                          employer_count=count)  # fmt: skip


def test_employer_figures_win_and_bls_is_kept_beside_them():
    wage = step_wage(bls=LPN, employer=report(experienced=None))
    assert wage is not None
    assert wage.source is WageSource.EMPLOYER
    assert wage.label == "Reported by 4 member employers, March 2026"
    assert wage.basis == "hourly"
    assert wage.levels == WageLevels(WageFigure(25.0), WageFigure(27.5), NOT_RELEASED)
    assert wage.annual_median == 27.5 * 2080
    assert (wage.bls, wage.employer) == (LPN, report(experienced=None))


def test_one_employer_is_singular_and_an_annual_report_is_yearly():
    wage = step_wage(bls=None, employer=report(1, "annual", median=56_000.0))
    assert wage is not None
    assert wage.label == "Reported by 1 member employer, March 2026"
    assert (wage.basis, wage.annual_median, wage.bls) == ("annual", 56_000.0, None)


def test_an_employer_report_without_a_median_has_no_annual_median():
    wage = step_wage(bls=LPN, employer=report(median=None))
    assert wage is not None
    assert wage.levels.median == NOT_RELEASED
    assert wage.annual_median is None


def test_an_unknown_pay_basis_is_refused():
    with pytest.raises(ValueError, match="weekly"):
        step_wage(bls=None, employer=report(basis="weekly"))


def test_bls_annual_figures_when_no_employer_reported():
    wage = step_wage(bls=LPN, employer=None)
    assert wage is not None
    assert wage.source is WageSource.BLS
    assert wage.label == "BLS OEWS May 2025, Monroe, LA"
    assert wage.basis == "annual"
    assert wage.levels == LPN.levels("annual")
    assert wage.annual_median == 55350.0
    assert (wage.bls, wage.employer) == (LPN, None)


def test_bls_hourly_only_is_shown_hourly_and_compared_yearly():
    hourly_only = WageFigure(None, WageMarker.HOURLY_ONLY)
    bls = estimate(
        hourly_p25=WageFigure(16.0), hourly_median=WageFigure(18.25), hourly_p75=WageFigure(21.0),
        annual_p25=hourly_only, annual_median=hourly_only, annual_p75=hourly_only,
    )  # fmt: skip
    wage = step_wage(bls=bls, employer=None)
    assert wage is not None
    assert wage.basis == "hourly"
    assert wage.levels == WageLevels(WageFigure(16.0), WageFigure(18.25), WageFigure(21.0))
    assert wage.annual_median == 18.25 * 2080


def test_a_top_coded_median_is_shown_as_such_and_compares_as_unknown():
    bls = estimate(hourly_median=TOP_CODED, annual_median=TOP_CODED, annual_p25=WageFigure(1e5))
    wage = step_wage(bls=bls, employer=None)
    assert wage is not None
    assert wage.basis == "annual"
    assert wage.levels.median == TOP_CODED
    assert wage.annual_median is None


def test_a_median_bls_did_not_release_is_unknown():
    wage = step_wage(bls=estimate(), employer=None)
    assert wage is not None
    assert wage.basis == "hourly"
    assert wage.levels == WageLevels(NOT_RELEASED, NOT_RELEASED, NOT_RELEASED)
    assert wage.annual_median is None


def test_nothing_to_show():
    assert step_wage(bls=None, employer=None) is None
