"""The built site in a real headless Chromium: pages render, fetch nothing from elsewhere, and pass axe."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

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


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(name, page, built_site, serve):
    base = serve(built_site)
    page.goto(base + PAGES[name], wait_until="networkidle")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
