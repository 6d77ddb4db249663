"""The figures as tiles, in groups: a title, the value, the change since the previous period.

Tiles are built once for the figures' keys and filled again on each period, so that changing
the period costs the core's figures and a few label texts, never a new widget.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from shopcrm.common.i18n import _
from shopcrm.documents.figure_texts import Tone, change, value_text
from shopcrm.numbers.figures import Figure, Figures
from ui.style import bold

TONE_COLOURS = {Tone.GOOD: "#2e7d32", Tone.BAD: "#c62828", Tone.NEUTRAL: "#6b6b6b"}
COLUMNS = 4
"""Tiles per row in a group."""


class FigureTile(QFrame):
    """One figure. A figure with customers behind it is a button: a click, Enter or Space
    emits ``opened`` with the figure's key."""

    opened = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("figureTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.value = bold(QLabel(), 5)
        self.change = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.change)
        layout.addStretch(1)
        self._clickable = False
        self.setMinimumWidth(150)

    @property
    def clickable(self) -> bool:
        """Whether the tile opens its customers."""
        return self._clickable

    def show_figure(self, figure: Figure, currency: str) -> None:
        """Show ``figure``'s title, value and change (only what differs is set again: a label
        given the same text, or a tile the same style, still costs a layout)."""
        moved = change(figure, currency)
        _set_text(self.title, figure.title)
        _set_text(self.value, value_text(figure.kind, figure.value, currency))
        _set_text(self.change, "" if moved is None else moved.text)
        style = "" if moved is None else f"color: {TONE_COLOURS[moved.tone]};"
        if self.change.styleSheet() != style:
            self.change.setStyleSheet(style)
        tips = [figure.note] if figure.note else []
        if figure.has_customers:
            tips.append(_("Click, or press Enter, to list the customers behind this number."))
        tip = "\n\n".join(tips)
        if self.toolTip() != tip:
            self.setToolTip(tip)
        if self._clickable != figure.has_customers or not self.accessibleName():
            self._clickable = figure.has_customers
            focus = Qt.FocusPolicy.StrongFocus if figure.has_customers else Qt.FocusPolicy.NoFocus
            self.setFocusPolicy(focus)
            hand = Qt.CursorShape.PointingHandCursor
            self.setCursor(hand if figure.has_customers else Qt.CursorShape.ArrowCursor)
        _set_accessible(self, f"{figure.title}: {self.value.text()}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on a tile with customers opens them."""
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit(self.key)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, Return or Space on a tile with customers opens them."""
        if self._clickable and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Space,
        ):
            self.opened.emit(self.key)
            return
        super().keyPressEvent(event)


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def _set_accessible(widget: QWidget, name: str) -> None:
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)


TILE_STYLE = """
QFrame#figureTile { border: 1px solid palette(mid); border-radius: 4px; }
QFrame#figureTile:focus { border: 2px solid palette(highlight); }
"""


class Tiles(QWidget):
    """Every group of figures as a box of tiles; ``opened`` carries a tile's figure key."""

    opened = Signal(str)
    built = Signal()
    """The tiles were made anew (their keys changed): the page sets its Tab order again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._groups: dict[str, QGroupBox] = {}
        self.tiles: dict[str, FigureTile] = {}
        self._shape: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def show_figures(self, figures: Figures, currency: str) -> None:
        """Show ``figures``; tiles are only built when the figures' keys change."""
        shape = tuple((g.key, tuple(f.key for f in g.figures)) for g in figures.groups)
        if shape != self._shape:
            self._build(figures)
            self._shape = shape
            self.built.emit()
        for group in figures.groups:
            self._groups[group.key].setTitle(group.title)
            for figure in group.figures:
                self.tiles[figure.key].show_figure(figure, currency)

    def _build(self, figures: Figures) -> None:
        for box in self._groups.values():
            self._layout.removeWidget(box)
            box.deleteLater()
        self._groups.clear()
        self.tiles.clear()
        for group in figures.groups:
            box = QGroupBox(group.title)
            grid = QGridLayout(box)
            for column in range(COLUMNS):
                grid.setColumnStretch(column, 1)
            for number, figure in enumerate(group.figures):
                tile = FigureTile(figure.key, box)
                tile.opened.connect(self.opened)
                grid.addWidget(tile, number // COLUMNS, number % COLUMNS)
                self.tiles[figure.key] = tile
            self._layout.addWidget(box)
            box.show()  # at once: a layout shows a child added to a shown page only later
            self._groups[group.key] = box
