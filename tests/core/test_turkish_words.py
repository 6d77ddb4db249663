"""The Turkish catalog speaks the app's words (TURKISH.md): kupon and hediye çeki, never a bare
"çek"; "iptal et" for void and "Vazgeç" for Cancel; "ara" to find; no mnemonic Qt cannot reach."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def turkish() -> dict[str, str]:
    """Each message of the Turkish catalog (a plural by its plural form) and its translation."""
    path = ROOT / "translations" / "tr" / "LC_MESSAGES" / "shopcrm.po"
    with path.open("rb") as f:
        catalog = read_po(f, locale="tr")
    out = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[-1]
        text = message.string if isinstance(message.string, str) else message.string[-1]
        out[key] = text
    return out


MENDED = {
    "Bringing a new customer": "Yeni müşteri getirene",
    "{gift} as a gift": "{gift} hediye",
    "Birthday on {date}: {reward}": "Doğum günü ({date}): {reward}",
    "never": "henüz yok",
    "What": "Ödül",
    "Open rewards — tick the ones to use with this purchase:": (
        "Kullanılabilir ödüller — bu alışverişte kullanılacakları işaretleyin:"
    ),
    "No open rewards.": "Kullanılabilir ödül yok.",
    "Anonymous vouchers worth an amount: whoever brings one may use it.": (
        "Belli bir tutarda hediye çekleri: getiren herkes kullanabilir."
    ),
    "&Make vouchers": "Hediye çeklerini &oluştur",
    "No customer found. Press Ctrl+N to add “{text}”.": (
        "Müşteri bulunamadı. “{text}” ile yeni müşteri eklemek için Ctrl+N’ye basın."
    ),
    "Who sent them? Type a name, then choose": "Kimin tavsiyesiyle geldi? Bir ad yazıp seçin",
    "&Visits for each reward:": "Kaç &ziyarette bir:",
    "&Spending for each reward:": "Kaç liralık h&arcamada bir:",
    "“{text}” is not a valid date. Type it like 15.03 or 15.03.1980": (
        "“{text}” geçerli bir tarih değil. 15.03 ya da 15.03.1980 gibi yazın."
    ),
    "“{text}” is not a valid amount: write it like {example}.": (
        "“{text}” geçerli bir tutar değil: {example} gibi yazın."
    ),
    "The amount can be at most {max}.": "Tutar en fazla {max} olabilir.",
    "A discount is used with a purchase; only a gift is handed over.": (
        "İndirim bir alışverişle kullanılır; alışverişsiz yalnızca hediye teslim edilebilir."
    ),
    "The gift was given without a purchase: mark it handed over.": (
        "Hediyeyi alışverişsiz verdiyseniz teslim edildi olarak işaretleyin."
    ),
    "The purchase of {amount} for {name} was voided.": (
        "{name} adına {amount} tutarındaki alışveriş iptal edildi."
    ),
    "Changing this counts every customer's visits and rewards again; you are shown what "
    "changes before it is applied.": (
        "Bu ayar değişirse her müşterinin ziyaretleri ve ödülleri yeniden sayılır; neyin "
        "değişeceği uygulanmadan önce gösterilir."
    ),
    "Voucher {code} belongs to another customer.": "{code} kuponu başka bir müşteriye ait.",
    "V&oid…": "İ&ptal et…",
    "Filter by name, phone, e-mail or tag (Ctrl+F)": (
        "Ada, telefona, e-postaya ya da etikete göre ara (Ctrl+F)"
    ),
    "Cancel": "Vazgeç",
}


@pytest.mark.parametrize(("english", "wanted"), MENDED.items())
def test_the_texts_to_mend_read_as_turkish_md_says(english: str, wanted: str) -> None:
    assert turkish()[english] == wanted


def test_the_limit_of_an_amount_names_no_currency() -> None:
    text = turkish()["The amount can be at most {max}."]
    assert "₺" not in text and "TL" not in text and "{max}" in text


BARE_CHEQUE = re.compile(r"(?<!hediye )\bçek(ler|leri|lerini|i|ini)?\b", re.IGNORECASE)


def test_one_word_per_idea() -> None:
    problems = []
    for english, text in turkish().items():
        if BARE_CHEQUE.search(text):
            problems.append(("a bare çek is a bank cheque", text))
        if re.search(r"\bsüz\b|\bbul\b|\bbulup\b", text):
            problems.append(("find is ara", text))
        if re.search(r"\b[Aa]çık ödül", text):
            problems.append(("open rewards are kullanılabilir", text))
        if re.search(r"\bsatış", text, re.IGNORECASE):
            problems.append(("a purchase is an alışveriş", text))
        if "İptal" in text.replace("&", "") and "void" not in english.replace("&", "").lower():
            problems.append(("İptal is void, never Cancel", text))
        if re.search(r"açılış bakiyesi", text, re.IGNORECASE):
            problems.append(("an opening balance is a devir", text))
    assert problems == []


def test_every_mnemonic_is_a_letter_qt_can_reach() -> None:
    unreachable = [
        text
        for text in turkish().values()
        for letter in re.findall(r"(?<!&)&([^&\s])", text)
        if not (letter.isascii() and letter.isalnum())
    ]
    assert unreachable == []
