"""Drawing prepared jobs into one PDF: ``draw`` touches no database, so the UI runs it in a
worker thread, with a progress callback that can cancel.

Several jobs go into one PDF, each page at its own size (a queue prints welcome cards and
letters in one batch). Every page is drawn in DejaVu (``shopcrm.documents.fonts``): the canvas
starts in it, so not even reportlab's page preamble names a standard font.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.documents import cards, fonts, labels, letters, loyalty_cards, voucher_pages
from shopcrm.documents.kinds import Cancelled, DocumentKind, Progress
from shopcrm.documents.look import Logo, Surface, read_logo
from shopcrm.documents.prepared import Prepared

Drawer = Callable[[Surface, Prepared, Logo | None], Iterator[None]]

DRAWERS: dict[DocumentKind, Drawer] = {
    DocumentKind.THANK_YOU: cards.thank_you_cards,
    DocumentKind.THANK_YOU_FOLDED: cards.folded_cards,
    DocumentKind.OCCASION: cards.thank_you_cards,
    DocumentKind.VOUCHER: voucher_pages.single_vouchers,
    DocumentKind.VOUCHER_SHEET: voucher_pages.voucher_sheets,
    DocumentKind.VOUCHER_RECEIPT: voucher_pages.receipt_vouchers,
    DocumentKind.LOYALTY_CARD: loyalty_cards.single_cards,
    DocumentKind.LOYALTY_SHEET: loyalty_cards.card_sheets,
    DocumentKind.LETTER: letters.letters,
    DocumentKind.LABELS: labels.address_labels,
}


def draw(prepared: Prepared | Sequence[Prepared], progress: Progress | None = None) -> bytes:
    """One PDF of every job in ``prepared``, in order. ``progress(done, total)`` is told after
    each item; when it returns False, ``Cancelled`` is raised. ``InvalidInput`` when there is
    nothing to print (every recipient left out, say)."""
    jobs = [prepared] if isinstance(prepared, Prepared) else list(prepared)
    total = sum(job.count for job in jobs)
    if total == 0:
        raise InvalidInput(_nothing_message(jobs))
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=A4,
        initialFontName=fonts.SANS,
        invariant=True,
        pageCompression=0,
    )
    canvas.setTitle(jobs[0].title)
    canvas.setAuthor(jobs[0].shop.name)
    canvas.setCreator("ShopCRM")
    surface = Surface(canvas)
    done = 0
    for job in jobs:
        logo = read_logo(job.shop.logo)
        for _item in DRAWERS[job.kind](surface, job, logo):
            done += 1
            if progress is not None and progress(done, total) is False:
                raise Cancelled(_("Making the documents was cancelled."))
    canvas.save()
    return buffer.getvalue()


def _nothing_message(jobs: list[Prepared]) -> str:
    if any(job.left_out for job in jobs):
        return _("There is nothing to print: no one chosen has given consent for letters.")
    if any(job.without_address for job in jobs):
        return _("There is nothing to print: no one chosen has an address.")
    return _("There is nothing to print: choose at least one customer or voucher.")
