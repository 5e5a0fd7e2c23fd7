"""Property-based tests (hypothesis) of the text functions and the ingest readers (issue 16,
item 2): laws that must hold for any input, not only for the examples someone thought of."""

import hashlib
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from burhan.ingest import ReadOptions, ingest
from burhan.store import Store
from burhan.text.analysis import TextAnalysis
from burhan.text.dates import _MONTH_NAMES, extract_dates
from burhan.text.normalize import _offsets_through_arrays, needs_nfkc, normalize, normalize_many, normalize_with_offsets
from burhan.text.numbers import extract_numbers
from burhan.text.quantities import quantities
from burhan.text.sentences import split_sentences
from burhan.text.tokens import analyze, tokenize, tokens_and_stems_many, tokens_join_across_sentences

ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=40)
NEWSY = st.one_of(st.text(max_size=200), st.lists(st.one_of(ARABIC, st.sampled_from(
    [" ", "\n", ".", "؟", "!", "«", "»", "،", "3.5", "1,300", "د.", "U.S.", "https://x.sy/a.b"])), max_size=40).map("".join))


@given(NEWSY)
def test_normalize_is_idempotent_and_its_offsets_point_into_the_original(text):
    once = normalize(text)
    assert normalize(once) == once
    normal, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(normal)  # one offset per character of the normal form
    assert all(0 <= o < len(text) for o in offsets) and list(offsets) == sorted(offsets)
    assert (normal, offsets) == _offsets_through_arrays(text)  # the short cut gives the general path's answer


@given(st.lists(st.one_of(NEWSY, st.sampled_from(["ﻻ يوجد", "１٢3", "\x00", " \x1f ", "مدنيّ\u0640ين", ""])), max_size=8))
def test_texts_normalised_together_are_normalised_as_each_alone(texts):
    assert normalize_many(texts) == [normalize(t) for t in texts]
    assert tokens_and_stems_many(texts)[1] == [analyze(t) for t in texts]


@given(NEWSY)
def test_a_text_analyses_to_its_sentences_analyses_in_order(text):
    """What the article index (``burhan.search.lexical.analyse_article``) and the ingest signature
    (``burhan.ingest.clean``) rely on when the text has no presentation forms and no «_»."""
    if tokens_join_across_sentences(text):
        return
    sentences = split_sentences(text)
    assert analyze(text) == [t for s in sentences for t in analyze(s)]
    assert tokens_and_stems_many(sentences) == (tokenize(text), [analyze(s) for s in sentences])


# words the extractors must read or skip without failing (dotted dates raised until 2026-12-07)
TRICKY = st.sampled_from(["07.12.2016", "2016/12/07", "12-7-2016", "1.2.3", "2.000.000", "٠٧/١٢/٢٠١٦", "1,300", "3.5",
                          "0,0,0", "40", "قتل", "مدني", "ثلاثة آلاف", "لم", "نفى", "ألفي", "مئتا", "أحد عشر", "ﻻ", "_",
                          "«", "»", "؟", "كانون الأول", "ديسمبر", "في المئة", "%", "لمدة", "ساعتين", "حلب", "روسيا",
                          "999999999999999999999", "٣٫٥", "1e5"])
NEWSY_OR_TRICKY = st.one_of(NEWSY, st.lists(st.one_of(TRICKY, st.text(max_size=8)), max_size=15).map(" ".join))


@given(NEWSY_OR_TRICKY)
def test_numbers_and_quantities_never_fail_and_point_into_the_text(text):
    """A sentence the extractors cannot read must not stop a check (dotted dates raised until
    2026-12-07)."""
    for m in extract_numbers(text):
        assert m.text == text[m.start:m.end] and m.value >= 0
    for q in quantities(text):
        assert q.mention.text == text[q.mention.start:q.mention.end]


@settings(max_examples=300)
@given(st.one_of(NEWSY_OR_TRICKY, st.lists(st.sampled_from(["وساعتين", "بيومين", "لمدة شهر", "منذ عامين", "ﻻ", "ثلاثة",
                                                         "مدني", "حلب", "٣", "و"]), max_size=10).map(" ".join)))
def test_numbers_and_quantities_told_from_the_matching_form_are_those_found_without_it(text):
    """``TextAnalysis`` hands its matching form down so that a sentence without a number is
    passed over without the offsets back to the original: the outputs must not change."""
    normal = normalize(text)
    numbers = extract_numbers(text)
    assert extract_numbers(text, normal) == numbers
    assert quantities(text, numbers, normal) == quantities(text, numbers)


ANALYSIS_PARTS = ("normal", "stems", "words", "predicate_sides", "predicate_cores", "numbers", "quantities", "places",
                  "actors", "years", "months", "dates")


@settings(max_examples=300)
@given(NEWSY_OR_TRICKY)
def test_every_part_of_a_text_analysis_is_made_without_failing(text):
    """What a check reads of a candidate's sentences: one it cannot read must not stop the check."""
    analysis = TextAnalysis(text)
    for part in ANALYSIS_PARTS:
        getattr(analysis, part)


