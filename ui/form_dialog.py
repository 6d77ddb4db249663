"""A short dialog of fields that the core checks: refusals shown inline, in red, dialog kept open.

Subclasses add their rows to ``form`` and implement ``submit()``, which calls the core and
returns normally on success (the dialog then accepts) or raises ``ShopError`` (its translated
message is shown under the fields). Open with ``open()``: nothing blocks.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from shopcrm import ShopError
from ui.style import ERROR_STYLE


class FormDialog(QDialog):
    """A form that saves through the core and explains refusals inline."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """Do what the dialog is for through the core; raise ``ShopError`` to refuse."""
        raise NotImplementedError

    def save(self) -> None:
        """Submit; accept on success, show the refusal and stay open otherwise."""
        try:
            self.submit()
        except ShopError as error:
            self.refused(error)
            return
        self.accept()

    def refused(self, error: ShopError) -> None:
        """The core said no: show why, inline (a subclass may offer a way out instead)."""
        self.show_error(str(error))

    def show_error(self, message: str) -> None:
        """Show a refusal inline, in red."""
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        """Hide the refusal shown, if any."""
        self.error.hide()
        self.error.clear()
