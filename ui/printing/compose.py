"""Making a print: choose the document, the recipients and the text, see the real PDF as it
will print, then Print (the system's print dialog) or Save as PDF.

The preview follows every change within a fraction of a second: it draws the first few
recipients only (a sheet's worth for sheets), so a long list never slows the typing. Printing
reads everything once, draws and prints in a worker thread with a progress bar and Stop, and
afterwards asks before writing the cards and letters to the customers' contact log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext
from shopcrm.documents.kinds import VOUCHER_KINDS, DocumentKind, PrintJob, kind_titles
from shopcrm.documents.prepared import Prepared
from shopcrm.documents.printed import is_contact
from shopcrm.documents.sheets import (
    ADDRESS_SHEETS,
    BUSINESS_CARDS,
    VOUCHER_SHEET,
    address_sheet_titles,
)
from ui.confirm import Question, ask
from ui.printing.output import PrintOutput
from ui.printing.pdf_preview import PdfPreview
from ui.printing.recipients import RecipientList
from ui.printing.text_editor import TextEditor
from ui.style import DONE_STYLE, ERROR_STYLE, HINT_STYLE

PREVIEW_DELAY_MS = 120
"""How long the preview waits for the typing to pause before it draws."""
PREVIEW_ITEMS = 3
"""How many cards, letters or vouchers the preview draws (a whole sheet for sheets)."""


class ComposePrint(QWidget):
    """Choose what to print, for whom, with which words; preview, print, save."""

    changed = Signal()
    """Something printed was written to the contact log (other pages show it)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.question: Question | None = None
        self.output = PrintOutput(shop, self)
        self.output.started.connect(self._started)
        self.output.done.connect(self._printed)
        self.output.failed.connect(self._failed)
        self.run = self.output.run

        self.kind = QComboBox()
        self.kind.setObjectName("printKind")
        for kind, title in kind_titles().items():
            self.kind.addItem(title, kind.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sheet = QComboBox()
        for name, title in address_sheet_titles().items():
            self.sheet.addItem(title, name)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.first_label = QSpinBox()
        self.first_label.setRange(1, 21)
        self.first_label.setToolTip(
            _("On a sheet already partly used: the first free label, counted along the rows")
        )
        self.first_label.valueChanged.connect(lambda _v: self.schedule_preview())

        self.recipients = RecipientList(shop, self)
        self.recipients.changed.connect(self._recipients_changed)
        self.text = TextEditor(shop, self)
        self.text.changed.connect(self.schedule_preview)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("printPreview")
        self.preview.setMinimumWidth(260)
        self.status = QLabel()
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_)
        self.save_button = QPushButton(_("Save as P&DF…"))
        self.save_button.clicked.connect(self.save)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._counted: Prepared | None = None
        """The whole job as last read, for the counts (read again when the recipients
        change)."""
        self._counts_stale = True

        self._build()
        self._kind_changed()

    def _build(self) -> None:
        kind_label = QLabel(_("D&ocument"))
        kind_label.setBuddy(self.kind)
        self.sheet_label = QLabel(_("Label s&heet"))
        self.sheet_label.setBuddy(self.sheet)
        self.first_label_label = QLabel(_("Start at &label"))
        self.first_label_label.setBuddy(self.first_label)
        form = QFormLayout()
        form.addRow(kind_label, self.kind)
        form.addRow(self.sheet_label, self.sheet)
        form.addRow(self.first_label_label, self.first_label)
        self._form = form
        whom = QGroupBox(_("Recipients"))
        QVBoxLayout(whom).addWidget(self.recipients)
        self.words = QGroupBox(_("Text"))
        QVBoxLayout(self.words).addWidget(self.text)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addLayout(form)
        left_column.addWidget(whom, 3)
        left_column.addWidget(self.words, 2)

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(_("Preview"))
        right_column.addWidget(preview_label)
        right_column.addWidget(self.preview, 1)
        right_column.addWidget(self.status)
        right_column.addWidget(self.run)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        right_column.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)  # off the tab's frame: "Ö" keeps its dots
        layout.addWidget(splitter)
        self.setFocusProxy(self.kind)

    # what is chosen -------------------------------------------------------------------------

    def current_kind(self) -> DocumentKind:
        """The kind of document chosen."""
        return DocumentKind(self.kind.currentData())

    def job(self, ids: tuple[int, ...] | None = None) -> PrintJob:
        """The print as chosen now; ``ids`` instead of the ticked ones (for the preview)."""
        kind = self.current_kind()
        ids = self.recipients.ids() if ids is None else ids
        text = self.text.text() if kind is not DocumentKind.LABELS else None
        common = {
            "kind": kind,
            "text": text,
            "label_sheet": str(self.sheet.currentData()),
            "first_label": self.first_label.value(),
            "marketing": self.recipients.is_marketing(),
        }
        if kind in VOUCHER_KINDS:
            return PrintJob(reward_ids=ids, **common)  # type: ignore[arg-type]
        if kind is DocumentKind.OCCASION:
            return PrintJob(occasion_ids=ids, **common)  # type: ignore[arg-type]
        return PrintJob(customer_ids=ids, **common)  # type: ignore[arg-type]

    def load(self, job: PrintJob) -> None:
        """Set the page up for ``job`` (asked for from the counter, the customers, the
        occasions): its kind, its recipients ticked, its text when it has one."""
        self.kind.setCurrentIndex(self.kind.findData(job.kind.value))
        if job.kind in VOUCHER_KINDS:
            self.recipients.tick_only(job.reward_ids)
        elif job.kind is DocumentKind.OCCASION:
            self.recipients.tick_only(job.occasion_ids)
        else:
            self.recipients.choose_customers(job.customer_ids)
        if job.text is not None:
            self.text.set_text(job.text)
        self.update_preview()

    # the preview ----------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        """Draw the preview once the changes pause."""
        self._timer.start()

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        sheet_kinds = {DocumentKind.LABELS, DocumentKind.LOYALTY_SHEET, DocumentKind.VOUCHER_SHEET}
        self._form.setRowVisible(self.sheet_label, kind is DocumentKind.LABELS)
        self._form.setRowVisible(self.first_label_label, kind in sheet_kinds)
        self._sheet_changed()
        self.recipients.set_kind(kind)
        self.text.set_kind(kind)
        self.words.setVisible(kind is not DocumentKind.LABELS)
        self._recipients_changed()

    def _sheet_changed(self) -> None:
        kind = self.current_kind()
        labels = {
            DocumentKind.LABELS: ADDRESS_SHEETS[str(self.sheet.currentData())].count,
            DocumentKind.LOYALTY_SHEET: BUSINESS_CARDS.count,
            DocumentKind.VOUCHER_SHEET: VOUCHER_SHEET.count,
        }.get(kind, 1)
        self.first_label.setMaximum(labels)
        self.schedule_preview()

    def _recipients_changed(self) -> None:
        self._counts_stale = True
        self.schedule_preview()

    def _preview_items(self) -> int:
        kind = self.current_kind()
        if kind is DocumentKind.LABELS:
            return ADDRESS_SHEETS[str(self.sheet.currentData())].count
        if kind is DocumentKind.LOYALTY_SHEET:
            return BUSINESS_CARDS.count
        if kind is DocumentKind.VOUCHER_SHEET:
            return VOUCHER_SHEET.count
        return PREVIEW_ITEMS

    def update_preview(self) -> None:
        """Draw the first recipients as they will print, and say how many will."""
        self._timer.stop()
        problem = self.text.problem() if self.words.isVisible() else None
        if problem is not None:
            self._say(_("Mend the text to see the preview: {problem}").format(problem=problem))
            return
        if not self.recipients.ids():
            self.preview.clear()
            self._say(_("Tick at least one recipient to see the preview."), hint=True)
            return
        try:
            if self._counts_stale:
                self._counted = self.shop.documents.prepare(self.job())
                self._counts_stale = False
            if self._counted is not None and self._counted.count == 0:
                self.preview.clear()
            else:
                first = self.shop.documents.prepare(self._preview_job())
                self.preview.show_pdf(self.shop.documents.draw(first))
        except ShopError as error:
            self._counts_stale = True
            self.preview.clear()
            self._say(str(error))
            return
        self._say(self._counts_text(), hint=True)

    def _preview_job(self) -> PrintJob:
        """The first few who will get the print (those left out skipped), with the text as
        it is now."""
        counted = self._counted
        if counted is None:
            return self.job(ids=self.recipients.ids()[: self._preview_items()])
        kind = counted.kind
        if kind in VOUCHER_KINDS:
            ids = [v.reward_id for v in counted.vouchers]
        elif kind is DocumentKind.OCCASION:
            ids = [r.occasion_id for r in counted.recipients if r.occasion_id is not None]
        else:
            ids = [r.customer_id for r in counted.recipients]
        return self.job(ids=tuple(ids[: self._preview_items()]))

    def _counts_text(self) -> str:
        counted = self._counted
        if counted is None:
            return ""
        lines = [
            ngettext("{n} to print.", "{n} to print.", counted.count).format(
                n=number(counted.count)
            )
        ]
        if counted.left_out:
            lines.append(
                ngettext(
                    "{n} left out: no consent for letters.",
                    "{n} left out: no consent for letters.",
                    counted.left_out,
                ).format(n=number(counted.left_out))
            )
        if counted.without_address:
            lines.append(
                ngettext(
                    "{n} left out: no address.",
                    "{n} left out: no address.",
                    counted.without_address,
                ).format(n=number(counted.without_address))
            )
        return " ".join(lines)

    def _say(self, message: str, hint: bool = False, done: bool = False) -> None:
        self.status.setStyleSheet(DONE_STYLE if done else HINT_STYLE if hint else ERROR_STYLE)
        self.status.setText(message)

    # printing and saving --------------------------------------------------------------------

    def _ready(self) -> Prepared | None:
        """The whole print read now, or None (and why, said) when it cannot be printed."""
        if self.output.busy():
            return None
        problem = self.text.problem() if self.words.isVisible() else None
        if problem is not None:
            self._say(problem)
            return None
        try:
            prepared = self.shop.documents.prepare(self.job())
        except ShopError as error:
            self._say(str(error))
            return None
        if prepared.count == 0:
            self._say(_("Nothing to print: tick at least one recipient who can get it."))
            return None
        return prepared

    def print_(self) -> None:
        """Print: the system's print dialog, then the run with its progress."""
        prepared = self._ready()
        if prepared is not None:
            self.output.print_([prepared])

    def save(self) -> None:
        """Save as PDF: choose where, then the run with its progress."""
        prepared = self._ready()
        if prepared is not None:
            self.output.save([prepared], prepared.title)

    def _started(self) -> None:
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._say(_("Working…"), hint=True)

    def _printed(self, printed: list[Prepared], message: str) -> None:
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._say(message, done=True)
        self._ask_to_log(printed)

    def _failed(self, why: str) -> None:
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._say(why)

    def _ask_to_log(self, printed: list[Prepared]) -> None:
        """Ask before writing the cards and letters printed to the customers' contact log."""
        contacts = sum(len(p.recipients) for p in printed if is_contact(p.kind))
        if not contacts:
            return
        about = self.text.about()

        def write() -> None:
            try:
                written = self.shop.printed.log(printed, about=about)
            except ShopError as error:
                self._say(str(error))
                return
            self._say(
                ngettext(
                    "Written to the contact log of {n} customer.",
                    "Written to the contact log of {n} customers.",
                    written,
                ).format(n=number(written)),
                done=True,
            )
            self.changed.emit()

        self.question = ask(
            self,
            _("Contact log"),
            ngettext(
                "Did it print well? Write the {n} card or letter to the customer's contact log?",
                "Did they print well? Write the {n} cards and letters to each customer's "
                "contact log?",
                contacts,
            ).format(n=number(contacts)),
            _("Write to the log"),
            write,
        )

    def refresh(self) -> None:
        """Show the lists afresh after another page changed the data."""
        self.recipients.reload()
