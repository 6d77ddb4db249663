"""The Backups part of Settings: the list with what each backup holds, a damaged one said and
refused, and a restore that reopens the shop from the backup in a new window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from ui.main_window import MainWindow
from ui.settings.page import SettingsPage


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0)

    def __call__(self) -> datetime:
        return self.now


def today() -> datetime:
    """The day of the tests: the daily backups of the fixture are all there is."""
    return datetime(2026, 12, 2, 10, 0)


@pytest.fixture
def backed_up(tmp_path: Path) -> Iterator[Path]:
    """A shop with two daily backups: one of 1 customer, one of 2; 3 customers now."""
    path = tmp_path / "shop.sqlite3"
    clock = Clock()
    for name in ("Ayşe Yılmaz", "Şükrü Öztürk", "Çağla Işık"):
        with Shop.open(path, clock=clock) as shop:
            shop.store.wait_for_daily_backup()
            shop.settings.update(backup_budget=10)
            c = shop.customers.add(name=name)
            shop.purchases.log(c.id, amount=10_000)
        clock.now += timedelta(days=1)
    yield path


def cells(page: SettingsPage, column: int) -> list[str]:
    model = page.backups.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_backups_are_listed_with_their_counts(
    qtbot: QtBot, backed_up: Path, language: str
) -> None:
    with Shop.open(backed_up, clock=today) as shop:
        page = SettingsPage(shop)
        qtbot.addWidget(page)
        assert cells(page, 2) == ["2", "1"]
        assert cells(page, 3) == ["2", "1"]
        assert cells(page, 4) == (["Günlük"] * 2 if language == "tr" else ["Daily"] * 2)
        assert all(size.endswith("kB") for size in cells(page, 1))
        assert page.backups.budget.value() == 10


def test_a_damaged_backup_is_said_and_refused(qtbot: QtBot, backed_up: Path) -> None:
    newest = backed_up.parent / "backups" / "shop-daily-2026-12-02.sqlite3"
    newest.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with Shop.open(backed_up, clock=today) as shop:
        page = SettingsPage(shop)
        qtbot.addWidget(page)
        assert cells(page, 4)[0] == "Damaged or unreadable"
        page.backups.table.selectRow(0)
        page.backups.ask_to_restore()
        qtbot.waitUntil(lambda: page.backups.work is None)
        assert page.backups.question is None, "no question for a backup that cannot be used"
        assert "cannot be restored" in page.backups.error.text()
        assert not page.backups.error.isHidden()
        shop.customers.add(name="Oya Kaya")  # the shop is open as before


def test_restore_reopens_the_shop_from_the_backup_in_a_new_window(
    qtbot: QtBot, backed_up: Path
) -> None:
    shop = Shop.open(backed_up, clock=today)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    window.go_to(MainWindow.SETTINGS)
    section = window.page(MainWindow.SETTINGS).backups  # type: ignore[attr-defined]
    section.table.selectRow(1)  # the older: Ayşe alone
    section.ask_to_restore()
    qtbot.waitUntil(lambda: section.question is not None)
    question = section.question
    assert question is not None and "Customers in it: 1; purchases: 1." in question.text()
    assert "kept in a file beside it" in question.text()
    question.yes_button.click()
    qtbot.waitUntil(lambda: getattr(window, "successor", None) is not None)
    new = window.successor
    qtbot.addWidget(new)
    try:
        assert new is not window and new.isVisible() and not window.isVisible()
        assert [c.name for c in new.shop.customers.all()] == ["Ayşe Yılmaz"]
        assert new.stack.currentIndex() == MainWindow.SETTINGS
        kept = list(backed_up.parent.glob("shop-before-restore-*.sqlite3"))
        assert len(kept) == 1 and str(kept[0]) in section.told.text()
    finally:
        new.close()


def test_a_backup_gone_before_the_answer_is_told_and_the_shop_stays(
    qtbot: QtBot, backed_up: Path
) -> None:
    shop = Shop.open(backed_up, clock=today)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    window.go_to(MainWindow.SETTINGS)
    section = window.page(MainWindow.SETTINGS).backups  # type: ignore[attr-defined]
    section.table.selectRow(0)
    section.ask_to_restore()
    qtbot.waitUntil(lambda: section.question is not None)
    section.listed[0].path.unlink()  # pruned, or moved away, while the question was open
    section.question.yes_button.click()
    qtbot.waitUntil(lambda: not section.error.isHidden())
    assert "cannot be restored" in section.error.text()
    assert not hasattr(window, "successor") and window.isVisible()
    shop.customers.add(name="Oya Kaya")  # the shop is open as it was
