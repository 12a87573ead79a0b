"""Fixtures shared by the tests: paths, a built copy of the real site, a local server, a browser."""

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_script(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args],
        cwd=cwd, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real docs/, built strictly once per test run into a temporary folder.

    Into a folder inside one that does not exist yet: scripts/build must make it."""
    site = tmp_path_factory.mktemp("real") / "not-yet" / "site"
    result = run_script("build", "--site-dir", str(site), "--dist-dir", str(site.parent / "dist"))
    assert result.returncode == 0, f"the real site does not build:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_dist(built_site) -> Path:
    """The offline zips (dist/offline-<lang>.zip) made by the same build as built_site."""
    return built_site.parent / "dist"


@pytest.fixture(scope="session")
def fixture_built(tmp_path_factory) -> Path:
    """The small fixture site (tests/fixtures/site, English and Spanish), built once per test run."""
    from helpers import copy_fixture_site

    site = copy_fixture_site(tmp_path_factory.mktemp("fixture") / "fixture")
    result = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode == 0, f"the fixture site does not build:\n{result.stdout}\n{result.stderr}"
    return site / "site"


@pytest.fixture
def page(browser):
    """A page in a fresh browser profile (empty cache and storage)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> base URL of a local HTTP server for that folder."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (Debian's chromium, or $CHROMIUM), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"no Chromium at {executable}: run `make test` as root, or set CHROMIUM (see README)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            # Without these, Chromium phones home at start-up; on a closed network that is noise.
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic"],
        )
        yield browser
        browser.close()


# The hosted site behind a server that can be stopped (offline) and started again: the service
# worker tests (test_offline_browser.py, test_hostile_browser.py). It forbids HTTP caching, so
# what loads offline came from the worker's caches and nowhere else.


class _NoStoreHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


class Server:
    def __init__(self, folder: Path):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.server = None

    def start(self):
        handler = functools.partial(_NoStoreHandler, directory=str(self.folder))
        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@pytest.fixture
def hosted(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("download"))
    server = Server(copy)
    server.start()
    yield server
    server.stop()
