"""How the workspace commands print amounts and listings: dollars people read, tab-separated
lines for the terminal, and JSON for scripts (`--json`)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import click

from pathways.domain.pathways import StepWage

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def choice(values: type[StrEnum]) -> click.Choice[str]:
    """The values of a closed vocabulary, as the strings the services take."""
    return click.Choice([value.value for value in values])


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def line(*cells: object) -> None:
    """One tab-separated line; a missing value prints as "-"."""
    click.echo("\t".join("-" if cell is None or cell == "" else str(cell) for cell in cells))


def money(cents: int | None) -> str:
    """`$4,500` for 450000 cents."""
    if cents is None:
        return "-"
    return f"${cents / 100:,.0f}" if cents % 100 == 0 else f"${cents / 100:,.2f}"


def wage(amount: float | None, basis: str = "annual") -> str:
    """`$52,000/yr` or `$16.25/hr`."""
    if amount is None:
        return "-"
    if basis == "hourly":
        return f"${amount:,.2f}/hr"
    return f"${amount:,.0f}/yr"


def gain(amount: float | None, per: str = "yr") -> str:
    """`+$12,000/yr`, `-$500/yr`, or `-` when unknown."""
    if amount is None:
        return "-"
    sign = "-" if amount < 0 else "+"
    return f"{sign}${abs(amount):,.0f}/{per}"


def step_wage_text(step: StepWage | None) -> str:
    """`$36,110/yr median (BLS OEWS May 2025, Monroe, LA)`."""
    if step is None:
        return "no wage data"
    median = step.levels.median.dollars
    return f"{wage(median, step.basis)} median ({step.label})"


def step_wage_data(step: StepWage | None) -> dict[str, Any] | None:
    if step is None:
        return None
    levels = step.levels
    return {
        "source": step.source.value,
        "label": step.label,
        "basis": step.basis,
        "entry": levels.entry.dollars,
        "median": levels.median.dollars,
        "experienced": levels.experienced.dollars,
        "annual_median": step.annual_median,
    }
