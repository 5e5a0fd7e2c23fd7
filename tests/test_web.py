"""The web page in a real headless Chromium (Debian's, driven by Playwright), and the HTML report."""

import json
from pathlib import Path

import httpx
import pytest

from burhan.api.app import create_app, serve_in_background
from burhan.demo import build_demo_store
from burhan.web.report import ReportError, read_results, render_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "web-test-token"
HOSTILE = ('تحذير من صفحة مزيفة تنشر أخبار حصار مدينة تدمر. <script>window.__pwned = 1</script> '
           'وتضمنت الصفحة صورة <img src=x onerror="window.__pwned = 2"> عن حصار مدينة تدمر وتهجير سكانها.')


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_demo_store(tmp_path_factory.mktemp("web") / "demo.db")
    url, uv = serve_in_background(create_app(db, token=TOKEN))
    yield url
    uv.should_exit = True


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield b
        b.close()


def check_in_page(browser, base, claim):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/")
    page.fill("#claim", claim)
    page.click("#submit")
    page.wait_for_selector("#verdict-label", timeout=60_000)
    return page, errors


def test_page_shows_verdict_and_highlighted_rationale(server, browser):
    page, errors = check_in_page(browser, server, "مقتل 1300 مدني في سوريا خلال نوفمبر")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("#verdict-label") in ("صحيح", "غير صحيح", "لا تتوفر أدلة كافية")
    assert page.inner_text("#verdict-basis") in ("تؤكده المصادر", "تنقضه الأدلة", "لم يؤكده أي مصدر", "لا أدلة ذات صلة")
    marks = page.locator("#evidence mark.rationale")
    assert marks.count() >= 1 and "1300" in " ".join(marks.all_inner_texts())
    assert page.locator("#chart svg rect").count() == 4
    assert page.locator("#timeline svg circle").count() >= 1
    relations = page.locator("#numbers tbody tr td:nth-child(3)").all_inner_texts()
    assert "تطابق" in relations and any(r.startswith("سياق") for r in relations)  # 1300 matches; 675 is a part
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Naskh" in font
    assert errors == []
    page.close()


