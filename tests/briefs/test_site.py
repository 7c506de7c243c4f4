"""The briefs site and Markdown: every page parses, every link resolves, every text is escaped."""

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from fieldvoice.briefs import build_briefs, render_markdown, write_site
from fieldvoice.llm import make_client
from tests.fakes import openai_server as fake
from tests.fakes.openai_server import FakeOpenAI

VOID = {"meta", "br", "img", "input", "link", "hr", "path", "rect", "circle", "line", "polyline"}
HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1)) & <b>bold</b>"


class Page(HTMLParser):
    """Collects links and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v for k, v in attrs if k in ("href", "src") and v]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert page.stack == [], f"{path.name}: unclosed {page.stack}"
    return page


def hostile(answer: dict) -> None:
    answer["title"] = HOSTILE
    answer["root_cause_hypotheses"] = [HOSTILE]


def test_site_renders_parses_and_links_resolve(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures, tmp_path: Path
):
    fake_openai.script(fake.valid(hostile))
    run = build_briefs(opportunities, verbatims, figures, client=make_client(fake_llm_settings), cache=None)
    index = write_site(run.briefs, figures, tmp_path)
    assert index == tmp_path / "index.html"
    pages = sorted(tmp_path.rglob("*.html"))
    assert len(pages) == 1 + len(run.briefs)
    for path in pages:
        page = parse(path)
        assert "script" not in page.tags and "svg" in page.tags
        for link in page.links:
            assert not urlsplit(link).scheme, f"{path.name} links outside the site: {link}"
            assert (path.parent / link).resolve().is_file(), f"{path.name}: broken link {link}"
        html = path.read_text(encoding="utf-8")
        assert "@media print" in html
    home = parse(index)
    assert home.tags.count("svg") == 3  # NPS by country, NPS by stage, weekly theme trends
    assert len([link for link in home.links if link.startswith("briefs/")]) == len(run.briefs)
    first = (tmp_path / "briefs" / f"{run.briefs[0].brief_id}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first and "<b>" not in first
    assert HOSTILE in "".join(parse(tmp_path / "briefs" / f"{run.briefs[0].brief_id}.html").text)
    saved = json.loads((tmp_path / "briefs" / f"{run.briefs[0].brief_id}.json").read_text(encoding="utf-8"))
    assert saved["title"] == HOSTILE and saved["provenance"]["generated_by"] == "llm:fake-model"
    assert len(json.loads((tmp_path / "briefs.json").read_text(encoding="utf-8"))) == len(run.briefs)


def test_a_rerun_with_fewer_briefs_removes_stale_pages(opportunities, verbatims, figures, tmp_path: Path):
    write_site(build_briefs(opportunities, verbatims, figures, client=None, cache=None).briefs, figures, tmp_path)
    fewer = build_briefs(opportunities, verbatims, figures, client=None, cache=None, count=2).briefs
    write_site(fewer, figures, tmp_path)
    assert sorted(p.stem for p in (tmp_path / "briefs").glob("*.html")) == sorted(b.brief_id for b in fewer)
    for link in parse(tmp_path / "index.html").links:
        assert (tmp_path / link).is_file()


def test_french_site_and_empty_figures(opportunities, verbatims, figures, tmp_path: Path):
    run = build_briefs(opportunities, verbatims, figures, client=None, cache=None, language="fr")
    bare = type(figures)(as_of=figures.as_of, taxonomy_version="t1")
    index = write_site(run.briefs, bare, tmp_path)
    html = index.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "Briefs de hackathon" in html
    assert parse(index).tags.count("svg") == 1  # only the trend chart, from the briefs' own evidence


def test_markdown_has_every_section_and_is_inert(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    fake_openai.script(fake.valid(hostile))
    brief = build_briefs(opportunities, verbatims, figures, client=make_client(fake_llm_settings), cache=None).briefs[0]
    text = render_markdown(brief)
    for heading in (
        "How might we",
        "Problem",
        "Evidence",
        "What customers said",
        "Root-cause hypotheses",
        "Constraints",
        "Out of scope",
        "Success metrics",
        "Anonymised data",
        "Limitations",
        "Provenance",
    ):
        assert f"## {heading}" in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "[click](" not in text and "\\[click\\](javascript" in text
    assert "**Hypothesis**" in text and "420" in text and "12.0%" in text
    for quote in brief.quotes:
        assert quote.verbatim_id in text
