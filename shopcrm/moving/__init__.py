"""Moving customers in and out: exports for Excel, phones, the accountant and message services,
and a customer's own data (KVKK) with its erasure. No Qt here."""
