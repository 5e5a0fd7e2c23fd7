"""Places in Arabic news text, from a gazetteer of the region the project serves.

Syrian governorates, cities, towns and districts that recur in war reporting, the
neighbouring countries and the capitals and powers that appear in the same news. A
place matches whole words of the matching form, after a one-letter clitic (و، ب، ل، ف)
or the article (ال): «بحلب», «وحلب», «في دير الزور». Each place has one canonical
spelling, so «دير الزور» and «ديرالزور» are the same place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from burhan.text.normalize import normalize, normalize_with_offsets

# canonical name: other spellings
_GAZETTEER = {
    # Syria: governorates and their capitals
    "سوريا": "سورية", "دمشق": "الشام", "ريف دمشق": "", "حلب": "", "حمص": "", "حماة": "حماه",
    "إدلب": "ادلب", "اللاذقية": "", "طرطوس": "", "درعا": "", "السويداء": "", "القنيطرة": "",
    "دير الزور": "ديرالزور", "الرقة": "", "الحسكة": "", "القامشلي": "",
    # Syria: towns and districts frequent in the news (names that are also common words,
    # such as الباب "the door", الطبقة "the class", السلمية "the peaceful", are left out)
    "الغوطة الشرقية": "", "الغوطة الغربية": "", "الغوطة": "", "دوما": "", "داريا": "", "المعضمية": "معضمية الشام",
    "الزبداني": "", "مضايا": "", "بقين": "", "جوبر": "", "حرستا": "", "عربين": "", "زملكا": "",
    "كفربطنا": "", "سقبا": "", "مخيم اليرموك": "اليرموك", "القابون": "", "برزة": "", "وادي بردى": "",
    "القصير": "", "تلكلخ": "", "الرستن": "", "تلبيسة": "", "الحولة": "", "تدمر": "",
    "القريتين": "", "خان شيخون": "", "معرة النعمان": "", "سراقب": "", "جسر الشغور": "", "أريحا": "",
    "كفرنبل": "", "تفتناز": "", "الفوعة": "", "كفريا": "", "منبج": "", "جرابلس": "",     "عفرين": "", "أعزاز": "اعزاز", "تل رفعت": "", "عين العرب": "كوباني", "تل أبيض": "", "رأس العين": "",
    "البوكمال": "", "الشيخ مقصود": "", "الأتارب": "", "دارة عزة": "",
    "جبلة": "", "بانياس": "", "القرداحة": "", "صلنفة": "", "بصرى الشام": "", "إنخل": "",
    "الصنمين": "", "شيخ مسكين": "", "طفس": "", "المليحة": "", "خناصر": "",
    "مورك": "", "اللطامنة": "", "كفرزيتا": "", "صوران": "", "محردة": "",     "شرق حلب": "حلب الشرقية", "غرب حلب": "", "الراموسة": "", "الكاستيلو": "", "حندرات": "",
    "الحمدانية": "", "بستان القصر": "",     # the region and the powers in the same news
    "لبنان": "", "بيروت": "", "العراق": "", "بغداد": "", "الموصل": "", "الأردن": "", "عمان": "",
    "تركيا": "", "أنقرة": "", "إسطنبول": "اسطنبول", "غازي عنتاب": "", "إيران": "ايران", "طهران": "",
    "إسرائيل": "اسرائيل", "الجولان": "", "فلسطين": "", "غزة": "", "القدس": "", "مصر": "", "القاهرة": "",
    "السعودية": "", "الرياض": "", "قطر": "", "الدوحة": "", "الإمارات": "", "الكويت": "", "اليمن": "",
    "ليبيا": "", "روسيا": "", "موسكو": "", "الولايات المتحدة": "أمريكا, أميركا, واشنطن", "فرنسا": "باريس",
    "بريطانيا": "لندن", "ألمانيا": "برلين", "الصين": "بكين", "جنيف": "", "أستانا": "", "سوتشي": "",
    "حميميم": "", "الشعيرات": "",
}

_CLITIC = r"(?:[وبلفك]|وب|ول|فب|فل)?(?:ال)?"


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer place found in text; ``place`` is its canonical name."""

    place: str
    text: str
    start: int
    end: int


def _variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, others in _GAZETTEER.items():
        for name in [canonical] + [o.strip() for o in others.split(",") if o.strip()]:
            form = normalize(name)
            table[form] = canonical
            if form.startswith("ال"):
                table[form[2:]] = canonical  # «وبالرقة» is matched through the bare form
    return table


def _trie_pattern(names: list[str]) -> str:
    """One regex for ``names`` as a character trie («حلب|حماه» → «ح(?:لب|ماه)»): the engine tries
    one branch per next character instead of every name at every position (the flat alternation
    was most of a check's place extraction). A name's continuations are tried before its end, so
    at each position the longest name that ends a word wins, as in a longest-first alternation."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


VARIANTS = _variants()
_PLACE = re.compile(rf"(?<!\w){_CLITIC}(?P<name>{_trie_pattern([v for v in VARIANTS if len(v) >= 3])})(?!\w)")


def extract_places(text: str) -> list[PlaceMention]:
    """Gazetteer places in ``text``, in order, longest name first where names overlap."""
    norm, offsets = normalize_with_offsets(text)
    found = []
    for m in _PLACE.finditer(norm):
        start, end = m.start(), m.end()
        found.append(PlaceMention(VARIANTS[m.group("name")], text[offsets[start]: offsets[end - 1] + 1],
                                  offsets[start], offsets[end - 1] + 1))
    return found


def place_names(text: str) -> list[str]:
    """The canonical names of the places in ``text``, each once, in order of first mention.
    Faster than ``extract_places`` (no spans of the original text are kept)."""
    return places_of_normal(normalize(text))


def places_of_normal(normal: str) -> list[str]:
    """``place_names`` of a text already in its matching form."""
    return list(dict.fromkeys(VARIANTS[m.group("name")] for m in _PLACE.finditer(normal)))


def same_place(a: str, b: str) -> bool:
    """Whether two canonical names name the same place or one inside the other («شرق حلب», «حلب»)."""
    return a in b or b in a
