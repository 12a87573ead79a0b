"""Contributors' paths: scaffolding, edit links, last-updated dates, and the checks a pull request runs."""

import datetime
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from babel.dates import format_date

from conftest import ROOT, run_script
from curriculum import edit_links, generated, languages, last_updated, model, translation
from curriculum.validation import load_schema
from helpers import copy_fixture_site, load_real_curriculum

# --- Scaffolding ------------------------------------------------------------------------------------------


def run_in(site: Path, script: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--config", str(site / "mkdocs.yml"), *args],
        cwd=site, capture_output=True, text=True, input=stdin if stdin is not None else "",
    )


def problems_in(result: subprocess.CompletedProcess, path: str) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(path + ":")]


def load(site: Path) -> model.Curriculum:
    return model.load(site / "docs", site, ["en", "es"], "en")


def test_new_lesson_is_flagged_until_written_then_builds(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    made = run_in(site, "new-lesson", "--module", "01-alpha", "--title", "Keeping notices & credits")
    assert made.returncode == 0, made.stderr
    path = site / "docs" / "01-alpha" / "keeping-notices-credits.md"
    assert "docs/01-alpha/keeping-notices-credits.md" in made.stdout

    lesson = next(e for e in load(site).entries if e.src == "01-alpha/keeping-notices-credits.md")
    assert list(lesson.meta) == load_schema()["$defs"]["lesson"]["required"]
    assert lesson.meta["id"] == "keeping-notices-credits" and lesson.meta["title"] == "Keeping notices & credits"
    assert lesson.meta["order"] == 3  # the fixture module has lessons 1 and 2
    anchors = [a for a, _ in lesson.source.heading_anchors()]
    assert anchors == ["why-it-matters", "worked-example", "try-it", "mentor-notes", "further-reading"]
    assert '??? note "Discussion questions and common mistakes"' in lesson.source.body
    assert lesson.source.body.rstrip().split("\n")[-1].startswith("**Next:** [")

    flagged = run_in(site, "validate")
    assert flagged.returncode == 1
    fields = {line.split(": ")[1] for line in problems_in(flagged, "docs/01-alpha/keeping-notices-credits.md")}
    assert {"description", "objectives[0]", "objectives[2]", "checklist[0].id", "checklist[0].text", "reviewed"} <= fields
    assert len(problems_in(flagged, "docs/01-alpha/keeping-notices-credits.md")) == len(flagged.stdout.splitlines())

    text = path.read_text(encoding="utf-8")
    # The review date is never filled in for the writer: only a person can vouch for it.
    text = re.sub(r"^reviewed: .*$", "reviewed: 2026-12-02", text, flags=re.M)
    text = re.sub(r"TODO-name-this-(\d)", r"credit-task-\1", text)
    text = re.sub(r"'TODO: [^']*'", "A written sentence.", text)
    path.write_text(text, encoding="utf-8")
    numbers_missing = run_in(site, "validate")
    assert "has no number for progress links yet; run scripts/lock-checklist-items" in numbers_missing.stdout
    numbered = run_in(site, "lock-checklist-items")
    assert "Numbered 3 new item(s)" in numbered.stdout, numbered.stdout + numbered.stderr
    passed = run_in(site, "validate")
    assert passed.returncode == 0, passed.stdout

    built = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (site / "site" / "01-alpha" / "keeping-notices-credits" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Keeping notices" in page
    # Outside a git checkout nothing says when a page changed, rather than something untrue.
    assert "osm-updated" not in page


def test_new_lesson_asks_for_what_is_missing_and_never_reuses_an_id(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    asked = run_in(site, "new-lesson", stdin="02-beta\nFirst lesson\n")
    assert asked.returncode == 0, asked.stderr
    assert "Module (01-alpha, 02-beta)" in asked.stdout
    # `first-lesson` is taken in another module, so the derived id moves on.
    made = next(e for e in load(site).entries if e.src == "02-beta/first-lesson-2.md")
    assert made.meta["id"] == "first-lesson-2" and made.meta["order"] == 2

    taken = run_in(site, "new-lesson", "--module", "1", "--title", "Again", "--id", "second-lesson")
    assert taken.returncode == 1 and "'second-lesson' is taken" in taken.stderr
    unknown = run_in(site, "new-lesson", "--module", "07-gamma", "--title", "X")
    assert unknown.returncode == 1
    assert "unknown module '07-gamma'; use one of: 01-alpha, 02-beta" in unknown.stderr
    no_answer = run_in(site, "new-lesson", "--module", "01-alpha")
    assert no_answer.returncode == 1 and "pass it as --title" in no_answer.stderr


def test_new_translation_is_flagged_until_translated(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    made = run_in(site, "new-translation", "es", "second-lesson")
    assert made.returncode == 0, made.stderr
    path = site / "docs" / "01-alpha" / "second-lesson.es.md"
    curriculum = load(site)
    source = next(e for e in curriculum.entries if e.src == "01-alpha/second-lesson.md")
    copy = next(e for e in curriculum.entries if e.src == "01-alpha/second-lesson.es.md")
    assert copy.meta["source_fingerprint"] == translation.fingerprint(source)
    for key in ("id", "order", "prerequisites", "duration"):
        assert copy.meta[key] == source.meta[key]
    assert [i["id"] for i in copy.meta["checklist"]] == [i["id"] for i in source.meta["checklist"]]
    assert copy.meta["title"] == "TODO translate: " + source.meta["title"]

    flagged = run_in(site, "validate")
    assert flagged.returncode == 1
    fields = {line.split(": ")[1] for line in problems_in(flagged, "docs/01-alpha/second-lesson.es.md")}
    assert fields == {"title", "description", "objectives[0]", "checklist[0].text"}

    text = path.read_text(encoding="utf-8").replace("TODO translate: ", "Traducido: ")
    path.write_text(text, encoding="utf-8")
    assert run_in(site, "validate").returncode == 0
    assert translation.page_state(load(site), "01-alpha/second-lesson.es.md", "es") == "translated"


def test_new_translation_refuses_clearly(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    exists = run_in(site, "new-translation", "es", "docs/01-alpha/first-lesson.md")
    assert exists.returncode == 1
    assert "docs/01-alpha/first-lesson.es.md exists already" in exists.stderr
    assert "scripts/translation-status --stamp" in exists.stderr
    other = run_in(site, "new-translation", "de", "first-lesson")
    assert other.returncode == 1 and "language 'de' is not configured; use one of: es" in other.stderr
    typo = run_in(site, "new-translation", "es", "secnd-lesson")
    assert typo.returncode == 1 and "did you mean 'second-lesson'?" in typo.stderr
    asked = run_in(site, "new-translation", stdin="es\n02-beta/index.md\n")
    assert asked.returncode == 0, asked.stderr
    assert (site / "docs" / "02-beta" / "index.es.md").exists()


# --- Edit links -------------------------------------------------------------------------------------------


class _EditLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("rel") == "edit":
            self.links.append(values["href"])


def edit_links_of(path: Path) -> list[str]:
    parser = _EditLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def built_path(src: str, prefix: str) -> str:
    stem = src[: -len(".md")]
    folder = stem[: -len("index")] if stem.endswith("index") else stem + "/"
    return f"{prefix}{folder}index.html"


def test_every_page_links_to_its_own_source_on_the_forge(built_site):
    curriculum = load_real_curriculum()
    config = languages.read_mkdocs_yml(ROOT / "mkdocs.yml")
    _, codes = languages.languages(languages.i18n_settings(config.get("plugins")))
    forge = re.match(r"^(https://github\.com/[^/]+/[^/]+)/edit/main/", config["edit_uri"]).group(1)
    checked = 0
    for source in curriculum.sources():
        for lang in codes:
            prefix = "" if lang == curriculum.default_language else f"{lang}/"
            links = edit_links_of(built_site / built_path(source.src, prefix))
            assert len(links) == 1, (lang, source.src, links)
            url = urlsplit(links[0])
            own = curriculum.translation_of(source, lang)
            if lang == curriculum.default_language or own is not None:
                expected = source.src if own is None else own.src
                assert links[0] == f"{forge}/edit/main/docs/{expected}"
                assert (ROOT / "docs" / expected).is_file()
            else:  # shown in English: the link starts the translation, next to its source
                assert links[0].startswith(f"{forge}/new/main/docs")
                folder = url.path.split("/new/main/", 1)[1]
                name = parse_qs(url.query)["filename"][0]
                assert (ROOT / folder).is_dir() and not (ROOT / folder / name).exists()
                assert f"{folder}/{name}" == "docs/" + edit_links.translation_src(source.src, lang)
            checked += 1
    assert checked == len(curriculum.sources()) * len(codes)
    for src in generated.pages(curriculum, codes):
        for lang in codes:
            prefix = "" if lang == curriculum.default_language else f"{lang}/"
            assert edit_links_of(built_site / built_path(src, prefix)) == [], (lang, src)


def test_forge_addresses():
    forge = edit_links.forge("https://github.com/o/r", "edit/main/docs/")
    assert forge.edit("01-a/x.es.md") == "https://github.com/o/r/edit/main/docs/01-a/x.es.md"
    assert forge.new("01-a/x.es.md") == "https://github.com/o/r/new/main/docs/01-a?filename=x.es.md"
    assert forge.new("glossary.fa.md") == "https://github.com/o/r/new/main/docs?filename=glossary.fa.md"
    assert edit_links.forge(None, "https://example.org/wiki/").new("x.md") is None
    assert edit_links.forge(None, None) is None


# --- Last updated -----------------------------------------------------------------------------------------


def committed_date(path: str) -> str:
    result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_last_updated_shows_the_commit_date_in_the_readers_language(built_site):
    for src, page, lang in [("docs/index.md", "index.html", "en"), ("docs/index.es.md", "es/index.html", "es"),
                            ("docs/index.md", "checklist/index.html", None)]:
        html = (built_site / page).read_text(encoding="utf-8")
        if lang is None:
            assert "osm-updated" not in html  # generated: no source file, no date
            continue
        date = committed_date(src)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", date), f"{src} is not committed"
        shown = format_date(datetime.date.fromisoformat(date), format="long", locale=lang)
        assert f'<time datetime="{date}">{shown}</time>' in html, page
        label = yaml.safe_load((ROOT / "i18n" / "interface.yml").read_text(encoding="utf-8"))["page.updated"][lang]
        assert label.split("{date}")[0] in html


def test_git_log_is_read_once_for_every_file():
    out = "\x002026-03-02\n\nb.md\na.es.md\n\x002026-01-05\n\na.md\nb.md\n"
    assert last_updated.parse_log(out) == {"b.md": "2026-03-02", "a.es.md": "2026-03-02", "a.md": "2026-01-05"}
    assert last_updated.commit_dates(Path("/")) == {}  # not a checkout: no dates


# --- The checks a pull request runs -----------------------------------------------------------------------


def workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_ci_runs_make_test_on_every_pull_request_and_push():
    ci = workflow("ci.yml")
    assert "pull_request" in ci["on"] and "push" in ci["on"]
    assert any(step.get("run", "").strip() == "make test" for step in steps(ci))
    assert all(job["runs-on"] == "ubuntu-latest" for job in ci["jobs"].values())


def test_deploy_builds_and_publishes_main():
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    # Least privilege: read-only by default, and only the deploy job may publish.
    assert deploy["permissions"] == {"contents": "read"}
    publish = deploy["jobs"]["deploy"]["permissions"]
    assert publish["pages"] == "write" and publish["id-token"] == "write"
    used = [step.get("uses", "").split("@")[0] for step in steps(deploy)]
    assert "actions/upload-pages-artifact" in used and "actions/deploy-pages" in used
    assert any(step.get("run", "").strip() == "make site" for step in steps(deploy))
    offline = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert offline["with"]["if-no-files-found"] == "error" and "dist/offline-" in offline["with"]["path"]
    checkout = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # full history, for the last-updated dates


def test_issue_forms_are_valid():
    for name in ("content-error.yml", "new-lesson-idea.yml", "translation.yml"):
        form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
        assert form["name"] and form["description"] and form["body"], name
        ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
        assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z][a-z0-9_-]*", i) for i in ids), name
        assert {item["type"] for item in form["body"]} <= {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    assert "scripts/validate" in (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")


def test_pre_commit_runs_the_lint_checks_from_the_project_environment():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"validate", "codespell", "ruff-check", "ruff-format"} <= set(hooks)
    assert all(hook["language"] == "system" for hook in hooks.values())
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test: lint\b", makefile, re.MULTILINE)
    # The same commands in both places, so a commit that passes its hooks passes `make lint`.
    for command in ("-m codespell_lib --ignore-words=.codespell-words.txt", "-m ruff check hooks scripts tests",
                    "-m ruff format --check hooks scripts"):
        assert command in makefile and any(command in hook["entry"] for hook in hooks.values()), command


def test_contributing_names_only_commands_that_exist():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    scripts = set(re.findall(r"scripts/([a-z][a-z-]*)", guide))
    assert {"validate", "new-lesson", "new-translation", "translation-status", "lock-urls"} <= scripts
    assert all((ROOT / "scripts" / name).is_file() for name in scripts), scripts
    targets = set(re.findall(r"`make ([a-z-]+)", guide))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert all(re.search(rf"^{t}:", makefile, re.MULTILINE) for t in targets), targets
