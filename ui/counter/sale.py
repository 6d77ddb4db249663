"""The Counter's sale: the amount, a note, the Log button, what is left to pay, and refusals.

The amount box speaks the language: its example reads "1.250,50" in Turkish and "1,250.50" in
English, and the decimal key of the number pad types the language's decimal mark.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from shopcrm.common.formatting import amount_input
from shopcrm.common.i18n import _
from ui.form_dialog import error_label
from ui.style import ERROR_STYLE

PREVIEW_STYLE = "color: #1b5e20; font-weight: bold;"
_DECIMAL_KEYS = {Qt.Key.Key_Period, Qt.Key.Key_Comma}


def decimal_mark() -> str:
    """The decimal mark of the current language ("," in Turkish, "." in English)."""
    return amount_input(50)[-3]


class SaleForm(QWidget):
    """Amount, note and the Log button; Enter in either box asks to log."""

    log_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QLineEdit()
        self.amount.setObjectName("counterAmount")
        self.amount.setPlaceholderText(_("e.g. {amount}").format(amount=amount_input(125050)))
        font = self.amount.font()
        font.setPointSize(font.pointSize() + 3)
        self.amount.setFont(font)
        self.amount.returnPressed.connect(self.log_requested)
        self.amount.textEdited.connect(lambda _text: self.clear_error())
        self.amount.installEventFilter(self)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional"))
        self.note.returnPressed.connect(self.log_requested)
        self.log_button = QPushButton(_("&Log purchase"))
        self.log_button.clicked.connect(self.log_requested)

        self.error = error_label("counterError")
        self.preview = QLabel()
        self.preview.setObjectName("counterPreview")
        self.preview.setStyleSheet(PREVIEW_STYLE)
        self.preview.setWordWrap(True)
        self.preview.hide()

        amount_label = QLabel(_("&Amount:"))
        amount_label.setBuddy(self.amount)
        note_label = QLabel(_("No&te:"))
        note_label.setBuddy(self.note)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(amount_label, 0, 0)
        grid.addWidget(self.amount, 0, 1)
        grid.addWidget(self.log_button, 0, 2)
        grid.addWidget(self.preview, 1, 1, 1, 2)
        grid.addWidget(self.error, 2, 1, 1, 2)
        grid.addWidget(note_label, 3, 0)
        grid.addWidget(self.note, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The number pad's decimal key types the language's decimal mark in the amount."""
        if (
            watched is self.amount
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() & Qt.KeyboardModifier.KeypadModifier
            and event.key() in _DECIMAL_KEYS
        ):
            self.amount.insert(decimal_mark())
            return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Empty the boxes and hide the messages (a new customer, or a purchase logged).

        ``setText`` rather than ``clear``: it also forgets the boxes' own undo, so that Ctrl+Z
        then means the purchase just logged.
        """
        self.amount.setText("")
        self.note.setText("")
        self.clear_error()

    def show_error(self, message: str) -> None:
        """Show a refusal under the amount."""
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        """Hide the refusal shown, if any."""
        self.error.hide()
        self.error.clear()

    def show_preview(self, text: str, error: bool = False) -> None:
        """Show what the ticked rewards do to the amount (in red when they cannot be used)."""
        self.preview.setStyleSheet(ERROR_STYLE if error else PREVIEW_STYLE)
        self.preview.setText(text)
        self.preview.show()

    def hide_preview(self) -> None:
        """Nothing to preview."""
        self.preview.hide()
