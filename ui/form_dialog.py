"""A short dialog of fields that the core checks: refusals shown inline, in red, dialog kept open.

Subclasses add their rows to ``form`` (with ``add_field`` for a field the core may refuse by
name) and implement ``submit()``, which calls the core and returns normally on success (the
dialog then accepts) or raises ``ShopError``. A refusal that names its fields
(``InvalidInput.fields``) is shown under each field, and the first of them takes the focus;
any other refusal is shown under the fields. Open with ``open()``: nothing blocks.
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

from shopcrm import InvalidInput, ShopError
from shopcrm.common.i18n import _
from ui.style import ERROR_STYLE


class FormDialog(QDialog):
    """A form that saves through the core and explains refusals inline."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.error = error_label("formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        label_cancel(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        """Add a row for the core's keyword argument ``key``; its refusals show under it."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        message = error_label(f"{key}Error")
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        self.form.addRow(caption, cell)
        self._fields[key] = (widget, message)

    def field_keys(self) -> list[str]:
        """The keys of the fields added with ``add_field``, in the form's order."""
        return list(self._fields)

    def field_error(self, key: str) -> QLabel:
        """The label that shows the refusal of field ``key``."""
        return self._fields[key][1]

    def submit(self) -> None:
        """Do what the dialog is for through the core; raise ``ShopError`` to refuse."""
        raise NotImplementedError

    def save(self) -> None:
        """Submit; accept on success, show the refusal and stay open otherwise."""
        self.clear_error()
        try:
            self.submit()
        except ShopError as error:
            self.refused(error)
            return
        self.accept()

    def refused(self, error: ShopError) -> None:
        """The core said no: show why, inline (a subclass may offer a way out instead)."""
        named = error.fields if isinstance(error, InvalidInput) else {}
        elsewhere = [message for key, message in named.items() if key not in self._fields]
        if named and not elsewhere:
            first = None
            for key, (widget, message) in self._fields.items():
                if key in named:
                    message.setText(named[key])
                    message.show()
                    first = first or widget
            if first is not None:
                first.setFocus()
            return
        self.show_error(str(error))

    def show_error(self, message: str) -> None:
        """Show a refusal inline, in red."""
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        """Hide the refusals shown, if any."""
        self.error.hide()
        self.error.clear()
        for _widget, message in self._fields.values():
            message.hide()
            message.clear()


def error_label(name: str) -> QLabel:
    """A hidden label for a refusal, in red, wrapping."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def label_cancel(buttons: QDialogButtonBox) -> None:
    """Label a box's Cancel button "Vazgeç" in Turkish, not Qt's "İptal", which the app uses
    for voiding a purchase or a voucher."""
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if cancel is not None:
        cancel.setText(_("Cancel"))
