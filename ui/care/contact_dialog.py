"""Dialogs of the contact log: add or correct an entry, void one, resolve a complaint.

Each only collects what the shopkeeper types; the core checks it (no empty summary, no date in
the future, no follow-up in the past, a survey's score from 1 to 5) and the refusal shows in red
under the fields, the dialog staying open. Cancel reads "Vazgeç" (``FormDialog``).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from shopcrm import Shop
from shopcrm.care.contact_log import KEEP
from shopcrm.care.contacts import ContactEntry, ContactKind, kind_titles
from shopcrm.common.formatting import moment
from shopcrm.common.i18n import _, babel_locale
from ui.form_dialog import FormDialog

SCORES = ("", "1", "2", "3", "4", "5")


def describe(entry: ContactEntry) -> str:
    """One entry in a line: "9 Mar 2026 14:00 · Call · what it was about"."""
    return " · ".join((moment(entry.happened_at), kind_titles()[entry.kind], entry.summary))


def moment_box(value: datetime, latest: datetime) -> QDateTimeEdit:
    """A date and time box in the shop's language, with a calendar, no later than ``latest``."""
    box = QDateTimeEdit(to_qt(value))
    box.setLocale(QLocale(babel_locale()))
    box.setCalendarPopup(True)
    box.setMaximumDateTime(to_qt(latest))
    box.setDisplayFormat(box.locale().dateTimeFormat(QLocale.FormatType.ShortFormat))
    return box


def to_qt(value: datetime) -> QDateTime:
    """A Python moment as Qt's, to the minute."""
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qt(value: QDateTime) -> datetime:
    """Qt's moment as Python's, to the minute."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class FollowUpField(QWidget):
    """Whether to come back to an entry, and on which day (today or later)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wanted = QCheckBox(_("&Follow up on"))
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setLocale(QLocale(babel_locale()))
        self.day.setDisplayFormat(self.day.locale().dateFormat(QLocale.FormatType.ShortFormat))
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate(today.year, today.month, today.day))
        self.day.setEnabled(False)
        self.wanted.toggled.connect(self.day.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.wanted)
        row.addWidget(self.day, 1)

    def set_day(self, value: str | None) -> None:
        """Show a stored follow-up day ("2026-03-12"), or none."""
        self.wanted.setChecked(value is not None)
        if value is not None:
            chosen = date.fromisoformat(value)
            qt_day = QDate(chosen.year, chosen.month, chosen.day)
            self.day.setMinimumDate(min(qt_day, self.day.minimumDate()))
            self.day.setDate(qt_day)

    def value(self) -> date | None:
        """The day chosen, or None for no follow-up."""
        if not self.wanted.isChecked():
            return None
        d = self.day.date()
        return date(d.year(), d.month(), d.day())


