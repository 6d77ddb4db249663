"""Two records of one person merged into one: everything of the second moves to the first, the
counts and the numbers follow, and undoing the merge gives back exactly what was there."""

from __future__ import annotations

import pytest

from shopcrm import InvalidInput, Shop
from tests.core.conftest import FakeClock
from tests.core.test_numbers_kept import assert_kept_equal_a_rebuild

LOGS = {"customer_merges", "customer_merge_changes"}
FTS_INSIDES = {"customer_search_data", "customer_search_idx", "customer_search_docsize"}
"""The search index's own b-tree pages: their bytes depend on the order of writes; what they
index is compared through ``customer_search_content``."""


def everything(shop: Shop) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the search index's text included), the merge log aside."""
    names = [
        r["name"]
        for r in shop.store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
        )
    ]
    return {
        name: sorted(
            (tuple(r.values()) for r in shop.store.query(f"SELECT * FROM '{name}'")), key=repr
        )
        for name in names
        if name not in LOGS | FTS_INSIDES
    }


def two_records_of_one_person(shop: Shop, clock: FakeClock) -> tuple[int, int, int]:
    """Ayşe twice: the kept record with a few visits, a birthday and a name; the other with a
    phone, an e-mail, more visits, a birthday too, a complaint, a consent, a referral and an
    opening balance. Returns (kept, merged, the friend the second one brought)."""
    shop.settings.update(print_welcome=True)
    shop.rules.add("visits", "percent", value="10", every_visits=3)
    shop.rules.add("welcome", "amount", value="50")
    kept = shop.customers.add(name="Ayşe Yılmaz", birthday="15.03.1980").id
    merged = shop.customers.add(
        name="Ayse Yilmaz",
        phone="0532 123 45 67",
        email="ayse@example.com",
        birthday="16.03.1980",
        notes="eski kart",
    ).id
    friend = shop.customers.add(name="Oya Kaya", referred_by=merged).id
    for day in range(4):
        shop.purchases.log(kept, amount=10_000 + day)
        clock.advance(days=1)
        shop.purchases.log(merged, amount=20_000 + day)
        clock.advance(days=2)
    shop.purchases.log(friend, amount=5_000)
    voided = shop.purchases.log(merged, amount=7_000)
    shop.purchases.void(voided.id, reason="yanlış tutar")
    shop.loyalty.adjust(merged, visits=2, reason="kağıt kart")
    shop.occasions.add(merged, "wedding", "20.06.2005")
    shop.contacts.add(merged, "complaint", "Kupon çalışmadı")
    shop.contacts.add(kept, "call", "Aradık")
    shop.consent.record(merged, "sms", True)
    shop.print_queue.refresh()
    return kept, merged, friend


def test_a_merge_moves_everything_and_the_counts_follow(shop: Shop, clock: FakeClock) -> None:
    kept, merged, friend = two_records_of_one_person(shop, clock)
    before_kept = shop.customers.get(kept)
    before_merged = shop.customers.get(merged)
    what = shop.merges.what_moves(merged)
    assert what["purchases"] == 5 and what["contacts"] == 1 and what["adjustments"] == 1

    merge = shop.merges.merge(kept, merged)

    assert merge.moved == what
    for table, count in what.items():
        left = shop.store.one(f"SELECT count(*) AS n FROM {table} WHERE customer_id = ?", (merged,))
        assert left is not None and left["n"] == 0, f"{table} rows left behind"
        assert count == 0 or shop.store.one(
            f"SELECT count(*) AS n FROM {table} WHERE customer_id = ?", (kept,)
        )
    after = shop.customers.get(kept)
    assert after.name == "Ayşe Yılmaz"
    assert after.phone == before_merged.phone and after.email == "ayse@example.com"
    assert after.notes == "eski kart"
    assert after.birthday == before_kept.birthday, "the kept customer's birthday stays"
    assert after.visit_count == 8 and after.total_spent == before_kept.total_spent + (
        before_merged.total_spent
    )
    assert after.marketing_consent
    assert shop.customers.get(friend).referred_by == kept
    gone = shop.customers.get(merged)
    assert gone.archived and gone.visit_count == 0
    assert [c.id for c in shop.customers.search("ayse")] == [kept]
    assert [c.id for c in shop.customers.search("0532 123")] == [kept]
    assert merged not in {c.id for c in shop.customers.all()}
    rounds = shop.store.query(
        "SELECT rule_id, cycle FROM rewards WHERE customer_id = ? AND voided_at IS NULL",
        (kept,),
    )
    assert len(rounds) == len({(r["rule_id"], r["cycle"]) for r in rounds}), "a round twice"
    # Every 3 visits: 8 + 2 from the paper card held 3 rounds; 2 more visits earn the 4th.
    shop.purchases.log(kept, amount=1_000)
    clock.advance(days=1)
    shop.purchases.log(kept, amount=1_000)
    visits_rule = shop.store.query(
        "SELECT cycle FROM rewards r JOIN loyalty_rules l ON l.id = r.rule_id "
        "WHERE r.customer_id = ? AND l.every_visits = 3 AND r.voided_at IS NULL",
        (kept,),
    )
    assert sorted(r["cycle"] for r in visits_rule) == [1, 2, 3, 4]
    assert_kept_equal_a_rebuild(shop)


