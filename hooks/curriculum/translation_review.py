"""What a reviewer of a translation checks by hand, done by the machine.

Each check returns Problems (path:line, what is wrong, what to write):
- a heading left as the English one;
- a glossary link whose words are not the termbase's agreed term;
- in Persian, text that a browser or viewer would lay out left to right
  (a title or interface string starting with Latin text, a bare URL);
- French punctuation without its no-break space;
- a sentence left in English.
They are heuristics tuned on the site's own pages; each message says how to
satisfy it, including how to declare a deliberate exception.
"""

from __future__ import annotations

import re

from .model import Entry
from .problems import Problem
from .termbase import Term

NBSP = "\u00a0\u202f"
LATIN_LETTER = re.compile(r"[A-Za-z]")
# The first letter that sets a line's direction: Latin, or Arabic script.
STRONG = re.compile(r"[A-Za-z\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# A URL, or a host and port such as localhost:8000 or 192.168.1.10:8000 (not "ISO/IEC 5962:2021").
URL_OR_PORT = re.compile(
    r"\b(?:https?://|www\.)\S+|\b(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}):\d{2,5}\b"
)
# Platform setting names and UI strings are kept in English on purpose, quoted or in bold.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|\*\*[^*]+\*\*")
GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\((?:[./]*|\.\./)*glossary\.md#([\w-]+)\)")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")
ATTR_LIST = re.compile(r"\{[^}]*\}")
# License and product identifiers read the same in every language: MIT, GPL-3.0, Apache-2.0, README.
IDENTIFIER = re.compile(r"^(?:[A-Z][A-Z0-9.+-]*|[A-Za-z]+-?\d[\w.+-]*)$")
ENGLISH_WORDS = frozenset("the and of to is are for with that this your you not be can it on by or as from an".split())


def _prose_lines(body: str, first_line: int):
    """(file line, text) of body lines outside fenced code blocks."""
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if not in_code and stripped:
            yield first_line + offset, line


def _visible(text: str) -> str:
    """What a reader sees of a Markdown line: no code spans, link targets, tags or attribute lists."""
    for pattern in (INLINE_CODE, LINK_TARGET, HTML_TAG, ATTR_LIST):
        text = pattern.sub(" ", text)
    return text


def _is_name(heading: str, terms: dict[str, Term], lang: str) -> bool:
    if re.fullmatch(r"[A-Z]", heading):
        return True  # the glossary's letter sections

    def without_gloss(text: str) -> str:
        return re.sub(r"\s*\([^)]*\)", "", text).strip().casefold()

    core = without_gloss(heading)
    if any(t.kept_in_english(lang) and without_gloss(t.english) == core for t in terms.values()):
        return True
    return all(IDENTIFIER.match(word) for word in re.sub(r"\s*\([^)]*\)", "", heading).split())


def english_headings(entry: Entry, source: Entry, terms: dict[str, Term], lang: str) -> list[Problem]:
    english = {h.anchor: h.text for h in source.source.headings() if h.anchor}
    return [
        Problem(
            entry.source.path,
            h.line,
            "heading",
            (
                f"`{h.text}` is the English heading; translate its words and keep {{#{h.anchor}}}. "
                f"If it is a name kept in English on purpose, give it as the {lang} term in i18n/terms.yml, with a note"
            ),
        )
        for h in entry.source.headings()
        if h.anchor and english.get(h.anchor) == h.text and not _is_name(h.text, terms, lang)
    ]


def glossary_terms(entry: Entry, terms: dict[str, Term], lang: str) -> list[Problem]:
    problems = []
    for line_number, line in _prose_lines(entry.source.body, entry.source.body_line):
        for match in GLOSSARY_LINK.finditer(INLINE_CODE.sub("", line)):
            text, anchor = match.group(1), match.group(2)
            term = terms.get(anchor)
            if term is None or lang not in term.renderings:
                continue
            if not any(form.casefold() in text.casefold() for form in term.accepted(lang)):
                rendering = term.renderings.get(lang)
                problems.append(
                    Problem(
                        entry.source.path,
                        line_number,
                        "term",
                        (
                            f"the link to #{anchor} says «{text}»; the agreed {lang} term is «{rendering.term}» "
                            f"(i18n/terms.yml, which also lists its accepted forms); use it, or propose a change there"
                        ),
                    )
                )
    return problems


def _starts_latin(text: str) -> bool:
    first = STRONG.search(re.sub(r"\{\w+\}", "", _visible(text)))
    return bool(first and LATIN_LETTER.match(first.group()))


def persian_direction(entry: Entry) -> list[Problem]:
    """Titles and descriptions show as plain text (tab, search results): they must start right to left."""
    problems = []
    for key in ("title", "description"):
        value = entry.meta.get(key)
        if isinstance(value, str) and _starts_latin(value):
            problems.append(
                Problem(
                    entry.source.path,
                    entry.source.line_of((key,)),
                    key,
                    "starts with Latin text, so tabs and search results show it left to right; "
                    "begin with a Persian word, or put U+200F (RIGHT-TO-LEFT MARK) before the Latin text",
                )
            )
    for line_number, line in _prose_lines(entry.source.body, entry.source.body_line):
        if URL_OR_PORT.search(_visible(line)):
            problems.append(
                Problem(
                    entry.source.path,
                    line_number,
                    "bidi",
                    "a bare URL or host:port inside Persian text is reordered by the browser; "
                    "wrap it in backticks (`http://127.0.0.1:8000/`) or make it a link",
                )
            )
    return problems


def persian_interface(strings: list[tuple[str, int, str]], path: str) -> list[Problem]:
    """strings: (key, file line, Persian text) from i18n/interface.yml; they are shown as plain text."""
    problems = []
    for key, line, text in strings:
        for number, part in enumerate(text.split("\n")):
            if _starts_latin(part) or URL_OR_PORT.search(_visible(part)):
                problems.append(
                    Problem(
                        path,
                        line + number + (1 if "\n" in text else 0),
                        key,
                        "Persian text starting with Latin text, or holding a URL, shows left to right as plain text; "
                        "begin with a Persian word, or put U+200F (RIGHT-TO-LEFT MARK) before the Latin part",
                    )
                )
    return problems


FRENCH_BEFORE = re.compile(r"(?P<before>.)(?P<mark>[;:!?»])")
FRENCH_AFTER = re.compile(r"«(?P<after>.)")


def _french_text(line: str) -> str:
    text = _visible(line)
    text = re.sub(r"\b(?:https?|mailto):\S+", " ", text)
    text = re.sub(r"^\s*(?:[!?]{3}\+?)\s.*$", " ", text)  # admonition markers (!!! note "...")
    text = re.sub(r"!\[", "[", text)  # images
    return text


def french_spacing(entry: Entry) -> list[Problem]:
    problems = []
    for line_number, line in _prose_lines(entry.source.body, entry.source.body_line):
        text = _french_text(line)
        for match in FRENCH_BEFORE.finditer(text):
            before, mark = match.group("before"), match.group("mark")
            if before in NBSP or (mark == ":" and before.isdigit()) or before in "*_[(«»":
                continue
            if mark in "!?" and before in "!?":
                continue
            problems.append(
                Problem(
                    entry.source.path,
                    line_number,
                    "typography",
                    f"put a no-break space (U+00A0) before « {mark} », as French typography does: «…{before}\u00a0{mark}»",
                )
            )
            break
        for match in FRENCH_AFTER.finditer(text):
            if match.group("after") not in NBSP:
                problems.append(
                    Problem(entry.source.path, line_number, "typography", "put a no-break space (U+00A0) after «")
                )
                break
    return problems


def english_left(entry: Entry, source: Entry, lang: str, latin_script: bool) -> list[Problem]:
    """A line copied from the English, or (in other scripts) a run of English words."""
    english_lines = {line.strip() for _, line in _prose_lines(source.source.body, 0)}
    problems = []
    for line_number, line in _prose_lines(entry.source.body, entry.source.body_line):
        stripped = line.strip()
        if stripped.startswith("#") or stripped.startswith("|"):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z'’-]+", _visible(stripped))
        copied = stripped in english_lines and len(words) >= 4
        run = not latin_script and _longest_english_run(QUOTED.sub(" ", _visible(stripped))) >= 6
        if copied or run:
            problems.append(
                Problem(
                    entry.source.path,
                    line_number,
                    "untranslated",
                    f"this reads as English left in the {lang} page; translate it "
                    "(names and code may stay in English: put code in backticks)",
                )
            )
    return problems


def _longest_english_run(text: str) -> int:
    """The longest run of Latin words holding at least two common English words."""
    best = 0
    for run in re.findall(r"(?:[A-Za-z][A-Za-z'’-]*[\s,]+){2,}[A-Za-z][A-Za-z'’-]*", text):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", run)
        if sum(w.casefold() in ENGLISH_WORDS for w in words) >= 2:
            best = max(best, len(words))
    return best


LATIN_SCRIPT = frozenset({"en", "es", "fr", "sw"})


def interface_strings(path, lang: str) -> list[tuple[str, int, str]]:
    """(key, line, text) of one language's strings in i18n/interface.yml, with the line each starts on."""
    import yaml

    text = path.read_text(encoding="utf-8")
    table = yaml.safe_load(text)
    lines = text.split("\n")
    found, key = [], None
    for number, line in enumerate(lines, 1):
        if line and not line.startswith((" ", "#")):
            key = line.rstrip(":")
        elif key and line.startswith(f"  {lang}:") and isinstance(table.get(key, {}).get(lang), str):
            found.append((key, number, table[key][lang]))
    return found


def review(curriculum, terms: dict[str, Term], interface_path, interface_shown: str) -> list[Problem]:
    """Every check on every translation of the curriculum, and on the Persian interface strings."""
    sources = {e.src: e for e in curriculum.sources()}
    problems = []
    for entry in curriculum.entries:
        source = sources.get(entry.source_src)
        if entry.lang == curriculum.default_language or source is None:
            continue
        lang = entry.lang
        problems += english_headings(entry, source, terms, lang)
        problems += glossary_terms(entry, terms, lang)
        problems += english_left(entry, source, lang, lang in LATIN_SCRIPT)
        if lang == "fa":
            problems += persian_direction(entry)
        if lang == "fr":
            problems += french_spacing(entry)
    problems += persian_interface(interface_strings(interface_path, "fa"), interface_shown)
    return sorted(problems)