def test_scraped_markup_is_shown_as_inert_text(server, browser):
    response = httpx.post(server + "/api/ingest", json={"articles": [
        {"text": HOSTILE, "title": "صفحة مزيفة عن حصار تدمر", "url": "https://hostile.example/x"}]},
        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert response.status_code == 200, response.text
    page, errors = check_in_page(browser, server, "حصار مدينة تدمر وتهجير سكانها")
    text = page.inner_text("#result") + page.text_content("#unrelated")
    assert "onerror" in text and "<script>" in text  # displayed as text …
    assert page.evaluate("window.__pwned === undefined")  # … never run
    assert page.locator("#result img").count() == 0 and page.locator("#result script").count() == 0
    assert errors == []
    page.close()


def test_page_shows_published_factchecks_first(server, browser):
    page, errors = check_in_page(browser, server, "استقالة وزير الصحة السوري احتجاجا على نقص الأدوية")
    panel = page.locator("#factchecks-panel")
    assert panel.is_visible() and "سبق التحقق منه" in panel.inner_text()
    assert "خبر كاذب" in page.inner_text("#factchecks li .rating")
    assert page.get_attribute("#factchecks li a", "href") == "https://fact-desk.example/checks/01"
    assert page.inner_text("#verdict-basis") == "تنقضه الأدلة"
    box = page.locator("#factchecks-panel").bounding_box()
    assert box["y"] < page.locator("#verdict").bounding_box()["y"]  # above the verdict
    page.close()
    page, errors_absent = check_in_page(browser, server, "افتتاح ملعب جديد لكرة القدم في القامشلي بسعة 40 ألف متفرج")
    assert not page.locator("#factchecks-panel").is_visible()
    assert errors == [] and errors_absent == []
    page.close()


def test_report_is_self_contained_escaped_and_summarised(tmp_path):
    evidence = {"article_id": 1, "title": "<b>عنوان</b>", "origin": "https://a.example/1", "source": "a.example",
                "url": "https://a.example/1", "date": "2016-12-01", "stance": "agree",
                "stance_probs": {"agree": 0.8, "disagree": 0.1, "discuss": 0.05, "unrelated": 0.05},
                "rationale": [{"index": 0, "text": "<img src=x onerror=alert(1)> مقتل 1300 مدني", "score": 0.9}],
                "weight": 0.6, "story_id": 1, "reliability": 0.75, "copies": [2], "duplicate_of": None,
                "predates_claim": False, "places": ["سوريا"]}
    results = [
        {"id": "a", "claim": "مقتل 1300 مدني في سوريا", "verdict": "true", "basis": "supported", "confidence": 0.81,
         "p_true": 0.81,
         "evidence": [evidence], "numbers": [], "explanation": "الحكم: صحيح", "places": [], "dates": [], "warnings": [],
         "factchecks": [{"factcheck_id": 1, "claim": "مقتل 1300 مدني في سوريا", "title": None, "publisher": "مسبار",
                         "url": "javascript:alert(1)", "rating": "صحيح", "rating_normalised": "true",
                         "review_date": "2016-12-02", "score": 0.97}]},
        {"id": "c", "claim": "افتتاح ملعب في القامشلي", "verdict": "not_enough_evidence", "basis": "no_evidence",
         "confidence": None, "p_true": 0.5, "evidence": [], "numbers": [], "explanation": "الحكم: لا تتوفر أدلة كافية.",
         "places": [], "dates": [], "warnings": []},
        {"id": "b", "claim": "...", "error": "the claim is empty or only punctuation"},
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in results) + "\n", encoding="utf-8")
    html = render_report(read_results(path))
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;عنوان&lt;/b&gt;" in html and "<script" not in html
    assert 'dir="rtl"' in html and "<svg" in html and "مقتل 1300 مدني" in html and "only punctuation" in html
    assert "تؤكده المصادر" in html and "لا أدلة ذات صلة" in html  # each verdict's basis, by name
    assert "سبق التحقق منه" in html and "مسبار" in html and "javascript:" not in html  # a bad link is not linked
    assert "http://" not in html.replace("http://www.w3.org", "")  # nothing fetched from elsewhere
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ReportError, match="line 1"):
        read_results(bad)


