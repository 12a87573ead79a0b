"""Step 2 of the pipeline: check front-matter against the one schema, then across files.

Every problem becomes `path:line: field: what is wrong, and what to write
instead`, and all of them are reported in one run, so a contributor fixes a
pull request in one round instead of one error per build.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath

from jsonschema import Draft202012Validator

from . import content_safety, translation
from .model import MODULE_FOLDER, Curriculum, Entry
from .problems import Problem

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "front-matter.schema.json"
TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a set of `field: value` lines",
    "boolean": "true or false",
}


@lru_cache(maxsize=4)
def load_schema(path: Path = SCHEMA_PATH) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=16)
def _validator(kind: str, path: Path = SCHEMA_PATH) -> Draft202012Validator:
    schema = dict(load_schema(path))
    schema["$ref"] = f"#/$defs/{kind}"
    return Draft202012Validator(schema)


def _resolve(schema: dict, node: dict) -> dict:
    """Follow $ref chains and merge them, so hints on a referring property win over the target's."""
    merged: dict = {}
    while True:
        for key, value in node.items():
            merged.setdefault(key, value)
        ref = node.get("$ref")
        if not ref:
            return merged
        node = schema
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]


def _field_name(path) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "front-matter"


def _example(schema_node: dict, name: str) -> str:
    examples = schema_node.get("examples")
    if not examples:
        return ""
    value = examples[0]
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return f"for example `{name}: {shown}`"


def _expected(schema_node: dict) -> str:
    return schema_node.get("x-expected") or TYPE_NAMES.get(schema_node.get("type"), "a valid value")


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(error, schema: dict) -> tuple[tuple, str, str]:
    """Turn one jsonschema error into (key path, field name, message with the fix)."""
    path = tuple(error.absolute_path)
    node = _resolve(schema, error.schema)
    kind = error.validator
    leaf = str(path[-1]) if path and not isinstance(path[-1], int) else _field_name(path)
    example = _example(node, leaf)
    hint = f"; {example}" if example else f"; write {_expected(node)}"
    if kind == "required":
        missing = error.message.split("'")[1]
        property_node = _resolve(schema, error.schema["properties"][missing])
        example = _example(property_node, missing)
        return (
            path,
            _field_name(path + (missing,)),
            f"is missing; add it, {example or 'see schema/front-matter.schema.json'}",
        )
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        known = sorted(error.schema.get("properties", {}))
        unknown = extra[0]
        close = difflib.get_close_matches(unknown, known, n=1)
        fix = f"did you mean `{close[0]}`?" if close else "remove it"
        return (
            path + (unknown,),
            _field_name(path + (unknown,)),
            (f"is not a known field; {fix} (known fields: {', '.join(known)})"),
        )
    if kind == "type":
        return path, _field_name(path), f"must be {_expected(node)}, not {_shown(error.instance)}{hint}"
    if kind == "not":
        return (
            path,
            _field_name(path),
            (f"{_shown(error.instance)} is still a placeholder; replace it with the real text"),
        )
    if kind == "pattern":
        return path, _field_name(path), f"{_shown(error.instance)} does not fit; write {_expected(node)}"
    if kind == "maxLength":
        return (
            path,
            _field_name(path),
            (f"is {len(error.instance)} characters long; shorten it to at most {error.validator_value}"),
        )
    if kind == "minLength":
        return path, _field_name(path), f"is empty; write {_expected(node)}"
    if kind in ("minimum", "maximum"):
        low, high = node.get("minimum"), node.get("maximum")
        allowed = (
            f"from {low} to {high}"
            if low is not None and high is not None
            else (f"at least {low}" if low is not None else f"at most {high}")
        )
        what = node.get("x-expected") or f"a number {allowed}"
        return (
            path,
            _field_name(path),
            f"{_shown(error.instance)} is out of range; write {what}" + (f", {example}" if example else ""),
        )
    if kind == "minItems":
        count = error.validator_value
        return path, _field_name(path), f"needs at least {count} item{'s' if count != 1 else ''}{hint}"
    if kind == "maxItems":
        return path, _field_name(path), (f"has {len(error.instance)} items; keep at most {error.validator_value}")
    if kind == "uniqueItems":
        seen, repeated = [], None
        for item in error.instance:
            if item in seen:
                repeated = item
                break
            seen.append(item)
        return path, _field_name(path), f"lists {_shown(repeated)} twice; remove the repeat"
    if kind == "enum":
        return path, _field_name(path), (f"{_shown(error.instance)} is not allowed; write {_expected(node)}")
    return path, _field_name(path), f"{error.message}{hint}"


