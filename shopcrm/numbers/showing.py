"""A figure's value and its change written the way the Numbers page and the CSV show them, in
the shop's language: "128", "₺1.250,50", "%25,3", "12,5 gün", "—" for none."""

from __future__ import annotations

import csv
import io

from babel import Locale
from babel.numbers import format_decimal, format_percent

from shopcrm.common.formatting import money, number
from shopcrm.common.i18n import _, babel_locale, current_language
from shopcrm.numbers.figures import FigureKind, Figures

NONE = "—"
"""What a figure with nothing to compute it from shows."""
MINUS = "−"


def shown(
    kind: FigureKind, value: int | float | None, currency: str = "TRY", language: str | None = None
) -> str:
    """A value of a figure of ``kind`` as the page shows it."""
    if value is None:
        return NONE
    loc = babel_locale(language)
    if kind is FigureKind.COUNT:
        return number(int(value), language)
    if kind is FigureKind.MONEY:
        return money(int(value), currency, language)
    if kind is FigureKind.PERCENT:
        pattern = Locale.parse(loc).percent_formats[None].pattern.replace("#,##0", "#,##0.#")
        return str(format_percent(round(value, 3), pattern, locale=loc))
    if kind is FigureKind.DAYS:
        return _("{n} days").format(n=format_decimal(round(value, 1), "#,##0.0", locale=loc))
    return _("{n} hours").format(n=format_decimal(round(value, 1), "#,##0.0", locale=loc))


def change_shown(
    kind: FigureKind,
    value: int | float | None,
    previous: int | float | None,
    currency: str = "TRY",
    language: str | None = None,
) -> str:
    """The change from the previous period with its sign ("+12", "−₺150,00"; a share changes by
    percentage points: "+2,5 puan"); "—" when either value is missing, "0" when none."""
    if value is None or previous is None:
        return NONE
    change = value - previous
    if kind is FigureKind.PERCENT:
        change = round(change * 100, 1)
    elif kind in (FigureKind.DAYS, FigureKind.HOURS):
        change = round(change, 1)
    if change == 0:
        return "0"
    sign = "+" if change > 0 else MINUS
    loc = babel_locale(language)
    size = abs(change)
    if kind is FigureKind.PERCENT:
        points = format_decimal(size, "#,##0.#", locale=loc)
        return sign + _("{n} points").format(n=points)
    return sign + shown(kind, size, currency, language)


def figures_csv(figures: Figures, currency: str = "TRY", language: str | None = None) -> str:
    """The figures as CSV: group; figure; this period; previous period; change, with the
    values as the page shows them. Turkish separates with ';' (its decimals take the comma),
    English with ','."""
    language = language or current_language()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if language == "tr" else ",", lineterminator="\r\n")
    writer.writerow(
        [
            _("Group"),
            _("Figure"),
            figures.period.title(language),
            figures.previous.title(language),
            _("Change"),
        ]
    )
    for group in figures.groups:
        for f in group.figures:
            writer.writerow(
                [
                    group.title,
                    f.title,
                    shown(f.kind, f.value, currency, language),
                    shown(f.kind, f.previous, currency, language),
                    change_shown(f.kind, f.value, f.previous, currency, language),
                ]
            )
    return out.getvalue()
