"""F1: a short help page in the app's language: the counter's keys, how rewards work, and where
the shop's data and backups are (the real paths of the database open now)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from shopcrm.common.i18n import _
from shopcrm.storage.backups import backup_folder


def counter_keys() -> list[tuple[str, str]]:
    """The counter's keys and what each does, translated."""
    return [
        (_("type"), _("search by any part of the name or phone")),
        (_("↑ ↓ Enter"), _("pick a customer; the amount box takes the focus")),
        (_("amount, Enter"), _("log the purchase")),
        (_("Ctrl+Z"), _("void the purchase just logged")),
        (_("Alt+1 … Alt+9"), _("tick the customer's 1st … 9th reward to use with this purchase")),
        (_("Ctrl+N"), _("add a new customer with what you typed")),
        (_("Esc"), _("back to the search box")),
        (_("Ctrl+P"), _("print the voucher just earned, or a thank-you card")),
        (
            _("Ctrl+1 … Ctrl+7"),
            _("Counter, Customers, Rewards, Settings, Occasions & calls, Print, Numbers"),
        ),
        (_("F1"), _("this help")),
        (_("Ctrl+Q"), _("quit ShopCRM")),
    ]


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _paragraph(text: str, path: Path | None = None) -> str:
    where = f"<br><code>{escape(str(path))}</code>" if path is not None else ""
    return f"<p>{escape(text)}{where}</p>"


def help_html(database: Path) -> str:
    """The help page as rich text, naming ``database`` and its backups folder."""
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{escape(key)}</b></td><td>{escape(what)}</td></tr>"
        for key, what in counter_keys()
    )
    return "".join(
        [
            _heading(_("At the counter")),
            f"<table cellspacing='2'>{rows}</table>",
            _paragraph(
                _(
                    "Before anyone types, the list shows the customers served today first, then "
                    "the most recent ones."
                )
            ),
            _heading(_("How rewards work")),
            _paragraph(
                _(
                    "The rules on the Rewards page (a discount every 4th visit, a voucher for what "
                    "is spent, a birthday treat…) issue rewards by themselves when a purchase "
                    "earns them, each with a voucher code. The customer's rewards show at the "
                    "counter: tick one (Alt+1…) to use it with the purchase, or type or scan its "
                    "code into the search box. A code is used once; voiding a purchase takes "
                    "back an unused reward it earned."
                )
            ),
            _paragraph(
                _(
                    "What counts as a visit is set in Settings: each day with a purchase "
                    "(several purchases on the same day are one visit), or each purchase."
                )
            ),
            _heading(_("Your data and backups")),
            _paragraph(_("All the shop's data is in one file:"), database),
            _paragraph(
                _(
                    "A copy is made once a day, when ShopCRM opens (the last 14 are kept), and "
                    "before every update of the file, in:"
                ),
                backup_folder(database),
            ),
            _paragraph(_("Copy this folder to a USB stick or another disk from time to time.")),
        ]
    )


class HelpDialog(QDialog):
    """The help page: rich text to read, closed with Esc or Enter."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ShopCRM help"))
        self.text = QTextBrowser()
        self.text.setObjectName("helpText")
        self.text.setOpenLinks(False)
        self.text.setHtml(help_html(database))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
            close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(680, 620)
        self.text.setFocus()
