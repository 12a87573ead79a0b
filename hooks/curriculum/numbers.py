"""Numbers and dates in the reader's digits, the same as the browser writes them.

The browser's `Intl.NumberFormat(lang)` writes each language's default
digits from CLDR: Persian digits for fa, Devanagari for ne, Latin for hi
(the translators' style sheets, i18n/style/, agree). Babel knows the same
default numbering system and its separators but leaves the digits Latin,
so the digits are swapped here; server-written and browser-written text
then read alike.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

# The zero of each numbering system a site language defaults to; the other digits follow it in Unicode.
ZERO = {"latn": "0", "arabext": "\u06f0", "arab": "\u0660", "deva": "\u0966", "beng": "\u09e6"}
ASCII_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=32)
def _digit_table(lang: str) -> dict[int, str] | None:
    system = Locale.parse(lang).default_numbering_system
    zero = ZERO.get(system, "0")
    return None if zero == "0" else str.maketrans("0123456789", "".join(chr(ord(zero) + d) for d in range(10)))


def system(lang: str) -> str:
    """lang's default CLDR numbering system ("latn", "arabext", "deva"), for the browser's Intl.NumberFormat.

    Handed to the browser rather than left to it: a browser built with trimmed locale
    data writes Latin digits for some languages (Chromium does for ne).
    """
    return Locale.parse(lang).default_numbering_system


def digits(text: str, lang: str) -> str:
    """text with its Latin digits written in lang's own digits."""
    table = _digit_table(lang)
    return text.translate(table) if table else text


def number(value: int | float, lang: str) -> str:
    """A number as a reader of lang writes it: separators and digits."""
    return digits(format_decimal(value, locale=lang, numbering_system="default"), lang)


def date(value: datetime.date, lang: str, format: str = "long") -> str:
    """A date in lang's words and digits (Babel's pattern names or a CLDR pattern)."""
    return digits(format_date(value, format=format, locale=lang), lang)
