"""Ingestion on real scraped Arabic: cleaning, encodings, formats, duplicates, bad input."""

import json
import sqlite3
from pathlib import Path

import pytest

from burhan.ingest import ReadOptions, ingest
from burhan.store import Store

FURNITURE = ["مشاركة :", "التعليقات مغلقة", "إضافة تعليق جديد", "سيتم حجب هذه الصورة", "لا يسمح بوسوم HTML",
             "تخضع التعليقات لإشراف المحرر", "محتويات هذا الحقل سرية", "مقالات ذات صلة"]
BODY = ["وقالت كلينتون إن الهدف الاستراتيجي", "هوا تشون ينغ", "الخوذ البيضاء", "جانيس لي كورت كامب",
        "مقتل 1300 مدني بينهم 284 طفلا"]

ARTICLE = ("قال وزير الخارجية الروسي سيرجي لافروف أمس خلال زيارة إلى تركيا إن روسيا ستواصل عملياتها في شرق حلب. "
           "وأضاف لافروف أيضا من خلال مترجم إن روسيا مستعدة للحوار مع كل أطراف الصراع في سوريا.")


def snapshot(db: Path) -> list:
    with sqlite3.connect(db) as con:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("articles", "sentences", "lsh_bands")]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "b.db") as s:
        yield s


def test_seeds_clean_and_idempotent(seeds, store):
    report = ingest([seeds], store)
    assert (report.added, report.errors) == (5, [])
    texts = [store.get(a.id) for a in store.list_articles()]
    joined = "\n".join(a.text + "\n" + "\n".join(s.text for s in a.sentences) for a in texts)
    for marker in FURNITURE:
        assert marker not in joined, marker
    for phrase in BODY:
        assert phrase in joined, phrase
    # the repeated title is the title, not body text
    clinton = next(a for a in texts if a.title and a.title.startswith("كلينتون"))
    assert clinton.text.count("كلينتون: هدف واشنطن وأنقرة") == 0
    lavrov = next(a for a in texts if a.title and a.title.startswith("لافروف: أميركا"))
    assert lavrov.date == "2015-10-14" and "14-10-2015" not in lavrov.text
    again = ingest([seeds], store)
    assert (again.added, again.unchanged, again.duplicates) == (0, 5, 0)
    assert store.stats()["articles"] == 5


def test_every_body_sentence_of_seed_kept(seeds, store):
    ingest([seeds / "003_a2074cfada7c04b3.txt"], store)
    article = store.get(1)
    raw = (seeds / "003_a2074cfada7c04b3.txt").read_text(encoding="utf-8")
    body_lines = [line for line in raw.splitlines() if len(line.split()) > 15 and line.strip() != article.title]
    assert len(body_lines) == 16
    for line in body_lines:
        assert line.strip() in article.text


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-8-sig", "utf-8"])
def test_encodings(tmp_path, store, encoding):
    text = "سوريا: اجتماع دولي\n" + ARTICLE
    path = tmp_path / f"a_{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    report = ingest([path], store)
    assert report.errors == [] and report.added == 1
    assert "روسيا ستواصل عملياتها في شرق حلب" in store.get(1).text


