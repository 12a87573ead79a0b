"""Offline copies and the hosted site's offline support, without a browser: what the build writes."""

import json
import re
import zipfile
from pathlib import Path

import pytest

from curriculum import offline_bundle, offline_page, service_worker, site_links
from curriculum.languages import i18n_settings, languages, read_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT, LANGUAGES = languages(i18n_settings(read_mkdocs_yml(ROOT / "mkdocs.yml")["plugins"]))


def names_in(zip_path: Path) -> set[str]:
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {f"open-source-mentorship-{zip_path.stem.split('-')[1]}"}, f"{zip_path.name}: one top folder"
    return {name.split("/", 1)[1] for name in names}


def hosted_pages(site: Path, lang: str) -> set[str]:
    """The language's pages on the hosted site, as folder URLs (x/ for x/index.html)."""
    others = [code for code in LANGUAGES if code != DEFAULT]
    pages = set()
    for path in site.rglob("index.html"):
        relative = path.relative_to(site).as_posix()
        top = relative.split("/", 1)[0]
        if (lang == DEFAULT and top not in others) or (lang != DEFAULT and top == lang):
            pages.add(relative[: -len("index.html")])
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_zip_holds_every_page_of_its_language(built_site, built_dist, lang):
    names = names_in(built_dist / f"offline-{lang}.zip")
    missing = []
    for url in sorted(hosted_pages(built_site, lang)):
        # The offline copy has file URLs: x/ on the web is x.html or x/index.html in the copy.
        candidates = {url + "index.html", url.rstrip("/") + ".html"}
        if not candidates & names:
            missing.append(url)
    assert missing == []
    assert {"README.txt", "index.html"} <= names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_zip_holds_one_language_and_nothing_for_servers(built_dist, lang):
    names = names_in(built_dist / f"offline-{lang}.zip")
    others = {code for code in LANGUAGES if code not in (lang, DEFAULT)}
    assert not [n for n in names if n.split("/", 1)[0] in others]
    if lang != DEFAULT:
        outside = [n for n in names if n.endswith(".html") and n.split("/", 1)[0] not in (lang, "assets")]
        assert outside == ["index.html"], "only the start page that opens the language folder"
    assert not [n for n in names if n.endswith(".map") or n in ("sw.js", "404.html", "sitemap.xml")]
    # Search over file:// needs the index as a script and the worker stand-in.
    search = "search/search_index.js" if lang == DEFAULT else f"{lang}/search/search_index.js"
    assert {search, offline_bundle.SHIM, "assets/javascripts/file-worker-scope.js"} <= names


def test_readme_is_in_the_bundles_language(built_dist):
    for lang, expected in (("en", "How to open it"), ("es", "Español"), ("fa", "فارسی")):
        with zipfile.ZipFile(built_dist / f"offline-{lang}.zip") as archive:
            text = archive.read(f"open-source-mentorship-{lang}/README.txt").decode("utf-8")
        assert expected in text
        assert "index.html" in text and "\r\n" in text


def test_offline_copy_pages_link_to_files_and_stay_inside_the_copy(built_dist, tmp_path):
    with zipfile.ZipFile(built_dist / "offline-es.zip") as archive:
        archive.extractall(tmp_path)
    copy = tmp_path / "open-source-mentorship-es"
    report = site_links.check(copy, file_urls=True)
    assert report.broken == []
    lesson = (copy / "es" / "01-licensing" / "choosing-a-license.html").read_text(encoding="utf-8")
    assert 'class="md-select' not in lesson, "the language menu would lead out of the copy"
    assert 'rel="manifest"' not in lesson and "serviceWorker" not in lesson
    assert 'data-shim="../../assets/javascripts/file-worker.js"' in lesson


def test_download_page_lists_every_bundle_with_its_size(built_site, built_dist):
    listed = {entry["file"]: entry for entry in json.loads((built_dist / "bundles.json").read_text())}
    assert set(listed) == {f"offline-{lang}.zip" for lang in LANGUAGES}
    for lang, prefix in (("en", ""), ("es", "es/")):
        page = (built_site / prefix / "offline" / "index.html").read_text(encoding="utf-8")
        for name, entry in listed.items():
            served = built_site / "download" / name
            assert served.stat().st_size == entry["bytes"] == (built_dist / name).stat().st_size
            assert f'download/{name}"' in page
            assert offline_page.size_text(entry["bytes"], lang) in page


