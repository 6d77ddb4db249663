"""A customer's own data (KVKK, Article 11), from the Customers page's row menu: "Export this
customer's data…" (Ctrl+Shift+E: a JSON file or a readable PDF) and "Erase this customer…"
(Ctrl+Shift+Delete: their personal data goes, the shop's figures stay, after the word SİL /
ERASE is typed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.common.text import fold
from shopcrm.moving.erasing import Erased, erase_word
from ui.dialog_buttons import name_cancel
from ui.style import ERROR_STYLE

JSON_FILTER = "JSON (*.json)"
PDF_FILTER = "PDF (*.pdf)"


class EraseDialog(QDialog):
    """Asks for the word before a customer's personal data is erased; ``erased`` holds what
    the erasure did once it is done."""

    def __init__(self, shop: Shop, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.customer = customer
        self.erased: Erased | None = None
        self.setWindowTitle(_("Erase this customer"))
        word = erase_word()
        what = QLabel(
            _(
                "Erase {name}'s personal data for good? Their name, phone, e-mail, address, "
                "notes, tags, occasions and the texts of their contact log go; their consents "
                "are withdrawn and open vouchers voided. Their purchase amounts stay, without "
                "a name, so the shop's figures stay right. This cannot be undone; backups made "
                "before today still hold the data until they are replaced."
            ).format(name=customer.name)
        )
        what.setWordWrap(True)
        what.setObjectName("eraseWhat")
        self.word = QLineEdit()
        self.word.setObjectName("eraseWord")
        label = QLabel(_("&Type {word} to confirm:").format(word=word))
        label.setBuddy(self.word)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_cancel(self.buttons)
        self.erase_button = self.buttons.addButton(
            _("&Erase"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(label)
        layout.addWidget(self.word)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.word.textChanged.connect(self._typed)
        self.erase_button.clicked.connect(self.erase)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _typed(self, text: str) -> None:
        self.erase_button.setEnabled(fold(text.strip()) == fold(erase_word()))

    def erase(self) -> None:
        """Erase, if the word was typed; say why not otherwise."""
        try:
            self.erased = self.shop.erasure.erase(self.customer.id, self.word.text())
        except ShopError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


class CustomerDataActions:
    """The row menu's actions on the customer's own data, for a table of customers."""

    def __init__(
        self,
        shop: Shop,
        table: QWidget,
        current: Callable[[], Customer | None],
        erased: Callable[[Erased], None],
    ) -> None:
        self.shop = shop
        self.table = table
        self.current = current
        self.on_erased = erased
        self.file_dialog: QFileDialog | None = None
        self.erase_dialog: EraseDialog | None = None
        self.message: QMessageBox | None = None
        self.export_action = QAction(_("Export this customer's data…"), table)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.erase_action = QAction(_("Erase this customer…"), table)
        self.erase_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        for action in (self.export_action, self.erase_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            table.addAction(action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.export_action.triggered.connect(self.ask_where)
        self.erase_action.triggered.connect(self.ask_erase)

    def ask_where(self) -> None:
        """Ask where to save the selected customer's data (JSON or PDF), then save it."""
        customer = self.current()
        if customer is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = _("data of customer {id}").format(id=customer.id) + ".pdf"
        dialog = QFileDialog(
            self.table,
            _("Save {name}'s data").format(name=customer.name),
            str(Path(folder) / name),
            ";;".join((PDF_FILTER, JSON_FILTER)),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix("json" if chosen == JSON_FILTER else "pdf")
        )
        dialog.fileSelected.connect(lambda path: self.save(customer, path))
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def save(self, customer: Customer, path: str | Path) -> None:
        """Save ``customer``'s data to ``path``: JSON for a .json file, PDF otherwise."""
        target = Path(path)
        try:
            if target.suffix.lower() == ".json":
                self.shop.customer_data.write_json(customer.id, target)
            else:
                self.shop.customer_data.write_pdf(customer.id, target)
        except ShopError as error:
            self._tell(QMessageBox.Icon.Warning, str(error))
            return
        self._tell(
            QMessageBox.Icon.Information,
            _("{name}'s data was saved to {path}. The request is logged.").format(
                name=customer.name, path=target
            ),
        )

    def ask_erase(self) -> None:
        """Open the erase confirmation for the selected customer."""
        customer = self.current()
        if customer is None:
            return
        dialog = EraseDialog(self.shop, customer, self.table)
        dialog.accepted.connect(lambda: self._erased(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "erase_dialog", None))
        self.erase_dialog = dialog
        dialog.open()

    def _erased(self, dialog: EraseDialog) -> None:
        if dialog.erased is not None:
            self.on_erased(dialog.erased)
            self._tell(
                QMessageBox.Icon.Information,
                _("The customer's personal data was erased; they are now “{name}”.").format(
                    name=dialog.erased.name
                ),
            )

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(
            icon, _("Customer's data"), text, QMessageBox.StandardButton.Ok, self.table
        )
        self.message = box
        box.open()
