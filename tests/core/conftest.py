"""Fixtures for the core tests: a fresh shop on a temporary file, with a clock the test sets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from shopcrm import Shop


class FakeClock:
    """A clock that stands still until the test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 9, 10, 30))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.sqlite3"


@pytest.fixture
def shop(db_path: Path, clock: FakeClock) -> Iterator[Shop]:
    with Shop.open(db_path, clock=clock) as s:
        yield s
