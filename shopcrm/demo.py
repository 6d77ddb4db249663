"""A realistic demo shop: about 300 Turkish customers and a year of purchases.

``create_demo_database(path)`` builds a florist's database ("Güneş Çiçekçilik") through the core's
public API, in one transaction, so it looks exactly like a database the app made itself: loyal
regulars, occasional buyers, customers slipping away, one-timers and a few newcomers, with Turkish
names, phones, notes, tags, referrals, and a handful of voided sales. The same ``seed`` and
``today`` always give the same content, so screenshots, tests and the benchmark can rely on it.

The name lists and the ``random_*`` helpers are public so that the benchmark can build a much
larger database out of the same material.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from shopcrm.common.text import fold
from shopcrm.demo_care import add_demo_care
from shopcrm.demo_logo import demo_logo
from shopcrm.demo_material import (
    BUSINESSES,
    CUSTOMER_NOTES,
    DISTRICTS,
    FEMALE_NAMES,
    MALE_NAMES,
    MOBILE_PREFIXES,
    PURCHASE_NOTES,
    SHOP_ADDRESS,
    SHOP_NAME,
    SHOP_PHONE,
    STREETS,
    SURNAMES,
    VOID_REASONS,
)
from shopcrm.demo_occasions import add_occasions
from shopcrm.loyalty import vouchers
from shopcrm.sales.voids import VoidReason
from shopcrm.shop import Shop

_FIXED: tuple[tuple[str, str, str], ...] = (
    # name, profile, note
    ("Şükrü Öztürk", "weekly", "Lilyum sever"),
    ("Ayşe Yılmaz", "fortnightly", "Kapıya teslim ister"),
    ("İbrahim Çelik", "slipping", ""),
    ("Gülşen Doğan", "monthly", "Beyaz gül tercih eder"),
    ("Işıl Kılıç", "newcomer", ""),
    ("Çağla Güneş", "occasional", ""),
    ("Ömer Şahin", "one_timer", ""),
    ("Zeynep Ağaoğlu", "weekly", "Orkide meraklısı"),
)

# Profile name -> share of the customers.
_PROFILES: tuple[tuple[str, float], ...] = (
    ("weekly", 0.08),
    ("fortnightly", 0.10),
    ("monthly", 0.15),
    ("occasional", 0.24),
    ("slipping", 0.16),
    ("one_timer", 0.17),
    ("newcomer", 0.06),
    ("no_purchase", 0.01),
    ("business", 0.03),
)

_OPENING_HOUR = 9
_CLOSING_HOUR = 20
_LAST_SALE_TODAY = 12  # sales on ``today`` end before noon, so the demo never looks "ahead"


def random_person_name(rng: random.Random) -> str:
    """A common Turkish full name, sometimes with a second given name ("Ayşe Nur Kaya")."""
    female = rng.random() < 0.55
    names = FEMALE_NAMES if female else MALE_NAMES
    first = rng.choice(names)
    if rng.random() < 0.07:
        second = rng.choice(names)
        if second != first:
            first = f"{first} {second}"
    return f"{first} {rng.choice(SURNAMES)}"


def random_mobile(rng: random.Random) -> str:
    """A valid Turkish mobile number as people write it: "0532 123 45 67"."""
    prefix = rng.choice(MOBILE_PREFIXES)
    rest = f"{rng.randrange(10_000_000):07d}"
    if rest[0] == "0":  # subscriber numbers do not start with 0
        rest = str(rng.randint(1, 9)) + rest[1:]
    return f"0{prefix} {rest[:3]} {rest[3:5]} {rest[5:]}"


def random_amount(rng: random.Random, business: bool = False) -> int:
    """A realistic sale at a small flower shop, in kuruş: mostly 50-1.500 ₺, sometimes more."""
    roll = rng.random()
    if business:
        lira = rng.uniform(1_200, 6_500)
    elif roll < 0.40:
        lira = rng.uniform(50, 250)
    elif roll < 0.75:
        lira = rng.uniform(250, 800)
    elif roll < 0.93:
        lira = rng.uniform(800, 1_500)
    elif roll < 0.98:
        lira = rng.uniform(1_500, 3_000)
    else:
        lira = rng.uniform(3_000, 8_500)
    if rng.random() < 0.72:  # whole lira, priced in fives
        return max(5, round(lira / 5) * 5) * 100
    kurus = rng.choice((50, 90, 25, 75, rng.randrange(1, 100)))
    return int(lira) * 100 + kurus


def create_demo_database(
    path: Path, today: date | None = None, customers: int = 300, seed: int = 2026
) -> None:
    """Create a realistic demo shop at ``path``, with purchases over the year up to ``today``.

    The file must not exist yet (``FileExistsError`` otherwise). Everything is written through
    ``Shop`` in one transaction; the same ``seed``, ``today`` and ``customers`` always give the
    same database content.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; the demo is only made in a new file")
    today = today or date.today()
    rng = random.Random(seed)
    plan = _plan(rng, today, max(customers, len(_FIXED)))
    clock = _StepClock(plan.events[0].when if plan.events else _at(today, 9))
    shop = Shop.open(path, clock=clock)
    try:
        with shop.store.transaction():
            shop.settings.update(shop_name=SHOP_NAME, address=SHOP_ADDRESS, phone=SHOP_PHONE)
            _add_rules(shop)
            _play(shop, clock, plan, random.Random(seed + 1))
            add_demo_care(shop, clock, today, random.Random(seed + 3))
            shop.rewards.issue_birthdays(today)
            add_occasions(shop, today, random.Random(seed + 3))
            _same_codes_every_time(shop, random.Random(seed + 2))
            shop.logo.set(demo_logo(), "gunes-cicekcilik.png")
    finally:
        shop.close()


