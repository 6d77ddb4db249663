"""Whatever a person types into any public core function that takes text or numbers, the core
either accepts it or refuses it with its own error (a ``ShopError``), and a refusal changes
nothing. Generated input: text with control, invisible, bidi and broken characters, digits that
are not 0-9, FTS5 syntax, thousands of characters; numbers huge, negative and boolean.

One shop for the whole module (not one per example), so that the run stays CI-sized.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopcrm import Shop, ShopError
from shopcrm.common.cleaning import has_refused_character
from shopcrm.common.i18n import set_language
from tests.core.conftest import FakeClock

NOW = datetime(2026, 3, 9, 10, 30)
CALLS = {"n": 0}

NASTY = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200d",
    "\u200f",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u3164",
    "\ud800",
    "\udfff",
    "\u0301",
    "²",
    "³",
    "٣",
    "１",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\u00a0",
    "%",
    '"',
    "'",
    "*",
    "-",
    "−",
    "+",
    ".",
    ",",
    "₺",
    "TL",
    "$",
    "€",
    "(",
    ")",
    " OR ",
    " NEAR(",
    "^",
    ":",
    "\\",
    "_",
    "İ",
    "ı",
    "ş",
    "Ayşe",
    "0532",
    "123",
    "1.250,50",
    "1,250.50",
    "🌹",
    "\U0001f469\u200d\U0001f467",
]
HUGE = [
    "ab " * 995,
    "9" * 5000,
    "A" * 20000,
    "n" * 28000,
    "1" + ",000" * 1500,
    "1" + ".000" * 1500,
    "\u0301" * 300,
    "ş\x00" * 2000,
]

any_character = st.characters(exclude_categories=[])
texts = st.one_of(
    st.text(any_character, max_size=30),
    st.lists(st.sampled_from(NASTY) | st.text(any_character, max_size=3), max_size=12).map("".join),
    st.sampled_from(HUGE),
)
numbers = st.one_of(
    st.integers(-1000, 1_000_000),
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, 1, -1, True, False, 2**63 - 1, 2**63, -(2**63), 10**4300]),
)
amounts = st.one_of(
    numbers,
    texts,
    st.sampled_from(["100", "1.250,50", "1,250.50", "0,001", "0.500", "12,345", "%15", "₺50"]),
)
wholes = st.one_of(numbers, texts, st.sampled_from(["4", " 30 ", "%15", "-3", "+2", "١٠"]))
moments = st.one_of(
    st.none(),
    texts,
    st.datetimes(),
    st.sampled_from(["2026-03-09T10:00:00", "2026-03-08", "1999-12-31", "2026-02-30T10:00"]),
)
ids = st.one_of(numbers, st.sampled_from([1, 2, 3]))
phones = st.one_of(texts, st.sampled_from(["0532 123 45 67", "0532 ABC DE FG", "+90 5"]))


class Fingerprint:
    """A cheap picture of everything a refused call must leave alone."""

    @staticmethod
    def of(shop: Shop) -> tuple[Any, ...]:
        one = shop.store.one
        return (
            one("SELECT count(*) AS n, max(updated_at) AS u FROM customers"),
            one("SELECT count(*) AS n, count(voided_at) AS v, total(amount) AS a FROM purchases"),
            one(
                "SELECT count(*) AS n, count(voided_at) AS v, count(redeemed_at) AS r FROM rewards"
            ),
            one("SELECT count(*) AS n, total(visits) AS v, total(spending) AS s FROM adjustments"),
            shop.store.query("SELECT * FROM loyalty_rules ORDER BY id"),
            shop.store.query("SELECT key, value FROM settings ORDER BY key"),
            shop.store.query("SELECT * FROM customers ORDER BY id DESC LIMIT 3"),
            shop.store.query("SELECT * FROM contacts ORDER BY id"),
            shop.store.query("SELECT * FROM consents ORDER BY id"),
        )


@pytest.fixture(scope="module")
def shop() -> Iterator[Shop]:
    """One shop for the module: a customer with a phone, a rule, a purchase and a voucher."""
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(NOW)
        with Shop.open(Path(folder) / "shop.sqlite3", clock=clock) as shop:
            ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
            shop.customers.add(name="Şükrü Öztürk")
            shop.purchases.log(ayse.id, 10000)
            shop.rewards.give_goodwill(ayse.id, "amount", 5000)
            shop.contacts.add(ayse.id, "complaint", "Geç teslim", happened_at="2026-03-08T09:00")
            shop.contacts.add(ayse.id, "call", "Aradık", follow_up_on="2026-03-10")
            started = time.perf_counter()
            yield shop
            seconds = time.perf_counter() - started
            print(f"\n{CALLS['n']} calls of the core with generated input in {seconds:.1f} s")


def refused_changes_nothing(shop: Shop, call: Callable[[], object]) -> object:
    """Call; a ``ShopError`` must leave the shop as it was; anything else fails the test."""
    before = Fingerprint.of(shop)
    CALLS["n"] += 1
    try:
        return call()
    except ShopError as error:
        messages = list(getattr(error, "fields", {}).values()) or [str(error)]
        for message in messages:
            assert message, "a refusal says why"
            assert len(message) < 300, "a refusal quotes only a few characters"
        assert Fingerprint.of(shop) == before
        return None


def stored_text_is_clean(*values: str) -> None:
    for value in values:
        assert not has_refused_character(value.replace("\n", " "))


CI = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
languages = st.sampled_from(["en", "tr"])


@CI
@given(
    language=languages,
    name=st.one_of(texts, st.just("Ayşe Yılmaz")),
    phone=phones,
    email=st.one_of(texts, st.just("ayse@example.com")),
    address=texts,
    notes=texts,
    tags=st.one_of(texts, st.lists(texts, max_size=40)),
    birthday=st.one_of(texts, st.sampled_from(["15.03", "29.02.1980", "31.02", "15.03.2100"])),
    referred_by=st.one_of(st.none(), ids),
)
def test_adding_a_customer(shop: Shop, language: str, **fields: Any) -> None:
    set_language(language)
    added = refused_changes_nothing(shop, lambda: shop.customers.add(**fields))
    if added is not None:
        c = added
        stored_text_is_clean(c.name, c.email, c.address, c.notes, *c.tags)  # type: ignore[attr-defined]


@CI
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "name": texts,
            "phone": phones,
            "email": texts,
            "address": texts,
            "notes": texts,
            "tags": texts,
            "birthday": texts,
            "referred_by": st.one_of(st.none(), ids),
        },
    )
)
def test_changing_a_customer(shop: Shop, changes: dict[str, Any]) -> None:
    target = shop.customers.add(name="Değişecek Müşteri")
    refused_changes_nothing(shop, lambda: shop.customers.update(target.id, **changes))


@settings(max_examples=300, deadline=None)
@given(query=st.one_of(texts, phones))
def test_searching_and_looking_up_never_raise(shop: Shop, query: str) -> None:
    CALLS["n"] += 4
    assert isinstance(shop.customers.search(query), list)
    assert isinstance(shop.customers.namesakes(query), list)
    hint = shop.customers.search_hint(query)
    assert hint is None or isinstance(hint, str)
    assert len(shop.rewards.look_up(query).message) < 300


@CI
@given(phone=phones)
def test_finding_by_phone(shop: Shop, phone: str) -> None:
    refused_changes_nothing(shop, lambda: shop.customers.find_by_phone(phone))


@CI
@given(
    language=languages,
    amount=amounts,
    note=texts,
    purchased_at=moments,
    redeem=st.lists(ids, max_size=3),
)
def test_logging_a_purchase(shop: Shop, language: str, **inputs: Any) -> None:
    set_language(language)
    preview = lambda: shop.purchases.preview_discount(1, inputs["amount"], inputs["redeem"])  # noqa: E731
    refused_changes_nothing(shop, preview)
    logged = refused_changes_nothing(shop, lambda: shop.purchases.log(1, **inputs))
    if logged is not None:
        stored_text_is_clean(logged.note)  # type: ignore[attr-defined]
        shop.purchases.void(logged.id, reason="deneme")  # type: ignore[attr-defined]


@CI
@given(reason=texts)
def test_voiding_a_purchase(shop: Shop, reason: str) -> None:
    purchase = shop.purchases.log(2, 1000)
    refused_changes_nothing(shop, lambda: shop.purchases.void(purchase.id, reason))


rule_fields = {
    "value": amounts,
    "gift": texts,
    "valid_days": wholes,
    "every_visits": wholes,
    "every_spending": amounts,
    "days_before": wholes,
}


@CI
@given(
    language=languages,
    kind=st.one_of(
        st.sampled_from(["visits", "spending", "birthday", "welcome", "referral"]), texts
    ),
    reward=st.one_of(st.sampled_from(["percent", "amount", "gift"]), texts),
    fields=st.fixed_dictionaries({}, optional=rule_fields),
)
def test_adding_a_rule(
    shop: Shop, language: str, kind: str, reward: str, fields: dict[str, Any]
) -> None:
    set_language(language)
    rule = refused_changes_nothing(shop, lambda: shop.rules.add(kind, reward, **fields))
    if rule is not None:
        shop.rules.pause(rule.id)  # type: ignore[attr-defined]  # keeps later purchases quick


@CI
@given(
    changes=st.fixed_dictionaries(
        {}, optional={"reward": st.sampled_from(["percent", "amount", "gift"]), **rule_fields}
    )
)
def test_changing_a_rule(shop: Shop, changes: dict[str, Any]) -> None:
    rule = shop.rules.all()[0]
    refused_changes_nothing(shop, lambda: shop.rules.update(rule.id, **changes))


@CI
@given(language=languages, visits=wholes, spending=amounts, reason=texts)
def test_adjusting_a_balance(shop: Shop, language: str, **inputs: Any) -> None:
    set_language(language)
    refused_changes_nothing(shop, lambda: shop.loyalty.adjust(2, **inputs))


@CI
@given(
    reward=st.one_of(st.sampled_from(["percent", "amount", "gift"]), texts),
    value=amounts,
    gift=texts,
    valid_days=wholes,
    note=texts,
)
def test_giving_a_goodwill_voucher(shop: Shop, **inputs: Any) -> None:
    refused_changes_nothing(shop, lambda: shop.rewards.give_goodwill(2, **inputs))


@settings(max_examples=60, deadline=None)
@given(count=st.one_of(wholes, st.integers(1, 3)), value=amounts, valid_days=wholes, note=texts)
def test_making_gift_vouchers(shop: Shop, **inputs: Any) -> None:
    refused_changes_nothing(shop, lambda: shop.rewards.issue_gift_vouchers(**inputs))


@CI
@given(reason=texts)
def test_voiding_a_voucher(shop: Shop, reason: str) -> None:
    reward = shop.rewards.give_goodwill(2, "percent", 5)
    refused_changes_nothing(shop, lambda: shop.rewards.void(reward.id, reason))


@CI
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "shop_name": texts,
            "address": texts,
            "phone": texts,
            "currency": st.one_of(texts, st.sampled_from(["TRY", "eur", " usd "])),
            "language": st.one_of(texts, st.sampled_from(["tr", "en", ""])),
        },
    )
)
def test_changing_the_settings(shop: Shop, changes: dict[str, Any]) -> None:
    refused_changes_nothing(shop, lambda: shop.settings.update(**changes))


kinds = st.one_of(
    st.sampled_from(
        ["call", "letter", "card", "gift", "visit_note", "survey", "complaint", "Call", ""]
    ),
    texts,
)
scores = st.one_of(st.none(), wholes, st.sampled_from([0, 1, 5, 6, "3", "x", True]))
days = st.one_of(
    st.none(),
    texts,
    st.dates(),
    st.sampled_from(["2026-03-09", "2026-03-08", "10.03.2026", "31.04.2026", "2026-02-30"]),
)


@CI
@given(
    language=languages,
    customer_id=ids,
    kind=kinds,
    summary=st.one_of(texts, st.just("Aradık")),
    happened_at=moments,
    recorded_by=texts,
    follow_up_on=days,
    score=scores,
    occasion_id=st.one_of(st.none(), ids),
)
def test_adding_a_contact(shop: Shop, language: str, **fields: Any) -> None:
    set_language(language)
    added = refused_changes_nothing(shop, lambda: shop.contacts.add(**fields))
    if added is not None:
        stored_text_is_clean(added.summary, added.recorded_by)  # type: ignore[attr-defined]
        shop.contacts.void(added.id, "deneme")  # type: ignore[attr-defined]


@CI
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "kind": kinds,
            "summary": texts,
            "happened_at": moments,
            "recorded_by": texts,
            "follow_up_on": days,
            "score": scores,
            "reason": texts,
        },
    )
)
def test_correcting_a_contact(shop: Shop, changes: dict[str, Any]) -> None:
    entry = shop.contacts.add(2, "survey", "Memnun", score=4)
    corrected = refused_changes_nothing(shop, lambda: shop.contacts.correct(entry.id, **changes))
    if corrected is not None:
        stored_text_is_clean(corrected.summary)  # type: ignore[attr-defined]


@CI
@given(entry_id=ids, reason=texts)
def test_voiding_a_contact_or_marking_its_follow_up(shop: Shop, entry_id: int, reason: str) -> None:
    refused_changes_nothing(shop, lambda: shop.contacts.void(entry_id, reason))
    refused_changes_nothing(shop, lambda: shop.contacts.mark_follow_up_done(entry_id))


@CI
@given(language=languages, resolution=texts, resolved_at=moments)
def test_resolving_a_complaint(shop: Shop, language: str, **inputs: Any) -> None:
    set_language(language)
    complaint = shop.contacts.add(2, "complaint", "Solgun", happened_at="2026-03-09T08:00")
    refused_changes_nothing(shop, lambda: shop.complaints.resolve(complaint.id, **inputs))


@CI
@given(
    language=languages,
    customer_id=ids,
    channel=st.one_of(st.sampled_from(["call", "sms", "email", "letter", "fax"]), texts),
    given=st.one_of(st.booleans(), numbers, texts),
    method=st.one_of(
        st.sampled_from(["written", "verbal", "electronic", "earlier", "Verbal"]), texts
    ),
    noted_at=moments,
    note=texts,
)
def test_recording_consent(shop: Shop, language: str, **inputs: Any) -> None:
    set_language(language)
    refused_changes_nothing(shop, lambda: shop.consent.record(**inputs))


@CI
@given(
    marketing_consent=st.one_of(st.none(), st.booleans(), numbers, texts),
    consents=st.one_of(
        st.none(),
        texts,
        st.dictionaries(
            st.one_of(st.sampled_from(["call", "sms", "email", "letter"]), texts),
            st.one_of(
                st.booleans(),
                texts,
                st.tuples(st.booleans(), st.sampled_from(["written", "earlier", "x"])),
            ),
            max_size=5,
        ),
    ),
    consent_method=st.one_of(st.sampled_from(["written", "verbal", "earlier"]), texts),
)
def test_changing_a_customers_consent(shop: Shop, **changes: Any) -> None:
    target = shop.customers.add(name="Onay Verecek Müşteri")
    refused_changes_nothing(shop, lambda: shop.customers.update(target.id, **changes))
