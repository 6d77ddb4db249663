"""The numbers of a period as an A4 report: the title, the period and the one compared with, the
figures in a table (this period, the previous one, the change), and the Numbers page's charts
drawn as vector graphics, all in the documents' DejaVu fonts (no standard PDF font)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from babel.dates import format_date, get_day_names
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from shopcrm.common import formatting
from shopcrm.common.i18n import _, babel_locale
from shopcrm.documents import fonts
from shopcrm.documents.figure_texts import Tone, change, value_text, whole_money
from shopcrm.documents.look import ACCENT, INK, MUTED
from shopcrm.numbers.figures import Figures, MonthRevenue

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
TONE_COLOURS = {Tone.GOOD: HexColor("#2E7D32"), Tone.BAD: HexColor("#C62828")}
NEW_COLOUR = HexColor("#7FB3AE")
RETURNING_COLOUR = ACCENT
VISITS_COLOUR = HexColor("#B08D57")
SEGMENT_COLOUR = HexColor("#4A6FA5")
LINE = HexColor("#C8C8C8")


@dataclass(frozen=True)
class NumbersReport:
    """What the report of one period shows: the page's figures and charts, and the shop."""

    figures: Figures
    months: tuple[MonthRevenue, ...]
    """Revenue of the 12 months up to the period's end (``revenue_by_month``)."""
    visits: tuple[tuple[int, ...], ...]
    """Visits of the period, 7 rows (Monday first) of 24 hours."""
    segments: tuple[tuple[str, int], ...] = ()
    """Each segment's title and how many customers are in it (none: no segments chart)."""
    shop_name: str = ""
    currency: str = "TRY"
    made_on: date | None = None


def _text(value: str) -> str:
    return escape(unicodedata.normalize("NFC", value))


def _style(
    name: str, font: str, size: float, colour: Color = INK, **more: object
) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.3, textColor=colour, **more
    )


TITLE = _style("title", fonts.SANS_BOLD, 18, ACCENT)
SUBTITLE = _style("subtitle", fonts.SANS, 11, INK)
SMALL = _style("small", fonts.SANS, 8, MUTED)
HEAD = _style("head", fonts.SANS_BOLD, 9, INK)
HEAD_RIGHT = _style("head_right", fonts.SANS_BOLD, 9, INK, alignment=2)
GROUP = _style("group", fonts.SANS_BOLD, 10, ACCENT)
CELL = _style("cell", fonts.SANS, 9, INK)
NOTE = _style("note", fonts.SANS, 7.5, MUTED)
RIGHT = _style("right", fonts.SANS, 9, INK, alignment=2)
SECTION = _style("section", fonts.SANS_BOLD, 12, ACCENT, spaceBefore=6, spaceAfter=4)


def numbers_report_pdf(report: NumbersReport) -> bytes:
    """The report as the bytes of an A4 PDF."""
    fonts.register()
    figures = report.figures
    period = figures.period.title()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_("The numbers: {period}").format(period=period),
        author=report.shop_name,
        creator="ShopCRM",
        initialFontName=fonts.SANS,
        invariant=True,
    )
    title = _("The numbers: {period}").format(period=period)
    if report.shop_name:
        title = _("{shop} — the numbers: {period}").format(shop=report.shop_name, period=period)
    made_on = formatting.day(report.made_on or date.today(), style="long")
    story: list[Flowable] = [
        Paragraph(_text(title), TITLE),
        Spacer(0, 2 * mm),
        Paragraph(
            _text(
                _("{period} — compared with {previous}").format(
                    period=period, previous=figures.previous.title()
                )
            ),
            SUBTITLE,
        ),
        Paragraph(_text(_("Made on {date}").format(date=made_on)), SMALL),
        Spacer(0, 5 * mm),
        _figures_table(report),
        CondPageBreak(95 * mm),
        Paragraph(_text(_("Charts")), SECTION),
        _revenue_chart(report),
        Spacer(0, 4 * mm),
        KeepTogether([_visits_charts(report)]),
    ]
    if report.segments:
        story += [Spacer(0, 4 * mm), KeepTogether([_segments_chart(report)])]
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas: object, document: SimpleDocTemplate) -> None:
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont(fonts.SANS, 7.5)  # type: ignore[attr-defined]
    canvas.setFillColor(MUTED)  # type: ignore[attr-defined]
    text = _("Page {n}").format(n=formatting.number(document.page))
    canvas.drawRightString(A4[0] - MARGIN, 10 * mm, text)  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]