class ContactEntryDialog(FormDialog):
    """Add an entry to a customer's log or, given ``entry``, correct it. After accept, ``.entry``
    is the entry saved (a correction's new entry)."""

    def __init__(
        self,
        shop: Shop,
        customer_id: int,
        entry: ContactEntry | None = None,
        kind: ContactKind = ContactKind.CALL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Correct entry") if entry else _("New contact entry"), parent)
        self.shop = shop
        self.customer_id = customer_id
        self.original = entry
        self.entry: ContactEntry | None = None
        now = shop.clock()
        self._opened_at = now.replace(second=0, microsecond=0)
        self.kind = QComboBox()
        for code, title in kind_titles().items():
            self.kind.addItem(title, code.value)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(72)
        self.score = QComboBox()
        self.score.addItems(SCORES)
        self.score_label = QLabel(_("Sc&ore (1-5):"))
        self.when = moment_box(now, now)
        self.recorded_by = QLineEdit()
        self.recorded_by.setPlaceholderText(_("who in the shop, e.g. Elif"))
        self.follow_up = FollowUpField(now.date())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("optional: what was wrong"))

        self.add_field("kind", _("&Kind:"), self.kind)
        self.add_field("summary", _("&Summary:"), self.summary)
        self.score_label.setBuddy(self.score)
        self.form.addRow(self.score_label, self.score)
        self.add_field("happened_at", _("&When:"), self.when)
        self.add_field("recorded_by", _("Recorded &by:"), self.recorded_by)
        self.add_field("follow_up_on", _("Follow-up:"), self.follow_up)
        if entry is not None:
            self.add_field("reason", _("&Reason:"), self.reason)
            self.buttons.button(self.buttons.StandardButton.Save).setText(_("&Correct"))
            self._fill(entry)
        else:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def _fill(self, entry: ContactEntry) -> None:
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self.summary.setPlainText(entry.summary)
        self.score.setCurrentIndex(max(self.score.findText(str(entry.score or "")), 0))
        happened = datetime.fromisoformat(entry.happened_at)
        self.when.setMinimumDateTime(min(to_qt(happened), self.when.minimumDateTime()))
        self.when.setDateTime(to_qt(happened))
        self.recorded_by.setText(entry.recorded_by)
        self.follow_up.set_day(entry.follow_up_on)

    def chosen_kind(self) -> ContactKind:
        """The kind chosen."""
        return ContactKind(self.kind.currentData())

    def _kind_changed(self, *_args: object) -> None:
        survey = self.chosen_kind() is ContactKind.SURVEY
        self.score_label.setVisible(survey)
        self.score.setVisible(survey)
        self.summary.setPlaceholderText(
            _("the customer's own words") if survey else _("what it was about")
        )

    def submit(self) -> None:
        """Add or correct the entry through the core."""
        kind = self.chosen_kind()
        score = self.score.currentText() if kind is ContactKind.SURVEY else None
        follow_up = self.follow_up.value()
        if self.original is None:
            self.entry = self.shop.contacts.add(
                self.customer_id,
                kind,
                self.summary.toPlainText(),
                happened_at=self._when(),
                recorded_by=self.recorded_by.text(),
                follow_up_on=follow_up,
                score=score,
            )
            return
        same_day = (follow_up.isoformat() if follow_up else None) == self.original.follow_up_on
        self.entry = self.shop.contacts.correct(
            self.original.id,
            kind=kind,
            summary=self.summary.toPlainText(),
            happened_at=self._when() or KEEP,
            recorded_by=self.recorded_by.text(),
            follow_up_on=KEEP if same_day else follow_up,  # a day gone by stays as it was
            score=score,
            reason=self.reason.text(),
        )

    def _when(self) -> datetime | str | None:
        """The moment chosen: None (now) or the entry's own time when it was left as shown."""
        chosen = from_qt(self.when.dateTime())
        if self.original is None and chosen == self._opened_at:
            return None
        if self.original is not None:
            kept = datetime.fromisoformat(self.original.happened_at)
            if kept.replace(second=0) == chosen:
                return self.original.happened_at
        return chosen


class VoidEntryDialog(FormDialog):
    """Void an entry with a reason; it stays in the log, struck through."""

    def __init__(self, shop: Shop, entry: ContactEntry, parent: QWidget | None = None) -> None:
        super().__init__(_("Void entry"), parent)
        self.shop = shop
        self.entry = entry
        what = QLabel(describe(entry))
        what.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. entered for the wrong customer"))
        self.form.addRow(_("Entry:"), what)
        self.add_field("reason", _("&Reason:"), self.reason)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("V&oid entry"))
        self.reason.setFocus()

    def submit(self) -> None:
        """Void the entry through the core."""
        self.entry = self.shop.contacts.void(self.entry.id, self.reason.text())


class ResolveComplaintDialog(FormDialog):
    """Resolve an open complaint: what was done, and when (now unless told)."""

    def __init__(self, shop: Shop, entry: ContactEntry, parent: QWidget | None = None) -> None:
        super().__init__(_("Resolve complaint"), parent)
        self.shop = shop
        self.entry = entry
        now = shop.clock()
        whose = shop.customers.get(entry.customer_id).name
        what = QLabel(" · ".join((whose, moment(entry.happened_at), entry.summary)))
        what.setWordWrap(True)
        self.resolution = QPlainTextEdit()
        self.resolution.setTabChangesFocus(True)
        self.resolution.setFixedHeight(72)
        self.resolution.setPlaceholderText(_("e.g. a new bouquet was sent free of charge"))
        self.when = moment_box(now, now)
        opened = datetime.fromisoformat(entry.happened_at)
        self.when.setMinimumDateTime(to_qt(opened))
        self.form.addRow(_("Complaint:"), what)
        self.add_field("resolution", _("&What was done:"), self.resolution)
        self.add_field("resolved_at", _("Resolved &at:"), self.when)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("&Resolve"))
        self.resolution.setFocus()

    def submit(self) -> None:
        """Resolve the complaint through the core."""
        chosen = from_qt(self.when.dateTime())
        now = self.shop.clock()
        when = None if chosen == now.replace(second=0) else chosen
        self.entry = self.shop.complaints.resolve(
            self.entry.id, self.resolution.toPlainText(), resolved_at=when
        )
