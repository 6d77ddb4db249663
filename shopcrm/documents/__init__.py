"""Documents: cards, vouchers, loyalty cards, letters and address labels as PDFs (reportlab, the
fonts in resources/fonts), the texts they are filled with, and the print queue of routine notes.

The way in is ``shop.documents`` (``service.DocumentService``)::

    job = PrintJob(DocumentKind.THANK_YOU, customer_ids=(12, 40))
    prepared = shop.documents.prepare(job)         # reads the database: the UI thread
    pdf = shop.documents.draw([prepared], progress) # no database: a worker thread may draw
    pdf = shop.documents.render(job)                # both, for scripts

The modules, one idea each:

    kinds          what can be printed (DocumentKind), a print job (PrintJob), Cancelled
    texts          placeholders, the ready texts, checking and filling a text
    greetings      "Sayın Şükrü Bey" / "Dear Mr Öztürk" by each customer's form of address
    captions       the fixed words around the owner's text (headings, a voucher's lines)
    prepare        a job read from the database into plain values (prepared: Prepared...)
    sheets         label sheets (Avery L7160, L7163, L7165), business cards, the voucher sheet
    drawing        prepared jobs into one PDF, with progress and cancelling
    cards, voucher_pages, loyalty_cards, letters, labels    one drawing module per document
    layout, fonts, codes, look    fitting text, DejaVu, QR and Code128, the shared look
    service        shop.documents, and the owner's saved texts (table document_texts)
"""
