"""A customer's own data (KVKK, Article 11): everything held about them goes out in one file, and
on their request their personal data is erased everywhere while the shop's figures stay."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pypdf
import pytest

from shopcrm import Shop
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.i18n import set_language
from shopcrm.moving.customer_data import SECTIONS
from shopcrm.moving.erasing import erase_word
from shopcrm.moving.privacy_log import PrivacyAction
from shopcrm.numbers.periods import Period, custom
from tests.core.conftest import FakeClock


def full_customer(shop: Shop, clock: FakeClock) -> int:
    """A customer with something in every section."""
    shop.settings.update(print_thank_you_over="100")
    c = shop.customers.add(
        name="Şükrü Öztürk",
        phone="0532 123 45 67",
        email="sukru@example.com",
        address="Bağdat Caddesi 12, Kadıköy",
        notes="Lale sever",
        tags=["VIP"],
        birthday="15.04.1985",
        consents={"sms": True, "email": True, "call": True, "letter": True},
    )
    shop.occasions.add(c.id, "wedding", "12.06.2010", whose="eşi Gülay", note="gül gönder")
    shop.loyalty.adjust(c.id, visits=3, reason="kağıt kart: Şükrü Bey")
    shop.purchases.log(c.id, 150000, note="Şükrü Bey'in siparişi")
    voided = shop.purchases.log(c.id, 2000)
    shop.purchases.void(voided.id, "entered_twice")
    shop.rewards.give_goodwill(c.id, "amount", 5000, note="Şükrü Bey'e özür")
    shop.contacts.add(c.id, "call", "Şükrü Bey arandı", follow_up_on=date(2026, 3, 20))
    shop.contacts.add(c.id, "complaint", "Şükrü Bey çiçekler soldu dedi")
    shop.print_queue.refresh_for_customer(c.id)
    clock.advance(minutes=5)
    return c.id


def revenue_lines(shop: Shop, period: Period) -> list[str]:
    """The Numbers page's lines about revenue and purchases for ``period``."""
    text = shop.numbers.figures_csv(shop.numbers.figures(period))
    return [line for line in text.splitlines() if "evenue" in line or "purchase" in line]


