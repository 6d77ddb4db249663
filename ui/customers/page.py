"""The Customers page: every customer in one sortable table, filtered as you type.

The table reads the customers a page at a time as it scrolls (``ui.customers.model``), in the
order of the heading clicked; Down or Enter in the filter box moves into the list, Enter on a row
opens the customer.

From here the owner adds a customer (Ctrl+N), opens one to change their details, and archives
customers who should no longer appear at the counter (their history is kept), or brings them
back. The table sits in a splitter, so that a panel of the selected customer can go under it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop, ShopError
from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _, ngettext
from shopcrm.documents.kinds import DocumentKind
from shopcrm.people.records import CustomerLine
from ui.care.contact_log import ContactLogDialog
from ui.care.customer_occasions import CustomerOccasionsDialog
from ui.column_widths import ColumnWidths
from ui.customer_form import CustomerFormDialog
from ui.customers.filter_bar import CustomersFilterBar
from ui.customers.merge_dialog import MergeAction
from ui.customers.model import (
    EMAIL,
    LAST_VISIT,
    NAME,
    PHONE,
    SEGMENT,
    SINCE,
    SPENT,
    TAGS,
    VISITS,
    CustomersModel,
)
from ui.customers.moving_actions import MovingActions
from ui.keys import ENTER, on_keys
from ui.lazy_page import ReloadWhenShown
from ui.moving.customer_data import CustomerDataActions
from ui.printing.menu import CUSTOMER_KINDS, PrintMenuButton, customer_job
from ui.purchase_history import PurchaseHistory
from ui.style import ERROR_STYLE

HISTORY_SHOWN = 200
"""The newest purchases shown for the selected customer."""

# Starting column widths, in average characters of the table's font.
_COLUMN_CHARS = {
    NAME: 24,
    PHONE: 17,
    EMAIL: 28,
    TAGS: 10,
    VISITS: 7,
    SPENT: 13,
    LAST_VISIT: 13,
    SINCE: 13,
    SEGMENT: 12,
}


class CustomersPage(ReloadWhenShown):
    """The list of all customers: filter, sort, open to edit, archive and bring back."""

    changed = Signal()
    """Emitted after the page changed a customer (edited, archived or brought back)."""
    print_requested = Signal(object)
    """A ``PrintJob`` for the selected customer (the Print… menu)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.form: CustomerFormDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.occasions_dialog: CustomerOccasionsDialog | None = None

        self.model = CustomersModel(shop.customer_list, self)
        self.proxy = self.model
        """The table's model (there is no proxy any more: the core sorts and filters)."""
        self._kept: int | None = None
        self._newest_before = 0
        self.top = CustomersFilterBar(shop, self.model)
        self.filter = self.top.filter
        self.segment = self.top.segment
        self.show_archived = self.top.show_archived
        self.new_button = self.top.new_button
        top_row = self.top.layout()
        assert isinstance(top_row, QBoxLayout)
        self.moving = MovingActions(self, shop, top_row)  # Import… (Ctrl+I), Export… (Ctrl+E)
        self.moving.imported.connect(self.reload)
        self.moving.imported.connect(self.changed)
        self.table = self._make_table()
        self.data_actions = CustomerDataActions(
            shop, self.table, self.current_customer, self._erased
        )

        self.count = QLabel()
        self.error = QLabel()
        self.error.setObjectName("pageError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.edit_button = QPushButton(_("&Edit…"))
        self.archive_button = QPushButton(_("A&rchive"))
        self.log_button = QPushButton(_("Contact &log…"))
        self.log_button.setToolTip(_("Calls, cards, gifts, complaints... of the selected customer"))
        self.log_dialog: ContactLogDialog | None = None
        self.occasions_button = QPushButton(_("O&ccasions…"))
        self.occasions_button.setToolTip(
            _("The selected customer's birthdays, anniversaries and other dates")
        )
        self.print_button = PrintMenuButton(_("Pr&int…"), CUSTOMER_KINDS)
        self.print_button.setToolTip(_("A card, a letter or a voucher for the selected customer"))
        self.print_button.chosen.connect(self.print_current)
        self.merge = MergeAction(self, shop, self.current_customer)  # Merge… (Ctrl+M)
        self.history = PurchaseHistory(shop, limit=HISTORY_SHOWN)
        self.history.title.setText(_("&Purchases of the selected customer"))
        self.history.changed.connect(self._history_changed)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.table)
        self.split.addWidget(self.history)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.log_button)
        bottom.addWidget(self.occasions_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.merge.button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.top)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        self.top.applied.connect(self._update_count)
        self.top.into_list.connect(self.focus_list)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.show_archived.toggled.connect(self.refresh)
        self.table.doubleClicked.connect(self.edit_current)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.new_button.clicked.connect(self.add_customer)
        self.edit_button.clicked.connect(self.edit_current)
        self.archive_button.clicked.connect(self.archive_current)
        self.log_button.clicked.connect(self.open_contact_log)
        self.occasions_button.clicked.connect(self.open_occasions)
        QShortcut(QKeySequence.StandardKey.Find, self, self.top.focus_filter)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_customer)
        self.merge.changed.connect(self.reload)
        self.merge.changed.connect(self.changed)
        on_keys(self.table, ENTER, self.edit_current)
        on_keys(self.table, [Qt.Key.Key_Delete], self.archive_current)
        self.reload()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        # A wide window gives its spare width to the names and e-mails; a narrow one scrolls.
        self.column_widths = ColumnWidths(table, _COLUMN_CHARS, sharing=(NAME, EMAIL))
        return table

    def reload(self) -> None:
        """Read what the page shows from the shop, keeping the selection."""
        self.model.set_look(self.shop.settings.get().currency, self.shop.segments.limits())
        archived = self.show_archived.isChecked()
        if self.model.query().include_archived != archived:
            self.model.change_query(include_archived=archived)
        else:
            self.model.reload()
        self.top.reapply()
        self.error.hide()
        self._update_count()
        self._update_buttons()

    def current_line(self) -> CustomerLine | None:
        """The selected row, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        try:
            return self.model.line(index.row())
        except IndexError:
            return None

    def selected_customer_ids(self) -> list[int]:
        """The customers of the selected rows, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.line(row).id for row in rows]

    def focus_list(self) -> None:
        """Move into the list from the filter box (Down, Enter): the current row, else the
        first one, is selected."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def current_customer(self) -> Customer | None:
        """The customer of the selected row, as the shop has them now."""
        line = self.current_line()
        if line is None:
            return None
        try:
            return self.shop.customers.get(line.id)
        except ShopError as error:
            self._show_error(str(error))
            return None

    def add_customer(self) -> None:
        """Open the customer form for a new customer; the one added is selected in the list."""
        if self.form is not None and self.form.isVisible():
            return
        self.form = CustomerFormDialog(self.shop, self)
        self._newest_before = self.shop.customer_list.newest_id()
        form = self.form
        form.accepted.connect(lambda: self._added(form))
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    def _added(self, form: CustomerFormDialog) -> None:
        customer = form.customer
        if customer is None:
            return
        known = customer.id <= self._newest_before  # "use the existing customer"
        if self.filter.text():
            self.filter.clear()  # it might hide the customer just added
            self.top.apply_text()
        if self.top.chosen_segment() is not None:
            self.top.segment.setCurrentIndex(0)  # so might the segment: all are shown again
        self.reload()
        self._select(customer.id)
        self.table.setFocus()
        if not known:
            self.changed.emit()

    def _form_closed(self, form: CustomerFormDialog) -> None:
        if self.form is form:
            self.form = None

    def edit_current(self) -> None:
        """Open the selected customer in the customer form; the row shows what was saved."""
        customer = self.current_customer()
        if customer is None:
            return
        self.form = CustomerFormDialog(self.shop, self, customer=customer)
        form = self.form
        form.accepted.connect(lambda: self._saved(form))
        form.open()

    def open_contact_log(self) -> None:
        """Open the selected customer's contact log in a window of its own."""
        customer = self.current_customer()
        if customer is not None:
            self.log_dialog = ContactLogDialog(self.shop, customer, self)
            self.log_dialog.open()

    def open_occasions(self) -> None:
        """Open the selected customer's occasions, to add, change or remove them."""
        customer = self.current_customer()
        if customer is None:
            return
        dialog = CustomerOccasionsDialog(self.shop, customer, self)
        self.occasions_dialog = dialog
        dialog.changed.connect(self.changed)

        def done(_result: int) -> None:
            self.occasions_dialog = None
            self.table.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def _erased(self, _erased: object) -> None:
        self.reload()
        self.changed.emit()

    def print_current(self, kind: DocumentKind) -> None:
        """Ask the Print page for ``kind`` for the selected customer."""
        customer = self.current_customer()
        if customer is None:
            return
        try:
            self.print_requested.emit(customer_job(self.shop, customer, kind))
        except ShopError as error:
            self._show_error(str(error))

    def archive_current(self) -> None:
        """Archive the selected customer after asking, or bring back an archived one."""
        customer = self.current_customer()
        if customer is None:
            return
        if customer.archived:
            self._set_archived(customer, archived=False)
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Archive customer"))
        box.setText(
            _(
                "Archive {name}? Their history is kept; they no longer appear at the counter."
            ).format(name=customer.name)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Archive"))
        box.button(QMessageBox.StandardButton.No).setText(_("Keep"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._archive_answered(box, customer))
        self.confirm_box = box
        box.open()

    def _archive_answered(self, box: QMessageBox, customer: Customer) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._set_archived(customer, archived=True)
        self.confirm_box = None

    def _set_archived(self, customer: Customer, archived: bool) -> None:
        try:
            if archived:
                self.shop.customers.archive(customer.id)
            else:
                self.shop.customers.unarchive(customer.id)
        except ShopError as error:
            self._show_error(str(error))
            return
        self.model.reload()
        self._update_count()
        self._update_buttons()
        self.changed.emit()

    def _saved(self, form: CustomerFormDialog) -> None:
        if form.customer is not None:
            self.model.reload()  # the row moves to its place in the order, still selected
            self._update_buttons()
            self.changed.emit()
        self.form = None

    def _select(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is None:
            return
        index = self.model.index(row, NAME)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def _update_count(self) -> None:
        total = self.model.total()
        shown = self.model.rowCount()
        if shown == total:
            text = ngettext("{n} customer", "{n} customers", total).format(n=fmt.number(total))
        else:
            text = ngettext("{shown} of {n} customer", "{shown} of {n} customers", total).format(
                shown=fmt.number(shown), n=fmt.number(total)
            )
        self.count.setText(text)

    def _history_changed(self) -> None:
        """A purchase was voided or corrected: the customers' figures follow at once."""
        self.reload()
        self.changed.emit()

    def _update_buttons(self, *_args: QModelIndex) -> None:
        line = self.current_line()
        shown = line.id if line is not None else None
        if shown != self.history.customer_id:
            self.history.show_customer(shown)
        self.edit_button.setEnabled(line is not None)
        self.log_button.setEnabled(line is not None)
        self.occasions_button.setEnabled(line is not None)
        self.print_button.setEnabled(line is not None)
        self.merge.button.setEnabled(line is not None)
        self.archive_button.setEnabled(line is not None)
        if line is not None and line.archived:
            self.archive_button.setText(_("&Unarchive"))
        else:
            self.archive_button.setText(_("A&rchive"))

    def _keep_selection(self) -> None:
        line = self.current_line()
        self._kept = line.id if line is not None else None

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            self._select(kept)

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page clears its error: it was about what was just tried."""
        if not event.spontaneous():
            self.error.clear()
            self.error.hide()
        super().hideEvent(event)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
