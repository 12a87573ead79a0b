"""Unit tests for reading sources: key lines, heading anchors, navigation from the content model."""

import pytest

from curriculum import navigation
from curriculum.frontmatter import SourceError, read_source
from curriculum.model import Curriculum, Entry, Module, classify, split_language

LESSON = b"""---
id: a-lesson
title: A lesson
checklist:
  - id: one
    dpg: [1]
  - id: two
---

Intro.

## Why {#why-it-matters}

```markdown
## Not a heading {#inside-code}
```

    ??? note "Mentors"

        ### Nested {#nested-heading}
"""


def test_key_lines_point_at_the_file_line():
    source = read_source("x.md", LESSON)
    assert source.line_of(("id",)) == 2
    assert source.line_of(("checklist", 1, "id")) == 7
    assert source.line_of(("checklist", 1, "missing")) == 7
    assert source.line_of(("nothing",)) == 1


def test_heading_anchors_skip_code_and_keep_lines():
    source = read_source("x.md", LESSON)
    assert source.heading_anchors() == [("why-it-matters", 12), ("nested-heading", 20)]


def test_empty_front_matter_is_an_empty_mapping():
    assert read_source("x.md", b"---\n---\nBody\n").meta == {}


@pytest.mark.parametrize("raw, line", [
    (b"---\ntitle: a\nb: [\n---\n", 3),
    (b"---\ntitle: ok\n\x00\n---\n", 3),
])
def test_yaml_errors_name_a_line(raw, line):
    with pytest.raises(SourceError) as error:
        read_source("x.md", raw)
    assert error.value.problem.line == line
    assert "Traceback" not in str(error.value)


def test_language_suffix():
    langs = frozenset({"en", "es", "fa"})
    assert split_language("lesson.es.md", langs, "en") == ("lesson.md", "es")
    assert split_language("lesson.md", langs, "en") == ("lesson.md", "en")
    assert split_language("v1.2.md", langs, "en") == ("v1.2.md", "en")


def test_layout_classification():
    assert classify("index.md") == ("page", None)
    assert classify("01-licensing/index.md") == ("module", "01-licensing")
    assert classify("01-licensing/choosing.md") == ("lesson", "01-licensing")
    assert classify("mentors/first-call.md") == ("page", None)
    assert classify("1-licensing/choosing.md") is None
    assert classify("01-licensing/deep/choosing.md") is None


def _entry(src, kind, meta, folder=None):
    source = read_source(src, b"---\n---\n")
    source.meta = meta
    return Entry(src, kind, "en", src, source, folder)


def test_nav_expands_modules_in_lesson_order_and_flags_unlisted_pages():
    index = _entry("01-a/index.md", "module", {"title": "Module A"}, "01-a")
    first = _entry("01-a/first.md", "lesson", {"order": 1}, "01-a")
    second = _entry("01-a/second.md", "lesson", {"order": 2}, "01-a")
    stray = _entry("stray.md", "page", {"title": "Stray"})
    module = Module(1, "01-a", index, [first, second])
    curriculum = Curriculum("en", [index, first, second, stray], [module], [])
    nav, problems = navigation.expand(["index.md", "01-a/index.md"], curriculum)
    assert nav == ["index.md", {"Module A": ["01-a/index.md", "01-a/first.md", "01-a/second.md"]}]
    assert [(p.path, p.field) for p in problems] == [("stray.md", "nav")]
    assert "add stray.md to `nav` in mkdocs.yml" in problems[0].message
