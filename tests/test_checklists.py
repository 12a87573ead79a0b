"""Collecting and grouping checklist items from lesson front-matter, and the pages made from them."""

import re

import pytest

from conftest import ROOT, run_script
from curriculum import checklist_pages, checklists, interface, item_numbers, languages, model, numbers
from curriculum.problems import ContentError
from helpers import FIXTURE_SITE


@pytest.fixture
def curriculum():
    return model.load(FIXTURE_SITE / "docs", FIXTURE_SITE, ["en", "es"], "en")


def test_items_come_in_module_lesson_and_written_order(curriculum):
    items = checklists.collect(curriculum, "en")
    assert [i.id for i in items] == ["first-item", "second-item", "third-item", "fourth-item"]
    assert [i.lesson_id for i in items] == ["first-lesson", "first-lesson", "second-lesson", "third-lesson"]
    assert items[0].section == "the-idea" and items[1].section is None


def test_order_follows_front_matter_not_file_names(curriculum):
    first, second = curriculum.modules[0].lessons
    first.meta["order"], second.meta["order"] = 2, 1
    curriculum.modules[0].lessons.sort(key=lambda e: e.meta["order"])
    assert [i.id for i in checklists.collect(curriculum, "en")][:3] == ["third-item", "first-item", "second-item"]


def test_translated_text_replaces_english_by_id(curriculum):
    items = {i.id: i for i in checklists.collect(curriculum, "es")}
    assert items["first-item"].text == "Hacer lo primero."
    assert items["first-item"].lesson_title == "Primera lección"
    # No Spanish second lesson: its item stays in English rather than disappearing.
    assert items["third-item"].text == "Do the third thing."


def test_duplicate_item_ids_are_refused(curriculum):
    curriculum.modules[1].lessons[0].meta["checklist"][0]["id"] = "first-item"
    with pytest.raises(ContentError) as error:
        checklists.collect(curriculum, "en")
    assert "first-item" in str(error.value) and "third-lesson.md" in str(error.value)


def test_module_without_lessons_has_no_items(curriculum):
    curriculum.modules[1].lessons.clear()
    grouped = checklists.by_module(checklists.collect(curriculum, "en"))
    assert set(grouped) == {1}
    quarters = checklists.by_quarter(checklists.collect(curriculum, "en"), checklists.modules(curriculum, "en"))
    assert [m.number for m in quarters[1]] == [1] and quarters[2] == []


def test_quarters_come_from_module_months(curriculum):
    assert [checklists.quarter_of(m) for m in (1, 3, 4, 6, 7, 10, 12)] == [1, 1, 2, 2, 3, 4, 4]
    quarters = checklists.by_quarter(checklists.collect(curriculum, "en"), checklists.modules(curriculum, "en"))
    assert [m.number for m in quarters[1]] == [1] and [m.number for m in quarters[2]] == [2]


def test_items_without_indicator_are_kept_apart(curriculum):
    counted, untied = checklists.by_indicator(checklists.collect(curriculum, "en"))
    assert [i.id for i in untied] == ["second-item"]
    assert [i.id for i in counted[2]] == ["first-item"] and [i.id for i in counted[3]] == ["first-item"]
    assert counted[1] == []


def test_every_page_lists_each_item_exactly_once(curriculum):
    items = checklists.collect(curriculum, "en")
    infos = checklists.modules(curriculum, "en")
    for markdown in (checklist_pages.programme_page(items, infos, "en"), checklist_pages.dpg_page(items, "en")):
        for item in items:
            assert markdown.count(f'data-checklist-item="{item.id}"') == 1, item.id


def test_module_page_groups_by_lesson_and_links_sections(curriculum):
    items = checklists.collect(curriculum, "en")
    info = checklists.modules(curriculum, "en")[0]
    markdown = checklist_pages.module_page(info, checklists.by_module(items)[1], "en")
    assert markdown.index("{#first-lesson}") < markdown.index("{#second-lesson}")
    # The lists are HTML, with links written as MkDocs writes them, for folder and for file URLs.
    assert '<a href="../first-lesson/#the-idea">' in markdown
    as_files = checklist_pages.module_page(info, checklists.by_module(items)[1], "en", directory_urls=False)
    assert '<a href="first-lesson.html#the-idea">' in as_files
    assert "DPG 2, 3" in markdown
    assert "fourth-item" not in markdown


