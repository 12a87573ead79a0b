"""The reviewer's checks (scripts/review-translations): each catches its case, and the site passes them all."""

import pytest

from conftest import run_script
from curriculum import model, termbase, translation_review
from curriculum.frontmatter import read_source

TERMS = termbase.parse(
    {
        "pull-request": {"en": "Pull request", "es": {"term": "solicitud de cambios", "forms": ["solicitudes"]}},
        "cla": {"en": "CLA (Contributor License Agreement)", "fr": {"term": "CLA", "note": "kept"}},
        "continuous-integration": {"en": "Continuous integration (CI)", "sw": "ujumuishaji endelevu"},
        "commit": {"en": "Commit", "sw": {"term": "commit", "note": "kept"}, "es": "confirmación"},
    }
)

ENGLISH = """---
title: Choosing a license
description: How to choose.
---

Every project needs a license, and this lesson shows you how to choose one.

## Why it matters {#why-it-matters}

Open a [pull request](../glossary.md#pull-request) for each change.

## MIT {#mit}

Short and permissive.
"""


def entry(text: str, lang: str, path: str = "docs/01-x/lesson.md"):
    source = read_source(path, text.encode("utf-8"))
    return model.Entry("01-x/lesson.md", "lesson", lang, "01-x/lesson.md", source, "01-x")


def messages(problems):
    return [f"{p.line}:{p.field}" for p in problems]


def test_an_english_heading_is_caught_but_a_license_name_is_not():
    translated = ENGLISH.replace("How to choose.", "Cómo elegir.")
    problems = translation_review.english_headings(entry(translated, "es"), entry(ENGLISH, "en"), TERMS, "es")
    assert messages(problems) == ["8:heading"], problems  # "Why it matters"; "MIT" is a name
    assert "{#why-it-matters}" in problems[0].message


def test_a_kept_term_may_stay_english_in_a_heading():
    english = "---\ntitle: T\n---\n\n## Commit {#commit}\n\nText.\n"
    assert translation_review.english_headings(entry(english, "sw"), entry(english, "en"), TERMS, "sw") == []
    problems = translation_review.english_headings(entry(english, "es"), entry(english, "en"), TERMS, "es")
    assert messages(problems) == ["5:heading"]


def test_a_glossary_link_must_use_the_agreed_term():
    wrong = "---\ntitle: T\n---\n\nAbre una [petición de cambio](../glossary.md#pull-request) aquí.\n"
    problems = translation_review.glossary_terms(entry(wrong, "es"), TERMS, "es")
    assert messages(problems) == ["5:term"] and "«solicitud de cambios»" in problems[0].message
    for good in ("solicitudes de cambios", "pull request", "solicitud de cambios"):
        text = wrong.replace("petición de cambio", good)
        assert translation_review.glossary_terms(entry(text, "es"), TERMS, "es") == [], good


def test_an_abbreviation_in_the_english_term_counts():
    text = "---\ntitle: T\n---\n\nTumia [CI](../glossary.md#continuous-integration).\n"
    assert translation_review.glossary_terms(entry(text, "sw"), TERMS, "sw") == []


def test_persian_title_starting_with_latin_and_bare_url_are_caught():
    text = (
        "---\ntitle: GitHub و GitLab\ndescription: مجوزهای MIT و BSD.\n---\n\n"
        "نشانی http://127.0.0.1:8000/ را باز کنید.\n"
        "نشانی `http://127.0.0.1:8000/` را باز کنید.\n"
        "استاندارد ISO/IEC 5962:2021 است.\n"
    )
    problems = translation_review.persian_direction(entry(text, "fa"))
    assert messages(problems) == ["2:title", "6:bidi"], problems


def test_persian_interface_string_starting_with_latin_is_caught():
    # Quotation marks are neutral: «GitHub» still starts the line left to right.
    strings = [("a", 3, "GitHub را باز کنید"), ("b", 4, "{count} کار کپی شد"), ("c", 5, "«GitHub» را باز کنید")]
    problems = translation_review.persian_interface(strings, "i18n/interface.yml")
    assert messages(problems) == ["3:a", "5:c"]


def test_french_spacing_is_checked_outside_code_and_links():
    text = (
        "---\ntitle: T\n---\n\n"
        "Bonne ligne\u00a0: rien à dire, voir [ceci](https://example.org/a:b?c) et `a: b`.\n"
        "Mauvaise ligne : espace ordinaire.\n"
        "Collé: pas d'espace.\n"
        "Il est 10:30, « citation » fautive.\n"
    )
    problems = translation_review.french_spacing(entry(text, "fr"))
    assert messages(problems) == ["6:typography", "7:typography", "8:typography", "8:typography"], problems


def test_english_left_in_a_translation_is_caught():
    copied = ENGLISH.replace("Short and permissive.", "Courte et permissive.")
    problems = translation_review.english_left(entry(copied, "fr"), entry(ENGLISH, "en"), "fr", latin_script=True)
    assert messages(problems) == ["6:untranslated", "10:untranslated"]
    mixed = "---\ntitle: T\n---\n\nاین بخش: you will need to open the settings of the repository first.\n"
    problems = translation_review.english_left(entry(mixed, "fa"), entry(ENGLISH, "en"), "fa", latin_script=False)
    assert messages(problems) == ["5:untranslated"]
    setting = "---\ntitle: T\n---\n\nتنظیم «Require contributors to sign off on web-based commits» را روشن کنید.\n"
    assert translation_review.english_left(entry(setting, "fa"), entry(ENGLISH, "en"), "fa", latin_script=False) == []


def test_the_termbase_covers_every_glossary_term_in_every_language():
    from helpers import load_real_curriculum

    glossary = next(e for e in load_real_curriculum().sources() if e.src == "glossary.md")
    anchors = [h.anchor for h in glossary.source.headings() if h.anchor and h.level == 3]
    terms = termbase.load()
    assert list(terms) == anchors, "i18n/terms.yml must list every glossary term, in the glossary's order"
    missing = [(a, lang) for a in anchors for lang in ("es", "fr", "fa", "hi", "ne", "sw") if lang not in terms[a].renderings]
    assert missing == [], missing


@pytest.mark.parametrize("lang", ["es", "fr", "fa", "hi", "ne", "sw"])
def test_every_language_has_its_glossary(lang):
    from helpers import ROOT

    assert (ROOT / "docs" / f"glossary.{lang}.md").exists()


def test_the_whole_site_passes_the_review():
    result = run_script("review-translations")
    assert result.returncode == 0, result.stdout + result.stderr
