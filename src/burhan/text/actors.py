"""People and organisations who speak in the region's news: a small gazetteer, matched like
places (whole words, after a one-letter clitic), each with one canonical name. Used to see
that a claim puts words in another actor's mouth («كيري: …» against «قال لافروف …»)."""

from __future__ import annotations

import re

from burhan.text.normalize import normalize

# canonical name: other spellings
_ACTORS = {
    "لافروف": "", "كيري": "", "بوتين": "", "أوباما": "اوباما", "أردوغان": "اردوغان, إردوغان", "الأسد": "",
    "ظريف": "", "دي ميستورا": "دي مستورا", "الجعفري": "", "المعلم": "", "حجاب": "", "روحاني": "",
    "ترامب": "", "بان كي مون": "", "نصر الله": "نصرالله", "البغدادي": "", "جاويش أوغلو": "تشاووش أوغلو",
    "داود أوغلو": "دوواد أوغلو", "كلينتون": "", "كارتر": "", "هولاند": "", "ماكرون": "", "ميدفيديف": "",
    "بيسكوف": "", "شويغو": "", "المرصد السوري": "المرصد السوري لحقوق الإنسان", "الأمم المتحدة": "",
    "منظمة الصحة العالمية": "", "اليونيسف": "يونيسف", "الهلال الأحمر": "", "الصليب الأحمر": "",
    "البنتاغون": "البنتاجون, وزارة الدفاع الأمريكية, وزارة الدفاع الأميركية", "الكرملين": "",
    "البيت الأبيض": "", "الخارجية الأمريكية": "الخارجية الأميركية", "الخارجية الروسية": "",
    "وزارة الدفاع الروسية": "", "التحالف الدولي": "", "الائتلاف الوطني": "", "الخوذ البيضاء": "الدفاع المدني",
    "وكالة سانا": "سانا", "هيومن رايتس ووتش": "", "العفو الدولية": "", "مجلس الأمن": "",
    "الجيش الحر": "", "قوات سوريا الديمقراطية": "قسد", "جيش الفتح": "", "داعش": "تنظيم الدولة",
}
VARIANTS: dict[str, str] = {}
for _name, _others in _ACTORS.items():
    for _form in [_name] + [o.strip() for o in _others.split(",") if o.strip()]:
        VARIANTS[normalize(_form)] = _name
ACTORS: tuple[str, ...] = tuple(_ACTORS)  # canonical names
_ALTERNATION = "|".join(sorted((re.escape(v) for v in VARIANTS), key=len, reverse=True))
ACTOR_PATTERN = re.compile(rf"(?<!\w)(?:[وبلف])?(?P<name>{_ALTERNATION})(?!\w)")  # over normalised text


def actor_names(text: str) -> list[str]:
    """The canonical names of the actors in ``text``, each once, in order of first mention."""
    return list(dict.fromkeys(VARIANTS[m.group("name")] for m in ACTOR_PATTERN.finditer(normalize(text))))
