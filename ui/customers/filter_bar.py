"""The Customers page's top bar: the filter box, the segment, "show archived" and the New
customer button. The text and the segment together decide which customers the table lists (the
core filters: ``shopcrm.people.customer_list``). Down or Enter in the filter box moves into the
list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from shopcrm import Shop
from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _
from shopcrm.numbers.segments import Segment, segment_titles
from ui.customers.model import CustomersModel
from ui.keys import ENTER, on_keys

# Above this many customers the filter waits for a pause in the typing before it runs.
TYPING_PAUSE_ABOVE = 20_000
TYPING_PAUSE_MS = 150


class SegmentBox(QComboBox):
    """The segment box; ``opening`` tells that someone is about to look at it (it takes the
    keyboard or opens its list)."""

    opening = Signal()

    def showPopup(self) -> None:
        """Open the list, the segments named with their counts."""
        self.opening.emit()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Take the keyboard, the segments named with their counts."""
        self.opening.emit()
        super().focusInEvent(event)


class CustomersFilterBar(QWidget):
    """Filters ``model`` by the text typed and the segment chosen; ``applied`` tells that the
    rows listed changed; ``into_list`` that Down or Enter was pressed in the filter box."""

    applied = Signal()
    into_list = Signal()

    def __init__(
        self,
        shop: Shop,
        model: CustomersModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.shop = shop
        self.model = model
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter by name, phone, e-mail or tag (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.segment = SegmentBox()
        self.segment.setObjectName("segmentFilter")
        self.segment.setToolTip(_("Show only the customers of one segment"))
        self.segment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_archived = QCheckBox(_("Show &archived"))
        self.new_button = QPushButton(_("&New customer…"))
        self.new_button.setToolTip(_("Add a new customer (Ctrl+N)"))
        self.counts_pending = True
        """The segments' counts are to be read (again) when the segment box is looked at:
        they read every customer, which a million take a moment and much memory for."""
        self._typing_pause = QTimer(self)
        self._typing_pause.setSingleShot(True)
        self._typing_pause.setInterval(TYPING_PAUSE_MS)
        self._typing_pause.timeout.connect(self.apply_text)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter, 1)
        layout.addWidget(self.segment)
        layout.addWidget(self.show_archived)
        layout.addWidget(self.new_button)

        self.filter.textChanged.connect(self._text_changed)
        on_keys(self.filter, [Qt.Key.Key_Down, *ENTER], self._into_list)
        self.segment.activated.connect(lambda _index: self.apply_segment())
        self.segment.opening.connect(self._count_now)
        self.segment.addItem(_("All segments"), "")
        for segment, title in segment_titles().items():  # each with its count when looked at
            self.segment.addItem(title, segment.value)

    def chosen_segment(self) -> Segment | None:
        """The segment chosen, or None for all of them."""
        value = self.segment.currentData()
        return Segment(value) if value else None

    def choose_segment(self, segment: Segment | None) -> None:
        """Choose ``segment`` (None: all) and keep only its customers."""
        self._count_now()
        index = self.segment.findData(segment.value if segment else "")
        self.segment.setCurrentIndex(max(index, 0))
        self.apply_segment()

    def show_counts(self) -> None:
        """Name each segment with how many active customers it holds now."""
        self.counts_pending = False
        counts = self.shop.segments.counts()
        for place, (segment, title) in enumerate(segment_titles().items(), start=1):
            text = _("{segment} ({n})").format(segment=title, n=fmt.number(counts[segment]))
            self.segment.setItemText(place, text)

    def reapply(self) -> None:
        """After a reload: the segment's customers as they are now; the counts when the
        segment box is next looked at (at once when it has the keyboard)."""
        self.apply_segment()
        self.counts_pending = True
        if self.segment.hasFocus():
            self._count_now()

    def _count_now(self) -> None:
        if self.counts_pending and not self.shop.closed:
            self.show_counts()

    def apply_segment(self) -> None:
        """Keep the customers of the chosen segment (all when none is chosen)."""
        segment = self.chosen_segment()
        wanted = None if segment is None else segment.value
        if self.model.query().segment != wanted:
            self.model.change_query(segment=wanted)
        self.applied.emit()

    def apply_text(self) -> None:
        """Keep the customers whose name, phone or e-mail holds the text typed."""
        self._typing_pause.stop()
        text = self.filter.text()
        if self.model.query().text != text:
            self.model.change_query(text=text)
        self.applied.emit()

    def focus_filter(self) -> None:
        """Put the cursor in the filter box, its text selected (Ctrl+F)."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _text_changed(self, _text: str) -> None:
        if self.model.total() > TYPING_PAUSE_ABOVE:
            self._typing_pause.start()
        else:
            self.apply_text()

    def _into_list(self) -> None:
        if self._typing_pause.isActive():
            self.apply_text()  # what was typed last counts
        self.into_list.emit()
