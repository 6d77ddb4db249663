"""Numbers: how the shop keeps its customers, in figures and segments (new, regular, VIP, at
risk, lapsed). It reads people, sales, loyalty and care; nothing below it reads it."""
