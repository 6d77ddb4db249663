"""The small base every wing stands on: Turkish text, errors, translations, money and number
formats, amounts as typed, the clock."""
