"""The words of a print: one of the ready texts, or the owner's own, with placeholders.

The owner picks a ready text, changes it as they like, inserts a placeholder from the menu
({greeting}, {first_name}...), and may keep it as their own text for this kind of document. A
placeholder the documents do not know is named at once, under the text, and the preview waits
until it is mended; saving it is refused the same way (the core checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import InvalidInput, Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind
from shopcrm.documents.texts import ReadyText
from ui.style import ERROR_STYLE, HINT_STYLE

_OWN = "own"
_EACH_OCCASION = "each_occasion"


class TextEditor(QWidget):
    """Pick and edit the text printed; ``text()`` is what the print job gets."""

    changed = Signal()
    """The text changed (typed, picked or a placeholder inserted)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.kind = DocumentKind.THANK_YOU
        self._ready: list[ReadyText] = []

        self.choice = QComboBox()
        self.choice.setObjectName("printReadyText")
        self.choice.activated.connect(self._chosen)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("printText")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._typed)
        self.insert_button = QPushButton(_("Insert a pl&aceholder"))
        self.placeholders = QMenu(self.insert_button)
        for placeholder, meaning in shop.documents.placeholders():
            action = QAction(f"{placeholder}  —  {meaning}", self.placeholders)
            action.triggered.connect(lambda _c=False, p=placeholder: self.insert(p))
            self.placeholders.addAction(action)
        self.insert_button.setMenu(self.placeholders)
        self.save_button = QPushButton(_("&Keep as my text"))
        self.save_button.setToolTip(_("Print this text for this kind of document from now on"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("printTextMessage")
        self.message.setWordWrap(True)

        self.choice_label = QLabel(_("&Ready text"))
        self.choice_label.setBuddy(self.choice)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.choice_label, self.choice)
        buttons = QHBoxLayout()
        buttons.addWidget(self.insert_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.editor, 1)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self.set_kind(self.kind)

    # what the job gets -------------------------------------------------------------------

    def text(self) -> str | None:
        """The text to print: None leaves it to the documents (each occasion's own ready
        text, for occasion cards)."""
        if self.choice.currentData() == _EACH_OCCASION:
            return None
        return self.editor.toPlainText()

    def problem(self) -> str | None:
        """Why the text cannot be printed (an unknown placeholder), or None."""
        text = self.text()
        if text is None:
            return None
        try:
            self.shop.documents.check_text(text)
        except ShopError as error:
            return str(error)
        return None

    def about(self) -> str:
        """What the text is, for the contact log: the ready text's title, or "" for the
        owner's own words."""
        data = self.choice.currentData()
        for ready in self._ready:
            if ready.key == data and ready.text == self.editor.toPlainText():
                return ready.title
        return ""

    # changing it ---------------------------------------------------------------------------

    def set_kind(self, kind: DocumentKind) -> None:
        """Offer the texts of ``kind``: the owner's own first when they kept one."""
        self.kind = kind
        self._ready = self.shop.documents.ready_texts(kind) if kind != DocumentKind.LABELS else []
        self.setVisible(bool(self._ready))
        blocker = QSignalBlocker(self.choice)
        self.choice.clear()
        saved = self.shop.documents.saved_text(kind) if self._ready else None
        if kind is DocumentKind.OCCASION:
            self.choice.addItem(_("Each occasion's own ready text"), _EACH_OCCASION)
        if saved is not None:
            self.choice.addItem(_("My own text"), _OWN)
        for ready in self._ready:
            self.choice.addItem(ready.title, ready.key)
        del blocker
        self.choice.setCurrentIndex(0)
        self._chosen(0, saved)

    def choose(self, key: str) -> None:
        """Pick the ready text ``key`` ("welcome", "miss_you"), when ``kind`` has it."""
        index = self.choice.findData(key)
        if index >= 0:
            self.choice.setCurrentIndex(index)
            self._chosen(index)

    def set_text(self, text: str) -> None:
        """Put ``text`` in the editor (a print asked for with its own words)."""
        self.editor.setPlainText(text)

    def insert(self, placeholder: str) -> None:
        """Put ``placeholder`` where the cursor is."""
        self.editor.insertPlainText(placeholder)
        self.editor.setFocus()

    def save(self) -> None:
        """Keep the text as the owner's own for this kind (refused, named, when a placeholder
        is unknown)."""
        text = self.text()
        if text is None:
            return
        try:
            self.shop.documents.save_text(self.kind, text)
        except InvalidInput as error:
            self._say(str(error), error=True)
            return
        blocker = QSignalBlocker(self.choice)
        if self.choice.findData(_OWN) < 0:
            at = 1 if self.kind is DocumentKind.OCCASION else 0
            self.choice.insertItem(at, _("My own text"), _OWN)
        self.choice.setCurrentIndex(self.choice.findData(_OWN))
        del blocker
        self._say(_("Kept: this text is printed for this kind of document from now on."))

    def _chosen(self, index: int, saved: str | None = None) -> None:
        data = self.choice.itemData(index)
        each = data == _EACH_OCCASION
        self.editor.setReadOnly(each)
        self.insert_button.setEnabled(not each)
        self.save_button.setEnabled(not each)
        if each:
            words = _(
                "Each card takes the ready text of its occasion: a birthday, an anniversary, "
                "an engagement or a graduation. Choose a text below to print the same words on "
                "every card."
            )
        elif data == _OWN:
            words = saved if saved is not None else self.shop.documents.text_of(self.kind)
        else:
            words = next((r.text for r in self._ready if r.key == data), "")
        blocker = QSignalBlocker(self.editor)
        self.editor.setPlainText(words)
        del blocker
        self._typed()

    def _typed(self) -> None:
        problem = self.problem()
        if problem is not None:
            self._say(problem, error=True)
        else:
            self._say("")
        self.changed.emit()

    def _say(self, message: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.message.setText(message)
        self.message.setVisible(bool(message))
