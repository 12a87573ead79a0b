"""`reviewed`: when a lesson was last checked against its sources, shown on the page and reported when stale."""

import copy
import dataclasses
import datetime

import pytest

from conftest import run_script
from curriculum import model, review_date, translation
from helpers import copy_fixture_site, load_real_curriculum


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        ("2025-12-02", "2026-12-02", 12),
        ("2025-12-03", "2026-12-02", 11),
        ("2026-01-31", "2026-02-28", 0),
        ("2026-11-30", "2026-12-01", 0),
    ],
)
def test_months_between(earlier, later, months):
    d = datetime.date.fromisoformat
    assert review_date.months_between(d(earlier), d(later)) == months


def test_every_english_lesson_has_a_review_date():
    # Age is reported by scripts/validate --stale, never failed on: a build must not break on the calendar.
    curriculum = load_real_curriculum()
    undated = [lesson.source.path for lesson in curriculum.lessons() if review_date.reviewed_date(lesson) is None]
    assert undated == []


def test_stale_lessons_are_listed_oldest_first(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    lesson = site / "docs" / "01-alpha" / "second-lesson.md"
    lesson.write_text(lesson.read_text().replace("reviewed: 2026-11-20", "reviewed: 2024-05-01"))
    curriculum = model.load(site / "docs", site, ["en", "es"], "en")
    stale = review_date.stale_lessons(curriculum, datetime.date(2027, 11, 20))
    assert [(s.path, s.reviewed, s.months) for s in stale] == [
        ("docs/01-alpha/second-lesson.md", "2024-05-01", 42),
        ("docs/01-alpha/first-lesson.md", "2026-11-20", 12),
        ("docs/02-beta/third-lesson.md", "2026-11-20", 12),
    ]
    assert review_date.stale_lessons(curriculum, datetime.date(2027, 11, 19))[1:] == []


def test_validate_stale_reports_without_failing(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    config = str(site / "mkdocs.yml")
    late = run_script("validate", "--config", config, "--stale", "--today", "2028-01-01", cwd=site)
    assert late.returncode == 0, late.stdout + late.stderr
    assert "docs/01-alpha/first-lesson.md: reviewed: last checked 2026-11-20, 13 months ago" in late.stdout
    assert "3 lesson(s) due for review" in late.stdout
    early = run_script("validate", "--config", config, "--stale", "--today", "2026-12-02", cwd=site)
    assert "0 lesson(s) due for review" in early.stdout


def test_a_new_review_date_leaves_translations_current():
    curriculum = load_real_curriculum()
    lesson = curriculum.lessons()[0]
    meta = copy.deepcopy(lesson.meta)
    meta["reviewed"] = "2031-01-01"
    moved = dataclasses.replace(lesson, source=dataclasses.replace(lesson.source, meta=meta))
    assert translation.fingerprint(moved) == translation.fingerprint(lesson)
    # The fingerprint still notices a real change, so the comparison above means something.
    meta["title"] = meta["title"] + " (changed)"
    assert translation.fingerprint(moved) != translation.fingerprint(lesson)


@pytest.mark.parametrize(
    ("lang", "month"),
    [("en", "December 2026"), ("es", "diciembre de 2026"), ("fr", "décembre 2026"), ("sw", "Desemba 2026")],
)
def test_paragraph_names_the_month_in_the_readers_language(lang, month):
    text = review_date.paragraph(datetime.date(2026, 12, 2), lang)
    assert f'<time datetime="2026-12-02">{month}</time>' in text
    assert f'lang="{lang}"' in text


def test_lesson_pages_show_their_review_date_in_every_language(built_site):
    english = (built_site / "01-licensing" / "choosing-a-license" / "index.html").read_text(encoding="utf-8")
    spanish = (built_site / "es" / "01-licensing" / "choosing-a-license" / "index.html").read_text(encoding="utf-8")
    reviewed = load_real_curriculum().by_src()["01-licensing/choosing-a-license.md"].meta["reviewed"]
    assert f'Checked against its sources in <time datetime="{reviewed}">' in english
    assert f'Contrastada con sus fuentes en <time datetime="{reviewed}">' in spanish
    # Module pages are not lessons: they carry no review date.
    module = (built_site / "01-licensing" / "index.html").read_text(encoding="utf-8")
    assert "osm-reviewed" not in module
