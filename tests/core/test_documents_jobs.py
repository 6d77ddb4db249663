"""Print jobs: who is printed and who is left out (and counted), what cannot be printed, a batch
of several jobs in one PDF, progress and cancelling, and drawing without the database."""

from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.documents.kinds import Cancelled, DocumentKind, PrintJob, kind_titles
from shopcrm.documents.prepared import Prepared
from shopcrm.documents.sheets import ADDRESS_SHEETS, BUSINESS_CARDS, VOUCHER_SHEET, sheet_of
from tests.core.conftest import FakeClock
from tests.core.test_documents import Material, furnish, text_of

MM = 72 / 25.4


@pytest.fixture
def material(shop: Shop) -> Material:
    return furnish(shop)


def test_a_marketing_job_leaves_out_and_counts_who_has_no_consent_for_letters(
    shop: Shop, material: Material
) -> None:
    sukru, ayse, cagla, *_rest = material.customers
    shop.consent.record(ayse, "letter", False)
    shop.consent.record(cagla, "letter", False)
    shop.consent.record(cagla, "call", True)
    people = (sukru, ayse, cagla)
    marketing = shop.documents.prepare(
        PrintJob(DocumentKind.LETTER, customer_ids=people, marketing=True)
    )
    assert [r.customer_id for r in marketing.recipients] == [sukru]
    assert marketing.left_out == 2
    plain = shop.documents.prepare(PrintJob(DocumentKind.LETTER, customer_ids=people))
    assert [r.customer_id for r in plain.recipients] == list(people) and plain.left_out == 0
    occasion = shop.documents.prepare(
        PrintJob(DocumentKind.OCCASION, occasion_ids=tuple(material.occasions), marketing=True)
    )
    assert [r.customer_id for r in occasion.recipients] == [sukru] and occasion.left_out == 1


def test_nothing_to_print_says_why(shop: Shop, material: Material) -> None:
    shop.consent.record(material.customers[0], "letter", False)
    job = PrintJob(DocumentKind.LETTER, customer_ids=material.customers[:1], marketing=True)
    with pytest.raises(InvalidInput, match="consent for letters"):
        shop.documents.render(job)
    no_address = PrintJob(DocumentKind.LABELS, customer_ids=(material.customers[4],))
    with pytest.raises(InvalidInput, match="has an address"):
        shop.documents.render(no_address)
    with pytest.raises(InvalidInput, match="choose at least one"):
        shop.documents.render(PrintJob(DocumentKind.THANK_YOU))


def test_address_labels_skip_and_count_customers_without_an_address(
    shop: Shop, material: Material
) -> None:
    prepared = shop.documents.prepare(
        PrintJob(DocumentKind.LABELS, customer_ids=tuple(material.customers))
    )
    assert len(prepared.recipients) == 4 and prepared.without_address == 1
    assert prepared.recipients[0].address_lines == (
        "Bağdat Cad. 12 D:4",
        "Caddebostan, Kadıköy",
        "34728 İstanbul",
    )


def test_the_same_customer_twice_is_printed_once_in_the_order_given(
    shop: Shop, material: Material
) -> None:
    sukru, ayse = material.customers[:2]
    job = PrintJob(DocumentKind.THANK_YOU, customer_ids=(ayse, sukru, ayse))
    assert [r.customer_id for r in shop.documents.prepare(job).recipients] == [ayse, sukru]


def test_unknown_customers_vouchers_and_occasions_are_refused(
    shop: Shop, material: Material
) -> None:
    with pytest.raises(NotFound, match="no customer number 999"):
        shop.documents.prepare(PrintJob(DocumentKind.LETTER, customer_ids=(1, 999)))
    with pytest.raises(NotFound, match="no voucher number 77"):
        shop.documents.prepare(PrintJob(DocumentKind.VOUCHER, reward_ids=(77,)))
    with pytest.raises(NotFound, match="no occasion number 55"):
        shop.documents.prepare(PrintJob(DocumentKind.OCCASION, occasion_ids=(55,)))
    with pytest.raises(InvalidInput, match="Choose the vouchers"):
        shop.documents.prepare(PrintJob(DocumentKind.VOUCHER_SHEET, customer_ids=(1,)))
    with pytest.raises(InvalidInput, match="not a kind of document"):
        shop.documents.prepare(PrintJob("poster", customer_ids=(1,)))  # type: ignore[arg-type]


@pytest.mark.parametrize(("sheet", "first"), [("L7160", 22), ("L7165", 0), ("L7163", "x")])
def test_a_label_outside_the_sheet_or_an_unknown_sheet_is_refused(
    shop: Shop, material: Material, sheet: str, first: object
) -> None:
    job = PrintJob(DocumentKind.LABELS, customer_ids=(1,), label_sheet=sheet, first_label=first)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="Start at a label from 1 to"):
        shop.documents.prepare(job)
    with pytest.raises(InvalidInput, match="not a sheet of labels"):
        shop.documents.prepare(PrintJob(DocumentKind.LABELS, customer_ids=(1,), label_sheet="A4"))


