"""The numbers: the shop's KPIs for a period beside the period before it (``shop.numbers``,
every figure defined exactly in docs/numbers.md), the segments (new, regular, VIP, at risk,
lapsed: ``shop.segments``) and draws among customers (``shop.draws``). It reads people, sales,
loyalty and care; below it, only documents reads it."""
