"""Start ShopCRM: read the arguments, find the data folder, choose the language, open the window.

python main.py                 the shop's database in the user's data folder
python main.py --demo          a demo shop with made-up customers (created on first use)
python main.py --db FILE       any database file
python main.py --lang tr|en    the interface language (else the shop's setting, else the system's)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon, QWindow
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from shopcrm import DatabaseInUse, Shop, ShopError
from shopcrm.common.app_files import icon_path
from shopcrm.common.i18n import LANGUAGES, current_language, set_language, system_language

if TYPE_CHECKING:
    from ui.single_instance import RunningCopy

APP_NAME = "ShopCRM"
DATABASE_NAME = "shopcrm.sqlite3"
DEMO_DATABASE_NAME = "demo.sqlite3"


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="shopcrm", description="ShopCRM")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--demo", action="store_true", help="open the demo shop")
    where.add_argument("--db", type=Path, metavar="PATH", help="open this database file")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language")
    return parser.parse_args(argv)


def data_folder() -> Path:
    """The user's writable data folder for ShopCRM (never the install folder)."""
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def database_path(args: argparse.Namespace) -> Path:
    """The database this run opens: ``--db``, the demo shop, or the shop's own."""
    if args.db is not None:
        return Path(args.db)
    return data_folder() / (DEMO_DATABASE_NAME if args.demo else DATABASE_NAME)


def choose_language(requested: str | None, stored: str, system: str | None = None) -> str:
    """``--lang`` if given, else the shop's stored setting, else the system's language."""
    if requested in LANGUAGES:
        return requested
    if stored in LANGUAGES:
        return stored
    return system if system in LANGUAGES else system_language()


def install_qt_translation(app: QCoreApplication, language: str) -> QTranslator | None:
    """Make Qt's own texts (OK, Cancel, Yes...) speak Turkish when the app does."""
    if language != "tr":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale("tr_TR"), "qtbase", "_", folder):
        return None
    app.installTranslator(translator)
    return translator


def open_shop(path: Path, demo: bool) -> Shop:
    """Open the database, creating the demo shop first when asked for and missing."""
    if demo and not path.exists():
        from shopcrm.demo import create_demo_database

        create_demo_database(path)
    return Shop.open(path, check_in_background=True)


def refuse(app: QApplication, error: ShopError) -> int:
    """Tell why the shop cannot be opened, in the app's language; the exit code."""
    install_qt_translation(app, current_language())
    QMessageBox.critical(None, APP_NAME, str(error))
    return 1


def first_day(app: QApplication, shop: Shop) -> None:
    """A shop just created: the short setup (language, the shop on its cards, logo, money and
    visits), each step skippable; the counter opens after it either way. ShopCRM started again
    meanwhile brings the setup to the front."""
    from ui.first_day.wizard import FirstDayWizard

    wizard = FirstDayWizard(shop)
    running = listen_for_second_starts(app, shop, wizard)
    try:
        wizard.exec()
    finally:
        running.close()


def bring_running_copy_to_front(path: Path) -> bool:
    """Another copy has ``path`` open: ask it to bring its window to the front; whether it
    did (a copy that hangs or is gone does not answer: the caller says the database is in
    use)."""
    from ui.single_instance import ask_to_raise, key_for

    return ask_to_raise(key_for(path))


def listen_for_second_starts(app: QApplication, shop: Shop, window: QWidget) -> RunningCopy:
    """Bring ``window`` to the front when ShopCRM is started again on the same database."""
    from ui.single_instance import RunningCopy, key_for

    running = RunningCopy(key_for(shop.path), app)
    bring = getattr(window, "bring_to_front", None)
    if bring is not None:
        running.raise_requested.connect(bring)
    if os.environ.get("SHOPCRM_TELL_SECOND_STARTS") == "1":  # for the two-process test
        running.raise_requested.connect(lambda: print("raise-requested", flush=True))
    if running.listen() and os.environ.get("SHOPCRM_TELL_SECOND_STARTS") == "1":
        print("listening", flush=True)
    return running


