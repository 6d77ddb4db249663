"""A mailing list holds the customers who consented to its channel, and only they; how many were
left out, and why, is told."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from shopcrm import Shop
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import set_language


def people(shop: Shop) -> dict[str, int]:
    ids = {}
    ids["both"] = shop.customers.add(
        name="Şule Ağaoğlu",
        phone="0532 111 22 33",
        email="sule@example.com",
        consents={"sms": True, "email": True},
    ).id
    ids["sms"] = shop.customers.add(
        name="=Ömer Çelik", phone="0533 222 33 44", consents={"sms": True}
    ).id
    ids["email_no_address"] = shop.customers.add(name="Ilgın Uç", consents={"email": True}).id
    ids["none"] = shop.customers.add(
        name="Hiç İzin", phone="0534 333 44 55", email="hic@example.com"
    ).id
    ids["withdrawn"] = shop.customers.add(
        name="Geri Aldı", phone="0535 444 55 66", consents={"sms": True}
    ).id
    shop.consent.record(ids["withdrawn"], "sms", False)
    ids["archived"] = shop.customers.add(
        name="Arşivde", phone="0536 555 66 77", consents={"sms": True}
    ).id
    shop.customers.archive(ids["archived"])
    return ids


def test_sms_list_holds_only_the_consenting_and_counts_the_rest(shop: Shop) -> None:
    ids = people(shop)
    sms = shop.mailing.build("sms")
    assert {r.customer_id for r in sms.recipients} == {ids["both"], ids["sms"]}
    # Ilgın (e-mail only), Hiç İzin and Geri Aldı (withdrawn); the archived one is not counted.
    assert sms.without_consent == 3
    assert sms.without_address == 0
    assert sms.summary() == "2 customers on the list. 3 left out: no consent to SMS."


def test_email_list_and_those_without_an_address(shop: Shop) -> None:
    ids = people(shop)
    email = shop.mailing.build("email")
    assert [r.customer_id for r in email.recipients] == [ids["both"]]
    assert email.without_consent == 3
    assert email.without_address == 1
    set_language("tr")
    assert email.summary() == (
        "Listede 1 müşteri var. 3 müşteri e-posta izni olmadığı için dışarıda kaldı. "
        "1 müşterinin e-posta adresi yok, dışarıda kaldı."
    )


def test_the_file_has_name_e164_phone_and_email(shop: Shop, tmp_path: Path) -> None:
    people(shop)
    path = tmp_path / "sms.csv"
    written, mailing = shop.mailing.write(path, "sms")
    assert written.rows == 2 == len(mailing.recipients)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert rows[0] == ["Name", "Phone", "E-mail"]
    assert sorted(rows[1:]) == [
        ["'=Ömer Çelik", "+905332223344", ""],
        ["Şule Ağaoğlu", "+905321112233", "sule@example.com"],
    ]


def test_calls_and_letters_are_not_mailing_lists(shop: Shop) -> None:
    for channel in ("call", "letter", "fax"):
        with pytest.raises(InvalidInput):
            shop.mailing.build(channel)
