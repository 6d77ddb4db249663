"""Ask the shopkeeper before a change the core wants agreed (``NeedsConfirmation``).

The question never blocks: the box is opened with ``open()`` and the answer runs a callback, so
the counter and the tests keep going. Cancel reads "Vazgeç", never "İptal" (which is "void").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from shopcrm.common.i18n import _


class Question(QMessageBox):
    """A yes-or-cancel question; ``on_yes`` runs if the answer is yes. Enter alone and Esc
    both mean Cancel: agreeing takes a deliberate choice."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        message: str,
        yes_text: str,
        on_yes: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title)
        self.setText(message)
        self.yes_button = self.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        self.no_button = self.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.no_button)
        self.setEscapeButton(self.no_button)
        self._on_yes = on_yes
        self.finished.connect(self._answered)

    def _answered(self) -> None:
        if self.clickedButton() is self.yes_button:
            self._on_yes()


def ask(
    parent: QWidget, title: str, message: str, yes_text: str, on_yes: Callable[[], None]
) -> Question:
    """Open the question without blocking; keep the returned box (tests answer it)."""
    question = Question(parent, title, message, yes_text, on_yes)
    question.open()
    return question
