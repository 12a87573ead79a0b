"""Speed: Material's templates are compiled once per process, not once per language.

The i18n plugin builds each language with a fresh theme, and so a fresh
Jinja environment that compiles the same fifty-odd templates again: about a
tenth of a seven-language build. Jinja keeps compiled templates in a bytecode
cache when given one; this one lives in memory for the whole process (and
across the preview's rebuilds). Jinja checks each template's source against
the cached entry, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class InMemory(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


SHARED = InMemory()