def test_html_main_text_and_metadata(tmp_path, store):
    page = f"""<html><head><title>لافروف: روسيا ستواصل عملياتها</title>
    <meta property="og:site_name" content="موقع تجريبي"><meta name="date" content="2016-12-02"></head>
    <body><nav>الرئيسية | سياسة | رياضة</nav><script>document.write('x')</script>
    <article><h1>لافروف: روسيا ستواصل عملياتها</h1><p>{ARTICLE}</p></article>
    <div id="comments"><p>إضافة تعليق جديد</p></div><footer>جميع الحقوق محفوظة</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    ingest([tmp_path / "page.html"], store)
    article = store.get(1)
    assert article.title == "لافروف: روسيا ستواصل عملياتها"
    assert article.date == "2016-12-02"
    assert "روسيا مستعدة للحوار" in article.text
    assert "document.write" not in article.text and "جميع الحقوق" not in article.text
    assert article.raw_text == page


def test_jsonl_and_csv_fields(tmp_path, store):
    rows = [{"headline": "خبر أول", "body": ARTICLE, "link": "https://www.example.com/a/1", "published": "2016-12-05"},
            {"headline": "خبر ثان", "body": "دخلت قافلة مساعدات إنسانية مؤلفة من 40 شاحنة إلى بلدة مضايا المحاصرة.",
             "link": "https://news.example.org/2", "published": "5 كانون الأول 2016"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = ingest([tmp_path / "a.jsonl"], store)
    assert report.added == 2
    first, second = store.get(1), store.get(2)
    assert (first.title, first.source, first.date, first.origin) == ("خبر أول", "example.com", "2016-12-05", "https://www.example.com/a/1")
    assert second.date == "2016-12-05"
    csv_path = tmp_path / "b.csv"
    csv_path.write_text("عنوان,نص\nخبر,\"" + ARTICLE.replace("سوريا", "سورية") + "\"\n", encoding="utf-8")
    report = ingest([csv_path], store, ReadOptions(text_field="نص", title_field="عنوان"))
    assert report.errors == [] and store.get(3).title == "خبر"


def test_syndicated_copies_link_to_one_story(tmp_path, store):
    wire = ("أفاد المرصد السوري لحقوق الإنسان اليوم بمقتل 1300 مدني في سوريا خلال شهر نوفمبر الماضي بينهم 284 طفلا. "
            "وقال المرصد في بيان إن 675 مدنيا قتلوا في غارات جوية على مناطق عدة فيما قتل 193 آخرون في قصف مدفعي. "
            "وأضاف أن محافظة حلب سجلت العدد الأكبر من الضحايا خلال الشهر.")
    (tmp_path / "a.txt").write_text(wire + "\nمشاركة :", encoding="utf-8")
    (tmp_path / "b.txt").write_text("بيروت (وكالات) - " + wire + "\nجميع الحقوق محفوظة", encoding="utf-8")
    (tmp_path / "c.txt").write_text(ARTICLE, encoding="utf-8")
    report = ingest([tmp_path], store)
    assert (report.added, report.duplicates) == (2, 1)
    a, b, c = (store.get(i) for i in (1, 2, 3))
    assert a.story_id == b.story_id != c.story_id
    assert store.stats()["stories"] == 2 and store.stats()["articles"] == 3


def test_unifiedfc_root_reads_only_claim_files(unifiedfc):
    from burhan.ingest import expand_paths

    files = expand_paths([unifiedfc])
    assert len(files) == 338 and all(f.parent.name == "dataset" and f.suffix == ".json" for f in files)


def test_unifiedfc_layout(unifiedfc, tmp_path, store):
    files = sorted((unifiedfc / "dataset").glob("*.json"))[:12]
    texts = [t for f in files for t in json.loads(f.read_text(encoding="utf-8"))["article"] if t.strip()]
    report = ingest(files, store)
    assert report.errors == []
    assert report.added + report.duplicates + report.unchanged == len(texts)
    assert all(a.origin.startswith("http") for a in store.list_articles())
    again = ingest(files, store)
    assert (again.added, again.duplicates) == (0, 0)


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n ", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary file"),
    "invalid.txt": ("مقتل 1300 مدني في سوريا خلال نوفمبر ".encode() * 20 + b"\xff\xfe\xfa" + "نص".encode(), "invalid UTF-8 at byte"),
    "truncated.json": (('[{"text": "' + ARTICLE[:40]).encode(), "invalid JSON"),
    "truncated.jsonl": (('{"text": "' + ARTICLE + '"}\n{"text": "نص').encode(), "line 2: invalid JSON"),
    "nocolumn.csv": ("title,url\nخبر,https://a.example/1\n".encode(), "no text column"),
    "scripts.html": (("<html><head><script>" + "var x = '<p>نص</p>';" * 200 + "</script></head><body><script>alert(1)</script></body></html>").encode(), "no article text"),
    "furniture.txt": ("مشاركة :\nإضافة تعليق جديد\nالتعليقات مغلقة\n".encode(), "no article text left"),
    "notes.md": ("# عنوان".encode(), "unsupported file type"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_clear_error_store_unchanged(tmp_path, seeds, name):
    db = tmp_path / "b.db"
    with Store(db) as store:
        ingest([seeds], store)
    before = snapshot(db)
    content, message = BAD_INPUTS[name]
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(content)
    with Store(db) as store:
        report = ingest([bad], store)
    assert len(report.errors) == 1 and message in report.errors[0].error, report.errors
    assert report.errors[0].path == str(bad)
    assert snapshot(db) == before


def test_oversized_and_missing_paths(tmp_path, store):
    big = tmp_path / "big.txt"
    big.write_bytes(("مقتل 1300 مدني في سوريا خلال نوفمبر. " * 1_000_000)[: 50_000_000].encode()[:50_000_000])
    missing = tmp_path / "nope.txt"
    report = ingest([big, missing], store)
    errors = {Path(e.path).name: e.error for e in report.errors}
    assert "over the 5.0 MB limit" in errors["big.txt"]
    assert errors["nope.txt"] == "no such file or directory"
    assert store.stats()["articles"] == 0


def test_good_files_ingested_beside_bad_ones(tmp_path, store):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    report = ingest([tmp_path], store)
    assert report.added == 1 and len(report.errors) == 1


def test_signature_is_datasketchs_minhash(seeds):
    """The pre-hashed path gives exactly datasketch's MinHash of the word 3-shingles."""
    import numpy as np
    from datasketch.minhash import MinHash

    from burhan.ingest.dedup import NUM_PERM, SEED, SHINGLE, signature
    from burhan.text.tokens import tokenize

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seeds.iterdir())]
    for text in texts + ["", "حلب", "مقتل 1300 مدني في سوريا خلال نوفمبر"]:
        words = tokenize(text)
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
        minhash.update_batch([" ".join(words[k:k + SHINGLE]).encode("utf-8")
                              for k in range(max(1, len(words) - SHINGLE + 1))])
        assert np.array_equal(signature(text), minhash.hashvalues.astype(np.uint32))


