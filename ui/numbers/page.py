"""The Numbers page (Ctrl+7): the owner's numbers for a period against the period before, the
customers behind each, charts, and the report as a PDF or the numbers as CSV.

The tiles are built once and refilled on each period; QtCharts is imported when the page first
loads its figures (the page itself is built only when first shown), so the app starts as fast
as before.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.numbers.figures import Figures, MonthRevenue
from shopcrm.numbers.periods import Period
from shopcrm.numbers.segments import segment_titles
from ui.lazy_page import ReloadWhenShown
from ui.numbers.counting import BackgroundCount
from ui.numbers.customers_dialog import BehindDialog
from ui.numbers.export import Export
from ui.numbers.period_bar import PeriodBar
from ui.numbers.tiles import Tiles
from ui.style import ERROR_STYLE, bold

SLOW_COUNT_MS = 250
"""A count still running after this long says so on the page."""

if TYPE_CHECKING:
    from shopcrm.people.records import CustomerLine
    from ui.numbers.charts import Charts


class NumbersPage(ReloadWhenShown):
    """The period bar, the figures as tiles in groups, and the charts below them."""

    print_requested = Signal(object)
    """A ``PrintJob``: a letter to the customers behind a figure."""
    changed = Signal()
    """A draw gave vouchers: the other pages show them."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.figures: Figures | None = None
        self.behind: BehindDialog | None = None
        self.draw: QDialog | None = None
        self.charts: Charts | None = None
        self._revenue: list[MonthRevenue] | None = None
        """The last 12 months' revenue, kept until the shop's data change."""
        self._segments: list[tuple[str, int]] | None = None

        self.heading = bold(QLabel(), 4)
        self.heading.setWordWrap(True)
        self.period_bar = PeriodBar(lambda: self.shop.clock().date())
        self.period_bar.changed.connect(self._show_period)
        self.pdf_button = QPushButton(_("Save report as &PDF…"))
        self.csv_button = QPushButton(_("Save numbers as &CSV…"))
        self.draw_button = QPushButton(_("&Draw among customers…"))
        self.draw_button.setToolTip(
            _("Pick winners at random, recorded so that the draw can be shown fair")
        )
        self.draw_button.clicked.connect(self.open_draw)
        self.export = Export(shop, self)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button.clicked.connect(self.save_csv)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()  # shown once there is something to say
        self.export.done.connect(self._said)
        self.export.failed.connect(self._failed)
        self.counting = BackgroundCount(self)
        self.counting.done.connect(self._counted)
        self.counting.failed.connect(self._failed)
        self.listing = BackgroundCount(self)
        self.listing.done.connect(self._listed)
        self.listing.failed.connect(self._not_listed)
        # A count that takes long enough to be seen says so; a quick one just shows.
        self._slow_count = QTimer(self, singleShot=True, interval=SLOW_COUNT_MS)
        self._slow_count.timeout.connect(self._say_counting)

        self.tiles = Tiles()
        self.tiles.opened.connect(self.open_customers)
        self._tabs_stale = False
        self.tiles.built.connect(lambda: setattr(self, "_tabs_stale", True))
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        self.body_layout.addWidget(self.tiles)
        self.body_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the tiles within
        self.scroller.setWidget(self.body)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.draw_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.period_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.scroller, 1)
        self.setFocusProxy(self.period_bar.choices.button(0))
        self._stale = True  # the first show loads

    def period(self) -> Period:
        """The period shown."""
        return self.period_bar.period()

    def reload(self) -> None:
        """Read the figures and the charts afresh for the period chosen."""
        self._revenue = None
        self._segments = None
        self._show_period(self.period())

    def _currency(self) -> str:
        return self.shop.settings.get().currency

    def _show_period(self, period: Period) -> None:
        if not self.shop.numbers.is_quick(period):
            self._count_apart(period)
            return
        self.counting.stop()
        self._slow_count.stop()
        try:
            figures = self.shop.numbers.figures(period)
        except ShopError as error:
            self._failed(str(error))
            return
        self._show_figures(figures)

    def _count_apart(self, period: Period) -> None:
        """A custom range: counted in another thread (milliseconds from the day tables; longer
        over many years of a big shop); the page stays usable, and says so if it takes long."""
        try:
            counting = self.shop.numbers.counting(period)
        except ShopError as error:
            self._failed(str(error))
            return
        self.counting.start(counting)
        self._slow_count.start()

    def _say_counting(self) -> None:
        if self.counting.running():
            self._said(_("Counting the numbers of {period}…").format(period=self.period().title()))

    def _counted(self, figures: Figures) -> None:
        if figures.period != self.period():
            return  # the owner has chosen another period since
        self._slow_count.stop()
        self.message.hide()
        self._show_figures(figures)

    def stop(self) -> None:
        """Stop a count still running (the window closes)."""
        self._slow_count.stop()
        self.listing.stop(wait=1.0)
        self.counting.stop(wait=1.0)

    def _show_figures(self, figures: Figures) -> None:
        period = figures.period
        self.figures = figures
        currency = self._currency()
        self.heading.setText(
            _("{period} — compared with {previous}").format(
                period=period.title(), previous=figures.previous.title()
            )
        )
        self.tiles.show_figures(figures, currency)
        self._show_charts(period, currency)
        if self._tabs_stale:  # once the charts joined the page too
            self._tabs_stale = False
            self._order_tabs()

    def _show_charts(self, period: Period, currency: str) -> None:
        if self.charts is None:
            from ui.numbers.charts import Charts

            self.charts = Charts()
            self.body_layout.insertWidget(1, self.charts)
            self.charts.show()
        if self._revenue is None:  # the last 12 months, whatever the period: read once
            self._revenue = self.shop.numbers.revenue_by_month(12)
            self.charts.show_revenue(self._revenue, currency)
        self.charts.show_visits(self.shop.numbers.visits_by_weekday_hour(period))
        if self._segments is None:  # the segments are today's, whatever the period
            self._segments = self._segment_counts()
            self.charts.show_segments(self._segments)

    def _segment_counts(self) -> list[tuple[str, int]]:
        """Each segment's title and how many customers it holds, in the segments' order."""
        titles = segment_titles()
        counts = self.shop.segments.counts()
        return [(titles[segment], counts.get(segment, 0)) for segment in titles]

    def _order_tabs(self) -> None:
        """Tab goes from the period to the dates, the two exports, then the tiles in order."""
        bar = self.period_bar
        chain: list[QWidget] = [bar.choices.button(3), bar.start, bar.end]
        chain += [self.pdf_button, self.csv_button, self.draw_button]
        chain += list(self.tiles.tiles.values())
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def open_customers(self, key: str) -> None:
        """List the customers behind the figure ``key`` of the period shown."""
        if self.figures is None:
            return
        figure = self.figures.get(key)
        period = self.figures.period
        title = _("{figure} — {period}").format(figure=figure.title, period=period.title())
        dialog = BehindDialog(self.shop, title, self)
        dialog.print_requested.connect(self.print_requested)
        dialog.calls_planned.connect(self.changed)
        dialog.finished.connect(self._behind_closed)
        self.behind = dialog
        dialog.open()
        # Found apart: hundreds of thousands of customers take a moment in a big shop.
        self.listing.start(self.shop.numbers.listing(key, period))

    def _listed(self, lines: list[CustomerLine]) -> None:
        if self.behind is not None:
            self.behind.show_lines(lines)

    def _not_listed(self, text: str) -> None:
        if self.behind is not None:
            self.behind.show_failure(text)

    def _behind_closed(self) -> None:
        self.listing.stop()
        self.behind = None

    def open_draw(self) -> None:
        """Open the draw among customers (its vouchers change the shop's data)."""
        from ui.numbers.draw_dialog import DrawDialog  # not before it is asked for

        dialog = DrawDialog(self.shop, self)
        dialog.finished.connect(lambda _r: self._draw_closed())
        self.draw = dialog
        dialog.open()

    def _draw_closed(self) -> None:
        self.draw = None
        self.changed.emit()  # a winner's voucher is new on the counter and the Rewards page

    def save_pdf(self) -> None:
        """Ask where, then save the report of the period shown as a PDF."""
        if self.figures is not None:
            self.export.save_pdf(self.figures, self._segment_counts())

    def save_csv(self) -> None:
        """Ask where, then save the figures of the period shown as CSV."""
        if self.figures is not None:
            self.export.save_csv(self.figures)

    def _said(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.message.show()

    def _failed(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.message.show()
