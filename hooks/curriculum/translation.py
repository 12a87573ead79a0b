"""Translations: fingerprints of the English text, and which pages are translated, outdated or missing.

A translation records the fingerprint of the English source it was made
from. The fingerprint covers only what a reader reads (the body and the
translatable front-matter values), taken from the parsed YAML, so
re-quoting, re-ordering or re-indenting the front-matter changes nothing,
while a changed sentence or checklist item does.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from .model import Curriculum, Entry
from .problems import Problem

TRANSLATABLE = ("title", "description", "summary", "objectives", "outcomes")
FINGERPRINT_KEY = "source_fingerprint"
# Facts about the English source rather than text to translate: a translation takes them
# from its source, so re-checking an English lesson touches no translation.
INHERITED = ("reviewed",)
# Where a reader of an untranslated page learns how to help translate it.
HELP_TRANSLATE_PAGE, HELP_TRANSLATE_ANCHOR = "using-this-site.md", "languages"


def fingerprint(entry: Entry) -> str:
    return fingerprint_of(entry.meta, entry.source.body)


def fingerprint_of(meta: dict, body: str) -> str:
    """The fingerprint of a page's reader text: its translatable front-matter values and its body."""
    reader_text = {key: meta.get(key) for key in TRANSLATABLE if key in meta}
    reader_text["checklist"] = [
        [i.get("id"), i.get("text")] for i in meta.get("checklist") or [] if isinstance(i, dict)
    ]
    # Trailing spaces and blank lines at the ends carry no meaning.
    body = "\n".join(line.rstrip() for line in body.strip().split("\n"))
    canonical = json.dumps([reader_text, body], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def inherited_fields(source: Entry) -> dict:
    """The fields a translation takes from its English source instead of setting them itself."""
    return {key: source.meta[key] for key in INHERITED if key in source.meta}


@dataclass(frozen=True)
class Row:
    src: str  # the English source, relative to docs/
    lang: str
    state: str  # "translated", "outdated" or "missing"
    title: str
    translation: str | None = None  # the translation file, relative to docs/
    english_changed: str | None = None  # date the English source last changed, for outdated rows


def _source_dates(docs_dir: Path | None, sources: list[str]) -> dict[str, str]:
    """Last commit date of each source, from git; empty outside a git checkout."""
    if docs_dir is None:
        return {}
    dates = {}
    for src in sources:
        try:
            out = subprocess.run(
                ["git", "log", "-1", "--format=%cs", "--", src],
                cwd=docs_dir,
                capture_output=True,
                text=True,
                timeout=20,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return {}
        if out:
            dates[src] = out
    return dates


def status(curriculum: Curriculum, languages: list[str], docs_dir: Path | None = None) -> list[Row]:
    """One row per English page and other language."""
    by_source: dict[tuple[str, str], Entry] = {
        (e.source_src, e.lang): e for e in curriculum.entries if e.lang != curriculum.default_language
    }
    rows = []
    outdated_sources = []
    for source in sorted(curriculum.sources(), key=lambda e: e.src):
        current = fingerprint(source)
        for lang in languages:
            if lang == curriculum.default_language:
                continue
            translation = by_source.get((source.src, lang))
            title = source.meta.get("title", source.src)
            if translation is None:
                rows.append(Row(source.src, lang, "missing", title))
                continue
            state = "translated" if translation.meta.get(FINGERPRINT_KEY) == current else "outdated"
            if state == "outdated":
                outdated_sources.append(source.src)
            rows.append(Row(source.src, lang, state, translation.meta.get("title", title), translation.src))
    dates = _source_dates(docs_dir, sorted(set(outdated_sources)))
    return [
        Row(**{**asdict(row), "english_changed": dates.get(row.src)}) if row.state == "outdated" else row
        for row in rows
    ]


def summary(rows: list[Row], languages: list[str]) -> dict[str, dict]:
    """Per language: counts of each state and the share of pages translated and up to date."""
    result = {}
    for lang in languages:
        mine = [r for r in rows if r.lang == lang]
        if not mine:
            continue
        counts = {state: sum(1 for r in mine if r.state == state) for state in ("translated", "outdated", "missing")}
        counts["total"] = len(mine)
        counts["percent"] = round(100 * counts["translated"] / len(mine)) if mine else 0
        result[lang] = counts
    return result


def check_translations(curriculum: Curriculum, skip: frozenset | set = frozenset()) -> list[Problem]:
    """A translation keeps the source's ids, checklist ids and heading anchors, and records its fingerprint.

    skip: sources with problems of their own, whose translations are not compared.
    """
    sources = {e.src: e for e in curriculum.sources()}
    problems = []
    for entry in curriculum.entries:
        source = sources.get(entry.source_src)
        if entry.lang == curriculum.default_language or source is None or source.src in skip:
            continue
        path = entry.source.path
        if FINGERPRINT_KEY not in entry.meta:
            problems.append(
                Problem(
                    path,
                    1,
                    FINGERPRINT_KEY,
                    (
                        "is missing; record which English text this translates with "
                        f"`scripts/translation-status --stamp {path}`"
                    ),
                )
            )
        for key in INHERITED:
            if key in entry.meta:
                problems.append(
                    Problem(
                        path,
                        entry.source.line_of((key,)),
                        key,
                        f"is set on the English page only ({source.source.path}); delete this line, the translation shows the English date",
                    )
                )
        for key in ("id", "module", "order", "prerequisites"):
            if key in source.meta and entry.meta.get(key) != source.meta[key]:
                problems.append(
                    Problem(
                        path,
                        entry.source.line_of((key,)),
                        key,
                        (f"must be the same as in {source.source.path}; write `{key}: {json.dumps(source.meta[key])}`"),
                    )
                )
        wanted = [i.get("id") for i in source.meta.get("checklist") or [] if isinstance(i, dict)]
        given = [i.get("id") for i in entry.meta.get("checklist") or [] if isinstance(i, dict)]
        if "checklist" in source.meta and given != wanted:
            problems.append(
                Problem(
                    path,
                    entry.source.line_of(("checklist",)),
                    "checklist",
                    (
                        f"item ids must match {source.source.path}; list them in the same order: {', '.join(map(str, wanted))}"
                    ),
                )
            )
        english = [a for a, _ in source.source.heading_anchors()]
        translated = dict(entry.source.heading_anchors())
        for anchor in english:
            if anchor not in translated:
                problems.append(
                    Problem(
                        path,
                        entry.source.body_line,
                        "heading",
                        (
                            f"anchor `{anchor}` of {source.source.path} is missing; translate that heading and keep "
                            f"{{#{anchor}}} at its end, so links to the section work in every language"
                        ),
                    )
                )
        for anchor, line in translated.items():
            if anchor not in english:
                problems.append(
                    Problem(
                        path,
                        line,
                        "heading",
                        (f"anchor `{anchor}` is not in {source.source.path}; use the English heading's anchor"),
                    )
                )
    return problems


def stamp(text: str, value: str) -> str:
    """Front-matter text with source_fingerprint set to value; every other byte stays as it was."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    for index in range(1, end):
        if lines[index].startswith(f"{FINGERPRINT_KEY}:"):
            lines[index] = f"{FINGERPRINT_KEY}: {value}"
            break
    else:
        lines.insert(end, f"{FINGERPRINT_KEY}: {value}")
    return "\n".join(lines)


def page_state(curriculum: Curriculum, src_uri: str, lang: str) -> str | None:
    """How the page at src_uri reads in lang: None (original), "translated", "outdated" or "fallback"."""
    if lang == curriculum.default_language:
        return None
    entries = curriculum.by_src()
    entry = entries.get(src_uri)
    if entry is None:
        return None  # generated pages are written in every language
    if entry.lang == curriculum.default_language:
        return "fallback"
    source = entries.get(entry.source_src)
    if source is not None and entry.meta.get(FINGERPRINT_KEY) != fingerprint(source):
        return "outdated"
    return "translated"


def notice_markdown(
    state: str, lang: str, page_src: str, english_href: str, changed: list[tuple[str, str]] | None = None
) -> str:
    """The notice shown above a page that is not (or no longer) a faithful translation.

    changed: for an outdated page, the (anchor, heading) of each section the English changed in,
    when git history could tell; the notice then links them, so a reader knows what to doubt.
    """
    from babel.lists import format_list

    from . import interface  # imported here: the status commands need no interface table

    if state == "fallback":
        help_page = posixpath.relpath(HELP_TRANSLATE_PAGE, posixpath.dirname(page_src) or ".")
        text = interface.text("notice.fallback", lang)
        link = f"[{interface.text('notice.help_translate', lang)}]({help_page}#{HELP_TRANSLATE_ANCHOR})"
    elif state == "outdated":
        text = interface.text("notice.outdated", lang)
        if changed:
            names = [f"[{label}](#{anchor})" if anchor else label for anchor, label in changed]
            text += " " + interface.text("notice.changed_sections", lang, sections=format_list(names, locale=lang))
        link = f'<a href="{english_href}" hreflang="en">{interface.text("notice.read_english", lang)}</a>'
    else:
        return ""
    return (
        f'<div class="admonition info osm-translation-notice" data-translation-status="{state}" lang="{lang}" markdown>\n\n'
        f"{text} {link}\n\n</div>\n\n"
    )
