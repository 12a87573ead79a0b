"""When each lesson was last checked against its sources (`reviewed` in its front-matter).

The date belongs to the English lesson: a translation shows its source's
date, because checking facts is done on the English and re-checking must not
mark every translation outdated. A lesson unchecked for a year is reported,
not refused: facts age, but a build must not break on the calendar.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass

from babel.dates import format_skeleton

from . import interface, numbers
from .model import Curriculum, Entry

STALE_AFTER_MONTHS = 12


def reviewed_date(entry: Entry) -> datetime.date | None:
    value = entry.meta.get("reviewed")
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None  # validation reports the malformed date; the page shows none


def paragraph(date: datetime.date, lang: str) -> str:
    """The line a lesson page shows, month and year in lang, with the exact date machine-readable."""
    # Month and year only: the day suggests a precision a review does not have.
    when = numbers.digits(format_skeleton("yMMMM", date, locale=lang), lang)
    label = interface.text(
        "page.reviewed", lang, date=f'<time datetime="{date.isoformat()}">{html.escape(when)}</time>'
    )
    return f'<p class="osm-reviewed" lang="{lang}"><small>{label}</small></p>'


def months_between(earlier: datetime.date, later: datetime.date) -> int:
    """Whole months from earlier to later (2026-01-31 to 2026-02-28 is 0)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


@dataclass(frozen=True)
class Stale:
    path: str  # the lesson's file, as shown in problems
    reviewed: str | None  # the date written, or None when missing or malformed
    months: int | None  # months since that date


def stale_lessons(curriculum: Curriculum, today: datetime.date, after: int = STALE_AFTER_MONTHS) -> list[Stale]:
    """English lessons not checked against their sources for `after` months or more, oldest first."""
    found = []
    for lesson in curriculum.lessons():
        date = reviewed_date(lesson)
        if date is None:
            found.append(Stale(lesson.source.path, None, None))
        elif (months := months_between(date, today)) >= after:
            found.append(Stale(lesson.source.path, date.isoformat(), months))
    return sorted(found, key=lambda s: (s.reviewed or "", s.path))
