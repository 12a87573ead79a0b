"""The curriculum's own standard, checked on every lesson: shape, length, style and links."""

import re

import pytest

from helpers import load_real_curriculum

CURRICULUM = load_real_curriculum()
LESSONS = CURRICULUM.lessons()
REQUIRED_SECTIONS = ["why-it-matters", "worked-example", "try-it", "mentor-notes", "further-reading"]
# A sentence end followed by the start of another sentence on the same line.
TWO_SENTENCES = re.compile(r"[a-z0-9\)\]\*`][.!?][\"'”)]?\s+[\"'“(]?[A-Z][a-z]")
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|Dr|Mr|Ms|Mrs|St|No|U\.S|U\.N|Inc|Ltd|approx|cf)\.\s", re.I)


def body_words(lesson) -> int:
    return len(lesson.source.body.split())


def prose_lines(lesson):
    """Lines of prose, with code blocks, tables, headings and link-only lines left out."""
    in_code = False
    for offset, line in enumerate(lesson.source.body.split("\n")):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code or not stripped or stripped.startswith(("|", "#", "<")):
            continue
        yield lesson.source.body_line + offset, stripped


@pytest.fixture(params=LESSONS, ids=[lesson.meta["id"] for lesson in LESSONS])
def lesson(request):
    return request.param


def test_each_module_has_enough_lessons():
    counts = {m.number: len(m.lessons) for m in CURRICULUM.modules}
    assert counts[1] >= 5 and all(counts[n] >= 4 for n in (2, 3, 4, 5)), counts


def test_lesson_length(lesson):
    assert 900 <= body_words(lesson) <= 2000, f"{lesson.source.path}: {body_words(lesson)} words"


def test_lesson_sections(lesson):
    anchors = [anchor for anchor, _ in lesson.source.heading_anchors()]
    missing = [s for s in REQUIRED_SECTIONS if s not in anchors]
    assert missing == [], f"{lesson.source.path} lacks sections {missing}"
    assert anchors.index("worked-example") < anchors.index("try-it") < anchors.index("further-reading")
    assert '??? note "Discussion questions and common mistakes"' in lesson.source.body


def test_lesson_front_matter_shape(lesson):
    assert 3 <= len(lesson.meta["objectives"]) <= 5, lesson.source.path
    assert 3 <= len(lesson.meta["checklist"]) <= 6, lesson.source.path


def test_licensing_lessons_say_they_are_not_legal_advice(lesson):
    if lesson.module_folder.startswith("01-"):
        assert '!!! warning "Not legal advice"' in lesson.source.body, lesson.source.path


def test_lesson_points_to_the_next(lesson):
    last = [line for line in lesson.source.body.strip().split("\n") if line.strip()][-1]
    assert re.match(r"^\*\*Next:\*\* \[.+\]\(.+\.md\)$", last), f"{lesson.source.path}: last line is {last!r}"


def test_lesson_links_the_glossary(lesson):
    assert "glossary.md#" in lesson.source.body, lesson.source.path


def test_one_sentence_per_line(lesson):
    crowded = []
    for line_number, text in prose_lines(lesson):
        # Drop link targets and code spans: their dots are not sentence ends.
        text = re.sub(r"\]\([^)]*\)|`[^`]*`", "]", text)
        text = re.sub(r"^(\d+\.|[-*+]|>)\s+", "", text)
        text = ABBREVIATIONS.sub("ABBR ", text)
        if TWO_SENTENCES.search(text):
            crowded.append(f"{lesson.source.path}:{line_number}: {text[:90]}")
    assert crowded == []


def test_further_reading_cites_sources(lesson):
    body = lesson.source.body
    reading = body[body.index("{#further-reading}"):]
    assert len(re.findall(r"\]\(https://", reading)) >= 3, lesson.source.path


def test_glossary_has_at_least_forty_terms_with_anchors():
    glossary = next(e for e in CURRICULUM.entries if e.src == "glossary.md")
    terms = [h for h in glossary.source.headings() if h.level == 3]
    assert len(terms) >= 40
    assert all(h.anchor for h in terms)
