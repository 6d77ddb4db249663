"""The demo shop's contact log and consents: what a florist who keeps in touch would have noted.

Calls, cards, gifts, visit notes and a few survey answers over the year; complaints resolved in
hours or days, one or two still open; follow-ups due today and this week; and consent per
channel for most customers, given in different ways, some withdrawn later. Everything goes
through the core at the moment it happened (the demo's clock is moved along), inside the demo's
one transaction, and the same seed always gives the same log.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Protocol

from shopcrm.care.contacts import ContactKind
from shopcrm.people.consent import Channel, ConsentMethod
from shopcrm.people.records import Customer
from shopcrm.shop import Shop

STAFF = ("Elif", "Murat", "Selin", "")
"""Who recorded an entry: the shop's people, or nobody named."""

SUMMARIES: dict[ContactKind, tuple[str, ...]] = {
    ContactKind.CALL: (
        "Doğum günü için arandı, çok sevindi",
        "Yeni gelen orkideler haber verildi",
        "Teslimat saati teyit edildi",
        "Aradık, ulaşılamadı",
        "Haftalık çiçek aboneliği önerildi",
        "Sipariş ettiği buketin teslim edildiği haber verildi",
    ),
    ContactKind.LETTER: (
        "Yeni sezon kataloğu gönderildi",
        "Teşekkür mektubu gönderildi",
    ),
    ContactKind.CARD: (
        "Doğum günü kartı gönderildi",
        "Yeni ev tebrik kartı gönderildi",
        "Evlilik yıl dönümü kartı gönderildi",
        "Geçmiş olsun kartı gönderildi",
    ),
    ContactKind.GIFT: (
        "Küçük bir sukulent hediye edildi",
        "Sadakat hediyesi: saksıda lavanta",
        "Doğum gününe bir dal kırmızı gül",
    ),
    ContactKind.VISIT_NOTE: (
        "Düğün çiçekleri için fiyat sordu",
        "Annesi için orkide bakmaya geldi",
        "Balkonu için mevsimlik çiçek istiyor",
        "Beyaz lilyum stoku sordu",
        "Yeni evi için bakımı kolay bitki önerisi istedi",
    ),
}
SURVEYS: tuple[tuple[int, str], ...] = (
    (5, "Çiçekler çok taze, teşekkürler"),
    (5, "Her zamanki gibi harika"),
    (4, "Güler yüzlü hizmet, teslimat zamanında"),
    (3, "Buket güzeldi ama teslimat biraz gecikti"),
    (4, "Fiyatlar biraz yüksek ama kalite iyi"),
    (2, "Aldığım gül iki günde boynunu büktü"),
)
SURVEY_WEIGHTS = (30, 25, 25, 10, 7, 3)
COMPLAINTS: tuple[tuple[str, str, timedelta], ...] = (
    # what the customer said, what was done, how long it took
    ("Buket iki gün içinde soldu", "Yeni buket ücretsiz gönderildi", timedelta(hours=5)),
    ("Teslimat bir saat gecikti", "Özür dilendi, kargo ücreti iade edildi", timedelta(hours=2)),
    (
        "Kartın üzerindeki isim yanlış yazılmış",
        "Kart yeniden yazılıp elden teslim edildi",
        timedelta(hours=26),
    ),
    ("Orkide saksısı kırık geldi", "Saksı değiştirildi, orkide yeniden dikildi", timedelta(days=2)),
    (
        "Siparişteki renkler istenenden farklıydı",
        "Özür dilendi, sonraki alışverişte indirim sözü verildi",
        timedelta(days=4, hours=3),
    ),
    (
        "Fazla ücret alındığını düşünüyor",
        "Fiş birlikte kontrol edildi, fark iade edildi",
        timedelta(hours=20),
    ),
)
STILL_OPEN: tuple[tuple[str, int], ...] = (
    ("Telefonla verilen sipariş unutulmuş", 2),
    ("Gelin buketindeki kurdele eksikti", 6),
)
"""Complaints still open, and how many days ago they were made."""
FOLLOW_UPS: tuple[tuple[ContactKind, str, int], ...] = (
    # kind, summary, in how many days it is due (0: today)
    (ContactKind.CALL, "Nişan çiçekleri için teklif istedi, geri aranacak", 0),
    (ContactKind.VISIT_NOTE, "Sipariş ettiği beyaz orkide gelince haber verilecek", 0),
    (ContactKind.CALL, "Düğün süslemesi için tekrar konuşulacak", 2),
    (ContactKind.VISIT_NOTE, "Balkon çiçekleri için fiyat çıkarılacak", 4),
    (ContactKind.CALL, "Ofis bitkilerinin bakımı için uğranacak", 6),
)


