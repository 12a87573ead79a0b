"""Start a new lesson or a new translation with every field and section in place.

The fields come from the schema, so a field added there is scaffolded too.
Whatever a person has to write is a placeholder starting with TODO, which
the schema's `text` definition rejects: scripts/validate lists every one
until it is written, and a half-finished file cannot be published.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import yaml

from . import translation
from .model import Curriculum, Entry, Module, _is_generated
from .validation import _resolve, load_schema

TODO = "TODO: "
TRANSLATE = "TODO translate: "
# How many objectives and checklist items a new lesson starts with: the house style asks for three to six
# (tests/test_content.py); the contributor deletes the ones they do not need.
STARTING_ITEMS = 3
TEXT_REF = "#/$defs/text"
LEGAL_NOTICE = '!!! warning "Not legal advice"'


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message says what to do instead."""


# --- Writing front-matter the way the lessons are written by hand ------------------------------------------


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        # Indent list items under their key ("  - item"), as every lesson does.
        return super().increase_indent(flow, False)


def _represent_list(dumper, data):
    # Lists of numbers stay on one line (`dpg: [2, 3]`), and so do empty lists (`prerequisites: []`).
    flow = all(isinstance(item, int) and not isinstance(item, bool) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def front_matter(meta: dict) -> str:
    dumped = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{dumped}---\n"


# --- New lesson -------------------------------------------------------------------------------------------


def _refs_text(schema: dict, node: dict) -> bool:
    """Whether node is, or refers through a chain of $refs to, the schema's `text` definition."""
    while "$ref" in node:
        ref = node["$ref"]
        if ref == TEXT_REF:
            return True
        node = schema
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
    return False


def _first_sentence(description: str) -> str:
    return description.split(". ")[0].rstrip(".") + "."


def _placeholder(schema: dict, node: dict, number: int | None = None, hint: str | None = None) -> object:
    """A value for a field a person must write, from the field's schema node (hint: the list's description)."""
    resolved = _resolve(schema, node)
    if _refs_text(schema, node):
        hint = _first_sentence(hint or resolved.get("description", "Write this."))
        return TODO + (f"{hint[:-1]} ({number})." if number else hint)
    kind = resolved.get("type")
    if kind == "array":
        items = resolved.get("items", {})
        if _refs_text(schema, items) or _resolve(schema, items).get("type") == "object":
            described = resolved.get("description") if _refs_text(schema, items) else None
            return [_placeholder(schema, items, n, described) for n in range(1, STARTING_ITEMS + 1)]
        return []  # lists that may be empty: prerequisites, DPG indicators
    if kind == "object":
        return {
            name: _placeholder(schema, resolved["properties"][name], number) for name in resolved.get("required", [])
        }
    if resolved.get("format") == "date":  # a date a person vouches for, such as `reviewed`: never filled in for them
        return TODO + _first_sentence(resolved.get("description", "Write the date, YYYY-MM-DD."))
    if "pattern" in resolved:  # an id: the uppercase TODO does not fit the id pattern, so validation asks for one
        return f"TODO-name-this-{number or 1}"
    examples = resolved.get("examples")
    return examples[0] if examples else None


def lesson_meta(lesson_id: str, title: str, order: int) -> dict:
    """The required lesson fields, in the schema's order, with placeholders where a person must write."""
    schema = load_schema()
    definition = schema["$defs"]["lesson"]
    known = {"id": lesson_id, "title": title, "order": order}
    return {
        name: known[name] if name in known else _placeholder(schema, definition["properties"][name])
        for name in definition["required"]
    }


def slug(title: str) -> str:
    """'Trademarks & names!' -> 'trademarks-names'; accents dropped, other scripts give ''."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _id_rule() -> tuple[re.Pattern, int]:
    node = load_schema()["$defs"]["kebab-id"]
    return re.compile(node["pattern"]), node["maxLength"]


def taken_names(curriculum: Curriculum, module: Module) -> set[str]:
    """Ids in use anywhere, and the names of the pages in module's folder (an id is also the file's name)."""
    ids = {e.meta.get("id") for e in curriculum.entries if e.kind == "lesson"}
    ids |= {Path(src).stem for src in curriculum.unreadable}  # an unreadable lesson's id is unknown
    files = {Path(e.source_src).stem for e in curriculum.entries if e.module_folder == module.folder}
    return {i for i in ids if isinstance(i, str)} | files | {"index"}


def _free(name: str, taken: set[str], module: Module) -> bool:
    """Neither taken nor the name of a page the build generates in the module (its checklist, ...)."""
    return name not in taken and not _is_generated(f"{module.folder}/{name}.md")


def fresh_id(title: str, taken: set[str], module: Module) -> str:
    pattern, longest = _id_rule()
    base = slug(title)[:longest].strip("-")
    if not base:
        raise ScaffoldError(
            f"the title {title!r} gives no id in Latin letters; pass one with --id, such as --id my-lesson"
        )
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        candidate = base[: longest - len(suffix)].rstrip("-") + suffix
        if _free(candidate, taken, module) and pattern.match(candidate):
            return candidate
    raise ScaffoldError(f"no free id starts with {base!r}; pass one with --id")


def find_module(curriculum: Curriculum, name: str) -> Module:
    """A module by folder (01-licensing) or number (1, 01)."""
    wanted = name.strip().strip("/").removeprefix("docs/")
    for module in curriculum.modules:
        if wanted == module.folder or (wanted.isdigit() and int(wanted) == module.number):
            return module
    known = ", ".join(m.folder for m in curriculum.modules) or "none yet"
    raise ScaffoldError(f"unknown module {name!r}; use one of: {known} (the folders under docs/)")


def _next_line(module: Module) -> str:
    """The last lesson's **Next:** line: the new lesson now comes last, so it leads where that one did."""
    if module.lessons:
        lines = [line for line in module.lessons[-1].source.body.strip().split("\n") if line.strip()]
        if lines and lines[-1].startswith("**Next:**"):
            return lines[-1]
    return f"**Next:** [{module.title}](index.md)"


