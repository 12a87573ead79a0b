"""Validation on fixtures: every bad input gets its exact path:line message; good inputs pass."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_script
from curriculum import model, validation
from helpers import FIXTURE_SITE, INVALID_CASES, apply_case, copy_fixture_site, load_real_curriculum

CASES = sorted(p for p in INVALID_CASES.iterdir() if p.is_dir())


def problems_of(site: Path) -> list[str]:
    curriculum = model.load(site / "docs", site, ["en", "es"], "en")
    return [str(p) for p in validation.validate(curriculum)]


def test_there_are_at_least_25_distinct_bad_inputs():
    assert len(CASES) >= 25
    expectations = [(case / "expected.txt").read_text() for case in CASES]
    assert len(set(expectations)) == len(expectations), "two cases expect the same messages"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_reports_exact_path_line_and_message(case, tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    apply_case(case, site)
    expected = (case / "expected.txt").read_text().splitlines()
    assert expected, f"{case.name}/expected.txt is empty"
    assert problems_of(site) == expected


def test_fixture_site_is_valid(tmp_path):
    assert problems_of(copy_fixture_site(tmp_path / "site")) == []


def test_every_message_has_path_line_field_and_fix(tmp_path):
    for case in CASES:
        for line in (case / "expected.txt").read_text().splitlines():
            path, number, field, message = line.split(":", 3)
            assert path.startswith("docs/") and path.endswith(".md"), line
            assert int(number) >= 1, line
            assert field.strip() and message.strip(), line
            assert ";" in message, f"no fix given: {line}"


def test_real_content_is_valid():
    result = run_script("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "front-matter is valid" in result.stdout


def test_validate_script_reports_all_problems_and_fails(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    apply_case(INVALID_CASES / "several-problems-at-once", site)
    result = run_script("validate", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode == 1
    printed = [line for line in result.stdout.splitlines() if line]
    assert printed == (INVALID_CASES / "several-problems-at-once" / "expected.txt").read_text().splitlines()
    assert "Traceback" not in result.stderr


def test_validate_script_accepts_the_fixture_site():
    result = run_script("validate", "--config", str(FIXTURE_SITE / "mkdocs.yml"), cwd=FIXTURE_SITE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_documents_every_field():
    """The schema is the documentation: every property says what it is for."""
    schema = validation.load_schema()
    for kind in ("lesson", "module", "page", "checklist-item"):
        for name, prop in schema["$defs"][kind]["properties"].items():
            resolved = validation._resolve(schema, prop)
            assert resolved.get("description"), f"{kind}.{name} has no description"


def test_unknown_keys_are_errors_in_every_kind():
    schema = validation.load_schema()
    for kind in ("lesson", "module", "page", "checklist-item"):
        assert schema["$defs"][kind]["additionalProperties"] is False


def test_real_docs_use_only_the_layout():
    curriculum = load_real_curriculum()
    assert [m.number for m in curriculum.modules] == [1, 2, 3, 4, 5]
    assert all(module.lessons for module in curriculum.modules)


def test_a_changed_file_is_checked_again_in_the_same_process():
    """`make serve` keeps each file's checks between saves; a save must never be answered from before it."""
    curriculum = model.load(FIXTURE_SITE / "docs", FIXTURE_SITE, ["en", "es"], "en")
    assert validation.validate(curriculum) == []
    lesson = curriculum.modules[0].lessons[0]
    del lesson.meta["duration"]
    assert any(p.field == "duration" for p in validation.validate(curriculum))
    lesson.meta["duration"] = 45
    lesson.source.body += "\n<script>alert(1)</script>\n"
    assert [p.field for p in validation.validate(curriculum)] == ["html"]


def test_a_preview_of_one_language_renders_it_and_only_points_from_the_default(tmp_path):
    """`make serve LANG=fa`: Persian pages in full, English pages as pointers to them, no search index."""
    env = {**os.environ, "OSM_PREVIEW_LANG": "fa", "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    persian = (site / "fa" / "01-licensing" / "choosing-a-license" / "index.html").read_text(encoding="utf-8")
    english = (site / "01-licensing" / "choosing-a-license" / "index.html").read_text(encoding="utf-8")
    assert 'data-checklist-item="' in persian and persian.count("<h2") > 4
    assert 'This preview builds only "fa"' in english and 'href="../../fa/01-licensing/choosing-a-license/"' in english
    assert english.count("<h2") == 0
    assert not (site / "es").exists()
    for index in (site / "search" / "search_index.json", site / "fa" / "search" / "search_index.json"):
        assert not index.exists() or json.loads(index.read_text(encoding="utf-8"))["docs"] == []
