"""Numbers: how the shop keeps its customers, in figures, segments (new, regular, VIP, at risk,
lapsed) and draws among customers. It reads people, sales, loyalty and care; below it, only
documents reads it."""
