"""The Customers page's ways in and out: Import customers… (Ctrl+I) and Export… (Ctrl+E), with
the dialogs they open."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from shopcrm import Shop
from shopcrm.common.i18n import _
from ui.moving.export_dialog import ExportDialog
from ui.moving.import_dialog import ImportDialog


class MovingActions(QObject):
    """The two buttons (added to ``row``), their keys on ``page``, and the dialogs they open."""

    imported = Signal()
    """Customers landed: the list is read again."""

    def __init__(self, page: QWidget, shop: Shop, row: QBoxLayout) -> None:
        super().__init__(page)
        self._page = page
        self._shop = shop
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.import_button = QPushButton(_("I&mport customers…"))
        self.import_button.setToolTip(_("From a CSV, XLSX or vCard file (Ctrl+I)"))
        self.export_button = QPushButton(_("E&xport…"))
        self.export_button.setToolTip(
            _("Customers, purchases, the contact log or a mailing list to a file (Ctrl+E)")
        )
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        self.import_button.clicked.connect(self.import_customers)
        self.export_button.clicked.connect(self.open_export)
        QShortcut(QKeySequence("Ctrl+I"), page, self.import_customers)
        QShortcut(QKeySequence("Ctrl+E"), page, self.open_export)

    def import_customers(self) -> None:
        """Open the import wizard (once at a time)."""
        if self.import_dialog is not None and self.import_dialog.isVisible():
            return
        self.import_dialog = ImportDialog(self._shop, self._page)
        self.import_dialog.imported.connect(self.imported)
        self.import_dialog.open()

    def open_export(self) -> None:
        """Open the Export dialog (customers, purchases, contact log, mailing list)."""
        self.export_dialog = ExportDialog(self._shop, self._page)
        self.export_dialog.open()
