"""Documents: cards, vouchers, loyalty cards, letters and address labels as PDFs (reportlab, the
fonts in resources/fonts), the texts they are filled with, and the print queue of routine notes."""
