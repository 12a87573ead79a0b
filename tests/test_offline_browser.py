"""Reading offline in a real headless Chromium: the zipped copies from file://, and the hosted site's service worker."""

import zipfile
from pathlib import Path

import pytest

from curriculum import service_worker
from curriculum.languages import i18n_settings, languages, read_mkdocs_yml
from helpers import saved_version

ROOT = Path(__file__).resolve().parent.parent
DEFAULT, LANGUAGES = languages(i18n_settings(read_mkdocs_yml(ROOT / "mkdocs.yml")["plugins"]))

# ---------------------------------------------------------------------------------------------
# The offline copies, unzipped, opened from the file system with every network request refused.


@pytest.fixture(scope="module")
def unzipped(built_dist, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unzipped")
    for lang in ("en", "fa"):
        with zipfile.ZipFile(built_dist / f"offline-{lang}.zip") as archive:
            archive.extractall(folder)
    return folder


class NoNetwork:
    """A browser context where only file:// loads; anything else is refused and recorded."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.refused, self.failed = [], []
        self.context.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def new_page(self):
        page = self.context.new_page()
        page.on("requestfailed", lambda request: self.failed.append(request.url))
        return page


@pytest.fixture
def offline(browser):
    network = NoNetwork(browser)
    yield network
    network.context.close()


CASES = {
    # lang: (lesson in the copy, a word to search for)
    "en": ("open-source-mentorship-en/01-licensing/choosing-a-license.html", "copyleft"),
    "fa": ("open-source-mentorship-fa/fa/01-licensing/choosing-a-license.html", "مجوز"),
}


@pytest.mark.parametrize("lang", CASES)
def test_a_lesson_opens_from_the_file_system_with_no_request_failing(offline, unzipped, lang):
    page = offline.new_page()
    page.goto((unzipped / CASES[lang][0]).as_uri())
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static", "CSS applied"
    assert offline.refused == [] and offline.failed == []


@pytest.mark.parametrize("lang", CASES)
def test_links_and_anchors_work_inside_the_copy(offline, unzipped, lang):
    page = offline.new_page()
    page.goto((unzipped / CASES[lang][0]).as_uri())
    section = page.locator(".md-sidebar--secondary a.md-nav__link").nth(1)
    anchor = section.get_attribute("href")
    assert anchor.startswith("#")
    section.click()
    assert page.url.endswith(anchor) and page.locator(anchor).count() == 1
    page.locator("a.md-footer__link--next").click()
    page.wait_for_load_state()
    assert page.url.endswith(".html") and "/01-licensing/" in page.url
    assert page.locator("h1").first.is_visible()
    page.locator('a[href$="checklist.html"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("checklist.html") and page.locator("[data-checklist-item]").count() > 0
    assert offline.refused == [] and offline.failed == []


@pytest.mark.parametrize("lang", CASES)
def test_search_works_from_the_file_system(offline, unzipped, lang):
    page = offline.new_page()
    page.goto((unzipped / CASES[lang][0]).as_uri())
    page.keyboard.press("/")
    page.locator(".md-search__input").focus()
    # The index is built in the page itself over file:// (the worker stand-in); type once it is ready.
    page.wait_for_function(
        """() => {
            const placeholder = JSON.parse(document.getElementById("__config").textContent)
                .translations["search.result.placeholder"];
            const meta = document.querySelector(".md-search-result__meta");
            return meta && meta.textContent.trim() === placeholder;
        }""",
        timeout=30_000,
    )
    page.keyboard.type(CASES[lang][1], delay=40)
    # Letters outside ASCII arrive as text input without key events; a key press is what a keyboard adds.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=20_000)
    assert results.count() > 0
    assert offline.refused == [] and offline.failed == []


@pytest.mark.parametrize("lang", CASES)
def test_a_checklist_tick_survives_a_reload_from_the_file_system(offline, unzipped, lang):
    page = offline.new_page()
    page.goto((unzipped / CASES[lang][0]).as_uri())
    box = page.locator("input[data-checklist-item]").first
    item = box.get_attribute("data-checklist-item")
    box.check()
    page.reload()
    assert page.locator(f'input[data-checklist-item="{item}"]').first.is_checked()
    assert offline.refused == [] and offline.failed == []


def test_the_start_page_of_a_language_copy_opens_its_home(offline, unzipped):
    page = offline.new_page()
    page.goto((unzipped / "open-source-mentorship-fa" / "index.html").as_uri())
    page.wait_for_url("**/fa/index.html")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert offline.refused == [] and offline.failed == []


# ---------------------------------------------------------------------------------------------
# The hosted site's service worker, against a local server that can be stopped (offline) and
# given a new release. The server forbids HTTP caching, so what loads offline came from the
# worker's caches and nowhere else.


def test_a_saved_module_reads_offline_and_updates_after_a_release(browser, hosted):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hosted.url + "es/01-licensing/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    control = page.locator('[data-offline-module="01-licensing"]')
    save = control.locator('[data-offline-action="save"]')
    save.wait_for(state="visible")
    assert "KB" in control.locator("[data-offline-status]").inner_text(), "the size is shown before saving"
    save.click()
    remove = control.locator('[data-offline-action="remove"]')
    remove.wait_for(state="visible", timeout=30_000)
    status = control.locator("[data-offline-status]").inner_text()
    assert status.startswith("Guardado el") and "KB" in status, status

    hosted.stop()  # offline
    page.goto(hosted.url + "es/01-licensing/permissive-and-copyleft/")
    assert page.locator("h1").first.inner_text().startswith("Licencias permisivas")
    page.goto(hosted.url + "es/03-documentation/")  # never opened, not saved
    assert page.locator("[data-offline-fallback]").is_visible()
    assert "Leer sin conexión" in page.title()
    saved_list = page.locator("[data-offline-saved]")
    saved_list.locator("a").first.wait_for()
    assert "Guardado el" in saved_list.inner_text()
    assert saved_list.locator("a").first.get_attribute("href").endswith("/es/01-licensing/")

    # A new release changes a saved lesson; the next visit online brings it.
    lesson = hosted.folder / "es" / "01-licensing" / "permissive-and-copyleft" / "index.html"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Licencias permisivas", "Licencias abiertas"))
    old = saved_version(page, "es", "01-licensing")
    new = service_worker.finalize(hosted.folder, LANGUAGES, DEFAULT, "Open Source Mentorship")
    assert new != old
    hosted.start()
    page.goto(hosted.url + "es/01-licensing/permissive-and-copyleft/")
    assert page.locator("h1").first.inner_text().startswith("Licencias abiertas")
    # The browser looks for a new worker once the page is idle; the new one takes over when the old
    # one has finished its work, and the first page it serves starts refreshing the saved module.
    for _ in range(20):
        page.wait_for_timeout(2000)
        if saved_version(page, "es", "01-licensing") == new:
            break
        page.goto(hosted.url + "es/01-licensing/")
    assert saved_version(page, "es", "01-licensing") == new
    shells = page.evaluate("caches.keys().then(keys => keys.filter(k => k.startsWith('osm-shell-')))")
    assert shells == [f"osm-shell-{new}"], "the old release's cache is deleted"

    hosted.stop()
    page.goto(hosted.url + "es/01-licensing/permissive-and-copyleft/")
    assert page.locator("h1").first.inner_text().startswith("Licencias abiertas")
    context.close()


def test_remove_frees_a_saved_module(browser, hosted):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hosted.url + "02-launching/")
    control = page.locator('[data-offline-module="02-launching"]')
    control.locator('[data-offline-action="save"]').click()
    remove = control.locator('[data-offline-action="remove"]')
    remove.wait_for(state="visible", timeout=30_000)
    assert saved_version(page, "en", "02-launching") is not None
    remove.click()
    control.locator('[data-offline-action="save"]').wait_for(state="visible")
    assert control.locator("[data-offline-status]").inner_text() == "Removed. The space is free again."
    assert saved_version(page, "en", "02-launching") is None
    saved_pages = page.evaluate(
        "caches.open('osm-saved-v1').then(c => c.keys()).then(keys => keys.map(k => k.url))"
    )
    assert not [url for url in saved_pages if "/02-launching/" in url]
    copies = page.evaluate("caches.keys().then(names => names.filter(n => n.startsWith('osm-module-')))")
    assert copies == [], "the module's own cache is deleted too"
    context.close()
