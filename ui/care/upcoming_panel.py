"""Beside the counter: today's and this week's occasions, and the follow-ups that are due.

The panel only shows; it never takes the keyboard from the counter's search box (no part of it
accepts focus). A double click on a row serves that customer at the counter. It reads the shop
when asked (``refresh``) and again when it is shown on a new day, never while the shopkeeper
types.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop
from shopcrm.care.upcoming import FollowUp, UpcomingOccasion
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _, ngettext
from ui.style import HINT_STYLE, bold

CUSTOMER_ROLE = Qt.ItemDataRole.UserRole
"""Each row keeps the id of its customer."""


class UpcomingPanel(QFrame):
    """The occasions of the coming days and the due follow-ups, read-only, never focused.
    ``customer_chosen`` carries the customer of a row double-clicked."""

    customer_chosen = Signal(int)

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.today: date | None = None
        """The day the panel was read for."""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = bold(QLabel())
        self.title.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("upcomingPanelList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setStyleSheet("QListWidget { background: transparent; }")
        self.list.itemDoubleClicked.connect(self._chosen)
        self.empty = QLabel()
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def refresh(self, today: date | None = None) -> None:
        """Read the coming days' occasions and the due follow-ups afresh."""
        self.today = today or self.shop.clock().date()
        days = self.shop.settings.get().upcoming_days
        occasions = self.shop.upcoming.occasions(days, today=self.today)
        follow_ups = self.shop.upcoming.follow_ups(self.today)
        self.list.clear()
        heading = None
        for row in occasions:
            if row.coming.days_left != heading:
                heading = row.coming.days_left
                self._add_heading(_day_heading(row))
            self._add(_occasion_text(row), row.customer_id, today=heading == 0)
        if follow_ups:
            self._add_heading(_("Follow-ups due"))
        for follow_up in follow_ups:
            self._add(_follow_up_text(follow_up), follow_up.customer_id)
        self.title.setText(
            ngettext(
                "The next {n} day: occasions and follow-ups",
                "The next {n} days: occasions and follow-ups",
                days,
            ).format(n=days)
        )
        self.empty.setText(_("Nothing coming: no occasion and no follow-up due."))
        self.empty.setVisible(not occasions and not follow_ups)
        self.list.setVisible(bool(occasions or follow_ups))

    def rows(self) -> list[str]:
        """The texts of the rows shown, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def showEvent(self, event: QShowEvent) -> None:
        """Shown on a new day (the counter left open overnight): read afresh."""
        super().showEvent(event)
        if self.today is not None and self.today != self.shop.clock().date():
            self.refresh()

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
        if self.list.count():
            item.setSizeHint(QSize(0, self.list.fontMetrics().height() + 10))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.list.addItem(item)

    def _add(self, text: str, customer_id: int, today: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(CUSTOMER_ROLE, customer_id)
        item.setToolTip(text)
        if today:
            font = QFont(self.list.font())
            font.setBold(True)
            item.setFont(font)
        self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        customer_id = item.data(CUSTOMER_ROLE)
        if isinstance(customer_id, int):
            self.customer_chosen.emit(customer_id)


def _day_heading(row: UpcomingOccasion) -> str:
    """The heading of a day's occasions: "Today", "Tomorrow", "In 3 days (4 Dec 2026)"."""
    days, on = row.coming.days_left, day(row.coming.falls_on)
    if days == 0:
        return _("Today ({date})").format(date=on)
    if days == 1:
        return _("Tomorrow ({date})").format(date=on)
    return ngettext("In {n} day ({date})", "In {n} days ({date})", days).format(n=days, date=on)


def _occasion_text(row: UpcomingOccasion) -> str:
    """The customer, what the occasion is, and its note."""
    note = row.occasion.note
    if note:
        return _("{name}: {occasion} ({note})").format(
            name=row.customer_name, occasion=row.coming.what, note=note
        )
    return _("{name}: {occasion}").format(name=row.customer_name, occasion=row.coming.what)


def _follow_up_text(row: FollowUp) -> str:
    """The follow-up's customer, what it is about and how late it is."""
    if row.days_late:
        return ngettext(
            "{name}: {summary} ({n} day late)", "{name}: {summary} ({n} days late)", row.days_late
        ).format(name=row.customer_name, summary=row.summary, n=row.days_late)
    return _("{name}: {summary}").format(name=row.customer_name, summary=row.summary)
