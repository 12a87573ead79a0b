"""The browser side of hostile input: imported progress files, and storage that is full.

A progress file comes from anywhere (a chat, a USB stick); storage fills up on
cheap phones. Neither may break the page, write HTML into it, or lose what was
saved before, and each gets a message in the reader's language.
"""

import json

import pytest

from helpers import saved_version

MODULE_CHECKLIST = "01-alpha/checklist/"
KEY = "osm-checklist-v1"
FORMAT = "open-source-mentorship-progress"
WHEN = "2026-11-30T10:00:00.000Z"


@pytest.fixture
def checklist(browser, fixture_built, serve):
    """The fixture's module checklist with "first-item" ticked, and the page errors seen."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(serve(fixture_built) + MODULE_CHECKLIST)
    page.locator('input[data-checklist-item="first-item"]').check()
    yield page, errors
    context.close()


def import_file(page, path):
    page.evaluate("document.querySelectorAll('[data-checklist-status]').forEach(n => n.textContent = '')")
    page.locator("[data-checklist-import]").first.set_input_files(str(path))
    page.wait_for_function("document.querySelector('[data-checklist-status]').textContent.length > 0")
    return page.locator("[data-checklist-status]").first.inner_text()


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["done"]


HOSTILE_FILES = {
    "huge": ('{"format": "' + FORMAT + '", "done": {' + ", ".join(f'"x{i}": "{WHEN}"' for i in range(20000)) + "}}",
             "too large"),
    "deeply-nested": ("[" * 100_000 + "]" * 100_000, "not a progress file"),
    "done-is-a-list": (json.dumps({"format": FORMAT, "done": ["first-item", "second-item"]}), "not a progress file"),
    "no-format": (json.dumps({"done": {"second-item": WHEN}}), "not a progress file"),
    "not-json": ("<html><script>alert(1)</script></html>", "not a progress file"),
}


@pytest.mark.parametrize("case", HOSTILE_FILES, ids=list(HOSTILE_FILES))
def test_a_hostile_progress_file_is_refused_and_changes_nothing(case, checklist, tmp_path):
    page, errors = checklist
    text, expected = HOSTILE_FILES[case]
    path = tmp_path / "progress.json"
    path.write_text(text)
    before = stored(page)
    assert expected in import_file(page, path)
    assert stored(page) == before
    assert page.locator('input[data-checklist-item="first-item"]').is_checked()
    assert errors == []


def test_html_in_ids_and_values_is_left_out_and_never_written_into_the_page(checklist, tmp_path):
    page, errors = checklist
    done = {
        "second-item": WHEN,
        '<img src=x onerror="document.title=1">': WHEN,
        "third-item": '<img src=x onerror="document.title=1">',
        "BAD ID": WHEN,
        "x" * 300: WHEN,
    }
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "done": done}))
    message = import_file(page, path)
    assert message == "Imported 1 ticked tasks. 4 entries in the file were not valid and were left out."
    assert sorted(stored(page)) == ["first-item", "second-item"]
    assert page.locator("img[src=x]").count() == 0 and page.title() != "1"
    assert errors == []


def test_a_tick_when_storage_is_full_says_so_and_keeps_the_saved_copy(checklist):
    page, errors = checklist
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    # Fill this origin's storage with other data until the browser refuses more.
    page.evaluate(
        """() => {
            let n = 0;
            for (let size = 1 << 18; size >= 1; size >>= 2) {
                const block = "x".repeat(size);
                try { for (;;) localStorage.setItem("filler-" + n++, block); } catch (e) { /* next, smaller */ }
            }
            return n;
        }"""
    )
    page.locator('input[data-checklist-item="second-item"]').check()
    message = page.locator("[data-checklist-status]").first.inner_text()
    assert message.startswith("This browser's storage for the site is full"), message
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before, "the saved copy is as it was"
    assert page.locator('input[data-checklist-item="second-item"]').is_checked(), "the tick lasts for this page"
    assert errors == []


def saved_pages(page, module):
    """Every page of this module in any saved copy (each copy is a cache of its own, see sw.js)."""
    return page.evaluate(
        """async module => {
            const urls = [];
            for (const name of await caches.keys()) {
                if (!name.startsWith("osm-module-")) continue;
                const keys = await (await caches.open(name)).keys();
                urls.push(...keys.map(k => k.url).filter(u => u.includes("/" + module + "/")));
            }
            return urls;
        }""",
        module,
    )


def test_saving_a_module_on_a_full_device_says_so_and_keeps_what_was_saved(browser, hosted):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hosted.url + "es/01-licensing/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    first = page.locator('[data-offline-module="01-licensing"]')
    first.locator('[data-offline-action="save"]').click()
    first.locator('[data-offline-action="remove"]').wait_for(state="visible", timeout=30_000)
    version = saved_version(page, "es", "01-licensing")
    pages_before = sorted(saved_pages(page, "01-licensing"))
    assert version and pages_before

    # Now the device has almost no space left for the site.
    usage = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": hosted.url.rstrip("/"), "quotaSize": usage + 1024})

    page.goto(hosted.url + "es/02-launching/")
    second = page.locator('[data-offline-module="02-launching"]')
    second.locator('[data-offline-action="save"]').click()
    status = second.locator("[data-offline-status]")
    page.wait_for_function(
        "el => el.textContent.startsWith('El guardado se detuvo porque este dispositivo')", arg=status.element_handle()
    )
    assert second.locator('[data-offline-action="save"]').is_visible()
    assert saved_version(page, "es", "02-launching") is None
    assert saved_pages(page, "02-launching") == [], "nothing half-saved is kept"

    # Saving the first module again (as after a release) fails too, and puts the old copy back.
    answer = page.evaluate(
        """() => navigator.serviceWorker.ready.then(r => new Promise(resolve => {
            const channel = new MessageChannel();
            channel.port1.onmessage = e => { if (e.data.type !== "progress") resolve(e.data); };
            r.active.postMessage({type: "save", lang: "es", module: "01-licensing", title: "x"}, [channel.port2]);
        }))"""
    )
    assert answer["type"] == "error" and answer["name"] == "QuotaExceededError", answer
    assert saved_version(page, "es", "01-licensing") == version
    assert sorted(saved_pages(page, "01-licensing")) == pages_before
    hosted.stop()
    page.goto(hosted.url + "es/01-licensing/permissive-and-copyleft/")
    assert page.locator("h1").first.inner_text().startswith("Licencias permisivas")
    context.close()