def test_links_from_a_top_page_and_to_a_module_index():
    assert checklist_pages.href_between("checklist.md", "01-a/l.md", "s", True) == "../01-a/l/#s"
    assert checklist_pages.href_between("checklist.md", "01-a/l.md", None, False) == "01-a/l.html"
    assert checklist_pages.href_between("01-a/checklist.md", "01-a/index.md", None, True) == "../"


def test_item_text_is_escaped_and_keeps_only_code():
    item = checklists.Item("x", "Use <b> & `good first issue` *not* [a](b)", (), None, "l", "L", "01-a/l.md", 1, 1)
    line = checklist_pages.item_line(item, "01-a/checklist.md", "en")
    assert "Use &lt;b&gt; &amp; <code>good first issue</code> *not* [a](b)" in line


# ---------------------------------------------------------------------------------------------
# Item numbers for progress links (item_numbers.py, published-checklist-items.txt)

def test_an_item_without_a_number_is_named_with_its_line_and_the_fix(curriculum):
    problems = item_numbers.check(curriculum, ["first-item", "second-item", "fourth-item"])
    assert [(p.path.rsplit("/", 1)[1], p.field) for p in problems] == [("second-lesson.md", "checklist item number")]
    problem = problems[0]
    text = (FIXTURE_SITE / problem.path).read_text().splitlines()[problem.line - 1]
    assert "third-item" in text
    assert "scripts/lock-checklist-items" in problem.message


def test_numbers_only_grow_and_removed_items_keep_theirs(curriculum):
    locked = ["retired-item", "second-item"]
    grown = item_numbers.with_new_items(locked, curriculum)
    assert grown == ["retired-item", "second-item", "first-item", "third-item", "fourth-item"]
    assert item_numbers.check(curriculum, grown) == []
    assert item_numbers.with_new_items(grown, curriculum) == grown


def test_an_id_listed_twice_is_refused(curriculum, tmp_path):
    problems = item_numbers.check(curriculum, ["first-item", "second-item", "third-item", "fourth-item", "first-item"])
    assert len(problems) == 1 and "numbers 1 and 5" in problems[0].message
    lock = tmp_path / item_numbers.LOCK_NAME
    item_numbers.write(lock, ["first-item", "second-item", "third-item", "fourth-item", "first-item"])
    named = item_numbers.check(curriculum, item_numbers.read(lock), lock_path=lock)
    assert lock.read_text().splitlines()[named[0].line - 1] == "first-item" and named[0].line > 5


def test_the_lock_round_trips_and_ignores_comments(tmp_path):
    lock = tmp_path / item_numbers.LOCK_NAME
    item_numbers.write(lock, ["a-item", "b-item"])
    assert lock.read_text().startswith("# ")
    assert item_numbers.read(lock) == ["a-item", "b-item"]
    assert item_numbers.read(tmp_path / "absent.txt") == []


def test_every_item_of_the_real_curriculum_has_a_number():
    result = run_script("validate")
    assert "checklist item number" not in result.stdout, result.stdout
    locked = item_numbers.read(ROOT / item_numbers.LOCK_NAME)
    assert len(locked) == len(set(locked)) >= 145


def test_the_build_refuses_an_item_without_a_number(tmp_path):
    from helpers import copy_fixture_site

    site = copy_fixture_site(tmp_path / "fixture")
    lock = site / item_numbers.LOCK_NAME
    lock.write_text(lock.read_text().replace("third-item\n", ""))
    result = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode != 0
    assert "docs/01-alpha/second-lesson.md:" in result.stdout + result.stderr
    assert "run scripts/lock-checklist-items" in result.stdout + result.stderr


def test_pages_hand_the_script_every_message_it_says_and_no_others():
    script = (ROOT / "overrides" / "assets" / "javascripts" / "checklists.js").read_text(encoding="utf-8")
    said = {key for call in re.findall(r"\bsay\(([^)]*)\)", script) for key in re.findall(r'"([a-z_]+)"', call)}
    assert said == set(checklists.SCRIPT_STRINGS)
    _, codes = languages.languages(languages.i18n_settings(languages.read_mkdocs_yml(ROOT / "mkdocs.yml")["plugins"]))
    for lang in codes:
        table = interface.table_for(lang, "checklist.")
        handed = checklists.script_strings(table, numbers.system(lang))
        assert set(handed) == set(checklists.SCRIPT_STRINGS) | {"numbering"}
        assert all(handed[key] for key in checklists.SCRIPT_STRINGS), lang
