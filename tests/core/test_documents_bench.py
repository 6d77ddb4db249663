"""The documents benchmark runs and reports its figure beside the floor (a small run here; the
real one is ``./shopcrm.sh bench --documents``)."""

from bench import documents


def test_the_documents_benchmark_reports_the_cards_beside_the_floor() -> None:
    result = documents.measure(cards=12, runs=1)
    assert result["cards"] == 12
    assert 0 < result["prepare_s"] < result["app_s"] and result["floor_s"] > 0
    assert result["ratio"] == result["app_s"] / result["floor_s"]
    rows = documents.verdicts(result)
    assert rows[0][0].startswith("12 thank-you cards into one PDF")
    assert [ok for *_row, ok in rows if ok is not None] == [
        result["app_s"] <= documents.TARGET_SECONDS,
        result["ratio"] <= documents.TARGET_RATIO,
    ]
