"""The demo shop's occasions: weddings, engagements, children's birthdays and graduations, name
days and the odd business anniversary for some customers, and a few in the coming week, so that
the counter and the upcoming list have something to show on any day."""

from __future__ import annotations

import random
from datetime import date, timedelta

from shopcrm.demo_material import FEMALE_NAMES, MALE_NAMES
from shopcrm.shop import Shop

OCCASION_NOTES: tuple[str, ...] = (
    "çiçek gönder",
    "kırmızı gül, 10 adet",
    "kartına not yazılsın",
    "pasta siparişiyle birlikte",
    "beyaz orkide sever",
    "kapıya teslim",
    "önceden arayıp sorun",
)
"""What the shop notes beside an occasion."""

_THIS_WEEK: tuple[tuple[str, int, dict[str, object]], ...] = (
    # a fixed customer, days from today, the occasion
    ("Ayşe Yılmaz", 2, {"kind": "wedding", "year": 2012, "note": "çiçek gönder"}),
    ("Ayşe Yılmaz", 5, {"kind": "child_birthday", "year": 2008, "whose": "kızı Elif"}),
    (
        "Şükrü Öztürk",
        1,
        {"kind": "birthday", "year": 1972, "whose": "eşi Nermin", "note": "kırmızı gül, 10 adet"},
    ),
    ("Gülşen Doğan", 6, {"kind": "child_graduation", "whose": "oğlu Emre", "once": True}),
    ("Zeynep Ağaoğlu", 0, {"kind": "engagement", "once": True, "note": "beyaz orkide sever"}),
    (
        "Çağla Güneş",
        3,
        {"kind": "other", "label": "Yeni ev", "once": True, "note": "saksı çiçeği gönder"},
    ),
)
"""Occasions of the coming week, so that the counter and the upcoming list have some to show
(their years are leap years: the dates exist whatever day ``today`` is)."""


def add_occasions(shop: Shop, today: date, rng: random.Random) -> None:
    """Weddings, engagements, children's birthdays and graduations, name days and the odd
    business anniversary for some of the customers, and a few in the coming week."""
    customers = sorted(shop.customers.all(), key=lambda c: c.id)
    by_name = {c.name: c.id for c in customers}
    for name, days, spec in _THIS_WEEK:
        when = today + timedelta(days=days)
        year = int(str(spec.get("year", when.year)))
        shop.occasions.add(
            by_name[name],
            str(spec["kind"]),
            f"{when.day:02d}.{when.month:02d}.{year}",
            whose=str(spec.get("whose", "")),
            label=str(spec.get("label", "")),
            yearly=not spec.get("once"),
            note=str(spec.get("note", "")),
        )
    fixed = {name for name, _days, _spec in _THIS_WEEK}
    for customer in customers:
        if customer.name not in fixed:
            _some_occasions(shop, customer.id, customer.tags, today, rng)


def _some_occasions(
    shop: Shop, customer_id: int, tags: tuple[str, ...], today: date, rng: random.Random
) -> None:
    """A customer's own occasions, as a shop comes to know them (most have none)."""

    def on(year: int | None = None) -> str:
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        return f"{day:02d}.{month:02d}" + (f".{year}" if year else "")

    def note() -> str:
        return rng.choice(OCCASION_NOTES) if rng.random() < 0.4 else ""

    if rng.random() < 0.18:
        shop.occasions.add(customer_id, "wedding", on(rng.randint(1980, 2024)), note=note())
    if rng.random() < 0.12:
        child = rng.choice(FEMALE_NAMES + MALE_NAMES)
        whose = ("kızı " if child in FEMALE_NAMES else "oğlu ") + child
        year = rng.randint(1996, today.year - 1)
        shop.occasions.add(customer_id, "child_birthday", on(year), whose=whose, note=note())
    if rng.random() < 0.04:
        year = today.year if rng.random() < 0.5 else rng.randint(2015, today.year)
        shop.occasions.add(customer_id, "engagement", on(year), yearly=year < today.year)
    if rng.random() < 0.04:
        graduate = rng.choice(FEMALE_NAMES + MALE_NAMES)
        whose = ("kızı " if graduate in FEMALE_NAMES else "oğlu ") + graduate
        day = rng.randint(10, 30)
        shop.occasions.add(
            customer_id, "child_graduation", f"{day}.06.{today.year}", whose=whose, yearly=False
        )
    if rng.random() < 0.02:
        shop.occasions.add(customer_id, "name_day", on(), note=note())
    if "toptan" in tags and rng.random() < 0.5:
        shop.occasions.add(
            customer_id, "other", on(rng.randint(1990, 2020)), label="Kuruluş yıl dönümü"
        )
