"""Make the README's screenshots: the Counter, the Rewards page, today's calls and the Print
page, in Turkish, on the demo shop.

    .venv/bin/python tools/screenshots.py [OUT_FOLDER]   (docs/ by default)

Runs offscreen on a fresh demo database in a temporary folder, so the pictures are the same on
every machine (apart from today's date).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import main  # noqa: E402
from shopcrm import Shop  # noqa: E402
from shopcrm.common.i18n import set_language  # noqa: E402
from shopcrm.demo import create_demo_database  # noqa: E402
from shopcrm.documents.kinds import DocumentKind, PrintJob  # noqa: E402

SIZE = (1100, 720)


def type_text(widget: object, text: str) -> None:
    """Type ``text`` key by key (Turkish letters too)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            widget,  # type: ignore[arg-type]
            Qt.Key.Key_unknown,
            ch,
            Qt.KeyboardModifier.NoModifier,
        )


def _a_customer_with_rewards(shop: Shop) -> str:
    """The name of the customer with the most open rewards (the first such, by number)."""
    held: dict[int, int] = {}
    for reward in shop.rewards.all("valid"):
        if reward.customer_id is not None:
            held[reward.customer_id] = held.get(reward.customer_id, 0) + 1
    best = max(sorted(held), key=lambda customer_id: held[customer_id])
    return shop.customers.get(best).name


def _three_greeted(shop: Shop) -> tuple[int, ...]:
    """Three customers the cards greet as "Bey" or "Hanım"."""
    rows = shop.store.query(
        "SELECT id FROM customers WHERE address_form IN ('bey', 'hanim') ORDER BY id LIMIT 3"
    )
    return tuple(int(row["id"]) for row in rows)


def shoot(out: Path) -> None:
    """Write counter-tr.png, rewards-tr.png, calls-tr.png and print-tr.png into ``out``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_language("tr")
    main.install_qt_translation(app, "tr")  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        create_demo_database(path)
        shop = Shop.open(path)
        from ui.counter.page import CounterPage
        from ui.main_window import MainWindow

        window = MainWindow(shop)
        window.resize(*SIZE)
        window.show()
        QTest.qWait(200)
        counter = window.counter
        assert isinstance(counter, CounterPage)
        type_text(counter.search, _a_customer_with_rewards(shop))
        QTest.keyClick(counter.search, Qt.Key.Key_Return)
        counter.toggle_reward(1)
        type_text(counter.amount, "1.250,50")
        QTest.qWait(200)
        window.grab().save(str(out / "counter-tr.png"))
        window.go_to(MainWindow.REWARDS)
        QTest.qWait(200)
        window.grab().save(str(out / "rewards-tr.png"))
        window.go_to(MainWindow.CARE)
        QTest.qWait(200)
        window.grab().save(str(out / "calls-tr.png"))
        window.print_job(PrintJob(DocumentKind.THANK_YOU, customer_ids=_three_greeted(shop)))
        QTest.qWait(800)  # the preview is drawn once the page settles
        window.grab().save(str(out / "print-tr.png"))
        window.close()


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
