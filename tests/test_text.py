"""burhan.text on real Arabic (sentences from the seeds and the Unified-FC corpus)."""

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burhan.text import (
    analyze,
    extract_dates,
    extract_numbers,
    normalize,
    split_sentences,
    stem,
    strip_diacritics,
    tokenize,
)


class TestNormalize:
    def test_letters_diacritics_tatweel(self):
        assert normalize("أَكَّدَ وزيرُ الخارجيـــة إنّ المدينة مُحاصَرةٌ") == "اكد وزير الخارجيه ان المدينه محاصره"
        assert normalize("إلى مستشفى") == "الي مستشفي"
        assert normalize("آذار") == "اذار"
        assert normalize("مسؤول سوريّ شؤون رئيس") == "مسوول سوري شوون رييس"

    def test_digits_and_punctuation(self):
        assert normalize("مقتل ١٣٠٠ مدني و۲۸۴ طفلاً") == "مقتل 1300 مدني و284 طفلا"
        assert normalize("«القصف غير طبيعي»؟ نعم، لكن؛") == '"القصف غير طبيعي"? نعم, لكن;'

    def test_idempotent_and_display_untouched(self):
        original = "وقالت كلينتون إن الهدف الاستراتيجي المشترك لواشنطن وأنقرة"
        once = normalize(original)
        assert normalize(once) == once
        assert original == "وقالت كلينتون إن الهدف الاستراتيجي المشترك لواشنطن وأنقرة"

    def test_presentation_forms(self):
        assert normalize("\ufefb") == "لا"

    def test_strip_diacritics_keeps_letters(self):
        assert strip_diacritics("سُورِيَّا") == "سوريا"


class TestSentences:
    def test_glued_sentences_from_seed(self):
        text = ("من جهتها أجرت وزيرة الخارجية الأمريكية هيلاري كلينتون ونظيرها التركي أحمد دوواد أوغلو مباحثات في تركيا امس بشأن الأزمة السورية."
                "وقالت كلينتون إن الهدف الاستراتيجي المشترك لواشنطن وأنقرة هو وضع حد لإراقة الدماء في سوريا وإنهاء حكم الأسد.")
        out = split_sentences(text)
        assert len(out) == 2
        assert out[1].startswith("وقالت كلينتون إن الهدف الاستراتيجي")

    def test_question_mark_semicolon_newline(self):
        assert split_sentences("هل تدخل القافلة؟ لا أحد يعرف؛ ننتظر\nسطر جديد") == [
            "هل تدخل القافلة؟", "لا أحد يعرف؛", "ننتظر", "سطر جديد"]

    def test_comma_is_not_a_boundary(self):
        assert len(split_sentences("في حين أغلقت قوات النظام كافة الشوارع، وقصفت الحي، ثم انسحبت.")) == 1

    def test_decimals_abbreviations_urls(self):
        out = split_sentences("قال د. أحمد إن التضخم بلغ 3.5 في المئة. راجع www.dw.com/ar للتفاصيل. والعدد ٣٫٥ مليون.")
        assert out == ["قال د. أحمد إن التضخم بلغ 3.5 في المئة.", "راجع www.dw.com/ar للتفاصيل.", "والعدد ٣٫٥ مليون."]

    def test_quotes_stay_together(self):
        text = "وأشار إلى أن «الشوارع امتلأت بالأشخاص العالقين تحت الأنقاض. إنهم يموتون». وأضاف أنه كان مجبرا على الانتقال."
        out = split_sentences(text)
        assert out == ["وأشار إلى أن «الشوارع امتلأت بالأشخاص العالقين تحت الأنقاض. إنهم يموتون».",
                       "وأضاف أنه كان مجبرا على الانتقال."]

    def test_ellipsis_and_unifiedfc_spacing(self):
        out = split_sentences("يمكنني القول إنه لا توجد مثل هذه الخطط ... ثلث العدد التقديري لهم فحسب .")
        assert len(out) == 2


class TestTokens:
    def test_tokenize_normalises(self):
        assert tokenize("«الإرهابيين».وفي ١٣٠٠") == ["الارهابيين", "وفي", "1300"]

    def test_stem_removes_clitics_and_inflection(self):
        assert stem("المدنيين") == stem("مدنيين") == stem("والمدنيين")
        assert stem("الصحفيين") == stem("صحفي")
        assert stem("2016") == "2016"

    def test_analyze_drops_function_words_keeps_negation(self):
        tokens = analyze("نفت الوزارة في بيان أن يكون الوزير قد استقال، لم يصدر أي قرار")
        assert stem("الوزاره") in tokens and stem("استقال") in tokens
        assert "في" not in tokens and "لم" in tokens


