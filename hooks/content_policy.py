"""MkDocs adapter: the Content Security Policy goes into every page once all pages are written.

Runs once, in the outer build, after the i18n plugin has built every other
language (inside its own on_post_build, at priority -100), so the pages it
hashes are final. `mkdocs serve` is left without it: the live-reload script
it injects has no hash.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from build_context import building_one_language
from curriculum.content_policy import add_policy

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(-300)
def on_post_build(config):
    if _serving or building_one_language(config):
        return
    for page in Path(config.site_dir).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        with_policy = add_policy(html)
        if with_policy != html:
            page.write_text(with_policy, encoding="utf-8")
