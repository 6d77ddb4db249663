"""Customers, purchases and the contact log go out to files that come back the same: CSV (UTF-8
with a BOM, or ';' and Windows-1254 for Turkish Excel), XLSX and vCard; formulas are guarded."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import vobject

from shopcrm import Shop
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import set_language
from shopcrm.moving import export_columns as col
from shopcrm.moving.cells import DANGEROUS_FIRST, guarded, unguarded
from shopcrm.moving.table_files import ExportStopped, TableFormat, fit_cp1254
from tests.core.conftest import FakeClock

TURKISH = "ÇçĞğİıÖöŞşÜü"


def fill(shop: Shop) -> dict[str, int]:
    a = shop.customers.add(
        name="Şükrü Öztürk",
        phone="0532 123 45 67",
        email="sukru@example.com",
        notes="Çiçek sever; ığüşöç",
        tags=["VIP", "Düğün"],
        birthday="15.04.1985",
        consents={"sms": True, "email": False},
    )
    b = shop.customers.add(name="İlknur Işık", phone="0533 765 43 21", birthday="29.02")
    c = shop.customers.add(name=TURKISH, notes='=HYPERLINK("http://x")')
    shop.occasions.add(a.id, "wedding", "12.06.2010", note="çiçek gönder")
    shop.purchases.log(a.id, 125050)
    shop.purchases.log(a.id, 7500)
    return {"a": a.id, "b": b.id, "c": c.id}


def read_csv(path: Path, encoding: str, delimiter: str) -> list[dict[str, str]]:
    text = path.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("language", ["tr", "en"])
def test_utf8_csv_round_trip(shop: Shop, tmp_path: Path, language: str) -> None:
    set_language(language)
    ids = fill(shop)
    path = tmp_path / "customers.csv"
    written = shop.customer_export.to_table(path, "csv")
    assert written.rows == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(path, "utf-8-sig", ",")
    assert list(rows[0]) == col.headers(col.CUSTOMER_COLUMNS, language)
    by_no = {int(r[col.CUSTOMER_COLUMNS[0].header()]): r for r in rows}
    h = {c.key: c.header(language) for c in col.CUSTOMER_COLUMNS}
    sukru = by_no[ids["a"]]
    assert sukru[h[col.NAME]] == "Şükrü Öztürk"
    assert unguarded(sukru[h[col.PHONE]]) == "+905321234567"
    assert sukru[h[col.EMAIL]] == "sukru@example.com"
    assert sukru[h[col.BIRTHDAY]] == "1985-04-15"
    assert sukru[h[col.TAGS]] == "VIP, Düğün"
    assert sukru[h[col.NOTES]] == "Çiçek sever; ığüşöç"
    assert sukru[h[col.VISITS]] == str(shop.customers.get(ids["a"]).visit_count)
    assert sukru[h[col.TOTAL_SPENT]] == "1325.50"
    assert sukru[h[col.LAST_VISIT]] == "2026-03-09"
    assert "2010-06-12" in sukru[h[col.OCCASIONS]]
    yes, no = col.YES.text(language), col.NO.text(language)
    assert sukru[h[col.CONSENT_SMS]] == yes and sukru[h[col.CONSENT_EMAIL]] == no
    assert by_no[ids["b"]][h[col.BIRTHDAY]] == "02-29"
    assert by_no[ids["c"]][h[col.NAME]] == TURKISH


def test_turkish_excel_csv_opens_in_cp1254_with_every_turkish_letter(
    shop: Shop, tmp_path: Path
) -> None:
    set_language("tr")
    ids = fill(shop)
    path = tmp_path / "excel.csv"
    written = shop.customer_export.to_table(path, TableFormat.CSV_TURKISH_EXCEL)
    assert written.replaced == ()
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("cp1254")
    for letter in TURKISH:
        assert letter in text
    rows = read_csv(path, "cp1254", ";")
    assert list(rows[0])[:3] == ["Müşteri no", "Ad Soyad", "Telefon"]
    sukru = next(r for r in rows if r["Müşteri no"] == str(ids["a"]))
    assert sukru["Ad Soyad"] == "Şükrü Öztürk"
    assert sukru["Toplam harcama"] == "1325,50"
    assert sukru["Doğum günü"] == "1985-04-15"


def test_cp1254_replaces_what_it_cannot_hold_and_says_so(shop: Shop, tmp_path: Path) -> None:
    shop.customers.add(name="Ayşe Ādam 🌷", notes="₺100 borç")
    written = shop.customer_export.to_table(tmp_path / "x.csv", TableFormat.CSV_TURKISH_EXCEL)
    told = {r.character: r.by for r in written.replaced}
    assert told == {"Ā": "A", "🌷": "?", "₺": "TL"}
    text = (tmp_path / "x.csv").read_bytes().decode("cp1254")
    assert "Ayşe Adam ?" in text and "TL100 borç" in text
    assert fit_cp1254("Şükrü") == ("Şükrü", ())


def test_xlsx_round_trip_with_real_numbers(shop: Shop, tmp_path: Path) -> None:
    set_language("tr")
    ids = fill(shop)
    path = tmp_path / "customers.xlsx"
    shop.customer_export.to_table(path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == col.headers(col.CUSTOMER_COLUMNS, "tr")
    keys = [c.key for c in col.CUSTOMER_COLUMNS]
    by_no = {r[0]: dict(zip(keys, r, strict=True)) for r in rows[1:]}
    assert set(by_no) == set(ids.values())
    sukru = by_no[ids["a"]]
    assert sukru[col.NAME] == "Şükrü Öztürk"
    assert sukru[col.TOTAL_SPENT] == pytest.approx(1325.50)
    assert isinstance(sukru[col.TOTAL_SPENT], float)
    assert sukru[col.VISITS] == shop.customers.get(ids["a"]).visit_count
    assert sukru[col.LAST_VISIT] == datetime(2026, 3, 9)
    assert unguarded(sukru[col.PHONE]) == "+905321234567"
    assert by_no[ids["c"]][col.NAME] == TURKISH


def test_vcards_for_a_phone(shop: Shop, tmp_path: Path) -> None:
    ids = fill(shop)
    path = tmp_path / "customers.vcf"
    assert shop.customer_export.to_vcards(path).rows == 3
    cards = {c.fn.value: c for c in vobject.readComponents(path.read_text(encoding="utf-8"))}
    assert set(cards) == {"Şükrü Öztürk", "İlknur Işık", TURKISH}
    sukru = cards["Şükrü Öztürk"]
    assert sukru.version.value == "3.0"
    assert sukru.tel.value == "+905321234567"
    assert sukru.email.value == "sukru@example.com"
    assert sukru.bday.value == "1985-04-15"
    assert sukru.note.value == "Çiçek sever; ığüşöç"
    assert sukru.n.value.family == "Öztürk" and sukru.n.value.given == "Şükrü"
    assert cards["İlknur Işık"].bday.value == "--02-29"
    assert ids


@pytest.mark.parametrize("first", DANGEROUS_FIRST)
def test_every_dangerous_first_character_is_guarded_in_csv_and_xlsx(
    shop: Shop, tmp_path: Path, first: str
) -> None:
    payload = first + "cmd|' /C calc'!A0"
    # As an import or an older version could have stored them (the form trims spaces).
    shop.customers.add(name="Zeki Zengin")
    shop.store.execute(
        "UPDATE customers SET tags = ?, notes = ? WHERE name = 'Zeki Zengin'", (payload, payload)
    )
    shop.customer_export.to_table(tmp_path / "x.csv", "csv")
    rows = read_csv(tmp_path / "x.csv", "utf-8-sig", ",")
    assert rows[0]["Notes"] == "'" + payload
    assert rows[0]["Tags"] == "'" + payload
    shop.customer_export.to_table(tmp_path / "x.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    notes = col.headers(col.CUSTOMER_COLUMNS).index("Notes") + 1
    cell = sheet.cell(row=2, column=notes)
    # XML reads a carriage return back as a line feed; the quote still comes first.
    assert cell.value.replace("\n", "\r") == ("'" + payload).replace("\n", "\r")
    assert cell.value.startswith("'") and cell.data_type == "s"


def test_the_guard_leaves_plain_text_and_numbers_alone() -> None:
    assert guarded("Ayşe") == "Ayşe"
    assert guarded(-5) == -5
    assert guarded("a=b") == "a=b"
    assert unguarded("'=1+1") == "=1+1"
    assert unguarded("'Ayşe'") == "'Ayşe'"


def test_headers_are_read_back_in_either_language() -> None:
    assert col.key_of("Ad Soyad") == col.NAME
    assert col.key_of(" ad soyad ") == col.NAME
    assert col.key_of("Name") == col.NAME
    assert col.key_of("Doğum günü") == col.BIRTHDAY
    assert col.key_of("Toplam harcama") == col.TOTAL_SPENT
    assert col.key_of("Shoe size") is None


def sales(shop: Shop, clock: FakeClock) -> dict[str, int]:
    c = shop.customers.add(name="Gülşen Çakır")
    ids = {}
    for label, moment, amount in [
        ("before", datetime(2026, 2, 28, 23, 59, 59), 100),
        ("first", datetime(2026, 3, 1, 0, 0, 0), 200),
        ("last", datetime(2026, 3, 5, 23, 59, 59), 300),
        ("after", datetime(2026, 3, 6, 0, 0, 0), 400),
    ]:
        clock.now = moment
        ids[label] = shop.purchases.log(c.id, amount, note=label).id
        shop.contacts.add(c.id, "call", f"Arandı: {label}", happened_at=moment)
    clock.now = datetime(2026, 3, 9, 10, 30)
    shop.purchases.void(ids["last"], "wrong_amount")
    return ids


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_accountant_purchases_take_both_days_of_the_range_and_mark_voided(
    shop: Shop, clock: FakeClock, tmp_path: Path, kind: str
) -> None:
    ids = sales(shop, clock)
    path = tmp_path / f"p.{kind}"
    written = shop.sales_export.purchases(path, kind, date(2026, 3, 1), date(2026, 3, 5))
    assert written.rows == 2
    if kind == "csv":
        rows = read_csv(path, "utf-8-sig", ",")
        got = {int(r["Purchase no."]): r for r in rows}
        assert set(got) == {ids["first"], ids["last"]}
        assert got[ids["last"]]["Voided"] == "VOIDED"
        assert got[ids["last"]]["Void reason"] == "Wrong amount"
        assert got[ids["first"]]["Voided"] == ""
        assert got[ids["first"]]["Amount"] == "2.00"
        assert got[ids["first"]]["Date"] == "2026-03-01 00:00"
    else:
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(values_only=True))[1:]
        assert [r[0] for r in rows] == [ids["first"], ids["last"]]
        assert rows[1][8] == "VOIDED" and rows[0][4] == pytest.approx(2.0)


def test_accountant_contact_log_range(shop: Shop, clock: FakeClock, tmp_path: Path) -> None:
    sales(shop, clock)
    path = tmp_path / "k.csv"
    written = shop.sales_export.contacts(path, "csv_tr", date(2026, 3, 1), date(2026, 3, 5))
    rows = read_csv(path, "cp1254", ";")
    assert written.rows == 2
    assert [r["Summary"] for r in rows] == ["Arandı: first", "Arandı: last"]


def test_a_range_the_wrong_way_round_is_refused(shop: Shop, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        shop.sales_export.purchases(tmp_path / "p.csv", "csv", date(2026, 3, 5), date(2026, 3, 1))
    assert not (tmp_path / "p.csv").exists()


def test_vcards_keep_long_notes_commas_and_line_breaks(shop: Shop, tmp_path: Path) -> None:
    notes = "Kızı Elif, oğlu Ömer; " * 6 + "\nİkinci satır: çiçek\\saksı"
    notes = shop.customers.add(name="Şebnem Güleryüz", notes=notes, tags=["Düğün", "VIP"]).notes
    assert "\n" in notes and "," in notes
    path = tmp_path / "x.vcf"
    shop.customer_export.to_vcards(path)
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    (card,) = vobject.readComponents(raw.decode("utf-8"))
    assert card.note.value == notes
    assert card.categories.value == ["Düğün", "VIP"]


def test_an_export_stopped_halfway_leaves_no_file(shop: Shop, tmp_path: Path) -> None:
    for n in range(1200):
        shop.store.execute(
            "INSERT INTO customers (name, name_folded, created_at, updated_at) "
            "VALUES (?, ?, '2026-01-01T10:00:00', '2026-01-01T10:00:00')",
            (f"Müşteri {n}", f"musteri {n}"),
        )
    out = tmp_path / "out"
    out.mkdir()
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        return done < 1000

    for job in (
        shop.customer_export.table_job("xlsx"),
        shop.customer_export.table_job("csv"),
        shop.customer_export.vcard_job(),
    ):
        told.clear()
        with pytest.raises(ExportStopped):
            job.write(out / "x.out", progress)
        assert told[-1] == (1000, 1200)
        assert list(out.iterdir()) == []
    assert shop.customer_export.table_job("csv").write(out / "x.csv", lambda d, t: True)
    assert [p.name for p in out.iterdir()] == ["x.csv"]
