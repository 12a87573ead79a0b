"""Step 3c (enrich): progress links, from a team to its mentor, and the mentor's "Teams' progress" page.

A team's ticks live on its own device. "Share with your mentor" (on every
checklist page) writes them into a link, after the `#`, so no server ever
receives them; the Teams' progress page reads such links and keeps each team
apart from the reader's own ticks. The browser does the encoding
(overrides/assets/javascripts/team-progress.js); this module writes the page
parts and the data the script needs.
"""

from __future__ import annotations

import html

from . import interface, numbers
from .checklist_pages import front_matter, item_list, link_between
from .checklists import DPG_INDICATORS, Item, ModuleInfo, by_indicator, by_module

PAGE = "teams.md"
GUIDE = "mentors/reviewing-progress.md"
GUIDE_ANCHOR = "sharing-progress"


def share_block(page_src: str, lang: str) -> str:
    """The team's side, on the module, programme and DPG checklist pages; shown only with JavaScript.

    The link to the Teams' progress page is Markdown so that MkDocs writes its
    URL for this language and this kind of build; the script builds the team's
    link from it."""

    def say(key: str) -> str:
        return html.escape(interface.text(f"team.{key}", lang))

    title = html.escape(interface.text("team.page_title", lang), quote=False)
    # The link field is dir="ltr": an address reads left to right in Persian too.
    return (
        '<div class="osm-share" data-team-share hidden role="group" aria-labelledby="osm-share-title" markdown>\n'
        f'<p id="osm-share-title" class="osm-share-title">{say("share_heading")}</p>\n'
        f"<p>{say('share_intro')}</p>\n"
        f'<p><label for="osm-team-name">{say("name_label")}</label> '
        '<input type="text" id="osm-team-name" maxlength="60" autocomplete="organization" data-team-name> '
        f'<button type="button" class="md-button" data-team-action="share">{say("make_link")}</button></p>\n'
        '<p data-team-result hidden><label for="osm-team-link" data-team-link-label></label> '
        '<input type="text" id="osm-team-link" dir="ltr" readonly data-team-link> '
        f'<button type="button" class="md-button" data-team-action="copy">{say("copy_link")}</button></p>\n'
        '<p class="osm-checklist-status" role="status" aria-live="polite" data-team-status></p>\n\n'
        f'[{title}]({link_between(page_src, PAGE)}){{ .osm-team-page data-team-page="" }}\n\n'
        "</div>\n"
    )


def render(
    items: list[Item], module_infos: list[ModuleInfo], lang: str, has_guide: bool, directory_urls: bool = True
) -> str:
    def say(key: str) -> str:
        return html.escape(interface.text(f"team.{key}", lang), quote=False)

    title = interface.text("team.page_title", lang)
    out = [front_matter(title, interface.text("team.page_description", lang)), say("page_intro") + "\n"]
    if has_guide:
        out.append(f"[{say('guide_link')}]({GUIDE}#{GUIDE_ANCHOR})\n")
    out.append(f'<p class="osm-team-noscript" data-team-noscript>{say("needs_script")}</p>\n')
    out.append(
        '<div class="osm-teams" data-teams hidden markdown>\n'
        '<form class="osm-team-paste" data-team-paste>'
        f'<label for="osm-team-paste">{say("paste_label")}</label> '
        '<input type="text" id="osm-team-paste" dir="ltr" data-team-paste-input> '
        f'<button type="submit" class="md-button">{say("open")}</button></form>\n'
        '<p class="osm-checklist-status" role="status" aria-live="polite" data-team-status></p>\n\n'
        f"## {say('your_teams')} {{#your-teams}}\n\n"
        f"<p data-team-none>{say('none_yet')}</p>\n"
        '<div class="osm-team-table" data-team-table></div>\n'
        f'<p><button type="button" class="md-button" data-team-action="csv" hidden>{say("export_csv")}</button></p>\n\n'
        # The heading is written by the script: a heading here would enter the table of contents
        # empty, and its anchor would change with each language.
        '<section class="osm-team-detail" data-team-detail hidden markdown>\n'
        f'<p class="osm-team-readonly">{say("read_only")}</p>\n'
    )
    for info in module_infos:
        module_items = by_module(items).get(info.number, [])
        if not module_items:
            continue
        heading = interface.text("checklist.module_heading", lang, number=info.number, title=info.title)
        out.append(f'<p class="osm-team-module"><strong>{html.escape(heading, quote=False)}</strong></p>\n')
        out.append(item_list(module_items, PAGE, lang, directory_urls=directory_urls, team_view=True))
    out.append("</section>\n</div>\n")
    return "\n".join(out)


def sections(items: list[Item], module_infos: list[ModuleInfo], lang: str) -> list[dict]:
    """The rows of the side-by-side table: the whole curriculum, each module, each DPG indicator."""
    rows = [{"label": interface.text("checklist.overall", lang), "ids": [i.id for i in items]}]
    grouped = by_module(items)
    for info in module_infos:
        if grouped.get(info.number):
            label = interface.text("checklist.module_heading", lang, number=info.number, title=info.title)
            rows.append({"label": label, "ids": [i.id for i in grouped[info.number]]})
    counted, _ = by_indicator(items)
    names = interface.text("checklist.dpg_names", lang)
    for number in DPG_INDICATORS:
        if counted[number]:
            label = interface.text("checklist.dpg_indicator", lang, number=number, name=names[number - 1])
            rows.append({"label": label, "ids": [i.id for i in counted[number]]})
    return rows


def script_data(lang: str, numbered_items: list[str], rows: list[dict] | None = None) -> dict:
    """What team-progress.js reads from the page: its strings, the item numbers and, for the mentor, the rows."""
    data = {
        "strings": {**interface.table_for(lang, "team."), "numbering": numbers.system(lang)},
        "numbers": numbered_items,
    }
    if rows is not None:
        data["sections"] = rows
    return data
