"""``shop.documents``: cards, vouchers, loyalty cards, letters and address labels as PDFs, and
the owner's texts for them.

    job = PrintJob(DocumentKind.THANK_YOU, customer_ids=(12, 40))
    pdf = shop.documents.render(job)                      # prepare + draw, for scripts
    prepared = shop.documents.prepare(job)               # reads the database (UI thread)
    pdf = shop.documents.draw([prepared], progress)      # no database: a worker thread may draw
"""

from __future__ import annotations

from collections.abc import Sequence

from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.common.preferences import SettingsReader
from shopcrm.documents import texts
from shopcrm.documents.kinds import DocumentKind, PrintJob, Progress, checked_kind
from shopcrm.documents.prepare import prepare
from shopcrm.documents.prepared import Prepared, ShopFace
from shopcrm.documents.shop_logo import logo
from shopcrm.documents.texts import ReadyText
from shopcrm.numbers.draws import Draw
from shopcrm.storage.store import Store


class DocumentService:
    """Make documents, and keep the owner's text for each kind of document."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings

    def prepare(self, job: PrintJob) -> Prepared:
        """Read everything ``job`` prints (see ``shopcrm.documents.prepare``)."""
        kind = checked_kind(job.kind)
        saved = self.saved_text(kind) if job.text is None else None
        return prepare(self._store, job, self._settings(), self._clock().date(), saved)

    def draw(
        self, prepared: Prepared | Sequence[Prepared], progress: Progress | None = None
    ) -> bytes:
        """One PDF of ``prepared`` (one job or several), touching no database; ``progress``
        (done, total) returning False raises ``Cancelled``. The drawing modules (reportlab's
        graphics) are imported on the first call, not when the shop opens."""
        from shopcrm.documents import drawing

        return drawing.draw(prepared, progress)

    def render(self, job: PrintJob, progress: Progress | None = None) -> bytes:
        """The PDF of ``job``: ``prepare`` and ``draw`` in one call."""
        return self.draw(self.prepare(job), progress)

    def draw_notice(self, draw: Draw) -> bytes:
        """The notice of a draw's results for the shop window (A4 PDF, in the current language:
        see ``shopcrm.documents.draw_notice``)."""
        from shopcrm.documents.draw_notice import draw_notice

        settings = self._settings()
        face = ShopFace(settings.shop_name, settings.address, settings.phone, logo(self._store))
        return draw_notice(draw, face)

    def ready_texts(self, kind: DocumentKind | str) -> list[ReadyText]:
        """The ready texts for ``kind`` in the current language; the first is the default."""
        return texts.ready_texts(checked_kind(kind))

    def placeholders(self) -> list[tuple[str, str]]:
        """Every placeholder ("{greeting}") with what it stands for, for the text editor."""
        return texts.placeholders()

    def check_text(self, text: str) -> str:
        """``text`` as it would be saved; ``InvalidInput`` naming an unknown placeholder."""
        return texts.check_text(text)

    def save_text(self, kind: DocumentKind | str, text: str) -> str:
        """Keep ``text`` as the owner's text for ``kind`` (and the kinds that share it: see
        ``texts.text_family``); an empty text goes back to the first ready text. The text as
        kept; ``InvalidInput`` (nothing saved) for an unknown placeholder or a kind without
        text."""
        checked = checked_kind(kind)
        if not texts.ready_texts(checked):
            raise InvalidInput(_("Address labels print no text."))
        cleaned = texts.check_text(text)
        family = texts.text_family(checked)
        with self._store.transaction():
            if cleaned:
                self._store.execute(
                    "INSERT INTO document_texts (kind, text, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (kind) DO UPDATE SET text = excluded.text, "
                    "updated_at = excluded.updated_at",
                    (family, cleaned, iso(self._clock())),
                )
            else:
                self._store.execute("DELETE FROM document_texts WHERE kind = ?", (family,))
        return cleaned or self.text_of(checked)

    def saved_text(self, kind: DocumentKind | str) -> str | None:
        """The owner's own text for ``kind``, or None when they kept the ready one."""
        family = texts.text_family(checked_kind(kind))
        row = self._store.one("SELECT text FROM document_texts WHERE kind = ?", (family,))
        return str(row["text"]) if row is not None else None

    def text_of(self, kind: DocumentKind | str) -> str:
        """The text a job of ``kind`` prints when it gives none: the owner's, or else the first
        ready text ("" for address labels). An occasion card without an owner's text takes the
        ready text of each occasion's kind; this is the birthday's."""
        saved = self.saved_text(kind)
        if saved is not None:
            return saved
        ready = texts.ready_texts(checked_kind(kind))
        return ready[0].text if ready else ""
