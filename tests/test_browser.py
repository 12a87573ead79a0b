"""The built site in a real headless Chromium: pages render, fetch nothing from elsewhere, and pass axe."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from curriculum import axe_report
from helpers import load_real_curriculum


def first_lesson_path() -> str:
    curriculum = load_real_curriculum()
    lesson = curriculum.modules[0].lessons[0]
    return lesson.src[: -len(".md")] + "/"


PAGES = {"home": "", "lesson": first_lesson_path()}


class Visit:
    """Everything a page load did: requests, failures, console errors."""

    def __init__(self, page, base: str):
        self.host = urlparse(base).netloc
        self.requests, self.failed, self.errors = [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def elsewhere(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != self.host]




@pytest.mark.parametrize("name", PAGES)
def test_page_renders_without_failures_or_other_hosts(name, page, built_site, serve):
    base = serve(built_site)
    visit = Visit(page, base)
    page.goto(base + PAGES[name], wait_until="networkidle")
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator(".md-nav--primary").count() == 1
    assert visit.failed == []
    assert visit.elsewhere() == []
    assert visit.errors == []


def test_lesson_shows_its_title_from_front_matter(page, built_site, serve):
    base = serve(built_site)
    curriculum = load_real_curriculum()
    lesson = curriculum.modules[0].lessons[0]
    page.goto(base + PAGES["lesson"])
    assert page.locator("h1").first.inner_text().strip() == lesson.meta["title"]
    assert page.title().startswith(lesson.meta["title"])


# One page of each kind in every language (`make a11y` checks every page).
KIND_PAGES = axe_report.kind_pages(["en", "es", "fr", "fa", "hi", "ne", "sw"], "en")


@pytest.mark.parametrize("name", KIND_PAGES)
def test_no_serious_accessibility_violations(name, page, built_site, serve):
    base = serve(built_site)
    assert (built_site / KIND_PAGES[name] / "index.html").exists(), f"no page {KIND_PAGES[name]}"
    page.goto(base + KIND_PAGES[name], wait_until="load")
    assert axe_report.serious_violations(Axe().run(page).response) == []


def test_the_error_page_has_no_serious_accessibility_violations(page, built_site, serve):
    page.goto(serve(built_site) + "404.html", wait_until="load")
    assert axe_report.serious_violations(Axe().run(page).response) == []


def test_every_code_token_colour_reaches_4_5_to_1(page, built_site, serve):
    """Highlighted tokens of every kind on a lesson with code: axe's colour-contrast rule, on the code only."""
    base = serve(built_site)
    page.goto(base + "04-continuous-integration/first-pipeline/", wait_until="load")
    assert page.locator(".highlight span[class]").count() > 50
    results = Axe().run(page, context={"include": [".highlight"]}, options={"runOnly": ["color-contrast"]})
    assert axe_report.serious_violations(results.response) == []