def test_hosted_pages_carry_the_manifest_and_register_the_worker(built_site):
    lesson = (built_site / "fa" / "01-licensing" / "choosing-a-license" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in lesson
    assert 'navigator.serviceWorker.register("../../../sw.js")' in lesson
    manifest = json.loads((built_site / "fa" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "fa" and manifest["dir"] == "rtl" and manifest["start_url"] == "./"
    assert (built_site / "fa" / manifest["icons"][0]["src"]).resolve().is_file()


def test_module_pages_offer_saving_and_the_worker_knows_their_pages(built_site):
    index = (built_site / "es" / "02-launching" / "index.html").read_text(encoding="utf-8")
    assert 'data-offline-module="02-launching" data-offline-lang="es"' in index
    assert "Guardar este módulo" in index
    pages = json.loads((built_site / "offline-pages.json").read_text())["pages"]
    module = pages["es"]["02-launching"]
    assert "es/02-launching/" in module["urls"] and "es/02-launching/checklist/" in module["urls"]
    # The module's pages, and the script its checklist page runs ("Share with your mentor").
    assert all(url.startswith("es/02-launching/") for url in module["urls"][:-1])
    assert module["urls"][-1] == "assets/javascripts/team-progress.js"
    assert 10_000 < module["bytes"] < 1_000_000
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.match(r"self\.OSM_BUILD = (\{.*\});\n", worker).group(1))
    assert build["languages"] == LANGUAGES and "assets/javascripts/checklists.js" in build["shell"]
    assert not [path for path in build["shell"] if "bundle." in path or path.endswith(("offline.js", "team-progress.js"))]
    assert all((built_site / path).is_file() for path in build["shell"])


# Plain functions on small trees ------------------------------------------------------------


def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for path in (
        "index.html",
        "01-alpha/index.html",
        "01-alpha/first.html",
        "es/index.html",
        "es/01-alpha/first.html",
        "fr/index.html",
        "assets/javascripts/app.js",
        "assets/javascripts/app.js.map",
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "assets/javascripts/lunr/min/lunr.ja.min.js",
        "404.html",
        "sw.js",
    ):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f"<p>{path}</p>")
    return site


def test_members_keep_one_language_and_leave_out_server_files(tmp_path):
    site = small_site(tmp_path)
    used = offline_bundle.lunr_files_used({"es": {"lang": ["es"]}})
    english = offline_bundle.members(site, "en", ["en", "es", "fr"], "en", used)
    spanish = offline_bundle.members(site, "es", ["en", "es", "fr"], "en", used)
    assert english == [
        "01-alpha/first.html",
        "01-alpha/index.html",
        "assets/javascripts/app.js",
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "index.html",
    ]
    assert spanish == [
        "assets/javascripts/app.js",
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "es/01-alpha/first.html",
        "es/index.html",
    ]


def test_a_release_version_changes_with_any_file_and_the_worker_is_stamped_again(tmp_path):
    site = small_site(tmp_path)
    (site / "sw.js").write_text("const BUILD = self.OSM_BUILD || {};\n")
    first = service_worker.finalize(site, ["en", "es"], "en", "Test")
    assert (site / "sw.js").read_text().startswith(f'self.OSM_BUILD = {{"version":"{first}"')
    (site / "01-alpha" / "first.html").write_text("<p>changed</p>")
    second = service_worker.finalize(site, ["en", "es"], "en", "Test")
    worker = (site / "sw.js").read_text()
    assert second != first and worker.count("self.OSM_BUILD = ") == 1 and second in worker
    pages = json.loads((site / "offline-pages.json").read_text())["pages"]
    assert pages["en"]["01-alpha"]["urls"] == ["01-alpha/first.html", "01-alpha/"]
    assert pages["es"]["01-alpha"]["urls"] == ["es/01-alpha/first.html"]


def test_a_worker_that_ignores_the_stamp_is_refused(tmp_path):
    site = small_site(tmp_path)
    with pytest.raises(ValueError, match="self.OSM_BUILD"):
        service_worker.finalize(site, ["en"], "en", "Test")


def test_folder_links_are_broken_in_a_copy_opened_from_files(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<a href="../b/">b</a> <a href="../b/index.html">b</a>')
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text("<p>b</p>")
    assert site_links.check(site).broken == []
    broken = site_links.check(site, file_urls=True).broken
    assert len(broken) == 1 and "../b/" in broken[0] and "folder listing" in broken[0]


def test_offline_page_in_the_copy_and_without_bundles(tmp_path):
    modules = [("01-alpha", "Alpha", "01-alpha/index.md")]
    inside = offline_page.render(modules, "fr", "en", None, in_bundle=True)
    assert "data-offline-module" not in inside and "clé USB" in inside
    hosted = offline_page.render(modules, "en", "en", None, in_bundle=False)
    assert 'data-offline-module="01-alpha"' in hosted and "[Alpha](01-alpha/index.md)" in hosted
    assert "not part of this copy" in hosted
    bundles = [offline_page.BundleEntry("fa", "فارسی", "offline-fa.zip", 1_234_567)]
    persian = offline_page.render(modules, "fa", "en", bundles, in_bundle=False)
    assert 'href="../../download/offline-fa.zip"' in persian and "offline-fa.zip, ۱٫۲ MB" in persian  # sizes in Persian digits
    spanish = offline_page.render(modules, "es", "en", bundles, in_bundle=False)
    assert "offline-fa.zip, 1,2 MB" in spanish, "sizes are written the reader's way"


# Languages whose whole curriculum is translated: their readers never meet an English page.
COMPLETE = ["es", "fr", "fa", "sw", "hi", "ne"]


@pytest.mark.parametrize("lang", COMPLETE)
def test_a_complete_languages_copy_holds_no_english_page(built_dist, lang):
    from helpers import load_real_curriculum

    curriculum = load_real_curriculum()
    translated = {e.source_src for e in curriculum.entries if e.lang == lang}
    untranslated = sorted(e.src for e in curriculum.sources() if e.src not in translated)
    assert untranslated == [], f"{lang}: these pages have no translation yet: {untranslated}"
    english_pages = []
    with zipfile.ZipFile(built_dist / f"offline-{lang}.zip") as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                text = archive.read(name).decode("utf-8")
                shown_in_english = 'data-translation-status="fallback"' in text or 'lang="en" dir="ltr"' in text
                if shown_in_english and "<meta http-equiv=\"refresh\"" not in text:
                    english_pages.append(name)
    assert english_pages == [], f"offline-{lang}.zip shows these pages in English: {english_pages}"
