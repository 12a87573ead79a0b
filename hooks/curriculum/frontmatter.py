"""Step 1 of the pipeline: read a Markdown file and split off its YAML front-matter.

Contributors edit these files in the browser, in Windows editors and in word
processors, so every way the raw bytes can go wrong gets its own message that
says how to fix it, rather than a parser traceback.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem

FENCE = "---"
# The front-matter starts on line 2 of the file, after the opening fence.
FIRST_META_LINE = 2

# Limits that no real page comes near (the longest, a Nepali glossary, is 72 KB
# with 4 KB of front-matter and 1,344-character lines), so that a file sent in
# a pull request cannot make the build slow or run out of memory. CONTRIBUTING
# states them.
MAX_PAGE_BYTES = 256 * 1024
MAX_FRONT_MATTER_BYTES = 32 * 1024
MAX_LINE_CHARS = 4000
# Root mapping, checklist list, item, dpg list: lessons need four levels.
MAX_DEPTH = 6
# C0 and C1 control characters other than tab and newline: no editor shows them,
# and a NUL or an escape sequence in a page only hides text or breaks tools.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\s*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}$")


class FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as the text written (`reviewed: 2026-12-02`).

    The schema checks a date's form as text; a date object would fail every
    `type: string` and read differently in each tool that loads the file.
    """


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FastFrontMatterLoader(getattr(yaml, "CSafeLoader", FrontMatterLoader)):
    """The same rules on libyaml's parser (in PyYAML's wheels), about ten times faster.

    Only for files that parse: libyaml words its errors differently, so a file
    that fails is read again by FrontMatterLoader, whose message contributors see.
    """


FastFrontMatterLoader.yaml_implicit_resolvers = FrontMatterLoader.yaml_implicit_resolvers


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # without the {#id} part
    anchor: str | None  # the explicit id, if the heading has one
    line: int


@dataclass
class Source:
    path: str
    meta: dict
    body: str
    body_line: int  # file line on which the body starts
    key_lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, key_path: tuple) -> int:
        """The line of the deepest part of key_path that exists; the opening fence otherwise."""
        for end in range(len(key_path), 0, -1):
            line = self.key_lines.get(tuple(key_path[:end]))
            if line is not None:
                return line
        return 1

    def headings(self) -> list[Heading]:
        """The body's Markdown headings with their file lines, skipping code blocks."""
        cached = self.__dict__.get("_headings")
        if cached is not None and cached[0] == self.body:
            return cached[1]
        found = []
        in_code = False
        for offset, text in enumerate(self.body.split("\n")):
            stripped = text.strip()
            if stripped.startswith("```") or stripped.startswith("~~~"):
                in_code = not in_code
                continue
            match = None if in_code else HEADING.match(stripped)
            if match:
                title = match.group(2)
                explicit = EXPLICIT_ID.search(title)
                anchor = explicit.group(1) if explicit else None
                title = title[: explicit.start()] if explicit else title
                found.append(Heading(len(match.group(1)), title.strip(), anchor, self.body_line + offset))
        self.__dict__["_headings"] = (self.body, found)
        return found

    def heading_anchors(self) -> list[tuple[str, int]]:
        """Explicit heading ids ({#id}) with their file lines."""
        return [(h.anchor, h.line) for h in self.headings() if h.anchor]


class SourceError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _fail(path: str, line: int, what: str, message: str) -> SourceError:
    return SourceError(Problem(path, line, what, message))


