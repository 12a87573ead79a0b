"""MkDocs adapter for the "Last updated" line at the end of each page (hooks/curriculum/last_updated.py)."""

from build_context import building_one_language, curriculum_of, language_of
from curriculum import last_updated

# File -> date, read once per build; the i18n plugin then builds the other languages from the same files.
_dates: dict[str, str] | None = None


def on_pre_build(config):
    global _dates
    # The i18n plugin's own per-language builds reuse the dates read for the first language.
    if not building_one_language(config):
        _dates = None


def on_page_markdown(markdown, page, config, files):
    global _dates
    if _dates is None:
        _dates = last_updated.commit_dates(config.docs_dir)
    date = _dates.get(page.file.src_uri)
    if date is None:
        return markdown  # generated, or never committed: no date rather than a wrong one
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    page.meta["last_updated"] = date
    return f"{markdown.rstrip()}\n\n{last_updated.paragraph(date, lang)}\n"