class _StepClock:
    """A clock the demo moves along its own timeline, so every stored time looks natural."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@dataclass
class _Person:
    name: str
    profile: str
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    consent: bool = False
    address_form: str = ""
    referrer: int | None = None  # index into the plan's people
    customer_id: int = 0


@dataclass(order=True)
class _Event:
    when: datetime
    order: int
    kind: str = field(compare=False)  # "add", "buy", "archive"
    person: int = field(compare=False)
    amount: int = field(default=0, compare=False)
    note: str = field(default="", compare=False)
    void_reason: tuple[VoidReason, str] | None = field(default=None, compare=False)


@dataclass
class _Plan:
    people: list[_Person]
    events: list[_Event]


def _plan(rng: random.Random, today: date, count: int) -> _Plan:
    """Decide everything first (who, when, how much); then play it through the core in order."""
    start = today - timedelta(days=365)
    people: list[_Person] = []
    visits: list[list[datetime]] = []
    used_phones: set[str] = set()
    used_emails: set[str] = set()
    profiles = [name for name, _ in _PROFILES]
    weights = [share for _, share in _PROFILES]
    businesses = list(BUSINESSES)
    rng.shuffle(businesses)
    for n in range(count):
        if n < len(_FIXED):
            name, profile, note = _FIXED[n]
        else:
            profile = rng.choices(profiles, weights)[0]
            if profile == "business" and businesses:
                name = businesses.pop()
            else:
                profile = "occasional" if profile == "business" else profile
                name = random_person_name(rng)
            note = rng.choice(CUSTOMER_NOTES) if rng.random() < 0.18 else ""
        person = _Person(name=name, profile=profile, notes=note)
        _fill_contact(rng, person, used_phones, used_emails)
        person.address_form = _address_form(person.name, profile)
        people.append(person)
        visits.append(_visit_times(rng, profile, start, today))
    _tag(rng, people, visits)
    return _Plan(people, _events(rng, people, visits, today))


def _fill_contact(
    rng: random.Random, person: _Person, used_phones: set[str], used_emails: set[str]
) -> None:
    business = person.profile == "business"
    roll = rng.random()
    if business or roll < 0.06:
        person.phone = f"0216 {rng.randint(300, 599)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    elif roll < 0.91:
        person.phone = random_mobile(rng)
    while person.phone and fold(person.phone).replace(" ", "") in used_phones:
        person.phone = random_mobile(rng)
    if person.phone:
        used_phones.add(fold(person.phone).replace(" ", ""))
    if business or rng.random() < 0.35:
        words = fold(person.name).replace(".", "").split()
        first, last = words[0], words[-1]
        local = rng.choice(
            (f"{first}.{last}", f"{first}{last}", f"{first}_{last}", f"{first[0]}{last}")
        )
        if rng.random() < 0.3:
            local += str(rng.randint(60, 99) if rng.random() < 0.5 else rng.randint(1, 999))
        domain = "gmail.com" if business else rng.choice(("gmail.com", "gmail.com", "hotmail.com"))
        email = f"{local}@{domain}"
        while email in used_emails:
            email = f"{local}{rng.randint(1, 99)}@{domain}"
        used_emails.add(email)
        person.email = email
    if business or rng.random() < 0.30:
        postcode, district = rng.choice(DISTRICTS)
        person.address = (
            f"{rng.choice(STREETS)} No: {rng.randint(1, 140)}"
            + (f" Daire: {rng.randint(1, 24)}" if rng.random() < 0.7 else "")
            + f"\n{postcode} {district} / İstanbul"
        )
    person.consent = rng.random() < 0.60


def _address_form(name: str, profile: str) -> str:
    """How the cards address them: most as "Bey" or "Hanım", some by first name, a few not
    chosen. Drawn from the name alone, so that the rest of the demo stays as it was."""
    if profile == "business":
        return ""
    first = name.split()[0]
    pick = random.Random(name).random()
    if pick < 0.1:
        return ""
    if pick < 0.3:
        return "first_name"
    return "hanim" if first in FEMALE_NAMES else "bey" if first in MALE_NAMES else ""


def _visit_times(rng: random.Random, profile: str, start: date, today: date) -> list[datetime]:
    """The moments this customer bought something, following the profile's habits."""
    year = (today - start).days
    days: list[int] = []  # days after ``start``
    if profile in ("weekly", "fortnightly", "monthly", "business", "slipping"):
        gap = {"weekly": 7, "fortnightly": 14, "monthly": 30, "business": 12, "slipping": 18}[
            profile
        ]
        day = rng.randint(0, 45 if profile != "slipping" else 20)
        end = year if profile != "slipping" else year - rng.randint(185, 320)
        while day <= end:
            days.append(day)
            day += max(2, round(rng.gauss(gap, gap * 0.3)))
            if rng.random() < 0.04:  # a holiday, an illness: a longer gap
                day += rng.randint(gap, 3 * gap)
        if profile == "slipping" and len(days) < 2:
            days = [0, min(end, 25)]
    elif profile == "occasional":
        days = sorted(rng.randint(0, year) for _ in range(rng.randint(2, 7)))
    elif profile == "one_timer":
        days = [rng.randint(0, year - 30)]
    elif profile == "newcomer":
        first = year - rng.randint(0, 20)
        days = sorted({first, *(rng.randint(first, year) for _ in range(rng.randint(0, 2)))})
    times = [_shop_time(rng, start + timedelta(days=d), today) for d in days]
    return sorted(times)


