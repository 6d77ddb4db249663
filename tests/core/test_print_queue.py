"""The print queue: the four print rules queue each reason once, only from when they were
switched on; consent for letters decides what prints; printing logs each note to the contact
log in one step; bad input changes nothing."""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
import types
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.care.contacts import ContactKind
from shopcrm.care.upcoming import MarkAction
from shopcrm.common.i18n import set_language
from shopcrm.documents.print_queue import PrintRule, QueuedDocument
from tests.core.conftest import FakeClock

LETTERS = {"letter": True}


def queued(shop: Shop) -> list[tuple[str, str]]:
    """What waits in the queue, as (customer, note) pairs, oldest first."""
    return [(item.customer_name, item.document.value) for item in shop.print_queue.waiting()]


def test_a_welcome_card_after_a_first_purchase_from_when_the_rule_is_on(
    shop: Shop, clock: FakeClock
) -> None:
    old = shop.customers.add(name="Eski Müşteri", consents=LETTERS)
    shop.purchases.log(old.id, "100")
    clock.advance(days=1)
    shop.settings.update(print_welcome=True)
    assert shop.print_queue.refresh() == 0  # a customer of long ago gets no welcome card now
    assert shop.print_queue.switched_on(PrintRule.WELCOME).since == "2026-03-10T10:30:00"  # type: ignore[union-attr]

    clock.advance(hours=1)
    ayse = shop.customers.add(name="Ayşe Yılmaz", consents=LETTERS)
    shop.purchases.log(ayse.id, "250")
    assert shop.print_queue.refresh_for_customer(ayse.id) == 1
    shop.purchases.log(old.id, "80")
    assert shop.print_queue.refresh_for_customer(old.id) == 0
    shop.purchases.log(ayse.id, "40")
    assert shop.print_queue.refresh_for_customer(ayse.id) == 0  # not her first
    assert shop.print_queue.refresh() == 0  # never twice for the same reason
    (item,) = shop.print_queue.waiting()
    assert (item.customer_name, item.document, item.title) == (
        "Ayşe Yılmaz",
        QueuedDocument.WELCOME_CARD,
        "Welcome card",
    )
    assert item.why == "First purchase on Mar 10, 2026"
    assert item.queued_at == "2026-03-10T11:30:00" and item.has_consent
    assert shop.print_queue.count() == 1


def test_visits_brought_over_from_a_paper_card_are_not_a_first_purchase(shop: Shop) -> None:
    shop.settings.update(print_welcome=True)
    regular = shop.customers.add(name="Kartlı Müşteri", consents=LETTERS)
    shop.loyalty.adjust(regular.id, visits=7, reason="kağıt kart")
    shop.purchases.log(regular.id, "100")
    assert shop.print_queue.refresh_for_customer(regular.id) == 0


def test_the_welcome_card_is_for_the_first_purchase_that_counts(
    shop: Shop, clock: FakeClock
) -> None:
    shop.settings.update(print_welcome=True)
    cem = shop.customers.add(name="Cem", consents=LETTERS)
    mistake = shop.purchases.log(cem.id, "100")
    shop.purchases.void(mistake.id, "wrong_amount")
    assert shop.print_queue.refresh_for_customer(cem.id) == 0  # nothing of his counts yet
    real = shop.purchases.log(cem.id, "90")
    clock.advance(minutes=5)
    deniz = shop.customers.add(name="Deniz", consents=LETTERS)
    shop.purchases.log(deniz.id, "70")
    earlier = shop.purchases.log(deniz.id, "40", purchased_at="2026-03-01T09:00:00")
    assert shop.print_queue.refresh_for_customer(cem.id) == 1
    assert shop.print_queue.refresh_for_customer(deniz.id) == 1
    shop.purchases.log(deniz.id, "20")
    assert shop.print_queue.refresh_for_customer(deniz.id) == 0
    assert shop.print_queue.refresh() == 0  # the whole shop finds the same cards
    cards = {item.customer_id: item.purchase_id for item in shop.print_queue.waiting()}
    assert cards == {cem.id: real.id, deniz.id: earlier.id}


