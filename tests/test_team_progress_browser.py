"""Progress links in a real headless Chromium: a team shares its ticks, a mentor keeps teams apart.

Each team and the mentor have their own browser context: separate storage, as
separate devices or browser profiles would have.
"""

import base64
import csv
import datetime
import io
import json
from urllib.parse import quote

import pytest

LESSON = "01-alpha/first-lesson/"
STORE = "osm-mentor-teams-v1"
OWN_TICKS = "osm-checklist-v1"


@pytest.fixture
def base(fixture_built, serve):
    return serve(fixture_built)


@pytest.fixture
def contexts(browser):
    """new() -> a fresh browser context; every page error in any of them fails the test."""
    made, errors = [], []

    def new():
        context = browser.new_context(accept_downloads=True)
        context.on("weberror", lambda e: errors.append(str(e.error)))
        made.append(context)
        return context

    yield new
    for context in made:
        context.close()
    assert errors == [], errors


# An independent writer of the link format (team-progress.js is the other), to forge links.
def checksum(text: str) -> str:
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | data[i + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while value:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
    return out.rjust(7, "0")[-7:]


def forged(name: str, numbers: list[int], date: str = None, version: int = 1) -> str:
    date = date or datetime.date.today().strftime("%Y%m%d")
    bits = bytearray()
    for n in numbers:
        while len(bits) <= (n - 1) // 8:
            bits.append(0)
        bits[(n - 1) // 8] |= 1 << ((n - 1) % 8)
    ticks = base64.urlsafe_b64encode(bytes(bits)).decode().rstrip("=")
    body = f"{version}.{date}.{ticks}"
    return f"team={body}.{checksum(body + '.' + name)}.{quote(name, safe='')}"


def share(context, base, name, ticks, page_path="checklist/"):
    """The team's side: tick items on the checklist page, name the team, make the link."""
    page = context.new_page()
    page.goto(base + page_path)
    for item in ticks:
        page.locator(f'input[data-checklist-item="{item}"]').first.check()
    page.fill("[data-team-name]", name)
    page.locator('[data-team-action="share"]').click()
    link = page.locator("[data-team-link]").input_value()
    page.close()
    return link


def shown_items(page) -> set:
    return {box.get_attribute("data-team-item") for box in page.locator("input[data-team-item]:checked").all()}


def stored(page, key) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem({key!r}) || 'null'") or "null") or {}


def test_a_mentor_sees_exactly_the_teams_ticks_read_only_and_keeps_their_own(contexts, base):
    team = contexts()
    team.new_page().goto(base + LESSON)  # a tick made on a lesson travels too
    lesson = team.pages[0]
    lesson.locator('input[data-checklist-item="first-item"]').check()
    link = share(team, base, "Mama Hatua", ["fourth-item"])
    assert "#team=1." in link and link.startswith(base + "teams/")
    assert len(link.split("#", 1)[1]) < 60, link

    mentor = contexts()
    own = mentor.new_page()
    own.goto(base + "checklist/")
    own.locator('input[data-checklist-item="second-item"]').check()
    own_before = stored(own, OWN_TICKS)

    view = mentor.new_page()
    view.goto(link)
    assert shown_items(view) == {"first-item", "fourth-item"}
    title = view.locator("[data-team-detail] h2").inner_text()
    assert "Mama Hatua" in title and str(datetime.date.today().year) in title
    assert view.locator("input[data-team-item]").first.is_disabled()
    assert view.locator("input[data-checklist-item]").count() == 0  # never the reader's own boxes
    assert "read-only" in view.locator(".osm-team-readonly").inner_text()
    table = view.locator("[data-team-table] table")
    assert "Mama Hatua" in table.inner_text()
    assert table.locator("tbody tr").first.inner_text().endswith("2 of 4")

    own.reload()
    assert stored(own, OWN_TICKS) == own_before
    assert own.locator('input[data-checklist-item="second-item"]').is_checked()
    assert not own.locator('input[data-checklist-item="first-item"]').is_checked()
    assert not own.locator('input[data-checklist-item="fourth-item"]').is_checked()


def test_a_second_team_is_kept_beside_the_first_and_removing_one_keeps_the_other(contexts, base):
    first = share(contexts(), base, "Mama Hatua", ["first-item"])
    second = share(contexts(), base, "Pathshala Sathi", ["second-item", "third-item"])
    view = contexts().new_page()
    view.goto(first)
    view.goto(second)
    assert shown_items(view) == {"second-item", "third-item"}
    view.reload()  # the link has left the address: the page opens with the kept teams only
    assert view.locator("[data-team-detail]").is_hidden()
    header = view.locator("[data-team-table] thead").inner_text()
    assert "Mama Hatua" in header and "Pathshala Sathi" in header
    view.get_by_role("button", name="Show tasks: Mama Hatua").click()
    assert shown_items(view) == {"first-item"}
    view.get_by_role("button", name="Remove: Pathshala Sathi").click()
    assert "Pathshala Sathi was removed" in view.locator("[data-team-status]").inner_text()
    view.reload()
    header = view.locator("[data-team-table] thead").inner_text()
    assert "Mama Hatua" in header and "Pathshala Sathi" not in header
    assert [t["code"].rsplit(".", 1)[1] for t in stored(view, STORE)["teams"]] == ["Mama%20Hatua"]


def test_a_newer_link_of_a_team_replaces_its_older_one_and_an_older_one_is_not_kept(contexts, base):
    today = datetime.date.today()
    older = forged("Mama Hatua", [1], (today - datetime.timedelta(days=30)).strftime("%Y%m%d"))
    newer = forged("Mama Hatua", [1, 2], today.strftime("%Y%m%d"))
    view = contexts().new_page()
    view.goto(base + "teams/#" + newer)
    view.goto(base + "teams/#" + older)
    assert "already kept" in view.locator("[data-team-status]").inner_text()
    assert shown_items(view) == {"first-item"}  # shown, as sent
    view.goto(base + "teams/")
    view.reload()
    assert len(stored(view, STORE)["teams"]) == 1
    assert view.locator("[data-team-table] tbody tr").first.inner_text().endswith("2 of 4")


def test_a_link_made_before_an_item_was_added_still_opens_correctly(contexts, base):
    """The team's copy of the site knew three items; the mentor's knows four."""
    team = contexts()

    def older_site(route):
        response = route.fetch()
        page = response.text().replace(', "fourth-item"]', "]")
        route.fulfill(response=response, body=page)

    team.route("**/checklist/", older_site)
    link = share(team, base, "Ahorro Barrio", ["first-item", "third-item"])
    view = contexts().new_page()
    view.goto(link)
    assert shown_items(view) == {"first-item", "third-item"}
    assert view.locator("[data-team-table] tbody tr").first.inner_text().endswith("2 of 4")


def test_a_link_from_a_newer_version_is_refused_and_changes_nothing(contexts, base):
    view = contexts().new_page()
    view.goto(base + "teams/#" + forged("Mama Hatua", [1]))
    before = stored(view, STORE)
    for code in (forged("Ahorro Barrio", [1, 9]), forged("Ahorro Barrio", [1], version=2)):
        view.goto(base + "teams/#" + code)
        assert "newer version" in view.locator("[data-team-status]").inner_text()
        assert stored(view, STORE) == before


HOSTILE = {
    "wrong encoding": lambda: forged("Team", [1]).rsplit(".", 1)[0] + ".%E0%A4%",
    "html in the name": lambda: forged('<img src=x onerror="document.title=1">', [1]),
    "script in the name": lambda: forged("<script>alert(1)</script>", [1]),
    "cut short in a chat": lambda: forged("Mama Hatua", [1, 2, 3])[:-3],
    "ticks changed by hand": lambda: forged("Mama Hatua", [1]).replace(".AQ.", ".Dw."),
    "not base64": lambda: forged("Mama Hatua", [1]).replace(".AQ.", ".A.", 1),
    "a date that does not exist": lambda: forged("Mama Hatua", [1], "20261345"),
    "a date in the future": lambda: forged("Mama Hatua", [1], "20990101"),
    "a name too long": lambda: forged("x" * 61, [1]),
    "a control character": lambda: forged("Team\u0007", [1]),
    "1 MB": lambda: "team=1." + "A" * 1_000_000,
}


@pytest.mark.parametrize("case", HOSTILE)
def test_damaged_and_hostile_links_are_refused_with_a_message(contexts, base, case):
    view = contexts().new_page()
    view.goto(base + "teams/#" + forged("Mama Hatua", [1]))
    before = stored(view, STORE)
    view.goto(base + "teams/")
    view.evaluate("code => { location.hash = code; }", HOSTILE[case]())
    status = view.locator("[data-team-status]")
    view.wait_for_function("() => document.querySelector('[data-team-status]').textContent.includes('Nothing was changed')")
    assert "Nothing was changed" in status.inner_text()
    assert stored(view, STORE) == before
    assert view.title() != "1" and view.locator("[data-teams] img").count() == 0
    assert view.locator("[data-team-detail]").is_hidden()


def test_pasting_a_link_or_a_bare_code_opens_it(contexts, base):
    view = contexts().new_page()
    view.goto(base + "teams/")
    assert view.locator("[data-team-none]").is_visible()
    view.fill("[data-team-paste-input]", "  " + forged("Consultorio Abierto", [2, 4]) + " ")
    view.get_by_role("button", name="Open").click()
    assert shown_items(view) == {"second-item", "fourth-item"}
    assert view.locator("[data-team-none]").is_hidden()


def test_the_table_exports_as_csv_safe_for_spreadsheets(contexts, base):
    view = contexts().new_page()
    view.goto(base + "teams/#" + forged("=HYPERLINK(1)", [1, 4]))
    with view.expect_download() as download:
        view.get_by_role("button", name="Export the table (CSV)").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Team", "Shared on", "Part of the curriculum", "Done", "Total"]
    assert rows[1][0] == "'=HYPERLINK(1)" and rows[1][2:] == ["All modules", "2", "4"]
    assert ["Module 2: Beta module", "1", "1"] in [r[2:] for r in rows]


def test_a_team_name_is_asked_for_and_remembered(contexts, base):
    context = contexts()
    page = context.new_page()
    page.goto(base + "checklist/")
    page.get_by_role("button", name="Make the link").click()
    assert "name first" in page.locator("[data-team-status]").first.inner_text()
    page.fill("[data-team-name]", "<b>")
    page.get_by_role("button", name="Make the link").click()
    assert "without the signs" in page.locator("[data-team-status]").first.inner_text()
    page.fill("[data-team-name]", "Vayu Rekha")
    page.get_by_role("button", name="Make the link").click()
    page.goto(base + "01-alpha/checklist/")
    assert page.locator("[data-team-name]").input_value() == "Vayu Rekha"


def test_in_spanish_the_link_opens_the_spanish_page(contexts, base):
    link = share(contexts(), base, "Consultorio Abierto", ["first-item"], "es/checklist/")
    assert link.startswith(base + "es/teams/#team=")
    view = contexts().new_page()
    view.goto(link)
    assert view.locator("html").get_attribute("lang") == "es"
    assert shown_items(view) == {"first-item"}


def test_without_javascript_the_page_says_what_to_do(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "teams/")
    assert page.locator("[data-team-noscript]").is_visible()
    assert page.locator("[data-teams]").is_hidden()
    page.goto(base + "checklist/")
    assert page.locator("[data-team-share]").is_hidden()
    context.close()


# ---------------------------------------------------------------------------------------------
# The real site: the reader's digits, and an offline copy opened from the file system.

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def test_a_persian_mentor_reads_counts_and_dates_in_persian_digits(contexts, built_site, serve):
    base = serve(built_site)
    team = contexts().new_page()
    team.goto(base + "fa/01-licensing/checklist/")
    boxes = team.locator("input[data-checklist-item]")
    for index in range(3):
        boxes.nth(index).check()
    team.fill("[data-team-name]", "پاتشالا ساتی")
    team.locator('[data-team-action="share"]').click()
    status = team.locator("[data-team-status]").inner_text()
    assert "۳" in status and "3" not in status, status
    link = team.locator("[data-team-link]").input_value()
    assert link.startswith(base + "fa/teams/#team=1.")
    assert len(link.split("#", 1)[1]) < 100 + 60 * 9  # the name, percent-encoded, is the long part

    view = contexts().new_page()
    view.goto(link)
    assert len(shown_items(view)) == 3
    title = view.locator("[data-team-detail] h2").inner_text()
    assert "پاتشالا ساتی" in title and not set("0123456789") & set(title), title
    # Gregorian, as the Persian style sheet asks: programme deadlines are Gregorian dates.
    year = "".join(PERSIAN_DIGITS[int(d)] for d in str(datetime.date.today().year))
    assert year in title, title
    table = view.locator("[data-team-table] tbody").inner_text()
    assert "۳" in table and not set("0123456789") & set(table), table


def test_the_whole_curriculum_ticked_fits_in_a_chat_message(contexts, built_site, serve):
    base = serve(built_site)
    page = contexts().new_page()
    page.goto(base + "checklist/")
    ids = page.locator("input[data-checklist-item]").evaluate_all("boxes => boxes.map(b => b.dataset.checklistItem)")
    page.evaluate(
        "ids => localStorage.setItem('osm-checklist-v1', JSON.stringify({version: 1, done: Object.fromEntries(ids.map(id => [id, new Date().toISOString()]))}))",
        ids,
    )
    page.reload()
    page.fill("[data-team-name]", "Consultorio Abierto")
    page.get_by_role("button", name="Make the link").click()
    code = page.locator("[data-team-link]").input_value().split("#", 1)[1]
    progress = code.rsplit(".", 1)[0]
    assert len(progress) < 100, progress  # as the mentor guide says
    view = contexts().new_page()
    view.goto(base + "teams/#" + code)
    assert len(shown_items(view)) == len(set(ids)) >= 145


def test_an_offline_copy_gives_a_code_that_a_mentor_pastes_offline(browser, built_dist, tmp_path):
    import zipfile

    with zipfile.ZipFile(built_dist / "offline-en.zip") as archive:
        archive.extractall(tmp_path)
    copy = tmp_path / "open-source-mentorship-en"
    team = browser.new_context()
    page = team.new_page()
    page.goto((copy / "01-licensing" / "checklist.html").as_uri())
    page.locator("input[data-checklist-item]").first.check()
    page.fill("[data-team-name]", "Mama Hatua")
    page.get_by_role("button", name="Make the link").click()
    code = page.locator("[data-team-link]").input_value()
    assert code.startswith("team=1.")
    assert "offline copy" in page.locator("[data-team-status]").inner_text()
    assert page.locator("[data-team-link-label]").inner_text() == "Progress code for your mentor"
    team.close()

    mentor = browser.new_context()
    requests = []
    mentor.on("request", lambda r: requests.append(r.url))
    view = mentor.new_page()
    view.goto((copy / "teams.html").as_uri())
    view.fill("[data-team-paste-input]", code)
    view.get_by_role("button", name="Open").click()
    assert len(shown_items(view)) == 1
    assert "Mama Hatua" in view.locator("[data-team-detail] h2").inner_text()
    assert all(url.startswith("file:") for url in requests), requests
    mentor.close()


def test_the_share_form_and_the_teams_page_have_no_serious_accessibility_violations(contexts, base):
    from axe_playwright_python.sync_playwright import Axe

    context = contexts()
    link = share(context, base, "Mama Hatua", ["first-item"])
    page = context.new_page()
    page.goto(base + "checklist/")
    page.get_by_role("button", name="Make the link").click()
    view = context.new_page()
    view.goto(link)
    for shown in (page, view):
        violations = Axe().run(shown).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == [], shown.url
