"""The Content Security Policy: computed right, present in every built page, and enforced by Chromium.

The other browser tests (search, checklists, copy link, language menu, service
worker, offline copies) run on the same built pages, so they show that the
policy blocks nothing the site needs.
"""

import base64
import hashlib
import http.server
import re
import shutil
import threading
import zipfile

import pytest

from curriculum import offline_bundle
from curriculum.content_policy import add_policy, add_policy_to_files

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>t</title>
<script>var a = 1;</script>
<script id="data" type="application/json">{"b": 2}</script>
<script src="x.js"></script>
</head><body><script>var a = 1;</script><script>
var c = "<b>";
</script></body></html>"""
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_hashes_each_inline_script_once_and_no_data_block():
    policy = META.search(add_policy(PAGE)).group(1)
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    second = '\nvar c = "<b>";\n'
    assert script_src == f"script-src 'self' {sha('var a = 1;')} {sha(second)}"
    assert sha('{"b": 2}') not in policy
    assert "'unsafe-inline'" not in script_src and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_reading_only_the_body_scripts_finds_what_a_whole_parse_finds(built_site):
    """The fast scan (head whole, then each script element) against the parser over the whole page."""
    from curriculum import content_policy

    tricky = PAGE.replace("<script>\nvar c", '<SCRIPT type="module">\nvar c').replace("</script></body>", "</SCRIPT ></body>")
    pages = [tricky, *(p.read_text(encoding="utf-8") for p in sorted(built_site.rglob("*.html"))[::10])]
    for html in pages:
        html = META.sub("", html)
        whole = content_policy._InlineScripts()
        whole.feed(html)
        whole.close()
        fast, _ = content_policy._scan(html)
        assert (fast.texts, fast.head_end) == (whole.texts, whole.head_end)
    assert len(content_policy._scan(tricky)[0].texts) == 3


def test_files_get_the_policy_once_and_a_page_that_has_it_is_not_written_again(tmp_path):
    # The build hands each language's pages over as they are written, then goes over every page.
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(add_policy(PAGE), encoding="utf-8")
    written_before = second.stat().st_mtime_ns
    assert add_policy_to_files([str(first), str(second)]) == [str(first), str(second)]
    assert first.read_text(encoding="utf-8") == add_policy(PAGE)
    add_policy_to_files([str(first)])
    assert len(META.findall(first.read_text(encoding="utf-8"))) == 1
    assert second.stat().st_mtime_ns == written_before


def test_policy_comes_right_after_the_charset_and_before_any_script():
    with_policy = add_policy(PAGE)
    assert with_policy.index("Content-Security-Policy") < with_policy.index("<script")
    assert with_policy.index('<meta charset="utf-8">') < with_policy.index("Content-Security-Policy")
    assert add_policy(with_policy) == with_policy, "adding it twice changes nothing"


def test_every_built_page_and_offline_copy_has_a_policy(built_site, built_dist):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 500
    missing = [str(p.relative_to(built_site)) for p in pages if not META.search(p.read_text(encoding="utf-8"))]
    assert missing == []
    with zipfile.ZipFile(built_dist / "offline-fa.zip") as archive:
        htmls = [n for n in archive.namelist() if n.endswith(".html")]
        assert htmls
        assert [n for n in htmls if not META.search(archive.read(n).decode("utf-8"))] == []


def inject(page_file, other_host: str) -> None:
    """What a hostile change could slip into a page: a tracking image and an inline script."""
    html = page_file.read_text(encoding="utf-8")
    hostile = (
        f'<img id="tracker" src="{other_host}/pixel.gif" alt="">'
        "<script>document.documentElement.dataset.injected = 'ran'</script>"
    )
    page_file.write_text(html.replace("</article>", hostile + "</article>", 1), encoding="utf-8")


def watch(page):
    seen = {"requests": [], "violations": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and seen["violations"].append(message.text)
    )
    return seen


class _OtherHost(http.server.BaseHTTPRequestHandler):
    """Another origin that counts every request reaching it."""

    hits: list[str] = []

    def do_GET(self):
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_injected_image_and_inline_script_are_blocked_on_the_hosted_site(page, built_site, serve, tmp_path):
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OtherHost)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    site = tmp_path / "site"
    shutil.copytree(built_site / "01-licensing" / "choosing-a-license", site / "01-licensing" / "choosing-a-license")
    shutil.copytree(built_site / "assets", site / "assets")
    lesson = site / "01-licensing" / "choosing-a-license" / "index.html"
    inject(lesson, f"http://127.0.0.1:{other.server_address[1]}")  # another port is another origin
    base = serve(site)
    seen = watch(page)
    page.goto(base + "01-licensing/choosing-a-license/")
    page.wait_for_load_state("load")
    other.shutdown()
    assert page.evaluate("document.documentElement.dataset.injected") is None
    assert _OtherHost.hits == [], "the image request reached the other host"
    assert any("pixel.gif" in v for v in seen["violations"]), seen["violations"]
    assert any("inline script" in v for v in seen["violations"]), seen["violations"]
    # The page's own hashed scripts still ran: Material's scope script sets __md_scope.
    assert page.evaluate("typeof __md_scope") == "object"


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_offline_copy_keeps_search_working_under_its_policy(lang, page, built_dist, tmp_path):
    with zipfile.ZipFile(built_dist / f"offline-{lang}.zip") as archive:
        archive.extractall(tmp_path)
    copy = tmp_path / f"open-source-mentorship-{lang}"
    folder = copy if lang == "en" else copy / lang
    lesson = folder / "01-licensing" / "choosing-a-license.html"
    inject(lesson, "https://192.0.2.1")
    seen = watch(page)
    page.route("http*://**", lambda route: route.abort())  # no network at all
    page.goto(lesson.as_uri())
    assert page.evaluate("document.documentElement.dataset.injected") is None
    assert any("inline script" in v for v in seen["violations"]), seen["violations"]
    page.keyboard.press("/")
    page.keyboard.type("GPL")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
    assert not page.evaluate("/native code/.test(String(window.Worker))"), "the stand-in replaced Worker"
    assert [v for v in seen["violations"] if "pixel.gif" not in v and "inline script" not in v] == []
    assert offline_bundle.SHIM.rsplit("/", 1)[1] in lesson.read_text(encoding="utf-8")
