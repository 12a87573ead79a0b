"""MkDocs adapter: the Content Security Policy goes into every page once it is final.

The i18n plugin builds one language after another (inside its on_post_build, at
priority -100). Once a language's build has written its pages, the build's other
process (build_worker.py) adds their policy while the next language builds. At the end
(-300) the outer build waits for it and covers every other page: redirects, and
the 404 page, which each language's build renders.
`mkdocs serve` is left without it: the live-reload script it injects has no hash.
"""

from concurrent.futures import Future
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

import build_worker
from build_context import building_one_language
from curriculum.content_policy import add_policy_to_files

_serving = False
_written: list[str] = []  # this language's pages, as MkDocs writes them
_handed_over: list[Future] = []


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_post_page(output, page, config):
    if not _serving:
        _written.append(page.file.abs_dest_path)
    return output


@event_priority(-50)  # after this language's own post_build work, before the next language is built
def _hand_over(config):
    if _serving or not _written or not build_worker.available():
        return
    _handed_over.append(build_worker.submit(add_policy_to_files, list(_written)))
    _written.clear()


@event_priority(-300)  # after every language is built
def _finish(config):
    if _serving or building_one_language(config):
        return
    try:
        for job in _handed_over:
            job.result()
    finally:
        _handed_over.clear()
        _written.clear()
        build_worker.close()  # the last use of it in a build
    # A page that has its policy is only read.
    add_policy_to_files([str(p) for p in Path(config.site_dir).rglob("*.html")])


on_post_build = CombinedEvent(_hand_over, _finish)
