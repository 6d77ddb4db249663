"""Moving in and out: customers brought in from other programs' files (CSV, XLSX, vCard), and
the shop's data taken out."""
