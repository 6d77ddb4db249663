"""A check box that shortens its text with "…" instead of pushing its row wider than the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

_SHORTEST = "…" * 4


class ElidingCheckBox(QCheckBox):
    """A check box whose text is cut with "…" to the room it gets; ``text()`` stays whole (give
    it a tool tip with the whole text too)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())

    def minimumSizeHint(self) -> QSize:
        """Qt: the box and a few characters: the row decides how much of the text shows."""
        hint = super().minimumSizeHint()
        style = self.style()
        box = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        box += style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        return QSize(box + self.fontMetrics().horizontalAdvance(_SHORTEST), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: draw the box with as much of the text as fits."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = (
            self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self).width()
        )
        option.text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, room, Qt.TextFlag.TextShowMnemonic
        )
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
