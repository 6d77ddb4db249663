"""How an occasion reads: its kind's name, what it is this year ("35. yaş günü", "kızı Elif —
18. yaş günü", "10. evlilik yıl dönümü") and when it comes ("… 3 gün sonra").

Each reading is a whole template of its own, so that a language can put the words in its own
order; what a person typed (whose it is, the label of an "other" occasion) is never given a
suffix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext

if TYPE_CHECKING:
    from shopcrm.people.occasion_checks import OccasionKind


def kind_name(kind: OccasionKind) -> str:
    """The name of a kind of occasion, as the occasion form lists it."""
    names = {
        "birthday": _("Birthday"),
        "wedding": _("Wedding"),
        "engagement": _("Engagement"),
        "child_birthday": _("Child's birthday"),
        "child_graduation": _("Child's graduation"),
        "name_day": _("Name day"),
        "other": _("Other"),
    }
    return names[kind.value]


def describe(kind: str, whose: str, label: str, yearly: bool, years: int | None = None) -> str:
    """What an occasion is (its kind, whose it is, the label of an "other" one, whether yearly)
    and, when ``years`` is given, the age or the anniversary's number: "Birthday: turns 35"
    ("35. yaş günü")."""
    n = number(years) if years else ""
    if kind in ("birthday", "child_birthday"):
        if whose:
            if n:
                return _("{whose}: turns {n}").format(whose=whose, n=n)
            return _("{whose}: birthday").format(whose=whose)
        if kind == "child_birthday":
            return _("Child's birthday: turns {n}").format(n=n) if n else _("Child's birthday")
        return _("Birthday: turns {n}").format(n=n) if n else _("Birthday")
    if kind == "wedding":
        return _wedding(yearly, whose, n)
    if kind == "engagement":
        return _engagement(yearly, whose, n)
    if kind == "child_graduation":
        return _("{whose}: graduation").format(whose=whose) if whose else _("Child's graduation")
    if kind == "name_day":
        return _("{whose}: name day").format(whose=whose) if whose else _("Name day")
    return _other(label, whose, n)


def _wedding(yearly: bool, whose: str, n: str) -> str:
    if not yearly:
        return _("{whose}: wedding day").format(whose=whose) if whose else _("Wedding day")
    if whose and n:
        return _("{whose}: wedding anniversary, {n} years").format(whose=whose, n=n)
    if whose:
        return _("{whose}: wedding anniversary").format(whose=whose)
    return _("Wedding anniversary: {n} years").format(n=n) if n else _("Wedding anniversary")


def _engagement(yearly: bool, whose: str, n: str) -> str:
    if not yearly:
        return _("{whose}: engagement day").format(whose=whose) if whose else _("Engagement day")
    if whose and n:
        return _("{whose}: engagement anniversary, {n} years").format(whose=whose, n=n)
    if whose:
        return _("{whose}: engagement anniversary").format(whose=whose)
    if n:
        return _("Engagement anniversary: {n} years").format(n=n)
    return _("Engagement anniversary")


def _other(label: str, whose: str, n: str) -> str:
    if whose and n:
        return _("{whose}: {label}, {n} years").format(whose=whose, label=label, n=n)
    if whose:
        return _("{whose}: {label}").format(whose=whose, label=label)
    return _("{label}: {n} years").format(label=label, n=n) if n else label


def days_left(days: int) -> str:
    """How soon: "today", "tomorrow", "in 3 days"."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in {n} day", "in {n} days", days).format(n=number(days))


def coming_text(what: str, days: int) -> str:
    """An occasion and how soon it comes, as the counter shows it: "Birthday — in 3 days"
    ("Doğum günü 3 gün sonra")."""
    if days == 0:
        return _("{occasion} — today").format(occasion=what)
    if days == 1:
        return _("{occasion} — tomorrow").format(occasion=what)
    return ngettext("{occasion} — in {n} day", "{occasion} — in {n} days", days).format(
        occasion=what, n=number(days)
    )
