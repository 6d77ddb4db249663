"""The loyalty part of the Counter's customer panel: progress toward each rule, open rewards.

Each progress line reads like "2 more visits to 10% off", with a thin bar; when little is left it
is starred and bold ("Almost there!"). Each open reward is one row: a check box "use with this
purchase" (Alt+1 … Alt+9 toggle rows 1 to 9, Space toggles the focused one), what it is worth,
its code and last valid day, and for gifts a "Hand over" button (a gift given without a sale).
What is due and what is worth what is the core's business: this only shows and collects ticks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shopcrm.common import formatting
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _
from shopcrm.loyalty.rules import RewardKind

if TYPE_CHECKING:
    from shopcrm.loyalty.engine import Progress
    from shopcrm.loyalty.rewards import Reward

ALMOST_STYLE = "color: #e65100; font-weight: bold;"
MUTED_STYLE = "color: palette(placeholder-text);"
MAX_SHORTCUT_ROWS = 9
_VISIBLE_REWARD_ROWS = 3
BAR_WIDTH = 90
_BAR_LIMIT = 1_000_000_000  # QProgressBar counts in a 32-bit int


class ProgressLine(QWidget):
    """One rule's progress on one line: the core's sentence and a short bar; starred when almost
    there."""

    def __init__(self, progress: Progress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)  # a parent first: shown without one, it is a window
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(BAR_WIDTH, 8)
        target, done = max(0, progress.target), max(0, progress.done)
        scale = max(1, target // _BAR_LIMIT + 1)
        self.bar.setRange(0, max(1, target // scale))
        self.bar.setValue(min(target, done) // scale)
        self.bar.setVisible(target > 0)
        self.almost = bool(progress.almost)
        if self.almost:
            self.label.setText(_("★ {progress} — Almost there!").format(progress=progress.text))
            self.label.setStyleSheet(ALMOST_STYLE)
            self.bar.setStyleSheet("QProgressBar::chunk { background: #fb8c00; }")
        else:
            self.label.setText(progress.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 1)


class RewardRow(QWidget):
    """One open reward: a "use with this purchase" box and what it is (with its key, and a
    "Hand over" button for a gift); under it, its code and last valid day."""

    toggled = Signal(bool)
    hand_over = Signal(int)
    """Emitted with the reward's id when "Hand over" is pressed (gifts only)."""

    def __init__(
        self,
        reward: Reward,
        number: int,
        currency: str,
        parent: QWidget | None = None,
        anonymous: bool = False,
    ) -> None:
        from ui.eliding_check import ElidingCheckBox  # not before a reward is shown

        super().__init__(parent)
        self.reward = reward
        what = reward.description(currency)
        self.check = ElidingCheckBox(what.replace("&", "&&"))  # a gift's "&" is no mnemonic
        font = self.check.font()
        font.setBold(True)
        self.check.setFont(font)
        tip = _("Use with this purchase")
        if number <= MAX_SHORTCUT_ROWS:
            tip = _("{action} (Alt+{number})").format(action=tip, number=number)
        tip = f"{what}\n{tip}"  # in full, for when the row is too narrow for it
        if reward.note:
            tip += "\n" + reward.note
        self.check.setToolTip(tip)
        self.check.toggled.connect(self.toggled)
        self.details = QLabel(
            _("{code} · valid until {date}").format(code=reward.code, date=day(reward.expires_on))
        )
        self.details.setStyleSheet(MUTED_STYLE)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setToolTip(self.details.text())
        # the code comes first; on a very narrow counter the date gives way, not the row
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.key = QLabel(f"Alt+{number}" if number <= MAX_SHORTCUT_ROWS else "")
        self.key.setStyleSheet(MUTED_STYLE)
        self.hand_over_button: QPushButton | None = None

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.check, 1)
        if reward.reward == RewardKind.GIFT and not anonymous:
            button = QPushButton(_("Hand over"))
            button.setToolTip(_("The gift was given without a purchase: mark it handed over."))
            button.clicked.connect(lambda: self.hand_over.emit(self.reward.id))
            top.addWidget(button)
            self.hand_over_button = button
        top.addWidget(self.key)
        indent = self.style().pixelMetric(self.style().PixelMetric.PM_IndicatorWidth)
        indent += self.style().pixelMetric(self.style().PixelMetric.PM_CheckBoxLabelSpacing)
        self.details.setContentsMargins(indent, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.details)

    @property
    def ticked(self) -> bool:
        """Whether the reward is to be used with this purchase."""
        return self.check.isChecked()


class _RewardsScroll(QScrollArea):
    """A scroll area that asks for its maximum height (a few rewards) and gives way if short."""

    def sizeHint(self) -> QSize:
        """Qt: as tall as the rewards it should show."""
        hint = super().sizeHint()
        hint.setHeight(self.maximumHeight())
        return hint