def test_the_json_holds_every_kind_of_data(shop: Shop, clock: FakeClock, tmp_path: Path) -> None:
    cid = full_customer(shop, clock)
    path = shop.customer_data.write_json(cid, tmp_path / "data.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "Şükrü Öztürk"
    assert data["customer"]["phone"] == "+905321234567"
    assert data["customer"]["birthday"] == "1985-04-15"
    assert data["customer"]["loyalty_card_code"].startswith("K")
    assert [p["amount"] for p in data["purchases"]] == [150000, 2000]
    assert data["purchases"][1]["voided_at"] is not None
    assert 5000 in [r["value"] for r in data["rewards"] if r["origin"] == "goodwill"]
    assert data["opening_balances"][0]["visits"] == 3
    assert {o["kind"] for o in data["occasions"]} == {"birthday", "wedding"}
    assert [k["summary"] for k in data["contact_log"]] == ["Şükrü Bey arandı"]
    assert [k["summary"] for k in data["complaints"]] == ["Şükrü Bey çiçekler soldu dedi"]
    assert {k["channel"] for k in data["consent_history"]} == {"call", "sms", "email", "letter"}
    assert all(k["given"] for k in data["consent_now"])
    assert [q["document"] for q in data["print_queue"]] == ["thank_you_card"]
    for section in SECTIONS:
        assert section in data
    # The export itself is logged (what and when), and the next export shows it.
    again = json.loads(shop.customer_data.write_json(cid, tmp_path / "2.json").read_text("utf-8"))
    assert [(r["action"], r["detail"]) for r in again["privacy_requests"]] == [
        ("data_export", "json")
    ]


def test_the_pdf_reads_in_turkish(shop: Shop, clock: FakeClock, tmp_path: Path) -> None:
    set_language("tr")
    cid = full_customer(shop, clock)
    path = shop.customer_data.write_pdf(cid, tmp_path / "data.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    for expected in (
        "Şükrü Öztürk",
        "sukru@example.com",
        "Bağdat Caddesi 12, Kadıköy",
        "₺1.500,00",
        "Şükrü Bey çiçekler soldu dedi",
        "eşi Gülay",
        "Kişisel bilgiler",
        "Alışverişler",
        "Şikâyetler",
    ):
        assert expected in text, expected


def test_erasing_removes_personal_data_everywhere_and_keeps_revenue(
    shop: Shop, clock: FakeClock, tmp_path: Path
) -> None:
    cid = full_customer(shop, clock)
    other = shop.customers.add(name="Şükran Öz", phone="0555 000 11 22").id
    shop.purchases.log(other, 10000)
    revenue = shop.store.one(
        "SELECT sum(amount - discount) AS t FROM purchases WHERE voided_at IS NULL"
    )["t"]
    march = custom(date(2026, 3, 1), date(2026, 3, 31))
    figures_before = revenue_lines(shop, march)
    assert figures_before
    assert shop.customers.search("şükrü") and shop.customers.search("532 123")
    assert shop.calls.today(date(2026, 3, 20)).rows

    erased = shop.erasure.erase(cid, "erase")

    assert erased.name == f"Erased customer #{cid}"
    c = shop.customers.get(cid)
    assert (c.name, c.phone, c.email, c.address, c.notes, c.tags, c.birthday) == (
        f"Erased customer #{cid}",
        "",
        "",
        "",
        "",
        (),
        None,
    )
    assert c.archived
    for query in ("şükrü", "sukru", "öztürk", "ŞÜ", "ş", "532 123", "5321234567", "Erased"):
        found = shop.customers.search(query, include_archived=True)
        assert cid not in [f.id for f in found], query
    assert [f.id for f in shop.customers.search("şük")] == [other]
    for piece in ("sukru", "ozturk", "5321234567"):  # the trigram index holds them no more
        matched = shop.store.query(
            "SELECT rowid FROM customer_search WHERE customer_search MATCH ?", (f'"{piece}"',)
        )
        assert cid not in [r["rowid"] for r in matched], piece
    assert shop.store.query("SELECT * FROM customer_prefixes WHERE customer_id = ?", (cid,)) == []
    assert not shop.occasions.of_customer(cid)
    assert all(cid != row.customer_id for row in shop.calls.today(date(2026, 3, 20)).rows)
    assert all(o.customer_id != cid for o in shop.upcoming.within_notice(date(2026, 6, 10)))
    assert all(q.customer_id != cid for q in shop.print_queue.waiting())
    assert all(c.entry.customer_id != cid for c in shop.complaints.open_ones())
    assert all(r.customer_id != cid for r in shop.mailing.build("sms").recipients)
    assert not any(shop.consent.of_customer(cid)[ch].given for ch in ("call", "sms", "email"))
    assert shop.rewards.of_customer(cid) == []
    # Nothing of the old texts is left in the customer's rows, anywhere.
    data = shop.customer_data.gather(cid)
    whole = json.dumps({"c": data.customer, **data.sections}, ensure_ascii=False)
    for trace in ("Şükrü", "Öztürk", "sukru", "532", "Bağdat", "Lale", "Gülay", "gül", "VIP"):
        assert trace not in whole, trace
    # The shop's figures stay: revenue, the purchases and their amounts.
    assert (
        shop.store.one("SELECT sum(amount - discount) AS t FROM purchases WHERE voided_at IS NULL")[
            "t"
        ]
        == revenue
    )
    assert [p.amount for p in shop.purchases.of_customer(cid)] == [2000, 150000]
    assert revenue_lines(shop, march) == figures_before
    # Logged: what and when, not the data.
    assert [(r["action"], r["detail"]) for r in data.sections["privacy_requests"]] == [
        (PrivacyAction.ERASURE.value, "")
    ]


def test_erasing_needs_the_word_and_happens_once(shop: Shop, clock: FakeClock) -> None:
    cid = full_customer(shop, clock)
    for wrong in ("", "yes", "ERAS", "delete"):
        with pytest.raises(InvalidInput):
            shop.erasure.erase(cid, wrong)
    assert shop.customers.get(cid).name == "Şükrü Öztürk"
    assert not shop.erasure.is_erased(cid)
    set_language("tr")
    assert erase_word() == "SİL"
    shop.erasure.erase(cid, "sil")
    assert shop.customers.get(cid).name == f"Silinmiş müşteri #{cid}"
    assert shop.erasure.is_erased(cid)
    with pytest.raises(InvalidInput):
        shop.erasure.erase(cid, "SİL")
    with pytest.raises(NotFound):
        shop.erasure.erase(9999, "SİL")


def test_an_erasure_that_fails_changes_nothing(shop: Shop, clock: FakeClock) -> None:
    cid = full_customer(shop, clock)
    shop.store.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF dropped_at ON print_queue "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    with pytest.raises(Exception, match="disk trouble"):
        shop.erasure.erase(cid, "ERASE")
    assert shop.customers.get(cid).name == "Şükrü Öztürk"
    assert shop.customers.search("şükrü")
    assert not shop.erasure.is_erased(cid)


def test_an_erased_customer_stays_archived(shop: Shop, clock: FakeClock) -> None:
    cid = full_customer(shop, clock)
    shop.erasure.erase(cid, "ERASE")
    with pytest.raises(InvalidInput, match="stay archived"):
        shop.customers.unarchive(cid)
    assert shop.customers.get(cid).archived
    with pytest.raises(sqlite3.IntegrityError):
        shop.store.execute("UPDATE customers SET archived_at = NULL WHERE id = ?", (cid,))
    other = shop.customers.add(name="Arşivlenip dönen")
    shop.customers.archive(other.id)
    assert not shop.customers.unarchive(other.id).archived