class TestNumbers:
    @pytest.mark.parametrize("text,value,noun", [
        ("مقتل 1300 مدني في سوريا خلال نوفمبر", 1300, "مدني"),
        ("مقتل ١٣٠٠ مدني", 1300, "مدني"),
        ("سترسل مائتي جندي إضافي إلى سوريا", 200, "جندي"),
        ("سينضمون إلى ثلاثمائة من القوات الخاصة", 300, "من"),
        ("فرار أكثر من ألفي مدني", 2000, "مدني"),
        ("بمقتل واحد واربعين شخصا", 41, "شخصا"),
        ("ثلاثة آلاف وخمسمائة قتيل", 3500, "قتيل"),
        ("نحو 5.5 مليون شخص", 5_500_000, "شخص"),
        ("مدفع رشاش عيار 130", 130, None),
        ("1,300 قتيل", 1300, "قتيل"),
        ("أحد عشر جنديا", 11, "جنديا"),
        ("مقتل أربعة جنود أتراك", 4, "جنود"),
    ])
    def test_values(self, text, value, noun):
        mentions = extract_numbers(text)
        assert [m.value for m in mentions] == [value]
        assert mentions[0].noun == noun

    def test_qualifiers_and_spans(self):
        text = "أفاد مدير المرصد عن «فرار أكثر من ألفي مدني» أمس"
        (m,) = extract_numbers(text)
        assert m.qualifier == "more_than" and text[m.start:m.end] == "ألفي"
        assert extract_numbers("قتل نحو 20 ألف شخص")[0].qualifier == "about"
        # written after the number or its noun (Unified-FC's wire copy: «مقتل تسعة أشخاص على الأقل»)
        assert [m.qualifier for m in extract_numbers("أسفر عن مقتل تسعة أشخاص على الأقل وإصابة 23")] == ["more_than", None]
        assert extract_numbers("قتل 50 على الأقل في الهجوم")[0].qualifier == "more_than"
        assert extract_numbers("تستغرق أربع ساعات كحد أدنى")[0].qualifier == "more_than"
        assert extract_numbers("سيطر على 15 بلدة على الإقليم")[0].qualifier is None

    def test_not_numbers(self):
        assert extract_numbers("أحد المسلحين قال إن عشرات الآلاف فروا") == []

    def test_dotted_dates_and_versions_are_no_count(self):
        # they raised ValueError until 2026-12-07 (found by a property test): one such sentence
        # among an article's candidates stopped the whole check
        found = extract_numbers("وفي بيان صدر بتاريخ 07.12.2016 قال المرصد إن 5 أشخاص قتلوا")
        assert [(m.value, m.noun) for m in found] == [(5, "أشخاص")]
        assert extract_numbers("حدّث التطبيق إلى الإصدار 1.2.3 أمس") == []
        assert [m.value for m in extract_numbers("نزوح 2.000.000 لاجئ")] == [2_000_000]

    def test_several_in_one_sentence(self):
        text = "بمقتل 1300 مدني بينهم 284 طفلا خلال شهر تشرين ثان / نوفمبر"
        assert [m.value for m in extract_numbers(text)] == [1300, 284]


class TestDates:
    @pytest.mark.parametrize("text,iso", [
        ("14-10-2015", "2015-10-14"),
        ("2017/12/27", "2017-12-27"),
        ("هذا المحتوى تم نشره يوم 27 ديسمبر , 2017 01 : 13 م", "2017-12-27"),
        ("منذ بداية تدخل روسيا في سوريا في 30 ايلول الماضي", "--09-30"),
        ("خلال شهر تشرين ثان / نوفمبر الماضي", "--11"),
        ("في 3 أبريلنيسان 2016", "2016-04-03"),
        ("في كانون الثاني 2016", "2016-01"),
        ("في ١٥ آذار ٢٠١١", "2011-03-15"),
        ("تشرين الأول (أكتوبر) 2015", "2015-10"),
        ("منذ عام 2014 عندما اجتاح", "2014"),
        ("في 5 جوان 2016", "2016-06-05"),
    ])
    def test_dates(self, text, iso):
        assert [d.iso for d in extract_dates(text)] == [iso]

    def test_month_words_without_anchor_are_not_dates(self):
        assert extract_dates("مارس الجيش ضغوطا على الأب") == []

    def test_span_in_original(self):
        text = "قتل 409 مدنيين منذ 15 تشرين الثاني 2016 في حلب"
        (d,) = extract_dates(text)
        assert text[d.start:d.end] == "15 تشرين الثاني 2016"


