"""MkDocs adapter for the "Checked against its sources" line of each lesson (hooks/curriculum/review_date.py)."""

from build_context import curriculum_of, language_of, source_of
from curriculum import review_date


def on_page_markdown(markdown, page, config, files):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    # A translation shows the date of the English lesson it follows.
    source = curriculum.by_src().get(source_of(page, lang))
    if source is None or source.kind != "lesson" or (date := review_date.reviewed_date(source)) is None:
        return markdown
    return f"{markdown.rstrip()}\n\n{review_date.paragraph(date, lang)}\n"
