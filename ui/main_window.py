"""The main window: a side bar of pages (Counter first) over one open shop."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common import formatting
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import PrintJob
from ui.first_paint import AfterFirstPaint
from ui.to_front import bring_to_front
from ui.window_place import restore_place, save_place


def _customers_page(shop: Shop) -> QWidget:
    from ui.customers.page import CustomersPage

    return CustomersPage(shop)


def _settings_page(shop: Shop) -> QWidget:
    from ui.settings.page import SettingsPage

    return SettingsPage(shop)


def _rewards_page(shop: Shop) -> QWidget:
    from ui.rewards.page import RewardsPage

    return RewardsPage(shop)


def _care_page(shop: Shop) -> QWidget:
    from ui.care.page import CarePage

    return CarePage(shop)


def _print_page(shop: Shop) -> QWidget:
    from ui.printing.page import PrintPage

    return PrintPage(shop)


def _numbers_page(shop: Shop) -> QWidget:
    from ui.numbers.page import NumbersPage

    return NumbersPage(shop)


def _counter_page(shop: Shop) -> QWidget:
    from ui.counter.page import CounterPage

    return CounterPage(shop)


class MainWindow(QMainWindow):
    """ShopCRM's one window. It owns the open ``Shop`` and closes it when it closes.

    Pages other than the Counter are built the first time they are shown, so that the window
    appears fast; a page that emits ``changed`` makes the others refresh.
    """

    COUNTER, CUSTOMERS, REWARDS, SETTINGS, CARE, PRINT, NUMBERS = range(7)

    def __init__(
        self, shop: Shop, parent: QWidget | None = None, place: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.shop = shop
        self._place = place
        """Where the window's size and place are kept between runs (None: not kept)."""
        self.help: QWidget | None = None
        """The help page (F1), once opened."""
        self._factories: list[tuple[str, Callable[[Shop], QWidget]]] = [
            (_("Counter"), _counter_page),
            (_("Customers"), _customers_page),
            (_("Rewards"), _rewards_page),
            (_("Settings"), _settings_page),
            (_("Occasions & calls"), _care_page),
            (_("Print"), _print_page),
            (_("Numbers"), _numbers_page),
        ]
        self._pages: dict[int, QWidget] = {}

        self.side_bar = QListWidget()
        self.side_bar.setObjectName("sideBar")
        self.side_bar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = self.side_bar.font()
        font.setPointSize(font.pointSize() + 2)
        self.side_bar.setFont(font)
        self.side_bar.setStyleSheet("QListWidget#sideBar::item { padding: 8px 0px; }")
        for number, (title, _factory) in enumerate(self._factories, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(_("{page} (Ctrl+{number})").format(page=title, number=number))
            self.side_bar.addItem(item)
        self.side_bar.setWordWrap(True)
        # The titles wrap to the width: never a scroll bar across ("Occasions & calls").
        self.side_bar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_bar.setFixedWidth(self._side_bar_width())
        self.stack = QStackedWidget()
        for _title in self._factories:
            self.stack.addWidget(QWidget())  # replaced by the page when first shown

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.side_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.side_bar.currentRowChanged.connect(self._show_page)
        self.side_bar.itemActivated.connect(lambda _item: self.focus_page())
        for number in range(1, len(self._factories) + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.go_to(n - 1))

        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.show_help)

        self.setMinimumSize(900, 600)
        self.resize(1100, 740)
        if place is not None:
            restore_place(self, place)
        self.side_bar.setCurrentRow(self.COUNTER)
        self.update_title()
        self._shown_once = False
        self.birthdays_issued: list[object] | None = None
        """The birthday rewards issued at start (None until the start-up check has run)."""
        self._birthdays_day: date | None = None
        self._checking_said = False
        self._birthday_timer = QTimer(self)
        self._birthday_timer.setInterval(200)
        self._birthday_timer.timeout.connect(self._issue_birthdays)
        self._birthday_timer.start()
        self._after_paint = AfterFirstPaint(self)
        # The day's first look comes right after the first paint: the rewards, the print queue
        # and its count on the side bar are not needed to draw the counter. A running check is
        # told in the first frame.
        self._say_checking(not shop.check_finished())
        self.after_first_paint(self._issue_birthdays)

    def after_first_paint(self, job: Callable[[], object]) -> None:
        """Run ``job`` right after the window's first paint (at once if it is over): for what
        the first frame does not show."""
        self._after_paint.add(job)

    def _side_bar_width(self) -> int:
        """Wide enough for the longest word of a page's title; a long title wraps (so the side
        bar never takes the counter's room at 1024 pixels)."""
        metrics = self.side_bar.fontMetrics()
        words = [word for title, _f in self._factories for word in title.split()]
        widest = max(metrics.horizontalAdvance(word) for word in words)
        return max(140, widest + 48)

    def _issue_birthdays(self) -> None:
        """At start and once each new day: issue the birthday rewards now due, and let the
        print rules queue the cards and letters now due.

        Waits for the opening's integrity check, so that the window appears at once and nothing
        is written to a damaged file (main.py then tells and quits). A window left open
        overnight issues the next day's rewards on its own, and its pages show the new day
        (the occasions coming, today's calls).
        """
        if self.shop.closed:
            return
        if not self.shop.check_finished():
            self._say_checking(True)
            return
        self._say_checking(False)
        today = self.shop.clock().date()
        if today == self._birthdays_day:
            return
        new_day = self._birthdays_day is not None
        self._birthdays_day = today
        self._birthday_timer.setInterval(10 * 60 * 1000)
        try:
            issued = self.shop.rewards.issue_birthdays()
        except ShopError:
            self.birthdays_issued = []
            return
        self.birthdays_issued = list(issued)
        try:
            queued = self.shop.print_queue.refresh()
        except ShopError:
            queued = 0
        self.update_print_count()
        if issued or new_day or queued:
            for page in self._pages.values():
                refresh = getattr(page, "refresh", None)
                if refresh is not None:
                    refresh()

    def page(self, number: int) -> QWidget:
        """The page at ``number`` (COUNTER, CUSTOMERS, REWARDS, SETTINGS, CARE, PRINT, NUMBERS),
        built if need be."""
        page = self._pages.get(number)
        if page is None:
            page = self._factories[number][1](self.shop)
            placeholder = self.stack.widget(number)
            self.stack.insertWidget(number, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            changed = getattr(page, "changed", None)
            if changed is not None:
                changed.connect(lambda source=page: self._page_changed(source))
            print_requested = getattr(page, "print_requested", None)
            if print_requested is not None:
                print_requested.connect(self.print_job)
            queue_changed = getattr(page, "queue_changed", None)
            if queue_changed is not None:
                queue_changed.connect(self._queue_changed)
            self._pages[number] = page
        return page

    def print_job(self, job: PrintJob) -> None:
        """Open the Print page set up for ``job`` (a page's print action)."""
        self.go_to(self.PRINT)
        page = self.page(self.PRINT)
        load = getattr(page, "load", None)
        if load is not None:
            load(job)

    @property
    def counter(self) -> QWidget:
        """The Counter page."""
        return self.page(self.COUNTER)

    def _show_page(self, number: int) -> None:
        if number < 0:
            return
        self.page(number)
        self.stack.setCurrentIndex(number)

    def go_to(self, number: int) -> None:
        """Show page ``number`` and put the keyboard focus in it."""
        self.side_bar.setCurrentRow(number)
        self.focus_page()

    def focus_page(self) -> None:
        """Put the keyboard focus on the first field of the current page."""
        page = self.stack.currentWidget()
        if page is None:
            return
        if page.focusProxy() is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisibleTo(page)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _page_changed(self, source: QWidget) -> None:
        for page in self._pages.values():
            if page is not source:
                refresh = getattr(page, "refresh", None)
                if refresh is not None:
                    refresh()
        self.update_title()
        self.update_print_count()

    def _queue_changed(self) -> None:
        """The print rules queued cards (after a sale): the side bar's count and the queue."""
        self.update_print_count()
        printing = self._pages.get(self.PRINT)
        refresh = getattr(printing, "refresh", None)
        if refresh is not None:
            refresh()

    def update_print_count(self) -> None:
        """The side bar's Print shows how many queued cards and letters wait: "Print (3)"."""
        try:
            count = self.shop.print_queue.count()
        except ShopError:
            return
        title = self._factories[self.PRINT][0]
        item = self.side_bar.item(self.PRINT)
        if item is not None:
            item.setText(
                _("{page} ({n})").format(page=title, n=formatting.number(count)) if count else title
            )

    def update_title(self) -> None:
        """ "ShopCRM — <shop name>", or the database file's name when the shop has none."""
        name = self.shop.settings.get().shop_name or self.shop.path.name
        self.setWindowTitle(f"ShopCRM — {name}")

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the window shows, the cursor waits in the Counter's search box."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.focus_page()

    def show_help(self) -> None:
        """F1: the help page, beside the window (it keeps its place and what was typed)."""
        from ui.help import HelpDialog

        if self.help is None:
            self.help = HelpDialog(self.shop.path, self)
        self.help.show()
        self.help.raise_()
        self.help.activateWindow()

    def bring_to_front(self) -> None:
        """Show the window in front (ShopCRM was started again): a minimised window comes
        back as it was; what is typed and focused in it stays as it is."""
        bring_to_front(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the shop with the window (Ctrl+Q), keeping the window's size and place; an
        unfinished daily backup or check is stopped, not waited for."""
        if self._place is not None:
            save_place(self, self._place)
        super().closeEvent(event)
        if event.isAccepted():
            self.stop_timers()
            self.shop.close(hurry=True)

    def _say_checking(self, running: bool) -> None:
        """While the opening's check of a big file runs (seconds), the status bar says so; the
        counter works meanwhile. The bar goes once the check is over."""
        if running == self._checking_said:
            return
        self._checking_said = running
        bar = self.statusBar()
        if running:
            bar.showMessage(_("Checking the database… the counter works meanwhile."))
            bar.show()
        else:
            bar.clearMessage()
            bar.hide()

    def reopen(self, shop: Shop) -> MainWindow:
        """Show ``shop`` (its file just restored from a backup) in a new window in this one's
        place, on the same page; this one closes, its own shop closed already."""
        window = MainWindow(shop)
        window.setGeometry(self.geometry())
        self.successor = window  # kept alive as long as this one is (main.py holds it)
        window.show()
        window.go_to(self.side_bar.currentRow())
        self.close()
        return window

    def stop_timers(self) -> None:
        """Stop the window's own timers and any count running apart: the shop is about to close
        under it."""
        self._birthday_timer.stop()
        for page in self._pages.values():
            stop = getattr(page, "stop", None)
            if stop is not None:
                stop()
