"""Load and validate in one call: what every later step of the pipeline starts from."""

from __future__ import annotations

from pathlib import Path

from . import item_numbers, languages, model, validation
from .problems import ContentError


def load_checked(docs_dir: Path, repo_root: Path, i18n_settings: dict) -> model.Curriculum:
    """The curriculum under docs_dir; raises ContentError listing every problem."""
    default, codes = languages.languages(i18n_settings)
    curriculum = model.load_cached(Path(docs_dir), Path(repo_root), codes, default)
    # Every hook asks for the curriculum on every page; validate each loaded version once.
    if curriculum.validated is None:
        curriculum.validated = validation.validate(curriculum)
    # Read on every build: `make serve` keeps the curriculum while the lock may change. A site
    # without a lock (a test fixture) has no progress links, and nothing to check.
    lock = Path(repo_root) / item_numbers.LOCK_NAME
    curriculum.numbered_items = item_numbers.read(lock)
    problems = list(curriculum.validated)
    if curriculum.numbered_items:
        problems += item_numbers.check(curriculum, curriculum.numbered_items, lock_path=lock)
    if problems:
        raise ContentError(problems)
    return curriculum


def for_build(docs_dir: str, config_file_path: str, i18n_config) -> model.Curriculum:
    """load_checked() from what a build config holds; i18n_config is the i18n plugin's settings or None."""
    settings = languages.from_plugin_config(i18n_config)
    return load_checked(Path(docs_dir), Path(config_file_path).parent, settings)
