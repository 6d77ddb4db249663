"""A customer's contact log: every entry newest first, with Add…, Correct…, Void…, Resolve….

``ContactLog`` is a widget (the care page shows it beside its lists); ``ContactLogDialog`` opens
it for one customer from the Customers page. Voided and corrected entries stay listed, struck
through, with why; a complaint shows whether it is open or what was done; a follow-up shows its
day. The dialogs call the core; ``changed`` tells the page to read its lists again.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop, ShopError
from shopcrm.care.contacts import ContactEntry, ContactKind, kind_titles
from shopcrm.common.formatting import day, moment
from shopcrm.common.i18n import _
from ui.care.contact_dialog import ContactEntryDialog, ResolveComplaintDialog, VoidEntryDialog
from ui.form_dialog import error_label
from ui.keys import on_keys
from ui.style import HINT_STYLE, bold

Index = QModelIndex | QPersistentModelIndex
VOIDED_COLOUR = QColor("#888888")
OPEN_COMPLAINT_COLOUR = QColor("#c62828")


def entry_text(entry: ContactEntry) -> str:
    """An entry in up to three lines: when, what kind and who; the summary; what became of it."""
    head = [moment(entry.happened_at), kind_titles()[entry.kind]]
    if entry.recorded_by:
        head.append(entry.recorded_by)
    notes = []
    if entry.score is not None:
        notes.append(_("Score: {score} of 5").format(score=entry.score))
    if entry.kind is ContactKind.COMPLAINT:
        if entry.resolved_at is None:
            notes.append(_("Open complaint"))
        else:
            notes.append(
                _("Resolved {when}: {what}").format(
                    when=moment(entry.resolved_at), what=entry.resolution
                )
            )
    if entry.follow_up_on is not None:
        if entry.follow_up_done_at is None:
            notes.append(_("Follow up on {day}").format(day=day(entry.follow_up_on)))
        else:
            notes.append(_("Followed up {day}").format(day=day(entry.follow_up_done_at)))
    if entry.replaces_id is not None:
        notes.append(_("(correction)"))
    if entry.replaced_by is not None:
        notes.append(_("(corrected)"))
    elif entry.voided:
        notes.append(_("(voided: {reason})").format(reason=entry.void_reason))
    lines = [" · ".join(head), entry.summary]
    if notes:
        lines.append(" · ".join(notes))
    return "\n".join(lines)


class ContactListModel(QAbstractListModel):
    """A customer's entries, newest first; voided ones struck through, open complaints red."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[ContactEntry] = []
        self._texts: list[str] = []

    def set_entries(self, entries: list[ContactEntry]) -> None:
        """Show these entries (their texts are made once, here)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._texts = [entry_text(e) for e in self._entries]
        self.endResetModel()

    def entry_at(self, row: int) -> ContactEntry | None:
        """The entry on ``row``, or None."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: int) -> int:
        """The row of the entry with this id, or -1."""
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many entries are shown."""
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: an entry's text, and how it is drawn."""
        entry = self.entry_at(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()]
        if role == Qt.ItemDataRole.FontRole and entry.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.voided:
                return VOIDED_COLOUR
            if entry.open_complaint:
                return OPEN_COMPLAINT_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None


