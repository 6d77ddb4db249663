"""The parts of the draw dialog: the pool's fields, the tables of winners and of earlier draws,
and the dialog that gives a winner a voucher. Each only shows what the core returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from shopcrm import Shop
from shopcrm.common.formatting import moment, number
from shopcrm.common.i18n import _, babel_locale
from shopcrm.numbers.draws import MAX_WINNERS, Draw, Winner
from shopcrm.numbers.pools import MAX_MIN_VISITS, Pool
from shopcrm.numbers.segments import segment_titles
from ui.dialog_buttons import name_cancel
from ui.form_dialog import FormDialog
from ui.record_model import RecordTableModel
from ui.rewards.rule_form import RewardFields, count_box, valid_days_box


def date_box(value: date) -> QDateEdit:
    """A day box in the language's short format, with a calendar."""
    box = QDateEdit(QDate(value.year, value.month, value.day))
    box.setLocale(QLocale(babel_locale()))
    box.setDisplayFormat(box.locale().dateFormat(QLocale.FormatType.ShortFormat))
    box.setCalendarPopup(True)
    return box


def python_day(box: QDateEdit) -> date:
    """The day a box shows."""
    d = box.date()
    return date(d.year(), d.month(), d.day())


class PoolFields(QWidget):
    """Who takes part: visited between two days, and/or at least K visits, and/or one segment;
    with consent only.
    ``changed`` is called whenever any of them changes."""

    def __init__(self, today: date, changed: Callable[[], None]) -> None:
        super().__init__()
        self.by_days = QCheckBox(_("&Visited between"))
        self.by_days.setChecked(True)
        self.start = date_box(today.replace(day=1))
        self.end = date_box(today)
        self.start.setMaximumDate(QDate(today.year, today.month, today.day))
        self.end.setMaximumDate(QDate(today.year, today.month, today.day))
        self.by_visits = QCheckBox(_("With at &least"))
        self.visits = count_box(1, MAX_MIN_VISITS, 2, _("visits"))
        self.visits.setEnabled(False)
        self.by_segment = QCheckBox(_("Only the &segment"))
        self.segment = QComboBox()
        for segment, title in segment_titles().items():
            self.segment.addItem(title, segment.value)
        self.segment.setEnabled(False)
        self.consent_only = QCheckBox(_("Only customers with &consent to calls or letters"))
        self.consent_only.setChecked(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.by_days, 0, 0)
        days = QHBoxLayout()
        days.addWidget(self.start)
        days.addWidget(QLabel(_("and")))
        days.addWidget(self.end)
        days.addStretch(1)
        grid.addLayout(days, 0, 1)
        grid.addWidget(self.by_visits, 1, 0)
        grid.addWidget(self.visits, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.by_segment, 2, 0)
        grid.addWidget(self.segment, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.consent_only, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.by_days.toggled.connect(self.start.setEnabled)
        self.by_days.toggled.connect(self.end.setEnabled)
        self.by_visits.toggled.connect(self.visits.setEnabled)
        self.by_segment.toggled.connect(self.segment.setEnabled)
        self.segment.currentIndexChanged.connect(lambda _i: changed())
        for box in (self.by_days, self.by_visits, self.by_segment, self.consent_only):
            box.toggled.connect(lambda _on: changed())
        self.start.dateChanged.connect(lambda _d: changed())
        self.end.dateChanged.connect(lambda _d: changed())
        self.visits.valueChanged.connect(lambda _v: changed())

    def pool(self) -> Pool:
        """The pool the fields describe (the core checks it)."""
        days = self.by_days.isChecked()
        return Pool(
            python_day(self.start) if days else None,
            python_day(self.end) if days else None,
            self.visits.value() if self.by_visits.isChecked() else 0,
            str(self.segment.currentData()) if self.by_segment.isChecked() else "",
        )


def winners_box() -> QSpinBox:
    """The number of winners to draw."""
    return count_box(1, MAX_WINNERS, 1)


@dataclass(frozen=True)
class WinnerRow:
    """A winner as the table shows it (``id`` is the customer's)."""

    id: int
    place: str
    name: str
    phone: str
    voucher: str


def winner_rows(shop: Shop, winners: tuple[Winner, ...]) -> list[WinnerRow]:
    """The rows of the winners' table, with the code of the voucher each was given."""
    rows = []
    for winner in winners:
        code = shop.rewards.get(winner.reward_id).code if winner.reward_id else ""
        rows.append(
            WinnerRow(winner.customer_id, number(winner.place), winner.name, winner.phone, code)
        )
    return rows


class WinnersModel(RecordTableModel[WinnerRow]):
    """The winners of the draw shown, in the order drawn."""

    def __init__(self) -> None:
        super().__init__(["#", _("Name"), _("Phone"), _("Voucher")])

    def cell(self, record: WinnerRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return (record.place, record.name, record.phone, record.voucher)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DrawsModel(RecordTableModel[Draw]):
    """The draws made, newest first."""

    def __init__(self) -> None:
        super().__init__([_("Drawn on"), _("Who took part"), _("Customers"), _("Seed")])

    def cell(self, record: Draw, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                moment(record.drawn_at),
                record.pool_words,
                number(record.pool_size),
                str(record.seed),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return record.pool_words
        return None


class DrawVoucherDialog(FormDialog):
    """Give a winner of a draw a voucher: a percent, an amount or a gift, and how long it is
    valid. ``given`` is the voucher after accept."""

    def __init__(
        self, shop: Shop, draw: Draw, winner: Winner, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Voucher for {name}").format(name=winner.name), parent)
        name_cancel(self.buttons)
        self.shop = shop
        self.draw = draw
        self.winner = winner
        self.given: object = None
        self.form.addRow(_("Winner:"), QLabel(f"{number(winner.place)}. {winner.name}"))
        self.reward = RewardFields(self.form, shop.settings.get().currency)
        self.valid_days = valid_days_box(30)
        self.form.addRow(_("Valid &for:"), self.valid_days)
        self.reward.kind.setFocus()

    def submit(self) -> None:
        """Give the voucher through the core."""
        self.given = self.shop.draws.give_voucher(
            self.draw.id,
            self.winner.customer_id,
            valid_days=self.valid_days.value(),
            **self.reward.values(),  # type: ignore[arg-type]
        )