def lesson_body(module: Module) -> str:
    # Follow the module's own convention: the licensing lessons all say they are not legal advice.
    legal = bool(module.lessons) and all(LEGAL_NOTICE in e.source.body for e in module.lessons)
    notice = (
        f"\n{LEGAL_NOTICE}\n\n    This lesson explains general ideas; it is not legal advice.\n"
        "    TODO: say when the team should ask a lawyer.\n"
        if legal
        else ""
    )
    return f"""
TODO: two or three sentences on what this lesson is about and what the team has at the end.
{notice}
## Why it matters {{#why-it-matters}}

TODO: why a small team should care, and which programme milestone or DPG indicator it serves.

## Worked example {{#worked-example}}

TODO: a team from data/teams.yml (same name, city, size and earlier decisions), a concrete situation, what they did and what happened.

## Try it on your project {{#try-it}}

1. TODO: the first step the team takes on its own project.

At the end you have TODO: what the team has in place.

## Notes for mentors {{#mentor-notes}}

??? note "Discussion questions and common mistakes"

    **Discussion questions**

    - TODO: a question that makes the team apply the lesson to its own product.

    **Common mistakes**

    - TODO: a mistake teams often make here.

## Further reading {{#further-reading}}

- TODO: at least three sources, each as `[Title](https://...): what the reader finds there.`

{_next_line(module)}
"""