class ContactLog(QWidget):
    """One customer's contact log, and the means to add, correct, void and resolve."""

    changed = Signal()
    """An entry was added, corrected, voided or resolved, or a follow-up was done."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.customer_id: int | None = None
        self.dialog: QDialog | None = None
        self.model = ContactListModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title = bold(QLabel(_("Contact &log")))
        self.title.setBuddy(self.list)
        self.last_contact = QLabel()
        self.last_contact.setStyleSheet(HINT_STYLE)
        self.error = error_label("contactLogError")
        self.add_button = QPushButton(_("&Add…"))
        self.add_button.setToolTip(_("Record a call, a letter, a card, a gift, a visit..."))
        self.correct_button = QPushButton(_("C&orrect…"))
        self.void_button = QPushButton(_("&Void…"))
        self.void_button.setToolTip(_("Void the selected entry, with a reason (Delete)"))
        self.resolve_button = QPushButton(_("&Resolve…"))
        self.resolve_button.setToolTip(_("Say what was done about the selected complaint"))
        self.done_button = QPushButton(_("Follow-up &done"))
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.correct_button.clicked.connect(self.correct_current)
        self.void_button.clicked.connect(self.void_current)
        self.resolve_button.clicked.connect(self.resolve_current)
        self.done_button.clicked.connect(self.follow_up_done)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        on_keys(self.list, [Qt.Key.Key_Delete], self.void_current)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.last_contact, 1)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.correct_button,
            self.void_button,
            self.resolve_button,
            self.done_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_customer(self, customer_id: int | None) -> None:
        """Show this customer's log (nothing for None)."""
        self.customer_id = customer_id
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the log afresh, keeping the entry selected (or selecting ``select``)."""
        current = self.current()
        chosen = select if select is not None else (current.id if current else None)
        if self.customer_id is None:
            self.model.set_entries([])
            self.last_contact.clear()
        else:
            self.model.set_entries(self.shop.contacts.of_customer(self.customer_id))
            self.last_contact.setText(self.shop.contacts.last_contact_text(self.customer_id))
        row = self.model.row_of(chosen) if chosen is not None else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self._update_buttons()

    def current(self) -> ContactEntry | None:
        """The selected entry, if any."""
        return self.model.entry_at(self.list.currentIndex().row())

    def add_entry(self, kind: ContactKind = ContactKind.CALL) -> None:
        """Open the dialog to record a new entry for the customer shown."""
        if self.customer_id is not None:
            self._open(ContactEntryDialog(self.shop, self.customer_id, kind=kind, parent=self))

    def correct_current(self) -> None:
        """Correct the selected entry."""
        entry = self.current()
        if entry is not None and not entry.voided:
            self._open(ContactEntryDialog(self.shop, entry.customer_id, entry=entry, parent=self))

    def void_current(self) -> None:
        """Void the selected entry, after asking why."""
        entry = self.current()
        if entry is not None and not entry.voided:
            self._open(VoidEntryDialog(self.shop, entry, self))

    def resolve_current(self) -> None:
        """Resolve the selected complaint."""
        entry = self.current()
        if entry is not None and entry.open_complaint:
            self._open(ResolveComplaintDialog(self.shop, entry, self))

    def follow_up_done(self) -> None:
        """Mark the selected entry's follow-up done."""
        entry = self.current()
        if entry is None or entry.voided or not entry.follow_up_on or entry.follow_up_done_at:
            return
        try:
            self.shop.contacts.mark_follow_up_done(entry.id)
        except ShopError as error:
            self.reload()
            self.error.setText(str(error))
            self.error.show()
            return
        self.reload()
        self.changed.emit()

    def _open(self, dialog: ContactEntryDialog | VoidEntryDialog | ResolveComplaintDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._done(dialog))
        dialog.open()

    def _done(self, dialog: ContactEntryDialog | VoidEntryDialog | ResolveComplaintDialog) -> None:
        self.dialog = None
        saved = dialog.entry
        self.reload(select=saved.id if saved is not None else None)
        self.list.setFocus()
        self.changed.emit()

    def _update_buttons(self, *_args: QModelIndex) -> None:
        self.error.hide()
        entry = self.current()
        live = entry is not None and not entry.voided
        self.add_button.setEnabled(self.customer_id is not None)
        self.correct_button.setEnabled(live)
        self.void_button.setEnabled(live)
        self.resolve_button.setEnabled(entry is not None and entry.open_complaint)
        self.done_button.setEnabled(
            live
            and entry is not None
            and entry.follow_up_on is not None
            and entry.follow_up_done_at is None
        )


class ContactLogDialog(QDialog):
    """One customer's contact log in a window of its own (from the Customers page)."""

    def __init__(self, shop: Shop, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Contact log: {name}").format(name=customer.name))
        self.log = ContactLog(shop)
        self.log.show_customer(customer.id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.log, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.log.list.setFocus()
        if self.log.model.rowCount():
            self.log.list.setCurrentIndex(self.log.model.index(0))
