"""Low bandwidth: nothing from other hosts, and search that costs nothing until a reader searches."""

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

RESOURCE_TAGS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
                 "embed": "src", "object": "data", "track": "src"}
# Hyperlink-like rel values: the browser does not fetch these by itself.
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "shortlink", "license", "author", "help"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]([^'"]+)""")


def other_host(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlparse(url).scheme in ("http", "https")


class Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in RESOURCE_TAGS and values.get(RESOURCE_TAGS[tag]):
            self.found.append(values[RESOURCE_TAGS[tag]])
        if values.get("srcset"):
            self.found += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]
        if tag == "link" and values.get("href"):
            rels = set((values.get("rel") or "").split())
            if not rels or rels - NAVIGATION_RELS:
                self.found.append(values["href"])
        if values.get("style"):
            self.found += [a or b for a, b in CSS_URL.findall(values["style"])]


def test_no_built_file_loads_anything_from_another_host(built_site):
    offenders = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix == ".html":
            parser = Resources()
            text = path.read_text(encoding="utf-8", errors="replace")
            parser.feed(text)
            urls = parser.found + [a or b for block in re.findall(r"<style[^>]*>(.*?)</style>", text, re.S)
                                   for a, b in CSS_URL.findall(block)]
        elif path.suffix == ".css":
            urls = [a or b for a, b in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))]
        else:
            continue
        offenders += [f"{path.relative_to(built_site)}: {url}" for url in urls if other_host(url)]
    assert offenders == []


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    page.requested = []
    page.on("request", lambda r: page.requested.append(r.url))
    yield page
    context.close()


def search_requests(page):
    return [u for u in page.requested if "search_index.json" in u or "/workers/search" in u or "bundle." in u]


@pytest.mark.parametrize("lang, query, expect_in_link", [("", "copyleft", "/01-licensing/"), ("es/", "licencia", "/es/")])
def test_search_loads_only_on_intent_and_only_its_language(page, built_site, serve, lang, query, expect_in_link):
    base = serve(built_site)
    page.goto(f"{base}{lang}01-licensing/choosing-a-license/", wait_until="networkidle")
    assert search_requests(page) == []
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    indexes = [u for u in page.requested if u.endswith("search_index.json")]
    assert indexes == [f"{base}{lang}search/search_index.json"]
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert expect_in_link in page.evaluate("h => new URL(h, location.href).href", first)


def test_search_opens_on_a_phone(browser, built_site, serve):
    base = serve(built_site)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{base}fa/", wait_until="networkidle")
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator(".md-search__input").fill("مجوز")
    page.wait_for_selector(".md-search-result__item")
    context.close()


def test_each_language_index_holds_only_its_own_pages(built_site):
    import json

    english = json.loads((built_site / "search" / "search_index.json").read_text())
    persian = json.loads((built_site / "fa" / "search" / "search_index.json").read_text())
    assert not any(d["location"].startswith(("es/", "fa/", "sw/")) for d in english["docs"])
    assert persian["config"]["pipeline"] == [] and persian["config"]["lang"] == ["en"]
    assert all("<p>" not in d.get("text", "") for d in persian["docs"])
    # A translated page is found by its words, section by section.
    glossary = [d for d in persian["docs"] if d["location"].startswith("glossary/")]
    assert len(glossary) > 1 and all("text" in d for d in glossary)


def test_untranslated_pages_are_indexed_by_title_only(tmp_path):
    # The fixture site has an untranslated Spanish lesson (the real site may have none left).
    import json

    from conftest import run_script
    from helpers import copy_fixture_site

    site = copy_fixture_site(tmp_path / "site")
    assert run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site).returncode == 0
    spanish = json.loads((site / "site" / "es" / "search" / "search_index.json").read_text())
    untranslated = [d for d in spanish["docs"] if d["location"].startswith("01-alpha/second-lesson/")]
    assert len(untranslated) == 1 and "text" not in untranslated[0]
    translated = [d for d in spanish["docs"] if d["location"].startswith("01-alpha/first-lesson/")]
    assert translated and all("text" in d for d in translated)


def test_module_print_view_has_every_lesson_in_order_and_prints_cleanly(built_site, serve, browser):
    from curriculum.site_links import read_page
    from helpers import load_real_curriculum

    curriculum = load_real_curriculum()
    for module in curriculum.modules:
        page = read_page(built_site / module.folder / "print" / "index.html")
        lesson_ids = [lesson.meta["id"] for lesson in module.lessons]
        shown = [h for h in page.heading_ids if h in lesson_ids]
        assert shown == lesson_ids, module.folder
        assert "checklist" in page.heading_ids
    base = serve(built_site)
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{base}es/01-licensing/print/")
    tab.emulate_media(media="print")
    assert not tab.locator(".md-header").is_visible() and not tab.locator(".md-sidebar--primary").is_visible()
    assert tab.locator(".osm-print-lesson").first.evaluate("n => getComputedStyle(n).breakBefore") == "page"
    assert tab.locator("details[open]").count() == len(curriculum.modules[0].lessons)  # mentor notes print open
    pdf = tab.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and pdf.count(b"/Type /Page") > len(curriculum.modules[0].lessons)
    context.close()


def test_each_language_index_is_merged_under_its_own_folder():
    from curriculum import search_index

    english = {"config": {"lang": ["en"]}, "docs": [{"location": "01-licensing/", "title": "Licensing"}]}
    persian = {"config": {"lang": ["fa"]}, "docs": [{"location": "01-licensing/#why", "title": "چرا"}]}
    merged = search_index.merge({"en": english, "fa": persian}, "en")
    assert merged["config"] == {"lang": ["en"]}
    assert [d["location"] for d in merged["docs"]] == ["01-licensing/", "fa/01-licensing/#why"]
    assert english["docs"][0]["location"] == "01-licensing/"  # the inputs are left as they were



def test_search_entries_made_in_another_process_are_materials_own():
    """hooks/search_index.py sends each page's data to another process; the entries must be those
    Material's search plugin makes from the page itself."""
    import pickle
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    import search_entries

    toc = get_toc(
        [
            {"level": 1, "id": "", "name": "Choosing a license", "children": []},
            {"level": 2, "id": "why", "name": "Why it matters", "children": [
                {"level": 3, "id": "for-funders", "name": "For funders", "children": []},
            ]},
        ]
    )
    content = (
        "<h1>Choosing a license</h1><p>Intro &amp; <code>LICENSE</code> file.</p>"
        '<h2 id="why">Why it matters</h2><p>Reuse needs <a href="#x">rights</a>.</p>'
        '<h3 id="for-funders">For funders</h3><p>They ask.</p><div data-search-exclude><p>Hidden</p></div>'
    )
    meta = {"title": "Choosing a license", "search": {"boost": 2}, "tags": ["licensing"], "short_link": "go/x/"}
    page = SimpleNamespace(content=content, toc=toc, url="01-licensing/choosing-a-license/", title="Choosing", meta=meta)
    own = SearchIndex()
    own.add_entry_from_context(page)
    sent = pickle.loads(pickle.dumps(search_entries.page_data(page)))  # as it travels to the other process
    assert search_entries.entries_of(*sent) == own.entries
    assert [entry["location"] for entry in own.entries] == [
        "01-licensing/choosing-a-license/",
        "01-licensing/choosing-a-license/#why",
        "01-licensing/choosing-a-license/#for-funders",
    ]
    assert "short_link" not in sent[-1]  # only what Material reads travels
