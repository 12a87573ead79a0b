"""Step 6 (check): which built pages axe-core checks, and how its findings are reported.

`scripts/a11y` (make a11y) checks every page of every language; the tests
check one page of each kind per language, the kinds below.
"""

from __future__ import annotations

from pathlib import Path

# One page of each kind the build writes, by its path in the default language.
KINDS = {
    "home": "",
    "programme": "programme/",
    "glossary": "glossary/",
    "module": "01-licensing/",
    "lesson": "01-licensing/choosing-a-license/",
    "module checklist": "01-licensing/checklist/",
    "module print view": "01-licensing/print/",
    "programme checklist": "checklist/",
    "DPG readiness": "dpg-readiness/",
    "translation status": "translation-status/",
    "read offline": "offline/",
    "mentor guide": "mentors/session-plans/",
}
SERIOUS = ("serious", "critical")


def pages_to_check(site: Path) -> list[str]:
    """Every page of the site as a URL path, without the redirect stubs (go/ and old addresses)."""
    found = []
    for path in sorted(site.rglob("*.html")):
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        if 'http-equiv="refresh"' in head:
            continue
        relative = path.relative_to(site).as_posix()
        found.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return found


def kind_pages(languages: list[str], default: str) -> dict[str, str]:
    """{"lesson (fa)": "fa/01-licensing/choosing-a-license/", ...} for every kind and language."""
    return {
        f"{kind} ({lang})": (path if lang == default else f"{lang}/{path}")
        for lang in languages
        for kind, path in KINDS.items()
    }


def serious_violations(axe_response: dict) -> list[str]:
    """One line per serious or critical violation: rule, impact, what is wrong, the first elements."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in axe_response.get("violations", [])
        if v.get("impact") in SERIOUS
    ]
