"""Step 3b of the pipeline (enrich): collect the lessons' checklist items and group them.

An item is written once, in the front-matter of the lesson that teaches it;
the module, programme and DPG views are all built from that one list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import GENERATED_AT_TOP, GENERATED_IN_MODULE, Curriculum
from .problems import ContentError, Problem

DPG_INDICATORS = tuple(range(1, 10))
QUARTERS = (1, 2, 3, 4)
# The checklist.* strings checklists.js says in the browser. The rest (headings, intros, DPG names)
# are written into the page by the build, so the page does not carry them twice.
SCRIPT_STRINGS = (
    "copied",
    "copy_failed",
    "exported",
    "import_failed",
    "import_too_large",
    "imported",
    "imported_some",
    "progress",
    "storage_full",
    "storage_unavailable",
)


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    dpg: tuple[int, ...]
    section: str | None
    lesson_id: str
    lesson_title: str
    lesson_src: str  # default-language source path; links resolve it per language
    module_number: int
    quarter: int


@dataclass(frozen=True)
class ModuleInfo:
    number: int
    title: str
    src: str
    first_month: int
    last_month: int

    @property
    def quarter(self) -> int:
        return quarter_of(self.first_month)

    @property
    def checklist_src(self) -> str:
        return self.src.rsplit("/", 1)[0] + "/" + CHECKLIST_NAME


CHECKLIST_NAME = GENERATED_IN_MODULE
PROGRAMME_CHECKLIST, DPG_READINESS = GENERATED_AT_TOP[:2]


def quarter_of(month: int) -> int:
    """Months 1-3 are quarter 1, ..., months 10-12 quarter 4."""
    return (month - 1) // 3 + 1


def modules(curriculum: Curriculum, lang: str) -> list[ModuleInfo]:
    found = []
    for module in curriculum.modules:
        shown = curriculum.translation_of(module.entry, lang) or module.entry
        months = module.entry.meta.get("months") or {}
        found.append(
            ModuleInfo(
                module.number,
                shown.meta.get("title", module.title),
                module.entry.src,
                months.get("first", 1),
                months.get("last", months.get("first", 1)),
            )
        )
    return found


def collect(curriculum: Curriculum, lang: str) -> list[Item]:
    """Every item in module order, then lesson order, then the order written; translated where possible."""
    items, seen = [], {}
    for module in curriculum.modules:
        first_month = (module.entry.meta.get("months") or {}).get("first", 1)
        for lesson in module.lessons:
            translated = curriculum.translation_of(lesson, lang)
            texts = {i.get("id"): i.get("text") for i in (translated.meta.get("checklist") or [])} if translated else {}
            title = (translated or lesson).meta.get("title", lesson.meta.get("title"))
            for index, raw in enumerate(lesson.meta.get("checklist") or []):
                item_id = raw["id"]
                if item_id in seen:
                    # Validation reports this first; refuse rather than show one box twice.
                    raise ContentError(
                        [
                            Problem(
                                lesson.source.path,
                                lesson.source.line_of(("checklist", index, "id")),
                                f"checklist[{index}].id",
                                f"`{item_id}` is already used in {seen[item_id]}; give this item a new id",
                            )
                        ]
                    )
                seen[item_id] = lesson.source.path
                items.append(
                    Item(
                        id=item_id,
                        text=texts.get(item_id) or raw["text"],
                        dpg=tuple(sorted(raw.get("dpg") or ())),
                        section=raw.get("section"),
                        lesson_id=lesson.meta["id"],
                        lesson_title=title,
                        lesson_src=lesson.src,
                        module_number=module.number,
                        quarter=quarter_of(first_month),
                    )
                )
    return items


def by_lesson(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """(lesson id, items), lessons in the order their items come."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.lesson_id, []).append(item)
    return list(groups.items())


def by_module(items: list[Item]) -> dict[int, list[Item]]:
    groups: dict[int, list[Item]] = {}
    for item in items:
        groups.setdefault(item.module_number, []).append(item)
    return groups


def by_quarter(items: list[Item], module_infos: list[ModuleInfo]) -> dict[int, list[ModuleInfo]]:
    """Quarter -> the modules that start in it (a module's items stay together under its first quarter)."""
    groups: dict[int, list[ModuleInfo]] = {q: [] for q in QUARTERS}
    with_items = {item.module_number for item in items}
    for info in module_infos:
        if info.number in with_items:
            groups[info.quarter].append(info)
    return groups


def by_indicator(items: list[Item]) -> tuple[dict[int, list[Item]], list[Item]]:
    """(indicator -> items that advance it, items tied to no indicator)."""
    groups: dict[int, list[Item]] = {number: [] for number in DPG_INDICATORS}
    untied = []
    for item in items:
        for number in item.dpg:
            groups[number].append(item)
        if not item.dpg:
            untied.append(item)
    return groups, untied


def script_strings(table: dict, numbering: str) -> dict:
    """What a page with boxes hands to checklists.js: its messages and the language's digits."""
    return {**{key: table[key] for key in SCRIPT_STRINGS}, "numbering": numbering}
