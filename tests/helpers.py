"""Shared test helpers: copy the fixture site and apply a bad-input case to it."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_SITE = FIXTURES / "site"
INVALID_CASES = FIXTURES / "invalid"


def copy_fixture_site(target: Path) -> Path:
    """A writable copy of the fixture site whose hooks and overrides still point at this repository."""
    shutil.copytree(FIXTURE_SITE, target)
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text, encoding="utf-8")
    return target


def apply_case(case: Path, site: Path) -> None:
    """Overlay a case folder on a site copy: its files replace or add files; remove.txt deletes paths."""
    removals = case / "remove.txt"
    if removals.exists():
        for rel in removals.read_text().split():
            target = site / rel
            shutil.rmtree(target) if target.is_dir() else target.unlink()
    for path in case.rglob("*"):
        rel = path.relative_to(case)
        if path.is_file() and rel.parts[0] == "docs":
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, site / rel)


def load_real_curriculum():
    """The real docs/, read with the languages mkdocs.yml configures."""
    from curriculum import languages, model

    config = languages.read_mkdocs_yml(ROOT / "mkdocs.yml")
    default, codes = languages.languages(languages.i18n_settings(config.get("plugins")))
    return model.load(ROOT / "docs", ROOT, codes, default)


def saved_version(page, lang, module):
    return page.evaluate(
        """async ([lang, module]) => {
            const cache = await caches.open("osm-saved-v1");
            const record = await cache.match(new URL(`__osm/saved/${lang}/${module}`, location.origin + "/").href);
            return record ? (await record.json()).version : null;
        }""",
        [lang, module],
    )