def watch_integrity_check(app: QApplication, shop: Shop, window: QWidget) -> QTimer:
    """Once the opening's integrity check is over, refuse a damaged file: tell, then quit.

    The check runs while the window appears; no change is written before it has passed.
    """
    timer = QTimer(app)
    timer.setInterval(100)

    def poll() -> None:
        if not window.isVisible():  # quitting: a check stopped by the quit tells nothing
            timer.stop()
            return
        if not shop.check_finished():
            return
        timer.stop()
        try:
            shop.verify()
        except ShopError as error:
            window.hide()
            QMessageBox.critical(None, APP_NAME, str(error))
            app.exit(1)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def watch_daily_backup(app: QApplication, shop: Shop, window: QWidget) -> QTimer:
    """Once today's backup is over, tell once if it failed, without stopping the counter: the
    message stays beside the window, which keeps the keyboard."""
    timer = QTimer(app)
    timer.setInterval(250)

    def poll() -> None:
        if not window.isVisible():  # quitting: a backup stopped by the quit is no failure
            timer.stop()
            return
        if not shop.backup_finished():
            return
        timer.stop()
        try:
            shop.verify()
        except ShopError:
            return  # the integrity check's own refusal is told by watch_integrity_check
        problem = shop.backup_problem()
        if problem is not None:
            warn_beside(app, window, str(problem))

    timer.timeout.connect(poll)
    timer.start()
    return timer


def warn_beside(app: QApplication, window: QWidget, text: str) -> QMessageBox:
    """A warning shown beside ``window`` that leaves it the keyboard: the shopkeeper reads it
    and clicks it away, and typing at the counter goes on meanwhile."""
    focused = app.focusWidget()
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, parent=window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    armed = True

    def disarm() -> None:
        nonlocal armed
        if armed:
            armed = False
            app.focusWindowChanged.disconnect(give_keys_back)

    def give_keys_back(now: QWindow | None) -> None:
        # Where the window system activates a new window anyway, hand the keys back once.
        if now is not None and now is box.windowHandle():
            disarm()
            window.activateWindow()
            if focused is not None:
                focused.setFocus()

    app.focusWindowChanged.connect(give_keys_back)
    box.destroyed.connect(disarm)
    box.show()
    return box


class _FirstPaintReporter(QObject):
    """Bench hook: report the time of the window's first paint and the memory used, then quit."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Wait for the first paint; report once it has been drawn."""
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time()}", flush=True)
        print(f"max-rss-kb {_peak_memory_kb()}", flush=True)
        self._app.quit()


def _peak_memory_kb() -> int:
    """This process's peak resident memory (Linux's VmHWM; getrusage elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ShopCRM; return the exit code."""
    args = parse_arguments(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon(str(icon_path())))
    set_language(choose_language(args.lang, ""))
    path = database_path(args)
    try:
        shop = open_shop(path, args.demo)
    except DatabaseInUse as error:
        if bring_running_copy_to_front(path):
            return 0
        return refuse(app, error)
    except ShopError as error:
        return refuse(app, error)
    try:
        language = choose_language(args.lang, shop.settings.get().language)
        set_language(language)
        translator = install_qt_translation(app, language)
        if shop.created and not args.demo:
            first_day(app, shop)
            chosen = choose_language(args.lang, shop.settings.get().language)
            if chosen != language:
                if translator is not None:
                    app.removeTranslator(translator)
                set_language(chosen)
                install_qt_translation(app, chosen)
        from ui.main_window import MainWindow
        from ui.window_place import user_settings

        window = MainWindow(shop, place=user_settings())
    except ShopError as error:
        _close_quietly(shop)
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    except BaseException:
        _close_quietly(shop)
        raise
    if os.environ.get("SHOPCRM_BENCH_FIRST_PAINT") == "1":
        reporter = _FirstPaintReporter(app)
        window.installEventFilter(reporter)
    window.show()
    # A second start is listened for right after the first paint (the network module is not
    # needed to draw the counter).
    listening: list[RunningCopy] = []
    window.after_first_paint(lambda: listening.append(listen_for_second_starts(app, shop, window)))
    watchers = [watch_integrity_check(app, shop, window), watch_daily_backup(app, shop, window)]
    code = app.exec()
    for running in listening:
        running.close()
    for watcher in watchers:
        watcher.stop()
    window.stop_timers()
    try:
        shop.close(hurry=True)
    except ShopError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return code or 1
    return code


def _close_quietly(shop: Shop) -> None:
    """Close a shop that is being given up on; the error that led here is the one to tell."""
    with contextlib.suppress(ShopError):
        shop.close()


def exit_now(code: int) -> None:
    """End the process with ``code`` once ``main`` has returned: the shop is closed, its lock
    released, the window's place saved and the local socket removed by then. Python's and Qt's
    own teardown of every object would add about 0.3 s to quitting, for nothing."""
    import logging

    logging.shutdown()  # what a log handler holds is written out, as a normal exit does
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
