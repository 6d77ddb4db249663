"""Numbers are grouped exactly as Babel groups them for the language."""

from __future__ import annotations

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from shopcrm.common.formatting import number


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(["tr", "en"]))
def test_a_number_is_grouped_as_babel_groups_it(value: int, language: str) -> None:
    locale = {"tr": "tr_TR", "en": "en_US"}[language]
    assert number(value, language) == format_decimal(value, "#,##0", locale=locale)
