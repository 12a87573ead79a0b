"""MkDocs adapter for "Edit this page" (hooks/curriculum/edit_links.py).

MkDocs would link every page to the file it was built from, which is wrong
for an English page shown in another language (it should start the
translation) and for generated pages (their file does not exist).
"""

from curriculum import edit_links
from curriculum.checked import for_build


def on_page_markdown(markdown, page, config, files):
    i18n = config.plugins.get("i18n")
    curriculum = for_build(config.docs_dir, config.config_file_path, i18n.config if i18n else None)
    lang = config.theme.get("language") or curriculum.default_language
    forge = edit_links.forge(config.repo_url, config.edit_uri)
    page.edit_url = edit_links.edit_url(curriculum, forge, page.file.src_uri, lang)
    return markdown