def _offsets_reference(text: str) -> tuple[str, list[int]]:
    """The per-character definition of ``normalize_with_offsets`` (its first implementation)."""
    from burhan.text.normalize import _CHAR_MAP, DIACRITICS

    out, offsets, previous_space = [], [], True
    for i, ch in enumerate(text):
        if DIACRITICS.match(ch):
            continue
        for m in ch.translate(_CHAR_MAP):
            if m.isspace():
                if previous_space:
                    continue
                m, previous_space = " ", True
            else:
                previous_space = False
            out.append(m)
            offsets.append(i)
    while out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


_OFFSET_ALPHABET = list("ابتثجحخ أإآة ىؤئ٠١٢٣۴«»“”،؛؟ـ\u200c\u200d\u200e\u200f\xa0\n\t \u3000a1😀") + \
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u06d6", "\u0610", "ﻻ"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_OFFSET_ALPHABET), max_size=60))
def test_normalize_with_offsets_matches_its_per_character_definition(text):
    from burhan.text.normalize import normalize_with_offsets

    norm, offsets = normalize_with_offsets(text)
    assert (norm, list(offsets)) == _offsets_reference(text)


def test_normalize_with_offsets_on_real_text(seeds):
    from burhan.text.normalize import normalize_with_offsets

    for path in sorted(seeds.iterdir())[:5]:
        text = path.read_text(encoding="utf-8", errors="replace")
        norm, offsets = normalize_with_offsets(text)
    assert (norm, list(offsets)) == _offsets_reference(text)


def _normalize_reference(text: str) -> str:
    """``normalize`` as first written (regex and ``str.translate``), before the lookup table."""
    import unicodedata

    import re

    from burhan.text.normalize import _CHAR_MAP, strip_diacritics

    text = unicodedata.normalize("NFKC", text) if any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"
                                                      for c in text) else text
    return re.sub(r"\s+", " ", strip_diacritics(text).translate(_CHAR_MAP)).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_OFFSET_ALPHABET), max_size=200))
def test_normalize_matches_its_first_definition(text):
    from burhan.text.normalize import normalize

    assert normalize(text) == _normalize_reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_normalize_matches_its_first_definition_on_any_unicode(text):
    from burhan.text.normalize import normalize, normalize_with_offsets

    assert normalize(text) == _normalize_reference(text)
    norm, offsets = normalize_with_offsets(text)
    assert (norm, list(offsets)) == _offsets_reference(text)


def _split_reference(text: str) -> list[str]:
    """``split_sentences`` as first written (a Python loop over every character)."""
    import re

    from burhan.text.sentences import CLOSERS, MAX_QUOTE, TERMINATORS

    protected = re.compile(  # the first pattern, without possessive quantifiers
        r"(?:https?://|www\.)\S*[^\s.!?؟؛…,،»)\]]"
        r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
        r"|\d+(?:[.,٫]\d+)+"
        r"|(?<![\w])[\u0621-\u064a]\.(?=\s|$)"
        r"|(?:[A-Za-z]\.){2,}"
        r"|(?<![\w])(?:[a-z]{2,}\.)+(?:com|net|org|info|gov|edu|sy|eg|sa|ae|qa|lb|iq|jo|tv|ch|de|uk|fr)\b",
        re.IGNORECASE)
    out = []
    for paragraph in text.splitlines():
        mask = [False] * len(paragraph)
        for m in protected.finditer(paragraph):
            for k in range(m.start(), m.end()):
                mask[k] = True
        start, quote_open_at, i, n = 0, None, 0, len(paragraph)
        pieces = []
        while i < n:
            ch = paragraph[i]
            if ch == "«":
                quote_open_at = i
            elif ch == "»":
                quote_open_at = None
            if ch in TERMINATORS and not mask[i]:
                inside_quote = quote_open_at is not None and i - quote_open_at <= MAX_QUOTE
                j = i
                while j + 1 < n and paragraph[j + 1] in TERMINATORS:
                    j += 1
                while j + 1 < n and paragraph[j + 1] in CLOSERS:
                    if paragraph[j + 1] == "»":
                        quote_open_at = None
                        inside_quote = False
                    j += 1
                if not inside_quote:
                    pieces.append(paragraph[start : j + 1])
                    start = j + 1
                i = j + 1
                continue
            i += 1
        pieces.append(paragraph[start:])
        out += [p.strip() for p in pieces if any(ch.isalnum() for ch in p.strip())]
    return out