def check_schema(entry: Entry, inherited: dict | None = None) -> list[Problem]:
    """Schema problems of one entry; inherited: for a translation, the fields it takes from its source."""
    schema = load_schema()
    problems = []
    meta = {**(inherited or {}), **entry.meta}
    for error in _validator(entry.kind).iter_errors(meta):
        if inherited is not None and _inherited_problem(error, entry.meta):
            continue  # a problem of the source's value: the source's own message says so once
        key_path, name, message = describe(error, schema)
        problems.append(Problem(entry.source.path, entry.source.line_of(key_path), name, message))
    return problems


def _inherited_problem(error, own: dict) -> bool:
    """True when a translation's error is about a field it takes from its source, not one it sets."""
    if error.validator == "required":
        return not error.absolute_path and error.message.split("'")[1] in translation.INHERITED
    field = error.absolute_path[0] if error.absolute_path else None
    return field in translation.INHERITED and field not in own


def _problem(entry: Entry, key_path: tuple, field: str, message: str) -> Problem:
    return Problem(entry.source.path, entry.source.line_of(key_path), field, message)


def check_modules(curriculum: Curriculum) -> list[Problem]:
    problems = []
    numbers: dict[int, Entry] = {}
    for module in curriculum.modules:
        entry = module.entry
        folder_number = int(MODULE_FOLDER.match(module.folder).group(1))
        declared = entry.meta.get("module")
        if isinstance(declared, int) and declared != folder_number:
            problems.append(
                _problem(
                    entry,
                    ("module",),
                    "module",
                    (f"{declared} does not match the folder {module.folder}/; write `module: {folder_number}`"),
                )
            )
        if folder_number in numbers:
            problems.append(
                _problem(
                    entry,
                    ("module",),
                    "module",
                    (
                        f"number {folder_number} is also used by {numbers[folder_number].source.path}; "
                        "give each module folder its own number"
                    ),
                )
            )
        numbers.setdefault(folder_number, entry)
        months = entry.meta.get("months")
        if isinstance(months, dict):
            first, last = months.get("first"), months.get("last")
            if isinstance(first, int) and isinstance(last, int) and first > last:
                problems.append(
                    _problem(
                        entry,
                        ("months", "last"),
                        "months.last",
                        (f"month {last} comes before the first month {first}; write a last month of {first} or later"),
                    )
                )
    expected = 1
    for number in sorted(numbers):
        if number != expected:
            entry = numbers[number]
            problems.append(
                _problem(
                    entry,
                    ("module",),
                    "module",
                    (
                        f"module {number} comes with no module {expected} before it; number the module "
                        f"folders 01, 02, 03 ... without gaps (rename this folder to {expected:02d}-...)"
                    ),
                )
            )
        expected = number + 1
    return problems


