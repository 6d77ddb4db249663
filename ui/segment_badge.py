"""A customer's segment as a small coloured label: VIP gold, at risk orange, lapsed grey, new
green, regular plain (the counter's panel shows it beside the name)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from shopcrm.numbers.segments import Segment, segment_titles

SEGMENT_COLOURS: dict[Segment, tuple[str, str]] = {
    Segment.VIP: ("#f9c846", "#3e2f00"),
    Segment.AT_RISK: ("#ef6c00", "#ffffff"),
    Segment.LAPSED: ("#8a8a8a", "#ffffff"),
    Segment.NEW: ("#2e7d32", "#ffffff"),
}
"""Background and text colour of each segment's label; a regular customer's is plain."""


class SegmentBadge(QLabel):
    """The segment's name in a rounded box of its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.segment: Segment | None = None

    def show_segment(self, segment: Segment | None) -> None:
        """Show ``segment`` (None: nothing)."""
        self.segment = segment
        if segment is None:
            self.clear()
            self.hide()
            return
        self.setText(segment_titles()[segment])
        colours = SEGMENT_COLOURS.get(segment)
        if colours is None:
            style = "border: 1px solid palette(mid); color: palette(text);"
        else:
            style = f"background: {colours[0]}; color: {colours[1]}; border: none;"
        self.setStyleSheet(
            f"QLabel {{ {style} border-radius: 4px; padding: 1px 8px; font-weight: bold; }}"
        )
        self.show()
