"""Wage levels and the choice of estimate follow SPEC §2: entry = p25, experienced = p75."""

from pathways.domain.wages import (
    AreaRef,
    WageEstimate,
    WageFigure,
    WageMarker,
    first_with_median,
)


def estimate(area: str, **figures: WageFigure) -> WageEstimate:
    return WageEstimate("29-2061", AreaRef(area, area, "metro"), 2025, 100, figures)


def test_levels_are_the_25th_median_and_75th_percentiles():
    wage = estimate(
        "a",
        hourly_p25=WageFigure(23.13),
        hourly_median=WageFigure(26.61),
        hourly_p75=WageFigure(28.44),
        hourly_p10=WageFigure(0.01),
        hourly_p90=WageFigure(0.09),
    )
    levels = wage.levels("hourly")
    assert (levels.entry.dollars, levels.median.dollars, levels.experienced.dollars) == (
        23.13,
        26.61,
        28.44,
    )


def test_a_figure_never_given_is_not_released_rather_than_invented():
    figure = estimate("a").figure("annual_p75")
    assert figure.dollars is None
    assert figure.marker is WageMarker.NOT_RELEASED
    assert not figure.is_known


def test_top_coded_counts_as_known():
    assert WageFigure(None, WageMarker.TOP_CODED).is_known


def test_first_estimate_with_a_median_wins_in_the_callers_order():
    unreleased = estimate("metro", hourly_median=WageFigure(None, WageMarker.NOT_RELEASED))
    state = estimate("state", annual_median=WageFigure(50_000.0))
    nation = estimate("nation", hourly_median=WageFigure(20.0))
    assert first_with_median([unreleased, state, nation]) is state
    assert first_with_median([unreleased]) is None


def test_top_coded_median_is_not_passed_over():
    surgeon = estimate("metro", annual_median=WageFigure(None, WageMarker.TOP_CODED))
    assert first_with_median([surgeon, estimate("nation", hourly_median=WageFigure(1))]) is surgeon


def test_source_label_names_the_vintage():
    assert estimate("a").source_label == "BLS OEWS May 2025"
