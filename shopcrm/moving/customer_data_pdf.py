"""A customer's own data (``shopcrm.moving.customer_data``) as a readable A4 PDF: each section
under its heading, each row a small table of field and value, in the documents' DejaVu fonts
(``shopcrm.documents.fonts``), so that every Turkish letter prints and can be copied out."""

from __future__ import annotations

import io
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from shopcrm.common import formatting
from shopcrm.common.i18n import _
from shopcrm.documents import fonts
from shopcrm.documents.look import ACCENT, INK, MUTED
from shopcrm.moving.customer_data import SECTIONS, CustomerData, Record, section_titles
from shopcrm.people.address_forms import address_form_titles
from shopcrm.people.consent import channel_titles, method_titles

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
LABEL_WIDTH = 50 * mm
LINE = HexColor("#C8C8C8")
MONEY_FIELDS = {"amount", "discount", "total_spent", "spending"}
LEFT_OUT = {"customer_id"}
"""Fields every row of a section repeats: the customer is the one named in the title."""


def field_titles() -> dict[str, str]:
    """What each stored field is called, in the current language (others show as stored)."""
    return {
        "id": _("Number"),
        "name": _("Name"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "address": _("Address"),
        "notes": _("Notes"),
        "tags": _("Tags"),
        "birthday": _("Birthday"),
        "referred_by": _("Referred by customer no."),
        "marketing_consent": _("Consent on some channel"),
        "consent_date": _("Consent last changed"),
        "visit_count": _("Visits"),
        "total_spent": _("Total spent"),
        "last_visit": _("Last visit"),
        "created_at": _("Recorded on"),
        "updated_at": _("Last changed"),
        "archived_at": _("Archived on"),
        "address_form": _("How cards greet them"),
        "loyalty_card_code": _("Loyalty card code"),
        "channel": _("Channel"),
        "given": _("Consent given"),
        "method": _("How"),
        "given_at": _("Given on"),
        "withdrawn_at": _("Withdrawn on"),
        "noted_at": _("Said on"),
        "recorded_at": _("Recorded on"),
        "note": _("Note"),
        "amount": _("Amount"),
        "discount": _("Discount"),
        "purchased_at": _("Date"),
        "voided_at": _("Voided on"),
        "void_reason": _("Void reason"),
        "void_code": _("Void reason code"),
        "replaces_id": _("Corrects no."),
        "code": _("Code"),
        "rule_id": _("Rule no."),
        "cycle": _("Round"),
        "origin": _("Given as"),
        "reward": _("Reward"),
        "value": _("Value"),
        "gift": _("Gift"),
        "issued_at": _("Issued on"),
        "expires_on": _("Expires on"),
        "earned_by_purchase_id": _("Earned by purchase no."),
        "redeemed_at": _("Used on"),
        "redeemed_purchase_id": _("Used with purchase no."),
        "remainder_of": _("Remainder of voucher no."),
        "visits": _("Visits"),
        "spending": _("Spending"),
        "reason": _("Reason"),
        "kind": _("Kind"),
        "label": _("Label"),
        "whose": _("Whose"),
        "month": _("Month"),
        "day": _("Day"),
        "year": _("Year"),
        "yearly": _("Every year"),
        "notice_days": _("Days of notice"),
        "removed_at": _("Removed on"),
        "occasion_id": _("Occasion no."),
        "action": _("What was done"),
        "contact_id": _("Contact log no."),
        "summary": _("Summary"),
        "happened_at": _("Date"),
        "recorded_by": _("Recorded by"),
        "follow_up_on": _("Follow-up on"),
        "follow_up_done_at": _("Followed up on"),
        "score": _("Score"),
        "status": _("Status"),
        "resolution": _("Resolution"),
        "resolved_at": _("Resolved on"),
        "reasons": _("Why they were called"),
        "outcome": _("Outcome"),
        "call_back_on": _("Call back on"),
        "called_on": _("Called on"),
        "document": _("Document"),
        "reason_key": _("Queued for"),
        "purchase_id": _("Purchase no."),
        "occasion_year": _("Occasion's year"),
        "queued_at": _("Queued on"),
        "printed_at": _("Printed on"),
        "dropped_at": _("Left the queue on"),
        "drawn_at": _("Drawn on"),
        "draw_id": _("Draw no."),
        "place": _("Place"),
        "reward_id": _("Voucher no."),
        "detail": _("Form"),
        "done_at": _("Done on"),
    }


def _style(name: str, font: str, size: float, colour: Any = INK, **more: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.3, textColor=colour, **more
    )


TITLE = _style("title", fonts.SANS_BOLD, 16, ACCENT)
SMALL = _style("small", fonts.SANS, 8, MUTED)
SECTION = _style("section", fonts.SANS_BOLD, 12, ACCENT, spaceBefore=8, spaceAfter=3)
LABEL = _style("label", fonts.SANS, 8.5, MUTED)
CELL = _style("cell", fonts.SANS, 8.5, INK)


def _text(value: str) -> str:
    return escape(unicodedata.normalize("NFC", value)).replace("\n", "<br/>")


YES_NO_FIELDS = {"given", "marketing_consent", "yearly"}


def _words(key: str) -> dict[str, str]:
    """The words of a field stored as a code ("sms", "written", "hanim")."""
    if key == "channel":
        return {k.value: v for k, v in channel_titles().items()}
    if key == "method":
        return {k.value: v for k, v in method_titles().items()}
    if key == "address_form":
        return {k.value: v for k, v in address_form_titles().items()}
    return {}


def value_text(key: str, value: object, currency: str = "TRY") -> str:
    """A stored value as a reader reads it: money in lira, moments and days in the language's
    way, yes and no, codes in words, a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or (key in YES_NO_FIELDS and value in (0, 1)):
        return _("Yes") if value else _("No")
    if isinstance(value, str) and value in _words(key):
        return _words(key)[value]
    if key in MONEY_FIELDS and isinstance(value, int):
        return formatting.money(value, currency)
    dated = key.endswith(("_at", "_on")) or key in ("last_visit", "consent_date")
    if dated and isinstance(value, str) and len(value) >= 10 and value[4] == value[7] == "-":
        return formatting.moment(value) if "T" in value else formatting.day(value)
    return str(value)


def _row_table(record: Record, titles: dict[str, str]) -> Table:
    rows = [
        [Paragraph(_text(titles.get(k, k)), LABEL), Paragraph(_text(value_text(k, v)), CELL)]
        for k, v in record.items()
        if k not in LEFT_OUT
    ]
    table = Table(rows, colWidths=(LABEL_WIDTH, WIDTH - LABEL_WIDTH), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def data_pdf(data: CustomerData) -> bytes:
    """The customer's data as the bytes of an A4 PDF."""
    fonts.register()
    buffer = io.BytesIO()
    title = _("Personal data held about {name}").format(name=data.name)
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=data.shop_name,
        creator="ShopCRM",
        initialFontName=fonts.SANS,
        invariant=True,
    )
    titles = field_titles()
    headings = section_titles()
    made = _("Made on {date} by {shop}, at the customer's request (KVKK, Article 11).").format(
        date=formatting.moment(data.exported_at), shop=data.shop_name or "ShopCRM"
    )
    story: list[Flowable] = [
        Paragraph(_text(title), TITLE),
        Paragraph(_text(made), SMALL),
        Paragraph(_text(_("Money is in lira; every row the shop keeps is listed.")), SMALL),
        Spacer(0, 3 * mm),
        Paragraph(_text(headings["customer"]), SECTION),
        _row_table(data.customer, titles),
    ]
    for name in SECTIONS:
        rows = data.sections.get(name, [])
        heading = Paragraph(_text(f"{headings[name]} ({len(rows)})"), SECTION)
        if not rows:
            story += [heading, Paragraph(_text(_("None.")), CELL)]
            continue
        story.append(KeepTogether([heading, _row_table(rows[0], titles)]))
        story += [
            item for row in rows[1:] for item in (Spacer(0, 1.5 * mm), _row_table(row, titles))
        ]
    document.build(story)
    return buffer.getvalue()