def _shop_time(rng: random.Random, day: date, today: date) -> datetime:
    """A plausible moment of a sale on ``day``: opening hours, and rarely a Sunday."""
    if day.weekday() == 6 and rng.random() < 0.85:
        day += timedelta(days=-1 if day == today or rng.random() < 0.5 else 1)
    latest = _LAST_SALE_TODAY if day == today else _CLOSING_HOUR
    hour = rng.choices(
        range(_OPENING_HOUR, latest),
        weights=[2, 3, 4, 5, 4, 4, 5, 6, 7, 6, 4][: latest - _OPENING_HOUR],
    )[0]
    return datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)))


def _tag(rng: random.Random, people: list[_Person], visits: list[list[datetime]]) -> None:
    for person, times in zip(people, visits, strict=True):
        if person.profile == "business":
            person.tags.append("toptan")
        elif person.profile in ("weekly", "fortnightly") and len(times) > 20 and rng.random() < 0.5:
            person.tags.append("VIP")
        if rng.random() < 0.08:
            person.tags.append("komşu")
    if people:
        people[0].tags = ["VIP", "komşu"]


def _events(
    rng: random.Random, people: list[_Person], visits: list[list[datetime]], today: date
) -> list[_Event]:
    events: list[_Event] = []
    order = itertools.count()
    end = _at(today, _LAST_SALE_TODAY)
    for index, (person, times) in enumerate(zip(people, visits, strict=True)):
        if times:
            joined = times[0] - timedelta(minutes=rng.randint(1, 8))
        else:
            joined = _shop_time(rng, today - timedelta(days=rng.randint(1, 40)), today)
        events.append(_Event(joined, next(order), "add", index))
        business = person.profile == "business"
        for when in times:
            note = _purchase_note(rng, when)
            amount = random_amount(rng, business)
            events.append(_Event(when, next(order), "buy", index, amount, note))
        if person.profile == "slipping" and times and rng.random() < 0.08:
            later = times[-1] + timedelta(days=rng.randint(30, 120), hours=1)
            if later < end:
                events.append(_Event(later, next(order), "archive", index))
    # A handful of sales were voided, each a few minutes after it was entered.
    sales = [e for e in events if e.kind == "buy" and e.when.date() < today]
    for sale in rng.sample(sales, k=min(len(sales), 7)):
        sale.void_reason = rng.choice(VOID_REASONS)
    events.sort()
    # Customers referred by someone who was already a customer when they came.
    seen: list[int] = []
    for event in events:
        if event.kind != "add":
            continue
        if seen and rng.random() < 0.11:
            people[event.person].referrer = rng.choice(seen)
        seen.append(event.person)
    return events