def decode(path: str, raw: bytes) -> str:
    """Bytes to text, refusing the encodings and line endings that break diffs and builds."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise _fail(
            path,
            line,
            "encoding",
            f"byte 0x{byte:02x} is not UTF-8 text; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        ) from None
    if text.startswith("\ufeff"):
        raise _fail(
            path,
            1,
            "encoding",
            "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        )
    control = CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise _fail(
            path,
            line,
            "encoding",
            f"invisible control character U+{ord(control.group()):04X}; delete it "
            "(retype the line if you cannot see it)",
        )
    long_line = next((n for n, line in enumerate(text.split("\n"), 1) if len(line) > MAX_LINE_CHARS), None)
    if long_line:
        raise _fail(
            path,
            long_line,
            "line",
            f"is longer than {MAX_LINE_CHARS:,} characters; write one sentence per line",
        )
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise _fail(
            path,
            line,
            "line-endings",
            "Windows line endings (CRLF); save the file with Unix line endings (LF), "
            "or run: git config core.autocrlf input",
        )
    return text


def split(path: str, text: str) -> tuple[str, str, int]:
    """Return (front-matter text, body, body line) or raise SourceError."""
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise _fail(
            path,
            1,
            "front-matter",
            "there is none; start the file with a line of three dashes (---), then the fields, "
            "then another line of three dashes",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            meta_lines = lines[1:index]
            break
    else:
        raise _fail(
            path,
            1,
            "front-matter",
            "is not closed; add a line of three dashes (---) after the last field",
        )
    for offset, text_line in enumerate(meta_lines):
        if "\t" in text_line:
            raise _fail(
                path,
                FIRST_META_LINE + offset,
                "front-matter",
                "tab character; YAML indents with spaces only, so replace the tab with spaces",
            )
    body = "\n".join(lines[index + 1 :])
    return "\n".join(meta_lines), body, index + 2


def _key_lines(node: yaml.Node, path: str, prefix: tuple = ()) -> dict[tuple, int]:
    """Map each key path to its file line, and refuse keys given twice (YAML would keep the last silently)."""
    found: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + FIRST_META_LINE
            if key_node.tag != "tag:yaml.org,2002:str":
                # `5:` or `yes:` load as a number or a boolean, which no field name is.
                raise _fail(
                    path,
                    line,
                    "front-matter",
                    f"the field name `{key}` reads as a number or as true/false, not as a name; "
                    "use a field the schema lists, such as `title`",
                )
            if key in seen:
                name = ".".join(str(p) for p in prefix + (key,))
                raise _fail(
                    path,
                    line,
                    name,
                    f"is given twice (first on line {seen[key]}); keep one of them",
                )
            seen[key] = line
            found[prefix + (key,)] = line
            found.update(_key_lines(value_node, path, prefix + (key,)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found[prefix + (index,)] = item.start_mark.line + FIRST_META_LINE
            found.update(_key_lines(item, path, prefix + (index,)))
    return found


def _refuse_what_lessons_never_need(path: str, meta_text: str, loader=FrontMatterLoader) -> None:
    """Walk the YAML events (which builds nothing) and refuse anchors, aliases, tags and deep nesting.

    An alias can make a few hundred bytes expand to billions of items, deep
    nesting exhausts Python's recursion, and tags ask the loader for types that
    no field has; lessons need none of them, so each gets a message naming the
    plain YAML to write instead.
    """
    if len(meta_text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise _fail(
            path,
            FIRST_META_LINE,
            "front-matter",
            f"is larger than {MAX_FRONT_MATTER_BYTES // 1024} KB; keep it to the fields the schema lists "
            "and put long text in the page body",
        )
    depth = 0
    for event in yaml.parse(meta_text, Loader=loader):
        line = event.start_mark.line + FIRST_META_LINE
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _fail(
                path,
                line,
                "front-matter",
                "YAML anchors (&name) and aliases (*name) are not used in lessons; write the value out in full",
            )
        if getattr(event, "tag", None) and not (isinstance(event, yaml.ScalarEvent) and event.implicit[1]):
            raise _fail(
                path,
                line,
                "front-matter",
                f"the YAML tag `{event.tag}` is not used in lessons; remove it and write plain text, "
                "a number, a list or `field: value` lines",
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _fail(
                    path,
                    line,
                    "front-matter",
                    f"is nested more than {MAX_DEPTH} levels deep; lesson fields need at most four "
                    "(checklist, item, dpg), so remove the extra brackets or indentation",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _read(path: str, meta_text: str, loader_class) -> tuple:
    """(node, data) from one parse: the node gives key lines, the data is built from it."""
    _refuse_what_lessons_never_need(path, meta_text, loader_class)
    loader = loader_class(meta_text)  # a SafeLoader: no Python objects
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse(path: str, meta_text: str) -> tuple[dict, dict[tuple, int]]:
    try:
        try:
            node, meta = _read(path, meta_text, FastFrontMatterLoader)
        except yaml.YAMLError:
            node, meta = _read(path, meta_text, FrontMatterLoader)
    except yaml.reader.ReaderError as error:
        line = meta_text[: error.position].count("\n") + FIRST_META_LINE
        raise _fail(
            path,
            line,
            "front-matter",
            f"invisible control character U+{error.character:04X}; delete it (retype the line if you cannot see it)",
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + FIRST_META_LINE if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise _fail(
            path,
            line,
            "front-matter",
            f"YAML syntax error ({problem}); check indentation and quotes, and put text "
            'that contains ": " or starts with a special character in double quotes',
        ) from None
    if meta is None:
        meta, node = {}, None
    if not isinstance(meta, dict):
        raise _fail(
            path,
            FIRST_META_LINE,
            "front-matter",
            "is not a set of `field: value` lines; write one field per line, such as `title: Choosing a license`",
        )
    return meta, (_key_lines(node, path) if node is not None else {})


# `make serve` reads every file again after each save: a file whose bytes are unchanged is not
# parsed again. Each caller gets its own copy, since a caller may change what it gets.
_parsed: dict[str, tuple[bytes, Source]] = {}


def read_source(path: str, raw: bytes) -> Source:
    """Read one Markdown file; raise SourceError naming the line and the fix."""
    kept = _parsed.get(path)
    if kept is not None and kept[0] == raw:
        return copy.deepcopy(kept[1])
    if len(raw) > MAX_PAGE_BYTES:
        raise _fail(
            path,
            1,
            "size",
            f"the file is larger than {MAX_PAGE_BYTES // 1024} KB; no page needs that much, "
            "so split it into several lessons",
        )
    text = decode(path, raw)
    meta_text, body, body_line = split(path, text)
    meta, key_lines = parse(path, meta_text)
    source = Source(path=path, meta=meta, body=body, body_line=body_line, key_lines=key_lines)
    if len(_parsed) > 5000:  # a test run reads many copies of the fixture site
        _parsed.clear()
    _parsed[path] = (raw, copy.deepcopy(source))
    return source