@given(NEWSY)
def test_sentence_splitting_loses_no_letter_or_digit(text):
    sentences = split_sentences(text)
    assert [c for c in text if c.isalnum()] == [c for s in sentences for c in s if c.isalnum()]
    assert all(s and s == s.strip() and s in text for s in sentences)  # each a stripped piece of the text


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=999_999_999))
def test_numbers_read_back_from_digits_in_three_scripts_and_from_words(n):
    """An independent writer of Arabic number words (num2words) and three digit scripts."""
    arabic_indic = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    persian = str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    for written in (str(n), f"{n:,}", arabic_indic, persian, num2words(n, lang="ar")):
        found = extract_numbers(f"قتل {written} شخصا في المدينة")
        assert [m.value for m in found] == [n], written
        assert found[0].noun == "شخصا"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.data())
def test_dates_read_back_what_is_written_with_any_month_name(day, data):
    name = data.draw(st.sampled_from(_MONTH_NAMES[day.month].split(", ")))
    for written in (f"{day.day} {name} {day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}", day.isoformat()):
        found = extract_dates(f"وقع الهجوم في {written} بحسب المرصد")
        assert [d.iso for d in found] == [day.isoformat()], written


SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".warc", ".warc.gz"]
VALID_JSONL = "\n".join(json.dumps({"text": t, "title": "عنوان"}, ensure_ascii=False) for t in (
    "أعلنت وزارة الصحة السورية عن افتتاح مستشفى جديد في مدينة حمص بطاقة مئتي سرير.",
    "قال المرصد السوري لحقوق الإنسان إن قصفا استهدف بلدة في ريف إدلب الجنوبي.")).encode("utf-8")


def _damaged(data: st.DataObject) -> bytes:
    """Random bytes, a valid file cut short, or valid text in a mix of encodings."""
    kind = data.draw(st.sampled_from(["random", "truncated", "mixed"]))
    if kind == "random":
        return data.draw(st.binary(max_size=400))
    if kind == "truncated":
        return VALID_JSONL[: data.draw(st.integers(min_value=0, max_value=len(VALID_JSONL) - 1))]
    parts = data.draw(st.lists(st.sampled_from(["utf-8", "cp1256", "utf-16", "latin-1"]), min_size=2, max_size=3))
    text = "قافلة مساعدات تدخل مضايا المحاصرة بعد أشهر من الحصار. "
    return b"".join(text.encode(e, errors="replace") for e in parts)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_readers_never_raise_name_the_file_and_a_refused_file_leaves_the_store_as_it_was(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "store.db"
    with Store(db) as store:
        ingest([folder / "missing.txt"], store)  # create the schema; a missing file is an error, not a crash
    before = _digest(db)
    suffix = data.draw(st.sampled_from(SUFFIXES))
    path = folder / f"damaged{suffix}"
    path.write_bytes(_damaged(data))
    on_error = data.draw(st.sampled_from(["fail", "skip"]))
    with Store(db) as store:
        report = ingest([path], store, ReadOptions(on_error=on_error))
        stored = store.stats()["articles"]
    for e in report.errors:
        assert str(path) in e.path and e.error  # every error names its file, with a reason
        assert len(e.error) < 2000 and not e.error.endswith(("at", "starting"))  # a whole message
    if stored == 0:  # a damaged file may still hold readable articles; when nothing landed …
        assert _digest(db) == before  # … the store is byte for byte what it was


def _first_place_pattern():
    """The gazetteer regex as first written (``tools/speed_equivalence.py``: the same check on a store)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "speed_equivalence.py"
    spec = importlib.util.spec_from_file_location("speed_equivalence", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.flat_place_pattern()


_PLACE_WORDS = ["حلب", "حلبي", "شرق حلب", "حلب الشرقيه", "دير الزور", "ديرالزور", "الغوطه", "الغوطه الشرقيه",
                "عمان", "عمانيه", "تل ابيض", "حماه", "وبحلب", "والرقه", "بدمشق", "ريف دمشق", "ريف", "في", "شرق"]


@given(st.lists(st.one_of(st.sampled_from(_PLACE_WORDS), ARABIC, st.sampled_from([" ", "  ", ".", "-", "و"])),
                max_size=20).map("".join))
def test_places_are_those_of_the_first_pattern(text):
    from burhan.text.places import _PLACE

    first = _first_place_pattern()
    assert [(m.span(), m.group("name")) for m in _PLACE.finditer(text)] == \
        [(m.span(), m.group("name")) for m in first.finditer(text)]


@given(st.lists(st.sampled_from(["مقتل", "1300", "مدني", "في", "سوريا", "خلال", "نوفمبر", "مدني"]), max_size=12))
def test_shingles_are_those_of_their_first_definition(words):
    from burhan.ingest.dedup import SHINGLE, _shingles

    first = {" ".join(words[k : k + SHINGLE]).encode("utf-8") for k in range(max(1, len(words) - SHINGLE + 1))}
    assert _shingles(words) == first