def _figures_table(report: NumbersReport) -> Table:
    figures, currency = report.figures, report.currency
    rows: list[list[object]] = [
        [
            Paragraph(_text(_("Figure")), HEAD),
            Paragraph(_text(figures.period.title()), HEAD_RIGHT),
            Paragraph(_text(figures.previous.title()), HEAD_RIGHT),
            Paragraph(_text(_("Change")), HEAD_RIGHT),
        ]
    ]
    styles: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
    ]
    for group in figures.groups:
        row = len(rows)
        rows.append([Paragraph(_text(group.title), GROUP), "", "", ""])
        styles += [("SPAN", (0, row), (-1, row)), ("TOPPADDING", (0, row), (-1, row), 6)]
        for figure in group.figures:
            name: list[Flowable] = [Paragraph(_text(figure.title), CELL)]
            if figure.note:
                name.append(Paragraph(_text(figure.note), NOTE))
            moved = change(figure, currency)
            moved_text = ""
            colour: Color = MUTED
            if moved is not None:
                moved_text = moved.text
                colour = TONE_COLOURS.get(moved.tone, MUTED)
            rows.append(
                [
                    name,
                    Paragraph(_text(value_text(figure.kind, figure.value, currency)), RIGHT),
                    Paragraph(_text(value_text(figure.kind, figure.previous, currency)), RIGHT),
                    Paragraph(
                        _text(moved_text), _style("change", fonts.SANS, 9, colour, alignment=2)
                    ),
                ]
            )
            styles.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.3, LINE))
    table = Table(
        rows, colWidths=[WIDTH * 0.43, WIDTH * 0.19, WIDTH * 0.19, WIDTH * 0.19], repeatRows=1
    )
    table.setStyle(TableStyle(styles))
    return table


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose text starts in DejaVu (reportlab's default would name Helvetica)."""
    return Drawing(width, height, initialFontName=fonts.SANS, initialFontSize=8)


def _changed(colour: Color) -> ParagraphStyle:
    return _style("change", fonts.SANS, 9, colour, alignment=2)


def _label(drawing: Drawing, x: float, y: float, text: str, size: float = 10) -> None:
    drawing.add(
        String(
            x,
            y,
            unicodedata.normalize("NFC", text),
            fontName=fonts.SANS_BOLD,
            fontSize=size,
            fillColor=ACCENT,
        )
    )


def _nice_top(top: float) -> tuple[float, float]:
    """A round top for a value axis and its whole step: (1000, 200) for 930, (2, 1) for 2."""
    if top <= 0:
        return 1.0, 1.0
    raw = max(1.0, top / 5)
    magnitude = 10.0 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    steps = -(-top // step)
    return steps * step, step


def _bar_chart(
    width: float,
    height: float,
    title: str,
    categories: Sequence[str],
    sets: Sequence[tuple[str, Color, Sequence[float]]],
    label: Callable[[float], str],
    stacked: bool = False,
) -> Drawing:
    drawing = _drawing(width, height)
    _label(drawing, 0, height - 12, title)
    legend_room = 14 if len(sets) > 1 else 0
    chart = VerticalBarChart()
    chart.x, chart.y = 48, 22 + legend_room
    chart.width, chart.height = width - chart.x - 6, height - chart.y - 22
    chart.data = [list(values) or [0] for _n, _c, values in sets]
    for number, (_name, colour, _values) in enumerate(sets):
        chart.bars[number].fillColor = colour
        chart.bars[number].strokeColor = None
    if stacked:
        chart.categoryAxis.style = "stacked"
        tops = [sum(column) for column in zip(*chart.data, strict=True)]
    else:
        tops = [v for values in chart.data for v in values]
    top, step = _nice_top(max(tops, default=0.0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = label
    chart.valueAxis.labels.fontName = fonts.SANS
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.gridStrokeColor = LINE
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = fonts.SANS
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.barLabels.fontName = fonts.SANS
    drawing.add(chart)
    if len(sets) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x, 8
        legend.fontName = fonts.SANS
        legend.fontSize = 7.5
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 110
        legend.boxAnchor = "w"
        legend.dx = legend.dy = 7
        legend.colorNamePairs = [(colour, name) for name, colour, _v in sets]
        drawing.add(legend)
    return drawing


def _money_axis(currency: str) -> Callable[[float], str]:
    return lambda value: whole_money(value, currency)


def _count_axis(value: float) -> str:
    return formatting.number(round(value))


def _revenue_chart(report: NumbersReport) -> Drawing:
    months = report.months
    names = [str(format_date(m.month, "LLL", locale=babel_locale())) for m in months]
    per = formatting.MINOR_PER_MAJOR
    return _bar_chart(
        WIDTH,
        70 * mm,
        _("Revenue by month"),
        names,
        [
            (_("New customers"), NEW_COLOUR, [m.new / per for m in months]),
            (_("Returning customers"), RETURNING_COLOUR, [m.returning / per for m in months]),
        ],
        _money_axis(report.currency),
        stacked=True,
    )


def _visits_charts(report: NumbersReport) -> Drawing:
    grid = report.visits
    days = get_day_names("abbreviated", locale=babel_locale())
    by_day = [float(sum(row)) for row in grid]
    by_hour = [sum(row[hour] for row in grid) for hour in range(24)]
    busy = [hour for hour, n in enumerate(by_hour) if n] or [9, 18]
    hours = range(min(busy), max(busy) + 1)
    half = (WIDTH - 6 * mm) / 2
    height = 60 * mm
    left = _bar_chart(
        half,
        height,
        _("Visits by weekday"),
        [str(days[day]) for day in range(7)],
        [(_("Visits"), VISITS_COLOUR, by_day)],
        _count_axis,
    )
    right = _bar_chart(
        half,
        height,
        _("Visits by hour"),
        [f"{hour:02d}" for hour in hours],
        [(_("Visits"), VISITS_COLOUR, [float(by_hour[hour]) for hour in hours])],
        _count_axis,
    )
    both = _drawing(WIDTH, height)
    both.add(left)
    right.translate(half + 6 * mm, 0)
    both.add(right)
    return both


def _segments_chart(report: NumbersReport) -> Drawing:
    return _bar_chart(
        WIDTH,
        55 * mm,
        _("Customers by segment"),
        [title for title, _n in report.segments],
        [(_("Customers"), SEGMENT_COLOUR, [float(n) for _t, n in report.segments])],
        _count_axis,
    )
