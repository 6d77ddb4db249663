"""The numbers: KPIs, segments and draws among customers, read from the other wings."""
