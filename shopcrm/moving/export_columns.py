"""The columns of the files the shop exports, with their headers in Turkish and English: one
place for the file format, which the importer reads back (``key_of``).

The headers are a file format, not a screen's words: they are fixed here in both languages
instead of being looked up in the translation catalog, so that a file written today is still
read back after any wording on the screens changes. A file is written with the headers of the
app's language (``headers``); a file in either language is read back (``key_of``).

Values the files share: phones in +90 form (E.164, "+905321234567"); dates as ISO text
("2026-11-30", a birthday without its year "04-15", a moment "2026-11-30 14:05"); money in lira
as a decimal number ("1250.50" in UTF-8 CSV, "1250,50" in the Turkish-Excel CSV, a number cell
in XLSX); several tags joined by ", "; yes and no as ``YES``/``NO`` in the file's language; a
text cell that begins like a formula has a single quote in front (``shopcrm.moving.cells``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopcrm.common.i18n import current_language
from shopcrm.common.text import fold


@dataclass(frozen=True)
class Column:
    """A column of an exported file: its key and its header in each language."""

    key: str
    tr: str
    en: str

    def header(self, language: str | None = None) -> str:
        """The header in ``language`` ("tr" or "en"; the app's language by default)."""
        return self.tr if (language or current_language()) == "tr" else self.en


@dataclass(frozen=True)
class Word:
    """A value word written in the file's language (yes, no, voided...)."""

    tr: str
    en: str

    def text(self, language: str | None = None) -> str:
        return self.tr if (language or current_language()) == "tr" else self.en


# Keys (what the code calls each column).
CUSTOMER_NO = "customer_no"
NAME = "name"
PHONE = "phone"
EMAIL = "email"
ADDRESS = "address"
BIRTHDAY = "birthday"
TAGS = "tags"
NOTES = "notes"
VISITS = "visits"
TOTAL_SPENT = "total_spent"
LAST_VISIT = "last_visit"
CUSTOMER_SINCE = "customer_since"
OCCASIONS = "occasions"
CONSENT_CALL = "consent_call"
CONSENT_SMS = "consent_sms"
CONSENT_EMAIL = "consent_email"
CONSENT_LETTER = "consent_letter"

PURCHASE_NO = "purchase_no"
WHEN = "when"
CUSTOMER = "customer"
AMOUNT = "amount"
DISCOUNT = "discount"
PAID = "paid"
NOTE = "note"
VOIDED = "voided"
VOID_REASON = "void_reason"
REPLACES = "replaces"

CONTACT_NO = "contact_no"
KIND = "kind"
SUMMARY = "summary"
RECORDED_BY = "recorded_by"
FOLLOW_UP = "follow_up"
SCORE = "score"
STATUS = "status"
RESOLUTION = "resolution"
RESOLVED_AT = "resolved_at"

CUSTOMER_COLUMNS: tuple[Column, ...] = (
    Column(CUSTOMER_NO, "Müşteri no", "Customer no."),
    Column(NAME, "Ad Soyad", "Name"),
    Column(PHONE, "Telefon", "Phone"),
    Column(EMAIL, "E-posta", "E-mail"),
    Column(ADDRESS, "Adres", "Address"),
    Column(BIRTHDAY, "Doğum günü", "Birthday"),
    Column(TAGS, "Etiketler", "Tags"),
    Column(NOTES, "Notlar", "Notes"),
    Column(VISITS, "Ziyaret", "Visits"),
    Column(TOTAL_SPENT, "Toplam harcama", "Total spent"),
    Column(LAST_VISIT, "Son ziyaret", "Last visit"),
    Column(CUSTOMER_SINCE, "Kayıt tarihi", "Customer since"),
    Column(OCCASIONS, "Özel günler", "Occasions"),
    Column(CONSENT_CALL, "İzin: arama", "Consent: calls"),
    Column(CONSENT_SMS, "İzin: SMS", "Consent: SMS"),
    Column(CONSENT_EMAIL, "İzin: e-posta", "Consent: e-mail"),
    Column(CONSENT_LETTER, "İzin: mektup", "Consent: letters"),
)
"""The customers file (CSV and XLSX), in this order."""

CONSENT_KEYS = {
    "call": CONSENT_CALL,
    "sms": CONSENT_SMS,
    "email": CONSENT_EMAIL,
    "letter": CONSENT_LETTER,
}
"""The consent column of each channel (``shopcrm.people.consent.Channel`` values)."""

PURCHASE_COLUMNS: tuple[Column, ...] = (
    Column(PURCHASE_NO, "Alışveriş no", "Purchase no."),
    Column(WHEN, "Tarih", "Date"),
    Column(CUSTOMER_NO, "Müşteri no", "Customer no."),
    Column(CUSTOMER, "Müşteri", "Customer"),
    Column(AMOUNT, "Tutar", "Amount"),
    Column(DISCOUNT, "İndirim", "Discount"),
    Column(PAID, "Ödenen", "Paid"),
    Column(NOTE, "Not", "Note"),
    Column(VOIDED, "İptal", "Voided"),
    Column(VOID_REASON, "İptal nedeni", "Void reason"),
    Column(REPLACES, "Düzelttiği alışveriş", "Corrects purchase"),
)
"""The accountant's purchases file: voided purchases are in it, marked."""

CONTACT_COLUMNS: tuple[Column, ...] = (
    Column(CONTACT_NO, "Kayıt no", "Entry no."),
    Column(WHEN, "Tarih", "Date"),
    Column(CUSTOMER_NO, "Müşteri no", "Customer no."),
    Column(CUSTOMER, "Müşteri", "Customer"),
    Column(KIND, "Tür", "Kind"),
    Column(SUMMARY, "Özet", "Summary"),
    Column(RECORDED_BY, "Kaydeden", "Recorded by"),
    Column(FOLLOW_UP, "Takip günü", "Follow-up on"),
    Column(SCORE, "Puan", "Score"),
    Column(STATUS, "Durum", "Status"),
    Column(RESOLUTION, "Çözüm", "Resolution"),
    Column(RESOLVED_AT, "Çözüldüğü tarih", "Resolved on"),
    Column(VOIDED, "İptal", "Voided"),
    Column(VOID_REASON, "İptal nedeni", "Void reason"),
)
"""The contact log file: voided entries are in it, marked."""

MAILING_COLUMNS: tuple[Column, ...] = (
    Column(NAME, "Ad Soyad", "Name"),
    Column(PHONE, "Telefon", "Phone"),
    Column(EMAIL, "E-posta", "E-mail"),
)
"""The mailing list for an SMS or e-mail service."""

YES = Word("Evet", "Yes")
NO = Word("Hayır", "No")
VOIDED_MARK = Word("İPTAL", "VOIDED")
OPEN = Word("Açık", "Open")
RESOLVED = Word("Çözüldü", "Resolved")


def headers(columns: Sequence[Column], language: str | None = None) -> list[str]:
    """The header row of a file with ``columns`` in ``language`` (the app's by default)."""
    return [column.header(language) for column in columns]


def key_of(header: str, columns: Sequence[Column] = CUSTOMER_COLUMNS) -> str | None:
    """The key of the column a header names, in either language (case, Turkish letters and
    spaces around it do not matter); None for a header that is not one of ``columns``."""
    wanted = fold(header.strip())
    for column in columns:
        if wanted in (fold(column.tr), fold(column.en)):
            return column.key
    return None
