"""Turkish folding and alphabetical order, as a shopkeeper types and reads names."""

from shopcrm.text import fold, normalize, sort_key_text, turkish_lower


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
