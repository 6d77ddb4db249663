"""A figure's value and its change from the previous period as the Numbers page and the printed
report show them: the values as ``shopcrm.numbers.showing`` writes them (the CSV's own); the
change with an arrow ("▲ ₺1.200,00", "▼ 3,2 puan") and how it reads for the shop (good, bad
or neither, by the figure's ``up_is_good``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from shopcrm.common import formatting
from shopcrm.common.i18n import _
from shopcrm.numbers.figures import Figure, FigureKind
from shopcrm.numbers.showing import MINUS, NONE, change_shown, shown

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


def value_text(
    kind: FigureKind, value: int | float | None, currency: str = "TRY", language: str | None = None
) -> str:
    """A figure's value as the page and the CSV show it: "%25,3", "₺1.250,50"; "—" for None."""
    return shown(kind, value, currency, language)


def change(figure: Figure, currency: str = "TRY", language: str | None = None) -> Change | None:
    """How ``figure`` moved since the previous period; None when either value is missing."""
    text = change_shown(figure.kind, figure.value, figure.previous, currency, language)
    if text == NONE:
        return None
    if text == "0":
        return Change(_("no change"), Tone.NEUTRAL)
    rose = text.startswith("+")
    amount = text.removeprefix("+").removeprefix(MINUS)
    if figure.up_is_good is None:
        tone = Tone.NEUTRAL
    else:
        tone = Tone.GOOD if rose == figure.up_is_good else Tone.BAD
    return Change(f"{UP if rose else DOWN} {amount}", tone)


_CENTS = re.compile(r"[.,]00(?!\d)")


def whole_money(major: float, currency: str = "TRY", language: str | None = None) -> str:
    """Whole lira for a chart's axis: "₺12.500" (the kuruş would only crowd it)."""
    text = formatting.money(round(major) * formatting.MINOR_PER_MAJOR, currency, language)
    return _CENTS.sub("", text, count=1)
