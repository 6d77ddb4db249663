"""One occasion of a customer, added or changed in a short form.

The kind decides what else is asked: "Other" asks for its name; a birthday or a name day comes
every year, so "Once" is offered only for the kinds that may come once. The notice box starts at
the kind's days from the settings ("as set: 7 days") and may give the occasion its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop
from shopcrm.common.i18n import _, ngettext
from shopcrm.people.occasion_checks import EVERY_YEAR, MAX_NOTICE, OccasionKind
from shopcrm.people.occasion_texts import kind_name
from shopcrm.people.occasions import Occasion
from ui.form_dialog import FormDialog
from ui.style import HINT_STYLE

_AS_SET = -1
"""The notice box's lowest value: no notice of its own, the settings' days hold."""


class OccasionDialog(FormDialog):
    """Add an occasion for ``customer``, or change ``occasion`` when given. After accept,
    ``.occasion`` is what was saved."""

    def __init__(
        self,
        shop: Shop,
        customer: Customer,
        occasion: Occasion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Change occasion") if occasion else _("New occasion")
        super().__init__(f"{title} — {customer.name}", parent)
        self.shop = shop
        self.customer = customer
        self.occasion = occasion
        self._settings = shop.settings.get()

        self.kind = QComboBox()
        for kind in OccasionKind:
            self.kind.addItem(kind_name(kind), kind.value)
        self.whose = QLineEdit()
        self.whose.setPlaceholderText(_("empty for the customer; e.g. “kızı Elif”"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(_("e.g. Shop opening"))
        self.on = QLineEdit()
        self.on.setPlaceholderText(_("e.g. 15.03 or 15.03.1980"))
        self.date_help = QLabel(
            _(
                "The year is optional for a yearly date; with it, the age or the anniversary is "
                "counted. 29 February is kept on 28 February in a year without one."
            )
        )
        self.date_help.setWordWrap(True)
        self.date_help.setStyleSheet(HINT_STYLE)
        self.yearly = QRadioButton(_("Every &year"))
        self.once = QRadioButton(_("&Once"))
        self.yearly.setChecked(True)
        self._repeat = QButtonGroup(self)
        self._repeat.addButton(self.yearly)
        self._repeat.addButton(self.once)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("e.g. çiçek gönder"))
        self.notice = QSpinBox()
        self.notice.setRange(_AS_SET, MAX_NOTICE)
        self.notice.setValue(_AS_SET)
        self.notice.setSuffix(_(" days before"))

        self.add_field("kind", _("&Kind of occasion:"), self.kind)
        self.add_field("whose", _("&Whose:"), self.whose)
        self._label_row = self.form.rowCount()  # the row of the occasion's name
        self.add_field("label", _("Na&me:"), self.label)
        self.add_field("on", _("&Date:"), self._date_cell())
        self.add_field("yearly", "", self._repeat_cell())
        self.add_field("note", _("No&te:"), self.note)
        self.add_field("notice_days", _("&Notice:"), self.notice)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        if occasion is not None:
            self._fill(occasion)
        self._kind_changed()
        self.kind.setFocus()

    def _date_cell(self) -> QWidget:
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.on)
        column.addWidget(self.date_help)
        self.form.setFieldGrowthPolicy(self.form.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return cell

    def _repeat_cell(self) -> QWidget:
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.yearly)
        row.addWidget(self.once)
        row.addStretch(1)
        return cell

    def _fill(self, occasion: Occasion) -> None:
        self.kind.setCurrentIndex(self.kind.findData(occasion.kind.value))
        self.whose.setText(occasion.whose)
        self.label.setText(occasion.label)
        self.on.setText(occasion.typed)
        self.once.setChecked(not occasion.yearly)
        self.yearly.setChecked(occasion.yearly)
        self.note.setText(occasion.note)
        self.notice.setValue(_AS_SET if occasion.notice_days is None else occasion.notice_days)

    def current_kind(self) -> OccasionKind:
        """The kind chosen."""
        return OccasionKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.form.setRowVisible(self._label_row, kind is OccasionKind.OTHER)
        every_year = kind in EVERY_YEAR
        self.once.setEnabled(not every_year)
        if every_year:
            self.yearly.setChecked(True)
        days = getattr(self._settings, f"notice_{kind.value}")
        self.notice.setSpecialValueText(
            ngettext("as set: {n} day before", "as set: {n} days before", days).format(n=days)
        )

    def values(self) -> dict[str, object]:
        """What the form holds, as keyword arguments for the core."""
        notice = self.notice.value()
        kind = self.current_kind()
        return {
            "kind": kind.value,
            "whose": self.whose.text(),
            "label": self.label.text() if kind is OccasionKind.OTHER else "",
            "on": self.on.text(),
            "yearly": self.yearly.isChecked(),
            "note": self.note.text(),
            "notice_days": None if notice == _AS_SET else notice,
        }

    def submit(self) -> None:
        """Add or change the occasion through the core."""
        if self.occasion is not None:
            self.occasion = self.shop.occasions.update(self.occasion.id, **self.values())
        else:
            self.occasion = self.shop.occasions.add(
                self.customer.id,
                **self.values(),  # type: ignore[arg-type]
            )
