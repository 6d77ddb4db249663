"""Any purchase can be voided or corrected, with a reason that reads right in either language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.common.i18n import set_language
from shopcrm.loyalty.rules import RewardKind
from shopcrm.sales.voids import VoidReason
from shopcrm.storage.migrations import MIGRATIONS
from tests.core.conftest import FakeClock


def fingerprint(shop: Shop) -> tuple[object, ...]:
    rows = shop.store.query(
        "SELECT (SELECT count(*) FROM purchases) AS p,"
        " (SELECT count(*) FROM purchases WHERE voided_at IS NULL) AS live,"
        " (SELECT group_concat(visit_count || '/' || total_spent) FROM customers) AS counts,"
        " (SELECT group_concat(coalesce(redeemed_purchase_id, '-')) FROM rewards) AS used"
    )
    return tuple(rows[0].values())


def test_a_reason_from_the_list_reads_in_the_language_of_whoever_looks(shop: Shop) -> None:
    c = shop.customers.add(name="Gül Şahin")
    p = shop.purchases.log(c.id, "120")
    voided = shop.purchases.void(p.id, VoidReason.RETURNED, note="solmuş")
    assert (voided.void_code, voided.void_reason) == ("returned", "solmuş")
    assert voided.why_voided == "Returned: solmuş"
    set_language("tr")
    assert shop.purchases.get(p.id).why_voided == "İade edildi: solmuş"


def test_the_counters_undo_is_stored_as_a_code_not_as_words(shop: Shop) -> None:
    c = shop.customers.add(name="Gül Şahin")
    p = shop.purchases.log(c.id, "120")
    set_language("tr")
    voided = shop.purchases.void(p.id, VoidReason.UNDONE)
    assert (voided.void_code, voided.void_reason) == ("undone", "")
    set_language("en")
    assert shop.purchases.get(p.id).why_voided == "Undone at the counter"


def test_own_words_are_an_other_reason_and_other_needs_words(shop: Shop) -> None:
    c = shop.customers.add(name="Gül Şahin")
    p = shop.purchases.log(c.id, "120")
    with pytest.raises(InvalidInput, match="reason"):
        shop.purchases.void(p.id, VoidReason.OTHER)
    assert not shop.purchases.get(p.id).voided
    voided = shop.purchases.void(p.id, "müşteri vazgeçti")
    assert (voided.void_code, voided.why_voided) == ("other", "müşteri vazgeçti")


def test_correcting_the_amount_voids_and_relogs_at_the_same_time(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Şükrü Öztürk")
    wrong = shop.purchases.log(c.id, "5000", note="Gelin buketi", purchased_at="2026-03-08T16:05")
    new = shop.purchases.correct(wrong.id, amount="500")
    old = shop.purchases.get(wrong.id)
    assert old.voided and old.void_code == "wrong_amount"
    assert (new.amount, new.note, new.purchased_at) == (50000, "Gelin buketi", old.purchased_at)
    assert new.replaces_id == wrong.id and not new.voided
    after = shop.customers.get(c.id)
    assert (after.visit_count, after.total_spent) == (1, 50000)


def test_correcting_the_customer_moves_the_visit_and_its_vouchers_stay_with_their_owner(
    shop: Shop, clock: FakeClock
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    fatma = shop.customers.add(name="Fatma Yılmaz")
    gift = shop.rewards.give_goodwill(ayse.id, RewardKind.AMOUNT, value="20", note="özür")
    wrong = shop.purchases.log(ayse.id, "200", redeem=[gift.id])
    assert wrong.discount == 2000
    new = shop.purchases.correct(wrong.id, customer_id=fatma.id, note="Fatma Hanım'ındı")
    old = shop.purchases.get(wrong.id)
    assert (old.void_code, old.void_reason) == ("wrong_customer", "Fatma Hanım'ındı")
    assert (new.customer_id, new.amount, new.discount) == (fatma.id, 20000, 0)
    assert shop.customers.get(ayse.id).visit_count == 0
    assert shop.customers.get(fatma.id).total_spent == 20000
    assert shop.rewards.get(gift.id).redeemed_at is None  # Ayşe may use it another day


def test_a_correction_keeps_the_vouchers_on_the_new_amount(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe Yılmaz")
    tenth = shop.rewards.give_goodwill(c.id, RewardKind.PERCENT, value="10")
    wrong = shop.purchases.log(c.id, "1000", redeem=[tenth.id])
    new = shop.purchases.correct(wrong.id, amount="800")
    assert (new.amount, new.discount, new.paid) == (80000, 8000, 72000)
    assert shop.rewards.get(tenth.id).redeemed_purchase_id == new.id
    assert "Given back" not in shop.rewards.get(tenth.id).note


@pytest.mark.parametrize(
    "change",
    [
        {},  # nothing to correct
        {"amount": "120"},  # the same amount
        {"amount": "abc"},
        {"customer_id": 999},
        {"amount": "80", "reason": VoidReason.OTHER},  # other without words
    ],
)
def test_a_refused_correction_changes_nothing(shop: Shop, change: dict[str, object]) -> None:
    c = shop.customers.add(name="Gül Şahin")
    p = shop.purchases.log(c.id, "120")
    before = fingerprint(shop)
    with pytest.raises(InvalidInput if "customer_id" not in change else Exception):
        shop.purchases.correct(p.id, **change)  # type: ignore[arg-type]
    assert fingerprint(shop) == before


def test_a_voided_purchase_is_not_corrected_or_voided_again(shop: Shop) -> None:
    c = shop.customers.add(name="Gül Şahin")
    p = shop.purchases.log(c.id, "120")
    shop.purchases.void(p.id, VoidReason.ENTERED_TWICE)
    before = fingerprint(shop)
    with pytest.raises(InvalidInput, match="already voided"):
        shop.purchases.correct(p.id, amount="100")
    with pytest.raises(InvalidInput, match="already voided"):
        shop.purchases.void(p.id, VoidReason.RETURNED)
    assert fingerprint(shop) == before


def test_old_counter_undos_become_the_code_when_the_database_is_upgraded(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[:2]):
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    conn.execute(
        "INSERT INTO customers (name, name_folded, created_at, updated_at) "
        "VALUES ('Ayşe', 'ayse', '2026-01-01T10:00:00', '2026-01-01T10:00:00')"
    )
    for reason in ("Kasada geri alındı", "Undone at the counter", "yanlış müşteri"):
        conn.execute(
            "INSERT INTO purchases (customer_id, amount, purchased_at, created_at, voided_at, "
            "void_reason) VALUES (1, 100, '2026-01-02T10:00:00', '2026-01-02T10:00:00', "
            "'2026-01-02T10:01:00', ?)",
            (reason,),
        )
    conn.close()
    with Shop.open(path, clock=clock) as shop:
        reasons = [(p.void_code, p.void_reason) for p in shop.purchases.of_customer(1)]
        set_language("tr")
        shown = [p.why_voided for p in shop.purchases.of_customer(1)]
    assert sorted(reasons) == [("other", "yanlış müşteri"), ("undone", ""), ("undone", "")]
    assert sorted(shown) == ["Kasada geri alındı", "Kasada geri alındı", "yanlış müşteri"]
    assert any((tmp_path / "backups").glob("old-before-v3-*.sqlite3"))