def check_lessons(curriculum: Curriculum) -> list[Problem]:
    problems = []
    lesson_ids: dict[str, Entry] = {}
    item_ids: dict[str, tuple[Entry, int]] = {}
    for module in curriculum.modules:
        orders: dict[int, Entry] = {}
        for lesson in module.lessons:
            meta = lesson.meta
            lesson_id = meta.get("id")
            if isinstance(lesson_id, str):
                if lesson_id in lesson_ids:
                    first = lesson_ids[lesson_id]
                    problems.append(
                        _problem(
                            lesson,
                            ("id",),
                            "id",
                            (
                                f"`{lesson_id}` is already the id of {first.source.path}:{first.source.line_of(('id',))}; "
                                "ids are permanent, so give this lesson a new one"
                            ),
                        )
                    )
                else:
                    lesson_ids[lesson_id] = lesson
            order = meta.get("order")
            if isinstance(order, int):
                if order in orders:
                    problems.append(
                        _problem(
                            lesson,
                            ("order",),
                            "order",
                            (
                                f"{order} is also the order of {orders[order].source.path}; "
                                "give each lesson of the module its own position"
                            ),
                        )
                    )
                orders.setdefault(order, lesson)
            anchors = {anchor for anchor, _ in lesson.source.heading_anchors()}
            for index, item in enumerate(_items(meta)):
                item_id = item.get("id")
                if isinstance(item_id, str):
                    if item_id in item_ids:
                        other, other_index = item_ids[item_id]
                        problems.append(
                            _problem(
                                lesson,
                                ("checklist", index, "id"),
                                f"checklist[{index}].id",
                                (
                                    f"`{item_id}` is already used by "
                                    f"{other.source.path}:{other.source.line_of(('checklist', other_index, 'id'))}; "
                                    "progress is stored by id, so give this item a new one"
                                ),
                            )
                        )
                    else:
                        item_ids[item_id] = (lesson, index)
                section = item.get("section")
                if isinstance(section, str) and section not in anchors:
                    problems.append(
                        _problem(
                            lesson,
                            ("checklist", index, "section"),
                            f"checklist[{index}].section",
                            (
                                f"`{section}` is not the anchor of a heading in this lesson; "
                                f"add {{#{section}}} to the heading that teaches it, or fix the name"
                            ),
                        )
                    )
    problems += _check_aliases(curriculum)
    # A lesson that could not be read still exists; its file name stands in for its id.
    unreadable_ids = {PurePosixPath(src).stem for src in curriculum.unreadable}
    problems += _check_prerequisites(curriculum.lessons(), lesson_ids, unreadable_ids)
    return problems


def _check_aliases(curriculum: Curriculum) -> list[Problem]:
    """An old path may redirect to one lesson only, and never hide a page that exists."""
    problems, claimed = [], {}
    existing = {e.source_src for e in curriculum.entries} | curriculum.unreadable
    for lesson in curriculum.lessons():
        aliases = lesson.meta.get("aliases")
        for index, alias in enumerate(aliases if isinstance(aliases, list) else []):
            if not isinstance(alias, str):
                continue
            where = ("aliases", index)
            if alias in existing:
                problems.append(
                    _problem(
                        lesson,
                        where,
                        f"aliases[{index}]",
                        (
                            f"{alias} is a page that exists; an alias is an old path that no longer has a page, so remove it"
                        ),
                    )
                )
            elif alias.startswith("go/"):
                problems.append(
                    _problem(
                        lesson,
                        where,
                        f"aliases[{index}]",
                        (f"{alias} is under go/, where the short links live; short links need no alias, so remove it"),
                    )
                )
            elif alias in claimed:
                problems.append(
                    _problem(
                        lesson,
                        where,
                        f"aliases[{index}]",
                        (f"{alias} is already an alias of {claimed[alias]}; an old path can lead to one lesson only"),
                    )
                )
            claimed.setdefault(alias, lesson.source.path)
    return problems


