"""The draw: choose who takes part, see how many they are, draw the winners, give a winner a
voucher, save the notice for the shop window, and check that an earlier draw repeats.

All by keyboard: the fields come first, Enter draws (the Draw button is the default), the
winners' table takes the focus after a draw. The core decides who is on the list, draws, and
refuses what makes no sense; the dialog shows its words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common.formatting import moment, number
from shopcrm.common.i18n import _, ngettext
from shopcrm.numbers.draws import Draw, Winner
from ui.form_dialog import error_label
from ui.numbers.draw_parts import (
    DrawsModel,
    DrawVoucherDialog,
    PoolFields,
    WinnersModel,
    winner_rows,
    winners_box,
)
from ui.printing.printer import save_pdf
from ui.style import ERROR_STYLE, bold
from ui.tables import list_table


class DrawDialog(QDialog):
    """A draw among customers, and the draws made before. Open it with ``open()``."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Draw among customers"))
        self.resize(760, 700)
        self.shop = shop
        self.draw: Draw | None = None
        self.voucher_dialog: DrawVoucherDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.pool = PoolFields(shop.clock().date(), self.update_size)
        self.size_label = QLabel()
        self.size_label.setObjectName("poolSize")
        self.size_label.setWordWrap(True)
        self.winners = winners_box()
        winners_label = QLabel(_("&Winners:"))
        winners_label.setBuddy(self.winners)
        self.draw_button = QPushButton(_("&Draw"))
        self.draw_button.setDefault(True)
        self.draw_button.clicked.connect(self.run)
        self.error = error_label("drawError")
        self.shown_title = bold(QLabel(_("No draw yet")), 1)
        self.seed_label = QLabel()
        self.seed_label.setWordWrap(True)
        self.seed_label.setObjectName("seed")
        self.winners_model = WinnersModel()
        self.winners_table = list_table(self.winners_model, stretch=1)
        self.voucher_button = QPushButton(_("Give a v&oucher…"))
        self.voucher_button.clicked.connect(self.give_voucher)
        self.notice_button = QPushButton(_("Save the notice as &PDF…"))
        self.notice_button.clicked.connect(self.save_notice)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.draws_model = DrawsModel()
        self.draws_table = list_table(self.draws_model, stretch=1)
        self.draws_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_draw(self.draws_model.record_at(current.row()))
        )
        self.check_button = QPushButton(_("C&heck"))
        self.check_button.clicked.connect(self.check)
        self.check_label = QLabel()
        self.check_label.setObjectName("checkResult")
        self.check_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
            close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self._lay_out(winners_label, buttons)
        self.load_draws()
        self.update_size()
        self.show_draw(None)

    def _lay_out(self, winners_label: QLabel, buttons: QDialogButtonBox) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(bold(QLabel(_("Who takes part")), 1))
        layout.addWidget(self.pool)
        layout.addWidget(self.size_label)
        row = QHBoxLayout()
        row.addWidget(winners_label)
        row.addWidget(self.winners)
        row.addWidget(self.draw_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.shown_title)
        layout.addWidget(self.seed_label)
        layout.addWidget(self.winners_table, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.voucher_button)
        actions.addWidget(self.notice_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(bold(QLabel(_("Earlier draws")), 1))
        layout.addWidget(self.draws_table, 1)
        checks = QHBoxLayout()
        checks.addWidget(self.check_button)
        checks.addWidget(self.check_label, 1)
        layout.addLayout(checks)
        layout.addWidget(buttons)
        self.setTabOrder(self.pool.consent_only, self.winners)
        self.pool.by_days.setFocus()

    def update_size(self) -> None:
        """Show how many customers the list holds now, or why it makes no sense."""
        try:
            size = self.shop.draws.pool_size(self.pool.pool(), self.pool.consent_only.isChecked())
            words = self.shop.draws.describe(self.pool.pool(), self.pool.consent_only.isChecked())
        except ShopError as error:
            self.size_label.setText(str(error))
            self.size_label.setStyleSheet(ERROR_STYLE)
            return
        self.size_label.setStyleSheet("")
        self.size_label.setText(
            ngettext("{words}: {n} customer.", "{words}: {n} customers.", size).format(
                words=words, n=number(size)
            )
        )

    def run(self) -> None:
        """Draw the winners through the core; show them, or why not."""
        self.error.hide()
        self.status.clear()
        try:
            draw = self.shop.draws.run(
                self.pool.pool(), self.winners.value(), self.pool.consent_only.isChecked()
            )
        except ShopError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.load_draws()
        self.draws_table.selectRow(self.draws_model.row_of(draw.id))
        self.show_draw(self.shop.draws.get(draw.id))
        self.winners_table.setFocus()
        self.winners_table.selectRow(0)

    def load_draws(self) -> None:
        """List the draws made, newest first."""
        self.draws_model.set_records(self.shop.draws.all())
        self.check_button.setEnabled(self.draws_model.rowCount() > 0)

    def show_draw(self, draw: Draw | None) -> None:
        """Show a draw's winners and seed (the draw the voucher and the notice are for)."""
        self.draw = draw
        self.check_label.clear()
        if draw is None:
            self.shown_title.setText(_("No draw yet"))
            self.seed_label.clear()
            self.winners_model.set_records([])
        else:
            self.shown_title.setText(
                _("Winners of the draw of {moment}").format(moment=moment(draw.drawn_at))
            )
            self.seed_label.setText(
                ngettext(
                    "Seed {seed}; {n} customer took part: {words}.",
                    "Seed {seed}; {n} customers took part: {words}.",
                    draw.pool_size,
                ).format(seed=draw.seed, n=number(draw.pool_size), words=draw.pool_words)
            )
            self.winners_model.set_records(winner_rows(self.shop, draw.winners))
        self.voucher_button.setEnabled(draw is not None)
        self.notice_button.setEnabled(draw is not None)

    def selected_winner(self) -> Winner | None:
        """The winner highlighted in the winners' table."""
        if self.draw is None:
            return None
        row = self.winners_table.currentIndex().row()
        return self.draw.winners[row] if 0 <= row < len(self.draw.winners) else None

    def give_voucher(self) -> None:
        """Give the highlighted winner a voucher (a dialog, opened without blocking)."""
        winner = self.selected_winner()
        if self.draw is None or winner is None:
            self.status.setText(_("Choose a winner in the list first."))
            return
        if winner.reward_id is not None:
            self.status.setText(_("This winner has already been given a voucher for the draw."))
            return
        dialog = DrawVoucherDialog(self.shop, self.draw, winner, self)
        self.voucher_dialog = dialog
        draw_id, row = self.draw.id, self.winners_table.currentIndex().row()

        def done(result: int) -> None:
            self.voucher_dialog = None
            if result:
                self.show_draw(self.shop.draws.get(draw_id))
                self.winners_table.selectRow(row)
                given = dialog.given
                code = getattr(given, "code", "")
                self.status.setText(
                    _("Voucher {code} given to {name}.").format(code=code, name=winner.name)
                )
            self.winners_table.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def save_notice(self) -> None:
        """Ask where, then save the draw's notice for the shop window as a PDF."""
        if self.draw is None:
            return
        draw = self.draw
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{_('Draw results')} {draw.drawn_at[:10]}.pdf"
        dialog = QFileDialog(self, _("Save as PDF"), str(Path(folder) / name), _("PDF (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        self.file_dialog = dialog

        def chosen(path: str) -> None:
            self.file_dialog = None
            try:
                saved = save_pdf(self.shop.documents.draw_notice(draw), path)
            except OSError as error:
                self.status.setText(
                    _("The PDF could not be saved: {error}").format(error=error.strerror or error)
                )
                return
            self.status.setText(_("Saved: {path}").format(path=str(saved)))

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        dialog.open()

    def check(self) -> None:
        """Say whether the highlighted earlier draw repeats with its seed."""
        row = self.draws_table.currentIndex().row()
        draw = self.draws_model.record_at(row) or self.draw
        if draw is None:
            return
        if self.shop.draws.check(draw.id):
            self.check_label.setStyleSheet("")
            self.check_label.setText(
                _("It repeats: seed {seed} picks the same winners from the same list.").format(
                    seed=draw.seed
                )
            )
        else:
            self.check_label.setStyleSheet(ERROR_STYLE)
            self.check_label.setText(_("It does not repeat: the draw's record has been changed."))
