"""The Numbers page's period bar: this month, last month, this year, or two dates of one's own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from shopcrm import ShopError
from shopcrm.common.i18n import _, babel_locale
from shopcrm.numbers.periods import Period, custom, last_month, this_month, this_year
from ui.style import ERROR_STYLE

THIS_MONTH, LAST_MONTH, THIS_YEAR, CUSTOM = range(4)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodBar(QWidget):
    """Four choices in a row; Custom enables two dates. ``changed`` carries the chosen period
    (never emitted for a custom range the core refuses: the refusal shows beside the dates)."""

    changed = Signal(object)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.choices = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, title in enumerate(
            (_("&This month"), _("&Last month"), _("This &year"), _("C&ustom:"))
        ):
            button = QRadioButton(title)
            self.choices.addButton(button, number)
            layout.addWidget(button)
        self.choices.button(THIS_MONTH).setChecked(True)
        now = today()
        self.start = QDateEdit(_qdate(now.replace(day=1)))
        self.end = QDateEdit(_qdate(now))
        for edit in (self.start, self.end):
            edit.setLocale(QLocale(babel_locale()))
            edit.setDisplayFormat(edit.locale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._dates_changed)
        self.start.setAccessibleName(_("First day"))
        self.end.setAccessibleName(_("Last day"))
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error, 1)
        self.choices.idClicked.connect(self._chosen)

    def period(self) -> Period:
        """The period chosen now (this month when a custom range is refused)."""
        today = self._today()
        choice = self.choices.checkedId()
        if choice == LAST_MONTH:
            return last_month(today)
        if choice == THIS_YEAR:
            return this_year(today)
        if choice == CUSTOM:
            try:
                return custom(_date(self.start.date()), _date(self.end.date()))
            except ShopError:
                return this_month(today)
        return this_month(today)

    def choose(self, choice: int) -> None:
        """Choose THIS_MONTH, LAST_MONTH, THIS_YEAR or CUSTOM, as a click would."""
        self.choices.button(choice).setChecked(True)
        self._chosen(choice)

    def set_custom(self, start: date, end: date) -> None:
        """Choose a custom range from ``start`` to ``end``."""
        self.choices.button(CUSTOM).setChecked(True)
        for edit in (self.start, self.end):
            edit.blockSignals(True)
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))
        for edit in (self.start, self.end):
            edit.blockSignals(False)
        self._chosen(CUSTOM)

    def _chosen(self, choice: int) -> None:
        is_custom = choice == CUSTOM
        self.start.setEnabled(is_custom)
        self.end.setEnabled(is_custom)
        if is_custom:
            self._dates_changed()
            return
        self.error.clear()
        self.changed.emit(self.period())

    def _dates_changed(self) -> None:
        if self.choices.checkedId() != CUSTOM:
            return
        try:
            period = custom(_date(self.start.date()), _date(self.end.date()))
        except ShopError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self.changed.emit(period)