def test_on_error_skip_stores_a_collections_good_records_and_names_each_bad_one(tmp_path):
    from burhan.ingest import ReadOptions, ingest
    from burhan.store import Store

    lines = ['{"text": "قتل ثلاثة مدنيين في قصف على مدينة حلب اليوم وفق مصادر محلية متطابقة."}',
             '{"text": "سطر مقطوع',
             '{"title": "بلا نص"}',
             '{"text": "دخلت قافلة مساعدات إنسانية إلى بلدة مضايا المحاصرة في ريف دمشق."}']
    collection = tmp_path / "news.jsonl"
    collection.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = tmp_path / "news.csv"
    rows.write_text("title,text\nأ,انقطعت المياه عن أحياء واسعة من دمشق لليوم العاشر على التوالي.\nب,\n",
                    encoding="utf-8")

    with Store(tmp_path / "fail.db") as store:  # the default: one bad record refuses its file, whole
        report = ingest([collection, rows], store)
        assert report.added == 0 and store.stats()["articles"] == 0
        messages = [e.error for e in report.errors]
        assert messages[0].startswith("line 2: invalid JSON: Unterminated string starting at column 10")
        assert "--on-error skip" in messages[0] and messages[1].startswith("row 3: empty 'text' column")

    with Store(tmp_path / "skip.db") as store:
        report = ingest([collection, rows], store, ReadOptions(on_error="skip"))
        assert report.added == 3 and store.stats()["articles"] == 3
        assert [(e.path.rsplit("/", 1)[-1], e.error.split(":")[0]) for e in report.errors] == \
            [("news.jsonl#2", "line 2"), ("news.jsonl#3", "line 3"), ("news.csv#3", "row 3")]
        assert "column 10" in report.errors[0].error


def test_source_from_a_record_field_or_named_for_the_files(tmp_path):
    """A record's publisher field wins over its URL's domain; --source names the publisher of
    articles that name none; a chosen --source-field must exist."""
    body = "أعلنت وزارة الكهرباء السورية عن خطة لإصلاح محطات التوليد في دمشق وريفها خلال الأشهر المقبلة."
    records = tmp_path / "feed.jsonl"
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": body, "url": "https://www.sana.sy/ar/1", "publisher": "الوكالة العربية السورية للأنباء"},
        {"text": body + " وقال وزير الكهرباء إن العمل سيبدأ الأسبوع المقبل.", "url": "https://www.sana.sy/ar/2"},
        {"text": body + " وأكدت الوزارة أن التقنين سيخف تدريجيا.", "الناشر": "صحيفة الوطن"},
    ]) + "\n", encoding="utf-8")
    plain = tmp_path / "note.txt"
    plain.write_text("انقطاع المياه عن أحياء في مدينة حلب لليوم الثالث على التوالي بسبب أعطال في محطة الضخ.", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([records, plain], store, ReadOptions(source="أرشيف المراسل"))
        sources = {a.origin.rsplit("/", 1)[-1]: a.source for a in store.list_articles()}
    assert sources["1"] == "الوكالة العربية السورية للأنباء"  # the record's own publisher
    assert sources["2"] == "sana.sy"  # none named: the URL's domain, not --source
    assert sources["feed.jsonl#3"] == "صحيفة الوطن"
    assert sources["note.txt"] == "أرشيف المراسل"

    csv_file = tmp_path / "items.csv"
    csv_file.write_text("body,outlet\n" + body + ",عنب بلدي\n", encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        report = ingest([csv_file], store, ReadOptions(source_field="outlet"))
        assert not report.errors and [a.source for a in store.list_articles()] == ["عنب بلدي"]
        report = ingest([csv_file], store, ReadOptions(source_field="missing"))
        assert "column 'missing' not found" in report.errors[0].error