FEATURED = "Ayşe Yılmaz"
"""The regular whose log the screenshots show: a little of everything."""


class SettableClock(Protocol):
    """The demo's clock, which the demo moves to each moment it records."""

    now: datetime


def add_demo_care(shop: Shop, clock: SettableClock, today: date, rng: random.Random) -> None:
    """Fill the contact log and the consents of the demo shop up to ``today``."""
    kept = clock.now
    customers = sorted(shop.customers.all(include_archived=True), key=lambda c: c.id)
    active = [c for c in customers if not c.archived and c.visit_count]
    featured = next((c for c in active if c.name == FEATURED), None)
    others = [c for c in active if c is not featured]
    end = datetime.combine(today, time(11, 0))
    if featured is not None:
        _featured_log(shop, clock, featured.id, today)
    _everyday_contacts(shop, clock, others, end, rng)
    _complaints(shop, clock, others, today, rng)
    _follow_ups(shop, clock, others, today, rng)
    _consents(shop, clock, customers, end, rng)
    clock.now = kept


def _featured_log(shop: Shop, clock: SettableClock, customer_id: int, today: date) -> None:
    """A regular's year: a card, calls, a gift, a survey answer, a complaint resolved the
    same day, a corrected and a voided entry, and a visit to follow up this week."""

    def at(days_ago: int, hour: int, minute: int = 0) -> datetime:
        clock.now = datetime.combine(today - timedelta(days=days_ago), time(hour, minute))
        return clock.now

    at(300, 11, 20)
    shop.contacts.add(customer_id, "card", "Doğum günü kartı gönderildi", recorded_by="Selin")
    at(250, 16, 5)
    shop.contacts.add(
        customer_id, "survey", "Çiçekler çok taze, teşekkürler", recorded_by="Elif", score=5
    )
    at(180, 10, 40)
    complaint = shop.contacts.add(
        customer_id, "complaint", "Buket iki gün içinde soldu", recorded_by="Elif"
    )
    at(180, 15, 40)
    shop.complaints.resolve(complaint.id, "Yeni buket ücretsiz gönderildi")
    at(120, 12, 10)
    call = shop.contacts.add(customer_id, "call", "Yeni gelen orkideler haber verildi")
    at(120, 12, 14)
    shop.contacts.correct(
        call.id, summary="Yeni gelen orkideler haber verildi, iki saksı ayırttı", reason="Eksik"
    )
    at(60, 17, 30)
    shop.contacts.add(customer_id, "gift", "Sadakat hediyesi: saksıda lavanta", recorded_by="Murat")
    at(20, 14, 0)
    slip = shop.contacts.add(customer_id, "letter", "Yeni sezon kataloğu gönderildi")
    at(20, 14, 3)
    shop.contacts.void(slip.id, "Katalog henüz basılmadı")
    at(1, 16, 45)
    shop.contacts.add(
        customer_id,
        "visit_note",
        "Kızının nişanı için çiçek sordu; katalogdan seçip haber verecek",
        recorded_by="Selin",
        follow_up_on=today + timedelta(days=3),
    )


def _moment(rng: random.Random, start: str, end: datetime) -> datetime | None:
    """A moment in opening hours after ``start`` (ISO) and before ``end``; None if there is
    not an hour between them."""
    first = datetime.fromisoformat(start) + timedelta(minutes=5)
    if end - first < timedelta(hours=1):
        return None
    when = datetime.combine(
        (first + timedelta(days=rng.randint(0, (end - first).days))).date(),
        time(rng.randint(9, 18), rng.randrange(60)),
    )
    return min(max(when, first), end)


