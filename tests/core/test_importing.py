"""Bringing customers in: one transaction after a backup, duplicates within the file and
against the shop, occasions, consent and opening balances."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shopcrm import InvalidInput, Shop, ShopError
from shopcrm.moving.duplicates import Choice
from shopcrm.moving.importing import ImportCancelled
from shopcrm.people.consent import Channel
from shopcrm.storage import backups
from tests.core.conftest import FakeClock

HEADER = "Ad Soyad;Telefon;E-posta;Doğum tarihi;Evlilik yıldönümü;Ziyaret;Toplam harcama;İzin\n"


def write(tmp_path: Path, *rows: str, name: str = "liste.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(r + "\n" for r in rows)).encode("cp1254"))
    return path


def plan_of(shop: Shop, path: Path):  # type: ignore[no-untyped-def]
    sheet = shop.imports.read(path)
    return shop.imports.plan(sheet, shop.imports.recognise(sheet))


def table_counts(shop: Shop) -> dict[str, int]:
    tables = ("customers", "occasions", "adjustments", "consents", "rewards")
    return {t: shop.store.one(f"SELECT count(*) AS n FROM {t}")["n"] for t in tables}  # type: ignore[index]


def test_customers_land_with_occasions_consent_and_opening_balance(
    shop: Shop, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "Şükrü Öztürk;0532 123 45 67;sukru@example.com;15.04.1985;12.06.2010;5;1.250,50;evet",
        "Ayşe Kaya;0533 765 43 21;;--04-15;;;;",
    )
    plan = plan_of(shop, path)
    outcome = shop.imports.run(plan)
    assert (outcome.added, outcome.merged, outcome.skipped) == (2, 0, 0)
    assert outcome.rewards == 0  # the till's history was the till's to reward
    assert outcome.backup is not None and outcome.backup.exists()
    assert backups.is_backup_of(shop.path, outcome.backup.name)
    sukru = shop.customers.find_by_phone("0532 123 45 67")
    assert sukru is not None and sukru.name == "Şükrü Öztürk"
    assert sukru.birthday == "1985-04-15"
    kinds = {o.kind.value: o.typed for o in shop.occasions.of_customer(sukru.id)}
    assert kinds == {"birthday": "15.04.1985", "wedding": "12.06.2010"}
    balance = shop.loyalty.balance(sukru.id)
    assert (balance.visits, balance.spending) == (5, 125050)
    assert shop.consent.has_consent(sukru.id, Channel.SMS)
    ayse = shop.customers.find_by_phone("0533 765 43 21")
    assert ayse is not None and ayse.birthday == "04-15"
    assert not ayse.marketing_consent
    assert not any(c.asked for c in shop.consent.of_customer(ayse.id).values())
    assert shop.customers.search("sukru")[0].id == sukru.id


def test_imported_visits_count_toward_the_next_reward_and_issue_none_for_the_past(
    shop: Shop, clock: FakeClock, tmp_path: Path
) -> None:
    """A till's export says 9 visits; the shop's rule is every 4th visit: the customer is one
    visit from their next reward (the 12th), and the two rounds of the past issue nothing."""
    (rule,) = shop.rules.all()
    assert rule.every_visits == 4
    path = write(tmp_path, "Şükrü Öztürk;0532 123 45 67;;;;9;;")
    shop.imports.run(plan_of(shop, path))
    sukru = shop.customers.find_by_phone("0532 123 45 67")
    assert sukru is not None
    assert shop.rewards.of_customer(sukru.id) == []
    for day in range(3):  # visits 10, 11, 12 on three days
        clock.advance(days=1)
        shop.purchases.log(sukru.id, amount=5000)
        assert len(shop.rewards.of_customer(sukru.id)) == (1 if day == 2 else 0)


def test_duplicates_against_the_shop_and_within_the_file(shop: Shop, tmp_path: Path) -> None:
    known = shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    path = write(
        tmp_path,
        "Ayşe K.;0532 111 22 33;ayse@example.com;15.04.1985;;;;",
        "Veli Can;0533 222 33 44;veli@example.com;;;;;",
        "Veli C.;;VELI@example.com;01.01.1970;;;;",
        "Oya Ak;0534 333 44 55;;;;;;",
    )
    plan = plan_of(shop, path)
    duplicates = plan.duplicates
    assert [(d.draft.line, d.customer_id, d.earlier_line, d.matched_by) for d in duplicates] == [
        (2, known.id, None, "phone"),
        (4, None, 3, "email"),
    ]
    assert duplicates[0].customer_name == "Ayşe Kaya"
    assert all(d.choice is Choice.SKIP for d in duplicates)
    duplicates[0].choice = Choice.MERGE
    duplicates[1].choice = Choice.MERGE
    outcome = shop.imports.run(plan)
    assert (outcome.added, outcome.merged, outcome.skipped) == (2, 2, 0)
    ayse = shop.customers.get(known.id)
    assert (ayse.name, ayse.email, ayse.birthday) == ("Ayşe Kaya", "ayse@example.com", "1985-04-15")
    veli = shop.customers.find_by_phone("0533 222 33 44")
    assert veli is not None and veli.birthday == "1970-01-01"
    assert shop.customers.count() == 3


def test_skip_and_add_anyway(shop: Shop, tmp_path: Path) -> None:
    shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    path = write(tmp_path, "Ayşe K.;0532 111 22 33;;;;;;", "Ayşe Kaya;0532 111 22 33;;;;;;")
    plan = plan_of(shop, path)
    plan.duplicates[1].choice = Choice.ADD
    outcome = shop.imports.run(plan)
    assert (outcome.added, outcome.skipped) == (1, 1)
    assert shop.customers.count() == 2


def test_a_failure_mid_way_leaves_the_database_as_it_was(
    shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop.customers.add(name="Eski Müşteri", phone="0532 999 88 77")
    before = table_counts(shop)
    rows = [
        f"Müşteri {i};0532 100 {i // 100:02d} {i % 100:02d};;15.04.1985;;3;100;" for i in range(50)
    ]
    plan = plan_of(shop, write(tmp_path, *rows))
    real_adjust = shop.loyalty.adjust
    calls = []

    def failing_adjust(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 30:
            raise InvalidInput("disk said no")
        real_adjust(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shop.loyalty, "adjust", failing_adjust)
    with pytest.raises(InvalidInput) as caught:
        shop.imports.run(plan)
    assert "Row 31" in str(caught.value)
    assert table_counts(shop) == before
    assert shop.customers.count() == 1


def test_cancelling_imports_nothing(shop: Shop, tmp_path: Path) -> None:
    rows = [f"Müşteri {i};0532 100 {i // 100:02d} {i % 100:02d};;;;;;" for i in range(300)]
    plan = plan_of(shop, write(tmp_path, *rows))
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 200

    with pytest.raises(ImportCancelled):
        shop.imports.run(plan, progress)
    assert seen == [0, 100, 200]
    assert shop.customers.count() == 0


def test_a_file_without_names_or_customers_is_refused(shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "renkler.csv"
    path.write_text("Renk;Boy\nmavi;3\n", encoding="utf-8")
    sheet = shop.imports.read(path)
    with pytest.raises(InvalidInput):
        shop.imports.plan(sheet, shop.imports.recognise(sheet))
    only_bad = plan_of(shop, write(tmp_path, ";0532;;;;;;"))
    assert only_bad.entries == [] and len(only_bad.bad) == 1
    with pytest.raises(InvalidInput):
        shop.imports.run(only_bad)
    assert shop.customers.count() == 0


def test_merging_never_overrides_a_withdrawn_consent(shop: Shop, tmp_path: Path) -> None:
    known = shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    shop.consent.record(known.id, Channel.SMS, True)
    shop.consent.record(known.id, Channel.SMS, False)
    plan = plan_of(shop, write(tmp_path, "Ayşe K.;0532 111 22 33;;;;;;evet"))
    plan.choose_for_all(Choice.MERGE)
    shop.imports.run(plan)
    holds = shop.consent.of_customer(known.id)
    assert not holds[Channel.SMS].given
    assert holds[Channel.CALL].given and holds[Channel.EMAIL].given


def test_merging_keeps_an_existing_balance(shop: Shop, tmp_path: Path) -> None:
    known = shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    shop.purchases.log(known.id, amount="100")
    plan = plan_of(shop, write(tmp_path, "Ayşe K.;0532 111 22 33;;;;9;5.000,00;"))
    plan.choose_for_all(Choice.MERGE)
    shop.imports.run(plan)
    balance = shop.loyalty.balance(known.id)
    assert (balance.visits, balance.spending) == (1, 10000)


def test_no_backup_no_import(shop: Shop, tmp_path: Path) -> None:
    blocker = shop.path.parent / "backups"
    shutil.rmtree(blocker, ignore_errors=True)
    blocker.write_text("not a folder")  # the backup cannot be written
    plan = plan_of(shop, write(tmp_path, "Ayşe Kaya;0532 111 22 33;;;;;;"))
    with pytest.raises(ShopError):
        shop.imports.run(plan)
    assert shop.customers.count() == 0
