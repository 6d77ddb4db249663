"""A "Print…" button with a menu of what can be printed from where it stands (a customer's
thank-you card, loyalty card, letter...): each entry asks for a print job."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from shopcrm.documents.kinds import DocumentKind, kind_titles


class PrintMenuButton(QPushButton):
    """A button whose menu lists ``kinds``; ``chosen`` tells the kind picked."""

    chosen = Signal(object)
    """The ``DocumentKind`` picked from the menu."""

    def __init__(
        self, text: str, kinds: Iterable[DocumentKind], parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self.menu_ = QMenu(self)
        titles = kind_titles()
        for kind in kinds:
            action = QAction(titles[kind], self.menu_)
            action.triggered.connect(lambda _c=False, k=kind: self.chosen.emit(k))
            self.menu_.addAction(action)
        self.setMenu(self.menu_)
