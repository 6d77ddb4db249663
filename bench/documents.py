"""The documents figure: 1,000 personalised thank-you cards into one PDF through
``shop.documents.render``, beside the same 1,000 cards drawn with bare reportlab canvas calls in
the same run (the floor: the same fonts, logo, frame and words, the message wrapped once with
reportlab's ``simpleSplit`` at a fixed size, no fitting).

    python -m bench.documents [--cards N] [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.demo_logo import demo_logo
from shopcrm.demo_material import FEMALE_NAMES, MALE_NAMES, SURNAMES
from shopcrm.documents import fonts
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.documents.layout import forget_measures
from shopcrm.documents.look import ACCENT, GOLD, INK, MUTED, read_logo
from shopcrm.documents.prepared import Prepared

TARGET_RATIO = 1.5
TARGET_SECONDS = 2.0


def furnished_shop(folder: Path, cards: int) -> tuple[Shop, list[int]]:
    """A shop with a name, an address, a logo and ``cards`` Turkish customers."""
    shop = Shop.open(folder / "documents.sqlite3", clock=lambda: datetime(2026, 3, 9, 10, 30))
    shop.settings.update(
        shop_name="Çiçekçi Gülşen & Oğulları",
        address="Bağdat Cad. No: 112/4\nŞaşkınbakkal, Kadıköy\n34744 İstanbul",
        phone="0216 555 12 34",
    )
    shop.store.execute(
        "INSERT INTO shop_logo (id, image, file_name, updated_at) VALUES (1, ?, 'logo.png', ?)",
        (demo_logo(), "2026-03-01T10:00:00"),
    )
    forms = ["bey", "hanim", "first_name", "", "none"]
    ids = []
    for n in range(cards):
        first = (MALE_NAMES + FEMALE_NAMES)[n % (len(MALE_NAMES) + len(FEMALE_NAMES))]
        name = f"{first} {SURNAMES[n % len(SURNAMES)]}"
        ids.append(shop.customers.add(name=name, address_form=forms[n % len(forms)]).id)
    return shop, ids


def floor(prepared: Prepared) -> bytes:
    """The same cards with bare canvas calls: no fitting, the message split once at 11 points."""
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=A6, initialFontName=fonts.SANS, invariant=True, pageCompression=0
    )
    width, height = A6
    logo = read_logo(prepared.shop.logo)
    if logo is not None:
        canvas.beginForm("logo", 0, 0, logo.aspect, 1)
        canvas.drawImage(logo.image, 0, 0, logo.aspect, 1, mask="auto")
        canvas.endForm()
    middle = width / 2
    footer = prepared.shop.footer
    for recipient in prepared.recipients:
        canvas.setPageSize(A6)
        canvas.setStrokeColor(GOLD)
        canvas.rect(7 * mm, 7 * mm, width - 14 * mm, height - 14 * mm)
        if logo is not None:
            canvas.saveState()
            canvas.translate(middle - 7.5 * mm, height - 27 * mm)
            canvas.scale(15 * mm / logo.aspect, 15 * mm)
            canvas.doForm("logo")
            canvas.restoreState()
        canvas.setFillColor(ACCENT)
        canvas.setFont(fonts.SERIF_BOLD, 12)
        canvas.drawCentredString(middle, height - 36 * mm, prepared.shop.name)
        canvas.setFont(fonts.SERIF_ITALIC, 20)
        canvas.drawCentredString(middle, height - 47 * mm, recipient.heading)
        canvas.line(middle - 15 * mm, height - 52 * mm, middle + 15 * mm, height - 52 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(fonts.SERIF, 11)
        y = height - 70 * mm
        for line in simpleSplit(recipient.message, fonts.SERIF, 11, width - 24 * mm):
            canvas.drawCentredString(middle, y, line)
            y -= 14.85
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.SANS, 6.5)
        canvas.drawCentredString(middle, 14 * mm, footer)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def measure(cards: int = 1000, runs: int = 3) -> dict[str, Any]:
    """Time the app and the floor ``runs`` times each, alternately; the best of each counts."""
    set_language("tr")
    with tempfile.TemporaryDirectory() as folder:
        shop, ids = furnished_shop(Path(folder), cards)
        try:
            job = PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(ids))
            shop.documents.render(job)  # fonts, catalogs and caches as after the first print
            app, prepare, draw, bare, sizes = [], [], [], [], {}
            for _run in range(runs):
                forget_measures()
                started = time.perf_counter()
                prepared = shop.documents.prepare(job)
                prepared_at = time.perf_counter()
                pdf = shop.documents.draw(prepared)
                done = time.perf_counter()
                app.append(done - started)
                prepare.append(prepared_at - started)
                draw.append(done - prepared_at)
                started = time.perf_counter()
                bare_pdf = floor(prepared)
                bare.append(time.perf_counter() - started)
                sizes = {"app_pdf_mb": len(pdf) / 2**20, "floor_pdf_mb": len(bare_pdf) / 2**20}
        finally:
            shop.close()
            set_language("en")
    best_app, best_floor = min(app), min(bare)
    return {
        "cards": cards,
        "runs": runs,
        "app_s": best_app,
        "app_median_s": statistics.median(app),
        "prepare_s": min(prepare),
        "draw_s": min(draw),
        "floor_s": best_floor,
        "floor_median_s": statistics.median(bare),
        "ratio": best_app / best_floor,
        **sizes,
    }


def verdicts(result: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """The rows of the benchmark's table: figure, value, target, verdict (None: information)."""
    cards = f"{result['cards']:,}"
    return [
        (
            f"{cards} thank-you cards into one PDF (prepare + draw), best of {result['runs']}",
            f"{result['app_s']:.3f} s",
            f"<= {TARGET_SECONDS:g} s",
            result["app_s"] <= TARGET_SECONDS,
        ),
        ("  of which prepare (database, texts)", f"{result['prepare_s']:.3f} s", "", None),
        ("  of which draw (layout, PDF)", f"{result['draw_s']:.3f} s", "", None),
        (
            f"  floor: the same {cards} cards, bare canvas calls",
            f"{result['floor_s']:.3f} s",
            "",
            None,
        ),
        (
            "  cards / floor",
            f"{result['ratio']:.2f}x",
            f"<= {TARGET_RATIO:g}x",
            result["ratio"] <= TARGET_RATIO,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Print the documents figure alone."""
    parser = argparse.ArgumentParser(prog="python -m bench.documents", description=__doc__)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    result = measure(args.cards, args.runs)
    for figure, value, target, ok in verdicts(result):
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        print(f"{figure:<64}{value:<12}{target:<12}{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
