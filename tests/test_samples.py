"""Every YAML sample a reader may copy parses and passes the platform's checks.

A team copies a lesson's workflow as it stands, so the lessons' samples and
the project's own workflows follow what Module 4 teaches: actions pinned by
full commit SHA (Scorecard's Pinned-Dependencies) and a read-only token by
default (Token-Permissions). A sample that is deliberately incomplete says so
on its first line, `# Fragment: what is left out`; it only has to parse.
tests/sample_lint.py says which linters run (actionlint among them) and why.
"""

import re
import textwrap
from dataclasses import dataclass

import pytest
import sample_lint
import yaml

from helpers import ROOT, load_real_curriculum

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^\n`]*)$")
FRAGMENT = re.compile(r"^\s*#\s*Fragment:\s*\S")
# Keys only a GitHub Actions workflow uses: a block with them is a workflow or a marked fragment.
WORKFLOW_KEYS = re.compile(r"^\s*(-\s+)?(runs-on|uses|steps):", re.M)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


@dataclass
class Sample:
    where: str  # path:line of the opening fence, or the workflow file
    text: str

    @property
    def is_fragment(self) -> bool:
        first = next((line for line in self.text.split("\n") if line.strip()), "")
        return bool(FRAGMENT.match(first))

    def load(self):
        return yaml.safe_load(self.text)

    @property
    def kind(self) -> str | None:
        return sample_lint.kind_of(self.load())

    @property
    def is_workflow(self) -> bool:
        return self.kind == "github-workflow"


def yaml_blocks(path: str, body: str, first_line: int) -> list[Sample]:
    samples, lines, index = [], body.split("\n"), 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        closing = re.compile(rf"^{re.escape(opening['indent'])}{opening['fence'][0]}{{{len(opening['fence'])},}}\s*$")
        end = next((n for n in range(index + 1, len(lines)) if closing.match(lines[n])), len(lines))
        language = opening["info"].split()[0].lstrip("{.").lower() if opening["info"].strip() else ""
        if language in ("yaml", "yml"):
            text = textwrap.dedent("\n".join(lines[index + 1 : end]))
            samples.append(Sample(f"{path}:{first_line + index}", text))
        index = end + 1
    return samples


def collect() -> list[Sample]:
    curriculum = load_real_curriculum()
    samples = []
    for entry in curriculum.entries:
        if entry.lang == curriculum.default_language:
            samples += yaml_blocks(entry.source.path, entry.source.body, entry.source.body_line)
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.y*ml")):
        samples.append(Sample(str(workflow.relative_to(ROOT)), workflow.read_text(encoding="utf-8")))
    return samples


SAMPLES = collect()
WORKFLOWS = [s for s in SAMPLES if not s.is_fragment and s.is_workflow]
# Whole samples of a kind the linters know: workflows, Dependabot files, issue forms, GitLab CI.
CHECKED = [s for s in SAMPLES if not s.is_fragment and s.kind]


def test_the_lessons_have_workflow_samples():
    # Module 4 alone shows several; finding none means the extraction broke, not that all is well.
    assert len([s for s in WORKFLOWS if s.where.startswith("docs/")]) >= 5, [s.where for s in WORKFLOWS]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.where for s in SAMPLES])
def test_yaml_sample_parses(sample):
    try:
        sample.load()
    except yaml.YAMLError as error:
        pytest.fail(f"{sample.where}: the YAML sample does not parse: {error}")


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.where for s in SAMPLES])
def test_workflow_sample_is_whole_or_says_it_is_a_fragment(sample):
    if WORKFLOW_KEYS.search(sample.text) and not sample.is_fragment:
        assert sample.is_workflow, (
            f"{sample.where}: this looks like part of a GitHub Actions workflow but lacks `on:` or `jobs:`; "
            "complete it, or start it with `# Fragment: <what is left out>`"
        )


@pytest.mark.parametrize("sample", CHECKED, ids=[s.where for s in CHECKED])
def test_sample_passes_the_platform_linters(sample, tmp_path):
    copy = tmp_path / "sample.yml"
    copy.write_text(sample.text, encoding="utf-8")
    problems = sample_lint.lint(copy)
    assert problems == "", f"{sample.where} ({sample.kind}):\n{problems}"


@pytest.mark.parametrize("sample", WORKFLOWS, ids=[s.where for s in WORKFLOWS])
def test_workflow_pins_every_action_by_commit(sample):
    unpinned = []
    for line in sample.text.split("\n"):
        found = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)\s*(#\s*(\S+))?", line)
        if not found or found[1].startswith(("./", "docker://")):
            continue
        if not PINNED.match(found[1]) or not (found[3] and re.match(r"v\d", found[3])):
            unpinned.append(line.strip())
    assert unpinned == [], (
        f"{sample.where}: pin each action by its full commit SHA with the version in a comment, "
        "such as `uses: actions/checkout@<40 hex digits> # v7.0.1`:\n" + "\n".join(unpinned)
    )


@pytest.mark.parametrize("sample", WORKFLOWS, ids=[s.where for s in WORKFLOWS])
def test_workflow_token_is_read_only_by_default(sample):
    permissions = sample.load().get("permissions")
    assert permissions is not None, f"{sample.where}: declare `permissions:` at the top (for example `contents: read`)"
    if isinstance(permissions, str):
        assert permissions == "read-all", f"{sample.where}: top-level permissions: {permissions}"
    else:
        writes = {scope: level for scope, level in (permissions or {}).items() if level not in ("read", "none")}
        assert writes == {}, f"{sample.where}: grant write access in the job that needs it, not at the top: {writes}"


def test_fragment_marker_and_extraction_work_on_a_known_case():
    body = "Intro\n\n1. Step:\n\n    ```yaml\n    # Fragment: only the steps\n    - uses: x/y@v1\n    ```\n"
    [sample] = yaml_blocks("lesson.md", body, 10)
    assert sample.where == "lesson.md:14" and sample.is_fragment and not sample.is_workflow


BROKEN_WORKFLOW = """\
on: push
permissions:
  contents: read
jobs:
  build:
    needs: lint
    runs-on: ubuntu-24.04
    steps:
      - run: echo "${{ github.evnt.name }}"
"""


def test_actionlint_finds_what_a_new_user_gets_wrong(tmp_path):
    # A job that needs a missing job and a misspelt context: only actionlint sees both.
    workflow = tmp_path / "broken.yml"
    workflow.write_text(BROKEN_WORKFLOW, encoding="utf-8")
    problems = sample_lint.actionlint_problems(workflow)
    assert 'needs job "lint"' in problems and '"evnt" is not defined' in problems, problems
    assert "ubuntu-24.04" not in problems, "a current GitHub-hosted runner label must pass"


def test_actionlint_still_rejects_unknown_labels_and_scopes(tmp_path):
    # The allowance for what actionlint 1.6.22 predates names labels and scopes; it is not a blanket ignore.
    workflow = tmp_path / "typos.yml"
    text = BROKEN_WORKFLOW.replace("    needs: lint\n", "").replace("github.evnt", "github.event")
    workflow.write_text(text.replace("ubuntu-24.04", "ubuntu-24.4").replace("contents: read", "content: read"), encoding="utf-8")
    problems = sample_lint.actionlint_problems(workflow)
    assert 'label "ubuntu-24.4" is unknown' in problems and 'scope "content"' in problems, problems
