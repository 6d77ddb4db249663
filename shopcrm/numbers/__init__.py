"""The numbers: the shop's KPIs for a period beside the period before it (``shop.numbers``).
Every figure is defined exactly in docs/numbers.md."""
