"""Draws among customers: who takes part, the same seed gives the same winners, what is recorded,
the check that repeats a draw, a voucher once per winner, and bad input refused with nothing
written."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from dataclasses import dataclass
from datetime import date

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.loyalty.rules import RewardKind
from shopcrm.numbers.draws import window_name
from shopcrm.numbers.pools import Pool

MARCH = Pool(date(2026, 3, 1), date(2026, 3, 7))
"""The first week of March; the clock stands at 9 March 2026, 10:30."""


@dataclass
class People:
    ayse: int
    sukru: int
    ipek: int
    omer: int
    gul: int
    cem: int
    irmak: int
    hakan: int


def furnish(shop: Shop) -> People:
    """Eight customers around the first week of March 2026:

    - Ayşe: 1 and 5 March; consent on every channel            -> in; 2 visits
    - Şükrü: 28 Feb 23:59 and 1 March 00:00; calls only          -> in (first second); 2 visits
    - İpek: 2 March, voided; every channel                       -> out (void never counts)
    - Ömer: 7 March 23:30; SMS only                              -> in; no consent to calls/letters
    - Gül: 6 March and 8 March 00:00; letters only               -> in; 2 visits
    - Cem: 3 March, then archived; every channel                 -> out (archived)
    - Irmak: 4 March; calls given then withdrawn                 -> in; no consent now
    - Hakan: 8 March 00:00 only; every channel                   -> out (the day after)
    """
    add = shop.customers.add
    ayse = add("Ayşe Yılmaz", phone="0532 111 11 11", marketing_consent=True).id
    sukru = add("Şükrü Öztürk", phone="0532 222 22 22").id
    ipek = add("İpek Çelik", marketing_consent=True).id
    omer = add("Ömer Güneş").id
    gul = add("Gül Işık").id
    cem = add("Cem Arslan", marketing_consent=True).id
    irmak = add("Irmak Şahin").id
    hakan = add("Hakan Demir", marketing_consent=True).id
    shop.consent.record(sukru, "call", True)
    shop.consent.record(omer, "sms", True)
    shop.consent.record(gul, "letter", True)
    shop.consent.record(irmak, "call", True, noted_at="2026-03-01T09:00:00")
    shop.consent.record(irmak, "call", False)
    log = shop.purchases.log
    log(ayse, 10_000, purchased_at="2026-03-01T10:00:00")
    log(ayse, 5_000, purchased_at="2026-03-05T12:00:00")
    log(sukru, 7_500, purchased_at="2026-02-28T23:59:00")
    log(sukru, 2_000, purchased_at="2026-03-01T00:00:00")
    voided = log(ipek, 3_000, purchased_at="2026-03-02T11:00:00")
    shop.purchases.void(voided.id, reason="yanlış müşteri")
    log(omer, 4_000, purchased_at="2026-03-07T23:30:00")
    log(gul, 6_000, purchased_at="2026-03-06T15:00:00")
    log(gul, 1_000, purchased_at="2026-03-08T00:00:00")
    log(cem, 8_000, purchased_at="2026-03-03T16:00:00")
    shop.customers.archive(cem)
    log(irmak, 9_000, purchased_at="2026-03-04T17:00:00")
    log(hakan, 2_500, purchased_at="2026-03-08T00:00:00")
    return People(ayse, sukru, ipek, omer, gul, cem, irmak, hakan)


@pytest.fixture
def people(shop: Shop) -> People:
    return furnish(shop)


def counts(shop: Shop) -> tuple[int, int, int]:
    one = shop.store.one
    draws = one("SELECT count(*) AS n FROM draws")
    winners = one("SELECT count(*) AS n FROM draw_winners")
    rewards = one("SELECT count(*) AS n FROM rewards")
    assert draws and winners and rewards
    return draws["n"], winners["n"], rewards["n"]


def test_the_pool_is_who_visited_in_the_days_and_is_not_archived(
    shop: Shop, people: People
) -> None:
    # Ayşe, Şükrü (1 March 00:00), Ömer (7 March 23:30), Gül and Irmak; not İpek (voided),
    # Cem (archived) nor Hakan (8 March 00:00).
    assert shop.draws.pool_size(MARCH, consent_only=False) == 5
    draw = shop.draws.run(MARCH, winners=5, consent_only=False, seed=1)
    won = {w.customer_id for w in draw.winners}
    assert won == {people.ayse, people.sukru, people.omer, people.gul, people.irmak}
    by_id = {w.customer_id: w for w in draw.winners}
    assert (by_id[people.ayse].name, by_id[people.ayse].phone) == ("Ayşe Yılmaz", "0532 111 11 11")
    assert (by_id[people.omer].name, by_id[people.omer].phone) == ("Ömer Güneş", "")


def test_consent_only_keeps_those_who_can_be_called_or_written_to(
    shop: Shop, people: People
) -> None:
    # Ayşe (every channel), Şükrü (calls), Gül (letters); Ömer has only SMS and Irmak withdrew.
    assert shop.draws.pool_size(MARCH, consent_only=True) == 3
    draw = shop.draws.run(MARCH, winners=3, consent_only=True, seed=7)
    assert {w.customer_id for w in draw.winners} == {people.ayse, people.sukru, people.gul}
    assert draw.consent_only is True
    assert draw.pool_words == (
        "Customers who visited between March 1, 2026 and March 7, 2026, "
        "with consent to calls or letters"
    )


def test_at_least_k_visits_alone_and_with_the_days(shop: Shop, people: People) -> None:
    assert shop.customers.get(people.ayse).visit_count == 2
    assert shop.customers.get(people.omer).visit_count == 1
    # Two visits or more: Ayşe, Şükrü and Gül (Cem has one, and is archived).
    at_least_two = Pool(min_visits=2)
    assert shop.draws.pool_size(at_least_two, consent_only=False) == 3
    assert shop.draws.describe(at_least_two, False) == "Customers with at least 2 visits"
    # Visited on 4-7 March and at least two visits: Ayşe (5 March) and Gül (6 March).
    both = Pool(date(2026, 3, 4), date(2026, 3, 7), 2)
    draw = shop.draws.run(both, winners=2, consent_only=False, seed=3)
    assert {w.customer_id for w in draw.winners} == {people.ayse, people.gul}
    # No condition at all: every customer not archived (seven of eight).
    assert shop.draws.pool_size(Pool(), consent_only=False) == 7
    assert shop.draws.describe(Pool(), False) == "All customers"


def test_the_same_seed_gives_the_same_winners(shop: Shop, people: People) -> None:
    first = shop.draws.run(MARCH, winners=3, consent_only=False, seed=2026)
    second = shop.draws.run(MARCH, winners=3, consent_only=False, seed=2026)
    assert [w.customer_id for w in first.winners] == [w.customer_id for w in second.winners]
    # Anyone can repeat it: the documented rule over the customer numbers in order.
    ids = sorted([people.ayse, people.sukru, people.omer, people.gul, people.irmak])
    expected = random.Random(2026).sample(ids, 3)
    assert [w.customer_id for w in first.winners] == expected
    assert [w.place for w in first.winners] == [1, 2, 3]


def test_a_seed_is_drawn_when_none_is_given(shop: Shop, people: People) -> None:
    seeds = {shop.draws.run(MARCH, winners=1, consent_only=False).seed for _n in range(5)}
    assert len(seeds) > 1
    assert all(0 <= seed < 10**12 for seed in seeds)


def test_what_a_draw_records(shop: Shop, people: People) -> None:
    draw = shop.draws.run(MARCH, winners=2, consent_only=False, seed=99, recorded_by="Zeynep")
    ids = sorted([people.ayse, people.sukru, people.omer, people.gul, people.irmak])
    written = ",".join(str(i) for i in ids)
    assert written == "1,2,4,5,7"
    assert draw.drawn_at == "2026-03-09T10:30:00"
    assert draw.seed == 99
    assert draw.pool == MARCH
    assert draw.pool_size == 5
    assert draw.candidates_sha256 == hashlib.sha256(b"1,2,4,5,7").hexdigest()
    assert draw.consent_only is False
    assert draw.recorded_by == "Zeynep"
    assert draw.pool_words == "Customers who visited between March 1, 2026 and March 7, 2026"
    assert shop.draws.get(draw.id) == draw
    first = draw.winners[0]
    assert first.name == shop.customers.get(first.customer_id).name
    later = shop.draws.run(Pool(min_visits=2), winners=1, consent_only=True, seed=5)
    assert [d.id for d in shop.draws.all()] == [later.id, draw.id]


def test_check_repeats_the_draw_and_catches_an_altered_winner(shop: Shop, people: People) -> None:
    draw = shop.draws.run(MARCH, winners=2, consent_only=False, seed=11)
    assert shop.draws.check(draw.id) is True
    # Customers buying after the draw change nothing: the list drawn from is kept.
    shop.purchases.log(people.hakan, 1_000, purchased_at="2026-03-07T12:00:00")
    assert shop.draws.check(draw.id) is True
    # The database refuses to change a winner...
    loser = next(
        i
        for i in (people.ayse, people.sukru, people.omer, people.gul, people.irmak)
        if i not in {w.customer_id for w in draw.winners}
    )
    change = "UPDATE draw_winners SET customer_id = ? WHERE draw_id = ? AND place = 1"
    with pytest.raises(sqlite3.IntegrityError), shop.store.transaction():
        shop.store.execute(change, (loser, draw.id))
    assert shop.draws.check(draw.id) is True
    # ...and when someone forces it with another tool, the check says so.
    with shop.store.transaction():
        shop.store.execute("DROP TRIGGER draw_winners_never_changed")
        shop.store.execute(change, (loser, draw.id))
    assert shop.draws.get(draw.id).winners[0].customer_id == loser
    assert shop.draws.check(draw.id) is False


def test_a_draw_is_never_changed_nor_deleted(shop: Shop, people: People) -> None:
    draw = shop.draws.run(MARCH, winners=1, consent_only=False, seed=4)
    for sql in (
        "UPDATE draws SET seed = 5",
        "DELETE FROM draws",
        "DELETE FROM draw_winners",
    ):
        with pytest.raises(sqlite3.IntegrityError), shop.store.transaction():
            shop.store.execute(sql)
    assert shop.draws.get(draw.id) == draw


def test_a_winner_gets_a_voucher_once(shop: Shop, people: People) -> None:
    draw = shop.draws.run(MARCH, winners=2, consent_only=False, seed=8)
    winner = draw.winners[1]
    reward = shop.draws.give_voucher(draw.id, winner.customer_id, "amount", "150", valid_days=30)
    assert reward.customer_id == winner.customer_id
    assert reward.reward is RewardKind.AMOUNT
    assert reward.value == 15_000
    assert reward.expires_on == "2026-04-08"
    assert reward.origin == "goodwill"
    assert reward.note == f"Draw no. {draw.id}, place 2"
    assert shop.draws.get(draw.id).winners[1].reward_id == reward.id
    assert shop.draws.get(draw.id).winners[0].reward_id is None
    before = counts(shop)
    with pytest.raises(InvalidInput, match="already been given a voucher"):
        shop.draws.give_voucher(draw.id, winner.customer_id, "percent", 10)
    assert counts(shop) == before
    # The database refuses a second voucher too.
    with pytest.raises(sqlite3.IntegrityError), shop.store.transaction():
        shop.store.execute(
            "UPDATE draw_winners SET reward_id = ? WHERE draw_id = ? AND place = 2",
            (reward.id, draw.id),
        )
    # A gift for the first winner.
    gift = shop.draws.give_voucher(
        draw.id, draw.winners[0].customer_id, "gift", gift="Saksı çiçeği", valid_days=60
    )
    assert gift.gift == "Saksı çiçeği"
    assert shop.draws.check(draw.id) is True


def test_no_voucher_for_a_customer_who_did_not_win(shop: Shop, people: People) -> None:
    draw = shop.draws.run(MARCH, winners=1, consent_only=False, seed=8)
    loser = next(i for i in (people.ayse, people.sukru) if i != draw.winners[0].customer_id)
    before = counts(shop)
    with pytest.raises(InvalidInput, match="did not win"):
        shop.draws.give_voucher(draw.id, loser, "percent", 10)
    with pytest.raises(InvalidInput):
        shop.draws.give_voucher(draw.id, draw.winners[0].customer_id, "percent", 0)
    with pytest.raises(NotFound):
        shop.draws.give_voucher(draw.id + 1, loser, "percent", 10)
    assert counts(shop) == before


@pytest.mark.parametrize(
    ("pool", "winners", "seed", "message"),
    [
        (MARCH, 0, 1, "between 1 and 1,000 winners"),
        (MARCH, 6, 1, "Only 5 customers are on this list: draw at most 5 winners."),
        (Pool(date(2026, 1, 1), date(2026, 1, 31)), 1, 1, "No customer is on this list"),
        (Pool(date(2026, 3, 7), date(2026, 3, 1)), 1, 1, "comes after the last one"),
        (Pool(date(1899, 3, 1), date(2026, 3, 7)), 1, 1, "too long ago"),
        (Pool(date(2026, 3, 1), date(2026, 3, 10)), 1, 1, "cannot be in the future"),
        (Pool(date(2026, 3, 1), None), 1, 1, "both days"),
        (Pool(min_visits=-1), 1, 1, "between 0 and"),
        (Pool("31.02.2026", "2026-03-07"), 1, 1, "no such day"),  # type: ignore[arg-type]
        (Pool(segment="vip"), 1, 1, "No customer is on this list"),
        (MARCH, 1, -5, "seed is a whole number"),
        (MARCH, "iki", 1, "not a whole number"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    shop: Shop, people: People, pool: Pool, winners: int, seed: int, message: str
) -> None:
    before = counts(shop)
    with pytest.raises(InvalidInput, match=message):
        shop.draws.run(pool, winners=winners, consent_only=False, seed=seed)
    assert counts(shop) == before


def test_refusals_are_in_turkish(shop: Shop, people: People) -> None:
    from shopcrm.common.i18n import set_language

    set_language("tr")
    with pytest.raises(InvalidInput) as refused:
        shop.draws.run(MARCH, winners=9, consent_only=True, seed=1)
    assert str(refused.value) == (
        "Bu listede yalnızca 3 müşteri var: en fazla 3 kazanan çekebilirsiniz."
    )
    draw = shop.draws.run(MARCH, winners=1, consent_only=True, seed=1)
    assert draw.pool_words == (
        "1 Mart 2026 ile 7 Mart 2026 arasında alışveriş yapan müşteriler "
        "(telefonla veya mektupla iletişime izin verenler)"
    )


def test_a_window_shows_the_first_name_and_the_initial() -> None:
    assert window_name("Ayşe Yılmaz") == "Ayşe Y."
    assert window_name("Mehmet Ali İnce") == "Mehmet Ali İ."
    assert window_name("Şükrü ışık") == "Şükrü I."
    assert window_name("selin inan") == "selin İ."
    assert window_name("Cher") == "Cher"


def test_a_draw_among_a_segment_takes_the_segment_as_it_stands_on_the_day(
    shop: Shop, people: People
) -> None:
    # Everyone above joined today (9 March): new. One customer last came in October: at risk.
    away = shop.customers.add("Eski Müşteri").id
    shop.purchases.log(away, 20_000, purchased_at="2025-10-01T10:00:00")
    at_risk = Pool(segment="at_risk")
    assert shop.draws.pool_size(at_risk, consent_only=False) == 1
    assert shop.draws.describe(at_risk, consent_only=False) == (
        "Customers in the segment “At risk”"
    )
    draw = shop.draws.run(at_risk, winners=1, consent_only=False, seed=3)
    assert [w.customer_id for w in draw.winners] == [away]
    assert draw.pool.segment == "at_risk" and shop.draws.check(draw.id)

    new_in_march = Pool(date(2026, 3, 1), date(2026, 3, 7), segment="new")
    assert shop.draws.pool_size(new_in_march, consent_only=False) == 5  # the March pool, all new
    assert shop.draws.describe(new_in_march, consent_only=False) == (
        "Customers who visited between March 1, 2026 and March 7, 2026, in the segment “New”"
    )
    with pytest.raises(InvalidInput, match="Unknown segment"):
        shop.draws.pool_size(Pool(segment="gold"), consent_only=False)
