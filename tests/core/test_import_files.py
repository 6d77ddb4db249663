"""Reading the files people import: each source's own headers, a Turkish Excel CSV, vCards,
and files that are not customer lists at all."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from shopcrm import InvalidInput
from shopcrm.moving.bad_rows import save_bad_rows
from shopcrm.moving.columns import Field, Source, recognise
from shopcrm.moving.reading import MAX_BYTES, read_file
from shopcrm.moving.rows import read_rows

TODAY = date(2026, 3, 9)
TURKISH_LETTERS = "ç ğ ı İ ö ş ü Ç Ğ Ö Ş Ü"


def drafts_of(path: Path):  # type: ignore[no-untyped-def]
    sheet = read_file(path)
    mapping = recognise(sheet.headers, sheet.kind)
    return sheet, mapping, *read_rows(sheet, mapping, TODAY)


def test_a_turkish_excel_csv_comes_in_with_every_letter(tmp_path: Path) -> None:
    path = tmp_path / "müşteriler.csv"
    text = (
        "Ad;Soyad;Cep;E-posta;Doğum tarihi;Not;Toplam harcama;Ziyaret\r\n"
        f"Çağrı;Şenöz;0532 123 45 67;cagri@ornek.com;15.04.1985;{TURKISH_LETTERS};1.250,50;7\r\n"
        "İlkay Ğ.;Ünlü Ösö;0533 765 43 21;;29.02;ışık;99,9;\r\n"
    )
    path.write_bytes(text.encode("cp1254"))
    assert b"\xef\xbb\xbf" not in path.read_bytes()
    sheet, _mapping, drafts, bad = drafts_of(path)
    assert (sheet.encoding, sheet.separator) == ("cp1254", ";")
    assert bad == []
    first, second = drafts
    assert first.name == "Çağrı Şenöz"
    assert first.notes == TURKISH_LETTERS
    assert first.phone == "+905321234567"
    assert (first.birthday.day, first.birthday.month, first.birthday.year) == (15, 4, 1985)
    assert (first.spent, first.visits) == (125050, 7)
    assert second.name == "İlkay Ğ. Ünlü Ösö"
    assert second.notes == "ışık"
    assert second.spent == 9990
    assert (second.birthday.day, second.birthday.month, second.birthday.year) == (29, 2, None)


def test_square_shopify_ospos_google_and_outlook_are_recognised(tmp_path: Path) -> None:
    files = {
        Source.SQUARE: (
            "Reference ID,First Name,Last Name,Email Address,Phone Number,Birthday,Memo,"
            "Transaction Count,Lifetime Spend\n"
            ',Ayşe,Kaya,ayse@example.com,+90 532 111 22 33,04-15,likes tea,12,"$1,250.50"\n'
        ),
        Source.SHOPIFY: (
            "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Phone,"
            "Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags\n"
            "1,Ayşe,Kaya,ayse@example.com,yes,'+905321112233,no,1250.50,12,likes tea,no,"
            '"vip, regular"\n'
        ),
        Source.OSPOS: (
            "First Name,Last Name,Gender,Consent,Email,Phone Number,Address 1,Address2,City,"
            "State,Zip,Country,Comments,Company,Account Number,Discount,Discount_Type,Taxable\n"
            "Ayşe,Kaya,F,0,ayse@example.com,05321112233,Bağdat Cd. 1,,İstanbul,,,TR,"
            "likes tea,,,,,\n"
        ),
        Source.GOOGLE: (
            "First Name,Middle Name,Last Name,Birthday,Labels,E-mail 1 - Value,"
            "Phone 1 - Label,Phone 1 - Value\n"
            "Ayşe,,Kaya,--04-15,* myContacts ::: vip,ayse@example.com,Mobile,"
            "123 ::: 0532 111 22 33 ::: 0212 555 44 33\n"
        ),
        Source.OUTLOOK: (
            "First Name,Last Name,Mobile Phone,Home Phone,E-mail Address,Birthday,"
            "Anniversary,Notes,Categories\n"
            "Ayşe,Kaya,0532 111 22 33,,ayse@example.com,4/15/1985,6/12/2010,likes tea,vip\n"
        ),
    }
    for source, text in files.items():
        path = tmp_path / f"{source.value}.csv"
        path.write_text(text, encoding="utf-8")
        _sheet, mapping, drafts, bad = drafts_of(path)
        assert mapping.source is source, source
        assert mapping.recognised
        assert bad == [], (source, bad)
        (draft,) = drafts
        assert draft.name == "Ayşe Kaya", source
        assert draft.phone == "+905321112233", source
        assert draft.email == "ayse@example.com", source
    assert drafts_of(tmp_path / "square.csv")[2][0].spent == 125050
    assert drafts_of(tmp_path / "square.csv")[2][0].visits == 12
    assert drafts_of(tmp_path / "square.csv")[2][0].birthday == (4, 15, None)
    shopify = drafts_of(tmp_path / "shopify.csv")[2][0]
    assert shopify.tags == ("vip", "regular")
    assert set(shopify.consents) == {"email"}
    assert drafts_of(tmp_path / "ospos.csv")[2][0].consents == {}
    assert drafts_of(tmp_path / "ospos.csv")[2][0].address == "Bağdat Cd. 1"
    google = drafts_of(tmp_path / "google.csv")[2][0]
    assert google.tags == ("vip",)
    assert google.birthday == (4, 15, None)
    outlook = drafts_of(tmp_path / "outlook.csv")[2][0]
    assert outlook.birthday == (4, 15, 1985)
    assert outlook.anniversary == (6, 12, 2010)


def test_the_apps_own_headers_in_utf8_with_a_bom(tmp_path: Path) -> None:
    english = "Name,Phone,E-mail,Birthday,Tags,Notes,Visits,Total spent\n"
    turkish = "Ad Soyad;Telefon;E-posta;Doğum günü;Etiketler;Notlar;Ziyaret;Toplam harcama\n"
    rows = {
        english: 'Ayşe Kaya,0532 111 22 33,a@example.com,15.04.1985,"vip,eski",not,3,250.00\n',
        turkish: "Ayşe Kaya;0532 111 22 33;a@example.com;15.04.1985;vip,eski;not;3;250,00\n",
    }
    for header, row in rows.items():
        path = tmp_path / "export.csv"
        path.write_bytes(("\ufeff" + header + row).encode("utf-8"))
        sheet, mapping, drafts, _bad = drafts_of(path)
        assert mapping.source is Source.SHOPCRM
        assert sheet.headers[0] in ("Name", "Ad Soyad")
        (draft,) = drafts
        assert (draft.name, draft.tags, draft.visits, draft.spent) == (
            "Ayşe Kaya",
            ("vip", "eski"),
            3,
            25000,
        )


def test_unknown_headers_are_guessed_and_can_be_changed(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Müşteri;GSM;Açıklama;Renk\nAyşe;05321112233;not;mavi\n", encoding="utf-8")
    sheet = read_file(path)
    mapping = recognise(sheet.headers)
    assert not mapping.recognised
    assert mapping.fields == (Field.NAME, Field.PHONE, Field.NOTES, None)
    changed = mapping.with_field(3, Field.TAGS)
    (draft,), _bad = read_rows(sheet, changed, TODAY)
    assert draft.tags == ("mavi",)
    no_names = mapping.with_field(0, None)
    assert no_names.problem()


def test_xlsx_cells_come_in_as_text_and_formulas_are_never_evaluated(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Ad Soyad", "Telefon", "Doğum tarihi", "Not", "Ziyaret"])
    sheet.append(["Gül Işık", 5321112233, date(1985, 4, 15), "=1+1", 4.0])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    read, _mapping, drafts, bad = drafts_of(path)
    assert read.kind == "xlsx"
    assert bad == []
    (draft,) = drafts
    assert draft.phone == "+905321112233"
    assert draft.birthday == (4, 15, 1985)
    assert draft.notes == "=1+1"
    assert draft.visits == 4


def test_vcards_3_and_4_with_a_birthday_without_year_and_an_anniversary(tmp_path: Path) -> None:
    path = tmp_path / "rehber.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Şule Çınar\r\nN:Çınar;Şule;;;\r\n"
        "TEL;TYPE=cell:+90 532 111 22 33\r\nEMAIL:sule@example.com\r\nBDAY:--0415\r\n"
        "ANNIVERSARY:20100612\r\nCATEGORIES:vip,komşu\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ömer Öz\r\nN:Öz;Ömer;;;\r\nTEL:0533 222 33 44\r\n"
        "BDAY:--0415\r\nX-ANNIVERSARY:2012-09-01\r\nNOTE:kapıda\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    sheet, mapping, drafts, bad = drafts_of(path)
    assert (sheet.kind, mapping.source, bad) == ("vcard", Source.VCARD, [])
    four, three = drafts
    assert (four.name, four.phone, four.email) == (
        "Şule Çınar",
        "+905321112233",
        "sule@example.com",
    )
    assert four.birthday == (4, 15, None)
    assert four.anniversary == (6, 12, 2010)
    assert four.tags == ("vip", "komşu")
    assert (three.name, three.notes) == ("Ömer Öz", "kapıda")
    assert three.birthday == (4, 15, None)
    assert three.anniversary == (9, 1, 2012)


def test_files_that_are_not_customer_lists_get_a_clear_message(tmp_path: Path) -> None:
    empty = tmp_path / "boş.csv"
    empty.write_bytes(b"")
    png = tmp_path / "resim.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    archive = tmp_path / "arsiv.csv"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "hello")
    big = tmp_path / "büyük.csv"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    wide = tmp_path / "geniş.csv"
    wide.write_text(";".join(f"c{i}" for i in range(10_000)) + "\n", encoding="utf-8")
    messages = {}
    for path in (empty, png, archive, big, wide):
        with pytest.raises(InvalidInput) as caught:
            read_file(path)
        messages[path.name] = str(caught.value)
    assert "empty" in messages["boş.csv"]
    assert "PNG" in messages["resim.csv"]
    assert "ZIP" in messages["arsiv.csv"]
    assert "too big" in messages["büyük.csv"]
    assert "columns" in messages["geniş.csv"]


def test_bad_rows_are_listed_with_line_column_value_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    long_name = "A" * 300
    wide_row = ";".join(["x"] * 10_000)
    path.write_text(
        "Ad Soyad;Telefon;Doğum tarihi;Not\n"
        "Ayşe Kaya;0532 111 22 33;15.04.1985;iyi\n"
        "Ali Veli;0532 111 22 34;31.02.1990;\n"
        f"{long_name};;;\n"
        "Can\x07Su;;;\n"
        f"{wide_row}\n"
        "Oya Ak;12;;\n",
        encoding="utf-8",
    )
    _sheet, _mapping, drafts, bad = drafts_of(path)
    assert [d.name for d in drafts] == ["Ayşe Kaya"]
    assert [b.line for b in bad] == [3, 4, 5, 6, 7]
    no_such_day = bad[0].problems[0]
    assert (no_such_day.column, no_such_day.value) == ("Doğum tarihi", "31.02.1990")
    assert "no such day" in no_such_day.reason
    assert len(bad[1].problems[0].value) <= 30
    assert "invisible, control" in bad[2].reason()
    assert "10.000" in bad[3].reason() or "10,000" in bad[3].reason()
    assert bad[4].problems[0].column == "Telefon"


def test_bad_rows_are_saved_to_fix_and_import_again(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    text = "Ad Soyad;Telefon;Doğum tarihi\nAyşe Kaya;0532 111 22 33;\nİpek Öz;0532;31.02.1990\n"
    path.write_bytes(text.encode("cp1254"))
    sheet, _mapping, _drafts, bad = drafts_of(path)
    saved = tmp_path / "düzeltilecek.csv"
    save_bad_rows(saved, sheet, bad)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")
    again = read_file(saved)
    assert again.headers[:3] == sheet.headers
    (line,) = again.rows
    assert line[1][:3] == ("İpek Öz", "0532", "31.02.1990")
    assert "Line 3" in line[1][3] and "Telefon" in line[1][3]
    fixed = saved.read_text(encoding="utf-8-sig").replace(
        ";0532;31.02.1990", ";0532 123 45 67;28.02.1990"
    )
    saved.write_text(fixed, encoding="utf-8-sig")
    again = read_file(saved)
    drafts, bad_again = read_rows(again, recognise(again.headers), TODAY)
    assert bad_again == [] and drafts[0].name == "İpek Öz"


def test_a_lone_control_character_refuses_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes("Ad;Telefon\nAli\x00;0532 111 22 33\nGül\x1b;\nOya;\n".encode())
    _sheet, _mapping, drafts, bad = drafts_of(path)
    assert [d.name for d in drafts] == ["Oya"]
    assert [b.line for b in bad] == [2, 3]
    assert all("invisible, control" in b.reason() for b in bad)
