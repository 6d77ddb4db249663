"""Purchases: logged, voided with a reason, corrected."""
