"""Web archives (WARC / WARC.gz, as CC-NEWS) through `burhan ingest`: the Arabic HTML
responses become articles with their URL and date, other records and languages are left
out, and a truncated record is named while the pages before it land."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from burhan.cli import app
from burhan.ingest import ingest
from burhan.store import Store

ARABIC_PAGE = """<html><head><title>قافلة مساعدات تدخل مضايا</title></head><body>
<nav>الرئيسية | أخبار | رياضة</nav>
<article><h1>قافلة مساعدات تدخل مضايا</h1>
<p>دخلت قافلة مساعدات إنسانية مؤلفة من 40 شاحنة إلى بلدة مضايا المحاصرة في ريف دمشق، وفق ما أعلنت الأمم المتحدة.</p>
<p>وقالت المنظمة إن القافلة تحمل مواد غذائية وطبية تكفي أربعين ألف شخص لمدة شهر.</p>
<p>وتعاني البلدة من حصار خانق منذ أشهر أدى إلى نقص حاد في الغذاء والدواء.</p></article>
<div class="share">شارك على فيسبوك تويتر</div></body></html>"""
SECOND_PAGE = """<html><body><article><h1>انقطاع المياه عن دمشق</h1>
<p>تواصل انقطاع المياه عن أحياء واسعة من العاصمة السورية دمشق لليوم العاشر على التوالي.</p>
<p>وقالت مصادر محلية إن السكان يعتمدون على الصهاريج لتأمين حاجتهم من مياه الشرب.</p></article></body></html>"""
ENGLISH_PAGE = """<html><body><article><h1>Aid convoy enters Madaya</h1>
<p>A convoy of forty trucks carrying food and medicine entered the besieged town of Madaya on Monday.</p>
<p>The United Nations said the supplies would last about a month for forty thousand people.</p></article></body></html>"""


def write_warc(path, pages, gzip=True):
    """A WARC the test writes: (uri, status, content type, html) responses, each after its request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for uri, status, kind, html in pages:
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders(f"{status} OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2016-01-12T10:00:00Z"}))
    return path


PAGES = [("https://news.example.sy/madaya", "200", "text/html; charset=utf-8", ARABIC_PAGE),
         ("https://news.example.sy/logo.png", "200", "image/png", "PNG"),
         ("https://news.example.sy/moved", "301", "text/html", "<html>moved</html>"),
         ("https://news.example.com/madaya-en", "200", "text/html", ENGLISH_PAGE),
         ("https://news.example.sy/water", "200", "text/html", SECOND_PAGE)]


@pytest.mark.parametrize("gzip, name", [(True, "cc-news.warc.gz"), (False, "cc-news.warc")])
def test_warc_arabic_pages_become_articles(tmp_path, gzip, name):
    warc = write_warc(tmp_path / name, PAGES, gzip)
    with Store(tmp_path / "s.db") as store:
        report = ingest([warc], store)
        assert (report.added, report.skipped, report.errors) == (2, 1, [])
        articles = {a.url: store.get(a.id) for a in store.list_articles()}
    assert set(articles) == {"https://news.example.sy/madaya", "https://news.example.sy/water"}
    madaya = articles["https://news.example.sy/madaya"]
    assert madaya.title == "قافلة مساعدات تدخل مضايا"
    assert madaya.source == "news.example.sy" and madaya.date == "2016-01-12"  # the page has none: WARC-Date
    assert "شارك على فيسبوك" not in madaya.text and "40 شاحنة" in madaya.text
    assert madaya.sentences[0].stems  # analysed like any article


def test_truncated_warc_record_is_named_and_the_pages_before_it_land(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", PAGES, gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - 60])  # the last response (the water page) loses its end
    with Store(tmp_path / "s.db") as store:
        report = ingest([cut], store)
        assert report.added == 1 and report.skipped == 1
        (error,) = report.errors
        assert error.path == f"{cut}#record10" and "truncated" in error.error and "news.example.sy/water" in error.error
        assert [a.url for a in store.list_articles()] == ["https://news.example.sy/madaya"]


def test_not_a_warc_is_a_clear_error_and_the_cli_reports_skipped_pages(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a web archive at all\n" * 20)
    good = write_warc(tmp_path / "good.warc.gz", PAGES)
    result = CliRunner().invoke(app, ["ingest", str(bad), str(good), "--db", str(tmp_path / "s.db"), "--json",
                                      "--no-embed"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == 2 and summary["skipped"] == 1
    (error,) = summary["errors"]
    assert error["path"] == str(bad) and "not a web archive" in error["error"]
