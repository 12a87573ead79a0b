"""MkDocs adapter: the Content Security Policy goes into every page once all pages are written.

Last in the hook list, so that the pages it hashes are final. `mkdocs serve`
is left without it: the live-reload script it injects has no hash.
"""

from pathlib import Path

from curriculum.content_policy import add_policy

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_post_build(config):
    if _serving:
        return
    for page in Path(config.site_dir).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        with_policy = add_policy(html)
        if with_policy != html:
            page.write_text(with_policy, encoding="utf-8")
