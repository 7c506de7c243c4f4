"""The HTML report: one page per partition and suite, an index, every value escaped, no unredacted text."""

from fieldvoice.quality import validate_interviews, write_validation_report


def test_report_pages_escape_and_redact(tmp_path, copies, make_raw, reference, now):
    rows = copies(3)
    rows[0]["verbatim"] = "<script>alert(1)</script> call me on +231 886 123 456 " + "x" * 5000
    rows[1]["nps"] = "<b>11</b>"
    result = validate_interviews(make_raw(rows), reference, now=now)
    page = write_validation_report(result, tmp_path)
    html = page.read_text(encoding="utf-8")
    assert page == tmp_path / "interviews" / "2026-11-02.html"
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "886 123 456" not in html and "[PHONE]" in html
    assert "text_too_long" in html and "unparseable_integer" in html and "FAIL" in html
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="interviews/2026-11-02.html"' in index
