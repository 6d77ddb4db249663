"""Voucher codes: hard to guess, easy to type, and a typing mistake is told from an unknown code."""

import math

import pytest

from shopcrm.loyalty.vouchers import ALPHABET, RANDOM_LENGTH, canonical, looks_like_code, new_code


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


def spaced(code: str, between: str) -> str:
    return between.join(code.replace("-", ""))


def test_a_code_typed_in_lower_case_with_any_spaces_or_dashes_is_a_code() -> None:
    for _ in range(200):
        code = new_code()
        compact = code.replace("-", "")
        for typed in [
            code.lower().replace("-", " - "),
            spaced(code.lower(), " "),
            spaced(code, "-"),
            f"  {compact[:3]} {compact[3:7]}-{compact[7:]} ".lower(),
        ]:
            assert looks_like_code(typed), typed


def test_a_mistyped_lower_case_code_with_digits_is_still_a_code() -> None:
    assert looks_like_code("kx7m - 4qpa - 9c")
    assert looks_like_code("k x 7 m 4 q p a 9 c")
    for _ in range(200):
        compact = new_code().replace("-", "")
        wrong = compact[:-1] + next(ch for ch in "23456789" if ch != compact[-1])
        if any(ch.isdigit() for ch in wrong) and any(ch.isalpha() for ch in wrong):
            assert looks_like_code(wrong.lower())
            assert looks_like_code(spaced(wrong.lower(), " "))


@pytest.mark.parametrize(
    "typed",
    [
        "Emre Kaya Ok",
        "emre kaya ok",
        "E m r e K a y a O k",
        "Mehmet Ali",
        "Ayşe Yılmaz",
        "5321234567",
        "0532 123 45 67",
        "532 123 45 67",
        "53 21 23 45 67",
        "Ali Veli 12",
        "kx7m 4qpa 9c extra",
    ],
)
def test_names_and_phones_are_never_taken_for_codes(typed: str) -> None:
    assert not looks_like_code(typed)