def _purchase_note(rng: random.Random, when: datetime) -> str:
    month_day = (when.month, when.day)
    if (2, 10) <= month_day <= (2, 14) and rng.random() < 0.6:
        return "Sevgililer Günü, kırmızı gül"
    if when.month == 5 and 6 <= when.day <= 14 and rng.random() < 0.5:
        return "Anneler Günü buketi"
    if month_day == (11, 24) and rng.random() < 0.6:
        return "Öğretmenler Günü"
    if rng.random() < 0.09:
        return rng.choice(PURCHASE_NOTES)
    return ""


DEMO_RULES: list[dict[str, object]] = [
    {"kind": "visits", "reward": "gift", "gift": "Saksı çiçeği", "every_visits": 10},
    {"kind": "birthday", "reward": "percent", "value": 15, "days_before": 7, "valid_days": 21},
    {"kind": "referral", "reward": "amount", "value": "50", "valid_days": 60},
]
"""The demo shop's rules, beside the default "every 4 visits: 10% off"."""


def _add_rules(shop: Shop) -> None:
    for rule in DEMO_RULES:
        shop.rules.add(**rule)  # type: ignore[arg-type]


def _play(shop: Shop, clock: _StepClock, plan: _Plan, habits: random.Random) -> None:
    """Enter the planned customers and sales through the core, in the order they happened.

    ``habits`` decides, apart from the plan, who gave a birthday and who used their rewards.
    """
    people = plan.people
    for event in plan.events:
        person = people[event.person]
        if event.kind == "add":
            clock.now = event.when
            referrer = people[person.referrer].customer_id if person.referrer is not None else None
            person.customer_id = shop.customers.add(
                name=person.name,
                phone=person.phone,
                email=person.email,
                address=person.address,
                notes=person.notes,
                tags=person.tags,
                referred_by=referrer,
                marketing_consent=person.consent,
                address_form=person.address_form,
                birthday=_birthday(habits),
            ).id
        elif event.kind == "buy":
            clock.now = event.when + timedelta(seconds=30 + event.order % 90)
            redeem = _rewards_used(shop, person.customer_id, event.when, habits)
            purchase = shop.purchases.log(
                person.customer_id,
                amount=event.amount,
                note=event.note,
                purchased_at=event.when,
                redeem=redeem,
            )
            if event.void_reason:
                clock.now += timedelta(minutes=3)
                reason, words = event.void_reason
                corrected = max(500, event.amount // 10 * 9 // 100 * 100)
                if reason is VoidReason.WRONG_AMOUNT and corrected != event.amount:
                    shop.purchases.correct(purchase.id, amount=corrected, confirmed=True)
                else:
                    shop.purchases.void(purchase.id, reason, note=words)
        else:  # archive
            clock.now = event.when
            shop.customers.update(person.customer_id, notes=_moved_note(person.notes))
            shop.customers.archive(person.customer_id)


def _same_codes_every_time(shop: Shop, source: random.Random) -> None:
    """Give the demo's vouchers codes from its own random source, so every build is the same
    (real vouchers take theirs from ``secrets``)."""
    ids = [row["id"] for row in shop.store.query("SELECT id FROM rewards ORDER BY id")]
    for reward_id in ids:
        shop.store.execute(
            "UPDATE rewards SET code = ? WHERE id = ?", (vouchers.new_code(source), reward_id)
        )


def _birthday(habits: random.Random) -> str:
    """Nearly half the customers tell their birthday, some with the year."""
    if habits.random() > 0.45:
        return ""
    day, month = habits.randint(1, 28), habits.randint(1, 12)
    if habits.random() < 0.5:
        return f"{day:02d}.{month:02d}.{habits.randint(1950, 2004)}"
    return f"{day:02d}.{month:02d}"


def _rewards_used(shop: Shop, customer_id: int, when: datetime, habits: random.Random) -> list[int]:
    """Most customers use a reward they hold when they next come; a few forget."""
    held = [
        r
        for r in shop.rewards.of_customer(customer_id)
        if date.fromisoformat(r.expires_on) >= when.date() and r.issued_at <= when.isoformat()
    ]
    return [held[0].id] if held and habits.random() < 0.75 else []


def _moved_note(notes: str) -> str:
    return (notes + "\n" if notes else "") + "İzmir'e taşındı"


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour))


__all__ = [
    "BUSINESSES",
    "CUSTOMER_NOTES",
    "DISTRICTS",
    "FEMALE_NAMES",
    "MALE_NAMES",
    "MOBILE_PREFIXES",
    "PURCHASE_NOTES",
    "SHOP_ADDRESS",
    "SHOP_NAME",
    "SHOP_PHONE",
    "STREETS",
    "SURNAMES",
    "VOID_REASONS",
    "create_demo_database",
    "random_amount",
    "random_mobile",
    "random_person_name",
]