def test_undo_gives_back_exactly_the_state_before(shop: Shop, clock: FakeClock) -> None:
    kept, merged, _friend = two_records_of_one_person(shop, clock)
    before = everything(shop)
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    schema_before = shop.store.query(schema)
    merge = shop.merges.merge(kept, merged)
    assert everything(shop) != before
    assert [m.id for m in shop.merges.into(kept)] == [merge.id]
    clock.advance(hours=1)

    undone = shop.merges.undo(merge.id)

    assert undone.undone_at is not None
    after = everything(shop)
    for table in before:
        assert after[table] == before[table], f"{table} differs after the undo"
    assert shop.merges.into(kept) == []
    assert shop.store.query(schema) == schema_before, "the numbers' triggers are back as they were"
    assert_kept_equal_a_rebuild(shop)
    with pytest.raises(InvalidInput, match="already undone"):
        shop.merges.undo(merge.id)


def test_a_merge_is_refused_when_it_makes_no_sense(shop: Shop, clock: FakeClock) -> None:
    kept, merged, friend = two_records_of_one_person(shop, clock)
    with pytest.raises(InvalidInput, match="two different"):
        shop.merges.merge(kept, kept)
    shop.merges.merge(kept, merged)
    with pytest.raises(InvalidInput, match="already merged into Ayşe Yılmaz"):
        shop.merges.merge(friend, merged)
    with pytest.raises(InvalidInput, match="undo the merge"):
        shop.customers.unarchive(merged)
    shop.customers.archive(friend)
    other = shop.customers.add(name="Başka Biri").id
    with pytest.raises(InvalidInput, match="archived"):
        shop.merges.merge(friend, other)


def test_undo_waits_for_a_later_merge_of_the_kept_customer(shop: Shop, clock: FakeClock) -> None:
    kept, merged, friend = two_records_of_one_person(shop, clock)
    first = shop.merges.merge(kept, merged)
    second = shop.merges.merge(friend, kept)
    with pytest.raises(InvalidInput, match="undo that merge first"):
        shop.merges.undo(first.id)
    shop.merges.undo(second.id)
    shop.merges.undo(first.id)
    assert not shop.customers.get(merged).archived


def test_rounds_rewarded_before_the_shop_kept_them_stay_rewarded_after_a_merge(
    shop: Shop, clock: FakeClock
) -> None:
    """The second record came with a till's history (7 visits, their rewards given there): with
    "every 3rd visit", 2 rounds are settled. Merged into a record with 1 visit, the 8 visits
    owe nothing; the 9th earns round 3 only. The undo gives back the kept record's rounds."""
    for existing in shop.rules.all():
        shop.rules.pause(existing.id)
    rule = shop.rules.add("visits", "percent", value="10", every_visits=3)
    kept = shop.customers.add(name="Ayşe Yılmaz").id
    merged = shop.customers.add(name="Ayse Yilmaz").id
    shop.purchases.log(kept, amount=10_000)
    shop.loyalty.adjust(merged, visits=7, reason="eski kasa", already_rewarded=True)
    assert shop.rewards.of_customer(merged) == []
    before = everything(shop)["settled_cycles"]

    merge = shop.merges.merge(kept, merged)
    shop.merges.undo(merge.id)
    assert everything(shop)["settled_cycles"] == before

    shop.merges.merge(kept, merged)
    clock.advance(days=1)
    shop.purchases.log(kept, amount=10_000)  # the 9th visit
    assert [(r.rule_id, r.cycle) for r in shop.rewards.of_customer(kept)] == [(rule.id, 3)]
