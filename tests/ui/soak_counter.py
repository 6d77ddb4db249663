"""A day at the counter, compressed: thousands of keystrokes and a hundred purchases.

Run as ``python -m tests.ui.soak_counter DB_FOLDER [KEYSTROKES] [PURCHASES]``. It opens the real
main window offscreen on a demo shop, types Turkish names into the Counter's search box one key
at a time (clearing it between names), and every so often picks the first result and logs a
purchase. At the end it prints ``none-refcount <before> <after>``, ``keystrokes N`` and
``purchases N``. A Qt binding that loses references to ``None`` kills the process long before
that (``Fatal Python error: none_dealloc``), which is what tests/ui/test_soak.py looks for.
"""

from __future__ import annotations

import os
import sys
from itertools import cycle
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.demo import create_demo_database
from tests.ui.conftest import type_text

NAMES = (
    "Şükrü Öztürk",
    "Ayşe Yılmaz",
    "Çağla Gündoğdu",
    "İlker Işık",
    "Gülşen Çelik",
    "Ömer Ağaoğlu",
    "Irmak Ilıcak",
    "0532 4",
    "Zeynep Doğan",
    "ığüşöç",
)


def soak(folder: Path, keystrokes: int, purchases: int) -> tuple[int, int, int, int]:
    """Type ``keystrokes`` keys and log ``purchases`` purchases; the refcounts of None and the
    counts of keys and purchases actually done."""
    set_language("tr")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = folder / "soak.sqlite3"
    if not path.exists():
        create_demo_database(path)
    shop = Shop.open(path)
    from ui.counter.page import CounterPage
    from ui.main_window import MainWindow

    window = MainWindow(shop)
    window.resize(1280, 800)
    window.show()
    QTest.qWait(50)
    counter = window.counter
    assert isinstance(counter, CounterPage)
    search = counter.search
    every = max(1, keystrokes // max(1, purchases))
    typed = logged = 0
    before = sys.getrefcount(None)
    names = cycle(NAMES)
    while typed < keystrokes or logged < purchases:
        search.setFocus()
        QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(search, Qt.Key.Key_Backspace)
        typed += 2
        for ch in next(names):
            type_text(search, ch)
            typed += 1
            app.processEvents()  # type: ignore[union-attr]
        due = typed // every
        if logged < min(due, purchases) and counter.results_model.rowCount():
            QTest.keyClick(search, Qt.Key.Key_Return)
            for digit in str(10 + logged):
                type_text(counter.amount, digit)
            QTest.keyClick(counter.amount, Qt.Key.Key_Return)
            app.processEvents()  # type: ignore[union-attr]
            if counter.confirmation.isVisible():
                logged += 1
    app.processEvents()  # type: ignore[union-attr]
    after = sys.getrefcount(None)
    window.close()
    return before, after, typed, logged


def main() -> int:
    """Run the soak and print what it measured."""
    folder = Path(sys.argv[1])
    keystrokes = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    purchases = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    before, after, typed, logged = soak(folder, keystrokes, purchases)
    print(f"none-refcount {before} {after}", flush=True)
    print(f"keystrokes {typed}", flush=True)
    print(f"purchases {logged}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
