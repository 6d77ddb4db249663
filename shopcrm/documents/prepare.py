"""Turning a ``PrintJob`` into a ``Prepared``: everything the documents show, read from the
database in a few queries (a thousand customers in one), worded in the current language, the
placeholders filled for each recipient. Nothing here draws."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day, money, number
from shopcrm.common.i18n import _
from shopcrm.common.preferences import Settings
from shopcrm.common.whole import known_id
from shopcrm.documents import captions, greetings
from shopcrm.documents.kinds import (
    VOUCHER_KINDS,
    DocumentKind,
    PrintJob,
    checked_kind,
    kind_titles,
)
from shopcrm.documents.prepared import Prepared, Recipient, ShopFace, VoucherFace
from shopcrm.documents.sheets import Sheet, sheet_of
from shopcrm.documents.shop_logo import logo
from shopcrm.documents.texts import check_text, fill, occasion_text_key, ready_text, ready_texts
from shopcrm.loyalty.rewards import GIFT_VOUCHER, REWARD_COLUMNS, RewardStatus, reward_from_row
from shopcrm.people.card_codes import card_code
from shopcrm.people.consent import Channel, consent_condition
from shopcrm.people.occasions import OCCASION_COLUMNS, coming, occasion_from_row
from shopcrm.storage.store import Row, Store

CHUNK = 500
"""Ids asked for in one query (SQLite allows a few hundred parameters at least)."""
MAX_ITEMS = 20_000
"""The most a job may print at once."""


def prepare(
    store: Store, job: PrintJob, settings: Settings, today: date, saved_text: str | None
) -> Prepared:
    """Everything ``job`` prints, read now. ``saved_text`` is the owner's text for the kind
    (None: none saved). Raises ``InvalidInput`` for a job that cannot be printed (an unknown
    placeholder, a used voucher, a label outside the sheet...) and ``NotFound`` for an unknown
    customer, voucher or occasion."""
    kind = checked_kind(job.kind)
    sheet = sheet_of(kind, job.label_sheet)
    first = _first_label(job.first_label, sheet)
    text = check_text(job.text) if job.text is not None else saved_text
    dated = day(today, style="long")
    shop = ShopFace(settings.shop_name, settings.address, settings.phone, logo(store))
    base = {"shop": settings.shop_name, "date": dated}
    prepared = Prepared(kind, kind_titles()[kind], shop, dated, sheet=sheet, first_label=first)
    if kind in VOUCHER_KINDS:
        vouchers, left_out = _vouchers(store, job, text, base, today, settings.currency)
        return replace(prepared, vouchers=tuple(vouchers), left_out=left_out)
    if kind is DocumentKind.OCCASION:
        cards, left_out = _occasion_cards(store, job, text, base, today)
        return replace(prepared, recipients=tuple(cards), left_out=left_out)
    recipients, left_out, without_address = _recipients(store, job, kind, text, base)
    return replace(
        prepared, recipients=tuple(recipients), left_out=left_out, without_address=without_address
    )


def _first_label(value: object, sheet: Sheet | None) -> int:
    if sheet is None:
        return 1
    first = known_id(value)
    if first is None or first > sheet.count:
        raise InvalidInput(
            _("Start at a label from 1 to {n}: “{text}” is not on the sheet.").format(
                n=number(sheet.count), text=quote(value)
            )
        )
    return first


def _ids(values: Sequence[object], missing: str) -> list[int]:
    """The ids asked for, in order, each once; ``NotFound`` with the message ``missing`` for
    one that cannot be an id."""
    ids: list[int] = []
    for value in values:
        found = known_id(value)
        if found is None:
            raise NotFound(missing.format(id=quote(value)))
        ids.append(found)
    unique = list(dict.fromkeys(ids))
    if len(unique) > MAX_ITEMS:
        raise InvalidInput(_("At most {n} can be printed at once.").format(n=number(MAX_ITEMS)))
    return unique


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _rows(store: Store, sql: str, ids: list[int]) -> dict[int, Row]:
    """Rows of ``sql`` (with ``{marks}`` for the ids) by their ``id``."""
    found: dict[int, Row] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for row in store.query(sql.format(marks=marks), tuple(chunk)):
            found[row["id"]] = row
    return found


_LETTER_CONSENT = consent_condition(Channel.LETTER, "customers.id")


def _person_values(name: str, form: str, visits: int) -> dict[str, str]:
    return {
        "name": name,
        "first_name": greetings.first_name(name),
        "greeting": greetings.greeting(name, form),
        "address_form": greetings.addressed(name, form),
        "visits": number(visits),
    }


def _recipients(
    store: Store, job: PrintJob, kind: DocumentKind, text: str | None, base: dict[str, str]
) -> tuple[list[Recipient], int, int]:
    ids = _ids(job.customer_ids, _("There is no customer number {id}."))
    rows = _rows(
        store,
        "SELECT id, name, address, address_form, visit_count, "
        f"{_LETTER_CONSENT} AS letter_ok FROM customers WHERE id IN ({{marks}})",
        ids,
    )
    _refuse_missing(ids, rows, _("There is no customer number {id}."))
    message = text if text is not None else _default_text(kind)
    heading = captions.heading(kind)
    recipients: list[Recipient] = []
    left_out = without_address = 0
    for customer_id in ids:
        row = rows[customer_id]
        if job.marketing and not row["letter_ok"]:
            left_out += 1
            continue
        lines = tuple(line for line in row["address"].splitlines() if line.strip())
        if kind is DocumentKind.LABELS and not lines:
            without_address += 1
            continue
        values = base | _person_values(row["name"], row["address_form"], row["visit_count"])
        recipients.append(
            Recipient(
                customer_id=customer_id,
                name=row["name"],
                message=fill(message, values),
                heading=heading,
                address_lines=lines,
                card_code=card_code(customer_id),
            )
        )
    return recipients, left_out, without_address


def _default_text(kind: DocumentKind) -> str:
    ready = ready_texts(kind)
    return ready[0].text if ready else ""


def _refuse_missing(ids: list[int], rows: dict[int, Row], message: str) -> None:
    for wanted in ids:
        if wanted not in rows:
            raise NotFound(message.format(id=quote(wanted)))


def _occasion_cards(
    store: Store, job: PrintJob, text: str | None, base: dict[str, str], today: date
) -> tuple[list[Recipient], int]:
    ids = _ids(job.occasion_ids, _("There is no occasion number {id}."))
    if not ids:
        raise InvalidInput(_("Choose the occasions to print cards for."))
    rows = _rows(
        store,
        f"SELECT {OCCASION_COLUMNS}, c.name AS customer_name, c.address AS customer_address, "
        "c.address_form AS customer_form, c.visit_count AS customer_visits, "
        f"{consent_condition(Channel.LETTER, 'c.id')} AS letter_ok "
        "FROM occasions o JOIN customers c ON c.id = o.customer_id WHERE o.id IN ({marks})",
        ids,
    )
    _refuse_missing(ids, rows, _("There is no occasion number {id}."))
    cards: list[Recipient] = []
    left_out = 0
    for occasion_id in ids:
        row = rows[occasion_id]
        if job.marketing and not row["letter_ok"]:
            left_out += 1
            continue
        occasion = occasion_from_row(row)
        next_one = coming(occasion, today)
        what = next_one.what if next_one is not None else occasion.describe()
        message = text
        if message is None:
            key = occasion_text_key(occasion.kind.value, occasion.yearly)
            message = ready_text(DocumentKind.OCCASION, key).text
        values = base | _person_values(
            row["customer_name"], row["customer_form"], row["customer_visits"]
        )
        values |= {"occasion": what, "whose": occasion.whose}
        cards.append(
            Recipient(
                customer_id=occasion.customer_id,
                name=row["customer_name"],
                message=fill(message, values),
                heading=captions.occasion_heading(occasion.kind.value, occasion.yearly),
                subheading=what,
                address_lines=tuple(
                    line for line in row["customer_address"].splitlines() if line.strip()
                ),
                card_code=card_code(occasion.customer_id),
                occasion_id=occasion.id,
                occasion_year=next_one.falls_on.year if next_one is not None else None,
            )
        )
    return cards, left_out


def _vouchers(
    store: Store,
    job: PrintJob,
    text: str | None,
    base: dict[str, str],
    today: date,
    currency: str,
) -> tuple[list[VoucherFace], int]:
    ids = _ids(job.reward_ids, _("There is no voucher number {id}."))
    if not ids:
        raise InvalidInput(_("Choose the vouchers to print."))
    rows = _rows(
        store,
        f"SELECT {REWARD_COLUMNS}, "
        "(SELECT c.name FROM customers c WHERE c.id = rewards.customer_id) AS owner_name, "
        "(SELECT c.address_form FROM customers c WHERE c.id = rewards.customer_id) AS owner_form, "
        "(SELECT c.visit_count FROM customers c WHERE c.id = rewards.customer_id) AS owner_visits, "
        f"{consent_condition(Channel.LETTER, 'rewards.customer_id')} AS letter_ok "
        "FROM rewards WHERE id IN ({marks})",
        ids,
    )
    _refuse_missing(ids, rows, _("There is no voucher number {id}."))
    owned_text = text if text is not None else _default_text(DocumentKind.VOUCHER)
    gift_text = text if text is not None else ready_text(DocumentKind.VOUCHER, "gift").text
    faces: list[VoucherFace] = []
    left_out = 0
    for reward_id in ids:
        row = rows[reward_id]
        reward = reward_from_row(row)
        _refuse_unusable(reward.code, reward.status(today))
        owned = reward.customer_id is not None
        if job.marketing and owned and not row["letter_ok"]:
            left_out += 1
            continue
        expires = day(reward.expires_on, style="long")
        gift_voucher = reward.origin == GIFT_VOUCHER
        message = gift_text if gift_voucher else owned_text
        value = money(reward.value, currency) if gift_voucher else reward.description(currency)
        values = base | {"value": value, "code": reward.code, "expires": expires}
        if owned:
            values |= _person_values(row["owner_name"], row["owner_form"], row["owner_visits"])
        faces.append(
            VoucherFace(
                reward_id=reward.id,
                code=reward.code,
                title=captions.voucher_title(gift_voucher),
                value=value,
                expires=captions.voucher_expires(expires),
                owner=captions.voucher_owner(row["owner_name"]) if owned else "",
                message=fill(message, values),
            )
        )
    return faces, left_out


def _refuse_unusable(code: str, status: RewardStatus) -> None:
    if status is RewardStatus.USED:
        raise InvalidInput(
            _("Voucher {code} was used already: it is not printed.").format(code=code)
        )
    if status is RewardStatus.EXPIRED:
        raise InvalidInput(_("Voucher {code} has expired: it is not printed.").format(code=code))
    if status is RewardStatus.VOIDED:
        raise InvalidInput(_("Voucher {code} was voided: it is not printed.").format(code=code))
