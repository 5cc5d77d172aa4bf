"""The words of a pathway's CTDL: language maps, and the conditions of each way into a step
in sentences (CTDL has no properties for months of training or cost on a condition)."""

from __future__ import annotations

from collections.abc import Sequence

from pathways.domain.pathways import TransitionSpec
from pathways.domain.vocabulary import TransitionKind

LANGUAGE = "en-US"
NAMES = {
    TransitionKind.ADVANCE: "Advance from {}",
    TransitionKind.LATERAL: "Move over from {}",
    TransitionKind.ADD_ON: "Add a credential as {}",
}


def lang(text: str) -> dict[str, str]:
    """A CTDL language map: the text, as entered, in the one language Pathways writes."""
    return {LANGUAGE: text}


def condition_name(kind: TransitionKind, source: str) -> str:
    return NAMES[kind].format(source)


def condition_description(move: TransitionSpec, source: str, earned: Sequence[str]) -> str:
    """ "From Licensed Practical Nurse: 24 months of training; 12 months of experience; about
    $11,000; earning …." and the transition's notes."""
    parts = []
    if move.months_training:
        parts.append(f"{_months(move.months_training)} of training")
    if move.months_experience:
        parts.append(f"{_months(move.months_experience)} of experience as {source}")
    if move.cost_cents:
        parts.append(f"about {_dollars(move.cost_cents)}")
    if move.earn_while_you_learn:
        parts.append("paid while you learn")
    if earned:
        parts.append("earning " + ", ".join(earned))
    sentence = f"From {source}: " + ("; ".join(parts) if parts else "no further requirements")
    return f"{sentence}. {move.notes}" if move.notes else f"{sentence}."


def _months(count: int) -> str:
    return f"{count} month" if count == 1 else f"{count} months"


def _dollars(cents: int) -> str:
    return f"${cents / 100:,.0f}" if cents % 100 == 0 else f"${cents / 100:,.2f}"