def _everyday_contacts(
    shop: Shop, clock: SettableClock, active: list[Customer], end: datetime, rng: random.Random
) -> None:
    """Calls, letters, cards, gifts, visit notes and survey answers for about half of them."""
    kinds = [*SUMMARIES, ContactKind.SURVEY]
    weights = [30, 5, 20, 10, 25, 10]
    for customer in active:
        count = rng.choice((0, 0, 1, 1, 2, 3))
        for kind in sorted(rng.choices(kinds, weights, k=count)):
            when = _moment(rng, customer.created_at, end)
            if when is None:
                continue
            clock.now = when
            if kind is ContactKind.SURVEY:
                score, summary = rng.choices(SURVEYS, SURVEY_WEIGHTS)[0]
            else:
                score, summary = None, rng.choice(SUMMARIES[kind])
            entry = shop.contacts.add(
                customer.id, kind, summary, recorded_by=rng.choice(STAFF), score=score
            )
            if rng.random() < 0.015:  # a slip, put right a few minutes later
                clock.now += timedelta(minutes=4)
                if rng.random() < 0.5:
                    shop.contacts.void(entry.id, "Yanlış müşteriye girilmiş")
                else:
                    shop.contacts.correct(
                        entry.id, summary=summary + " (eşi için)", reason="Eksik yazılmış"
                    )


def _complaints(
    shop: Shop, clock: SettableClock, active: list[Customer], today: date, rng: random.Random
) -> None:
    """Complaints resolved in hours to days over the year, and one or two still open."""
    done_by = datetime.combine(today, time(9, 0))
    settled = [c for c in active if c.created_at < (done_by - timedelta(days=30)).isoformat()]
    who = rng.sample(settled, k=min(len(settled), len(COMPLAINTS) + len(STILL_OPEN)))
    for customer, (summary, resolution, took) in zip(who, COMPLAINTS, strict=False):
        clock.now = _moment(rng, customer.created_at, done_by - took - timedelta(days=3)) or (
            done_by - took
        )
        opened = shop.contacts.add(customer.id, "complaint", summary, recorded_by="Elif")
        clock.now += took
        shop.complaints.resolve(opened.id, resolution)
    for customer, (summary, days) in zip(who[len(COMPLAINTS) :], STILL_OPEN, strict=False):
        clock.now = datetime.combine(today - timedelta(days=days), time(rng.randint(10, 17), 15))
        shop.contacts.add(customer.id, "complaint", summary, recorded_by=rng.choice(STAFF[:3]))


def _follow_ups(
    shop: Shop, clock: SettableClock, active: list[Customer], today: date, rng: random.Random
) -> None:
    """Entries to come back to today and this week, and one already followed up."""
    for customer, (kind, summary, due_in) in zip(active, FOLLOW_UPS, strict=False):
        clock.now = datetime.combine(today - timedelta(days=rng.randint(1, 6)), time(15, 40))
        shop.contacts.add(
            customer.id,
            kind,
            summary,
            recorded_by=rng.choice(STAFF[:3]),
            follow_up_on=today + timedelta(days=due_in),
        )
    if len(active) <= len(FOLLOW_UPS):
        return
    customer = active[len(FOLLOW_UPS)]
    clock.now = datetime.combine(today - timedelta(days=9), time(12, 5))
    entry = shop.contacts.add(
        customer.id,
        ContactKind.CALL,
        "Sipariş ettiği saksının rengi sorulacak",
        follow_up_on=today - timedelta(days=5),
    )
    clock.now = datetime.combine(today - timedelta(days=5), time(10, 20))
    shop.contacts.mark_follow_up_done(entry.id)


def _consents(
    shop: Shop, clock: SettableClock, customers: list[Customer], end: datetime, rng: random.Random
) -> None:
    """Consent per channel: given in writing or electronically by some, on one channel by a few
    who had none, and withdrawn on a channel (or all) by some."""
    for customer in customers:
        roll = rng.random()
        when = _moment(rng, customer.consent_date or customer.created_at, end)
        if when is None:
            continue
        clock.now = when
        if customer.marketing_consent:
            if roll < 0.15:
                shop.consent.record(customer.id, rng.choice((Channel.SMS, Channel.EMAIL)), False)
            elif roll < 0.20:
                shop.customers.update(customer.id, marketing_consent=False)
            elif roll < 0.40:
                method = rng.choice((ConsentMethod.WRITTEN, ConsentMethod.ELECTRONIC))
                shop.consent.record(customer.id, Channel.LETTER, True, method=method)
        elif roll < 0.10:
            shop.consent.record(
                customer.id, Channel.CALL, True, method=ConsentMethod.WRITTEN, note="Form imzaladı"
            )
