"""The import's preview: which column holds what (changeable), the first rows as they will be
imported, the duplicates with a choice each, and the rows with problems."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _, ngettext
from shopcrm.moving.columns import Field, Mapping, field_titles, source_titles
from shopcrm.moving.duplicates import Choice, Entry, Plan
from shopcrm.moving.reading import Sheet
from shopcrm.moving.rows import BadRow
from shopcrm.people.phone import display_phone

FIRST_ROWS = 50
"""Rows shown in "First rows"."""
SHOWN_ROWS = 2000
"""Duplicates and problems listed at most (the rest are counted)."""


def choice_titles() -> dict[Choice, str]:
    """What each choice for a duplicate is called."""
    return {
        Choice.SKIP: _("Skip"),
        Choice.MERGE: _("Merge into the customer"),
        Choice.ADD: _("Add anyway"),
    }


def table(headers: list[str]) -> QTableWidget:
    """A read-only table with these column headers."""
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.verticalHeader().hide()
    widget.setWordWrap(False)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.setTabKeyNavigation(False)  # Tab goes on to the choices in the cells
    return widget


def fill(widget: QTableWidget, rows: list[list[str]]) -> None:
    """Put ``rows`` of text in ``widget``."""
    widget.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            widget.setItem(r, c, QTableWidgetItem(text))
    widget.resizeColumnsToContents()


def follow_in_tab_order(widget: QTableWidget, column: int) -> None:
    """Put the widgets in ``column`` of ``widget`` right after it when Tab is pressed (widgets
    made later would otherwise come after every other in the window)."""
    before: QWidget = widget
    for row in range(widget.rowCount()):
        cell = widget.cellWidget(row, column)
        if cell is not None:
            QWidget.setTabOrder(before, cell)
            before = cell


def bad_rows_table(bad: list[BadRow]) -> list[list[str]]:
    """The bad rows as lines of the problems table: line number and reason."""
    return [[fmt.number(b.line), b.reason()] for b in bad[:SHOWN_ROWS]]


class ImportPreview(QWidget):
    """Shows a plan; ``mapping_changed`` when the person maps a column otherwise."""

    mapping_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: Sheet | None = None
        self.mapping: Mapping | None = None
        self.plan: Plan | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.columns = table([_("Column in the file"), _("First value"), _("Imported as")])
        self.rows = table(
            [_("Line"), _("Name"), _("Phone"), _("E-mail"), _("Birthday"), _("Visits"), _("Spent")]
        )
        self.duplicates = table(
            [_("Line"), _("Name in the file"), _("Same as"), _("Found by"), _("What to do")]
        )
        self.all_choice = QComboBox()
        for choice, title in choice_titles().items():
            self.all_choice.addItem(title, choice.value)
        self.all_choice.activated.connect(lambda _i: self._choose_for_all())
        all_label = QLabel(_("For &every duplicate:"))
        all_label.setBuddy(self.all_choice)
        duplicates_page = QWidget()
        duplicates_layout = QVBoxLayout(duplicates_page)
        choose_all = QHBoxLayout()
        choose_all.addWidget(all_label)
        choose_all.addWidget(self.all_choice)
        choose_all.addStretch(1)
        duplicates_layout.addLayout(choose_all)
        duplicates_layout.addWidget(self.duplicates)
        self.problems = table([_("Line"), _("Problem")])
        self.tabs.addTab(self.columns, _("Columns"))
        self.tabs.addTab(self.rows, _("First rows"))
        self.tabs.addTab(duplicates_page, _("Duplicates"))
        self.tabs.addTab(self.problems, _("Problems"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def show_sheet(self, sheet: Sheet, mapping: Mapping) -> None:
        """The file's columns with their first value and what each is imported as."""
        self.sheet, self.mapping = sheet, mapping
        first = sheet.rows[0][1] if sheet.rows else ()
        titles = field_titles()
        self.columns.setRowCount(len(sheet.headers))
        for column, header in enumerate(sheet.headers):
            self.columns.setItem(column, 0, QTableWidgetItem(header))
            value = first[column] if column < len(first) else ""
            self.columns.setItem(column, 1, QTableWidgetItem(value))
            box = QComboBox()
            box.addItem(_("(not imported)"), "")
            for field, title in titles.items():
                box.addItem(title, field.value)
            chosen = mapping.fields[column]
            box.setCurrentIndex(box.findData(chosen.value if chosen else ""))
            box.activated.connect(lambda _i, c=column, b=box: self._remap(c, b))
            self.columns.setCellWidget(column, 2, box)
        follow_in_tab_order(self.columns, 2)
        self.columns.resizeColumnsToContents()
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.columns.setColumnWidth(1, min(self.columns.columnWidth(1), 260))

    def _remap(self, column: int, box: QComboBox) -> None:
        if self.mapping is None:
            return
        value = box.currentData()
        self.mapping = self.mapping.with_field(column, Field(value) if value else None)
        self.mapping_changed.emit(self.mapping)

    def show_plan(self, plan: Plan) -> None:
        """The rows to import, the duplicates and the problems of ``plan``."""
        self.plan = plan
        assert self.sheet is not None and self.mapping is not None
        new = sum(1 for e in plan.entries if not e.duplicate)
        source = source_titles()[self.mapping.source]
        lines = [
            _("Recognised: {source}.").format(source=source)
            if self.mapping.recognised
            else _("Columns guessed from their names: please check them under Columns."),
            ngettext("{n} customer to import", "{n} customers to import", new).format(
                n=fmt.number(new)
            ),
            ngettext("{n} duplicate", "{n} duplicates", len(plan.duplicates)).format(
                n=fmt.number(len(plan.duplicates))
            ),
            ngettext("{n} row with problems", "{n} rows with problems", len(plan.bad)).format(
                n=fmt.number(len(plan.bad))
            ),
        ]
        text = " · ".join(lines)
        self.summary.setText(text)
        fill(self.rows, [_row_cells(e) for e in plan.entries[:FIRST_ROWS]])
        self._show_duplicates(plan.duplicates[:SHOWN_ROWS])
        fill(self.problems, bad_rows_table(plan.bad))
        self.tabs.setTabText(2, _("Duplicates ({n})").format(n=fmt.number(len(plan.duplicates))))
        self.tabs.setTabText(3, _("Problems ({n})").format(n=fmt.number(len(plan.bad))))

    def _show_duplicates(self, entries: list[Entry]) -> None:
        titles = choice_titles()
        self.duplicates.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            if entry.customer_id is not None:
                same = entry.customer_name
            else:
                same = _("line {line} of the file").format(line=fmt.number(entry.earlier_line or 0))
            by = _("phone") if entry.matched_by == "phone" else _("e-mail")
            cells = [fmt.number(entry.draft.line), entry.draft.name, same, by]
            for c, text in enumerate(cells):
                self.duplicates.setItem(r, c, QTableWidgetItem(text))
            box = QComboBox()
            for choice, title in titles.items():
                box.addItem(title, choice.value)
            box.setCurrentIndex(box.findData(entry.choice.value))
            box.activated.connect(lambda _i, e=entry, b=box: _choose(e, b))
            self.duplicates.setCellWidget(r, 4, box)
        follow_in_tab_order(self.duplicates, 4)
        self.duplicates.resizeColumnsToContents()

    def _choose_for_all(self) -> None:
        if self.plan is None:
            return
        self.plan.choose_for_all(Choice(self.all_choice.currentData()))
        self._show_duplicates(self.plan.duplicates[:SHOWN_ROWS])


def _choose(entry: Entry, box: QComboBox) -> None:
    entry.choice = Choice(box.currentData())


def _row_cells(entry: Entry) -> list[str]:
    draft = entry.draft
    return [
        fmt.number(draft.line),
        draft.name,
        display_phone(draft.phone),
        draft.email,
        draft.birthday.typed if draft.birthday else "",
        fmt.number(draft.visits) if draft.visits else "",
        fmt.money(draft.spent) if draft.spent else "",
    ]
