"""The print queue: the welcome, thank-you and occasion cards and the "we miss you" letters
the print rules queued, printed as one batch.

Print all (or Save as PDF) draws every note whose customer has consent for letters, grouped
by kind, into one PDF; once it printed, the shop says so and each note is marked printed and
written to its customer's contact log. A note is taken off the queue with Delete, after
asking: its reason never queues it again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shopcrm import Shop, ShopError
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _, ngettext
from shopcrm.documents.prepared import Prepared
from shopcrm.documents.print_queue import QueueItem, document_words
from ui.confirm import Question, ask
from ui.keys import on_keys
from ui.printing.output import PrintOutput
from ui.record_model import RecordTableModel
from ui.style import DONE_STYLE, ERROR_STYLE, HINT_STYLE
from ui.tables import list_table

WHY = 2


class QueueModel(RecordTableModel[QueueItem]):
    """The notes waiting: for whom, what, why, since when, and whether they can print."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [_("Customer"), _("Note"), _("Why"), _("Queued"), _("Consent for letters")], parent
        )

    def cell(self, record: QueueItem, column: int, role: int) -> object:
        """The item's words; a note waiting for consent in grey."""
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                record.customer_name,
                record.title,
                record.why,
                day(record.queued_at),
                _("Given") if record.has_consent else _("Not given: waits"),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == WHY:
            return record.why
        if role == Qt.ItemDataRole.ForegroundRole and not record.has_consent:
            return Qt.GlobalColor.gray
        return None


class QueueTab(QWidget):
    """The print queue, printed as one batch."""

    changed = Signal()
    """Notes were printed or dropped (the side bar's count and the contact log changed)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.question: Question | None = None
        self._printing: list[int] = []
        """The notes of the batch being printed, to mark once the shop says it went well."""
        self.model = QueueModel(self)
        self.table = list_table(self.model, stretch=WHY)
        self.table.setObjectName("printQueue")
        self.status = QLabel()
        self.status.setObjectName("printQueueStatus")
        self.status.setWordWrap(True)
        self.output = PrintOutput(shop, self)
        self.output.started.connect(lambda: self._enable(False))
        self.output.done.connect(self._printed)
        self.output.failed.connect(self._failed)
        self.print_button = QPushButton(_("&Print all…"))
        self.print_button.clicked.connect(self.print_all)
        self.save_button = QPushButton(_("Save all as P&DF…"))
        self.save_button.clicked.connect(self.save_all)
        self.drop_button = QPushButton(_("&Take off the queue…"))
        self.drop_button.clicked.connect(self.drop_current)
        on_keys(self.table, [Qt.Key.Key_Delete], self.drop_current)

        buttons = QHBoxLayout()
        buttons.addWidget(self.drop_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        column.addWidget(self.output.run)
        column.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.reload()

    def reload(self) -> None:
        """Read the queue afresh, and say what will print."""
        if self.output.busy():
            return
        items = self.shop.print_queue.waiting()
        self.model.set_records(items)
        if items:
            self.table.selectRow(0)
        ready = sum(1 for item in items if item.has_consent)
        self._enable(True)
        self._say(self._summary(ready, len(items) - ready), HINT_STYLE)

    def _summary(self, ready: int, waiting: int) -> str:
        if not ready and not waiting:
            return _(
                "Nothing waits. The print rules in Settings add cards and letters here by "
                "themselves."
            )
        text = ngettext("{n} note prints.", "{n} notes print.", ready).format(n=number(ready))
        if waiting:
            text += " " + ngettext(
                "{n} waits for consent for letters.", "{n} wait for consent for letters.", waiting
            ).format(n=number(waiting))
        return text

    def ready_ids(self) -> list[int]:
        """The notes that print now (their customers have consent for letters)."""
        return [
            item.id
            for row in range(self.model.rowCount())
            if (item := self.model.record_at(row)) is not None and item.has_consent
        ]

    # printing -------------------------------------------------------------------------------

    def _batch(self) -> tuple[list[int], list[Prepared]] | None:
        ids = self.ready_ids()
        if not ids:
            self._say(_("Nothing to print: no note waiting has consent for letters."), ERROR_STYLE)
            return None
        try:
            jobs = self.shop.print_queue.jobs(ids)
            return ids, [self.shop.documents.prepare(job) for job in jobs]
        except ShopError as error:
            self._say(str(error), ERROR_STYLE)
            return None

    def print_all(self) -> None:
        """Print every note that can print, as one batch."""
        batch = self._batch()
        if batch is not None:
            self._printing = batch[0]
            self.output.print_(batch[1])

    def save_all(self) -> None:
        """Save every note that can print as one PDF."""
        batch = self._batch()
        if batch is not None:
            self._printing = batch[0]
            self.output.save(batch[1], _("Print queue"))

    def _printed(self, _printed: list[Prepared], message: str) -> None:
        self._enable(True)
        self._say(message, DONE_STYLE)
        ids = list(self._printing)

        def mark() -> None:
            try:
                self.shop.print_queue.printed(ids)
            except ShopError as error:
                self._say(str(error), ERROR_STYLE)
                return
            self.reload()
            self._say(
                ngettext(
                    "{n} note marked printed and written to the contact log.",
                    "{n} notes marked printed and written to the contact log.",
                    len(ids),
                ).format(n=number(len(ids))),
                DONE_STYLE,
            )
            self.changed.emit()

        self.question = ask(
            self,
            _("Print queue"),
            ngettext(
                "Did it print well? Mark the {n} note printed and write it to the customer's "
                "contact log? (Otherwise it stays in the queue.)",
                "Did they print well? Mark the {n} notes printed and write each to its "
                "customer's contact log? (Otherwise they stay in the queue.)",
                len(ids),
            ).format(n=number(len(ids))),
            _("Mark printed"),
            mark,
        )

    def _failed(self, why: str) -> None:
        self._enable(True)
        self._say(why, ERROR_STYLE)

    def drop_current(self) -> None:
        """Take the highlighted note off the queue, after asking (Delete)."""
        item = self.model.record_at(self.table.currentIndex().row())
        if item is None or self.output.busy():
            return

        def drop() -> None:
            try:
                self.shop.print_queue.drop(item.id)
            except ShopError as error:
                self._say(str(error), ERROR_STYLE)
                return
            self.reload()
            self.changed.emit()

        self.question = ask(
            self,
            _("Print queue"),
            _("Take the {note} for {name} off the queue? It will not come back.").format(
                note=document_words()[item.document], name=item.customer_name
            ),
            _("Take it off"),
            drop,
        )

    def _enable(self, on: bool) -> None:
        has_rows = self.model.rowCount() > 0
        self.print_button.setEnabled(on and has_rows)
        self.save_button.setEnabled(on and has_rows)
        self.drop_button.setEnabled(on and has_rows)

    def _say(self, message: str, style: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(message)