def test_used_expired_and_voided_vouchers_are_not_printed(
    shop: Shop, material: Material, clock: FakeClock
) -> None:
    voucher, gift = material.vouchers
    shop.rewards.void(gift, "yanlışlıkla verildi")
    code = shop.rewards.get(gift).code
    with pytest.raises(InvalidInput, match=f"Voucher {code} was voided"):
        shop.documents.prepare(PrintJob(DocumentKind.VOUCHER, reward_ids=(voucher, gift)))
    shop.purchases.log(material.customers[0], amount=50_000, redeem=[voucher])
    with pytest.raises(InvalidInput, match="was used already"):
        shop.documents.prepare(PrintJob(DocumentKind.VOUCHER, reward_ids=(voucher,)))
    fresh = shop.rewards.give_goodwill(material.customers[1], "percent", 10, valid_days=3)
    clock.advance(days=5)
    with pytest.raises(InvalidInput, match="has expired"):
        shop.documents.prepare(PrintJob(DocumentKind.VOUCHER, reward_ids=(fresh.id,)))


def test_a_voucher_shows_its_worth_owner_and_expiry_and_a_gift_voucher_has_no_owner(
    shop: Shop, material: Material
) -> None:
    prepared = shop.documents.prepare(
        PrintJob(DocumentKind.VOUCHER, reward_ids=tuple(material.vouchers))
    )
    owned, gift = prepared.vouchers
    assert owned.title == "Voucher" and gift.title == "Gift voucher"
    assert owned.value == "₺250.00 off" and gift.value == "₺1,000.00"
    assert owned.owner == "For: Şükrü Öztürk" and gift.owner == ""
    assert owned.expires == "Valid until June 7, 2026"
    assert owned.message.startswith("Thank you for your loyalty")
    assert gift.message.startswith("A gift for you")  # not "thank you for your loyalty"


def test_several_jobs_make_one_pdf_with_each_page_at_its_own_size(
    shop: Shop, material: Material
) -> None:
    cards = shop.documents.prepare(
        PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(material.customers[:2]))
    )
    letter = shop.documents.prepare(
        PrintJob(DocumentKind.LETTER, customer_ids=(material.customers[2],))
    )
    pdf = shop.documents.draw([cards, letter])
    pages = PdfReader(io.BytesIO(pdf)).pages
    sizes = [
        (round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in pages
    ]
    assert sizes == [(105, 148), (105, 148), (210, 297)]
    assert "Çağla Işık" in pages[2].extract_text()


def test_progress_is_told_after_each_item_and_a_false_answer_cancels(
    shop: Shop, material: Material
) -> None:
    prepared = shop.documents.prepare(
        PrintJob(DocumentKind.LABELS, customer_ids=tuple(material.customers))
    )
    told: list[tuple[int, int]] = []
    shop.documents.draw(prepared, lambda done, total: told.append((done, total)) is None)
    assert told == [(1, 4), (2, 4), (3, 4), (4, 4)]

    def stop_after_two(done: int, total: int) -> bool:
        return done < 2

    with pytest.raises(Cancelled, match="cancelled"):
        shop.documents.draw(prepared, stop_after_two)


def test_drawing_needs_no_database(shop: Shop, material: Material) -> None:
    prepared = shop.documents.prepare(
        PrintJob(DocumentKind.LOYALTY_SHEET, customer_ids=tuple(material.customers))
    )
    shop.close()
    pdf = shop.documents.draw(prepared)
    assert "Gökçe Ünal" in text_of(pdf)
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None and info.title == kind_titles()[DocumentKind.LOYALTY_SHEET]


def test_pdfs_drawn_in_several_threads_at_once_are_those_drawn_one_at_a_time(
    shop: Shop, material: Material
) -> None:
    cards = shop.documents.prepare(
        PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(material.customers))
    )
    letters = shop.documents.prepare(
        PrintJob(DocumentKind.LETTER, customer_ids=tuple(material.customers))
    )
    alone = {id(cards): shop.documents.draw(cards), id(letters): shop.documents.draw(letters)}
    drawn: list[tuple[int, bytes]] = []

    def draw_five(prepared: Prepared) -> None:
        drawn.extend((id(prepared), shop.documents.draw(prepared)) for _n in range(5))

    workers = [threading.Thread(target=draw_five, args=(job,)) for job in (cards, letters) * 2]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(drawn) == 20
    assert all(pdf == alone[which] for which, pdf in drawn)


def test_a_broken_logo_leaves_the_documents_without_one(shop: Shop, material: Material) -> None:
    shop.store.execute("UPDATE shop_logo SET image = ? WHERE id = 1", (b"not a picture",))
    job = PrintJob(DocumentKind.THANK_YOU, customer_ids=(material.customers[0],))
    assert "Dear Mr Öztürk" in text_of(shop.documents.render(job))


def test_each_kind_names_the_sheet_it_prints_on_for_the_first_label_to_be_chosen() -> None:
    assert sheet_of(DocumentKind.LABELS, " l7163 ") is ADDRESS_SHEETS["L7163"]
    assert sheet_of(DocumentKind.LABELS, "L7165").count == 8  # type: ignore[union-attr]
    assert sheet_of(DocumentKind.LOYALTY_SHEET) is BUSINESS_CARDS and BUSINESS_CARDS.count == 10
    assert sheet_of(DocumentKind.VOUCHER_SHEET) is VOUCHER_SHEET and VOUCHER_SHEET.count == 8
    assert sheet_of(DocumentKind.THANK_YOU) is None and sheet_of(DocumentKind.LETTER) is None
    with pytest.raises(InvalidInput, match="not a sheet of labels"):
        sheet_of(DocumentKind.LABELS, "L9999")