class LoyaltyBox(QFrame):
    """Progress toward each rule and the open rewards of the customer being served."""

    selection_changed = Signal()
    """The rewards ticked for this purchase changed."""
    hand_over = Signal(int)
    """A gift reward (its id) is to be marked handed over."""
    opening_balance = Signal()
    """The shopkeeper asked to enter an opening balance (from a paper stamp card)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loyaltyBox")
        self.progress_lines: list[ProgressLine] = []
        self.rows: list[RewardRow] = []
        self._currency = "TRY"

        title = QLabel(_("Loyalty"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.balance_button = QPushButton(_("Opening balance…"))
        self.balance_button.setToolTip(
            _("Visits and spending from a paper stamp card, counted toward the rules")
        )
        self.balance_button.clicked.connect(self.opening_balance)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.balance_button)

        self.progress_box = QVBoxLayout()
        self.progress_box.setSpacing(4)
        self.no_rules = QLabel(_("No loyalty rule is active."))
        self.no_rules.setStyleSheet(MUTED_STYLE)

        self.rewards_title = QLabel(_("Open rewards — tick the ones to use with this purchase:"))
        self.rewards_title.setWordWrap(True)
        self.no_rewards = QLabel(_("No open rewards."))
        self.no_rewards.setStyleSheet(MUTED_STYLE)
        self.rows_widget = QWidget()
        self.rows_box = QVBoxLayout(self.rows_widget)
        self.rows_box.setContentsMargins(0, 0, 4, 0)
        self.rows_box.setSpacing(2)
        self.rows_box.addStretch(1)
        self.rows_scroll = _RewardsScroll()
        self.rows_scroll.setWidget(self.rows_widget)
        self.rows_scroll.setWidgetResizable(True)
        self.rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rows_scroll.verticalScrollBar().valueChanged.connect(
            lambda _v: self._update_rows_count()
        )
        self.rows_scroll.viewport().installEventFilter(self)
        self.rows_count = QLabel()
        self.rows_count.setObjectName("rewardsShown")
        self.rows_count.setStyleSheet(MUTED_STYLE)
        self.rows_count.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(header)
        layout.addLayout(self.progress_box)
        layout.addWidget(self.no_rules)
        layout.addWidget(self.rewards_title)
        layout.addWidget(self.no_rewards)
        layout.addWidget(self.rows_scroll)
        layout.addWidget(self.rows_count)

    def show_loyalty(
        self,
        progress: list[Progress],
        rewards: list[Reward],
        currency: str,
        ticked: set[int] | frozenset[int] = frozenset(),
        voucher: Reward | None = None,
    ) -> None:
        """Show ``progress`` and the open ``rewards``; ids in ``ticked`` start ticked.

        ``voucher`` is an anonymous gift voucher scanned for this purchase: shown first, ticked.
        """
        self._currency = currency
        for line in self.progress_lines:
            line.hide()  # no parent and shown would make it a window of its own for a moment
            self.progress_box.removeWidget(line)
            line.deleteLater()
        self.progress_lines = []
        for item in progress:
            line = ProgressLine(item, self)
            self.progress_box.addWidget(line)
            self.progress_lines.append(line)
        self.no_rules.setVisible(not progress)

        for row in self.rows:
            row.hide()
            self.rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        shown: list[tuple[Reward, bool]] = []
        if voucher is not None:
            shown.append((voucher, True))
        shown.extend((r, False) for r in rewards if voucher is None or r.id != voucher.id)
        for number, (reward, anonymous) in enumerate(shown, start=1):
            row = RewardRow(reward, number, currency, self.rows_widget, anonymous=anonymous)
            row.check.setChecked(reward.id in ticked or anonymous)
            row.toggled.connect(lambda _on: self.selection_changed.emit())
            row.hand_over.connect(self.hand_over)
            self.rows_box.insertWidget(self.rows_box.count() - 1, row)
            self.rows.append(row)
        self.no_rewards.setVisible(not self.rows)
        self.rows_scroll.setVisible(bool(self.rows))
        self._fit_scroll()
        self.selection_changed.emit()

    def _fit_scroll(self) -> None:
        if not self.rows:
            self._update_rows_count()
            return
        spacing = self.rows_box.spacing()
        heights = [row.sizeHint().height() for row in self.rows[:_VISIBLE_REWARD_ROWS]]
        # up to three whole rewards in view (none cut in half); when the window is short, one
        self.rows_scroll.setMaximumHeight(sum(heights) + spacing * (len(heights) - 1))
        self.rows_scroll.setMinimumHeight(heights[0])
        self._update_rows_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: count the rewards in view again when the list's window changes size."""
        if event.type() == QEvent.Type.Resize:
            self._update_rows_count()
        return False

    def rows_in_view(self) -> list[int]:
        """The numbers (from 0) of the reward rows wholly in view."""
        height = self.rows_scroll.viewport().height()
        offset = self.rows_widget.y()
        return [
            number
            for number, row in enumerate(self.rows)
            if row.y() + offset >= 0 and row.y() + offset + row.height() <= height
        ]

    def _update_rows_count(self) -> None:
        """Say how many rewards are in view when some are not: the rest are a scroll away."""
        shown, total = len(self.rows_in_view()), len(self.rows)
        self.rows_count.setVisible(0 < shown < total)
        if 0 < shown < total:
            self.rows_count.setText(
                _("Showing {shown} of {total} — scroll for the rest").format(
                    shown=formatting.number(shown), total=formatting.number(total)
                )
            )

    def ticked_ids(self) -> list[int]:
        """The ids of the rewards ticked for this purchase, in the order shown."""
        return [row.reward.id for row in self.rows if row.ticked]

    def ticked_rewards(self) -> list[Reward]:
        """The rewards ticked for this purchase, in the order shown."""
        return [row.reward for row in self.rows if row.ticked]

    def tick(self, reward_id: int, on: bool = True) -> bool:
        """Tick (or untick) the reward with this id; False if it is not shown."""
        for row in self.rows:
            if row.reward.id == reward_id:
                row.check.setChecked(on)
                return True
        return False

    def toggle_row(self, number: int) -> None:
        """Toggle row ``number`` (1 is the first), as Alt+number does."""
        if 1 <= number <= len(self.rows):
            row = self.rows[number - 1]
            row.check.setChecked(not row.check.isChecked())
            self.rows_scroll.ensureWidgetVisible(row, 0, 0)

    def almost_there(self) -> list[ProgressLine]:
        """The progress lines marked "almost there"."""
        return [line for line in self.progress_lines if line.almost]
