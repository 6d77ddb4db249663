"""Draws among customers: N winners picked at random from a list the owner chooses, recorded so
that the draw can be shown fair and repeated.

    draw = shop.draws.run(Pool(date(2026, 3, 1), date(2026, 3, 31)), winners=3, consent_only=True)
    shop.draws.check(draw.id)                    # True: the stored seed gives the same winners
    shop.draws.give_voucher(draw.id, draw.winners[0].customer_id, "amount", "100", valid_days=30)
    pdf = shop.documents.draw_notice(draw)       # the notice for the shop window

How a draw is made, so that anyone can repeat it: the candidates are the pool's customer ids,
sorted from the smallest; the winners are ``random.Random(seed).sample(candidates, N)``, in the
order they come out (Python's Mersenne Twister). The seed comes from ``secrets`` unless one is
given. One transaction stores the time, the seed, the pool's parameters and its words, the
pool's size, the candidates and the SHA-256 of their ids written "3,8,15" (ASCII), whether only
customers with consent took part (see ``shopcrm.numbers.pools``), and the winners in order. A
draw is never changed nor deleted (the database refuses it).
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.preferences import SettingsReader
from shopcrm.common.whole import known_id, parse_whole
from shopcrm.loyalty.reward_service import RewardService
from shopcrm.loyalty.rewards import Reward
from shopcrm.loyalty.rules import RewardKind
from shopcrm.numbers.pools import Pool, candidates, checked_pool, describe
from shopcrm.numbers.segments import SegmentLimits
from shopcrm.people.phone import display_phone
from shopcrm.storage.store import Row, Store

MAX_WINNERS = 1000
MAX_SEED = 2**63 - 1
NEW_SEEDS = 10**12
"""A seed drawn by the program is below this: twelve digits, short enough to read off the notice."""
MAX_RECORDED_BY = 100


@dataclass(frozen=True)
class Winner:
    """A winner of a draw, in the order drawn (``place`` 1 first)."""

    place: int
    customer_id: int
    name: str
    phone: str
    """As people read it ("0532 123 45 67"); "" without one."""
    reward_id: int | None
    """The voucher given for the draw, if one was."""

    @property
    def window_name(self) -> str:
        """The name as a notice in the shop window shows it: first name and the surname's
        initial only ("Ayşe Y.")."""
        return window_name(self.name)


@dataclass(frozen=True)
class Draw:
    """A draw as recorded."""

    id: int
    drawn_at: str
    seed: int
    pool: Pool
    consent_only: bool
    pool_words: str
    """Who took part, in the words of the language of the draw."""
    pool_size: int
    candidates_sha256: str
    recorded_by: str
    winners: tuple[Winner, ...]


def window_name(name: str) -> str:
    """ "Ayşe Yılmaz" -> "Ayşe Y.", "Mehmet Ali İnce" -> "Mehmet Ali İ."; a single name stays."""
    words = name.split()
    if len(words) < 2:
        return name.strip()
    initial = words[-1][0]
    initial = {"i": "İ", "ı": "I"}.get(initial, initial.upper())
    return f"{' '.join(words[:-1])} {initial}."


def fingerprint(ids: Sequence[int]) -> str:
    """The SHA-256 (hex) of sorted customer ids written "3,8,15" in ASCII."""
    return hashlib.sha256(_joined(ids).encode("ascii")).hexdigest()


def pick(ids: Sequence[int], seed: int, count: int) -> list[int]:
    """The winners of a draw from the sorted ``ids``: the same for the same seed, anywhere."""
    return random.Random(seed).sample(list(ids), count)


def _joined(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)


_DRAW_COLUMNS = (
    "id, drawn_at, seed, visited_from, visited_to, min_visits, segment, consent_only, "
    "pool_words, pool_size, candidates_sha256, recorded_by"
)


class DrawService:
    """Run draws, read them back, check them, and give a winner a voucher."""

    def __init__(
        self, store: Store, clock: Clock, rewards: RewardService, settings: SettingsReader
    ) -> None:
        self._store = store
        self._clock = clock
        self._rewards = rewards
        self._settings = settings

    def _candidates(self, pool: Pool, consent_only: bool) -> list[int]:
        limits = SegmentLimits.on(self._settings(), self._clock().date())
        return candidates(self._store, pool, consent_only, limits)

    def pool_size(self, pool: Pool, consent_only: bool) -> int:
        """How many customers the pool holds now (``InvalidInput`` for a pool that makes no
        sense)."""
        checked = checked_pool(pool, self._clock().date())
        return len(self._candidates(checked, bool(consent_only)))

    def describe(self, pool: Pool, consent_only: bool) -> str:
        """Who takes part, in words (as the draw would record it)."""
        return describe(checked_pool(pool, self._clock().date()), bool(consent_only))

    def run(
        self,
        pool: Pool,
        winners: int,
        consent_only: bool,
        seed: int | None = None,
        recorded_by: str = "",
    ) -> Draw:
        """Draw ``winners`` customers from ``pool`` and record the draw in one transaction.

        Refused with a translated ``InvalidInput``, nothing written: a pool that makes no sense
        (days reversed, in the future or too long ago, a negative number of visits), an empty
        pool, no winner or more winners than candidates, a seed that is not a whole number from
        0 to 2⁶³-1."""
        now = self._clock()
        checked = checked_pool(pool, now.date())
        count = parse_whole(winners, signed=True)
        if not 1 <= count <= MAX_WINNERS:
            message = _("Draw between 1 and {n} winners.").format(n=number(MAX_WINNERS))
            raise InvalidInput(message, {"winners": message})
        chosen_seed = secrets.randbelow(NEW_SEEDS) if seed is None else self._seed(seed)
        by = clean(recorded_by, _("Drawn by"), MAX_RECORDED_BY)
        only = bool(consent_only)
        ids = self._candidates(checked, only)
        if not ids:
            raise InvalidInput(_("No customer is on this list: choose other days or visits."))
        if count > len(ids):
            message = ngettext(
                "Only {n} customer is on this list: draw at most {n} winner.",
                "Only {n} customers are on this list: draw at most {n} winners.",
                len(ids),
            ).format(n=number(len(ids)))
            raise InvalidInput(message, {"winners": message})
        drawn = pick(ids, chosen_seed, count)
        with self._store.transaction():
            cursor = self._store.execute(
                "INSERT INTO draws (drawn_at, seed, visited_from, visited_to, min_visits, "
                "segment, consent_only, pool_words, pool_size, candidates, candidates_sha256, "
                "winner_count, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    iso(now),
                    chosen_seed,
                    _iso_day(checked.visited_from),
                    _iso_day(checked.visited_to),
                    checked.min_visits,
                    checked.segment,
                    int(only),
                    describe(checked, only),
                    len(ids),
                    _joined(ids),
                    fingerprint(ids),
                    count,
                    by,
                ),
            )
            draw_id = int(cursor.lastrowid or 0)
            for place, customer_id in enumerate(drawn, start=1):
                self._store.execute(
                    "INSERT INTO draw_winners (draw_id, place, customer_id) VALUES (?, ?, ?)",
                    (draw_id, place, customer_id),
                )
        return self.get(draw_id)

    def get(self, draw_id: int) -> Draw:
        """The draw with this id; ``NotFound`` if there is none."""
        row = None
        if known_id(draw_id) is not None:
            row = self._store.one(f"SELECT {_DRAW_COLUMNS} FROM draws WHERE id = ?", (draw_id,))
        if row is None:
            raise NotFound(_("There is no draw number {id}.").format(id=quote(draw_id)))
        return self._draw(row)

    def all(self, limit: int = 500) -> list[Draw]:
        """The draws, newest first."""
        rows = self._store.query(
            f"SELECT {_DRAW_COLUMNS} FROM draws ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [self._draw(row) for row in rows]

    def check(self, draw_id: int) -> bool:
        """Whether the draw repeats: its stored candidates still match their SHA-256 and their
        number, and the stored seed picks from them exactly the stored winners, in order."""
        draw = self.get(draw_id)
        row = self._store.one("SELECT candidates FROM draws WHERE id = ?", (draw.id,))
        text = str(row["candidates"]) if row is not None else ""
        ids = [int(part) for part in text.split(",") if part.isdigit()]
        if fingerprint(ids) != draw.candidates_sha256 or len(ids) != draw.pool_size:
            return False
        if ids != sorted(set(ids)) or not 1 <= len(draw.winners) <= len(ids):
            return False
        again = pick(ids, draw.seed, len(draw.winners))
        return again == [winner.customer_id for winner in draw.winners]

    def give_voucher(
        self,
        draw_id: int,
        customer_id: int,
        reward: RewardKind | str,
        value: int | str = 0,
        gift: str = "",
        valid_days: int = 30,
    ) -> Reward:
        """Give a winner of the draw a voucher ("Çekiliş" in its note) and record it on the
        winner's row, in one transaction. Refused (nothing written) for a customer who did not
        win this draw, a winner who already has their voucher, and a reward that makes no
        sense (the rewards' own checks)."""
        draw = self.get(draw_id)
        winner = next((w for w in draw.winners if w.customer_id == customer_id), None)
        if winner is None:
            raise InvalidInput(_("This customer did not win this draw."))
        if winner.reward_id is not None:
            raise InvalidInput(_("This winner has already been given a voucher for the draw."))
        note = _("Draw no. {id}, place {place}").format(id=draw.id, place=winner.place)
        with self._store.transaction():
            given = self._rewards.give_goodwill(
                customer_id, reward, value, gift, valid_days, note=note
            )
            changed = self._store.execute(
                "UPDATE draw_winners SET reward_id = ? WHERE draw_id = ? AND customer_id = ? "
                "AND reward_id IS NULL",
                (given.id, draw.id, customer_id),
            )
            if changed.rowcount != 1:
                raise InvalidInput(_("This winner has already been given a voucher for the draw."))
        return given

    def _seed(self, seed: object) -> int:
        found = parse_whole(seed, signed=True)
        if not 0 <= found <= MAX_SEED:
            message = _("A seed is a whole number from 0 to {n}.").format(n=number(MAX_SEED))
            raise InvalidInput(message, {"seed": message})
        return found

    def _draw(self, row: Row) -> Draw:
        winners = self._store.query(
            "SELECT w.place, w.customer_id, w.reward_id, c.name, c.phone FROM draw_winners w "
            "JOIN customers c ON c.id = w.customer_id WHERE w.draw_id = ? ORDER BY w.place",
            (row["id"],),
        )
        return Draw(
            id=row["id"],
            drawn_at=row["drawn_at"],
            seed=row["seed"],
            pool=Pool(
                _day(row["visited_from"]),
                _day(row["visited_to"]),
                row["min_visits"],
                row["segment"],
            ),
            consent_only=bool(row["consent_only"]),
            pool_words=row["pool_words"],
            pool_size=row["pool_size"],
            candidates_sha256=row["candidates_sha256"],
            recorded_by=row["recorded_by"],
            winners=tuple(
                Winner(
                    place=w["place"],
                    customer_id=w["customer_id"],
                    name=w["name"],
                    phone=display_phone(w["phone"]) if w["phone"] else "",
                    reward_id=w["reward_id"],
                )
                for w in winners
            ),
        )


def _iso_day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
