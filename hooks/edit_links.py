"""MkDocs adapter for "Edit this page" (hooks/curriculum/edit_links.py).

MkDocs would link every page to the file it was built from, which is wrong
for an English page shown in another language (it should start the
translation) and for generated pages (their file does not exist).
"""

from build_context import curriculum_of, language_of
from curriculum import edit_links


def on_page_markdown(markdown, page, config, files):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    forge = edit_links.forge(config.repo_url, config.edit_uri)
    page.edit_url = edit_links.edit_url(curriculum, forge, page.file.src_uri, lang)
    return markdown
