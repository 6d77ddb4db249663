"""Fixtures shared by the core and the UI tests."""

from collections.abc import Iterator

import pytest

from shopcrm.common.i18n import set_language


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English unless a test asks otherwise."""
    set_language("en")
    yield
    set_language("en")