def _items(meta: dict) -> list[dict]:
    items = meta.get("checklist")
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _prerequisites(meta: dict) -> list[str]:
    value = meta.get("prerequisites")
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def _check_prerequisites(lessons: list[Entry], lesson_ids: dict[str, Entry], unreadable_ids: set) -> list[Problem]:
    problems = []
    for lesson in lessons:
        for index, wanted in enumerate(_prerequisites(lesson.meta)):
            if wanted not in lesson_ids and wanted not in unreadable_ids:
                close = difflib.get_close_matches(wanted, list(lesson_ids), n=1)
                fix = f"did you mean `{close[0]}`?" if close else "use the id of an existing lesson"
                problems.append(
                    _problem(
                        lesson,
                        ("prerequisites", index),
                        f"prerequisites[{index}]",
                        (f"`{wanted}` is not the id of any lesson; {fix}"),
                    )
                )
    # Depth-first search over the prerequisite graph; a back edge is a cycle.
    graph = {lid: [p for p in _prerequisites(entry.meta) if p in lesson_ids] for lid, entry in lesson_ids.items()}
    state: dict[str, str] = {}
    reported: set[frozenset] = set()

    def visit(node: str, trail: list[str]):
        state[node] = "open"
        for nxt in graph[node]:
            if state.get(nxt) == "open":
                cycle = (trail[trail.index(nxt) :] if nxt in trail else []) + [node, nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    entry = lesson_ids[node]
                    position = _prerequisites(entry.meta).index(nxt)
                    chain = ", which needs ".join(f"`{step}`" for step in cycle)
                    problems.append(
                        _problem(
                            entry,
                            ("prerequisites", position),
                            f"prerequisites[{position}]",
                            (
                                f"prerequisites go round in a circle: {chain}; a lesson cannot come before "
                                "itself, so remove one of these prerequisites"
                            ),
                        )
                    )
            elif nxt not in state:
                visit(nxt, trail + [node])
        state[node] = "done"

    for lesson_id in lesson_ids:
        if lesson_id not in state:
            visit(lesson_id, [])
    return problems


def check_translation_sources(curriculum: Curriculum) -> list[Problem]:
    """A translation must translate something: its English source has to exist."""
    sources = {e.src for e in curriculum.sources()} | curriculum.unreadable
    problems = []
    for entry in curriculum.entries:
        if entry.lang != curriculum.default_language and entry.source_src not in sources:
            problems.append(
                Problem(
                    entry.source.path,
                    1,
                    "translation",
                    (
                        f"translates {entry.source_src}, which does not exist; rename this file to match "
                        "its English source, or delete it if the lesson was removed"
                    ),
                )
            )
    return problems


def _suggested_anchor(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:5]) or "section-name"


def check_headings(entry: Entry) -> list[Problem]:
    """Section links must survive rewording and translation, so every section heading names its anchor."""
    problems, seen = [], {}
    path = entry.source.path
    for heading in entry.source.headings():
        if heading.anchor is None:
            if heading.level >= 2:
                problems.append(
                    Problem(
                        path,
                        heading.line,
                        "heading",
                        (
                            f"`{heading.text}` has no explicit anchor; write it as "
                            f"`{'#' * heading.level} {heading.text} {{#{_suggested_anchor(heading.text)}}}`"
                        ),
                    )
                )
            continue
        if heading.anchor in seen:
            problems.append(
                Problem(
                    path,
                    heading.line,
                    "heading",
                    (
                        f"anchor `{heading.anchor}` is already used on line {seen[heading.anchor]}; "
                        "give each heading of the page its own anchor"
                    ),
                )
            )
        seen.setdefault(heading.anchor, heading.line)
    return problems


# The checks of one file on its own, kept while the process lives: `make serve` validates again
# after every save, and only the saved file has changed.
_file_checks: dict[tuple, tuple[list[Problem], list[Problem]]] = {}


def _checks_of_file(entry: Entry, inherited: dict | None) -> tuple[list[Problem], list[Problem]]:
    """(schema problems, heading and body problems) of one file."""
    shown = json.dumps([entry.meta, inherited], sort_keys=True, default=str)
    key = (entry.source.path, entry.lang, entry.source.body_line, entry.source.body, shown)
    if key not in _file_checks:
        if len(_file_checks) > 5000:
            _file_checks.clear()
        source = entry.source
        others = check_headings(entry) + content_safety.check_body(source.path, source.body, source.body_line)
        _file_checks[key] = (check_schema(entry, inherited), others)
    own, others = _file_checks[key]
    return list(own), list(others)


def validate(curriculum: Curriculum) -> list[Problem]:
    """All problems of the curriculum, sorted by file and line."""
    problems = list(curriculum.problems)
    broken_sources = set()
    sources = curriculum.by_src()
    for entry in curriculum.entries:
        translated = entry.lang != curriculum.default_language
        source = sources.get(entry.source_src) if translated else None
        own, others = _checks_of_file(
            entry, translation.inherited_fields(source) if source else {} if translated else None
        )
        if own and entry.lang == curriculum.default_language:
            broken_sources.add(entry.src)
        problems += own + others
    problems += check_modules(curriculum)
    problems += check_lessons(curriculum)
    problems += check_translation_sources(curriculum)
    # Comparing a translation with a source that is itself wrong would only repeat the source's error.
    problems += translation.check_translations(curriculum, skip=broken_sources)
    return sorted(set(problems))
