"""Turkish folding and alphabetical order, as a shopkeeper types and reads names."""

import pytest

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.text import fold, normalize, sort_key_text, turkish_lower


def test_fold_ignores_case_accents_and_dotted_i() -> None:
    assert fold("Şükrü Öztürk") == fold("SUKRU OZTURK") == fold("şükrü öztürk")
    assert fold("Işık") == fold("ISIK") == fold("isik") == fold("ışık")
    assert fold("İpek") == fold("ipek") == fold("IPEK")
    assert fold("Çağla Gür") == "cagla gur"


def test_fold_treats_decomposed_letters_like_composed_ones() -> None:
    decomposed = "S\u0327u\u0308kru\u0308"  # Ş and ü typed as base letter + combining mark
    assert fold(decomposed) == fold("Şükrü")


def test_normalize_trims_and_collapses_spaces_into_nfc() -> None:
    assert normalize("  Ayşe   Yılmaz \n") == "Ayşe Yılmaz"
    assert normalize("S\u0327ule") == "Şule"


def test_turkish_case_mapping() -> None:
    assert turkish_lower("IŞIK İPEK") == "ışık ipek"


def test_names_sort_in_turkish_alphabetical_order() -> None:
    expected = [
        "Cem",
        "Çağla",
        "Gül",
        "Hakan",
        "ılık",
        "Irmak",
        "İlker",
        "inci",
        "Oya",
        "Ömer",
        "Selim",
        "Şule",
        "Uğur",
        "Ümit",
        "Zeynep",
    ]
    shuffled = list(reversed(expected))
    assert sorted(shuffled, key=sort_key_text) == expected


def test_sort_is_case_insensitive() -> None:
    assert sorted(["ayşe", "Ahmet", "AYHAN"], key=sort_key_text) == ["Ahmet", "AYHAN", "ayşe"]


# What a person typed, cleaned in one place (shopcrm.common.cleaning).

REFUSED = {
    "NUL": "Ay\x00şe",
    "bell": "Ayşe\x07",
    "escape": "\x1b[31mAyşe",
    "delete": "Ayşe\x7f",
    "C1 control": "Ayşe\x85Yılmaz",
    "right-to-left override": "Ayşe \u202egnp.exe",
    "left-to-right embedding": "\u202aAyşe",
    "first strong isolate": "Ayşe \u2068Yılmaz\u2069",
    "zero-width space": "Ay\u200bşe",
    "zero-width joiner": "Ay\u200dşe",
    "right-to-left mark": "Ayşe\u200f",
    "word joiner": "Ay\u2060şe",
    "invisible times": "Ay\u2062şe",
    "byte order mark": "\ufeffAyşe",
    "soft hyphen": "Ay\u00adşe",
    "Hangul filler": "Ayşe \u3164",
    "lone high surrogate": "Ayşe \ud800",
    "lone low surrogate": "\udc00Ayşe",
}


@pytest.mark.parametrize("typed", REFUSED.values(), ids=REFUSED.keys())
def test_hidden_and_broken_characters_are_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(InvalidInput) as error:
        clean(typed, "Name", 200)
    assert "“Name”" in str(error.value)
    with pytest.raises(InvalidInput):
        clean(typed, "Notes", 2000, multiline=True)


def test_text_is_trimmed_put_in_nfc_and_its_spaces_collapsed() -> None:
    assert clean("  Ayşe \t  Yılmaz\u00a0 ", "Name", 200) == "Ayşe Yılmaz"
    assert clean("S\u0327ule", "Name", 200) == "Şule"
    assert clean("Ayşe\nYılmaz", "Name", 200) == "Ayşe Yılmaz"
    assert clean(None, "Name", 200) == ""


def test_multi_line_text_keeps_its_line_breaks() -> None:
    typed = " Bağdat Cad. 12\r\n\tKadıköy \rİstanbul\n"
    assert clean(typed, "Address", 300, multiline=True) == "Bağdat Cad. 12\nKadıköy\nİstanbul"


def test_text_in_any_script_and_emoji_is_kept() -> None:
    family = "\U0001f469\u200d\U0001f467"  # woman, zero-width joiner, girl: one emoji
    for typed in ["Şükrü Öztürk", "Ζωή", "Иван", "محمد", "李小龍", "Gül 🌹", f"{family} anne kız"]:
        assert clean(typed, "Name", 200) == typed


def test_lengths_are_limited_and_the_message_says_how_long() -> None:
    assert clean("Ç" * 200, "Name", 200) == "Ç" * 200
    with pytest.raises(InvalidInput) as error:
        clean("A" * 20000, "Name", 200)
    assert str(error.value) == "“Name” can be at most 200 characters long; this one has 20,000."
    with pytest.raises(InvalidInput, match="at most 2,000"):
        clean("n" * 28000, "Notes", 2000, multiline=True)


def test_a_quote_is_short_on_one_line_and_safe_to_show() -> None:
    assert quote("Ayşe") == "Ayşe"
    assert quote("x" * 20000) == "x" * 29 + "…"
    assert len(quote("y" * 20000, limit=10)) == 10
    assert quote("Ayşe\nYılmaz") == "Ayşe Yılmaz"
    assert quote("Ay\x00şe \u202eabc \ud800") == "Ay\ufffdşe \ufffdabc \ufffd"
    assert quote(12) == "12"
    assert quote(10**5000) == "1" + "0" * 28 + "…"
    assert quote(-(10**5000)).startswith("-1000")


def test_a_number_too_long_for_str_is_refused_not_crashed_on() -> None:
    with pytest.raises(InvalidInput, match="at most 40 characters"):
        clean(10**5000, "Phone", 40)
