"""The Numbers page (``ui.numbers.page``): the figures of a period against the period before, the
customers behind each, the charts, the report as PDF or CSV, and the draw among customers."""
