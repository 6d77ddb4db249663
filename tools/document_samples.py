"""Make a sample of every document and label sheet, in Turkish, on the demo shop: a PDF and a
PNG of each page, to look at before a change to the documents lands.

    .venv/bin/python tools/document_samples.py [OUT_FOLDER]   (/tmp/document-samples by default)

Needs pdftoppm (poppler-utils, which `./shopcrm.sh test` installs). The demo shop has its logo;
a customer with a 200-character name is added, so that the fitting shows too.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from shopcrm import Shop  # noqa: E402
from shopcrm.common.i18n import set_language  # noqa: E402
from shopcrm.demo import create_demo_database  # noqa: E402
from shopcrm.documents.kinds import DocumentKind, PrintJob  # noqa: E402
from shopcrm.documents.sheets import ADDRESS_SHEETS  # noqa: E402

LONG_NAME = ("Gülşen Çağla Öztürkoğlu İnceşahin " * 7)[:200].strip()


def jobs(shop: Shop) -> dict[str, PrintJob]:
    """One print of each kind, for customers who show what it does."""
    rows = shop.store.query(
        "SELECT id FROM customers WHERE address != '' AND address_form IN ('bey', 'hanim') "
        "ORDER BY id LIMIT 40"
    )
    people = tuple(int(r["id"]) for r in rows)
    long = shop.customers.add(
        name=LONG_NAME, address="Çiçek Sokağı No: 3\n34664 Üsküdar / İstanbul", address_form=""
    )
    for customer_id in (*people, long.id):
        shop.consent.record(customer_id, "letter", True)
    vouchers = tuple(r.id for r in shop.rewards.all("valid"))[:9]
    goodwill = shop.rewards.give_goodwill(long.id, "amount", 25_000, note="özür")
    occasions = tuple(
        int(r["id"])
        for r in shop.store.query(
            "SELECT id FROM occasions WHERE kind != 'birthday' ORDER BY id LIMIT 3"
        )
    )
    birthdays = tuple(
        int(r["id"])
        for r in shop.store.query("SELECT id FROM occasions WHERE kind = 'birthday' LIMIT 1")
    )
    out = {
        "thank-you": PrintJob(DocumentKind.THANK_YOU, customer_ids=(*people[:2], long.id)),
        "thank-you-folded": PrintJob(DocumentKind.THANK_YOU_FOLDED, customer_ids=people[:1]),
        "occasion": PrintJob(DocumentKind.OCCASION, occasion_ids=birthdays + occasions),
        "voucher": PrintJob(DocumentKind.VOUCHER, reward_ids=(goodwill.id, *vouchers[:1])),
        "voucher-sheet": PrintJob(DocumentKind.VOUCHER_SHEET, reward_ids=(goodwill.id, *vouchers)),
        "voucher-receipt": PrintJob(DocumentKind.VOUCHER_RECEIPT, reward_ids=(goodwill.id,)),
        "loyalty-card": PrintJob(DocumentKind.LOYALTY_CARD, customer_ids=(people[0], long.id)),
        "loyalty-sheet": PrintJob(
            DocumentKind.LOYALTY_SHEET, customer_ids=(*people[:8], long.id), first_label=2
        ),
        "letter": PrintJob(DocumentKind.LETTER, customer_ids=(people[0], long.id)),
    }
    for sheet in ADDRESS_SHEETS:
        out[f"labels-{sheet}"] = PrintJob(
            DocumentKind.LABELS,
            customer_ids=(*people[:20], long.id),
            label_sheet=sheet,
            first_label=4,
        )
    return out


def make(out: Path) -> list[Path]:
    """Write every sample's PDF and PNGs into ``out``; the PNGs written."""
    out.mkdir(parents=True, exist_ok=True)
    set_language("tr")
    pngs: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        create_demo_database(path)
        with Shop.open(path) as shop:
            for name, job in jobs(shop).items():
                pdf = out / f"{name}.pdf"
                pdf.write_bytes(shop.documents.render(job))
                subprocess.run(
                    ["pdftoppm", "-r", "110", "-png", str(pdf), str(out / name)], check=True
                )
                pngs += sorted(out.glob(f"{name}-*.png"))
    return pngs


if __name__ == "__main__":
    for png in make(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/document-samples")):
        print(png)
