"""The import wizard: pick a file → preview (columns, first rows, duplicates, problems) →
progress → what was imported, and the bad rows to save, fix and import again.

Reading and checking the file and the import itself run off the UI thread (``ImportWorker``),
with a progress bar and Cancel; the import is one transaction, so a cancel leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _, ngettext
from shopcrm.moving.bad_rows import save_bad_rows
from shopcrm.moving.columns import Mapping
from shopcrm.moving.duplicates import Plan
from shopcrm.moving.importing import Outcome
from shopcrm.moving.reading import Sheet
from ui.moving.preview import ImportPreview, bad_rows_table, fill, table
from ui.moving.worker import ImportWorker, Job
from ui.style import ERROR_STYLE

CHOOSE, WORKING, PREVIEW, RESULT = range(4)


class ImportDialog(QDialog):
    """Bring customers in from a CSV, XLSX or vCard file; ``imported`` once they landed."""

    imported = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWindowTitle(_("Import customers"))
        self.setModal(True)
        self.resize(900, 600)
        self.sheet: Sheet | None = None
        self.mapping: Mapping | None = None
        self.plan: Plan | None = None
        self.outcome: Outcome | None = None
        self.worker: ImportWorker | None = None
        self._back_to = CHOOSE
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choose_page())
        self.stack.addWidget(self._working_page())
        self.preview = ImportPreview()
        self.preview.mapping_changed.connect(self._remapped)
        self.stack.addWidget(self.preview)
        self.stack.addWidget(self._result_page())
        self.error = QLabel()
        self.error.setObjectName("importError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.back_button = QPushButton(_("&Back"))
        self.save_bad_button = QPushButton(_("&Save the bad rows…"))
        self.save_bad_button.setToolTip(_("The rows with problems, to fix and import again"))
        self.save_bad_button.clicked.connect(self.save_bad_rows)
        self.import_button = QPushButton(_("&Import"))
        self.import_button.setDefault(True)
        self.close_button = QPushButton(_("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_bad_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self._back)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self._close_or_cancel)
        self._show_page(CHOOSE)

    # pages

    def _choose_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            _(
                "Bring your customers in from another program or a spreadsheet: a CSV or XLSX "
                "file (Square, Shopify, Open Source POS, Google Contacts, Outlook, or your own "
                "list) or vCards (.vcf). You will see what is in the file before anything is "
                "imported."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(_("The file to import"))
        self.path.returnPressed.connect(self.read_file)
        label = QLabel(_("&File:"))
        label.setBuddy(self.path)
        self.choose_button = QPushButton(_("&Choose a file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.read_button = QPushButton(_("&Open"))
        self.read_button.clicked.connect(self.read_file)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.read_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _working_page(self) -> QWidget:
        page = QWidget()
        self.working = QLabel()
        self.working.setWordWrap(True)
        self.progress = QProgressBar()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.working)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.told = QLabel()
        self.told.setWordWrap(True)
        self.left_out: QTableWidget = table([_("Line"), _("Problem")])
        layout = QVBoxLayout(page)
        layout.addWidget(self.told)
        layout.addWidget(self.left_out, 1)
        return page

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.back_button.setVisible(page == PREVIEW)
        self.import_button.setVisible(page == PREVIEW)
        self.import_button.setEnabled(bool(self.plan and self.plan.entries))
        self.save_bad_button.setVisible(
            page in (PREVIEW, RESULT) and bool(self.plan and self.plan.bad)
        )
        self.close_button.setText(_("Close") if page == RESULT else _("Cancel"))
        if page == CHOOSE:
            self.path.setFocus()
        elif page == PREVIEW:
            self.preview.tabs.setFocus()
        elif page == RESULT:
            self.close_button.setFocus()

    # steps

    def choose_file(self) -> None:
        """Ask for the file, then read it."""
        start = self.path.text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import customers"),
            start,
            _("Customer lists (*.csv *.txt *.xlsx *.vcf)") + ";;" + _("All files (*)"),
        )
        if name:
            self.path.setText(name)
            self.read_file()

    def read_file(self) -> None:
        """Read and check the file named in the box, off the UI thread."""
        text = self.path.text().strip()
        if not text:
            self._show_error(_("Please choose a file."))
            return
        path = Path(text)
        imports = self.shop.imports

        def job(report: Callable[[int, int], bool]) -> object:
            sheet = imports.read(path, report)
            mapping = imports.recognise(sheet)
            return sheet, mapping, imports.plan(sheet, mapping, report)

        self._run(job, _("Reading {file}…").format(file=path.name), self._file_read, CHOOSE)

    def _file_read(self, result: object) -> None:
        assert isinstance(result, tuple)
        sheet, mapping, plan = result
        assert isinstance(sheet, Sheet) and isinstance(mapping, Mapping)
        self.sheet, self.mapping = sheet, mapping
        self.preview.show_sheet(sheet, mapping)
        self._planned(plan)

    def _remapped(self, mapping: Mapping) -> None:
        self.mapping = mapping
        try:
            problem = mapping.problem()
            if problem:
                raise ShopError(problem)
            assert self.sheet is not None
            sheet, imports = self.sheet, self.shop.imports
            self._run(
                lambda report: imports.plan(sheet, mapping, report),
                _("Checking the rows…"),
                self._planned,
                PREVIEW,
            )
        except ShopError as error:
            self.plan = None
            self.import_button.setEnabled(False)
            self._show_error(str(error))

    def _planned(self, plan: object) -> None:
        assert isinstance(plan, Plan)
        self.plan = plan
        self.preview.show_plan(plan)
        self._show_page(PREVIEW)

    def start_import(self) -> None:
        """Import the plan in one transaction, off the UI thread."""
        if self.plan is None:
            return
        plan, imports = self.plan, self.shop.imports
        self._run(
            lambda report: imports.run(plan, report), _("Importing…"), self._imported, PREVIEW
        )

    def _imported(self, outcome: object) -> None:
        assert isinstance(outcome, Outcome) and self.plan is not None
        self.outcome = outcome
        lines = [
            _("Imported: {added} new customers, {merged} merged, {skipped} skipped.").format(
                added=fmt.number(outcome.added),
                merged=fmt.number(outcome.merged),
                skipped=fmt.number(outcome.skipped),
            )
        ]
        if outcome.rewards:
            lines.append(
                ngettext(
                    "The opening balances earned {n} reward under your loyalty rules.",
                    "The opening balances earned {n} rewards under your loyalty rules.",
                    outcome.rewards,
                ).format(n=fmt.number(outcome.rewards))
            )
        if outcome.backup is not None:
            lines.append(_("A backup was taken first: {file}").format(file=outcome.backup.name))
        if self.plan.bad:
            lines.append(
                _("These rows were not imported: save them, fix them and import them again.")
            )
        self.told.setText("\n".join(lines))
        fill(self.left_out, bad_rows_table(self.plan.bad))
        self.left_out.setVisible(bool(self.plan.bad))
        self._show_page(RESULT)
        self.imported.emit()

    def save_bad_rows(self) -> None:
        """Save the rows left out as a CSV beside the imported file."""
        if self.sheet is None or self.plan is None:
            return
        source = Path(self.path.text())
        suggested = source.with_name(source.stem + _("-to-fix") + ".csv")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the bad rows"), str(suggested), _("CSV files (*.csv)")
        )
        if not name:
            return
        try:
            save_bad_rows(Path(name), self.sheet, self.plan.bad)
        except ShopError as error:
            self._show_error(str(error))
            return
        self.told.setText(self.told.text() + "\n" + _("Saved: {file}").format(file=Path(name).name))

    # the worker

    def _run(self, job: Job, what: str, then: Callable[[object], None], back_to: int) -> None:
        self.error.hide()
        self.working.setText(what)
        self.progress.setRange(0, 0)
        self._show_page(WORKING)
        self._back_to = back_to
        worker = ImportWorker(job, self)
        self.worker = worker
        # Bound methods of this dialog only: Qt then calls them on the UI thread (a lambda
        # would run in the worker's thread and touch the widgets from there).
        worker.progress.connect(self._progress)
        worker.done.connect(then)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_finished)
        worker.start()

    def _worker_finished(self) -> None:
        worker = self.worker
        if worker is not None and worker.isFinished():
            self.worker = None
            worker.deleteLater()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, message: str) -> None:
        self._show_page(self._back_to)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _back(self) -> None:
        self.error.hide()
        self._show_page(CHOOSE)

    def _close_or_cancel(self) -> None:
        if self.stack.currentIndex() == WORKING and self.worker is not None:
            self.worker.cancel()
            return
        self.reject()

    def reject(self) -> None:
        """Qt: closing while working cancels first (nothing is imported then)."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()
        super().reject()
