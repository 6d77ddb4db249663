"""Customers: who they are, their records, finding them by a few letters, their phones."""
