"""Voucher codes: hard to guess, easy to type, and a typing mistake is told from an unknown code."""

import math

from shopcrm.vouchers import ALPHABET, RANDOM_LENGTH, canonical, looks_like_code, new_code


def test_codes_are_random_enough_and_have_no_look_alikes() -> None:
    assert RANDOM_LENGTH * math.log2(len(ALPHABET)) >= 40
    assert not set("01OILU") & set(ALPHABET)
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000


def test_codes_are_grouped_for_reading_aloud() -> None:
    code = new_code()
    assert len(code) == 12 and code[4] == code[9] == "-"
    assert canonical(code) == code


def test_case_spaces_and_dashes_do_not_matter() -> None:
    code = new_code()
    assert canonical(code.lower()) == code
    assert canonical(code.replace("-", " ")) == code
    assert canonical(code.replace("-", "")) == code


def test_any_single_wrong_character_is_caught() -> None:
    for _ in range(50):
        compact = new_code().replace("-", "")
        for position in range(len(compact)):
            for ch in ALPHABET:
                if ch != compact[position]:
                    typo = compact[:position] + ch + compact[position + 1 :]
                    assert canonical(typo) is None


def test_wrong_length_and_impossible_letters_are_mistyped() -> None:
    code = new_code()
    assert canonical(code[:-1]) is None
    assert canonical(code + "A") is None
    assert canonical(code.replace(code[0], "O", 1)) is None


def test_the_counter_tells_codes_from_names_and_phones() -> None:
    for _ in range(200):
        code = new_code()
        assert looks_like_code(code)
        assert looks_like_code(code.lower())
        assert looks_like_code(code.replace("-", " "))
        assert looks_like_code(code.replace("-", ""))
    for text in ["Şükrü", "ayşe yılmaz", "0532 123 45 67", "532 123", "Mehmet Ali", "Emre Kaya Ok"]:
        assert not looks_like_code(text)
