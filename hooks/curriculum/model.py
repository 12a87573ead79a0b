"""The content model: which file is a module, a lesson or a page, and how they fit together.

The layout is the contract with contributors: a module is a folder
docs/NN-slug/ with an index.md, a lesson is any other Markdown file in it,
and translations sit beside their source as name.<lang>.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .frontmatter import Source, SourceError, read_source
from .problems import Problem

MODULE_FOLDER = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
# Folders of plain pages besides the modules; add one here to open a new section.
PAGE_FOLDERS = frozenset({"mentors"})
LAYOUT_HINT = (
    "put lessons in a module folder docs/NN-slug/ (two digits, a hyphen, lowercase words, "
    "such as docs/01-licensing/), and other pages in docs/ or docs/"
    + " or docs/".join(sorted(PAGE_FOLDERS))
    + "/"
)


@dataclass
class Entry:
    """One Markdown file under docs/, in any language."""

    src: str  # path relative to docs/, forward slashes, as MkDocs names it
    kind: str  # "module", "lesson" or "page"
    lang: str  # language code, the default language for untranslated sources
    source_src: str  # the default-language file this is (or translates)
    source: Source
    module_folder: str | None = None

    @property
    def meta(self) -> dict:
        return self.source.meta


@dataclass
class Module:
    number: int
    folder: str
    entry: Entry
    lessons: list[Entry] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.entry.meta.get("title", self.folder)


@dataclass
class Curriculum:
    default_language: str
    entries: list[Entry]
    modules: list[Module]
    problems: list[Problem]
    # Files that exist but could not be read; later checks must not report them a second time.
    unreadable: set[str] = field(default_factory=set)

    def sources(self) -> list[Entry]:
        """Default-language entries: the originals that translations follow."""
        return [e for e in self.entries if e.lang == self.default_language]

    def lessons(self) -> list[Entry]:
        return [lesson for module in self.modules for lesson in module.lessons]

    def by_src(self) -> dict[str, Entry]:
        return {e.src: e for e in self.entries}


def split_language(name: str, languages: frozenset[str], default: str) -> tuple[str, str]:
    """'lesson.es.md' -> ('lesson.md', 'es'); a plain name is in the default language."""
    stem = name[: -len(".md")]
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in languages and suffix != default:
        return base + ".md", suffix
    return name, default


def classify(src: str) -> tuple[str, str | None] | None:
    """(kind, module folder) for a source path relative to docs/, or None when outside the layout."""
    parts = PurePosixPath(src).parts
    if len(parts) == 1:
        return "page", None
    if len(parts) == 2:
        folder, name = parts
        if MODULE_FOLDER.match(folder):
            return ("module" if name == "index.md" else "lesson"), folder
        if folder in PAGE_FOLDERS:
            return "page", None
    return None


def read_entries(docs_dir: Path, repo_root: Path, languages: frozenset[str], default: str):
    """Read every Markdown file under docs_dir; return (entries, problems, unreadable source paths)."""
    entries, problems, unreadable = [], [], set()
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        shown = _shown_path(path, repo_root)
        folder_src, name = src.rpartition("/")[0], path.name
        source_name, lang = split_language(name, languages, default)
        source_src = f"{folder_src}/{source_name}" if folder_src else source_name
        placed = classify(source_src)
        if placed is None:
            problems.append(Problem(shown, 1, "layout", f"{src} is outside the module layout; {LAYOUT_HINT}"))
            continue
        try:
            source = read_source(shown, path.read_bytes())
        except SourceError as error:
            problems.append(error.problem)
            unreadable.add(source_src)
            continue
        kind, module_folder = placed
        entries.append(Entry(src, kind, lang, source_src, source, module_folder))
    return entries, problems, unreadable


def _shown_path(path: Path, repo_root: Path) -> str:
    try:
        return path.relative_to(repo_root).as_posix()
    except ValueError:
        return path.as_posix()


def assemble(entries: list[Entry], default: str) -> tuple[list[Module], list[Problem]]:
    """Group default-language lessons under their modules, in module and lesson order."""
    problems: list[Problem] = []
    modules: dict[str, Module] = {}
    originals = [e for e in entries if e.lang == default]
    for entry in originals:
        if entry.kind == "module":
            number = int(MODULE_FOLDER.match(entry.module_folder).group(1))
            modules[entry.module_folder] = Module(number, entry.module_folder, entry)
    for entry in originals:
        if entry.kind != "lesson":
            continue
        module = modules.get(entry.module_folder)
        if module is None:
            problems.append(Problem(
                entry.source.path, 1, "layout",
                f"the module folder {entry.module_folder}/ has no index.md; "
                "add the module page (see the 'module' definition in schema/front-matter.schema.json)",
            ))
            continue
        module.lessons.append(entry)
    for module in modules.values():
        module.lessons.sort(key=_lesson_order)
    ordered = sorted(modules.values(), key=lambda m: (m.number, m.folder))
    return ordered, problems


def _lesson_order(entry: Entry):
    order = entry.meta.get("order")
    return (order if isinstance(order, int) else 10**6, entry.src)


def load(docs_dir: Path, repo_root: Path, languages, default: str) -> Curriculum:
    """Read and assemble the whole curriculum; problems are collected, not raised."""
    entries, problems, unreadable = read_entries(docs_dir, repo_root, frozenset(languages), default)
    modules, assembly_problems = assemble(entries, default)
    return Curriculum(default, entries, modules, problems + assembly_problems, unreadable)


_cache: dict = {}


def load_cached(docs_dir: Path, repo_root: Path, languages, default: str) -> Curriculum:
    """load(), reused while no file under docs_dir changed.

    The i18n plugin re-runs the whole build once per language; reading and
    validating every file each time would multiply the build time for nothing.
    """
    stamp = tuple(
        (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(Path(docs_dir).rglob("*.md"))
    )
    key = (Path(docs_dir).resolve(), tuple(languages), default)
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    curriculum = load(docs_dir, repo_root, languages, default)
    _cache[key] = (stamp, curriculum)
    return curriculum
