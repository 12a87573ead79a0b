"""MkDocs adapter for the "Last updated" line at the end of each page (hooks/curriculum/last_updated.py)."""

from curriculum import last_updated
from curriculum.checked import for_build

# File -> date, read once per build; the i18n plugin then builds the other languages from the same files.
_dates: dict[str, str] | None = None


def on_pre_build(config):
    global _dates
    i18n = config.plugins.get("i18n")
    # The i18n plugin's own per-language builds run while `building` is set; keep the dates for those.
    if not getattr(i18n, "building", False):
        _dates = None


def on_page_markdown(markdown, page, config, files):
    global _dates
    if _dates is None:
        _dates = last_updated.commit_dates(config.docs_dir)
    date = _dates.get(page.file.src_uri)
    if date is None:
        return markdown  # generated, or never committed: no date rather than a wrong one
    i18n = config.plugins.get("i18n")
    curriculum = for_build(config.docs_dir, config.config_file_path, i18n.config if i18n else None)
    lang = config.theme.get("language") or curriculum.default_language
    page.meta["last_updated"] = date
    return f"{markdown.rstrip()}\n\n{last_updated.paragraph(date, lang)}\n"
