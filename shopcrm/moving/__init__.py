"""Moving in and out: customers brought in from other programs' files (CSV, XLSX, vCard);
exports for Excel, phones, the accountant and message services; a customer's own data (KVKK)
and its erasure. No Qt here."""
