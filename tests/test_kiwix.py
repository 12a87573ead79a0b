"""The Kiwix files (ZIM): zimcheck, read back with libzim, and served by kiwix-serve to a real Chromium."""

import re
import shutil
import socket
import subprocess
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from curriculum import offline_page, zim_bundle
from curriculum.languages import i18n_settings, languages, read_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT, LANGUAGES = languages(i18n_settings(read_mkdocs_yml(ROOT / "mkdocs.yml")["plugins"]))
TRADEMARKS = "01-licensing/trademarks-and-names.html"
# A word of each language's title of the trademarks lesson: a full-text search must put that lesson first.
SEARCH_WORD = {"en": "Trademarks", "es": "Marcas", "fr": "Marques", "fa": "تجاری", "hi": "ट्रेडमार्क", "ne": "ट्रेडमार्क", "sw": "biashara"}
REQUIRED_METADATA = ("Name", "Title", "Description", "LongDescription", "Language", "Creator", "Publisher", "Date", "Tags", "License")


def zim_of(built_dist: Path, lang: str) -> Path:
    found = sorted(built_dist.glob(f"open-source-mentorship_{lang}_*.zim"))
    assert len(found) == 1, f"expected one Kiwix file for {lang} in {built_dist}, found {found}"
    assert re.fullmatch(rf"open-source-mentorship_{lang}_\d{{4}}-\d{{2}}\.zim", found[0].name)
    return found[0]


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zimcheck_passes_every_check(built_dist, lang):
    result = subprocess.run(["zimcheck", "--all", "--details", str(zim_of(built_dist, lang))], capture_output=True, text=True)
    assert result.returncode == 0 and "Overall Test Status: Pass" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_the_language_is_in_its_archive(built_dist, lang):
    archive = Archive(zim_of(built_dist, lang))
    with zipfile.ZipFile(built_dist / f"offline-{lang}.zip") as copy:
        top = f"open-source-mentorship-{lang}/"
        pages = [n[len(top):] for n in copy.namelist() if n.endswith(".html")]
    # The zip's own start page (a redirect into the language folder) is the archive's main page instead.
    pages = [p for p in pages if not (lang != DEFAULT and p == "index.html")]
    assert len(pages) > 80  # 43 lessons and their modules, checklists, print views, short links
    missing = [p for p in pages if not archive.has_entry_by_path(p)]
    assert missing == [], missing[:5]
    lesson = archive.get_entry_by_path(prefix(lang) + TRADEMARKS)
    assert not lesson.is_redirect and "<h1" in bytes(lesson.get_item().content).decode()
    short = archive.get_entry_by_path(prefix(lang) + "go/trademarks-and-names.html")
    assert short.is_redirect and short.get_redirect_entry().path == prefix(lang) + TRADEMARKS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_main_page_opens_and_the_metadata_is_complete(built_dist, lang):
    archive = Archive(zim_of(built_dist, lang))
    main = archive.main_entry
    main = main.get_redirect_entry() if main.is_redirect else main
    assert main.path == prefix(lang) + "index.html"
    assert f'lang="{lang}"' in bytes(main.get_item().content).decode()
    values = {key: archive.get_metadata(key).decode() for key in REQUIRED_METADATA}
    assert all(values.values()), values
    assert values["Language"] == zim_bundle.ISO_639_3[lang] and len(values["Language"]) == 3
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", values["Date"])
    assert len(values["Title"]) <= 30 and len(values["Description"]) <= 80 and len(values["LongDescription"]) <= 4000
    assert "_ftindex:yes" in values["Tags"]
    illustration = bytes(archive.get_illustration_item(48).content)
    assert illustration[:8] == b"\x89PNG\r\n\x1a\n" and illustration[16:24] == (48).to_bytes(4, "big") * 2
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_text_search_in_the_language_finds_the_right_lesson_first(built_dist, lang):
    archive = Archive(zim_of(built_dist, lang))
    results = list(Searcher(archive).search(Query().set_query(SEARCH_WORD[lang])).getResults(0, 3))
    assert results and results[0] == prefix(lang) + TRADEMARKS, results


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_print_views_are_in_the_archive_but_searches_find_the_lessons(built_dist, lang):
    # A print view holds every word of its module's lessons; in results it used to outrank them.
    archive = Archive(zim_of(built_dist, lang))
    assert not archive.get_entry_by_path(prefix(lang) + "01-licensing/print.html").is_redirect
    for word in (SEARCH_WORD[lang], "DCO", "CI"):
        found = list(Searcher(archive).search(Query().set_query(word)).getResults(0, 200))
        assert found, word
        assert not [path for path in found if path.endswith("/print.html")], word


