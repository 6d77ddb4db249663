"""Build the benchmark database: 100,000 customers and 1,000,000 purchases over two years.

Adding 100,000 customers one by one through ``shop.customers.add`` takes about 90 s here (close to
1 ms each), and logging a million purchases through ``shop.purchases.log`` would take far longer,
so the rows are inserted in bulk, in one transaction, on the connection the core opened. Every
derived column is computed by the core's own functions, exactly as ``customers.add`` does:
``shopcrm.common.text.fold`` for ``name_folded``, ``shopcrm.people.phone.normalize_phone``
and ``national_digits`` for the phone, the schema's own trigger for the trigram index, the
prefix index filled with ``shopcrm.people.search.prefix_rows`` (as ``index_words`` fills it),
and the cached visit figures recomputed once by ``shopcrm.loyalty.visits.refresh``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from shopcrm import InvalidInput, Shop
from shopcrm import demo as demo_data
from shopcrm.common.clock import iso
from shopcrm.common.text import fold, name_sort_key, normalize, normalize_lines
from shopcrm.loyalty.visits import refresh
from shopcrm.people import search
from shopcrm.people.phone import national_digits, normalize_phone
from shopcrm.storage import schema_days, schema_numbers

Progress = Callable[[str], None]

_LANDLINE_AREAS = ("212", "216", "312", "232", "224", "262")
_FOREIGN = ("+49 30 {7}", "+44 20 7946 0{3}", "+31 20 {7}", "+33 1 {8}")


def build(
    path: Path,
    customers: int = 100_000,
    purchases: int = 1_000_000,
    days: int = 730,
    today: date | None = None,
    seed: int = 2026,
    progress: Progress = print,
) -> dict[str, float]:
    """Create the database at ``path`` (which must not exist). Returns timings in seconds."""
    if path.exists():
        raise FileExistsError(path)
    today = today or date.today()
    rng = random.Random(seed)
    timings: dict[str, float] = {}
    started = time.perf_counter()

    # 1. Decide every row in Python.
    counts = _purchase_counts(rng, customers, purchases)
    start = datetime.combine(today - timedelta(days=days), datetime.min.time())
    people, sales = [], []
    for count in counts:
        times = _sale_times(rng, count, start, days)
        people.append((times[0] if times else None, _person(rng)))
        sales.append(times)
    # Customers get their ids in the order they first came, like in a real shop.
    order = sorted(range(customers), key=lambda i: (people[i][0] or start, i))
    customer_rows: list[tuple[Any, ...]] = []
    prefix_rows: list[tuple[str, int, int, int, str | None]] = []
    purchase_rows: list[tuple[Any, ...]] = []
    used_phones: set[str] = set()
    for new_id, index in enumerate(order, start=1):
        first, (name, phone, email, address, notes, tags) = people[index]
        e164 = _phone(rng, phone, used_phones)
        joined = iso((first or start + timedelta(days=rng.randrange(days))) - timedelta(minutes=3))
        consent = rng.random() < 0.6
        name = normalize(name)
        folded = fold(name)
        customer_rows.append(
            (
                new_id,
                name,
                folded,
                name_sort_key(name),
                e164,
                national_digits(e164),
                email,
                normalize_lines(address),
                notes,
                tags,
                new_id - rng.randint(1, new_id - 1) if new_id > 1 and rng.random() < 0.08 else None,
                int(consent),
                joined if consent else None,
                joined,
                joined,
            )
        )
        prefix_rows.extend(search.prefix_rows(new_id, folded))
        for when in sales[index]:
            voided = rng.random() < 0.004
            stamp = iso(when)
            reason, words = rng.choice(demo_data.VOID_REASONS) if voided else (None, "")
            purchase_rows.append(
                (
                    new_id,
                    demo_data.random_amount(rng),
                    rng.choice(demo_data.PURCHASE_NOTES) if rng.random() < 0.05 else "",
                    stamp,
                    stamp,
                    stamp if voided else None,
                    reason.value if reason else None,
                    words,
                )
            )
    purchase_rows.sort(key=lambda row: (row[3], row[0]))
    timings["generate_s"] = time.perf_counter() - started
    progress(
        f"  generated {len(customer_rows):,} customers, {len(purchase_rows):,} purchases "
        f"in {timings['generate_s']:.1f} s"
    )

    # 2. Insert them through the core's connection, in one transaction.
    t = time.perf_counter()
    shop = Shop.open(path)
    try:
        store = shop.store
        rule = shop.settings.get().visit_rule
        with store.transaction():
            shop.settings.update(
                shop_name=demo_data.SHOP_NAME,
                address=demo_data.SHOP_ADDRESS,
                phone=demo_data.SHOP_PHONE,
            )
            store.conn.executemany(
                "INSERT INTO customers (id, name, name_folded, name_sort, phone, phone_digits, "
                "email, address, notes, tags, referred_by, marketing_consent, consent_date, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                customer_rows,
            )
            store.conn.executemany(search.INSERT_PREFIX, prefix_rows)
            timings["insert_customers_s"] = time.perf_counter() - t
            t2 = time.perf_counter()
            # The numbers' triggers rebuild a customer's aggregates on each purchase: a bulk
            # load goes in without them and fills the aggregates once, as the migration does.
            for name in schema_numbers.TRIGGER_NAMES + schema_days.TRIGGER_NAMES:
                store.conn.execute(f"DROP TRIGGER {name}")
            store.conn.executemany(
                "INSERT INTO purchases (customer_id, amount, note, purchased_at, created_at, "
                "voided_at, void_code, void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                purchase_rows,
            )
            timings["insert_purchases_s"] = time.perf_counter() - t2
            t2 = time.perf_counter()
            for statement in (
                *schema_numbers.FILL_STATEMENTS,
                *schema_numbers.TRIGGER_STATEMENTS,
                *schema_days.FILL_STATEMENTS,
                *schema_days.TRIGGER_STATEMENTS,
            ):
                store.conn.execute(statement)
            timings["numbers_aggregates_s"] = time.perf_counter() - t2
            t2 = time.perf_counter()
            refresh(store, rule)
            timings["refresh_visits_s"] = time.perf_counter() - t2
        t2 = time.perf_counter()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        timings["checkpoint_s"] = time.perf_counter() - t2
    finally:
        shop.close()
    timings["insert_total_s"] = time.perf_counter() - t
    timings["total_s"] = time.perf_counter() - started
    progress(
        f"  inserted in {timings['insert_total_s']:.1f} s (customers + indexes "
        f"{timings['insert_customers_s']:.1f} s, purchases {timings['insert_purchases_s']:.1f} s, "
        f"visit figures {timings['refresh_visits_s']:.1f} s)"
    )
    record: dict[str, Any] = {**timings, "customers": customers, "purchases": purchases}
    record["built"] = iso(datetime.now())
    build_record(path).write_text(json.dumps(record, indent=2), encoding="utf-8")
    return timings


def build_record(path: Path) -> Path:
    """Where a build writes how long it took, beside the database, for the runs that use it
    cached to report."""
    return Path(f"{path}.build.json")


def cached_build(path: Path) -> dict[str, Any]:
    """How the cached database at ``path`` was built (empty when that was not written down)."""
    try:
        return dict(json.loads(build_record(path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _purchase_counts(rng: random.Random, customers: int, purchases: int) -> list[int]:
    """How many purchases each customer made: many one-timers, a loyal few with a great many."""
    kinds = (  # (share, lowest, highest)
        (0.22, 1, 1),
        (0.30, 2, 5),
        (0.28, 6, 18),
        (0.15, 19, 45),
        (0.05, 46, 110),
    )
    shares = [k[0] for k in kinds]
    raw = [rng.randint(lo, hi) for lo, hi in (kinds[i][1:] for i in _pick(rng, shares, customers))]
    scale = purchases / sum(raw)
    counts = [max(1, round(c * scale)) for c in raw]
    difference = purchases - sum(counts)
    while difference:
        i = rng.randrange(customers)
        if difference > 0:
            counts[i] += 1
            difference -= 1
        elif counts[i] > 1:
            counts[i] -= 1
            difference += 1
    # A few customers signed up but never bought: take their purchases away from others.
    for i in rng.sample(range(customers), k=customers // 200):
        moved, counts[i] = counts[i], 0
        counts[rng.randrange(customers)] += moved
    return counts


def _pick(rng: random.Random, shares: list[float], n: int) -> list[int]:
    return rng.choices(range(len(shares)), weights=shares, k=n)


def _sale_times(rng: random.Random, count: int, start: datetime, days: int) -> list[datetime]:
    if not count:
        return []
    first = rng.randrange(days)
    # Many stop coming some time before today; the others keep coming up to yesterday.
    last = days - 1 if rng.random() < 0.6 else rng.randint(first, days - 1)
    out = []
    for _ in range(count):
        day = start.date() + timedelta(days=rng.randint(first, last))
        if day.weekday() == 6 and rng.random() < 0.85:
            day -= timedelta(days=1)
        hour = 9 + min(10, int(rng.triangular(0, 11, 8)))
        moment = datetime.combine(day, datetime.min.time()).replace(
            hour=hour, minute=rng.randrange(60), second=rng.randrange(60)
        )
        out.append(moment)
    return sorted(out)


def _person(rng: random.Random) -> tuple[str, str, str, str, str, str]:
    """name, phone as typed, e-mail, address, notes, tags."""
    name = demo_data.random_person_name(rng)
    roll = rng.random()
    if roll < 0.85:
        phone = demo_data.random_mobile(rng)
    elif roll < 0.90:
        phone = f"0{rng.choice(_LANDLINE_AREAS)} {rng.randint(2, 6)}{rng.randrange(100):02d} "
        phone += f"{rng.randrange(100):02d} {rng.randrange(100):02d}"
    elif roll < 0.92:
        pattern = rng.choice(_FOREIGN)
        for width in (3, 7, 8):
            pattern = pattern.replace(
                "{" + str(width) + "}", str(rng.randint(10 ** (width - 1), 10**width - 1))
            )
        phone = pattern
    else:
        phone = ""
    email = ""
    if rng.random() < 0.3:
        words = fold(name).split()
        email = f"{words[0]}.{words[-1]}{rng.randrange(1000)}@"
        email += rng.choice(("gmail.com", "hotmail.com"))
    address = ""
    if rng.random() < 0.25:
        postcode, district = rng.choice(demo_data.DISTRICTS)
        street = rng.choice(demo_data.STREETS)
        address = f"{street} No: {rng.randint(1, 140)}\n{postcode} {district} / İstanbul"
    notes = rng.choice(demo_data.CUSTOMER_NOTES) if rng.random() < 0.1 else ""
    tags = rng.choice(("VIP", "komşu", "toptan")) if rng.random() < 0.06 else ""
    return name, phone, email, address, notes, tags


def _phone(rng: random.Random, typed: str, used: set[str]) -> str:
    """The stored (E.164) phone, unique like the app keeps it; "" when none or not valid."""
    while typed:
        try:
            e164 = normalize_phone(typed)
        except InvalidInput:
            return ""
        if e164 not in used:
            used.add(e164)
            return e164
        typed = demo_data.random_mobile(rng)
    return ""


def _main() -> None:
    """``python -m bench.build PATH``: the benchmark runs the build in its own process, so that
    the millions of rows made in Python do not inflate the memory figures measured afterwards."""
    parser = argparse.ArgumentParser(prog="python -m bench.build")
    parser.add_argument("path", type=Path)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--purchases", type=int, default=1_000_000)
    parser.add_argument("--timings", type=Path, help="write the timings here as JSON")
    args = parser.parse_args()
    timings = build(args.path, customers=args.customers, purchases=args.purchases)
    if args.timings:
        args.timings.write_text(json.dumps(timings), encoding="utf-8")


if __name__ == "__main__":
    _main()
