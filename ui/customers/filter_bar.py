"""The Customers page's top bar: the filter box, the segment, "show archived" and the New
customer button. The text and the segment together decide which rows the table keeps."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from shopcrm import Shop
from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _
from shopcrm.numbers.segments import Segment, segment_titles
from ui.customers.model import CustomersModel, CustomersProxy

# Above this many customers the filter waits for a pause in the typing before it runs.
TYPING_PAUSE_ABOVE = 20_000
TYPING_PAUSE_MS = 150


class CustomersFilterBar(QWidget):
    """Filters ``proxy`` by the text typed and the segment chosen; ``applied`` tells that the
    rows kept changed."""

    applied = Signal()

    def __init__(
        self,
        shop: Shop,
        model: CustomersModel,
        proxy: CustomersProxy,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.shop = shop
        self.model = model
        self.proxy = proxy
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter by name, phone or e-mail (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.segment = QComboBox()
        self.segment.setObjectName("segmentFilter")
        self.segment.setToolTip(_("Show only the customers of one segment"))
        self.segment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_archived = QCheckBox(_("Show &archived"))
        self.new_button = QPushButton(_("&New customer…"))
        self.new_button.setToolTip(_("Add a new customer (Ctrl+N)"))
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
        self.segment.activated.connect(lambda _index: self.apply_segment())
        self.show_counts()

    def chosen_segment(self) -> Segment | None:
        """The segment chosen, or None for all of them."""
        value = self.segment.currentData()
        return Segment(value) if value else None

    def choose_segment(self, segment: Segment | None) -> None:
        """Choose ``segment`` (None: all) and keep only its customers."""
        index = self.segment.findData(segment.value if segment else "")
        self.segment.setCurrentIndex(max(index, 0))
        self.apply_segment()

    def show_counts(self) -> None:
        """Name each segment with how many active customers it holds now."""
        counts = self.shop.segments.counts()
        chosen = self.segment.currentData() or ""
        self.segment.blockSignals(True)
        self.segment.clear()
        self.segment.addItem(_("All segments"), "")
        for segment, title in segment_titles().items():
            self.segment.addItem(
                _("{segment} ({n})").format(segment=title, n=fmt.number(counts[segment])),
                segment.value,
            )
        self.segment.setCurrentIndex(max(self.segment.findData(chosen), 0))
        self.segment.blockSignals(False)

    def reapply(self) -> None:
        """After a reload: the counts and the segment's customers as they are now."""
        self.show_counts()
        self.apply_segment()

    def apply_segment(self) -> None:
        """Keep the customers of the chosen segment (all when none is chosen)."""
        segment = self.chosen_segment()
        ids = None if segment is None else frozenset(self.shop.segments.customer_ids(segment))
        self.proxy.set_customer_ids(ids)
        self.applied.emit()

    def apply_text(self) -> None:
        """Keep the customers whose name, phone or e-mail holds the text typed."""
        self._typing_pause.stop()
        self.proxy.set_query(self.filter.text())
        self.applied.emit()

    def focus_filter(self) -> None:
        """Put the cursor in the filter box, its text selected (Ctrl+F)."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _text_changed(self, _text: str) -> None:
        if self.model.rowCount() > TYPING_PAUSE_ABOVE:
            self._typing_pause.start()
        else:
            self.apply_text()