def test_a_thank_you_card_after_a_purchase_over_the_amount(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe", consents=LETTERS)
    before = shop.purchases.log(ayse.id, "900")
    shop.settings.update(print_thank_you_over="500")
    assert shop.print_queue.refresh() == 0  # bought before the rule was on
    big = shop.purchases.log(ayse.id, "500.01")
    shop.purchases.log(ayse.id, "500")  # not over the amount
    shop.purchases.log(ayse.id, "20")
    assert shop.print_queue.refresh_for_customer(ayse.id) == 1
    (item,) = shop.print_queue.waiting()
    assert (item.document, item.purchase_id) == (QueuedDocument.THANK_YOU_CARD, big.id)
    assert item.why == "Purchase of ₺500.01 on Mar 9, 2026"
    assert before.id != big.id


def test_a_first_purchase_over_the_amount_gets_one_card_not_two(shop: Shop) -> None:
    shop.settings.update(print_welcome=True, print_thank_you_over="100")
    new = shop.customers.add(name="Yeni", consents=LETTERS)
    shop.purchases.log(new.id, "300")
    assert shop.print_queue.refresh_for_customer(new.id) == 1
    shop.purchases.log(new.id, "300")
    assert shop.print_queue.refresh() == 1
    assert queued(shop) == [("Yeni", "welcome_card"), ("Yeni", "thank_you_card")]


def test_changing_the_amount_counts_from_then_on(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe", consents=LETTERS)
    shop.settings.update(print_thank_you_over="1000")
    shop.purchases.log(ayse.id, "700")
    clock.advance(minutes=5)
    shop.settings.update(print_thank_you_over="500")  # a lower amount: not for what was before
    assert shop.print_queue.refresh() == 0
    shop.settings.update(print_thank_you_over="0")
    assert shop.print_queue.switched_on(PrintRule.THANK_YOU) is None
    shop.purchases.log(ayse.id, "800")  # while the rule is off
    shop.settings.update(print_thank_you_over="500")
    assert shop.print_queue.refresh() == 0
    shop.purchases.log(ayse.id, "800")
    assert shop.print_queue.refresh() == 1


def test_a_rule_found_on_without_its_note_counts_from_the_first_refresh(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", consents=LETTERS)
    shop.purchases.log(ayse.id, "100")
    with shop.store.transaction():  # set by hand, as an older program would have
        shop.store.execute("INSERT INTO settings (key, value) VALUES ('print_welcome', 'True')")
    assert shop.print_queue.refresh() == 0
    assert shop.print_queue.switched_on("welcome") is not None


def test_a_card_for_each_occasion_days_ahead_once_a_year(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="14.03.1990", consents=LETTERS)
    cem = shop.customers.add(name="Cem", consents=LETTERS)
    shop.occasions.add(cem.id, "child_graduation", "20.03", whose="kızı Elif")
    gul = shop.customers.add(name="Gül", birthday="12.03", consents=LETTERS)
    shop.upcoming.mark(shop.occasions.of_customer(gul.id)[0].id, MarkAction.CARD_SENT)
    shop.settings.update(print_occasion_days="7")
    assert shop.print_queue.refresh(date(2026, 3, 9)) == 1  # Cem's is 11 days away
    (item,) = shop.print_queue.waiting()
    assert (item.customer_name, item.document, item.occasion_year) == (
        "Ayşe",
        QueuedDocument.OCCASION_CARD,
        2026,
    )
    assert item.why == "Birthday: turns 36 on Mar 14, 2026"
    assert shop.print_queue.refresh(date(2026, 3, 10)) == 0
    assert shop.print_queue.refresh(date(2026, 3, 13)) == 1  # Cem's daughter's graduation
    assert queued(shop)[-1] == ("Cem", "occasion_card")
    assert shop.print_queue.refresh(date(2027, 3, 8)) == 2  # next year's: Ayşe's and Gül's
    assert ayse.id != cem.id


def test_a_we_miss_you_letter_when_a_customer_lapses_after_the_rule_is_on(
    shop: Shop, clock: FakeClock
) -> None:
    gone = shop.customers.add(name="Çoktan Gitti", consents=LETTERS)
    shop.purchases.log(gone.id, "100", purchased_at="2025-01-05T12:00:00")
    away = shop.customers.add(name="Şükrü", consents=LETTERS)
    shop.purchases.log(away.id, "100", purchased_at="2025-09-10T12:00:00")
    shop.settings.update(print_we_miss_you=True, lapsed_first_days=182)
    assert shop.print_queue.refresh() == 0  # lapsed before the rule was on: no letter
    assert shop.print_queue.refresh(date(2026, 3, 11)) == 1  # 182 days after 10 Sep
    (item,) = shop.print_queue.waiting()
    assert (item.customer_name, item.document) == ("Şükrü", QueuedDocument.WE_MISS_YOU_LETTER)
    assert item.why == "No visit since Sep 10, 2025"
    assert shop.print_queue.refresh(date(2026, 4, 1)) == 0
    clock.advance(days=3)
    shop.purchases.log(away.id, "50")  # he came back before it was printed
    assert shop.print_queue.refresh_for_customer(away.id) == 0
    assert shop.print_queue.waiting() == []


def test_other_win_back_days_count_from_when_they_were_set(shop: Shop, clock: FakeClock) -> None:
    away = shop.customers.add(name="Şükrü", consents=LETTERS)
    shop.purchases.log(away.id, "100", purchased_at="2025-12-10T12:00:00")
    shop.settings.update(print_we_miss_you=True)
    first = shop.print_queue.switched_on(PrintRule.WE_MISS_YOU)
    clock.advance(days=2)
    shop.settings.update(lapsed_first_days=90)  # he passed 90 days on 10 March, before this
    again = shop.print_queue.switched_on(PrintRule.WE_MISS_YOU)
    assert first is not None and again is not None and again.since > first.since
    assert shop.print_queue.refresh() == 0
    shop.settings.update(shop_name="Çiçekçi Gül")  # another setting: the rule keeps its day
    assert shop.print_queue.switched_on(PrintRule.WE_MISS_YOU) == again


def test_a_note_whose_reason_went_away_leaves_the_queue(shop: Shop) -> None:
    shop.settings.update(print_thank_you_over="100", print_occasion_days="7")
    ayse = shop.customers.add(name="Ayşe", birthday="12.03", consents=LETTERS)
    purchase = shop.purchases.log(ayse.id, "300")
    assert shop.print_queue.refresh() == 2
    shop.purchases.void(purchase.id, "wrong_amount")
    (birthday,) = shop.occasions.of_customer(ayse.id)
    shop.upcoming.mark(birthday.id, MarkAction.DISMISSED)
    assert shop.print_queue.refresh() == 0
    assert shop.print_queue.waiting() == []


def test_consent_for_letters_decides_what_prints(shop: Shop) -> None:
    shop.settings.update(print_welcome=True)
    ayse = shop.customers.add(name="Ayşe", consents=LETTERS)
    cem = shop.customers.add(name="Cem", consents={"call": True})
    for customer in (ayse, cem):
        shop.purchases.log(customer.id, "100")
    assert shop.print_queue.refresh() == 2
    items = {item.customer_name: item for item in shop.print_queue.waiting()}
    assert (items["Ayşe"].has_consent, items["Cem"].has_consent) == (True, False)
    assert (shop.print_queue.count(), shop.print_queue.left_out()) == (1, 1)
    (batch,) = shop.print_queue.batches([i.id for i in items.values()])
    assert batch.customer_ids == (ayse.id,)
    shop.consent.record(cem.id, "letter", True)
    assert (shop.print_queue.count(), shop.print_queue.left_out()) == (2, 0)


def test_batches_group_the_notes_by_kind(shop: Shop) -> None:
    shop.settings.update(print_welcome=True, print_thank_you_over="100", print_occasion_days="7")
    ayse = shop.customers.add(name="Ayşe", birthday="12.03", consents=LETTERS)
    cem = shop.customers.add(name="Cem", consents=LETTERS)
    shop.purchases.log(cem.id, "50")
    shop.purchases.log(cem.id, "150")
    shop.purchases.log(ayse.id, "150")
    assert shop.print_queue.refresh() == 4
    ids = [item.id for item in shop.print_queue.waiting()]
    batches = shop.print_queue.batches(ids)
    assert [(b.document.value, b.customer_ids) for b in batches] == [
        ("welcome_card", (cem.id, ayse.id)),
        ("thank_you_card", (cem.id,)),
        ("occasion_card", (ayse.id,)),
    ]
    (birthday,) = shop.occasions.of_customer(ayse.id)
    assert batches[2].occasion_ids == (birthday.id,) and batches[0].occasion_ids == ()
    assert sorted(i for b in batches for i in b.item_ids) == sorted(ids)


def test_printing_logs_each_note_in_the_contact_log(shop: Shop, clock: FakeClock) -> None:
    cem = shop.customers.add(name="Cem", consents=LETTERS)
    shop.purchases.log(cem.id, "150", purchased_at="2025-09-08T10:00:00")
    shop.settings.update(print_welcome=True, print_occasion_days="7", print_we_miss_you=True)
    ayse = shop.customers.add(name="Ayşe", birthday="12.03", consents=LETTERS)
    shop.purchases.log(ayse.id, "150")
    assert shop.print_queue.refresh() == 3
    ids = [item.id for item in shop.print_queue.waiting()]
    clock.advance(hours=2)
    entries = shop.print_queue.printed(ids, recorded_by="Gül")
    assert len(entries) == 3 and shop.print_queue.waiting() == []
    assert shop.print_queue.count() == 0
    logged = [
        (e.kind, e.summary, e.recorded_by, e.happened_at)
        for c in (ayse, cem)
        for e in shop.contacts.of_customer(c.id)
    ]
    assert sorted(logged) == sorted(
        [
            (
                ContactKind.CARD,
                "Welcome card printed after the first purchase (Mar 9, 2026)",
                "Gül",
                "2026-03-09T12:30:00",
            ),
            (
                ContactKind.CARD,
                "Card printed for the occasion: Birthday (Mar 12, 2026)",
                "Gül",
                "2026-03-09T12:30:00",
            ),
            (
                ContactKind.LETTER,
                "“We miss you” letter printed (no visit since Sep 8, 2025)",
                "Gül",
                "2026-03-09T12:30:00",
            ),
        ]
    )
    # the occasion's card is sent: off the upcoming list for this year
    assert shop.upcoming.occasions(today=date(2026, 3, 9)) == []
    (birthday,) = shop.occasions.of_customer(ayse.id)
    assert [m.action for m in shop.upcoming.marks_of(birthday.id)] == [MarkAction.CARD_SENT]


def test_printing_twice_or_an_unknown_note_is_refused_and_changes_nothing(shop: Shop) -> None:
    shop.settings.update(print_welcome=True)
    ayse = shop.customers.add(name="Ayşe Yılmaz", consents=LETTERS)
    cem = shop.customers.add(name="Cem", consents=LETTERS)
    for customer in (ayse, cem):
        shop.purchases.log(customer.id, "100")
    shop.print_queue.refresh()
    first, second = (item.id for item in shop.print_queue.waiting())
    shop.print_queue.printed([first])
    with pytest.raises(InvalidInput, match="The welcome card for Ayşe Yılmaz was already printed"):
        shop.print_queue.printed([second, first])
    with pytest.raises(InvalidInput, match="chosen twice"):
        shop.print_queue.printed([second, second])
    with pytest.raises(NotFound, match="There is no note number 999"):
        shop.print_queue.printed([second, 999])
    for wrong in ("x", -1, True, None):
        with pytest.raises(NotFound):
            shop.print_queue.printed([wrong])  # type: ignore[list-item]
    with pytest.raises(NotFound, match="There is no customer number 999"):
        shop.print_queue.refresh_for_customer(999)
    with pytest.raises(NotFound):
        shop.print_queue.batches([second, 999])
    with pytest.raises(NotFound):
        shop.print_queue.drop("x")  # type: ignore[arg-type]
    assert [item.id for item in shop.print_queue.waiting()] == [second]
    assert shop.contacts.of_customer(cem.id) == []
    assert len(shop.contacts.of_customer(ayse.id)) == 1
    set_language("tr")
    with pytest.raises(
        InvalidInput,
        match="Ayşe Yılmaz için hoş geldiniz kartı 9 Mar 2026 tarihinde zaten yazdırıldı",
    ):
        shop.print_queue.printed([first])


def test_a_dropped_note_never_comes_back(shop: Shop) -> None:
    shop.settings.update(print_welcome=True)
    ayse = shop.customers.add(name="Ayşe", consents=LETTERS)
    shop.purchases.log(ayse.id, "100")
    shop.print_queue.refresh()
    (item,) = shop.print_queue.waiting()
    shop.print_queue.drop(item.id)
    assert shop.print_queue.waiting() == [] and shop.print_queue.refresh() == 0
    with pytest.raises(InvalidInput, match="was taken off the queue"):
        shop.print_queue.drop(item.id)
    with pytest.raises(InvalidInput, match="was taken off the queue"):
        shop.print_queue.printed([item.id])
    with pytest.raises(NotFound):
        shop.print_queue.drop(12345)
    assert shop.contacts.of_customer(ayse.id) == []


def test_rule_settings_that_are_not_an_amount_or_days_are_refused(shop: Shop) -> None:
    before = shop.settings.get()
    for change in (
        {"print_thank_you_over": "çok"},
        {"print_thank_you_over": "-5"},
        {"print_occasion_days": "91"},
        {"print_occasion_days": "-1"},
        {"print_occasion_days": "yedi"},
        {"print_welcome": "evet"},
    ):
        with pytest.raises(InvalidInput):
            shop.settings.update(**change)
    assert shop.settings.get() == before
    assert all(shop.print_queue.switched_on(rule) is None for rule in PrintRule)
    set_language("tr")
    with pytest.raises(InvalidInput, match="0 ile 90 gün"):
        shop.settings.update(print_occasion_days=120)
    with pytest.raises(InvalidInput, match="“x” bir yazdırma kuralı değil"):
        shop.print_queue.switched_on("x")


def test_refresh_for_a_customer_is_quick_in_a_large_shop(shop: Shop, clock: FakeClock) -> None:
    """After each purchase at the counter: one customer's rows only, a few milliseconds."""
    now = "2026-03-09T10:30:00"
    with shop.store.transaction():
        shop.store.conn.executemany(
            "INSERT INTO customers (id, name, name_folded, created_at, updated_at, last_visit) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(n, f"M {n}", f"m {n}", now, now, now) for n in range(1, 20_001)],
        )
        shop.store.conn.executemany(
            "INSERT INTO purchases (customer_id, amount, purchased_at, created_at) "
            "VALUES (?, ?, ?, ?)",
            [(1 + n % 20_000, 60_000, now, now) for n in range(200_000)],
        )
    clock.advance(minutes=1)
    shop.settings.update(print_welcome=True, print_thank_you_over="500")
    times = []
    for customer in range(1, 41):
        shop.purchases.log(customer, "600")
        start = time.perf_counter()
        shop.print_queue.refresh_for_customer(customer)
        times.append(time.perf_counter() - start)
    print(f"refresh_for_customer: median {statistics.median(times) * 1000:.2f} ms")
    assert statistics.median(times) < 0.010
    assert len(shop.print_queue.waiting()) == 40


def test_jobs_print_each_kind_of_note_as_one_batch(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against the documents' API (shopcrm/documents/kinds.py and texts.py): the real one once
    both branches are merged, the smallest stand-in of it before."""
    if importlib.util.find_spec("shopcrm.documents.kinds") is None:
        kinds, texts = _stand_in_documents()
        monkeypatch.setitem(sys.modules, "shopcrm.documents.kinds", kinds)
        monkeypatch.setitem(sys.modules, "shopcrm.documents.texts", texts)
    from shopcrm.documents.kinds import DocumentKind  # type: ignore[import-not-found, unused-ignore]
    from shopcrm.documents.texts import ready_text  # type: ignore[import-not-found, unused-ignore]

    cem = shop.customers.add(name="Cem", consents=LETTERS)
    shop.purchases.log(cem.id, "150", purchased_at="2025-09-08T10:00:00")
    gul = shop.customers.add(name="Gül")  # no consent for letters: left out
    shop.purchases.log(gul.id, "10", purchased_at="2025-09-08T10:00:00")
    shop.settings.update(
        print_welcome=True,
        print_thank_you_over="100",
        print_occasion_days="7",
        print_we_miss_you=True,
    )
    ayse = shop.customers.add(name="Ayşe", birthday="12.03", consents=LETTERS)
    deniz = shop.customers.add(name="Deniz", consents=LETTERS)
    shop.purchases.log(deniz.id, "75")
    shop.purchases.log(deniz.id, "175")
    shop.purchases.log(deniz.id, "275")  # two thank-you cards: one card
    assert shop.print_queue.refresh() == 6
    ids = [item.id for item in shop.print_queue.waiting()]
    (birthday,) = shop.occasions.of_customer(ayse.id)
    welcome = ready_text(DocumentKind.THANK_YOU, "welcome").text
    missed = ready_text(DocumentKind.LETTER, "miss_you").text
    assert [
        (j.kind, j.customer_ids, j.occasion_ids, j.text, j.marketing)
        for j in shop.print_queue.jobs(ids)
    ] == [
        (DocumentKind.THANK_YOU, (deniz.id,), (), welcome, True),
        (DocumentKind.THANK_YOU, (deniz.id,), (), None, True),
        (DocumentKind.OCCASION, (ayse.id,), (birthday.id,), None, True),
        (DocumentKind.LETTER, (cem.id,), (), missed, True),
    ]
    own = {QueuedDocument.WE_MISS_YOU_LETTER: "{greeting}, sizi özledik."}
    assert shop.print_queue.jobs(ids, own)[-1].text == "{greeting}, sizi özledik."
    assert welcome != missed


def _stand_in_documents() -> tuple[types.ModuleType, types.ModuleType]:
    """The least of shopcrm/documents/kinds.py and texts.py that ``jobs`` uses."""

    class DocumentKind(StrEnum):
        THANK_YOU = "thank_you"
        OCCASION = "occasion"
        LETTER = "letter"

    @dataclass(frozen=True)
    class PrintJob:
        kind: DocumentKind
        customer_ids: tuple[int, ...] = ()
        occasion_ids: tuple[int, ...] = ()
        text: str | None = None
        marketing: bool = False

    @dataclass(frozen=True)
    class ReadyText:
        key: str
        text: str

    def ready_text(kind: DocumentKind, key: str) -> ReadyText:
        return ReadyText(key, f"{kind.value}: {key}")

    kinds = types.ModuleType("shopcrm.documents.kinds")
    kinds.DocumentKind = DocumentKind  # type: ignore[attr-defined]
    kinds.PrintJob = PrintJob  # type: ignore[attr-defined]
    texts = types.ModuleType("shopcrm.documents.texts")
    texts.ready_text = ready_text  # type: ignore[attr-defined]
    return kinds, texts


def test_the_day_a_note_was_queued_is_the_shops_clock(shop: Shop, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 31, 23, 59)
    shop.settings.update(print_welcome=True)
    ayse = shop.customers.add(name="Ayşe", consents=LETTERS)
    shop.purchases.log(ayse.id, "10")
    shop.print_queue.refresh_for_customer(ayse.id)
    (item,) = shop.print_queue.waiting()
    assert item.queued_at == "2026-12-31T23:59:00"
    assert datetime.fromisoformat(item.queued_at) - clock.now == timedelta(0)


def test_a_batch_of_a_thousand_is_marked_printed_at_once(shop: Shop, clock: FakeClock) -> None:
    shop.settings.update(print_welcome=True)
    now = "2026-03-09T10:30:00"
    with shop.store.transaction():
        shop.store.conn.executemany(
            "INSERT INTO customers (id, name, name_folded, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(n, f"Müşteri {n}", f"musteri {n}", now, now) for n in range(1, 1001)],
        )
        shop.store.conn.executemany(
            "INSERT INTO purchases (customer_id, amount, purchased_at, created_at) "
            "VALUES (?, 1000, ?, ?)",
            [(n, now, now) for n in range(1, 1001)],
        )
    assert shop.print_queue.refresh() == 1000
    ids = [item.id for item in shop.print_queue.waiting()]
    start = time.perf_counter()
    entries = shop.print_queue.printed(ids, recorded_by="Gül")
    took = time.perf_counter() - start
    print(f"printed(1,000): {took * 1000:.0f} ms")
    assert len(set(entries)) == 1000 and took < 2.0
    assert shop.print_queue.waiting() == []
    row = shop.store.one(
        "SELECT count(DISTINCT customer_id) AS n FROM contacts WHERE kind = 'card'"
    )
    assert row is not None and row["n"] == 1000
