"""The settings that count days: how far ahead occasions are listed, the notice before each kind
of occasion, when a customer away is called to win them back, when a reward about to expire is
a reason to call."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFormLayout, QGroupBox, QSpinBox, QWidget

from shopcrm.common.i18n import _, babel_locale
from shopcrm.common.preferences import DAY_COUNTS, Settings


def day_setting_titles() -> dict[str, str]:
    """The label of each day-count setting, translated, in the order they are shown."""
    return {
        "upcoming_days": _("&Upcoming occasions, days ahead:"),
        "notice_birthday": _("Notice before a &birthday:"),
        "notice_wedding": _("… a wedding anniversar&y:"),
        "notice_engagement": _("… an &engagement anniversary:"),
        "notice_child_birthday": _("… a child's birt&hday:"),
        "notice_child_graduation": _("… a child's &graduation:"),
        "notice_name_day": _("… a na&me day:"),
        "notice_other": _("… any other occas&ion:"),
        "lapsed_first_days": _("Call to win back after (&days away):"),
        "lapsed_second_days": _("… and again after:"),
        "lapsed_third_days": _("… and last after:"),
        "expiring_reward_days": _("Call about rewards e&xpiring within:"),
    }


class DaySettings(QGroupBox):
    """One box of day counts per setting, bounded as the core bounds them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Occasions and calls"), parent)
        self.boxes: dict[str, QSpinBox] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for name, title in day_setting_titles().items():
            low, high = DAY_COUNTS[name]
            box = QSpinBox()
            box.setLocale(QLocale(babel_locale()))
            box.setRange(low, high)
            box.setSuffix(" " + _("days"))
            form.addRow(title, box)
            self.boxes[name] = box

    def show_settings(self, settings: Settings) -> None:
        """Show the day counts as they are set."""
        for name, box in self.boxes.items():
            box.setValue(int(getattr(settings, name)))

    def values(self) -> dict[str, int]:
        """The day counts, as keyword arguments for ``shop.settings.update``."""
        return {name: box.value() for name, box in self.boxes.items()}
