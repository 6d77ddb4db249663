"""A figure's value and its change as the Numbers page and the report write them: the arrow,
the amount, and whether the change is good, bad or neither for the shop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shopcrm.common.i18n import set_language
from shopcrm.documents.figure_texts import Change, Tone, change, value_text, whole_money
from shopcrm.numbers.figures import Figure, FigureKind


def figure(
    kind: FigureKind,
    value: float | None,
    previous: float | None,
    up_is_good: bool | None = True,
) -> Figure:
    return Figure("x", "X", value, previous, kind, up_is_good)


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def test_a_rise_in_revenue_is_good_and_a_rise_in_churn_is_bad() -> None:
    # ₺1.500,00 against ₺300,00: up ₺1.200,00.
    assert change(figure(FigureKind.MONEY, 150_000, 30_000)) == Change("▲ ₺1,200.00", Tone.GOOD)
    # Churn 0.30 against 0.25: up 5 percentage points, bad news.
    churn = figure(FigureKind.PERCENT, 0.30, 0.25, up_is_good=False)
    assert change(churn) == Change("▲ 5 points", Tone.BAD)
    # Churn falling from 0.25 to 0.20 is good news.
    assert change(figure(FigureKind.PERCENT, 0.20, 0.25, False)) == Change("▼ 5 points", Tone.GOOD)


def test_a_neutral_figure_is_grey_and_no_change_says_so() -> None:
    assert change(figure(FigureKind.COUNT, 7, 10, None)) == Change("▼ 3", Tone.NEUTRAL)
    assert change(figure(FigureKind.COUNT, 10, 10)) == Change("no change", Tone.NEUTRAL)
    assert change(figure(FigureKind.COUNT, 10, None)) is None
    assert change(figure(FigureKind.COUNT, None, 4)) is None


def test_values_by_kind() -> None:
    assert value_text(FigureKind.COUNT, 1250) == "1,250"
    assert value_text(FigureKind.MONEY, 125_050) == "₺1,250.50"
    assert value_text(FigureKind.PERCENT, 0.253) == "25.3%"
    assert value_text(FigureKind.PERCENT, 0.5) == "50%"
    assert value_text(FigureKind.DAYS, 12.46) == "12.5 days"
    assert value_text(FigureKind.COUNT, None) == "—"


def test_in_turkish(turkish: None) -> None:
    assert value_text(FigureKind.MONEY, 125_050) == "₺1.250,50"
    assert value_text(FigureKind.PERCENT, 0.253) == "%25,3"
    assert value_text(FigureKind.DAYS, 12.46) == "12,5 gün"
    # Average days between visits falling from 20 to 12.5 days: down 7.5 days, good.
    assert change(figure(FigureKind.DAYS, 12.5, 20.0, False)) == Change("▼ 7,5 gün", Tone.GOOD)


def test_whole_lira_on_a_chart_axis() -> None:
    assert whole_money(20_000) == "₺20,000"
    assert whole_money(20_000, language="tr") == "₺20.000"
    assert whole_money(0) == "₺0"