_SPLIT_ALPHABET = list("ابت دس.!?؟؛…،«»\"')]}\n\t\xa0\u3000 3,٫5@+-x") + ["https://x.sy/a.b ", "د. ", "U.S. ", "a@b.com", "www.sana.sy",
                                                                  "sana.sy", "ab.cd.com"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SPLIT_ALPHABET), max_size=80).map("".join))
def test_split_sentences_matches_its_first_definition(text):
    from burhan.text.sentences import split_sentences

    assert split_sentences(text) == _split_reference(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_split_sentences_matches_its_first_definition_on_any_unicode(text):
    from burhan.text.sentences import split_sentences

    assert split_sentences(text) == _split_reference(text)


def test_text_analysis_is_made_once_and_agrees_with_the_functions():
    from burhan.text.analysis import analyse
    from burhan.text.numbers import extract_numbers
    from burhan.text.places import place_names
    from burhan.text.quantities import quantities
    from burhan.text.tokens import analyze

    text = "قال المرصد السوري إن 1300 مدني قتلوا في حلب خلال تشرين الثاني 2016 بعد حصار دام 8 ساعات."
    doc = analyse(text)
    assert analyse(text) is doc  # one object per text: every stage reads the same analysis
    assert list(doc.stems) == analyze(text)
    assert list(doc.numbers) == extract_numbers(text)
    assert [q.key for q in doc.quantities] == [q.key for q in quantities(text)]
    assert list(doc.places) == place_names(text) and "حلب" in doc.places
    assert doc.years == frozenset({"2016"}) and doc.months == frozenset({11})


def test_stored_stems_are_used_not_recomputed(monkeypatch):
    import burhan.text.analysis as analysis

    text = "جملة لم يرها المحلل من قبل عن سد الفرات"
    stored = ("مخزن", "مسبقا")
    assert analysis.analyse(text, stored).stems == stored
    monkeypatch.setattr(analysis, "analyze", lambda t: (_ for _ in ()).throw(AssertionError("re-analysed")))
    assert analysis.analyse(text).stems == stored


def test_normal_forms_are_kept_for_sentences_not_for_whole_articles():
    """Every extractor of a sentence reads its normal form, computed once; an article's text
    (normalised about once at ingest) is not kept, or thousands of them would fill memory."""
    import importlib

    module = importlib.import_module("burhan.text.normalize")  # the module (burhan.text exports the function)
    sentence = "وأكّد المرصد السوري مقتل ١٣٠٠ مدني خلال تشرين الثاني"
    article = (sentence + ". ") * 40
    assert len(sentence) <= module.CACHED_LENGTH < len(article)
    module.normalize(sentence), module.normalize_with_offsets(sentence)
    kept = module.normalize.cache_info().currsize, module.normalize_with_offsets.cache_info().currsize
    assert module.normalize(article).startswith(module.normalize(sentence))
    assert module.normalize_with_offsets(article)[0].startswith(module.normalize_with_offsets(sentence)[0])
    assert (module.normalize.cache_info().currsize, module.normalize_with_offsets.cache_info().currsize) == kept


def test_roots_join_a_verb_and_its_verbal_noun_the_same_way_in_every_process():
    from burhan.text.tokens import root_candidates, word_roots
    assert {root_candidates(w) for w in ("مقتل", "قتلوا", "بمقتل")} == {frozenset({"قتل"})}
    assert root_candidates("حصار") == root_candidates("محاصرين") == frozenset({"حصر"})
    assert root_candidates("اصيب") & root_candidates("اصابه")  # a tie kept whole: they share «وصب»
    assert word_roots("قتل 20 في الغارة") == [frozenset({"قتل"}), root_candidates("الغاره")]
    # Tashaphyne's own get_root breaks a tie by a set's order: one word in ten of real news
    # changed root from one hash seed to the next
    script = ("from burhan.text.tokens import root_candidates as r; "
              "print([sorted(r(w)) for w in ('اتهمت', 'ابقاء', 'اتراك', 'ابدت')])")
    found = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(found) == 1
