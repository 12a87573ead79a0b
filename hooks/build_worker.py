"""One other process for a build, for work whose result the build needs later (imported by the hooks, not a hook).

The i18n plugin renders every page on one core. Work that needs only what a
page or a language has already produced (its search entries, its Content
Security Policy) goes to a second process, forked so that it has every module
already imported: MkDocs puts hooks/ on the import path only while it loads a
hook. Without fork (Windows) nothing is handed over and the hooks do the work
themselves; so too when ONE_PROCESS is set, as scripts/build does: it runs two
builds at once, one per core, and a third process would only add the cost of
sending the work.
"""

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

ONE_PROCESS = "OSM_BUILD_IN_ONE_PROCESS"
_pool: ProcessPoolExecutor | None = None


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and not os.environ.get(ONE_PROCESS)


def submit(function, *args) -> Future:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    return _pool.submit(function, *args)


def close() -> None:
    """Stop the process once the build has collected everything it handed over."""
    global _pool
    if _pool is not None:
        _pool.shutdown()
        _pool = None
