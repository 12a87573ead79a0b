"""MkDocs adapter: the Content Security Policy goes into every page once it is final.

The i18n plugin builds one language after another (inside its on_post_build, at
priority -100). Once a language's build has written its pages, another process adds
their policy while the next language builds, on a core that would otherwise sit
idle. At the end (-300) the outer build waits for it and covers every other page:
redirects, and the 404 page, which each language's build writes again.
`mkdocs serve` is left without it: the live-reload script it injects has no hash.
"""

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from build_context import building_one_language
from curriculum.content_policy import add_policy_to_files

_serving = False
_workers: ProcessPoolExecutor | None = None
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
    global _workers
    # A forked process has the curriculum package already imported: MkDocs puts hooks/ on the
    # import path only while it loads a hook. Without fork (Windows), _finish() does every page.
    if _serving or not _written or "fork" not in multiprocessing.get_all_start_methods():
        return
    if _workers is None:
        _workers = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    _handed_over.append(_workers.submit(add_policy_to_files, list(_written)))
    _written.clear()


@event_priority(-300)  # after every language is built
def _finish(config):
    global _workers
    if _serving or building_one_language(config):
        return
    try:
        for job in _handed_over:
            job.result()
    finally:
        _handed_over.clear()
        _written.clear()
        if _workers is not None:
            _workers.shutdown()
            _workers = None
    # A page that has its policy is only read.
    add_policy_to_files([str(p) for p in Path(config.site_dir).rglob("*.html")])


on_post_build = CombinedEvent(_hand_over, _finish)
