"""The Numbers page's charts (QtCharts): revenue by month split into new and returning
customers, visits by weekday and by hour, and the customers in each segment.

This module imports QtCharts, which is slow to load: the page imports it only when first shown.
Axis labels are Babel's, in the current language: month and day names, money in the shop's
currency, counts grouped ("1.250").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

from babel.dates import format_date, get_day_names
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QGridLayout, QToolTip, QWidget

from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _, babel_locale
from shopcrm.documents.figure_texts import whole_money
from shopcrm.numbers.figures import MonthRevenue

NEW_COLOUR = QColor("#7fb3ae")
RETURNING_COLOUR = QColor("#1f5f5b")
VISITS_COLOUR = QColor("#b08d57")
SEGMENT_COLOUR = QColor("#4a6fa5")
CHART_HEIGHT = 250


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Whole, round steps from 0 past ``top``: 0, 200, 400, 600, 800, 1000 for 930; 0, 1, 2
    for 2."""
    if top <= 0:
        return [0.0, 1.0]
    raw = max(1.0, top / count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    steps = math.ceil(top / step - 1e-9)
    return [i * step for i in range(steps + 1)]


def month_label(month: date) -> str:
    """A month on the axis: "Ara" / "Dec" (twelve months in a row never share a name)."""
    return str(format_date(month, "LLL", locale=babel_locale()))


def weekday_names() -> list[str]:
    """Monday..Sunday, abbreviated, in the current language."""
    names = get_day_names("abbreviated", locale=babel_locale())
    return [str(names[day]) for day in range(7)]


class BarChart(QChartView):
    """A bar chart built on its first ``show_bars``; later ones change only the values, the
    categories and the value axis's labels that differ (a period change costs little)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab walks the tiles, not the pictures
        self.setMinimumHeight(CHART_HEIGHT)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setBackgroundRoundness(0)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self._axis_font = font
        self._shape: tuple[object, ...] = ()
        self._label: Callable[[float], str] = str
        self._sets: list[QBarSet] = []
        self._x = QBarCategoryAxis()
        self._y = QCategoryAxis()
        self.categories: list[str] = []
        self.value_labels: list[str] = []

    def show_bars(
        self,
        title: str,
        categories: Sequence[str],
        sets: Sequence[tuple[str, QColor, Sequence[float]]],
        label: Callable[[float], str],
        stacked: bool = False,
        horizontal: bool = False,
    ) -> None:
        """Show one bar set per (name, colour, values); ``label`` writes a value axis tick.
        Horizontal bars have their categories down the left, where long names have room."""
        if horizontal:  # Qt puts the first category at the bottom: the first reads on top
            categories = list(reversed(categories))
            sets = [(name, colour, list(reversed(values))) for name, colour, values in sets]
        if self._chart.title() != title:
            self._chart.setTitle(title)
        shape = (stacked, horizontal, tuple((name, colour.name()) for name, colour, _v in sets))
        if shape != self._shape:
            self._build(sets, stacked, horizontal)
            self._shape = shape
        self._label = label
        for bar_set, (_name, _colour, values) in zip(self._sets, sets, strict=True):
            numbers = [float(v) for v in values]
            if bar_set.count() == len(numbers):
                for index, value in enumerate(numbers):
                    if bar_set.at(index) != value:
                        bar_set.replace(index, value)
            else:
                bar_set.remove(0, bar_set.count())
                bar_set.append(numbers)
        if list(categories) != self.categories:
            self._x.setCategories(list(categories))
            self.categories = list(categories)
        if stacked:
            totals = [sum(values) for values in zip(*(s[2] for s in sets), strict=True)]
        else:
            totals = [v for s in sets for v in s[2]]
        ticks = nice_ticks(max(totals, default=0.0))
        labels = [label(tick) for tick in ticks]
        if labels != self.value_labels:
            for old in self._y.categoriesLabels():
                self._y.remove(old)
            self._y.setRange(0, ticks[-1])
            for tick, text in zip(ticks, labels, strict=True):
                self._y.append(text, tick)
            self.value_labels = labels

    def _hovered(self, bar_set: QBarSet, status: bool, index: int) -> None:
        """A bar under the mouse says its category and exact value in a tool tip."""
        if not status or not 0 <= index < len(self.categories):
            QToolTip.hideText()
            return
        text = f"{self.categories[index]}: {self._label(bar_set.at(index))}"
        if len(self._sets) > 1:
            text = f"{bar_set.label()} — {text}"
        QToolTip.showText(QCursor.pos(), text, self)

    def _build(
        self, sets: Sequence[tuple[str, QColor, Sequence[float]]], stacked: bool, horizontal: bool
    ) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series: QBarSeries | QStackedBarSeries | QHorizontalBarSeries = QBarSeries()
        if stacked:
            series = QStackedBarSeries()
        elif horizontal:
            series = QHorizontalBarSeries()
        self._sets = []
        for name, colour, _values in sets:
            bar_set = QBarSet(name)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            series.append(bar_set)
            bar_set.hovered.connect(
                lambda status, index, one=bar_set: self._hovered(one, status, index)
            )
            self._sets.append(bar_set)
        chart.addSeries(series)
        chart.legend().setVisible(len(sets) > 1)
        self._x = QBarCategoryAxis()
        self._x.setLabelsFont(self._axis_font)
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        chart.addAxis(self._x, left if horizontal else bottom)
        series.attachAxis(self._x)
        self._y = QCategoryAxis()
        self._y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._y.setStartValue(0)
        self._y.setLabelsFont(self._axis_font)
        chart.addAxis(self._y, bottom if horizontal else left)
        series.attachAxis(self._y)
        self.categories = []
        self.value_labels = []


class Charts(QWidget):
    """The four charts in a grid of two by two."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.revenue = BarChart()
        self.weekdays = BarChart()
        self.hours = BarChart()
        self.segments = BarChart()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.revenue, 0, 0, 1, 2)
        layout.addWidget(self.segments, 1, 0)
        layout.addWidget(self.weekdays, 1, 1)
        layout.addWidget(self.hours, 2, 0, 1, 2)

    def show_revenue(self, months: Sequence[MonthRevenue], currency: str) -> None:
        """Revenue by month in lira, new customers' under returning customers'."""
        self.revenue.show_bars(
            _("Revenue by month"),
            [month_label(m.month) for m in months],
            [
                (_("New customers"), NEW_COLOUR, [m.new / fmt.MINOR_PER_MAJOR for m in months]),
                (
                    _("Returning customers"),
                    RETURNING_COLOUR,
                    [m.returning / fmt.MINOR_PER_MAJOR for m in months],
                ),
            ],
            lambda value: whole_money(value, currency),
            stacked=True,
        )

    def show_visits(self, grid: Sequence[Sequence[int]]) -> None:
        """Visits by weekday (Monday first) and by hour of the day (the hours with visits)."""
        by_day = [sum(row) for row in grid]
        self.weekdays.show_bars(
            _("Visits by weekday"),
            weekday_names(),
            [(_("Visits"), VISITS_COLOUR, by_day)],
            _count,
        )
        by_hour = [sum(row[hour] for row in grid) for hour in range(24)]
        busy = [hour for hour, n in enumerate(by_hour) if n]
        first, last = (min(busy), max(busy)) if busy else (9, 18)
        hours = range(first, last + 1)
        self.hours.show_bars(
            _("Visits by hour"),
            [f"{hour:02d}" for hour in hours],
            [(_("Visits"), VISITS_COLOUR, [by_hour[hour] for hour in hours])],
            _count,
        )

    def show_segments(self, counts: Sequence[tuple[str, int]]) -> None:
        """How many customers are in each segment (no chart when there are no segments: the
        revenue takes the row)."""
        layout = self.layout()
        assert isinstance(layout, QGridLayout)
        self.segments.setVisible(bool(counts))
        layout.addWidget(self.weekdays, 1, 1 if counts else 0, 1, 1 if counts else 2)
        if not counts:
            return
        self.segments.show_bars(
            _("Customers by segment"),
            [title for title, _n in counts],
            [(_("Customers"), SEGMENT_COLOUR, [n for _t, n in counts])],
            _count,
            horizontal=True,
        )


def _count(value: float) -> str:
    return fmt.number(round(value))
