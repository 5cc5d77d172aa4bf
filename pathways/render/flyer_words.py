"""The flyer's numbers and phrases in the reader's language: pay with its basis ("$14.37/hr",
"$29,880/yr"), where a wage comes from, training time, cost, program length, growth — each
fixed phrase through the message catalog, each number through Babel for the locale."""

from __future__ import annotations

from collections.abc import Callable

from babel.dates import format_skeleton
from babel.numbers import format_decimal

from pathways.domain.flyers import FlyerStep, FlyerWages, Language
from pathways.domain.vocabulary import Modality
from pathways.render.i18n import LOCALES, money, number, translations

NONE = "—"  # a figure nobody published


def N_(message: str) -> str:  # gettext's name for it, which the extractor looks for
    """Marks `message` for the catalog; it is translated where it is shown."""
    return message


MODALITY = {
    Modality.IN_PERSON: N_("In person"),
    Modality.ONLINE: N_("Online"),
    Modality.HYBRID: N_("Hybrid"),
}


class Words:
    """Formats one flyer's values in one language."""

    def __init__(self, language: Language) -> None:
        catalog = translations(language)
        self.language = language
        self.gettext: Callable[[str], str] = catalog.gettext
        self.ngettext: Callable[[str, str, int], str] = catalog.ngettext
        # "mo." is the diagrams' word too; a context keeps the flyer's translation its own.
        self.npgettext: Callable[[str, str, str, int], str] = catalog.npgettext

    def pay(self, wages: FlyerWages | None) -> tuple[str, str, str]:
        """Entry, median and experienced pay: hourly with cents, annual in whole dollars."""
        if wages is None:
            return (NONE, NONE, NONE)
        hourly = wages.basis == "hourly"
        pattern = self.gettext("%(amount)s/hr") if hourly else self.gettext("%(amount)s/yr")

        def shown(amount: float | None, level: str) -> str:
            if amount is None:
                return NONE
            text = pattern % {"amount": money(amount, self.language, cents=hourly)}
            return f"≥ {text}" if level in wages.top_coded else text  # BLS's top code

        return (
            shown(wages.entry, "entry"),
            shown(wages.median, "median"),
            shown(wages.experienced, "experienced"),
        )

    def annual(self, dollars: float | None) -> str:
        if dollars is None:
            return NONE
        return self.gettext("%(amount)s/yr") % {"amount": money(dollars, self.language)}

    def gain(self, dollars: float | None) -> str:
        if dollars is None:
            return NONE
        return ("+" if dollars >= 0 else "−") + money(abs(dollars), self.language)

    def wage_source(self, wages: FlyerWages | None) -> str | None:
        """ "Reported by 4 member employers, March 2026" or "BLS OEWS May 2025, Monroe, LA"."""
        if wages is None:
            return None
        note = wages.source
        if note.employer_count is not None:
            text = self.ngettext(
                "Reported by %(count)s member employer",
                "Reported by %(count)s member employers",
                note.employer_count,
            ) % {"count": number(note.employer_count, self.language)}
            if note.reported_on is None:
                return text
            month = format_skeleton("yMMMM", note.reported_on, locale=LOCALES[self.language])
            return f"{text}, {month}"
        text = "BLS OEWS"
        if note.vintage is not None:
            text = self.gettext("BLS OEWS May %(year)s") % {"year": note.vintage}
        return f"{text}, {note.area}" if note.area else text

    def requirements(self, step: FlyerStep) -> str | None:
        """Training and experience to get to `step`, or "Entry point" where people start."""
        parts = []
        if step.months_training:
            parts.append(
                self.npgettext(
                    "flyer",
                    "%(months)s mo. training",
                    "%(months)s mo. training",
                    step.months_training,
                )
                % {"months": step.months_training}
            )
        if step.months_experience:
            parts.append(
                self.npgettext(
                    "flyer",
                    "%(months)s mo. experience",
                    "%(months)s mo. experience",
                    step.months_experience,
                )
                % {"months": step.months_experience}
            )
        if not parts and step.months_training is None and not step.credentials:
            return self.gettext("Entry point")
        return " · ".join(parts) or None

    def cost(self, cents: int | None) -> str:
        if cents is None:
            return NONE
        return self.gettext("No cost") if cents == 0 else money(cents / 100, self.language)

    def length(self, weeks: int | None) -> str:
        """Weeks under a year, else years to the half ("1.5 years")."""
        if weeks is None:
            return NONE
        if weeks < 52:
            return self.ngettext("%(count)s week", "%(count)s weeks", weeks) % {"count": weeks}
        years = round(weeks / 26) / 2
        return self.ngettext("%(count)s year", "%(count)s years", 1 if years == 1 else 2) % {
            "count": number(years, self.language)
        }

    def modality(self, modality: Modality) -> str:
        return self.gettext(MODALITY[modality])

    def more(self, count: int) -> str:
        return self.gettext("%(count)s more") % {"count": count}

    def percent(self, value: float | None) -> str:
        """A signed change with one decimal: "+5.2%", "−1.0%"."""
        if value is None:
            return NONE
        sign = "+" if value > 0 else "−" if value < 0 else ""
        shown = format_decimal(abs(value), format="#,##0.0", locale=LOCALES[self.language])
        return f"{sign}{shown}%"

    def onet_attribution(self, release: str) -> str:
        """O*NET's required attribution (CC BY 4.0), worded as `ONET_ATTRIBUTION` in
        pathways.domain.occupations (a test keeps the two the same)."""
        return self.gettext(
            "This product includes information from the O*NET %(release)s Database by the U.S. "
            "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
            "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Pathways has modified all "
            "or some of this information. USDOL/ETA has not approved, endorsed, or tested these "
            "modifications."
        ) % {"release": release}
