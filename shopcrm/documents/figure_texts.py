"""A figure's value and its change from the previous period, written for the shop's language:
the same words on the Numbers page and in the printed report.

Money in the shop's currency (₺1.250,50), shares as percents with one decimal (%12,5), days and
hours with one decimal, counts grouped (1.250); "—" where there was nothing to compute from. A
change of a share is in percentage points ("▲ 3,2 puan"), never a percent of a percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from babel.numbers import format_decimal

from shopcrm.common import formatting
from shopcrm.common.i18n import _, babel_locale
from shopcrm.numbers.figures import Figure, FigureKind

NONE = "—"
UP = "▲"
DOWN = "▼"


class Tone(StrEnum):
    """How a change reads for the shop: good (green), bad (red) or neither (grey)."""

    GOOD = "good"
    BAD = "bad"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Change:
    """A figure's change from the previous period: "▲ ₺1.200,00", and how it reads."""

    text: str
    tone: Tone


def _decimal(value: float, language: str | None) -> str:
    return str(format_decimal(value, "#,##0.0", locale=babel_locale(language)))


def _magnitude(kind: FigureKind, value: float, currency: str, language: str | None) -> str:
    """``value`` (not negative) written as its kind, without the unit of a share."""
    if kind == FigureKind.MONEY:
        return formatting.money(round(value), currency, language)
    if kind == FigureKind.COUNT:
        return formatting.number(round(value), language)
    if kind == FigureKind.DAYS:
        return _("{n} days").format(n=_decimal(value, language))
    if kind == FigureKind.HOURS:
        return _("{n} h").format(n=_decimal(value, language))
    return _decimal(value, language)


def percent(share: float, language: str | None = None) -> str:
    """A share 0..1 as a percent with one decimal: "%12,5" in Turkish, "12.5%" in English."""
    sign, first = formatting.percent_sign(language)
    shown = _decimal(share * 100, language)
    return f"{sign}{shown}" if first else f"{shown}{sign}"


def value_text(
    kind: FigureKind, value: int | float | None, currency: str = "TRY", language: str | None = None
) -> str:
    """A figure's value as the page shows it; "—" for None."""
    if value is None:
        return NONE
    if kind == FigureKind.PERCENT:
        return percent(float(value), language)
    if value < 0:
        return "-" + _magnitude(kind, -value, currency, language)
    return _magnitude(kind, value, currency, language)


def change(figure: Figure, currency: str = "TRY", language: str | None = None) -> Change | None:
    """How ``figure`` moved since the previous period; None when either value is missing."""
    if figure.value is None or figure.previous is None:
        return None
    difference = figure.value - figure.previous
    if figure.kind in (FigureKind.MONEY, FigureKind.COUNT):
        difference = round(difference)
    if _shown_as_zero(figure.kind, difference, language):
        return Change(_("no change"), Tone.NEUTRAL)
    arrow = UP if difference > 0 else DOWN
    if figure.kind == FigureKind.PERCENT:
        points = _decimal(abs(difference) * 100, language)
        amount = _("{n} pts").format(n=points)
    else:
        amount = _magnitude(figure.kind, abs(difference), currency, language)
    if figure.up_is_good is None:
        tone = Tone.NEUTRAL
    else:
        tone = Tone.GOOD if (difference > 0) == figure.up_is_good else Tone.BAD
    return Change(f"{arrow} {amount}", tone)


def _shown_as_zero(kind: FigureKind, difference: float, language: str | None) -> bool:
    if kind in (FigureKind.MONEY, FigureKind.COUNT):
        return difference == 0
    scale = 100 if kind == FigureKind.PERCENT else 1
    return _decimal(abs(difference) * scale, language) in ("0.0", "0,0")


_CENTS = re.compile(r"[.,]00(?!\d)")


def whole_money(major: float, currency: str = "TRY", language: str | None = None) -> str:
    """Whole lira for a chart's axis: "₺12.500" (the kuruş would only crowd it)."""
    text = formatting.money(round(major) * formatting.MINOR_PER_MAJOR, currency, language)
    return _CENTS.sub("", text, count=1)
