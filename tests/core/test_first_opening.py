"""A shop knows whether this opening created it (the first day's setup is shown only then)."""

from __future__ import annotations

from pathlib import Path

from shopcrm import Shop


def test_created_only_by_the_first_opening(db_path: Path) -> None:
    with Shop.open(db_path) as shop:
        assert shop.created
    with Shop.open(db_path) as shop:
        assert not shop.created
    with Shop.open(db_path, check_in_background=True) as shop:
        assert not shop.created