def test_nothing_in_an_archive_loads_from_another_host(built_dist):
    archive = Archive(zim_of(built_dist, "fa"))
    loads = re.compile(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href)="(https?:)?//', re.I)
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        if entry.is_redirect:
            continue
        item = entry.get_item()
        if item.mimetype == "text/html":
            assert not loads.search(bytes(item.content).decode()), entry.path


def test_the_read_offline_page_lists_each_kiwix_file_with_its_size(built_site, built_dist):
    for lang in LANGUAGES:
        page = (built_site / prefix(lang) / "offline" / "index.html").read_text(encoding="utf-8")
        name = zim_of(built_dist, lang).name
        assert f"download/{name}" in page and 'id="kiwix"' in page, lang
        # The hosted site is built while the files are made: their sizes are filled in afterwards.
        size = offline_page.size_text(zim_of(built_dist, lang).stat().st_size, lang)
        assert f"{name}, {size}" in page and "data-download-size" not in page, lang
        assert not list(built_site.parent.glob(".*.downloads.json"))
        assert (built_site / "download" / name).read_bytes() == zim_of(built_dist, lang).read_bytes()
        assert "kiwix-serve --port 8080" in page


# ---------------------------------------------------------------------------------------------
# kiwix-serve on a local port, read in headless Chromium.


@pytest.fixture(scope="module")
def kiwix_serve(built_dist):
    program = shutil.which("kiwix-serve")
    if program is None:
        pytest.fail("kiwix-serve is missing: `make test` installs Debian's kiwix-tools (see README)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    zim = zim_of(built_dist, "fa")
    server = subprocess.Popen([program, "--address=127.0.0.1", f"--port={port}", str(zim)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/{zim.stem}/"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_a_lesson_reads_in_kiwix_serve_with_working_links_and_checklists(browser, kiwix_serve):
    context = browser.new_context()
    hosts, errors = set(), []
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    context.on("weberror", lambda error: errors.append(str(error.error)))
    page = context.new_page()
    page.goto(kiwix_serve + "fa/" + TRADEMARKS)
    assert page.locator("html").get_attribute("lang") == "fa"
    assert "علائم تجاری" in page.locator("h1").inner_text()
    box = page.locator("input[data-checklist-item]").first
    box.check()
    # In-archive link: the module's checklist page, where the tick shows.
    page.locator('a[href$="checklist.html"]').first.click()
    page.wait_for_load_state()
    assert page.url.startswith(kiwix_serve + "fa/01-licensing/checklist.html")
    assert page.locator("input[data-checklist-item]:checked").count() == 1
    page.go_back()
    page.wait_for_load_state()
    assert "علائم تجاری" in page.locator("h1").inner_text()
    assert hosts == {urlsplit(kiwix_serve).netloc}, hosts
    assert errors == [], errors
    context.close()


def test_a_lesson_reads_well_in_kiwix_with_scripts_off(browser, kiwix_serve):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(kiwix_serve + "fa/" + TRADEMARKS)
    assert "علائم تجاری" in page.locator("h1").inner_text()
    assert page.locator("article p").count() > 10
    assert page.locator("input[data-checklist-item]").count() >= 1  # the tasks are listed, unticked
    context.close()