def new_lesson(
    curriculum: Curriculum, docs_dir: Path, module_name: str, title: str, lesson_id: str | None = None
) -> Path:
    """Write docs/<module>/<id>.md and return its path."""
    module = find_module(curriculum, module_name)
    title = (title or "").strip()
    if not title:
        raise ScaffoldError('the title is empty; pass one with --title, such as --title "Choosing a license"')
    taken = taken_names(curriculum, module)
    if lesson_id:
        pattern, longest = _id_rule()
        if not pattern.match(lesson_id) or len(lesson_id) > longest:
            raise ScaffoldError(
                f"--id {lesson_id!r} does not fit; write lowercase words joined by hyphens, "
                f"at most {longest} characters, such as {slug(title)[:longest] or 'my-lesson'}"
            )
        if not _free(lesson_id, taken, module):
            raise ScaffoldError(
                f"--id {lesson_id!r} is taken by a lesson or a page of {module.folder}/, and ids are "
                f"never reused; choose another, such as {fresh_id(lesson_id, taken, module)}"
            )
    else:
        lesson_id = fresh_id(title, taken, module)
    orders = [e.meta.get("order") for e in module.lessons]
    order = max((o for o in orders if isinstance(o, int)), default=0) + 1
    path = Path(docs_dir) / module.folder / f"{lesson_id}.md"
    text = front_matter(lesson_meta(lesson_id, title, order)) + lesson_body(module)
    _write_new(path, text)
    return path


# --- New translation --------------------------------------------------------------------------------------


def find_source(curriculum: Curriculum, docs_dir: Path, target: str) -> Entry:
    """The English page named by a path (docs/..., relative to docs/, or on disk) or by a lesson id."""
    sources = {e.src: e for e in curriculum.sources()}
    if target.endswith(".md") or "/" in target:
        docs = Path(docs_dir).resolve()
        for candidate in (Path(target), Path(docs_dir) / target):
            try:
                src = candidate.resolve().relative_to(docs).as_posix()
            except ValueError:
                continue
            if src in sources:
                return sources[src]
            entry = curriculum.by_src().get(src)
            if entry is not None:
                raise ScaffoldError(f"{target} is itself a translation; name its English file, {entry.source_src}")
        raise ScaffoldError(
            f"{target} is not a page under {shown(docs_dir)}/; name a file such as "
            f"{next(iter(sources), '01-licensing/choosing-a-license.md')}, or a lesson id"
        )
    by_id = {e.meta.get("id"): e for e in curriculum.lessons()}
    if target in by_id:
        return by_id[target]
    close = difflib.get_close_matches(target, [i for i in by_id if isinstance(i, str)], n=1)
    hint = f"did you mean {close[0]!r}?" if close else "name the lesson's file instead, such as docs/01-licensing/x.md"
    raise ScaffoldError(f"no lesson has the id {target!r}; {hint}")


def _mark(value):
    if isinstance(value, str):
        return TRANSLATE + value
    if isinstance(value, list):
        return [_mark(item) for item in value]
    return value


def translation_text(source: Entry) -> str:
    """The source, with every text a reader reads marked for translation and its fingerprint recorded."""
    meta = {}
    for key, value in source.meta.items():
        if key in translation.INHERITED:
            continue  # the translation shows its source's value
        if key in translation.TRANSLATABLE:
            value = _mark(value)
        elif key == "checklist" and isinstance(value, list):
            value = [{**item, "text": _mark(item.get("text"))} if isinstance(item, dict) else item for item in value]
        meta[key] = value
    text = front_matter(meta) + source.source.body
    return translation.stamp(text, translation.fingerprint(source))


def new_translation(curriculum: Curriculum, docs_dir: Path, languages: list[str], lang: str, target: str) -> Path:
    """Write the lang translation of target next to it and return its path."""
    others = [code for code in languages if code != curriculum.default_language]
    if lang == curriculum.default_language:
        raise ScaffoldError(
            f"{lang} is the language the pages are written in; name a language to translate into: {', '.join(others)}"
        )
    if lang not in others:
        raise ScaffoldError(
            f"language {lang!r} is not configured; use one of: {', '.join(others)} "
            "(or add it under plugins: i18n: languages in mkdocs.yml)"
        )
    source = find_source(curriculum, docs_dir, target)
    path = Path(docs_dir) / f"{source.src[: -len('.md')]}.{lang}.md"
    if path.exists():
        raise ScaffoldError(
            f"{shown(path)} exists already; edit it, then record the English it matches with "
            f"scripts/translation-status --stamp {shown(path)}"
        )
    _write_new(path, translation_text(source))
    return path


def shown(path: Path) -> str:
    """A path as the contributor typed it: relative to where they are, when it is below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        raise ScaffoldError(f"{shown(path)} exists already; choose another name, or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