def test_a_claim_over_the_limit_is_refused_not_cut(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    long_claim = "مقتل 1300 مدني في سوريا خلال نوفمبر " * 140  # ≈ 5,000 characters, pasted whole
    page.fill("#claim", long_claim)
    assert len(page.input_value("#claim")) == len(long_claim)  # nothing cut on the way in
    page.click("#submit")
    page.wait_for_function("document.getElementById('status').textContent.includes('الحد')", timeout=10_000)
    status = page.inner_text("#status")
    assert f"{len(long_claim.strip())} حرفًا" in status and "1000" in status
    assert page.is_hidden("#result")
    page.close()


UPLOADED = ("سكان حي الميدان في دمشق يشكون انقطاع الكهرباء لساعات طويلة\n\n"
            "اشتكى سكان حي الميدان في العاصمة السورية دمشق من انقطاع التيار الكهربائي لأكثر من عشرين ساعة يوميا. "
            "وقال أحد السكان إن الانقطاع بدأ منذ أسبوعين ولم تقدم وزارة الكهرباء أي تفسير.")


def test_workspace_upload_browse_check_history_note_and_export(tmp_path, browser):
    """Upload a file → it is in the archive → check a claim → the check is in the history after
    a restart → a note and an editor's verdict → export CSV and JSON; Arabic plurals and dates."""
    db = build_demo_store(tmp_path / "workspace.db")
    upload = tmp_path / "kahraba.txt"
    upload.write_text(UPLOADED, encoding="utf-8")
    url, uv = serve_in_background(create_app(db, token=TOKEN))
    page = browser.new_page()
    page.set_default_timeout(90_000)  # each step checks or ingests with the models: slow on a busy machine
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(url + "/#upload")
        assert page.get_attribute("link[rel=icon]", "href") == "/static/favicon.svg"
        page.fill("#token", TOKEN)
        page.set_input_files("#files", str(upload))
        page.click("#upload-submit")
        page.wait_for_function("document.getElementById('upload-status').textContent.includes('أضيف')", timeout=120_000)
        assert "مقال واحد" in page.inner_text("#upload-status")  # one article: «مقال واحد», not «1 مقالة»
        page.wait_for_function("document.getElementById('corpus').dataset.articles === '27'")
        corpus_line = page.inner_text("#corpus")
        assert corpus_line.startswith("الأرشيف") and "27 مقالًا" in corpus_line and "المدونة" not in corpus_line

        page.click("#views a[data-view=corpus]")
        page.wait_for_selector("#articles tbody tr")
        page.click("#articles-next")
        page.wait_for_selector("#articles tbody tr[data-article-id='27']")
        row = page.inner_text("#articles tbody tr[data-article-id='27']")
        assert "kahraba.txt · مصدر غير معروف" in row and "/" not in row.split("kahraba")[0]  # no absolute path
        page.click("#articles tbody tr[data-article-id='27'] a")
        page.wait_for_selector("#article-sentences li")
        assert "عشرين ساعة" in page.inner_text("#article-sentences")
        assert page.inner_text("#article-title").startswith("سكان حي الميدان")

        page.click("#views a[data-view=check]")
        page.fill("#claim", "انقطاع الكهرباء عن حي الميدان في دمشق")
        page.click("#submit")
        page.wait_for_selector("#saved-id", timeout=60_000)
        check_id = page.inner_text("#saved-id")
        dated = page.locator("#result time").first  # a date for people, ISO in its title
        assert dated.get_attribute("title") and dated.get_attribute("title") != dated.text_content()
    finally:
        page.close()
        uv.should_exit = True

    url, uv = serve_in_background(create_app(db, token=TOKEN))  # a restart: the history is in the store
    page = browser.new_page()
    page.set_default_timeout(90_000)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(url + "/#history")
        page.wait_for_selector(f"#history tbody tr[data-check-id='{check_id}']")
        assert "انقطاع الكهرباء" in page.inner_text(f"#history tbody tr[data-check-id='{check_id}']")
        page.click(f"#history tbody tr[data-check-id='{check_id}'] a")
        page.wait_for_selector("#history-detail:not([hidden])")
        page.fill("#token", TOKEN)
        page.fill("#note", "تأكد مراسلنا من الانقطاع")
        page.select_option("#override", "true")
        page.click("#save-note")
        page.wait_for_function("document.getElementById('detail-status').textContent.length > 0")
        assert "حُفظت" in page.inner_text("#detail-status"), page.inner_text("#detail-status")
        assert "صحيح" in page.inner_text(f"#history tbody tr[data-check-id='{check_id}'] td:nth-child(5)")
        csv_href = page.get_attribute("#export-csv", "href")
        json_href = page.get_attribute("#export-json", "href")
        with page.expect_download() as download:
            page.click("#export-csv")
        saved = tmp_path / "export.csv"
        download.value.save_as(saved)
        csv_text = saved.read_text(encoding="utf-8-sig")
        assert "تأكد مراسلنا من الانقطاع" in csv_text and "انقطاع الكهرباء عن حي الميدان" in csv_text
        exported = httpx.get(url + json_href, timeout=30).json()
        assert (exported["note"], exported["verdict_override"], exported["id"]) == ("تأكد مراسلنا من الانقطاع", "true", int(check_id))
        assert csv_href.endswith("format=csv")

        page.click("#reopen")  # re-open the saved answer in the check view
        page.wait_for_selector("#view-check:not([hidden]) #verdict-label")
        assert page.inner_text("#saved").startswith("من السجل")
        plurals = page.evaluate("[0, 1, 2, 7, 11, 100].map((n) => counted(n, 'article'))")
        assert plurals == ["لا مقالات", "مقال واحد", "مقالان", "7 مقالات", "11 مقالًا", "100 مقال"]
        assert page.evaluate("counted(2, 'source')") == "مصدران"
    finally:
        page.close()
        uv.should_exit = True
    assert errors == []
