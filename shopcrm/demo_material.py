"""What the demo shop is made of: Turkish first names and surnames, phone prefixes, businesses,
streets, notes a florist writes, the reasons a sale was voided, the shop itself. Public, so that
the benchmark builds a much larger shop out of the same material."""

from __future__ import annotations

from shopcrm.sales.voids import VoidReason

FEMALE_NAMES: tuple[str, ...] = (
    "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Gülşen", "Işıl", "Şükran", "Gül",
    "Özlem", "Sevgi", "Büşra", "Merve", "Çiğdem", "Dilek", "Gökçe", "Müge", "Nurşen", "Şule",
    "Tuğba", "Yeşim", "Ebru", "Esra", "Derya", "Hülya", "Sibel", "Songül", "Nilgün", "Gülay",
    "Türkan", "Nazlı", "Ece", "İpek", "Irmak", "Ilgın", "Aslı", "Bahar", "Çağla", "Duygu",
    "Feride", "Gülizar", "Hacer", "İlknur", "Leyla", "Melike", "Neşe", "Öykü", "Pınar", "Rabia",
    "Selin", "Şeyma", "Tülay", "Ümran", "Yağmur", "Zehra", "Özge", "Gönül", "Meltem", "Sevim",
    "Şebnem", "Gülten", "Canan", "Filiz", "Nesrin", "Sıla", "İlkay", "İrem", "Açelya",
)  # fmt: skip

MALE_NAMES: tuple[str, ...] = (
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman",
    "Yusuf", "Murat", "Ömer", "Şükrü", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut",
    "Recep", "Kadir", "Emre", "Burak", "Oğuz", "Uğur", "Çağrı", "Gökhan", "Erdoğan", "Tuğrul",
    "Doğan", "Barış", "Cem", "Can", "Deniz", "Egemen", "Ferhat", "Gürkan", "Hakan", "Ilgaz",
    "İlker", "Kemal", "Levent", "Mert", "Nihat", "Okan", "Özgür", "Rıza", "Serkan", "Şahin",
    "Tarık", "Tolga", "Ümit", "Volkan", "Yiğit", "Zeki", "Arda", "Kürşat", "Cüneyt", "Bülent",
    "Ertuğrul", "Selçuk", "Şevket", "Güngör", "Işık", "Çetin", "Fırat", "Taşkın",
)  # fmt: skip

SURNAMES: tuple[str, ...] = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen",
    "Aktaş", "Güler", "Yalçın", "Güneş", "Bozkurt", "Bulut", "Keskin", "Ünal", "Turan", "Gül",
    "Özer", "Işık", "Kaplan", "Avcı", "Sarı", "Tekin", "Taş", "Köse", "Yüksel", "Ateş",
    "Aktürk", "Karataş", "Uçar", "Çınar", "Gündoğdu", "Türkmen", "Kılınç", "Uğurlu", "Ilıcak",
    "İnce", "İpekçi", "Ölmez", "Ağaoğlu", "Dağlı", "Eğilmez", "Fırat", "Gökçe", "Karagöz",
    "Küçük", "Öksüz", "Sağlam", "Soylu", "Tuğcu", "Yağcı", "Zengin", "Çağlar", "Çoban", "Erdem",
    "Oğuz", "Akgün", "Başaran", "Çiftçi", "Duman", "Esen", "Gümüş", "Kahraman", "Özgür",
    "Süzer", "Toprak", "Ünlü", "Yücel", "Altıntaş", "Boz", "Coşkun", "Dinçer", "Ekşi", "Şeker",
)  # fmt: skip

MOBILE_PREFIXES: tuple[str, ...] = (
    "532", "533", "535", "536", "537", "538", "539", "530", "531", "534",
    "542", "543", "544", "545", "546", "505", "506", "507", "541", "549",
    "552", "553", "554", "555", "501",
)  # fmt: skip
"""Turkish mobile operator prefixes, the most common first (Turkcell, Vodafone, Türk Telekom)."""

BUSINESSES: tuple[str, ...] = (
    "Kuşdili Kafe",
    "Çamlıca Düğün Salonu",
    "Moda Diş Kliniği",
    "Güzel Günler Organizasyon",
    "Şifa Eczanesi",
    "Boğaziçi Otel",
    "Lale Pastanesi",
    "Öğretmenler Derneği",
    "Işıklı Restoran",
)

STREETS: tuple[str, ...] = (
    "Bağdat Caddesi", "Moda Caddesi", "Şair Nefi Sokak", "Güneşli Bahçe Sokak",
    "Kuşdili Caddesi", "Çiçekçi Sokak", "Mühürdar Caddesi", "Söğütlüçeşme Caddesi",
    "Halitağa Caddesi", "Dr. Esat Işık Caddesi", "Yoğurtçu Şükrü Sokak", "Ağabey Sokak",
    "Ressam Şeref Akdik Sokak", "Şifa Hamamı Sokak", "İskele Sokak", "Çınarlı Sokak",
)  # fmt: skip

DISTRICTS: tuple[tuple[str, str], ...] = (
    ("34710", "Kadıköy"),
    ("34714", "Kadıköy"),
    ("34728", "Kadıköy"),
    ("34662", "Üsküdar"),
    ("34742", "Kadıköy"),
    ("34844", "Maltepe"),
    ("34744", "Ataşehir"),
)

CUSTOMER_NOTES: tuple[str, ...] = (
    "Lilyum sever",
    "Kapıya teslim ister",
    "Beyaz gül tercih eder",
    "Orkide meraklısı",
    "Zambak alerjisi var, zambak koymayın",
    "Her ay annesine çiçek gönderir",
    "Fatura ister",
    "Hafta sonu arayın",
    "Kartına mutlaka not yazılsın",
    "Sadece nakit öder",
    "Sukulent koleksiyonu yapıyor",
    "Eşinin doğum günü Mart'ta",
    "Renkli buket sever, pembe ağırlıklı",
    "Teslimat için kapıcıya bırakılabilir",
    "Papatya ve lavanta sever",
    "Öğle arası uğrar, hızlı hazırlanmalı",
)

PURCHASE_NOTES: tuple[str, ...] = (
    "Doğum günü buketi",
    "Nikah çiçeği",
    "Yıldönümü için kırmızı gül",
    "Geçmiş olsun çiçeği",
    "Orkide saksı",
    "Kapıya teslim",
    "Kart yazıldı: “Nice mutlu yıllara”",
    "Açılış çiçeği",
    "Taziye çelengi",
    "Sukulent ve saksı",
    "Söz çiçeği",
    "Mezuniyet buketi",
    "Hastane ziyareti",
    "Teşekkür çiçeği, ofise teslim",
)

VOID_REASONS: tuple[tuple[VoidReason, str], ...] = (
    (VoidReason.WRONG_AMOUNT, ""),
    (VoidReason.RETURNED, ""),
    (VoidReason.WRONG_CUSTOMER, ""),
    (VoidReason.ENTERED_TWICE, ""),
    (VoidReason.OTHER, "Sipariş iptal edildi"),
)
"""Why the demo's few voided sales were voided: a reason from the list (it reads in either
language), or the shopkeeper's own words."""

SHOP_NAME = "Güneş Çiçekçilik"
SHOP_ADDRESS = "Moda Caddesi No: 27\n34710 Kadıköy / İstanbul"
SHOP_PHONE = "0216 336 45 78"

# The first customers are always these, so that demos and tests can count on them.
