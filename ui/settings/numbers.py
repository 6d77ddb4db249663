"""The Numbers part of the Settings page: the limits of the segments (new, at risk, VIP; lapsed
follows the first win-back call) and of three numbers (the repeat window, the years of the
lifetime value estimate, the target for answering complaints). Saved with the rest of the page;
the core refuses limits that contradict each other (docs/segments.md)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from shopcrm.common.formatting import amount_input, number
from shopcrm.common.i18n import _, babel_locale, ngettext
from shopcrm.common.preferences import DAY_COUNTS, WHOLE_COUNTS, Settings
from ui.signed_box import SignedBox
from ui.style import HINT_STYLE, bold


def _spin(bounds: tuple[int, int], suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setLocale(QLocale(babel_locale()))
    box.setRange(*bounds)
    box.setSuffix(" " + suffix)
    return box


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class NumberSettings(QGroupBox):
    """Spin boxes for the day, visit and year limits, a box for the VIP amount."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Numbers"), parent)
        days, visits, years = _("days"), _("visits"), _("years")
        self.boxes: dict[str, QSpinBox] = {
            "segment_at_risk_days": _spin(DAY_COUNTS["segment_at_risk_days"], days),
            "segment_new_days": _spin(DAY_COUNTS["segment_new_days"], days),
            "segment_vip_visits": _spin(WHOLE_COUNTS["segment_vip_visits"], visits),
            "repeat_window_days": _spin(DAY_COUNTS["repeat_window_days"], days),
            "clv_years": _spin(WHOLE_COUNTS["clv_years"], years),
            "complaint_target_days": _spin(DAY_COUNTS["complaint_target_days"], days),
        }
        self.vip_spent = QLineEdit()
        self.vip_spent.setObjectName("vipSpent")
        self.vip_spent.setMaximumWidth(
            self.vip_spent.fontMetrics().horizontalAdvance("9.999.999,99") + 24
        )
        self.vip_spent_row = SignedBox(self.vip_spent)
        self.lapsed = _hint()
        self.lapsed.setObjectName("segmentLapsed")

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(bold(QLabel(_("Segments"))))
        form.addRow(
            _hint(
                _(
                    "Each customer is in one segment: the first of these that holds. "
                    "Away means days since the last visit (or since joining, without one)."
                )
            )
        )
        form.addRow(self.lapsed)
        form.addRow(_("At risk: away at least"), self.boxes["segment_at_risk_days"])
        form.addRow(_("New: joined within"), self.boxes["segment_new_days"])
        form.addRow(_("VIP: at least"), self.boxes["segment_vip_visits"])
        form.addRow(_("… or spent at least"), self.vip_spent_row)
        form.addRow(bold(QLabel(_("Customer numbers"))))
        form.addRow(_("Repeat customer: back within"), self.boxes["repeat_window_days"])
        form.addRow(_("Lifetime value over"), self.boxes["clv_years"])
        form.addRow(_("Complaints answered within"), self.boxes["complaint_target_days"])

    def show_settings(self, settings: Settings) -> None:
        """Show the limits as they are set."""
        for name, box in self.boxes.items():
            box.setValue(int(getattr(settings, name)))
        self.vip_spent.setText(amount_input(settings.segment_vip_spent))
        self.vip_spent_row.show_money(settings.currency)
        self.show_lapsed_days(settings.lapsed_first_days)

    def show_lapsed_days(self, days: int) -> None:
        """Say when a customer is lapsed: the first win-back call's days, set above."""
        self.lapsed.setText(
            ngettext(
                "Lapsed: away at least {n} day (the first win-back call, above)",
                "Lapsed: away at least {n} days (the first win-back call, above)",
                days,
            ).format(n=number(days))
        )

    def values(self) -> dict[str, object]:
        """The limits, as keyword arguments for ``shop.settings.update``."""
        return {
            **{name: box.value() for name, box in self.boxes.items()},
            "segment_vip_spent": self.vip_spent.text().strip(),
        }
