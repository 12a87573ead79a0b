"""The translation status page: the same facts as scripts/translation-status, for readers and translators."""

from __future__ import annotations

import html

from . import interface
from .translation import Row, summary

PAGE = "translation-status.md"


def render(rows: list[Row], languages: list[str], lang: str) -> str:
    t = lambda key, **values: interface.text(f"status.{key}", lang, **values)  # noqa: E731
    totals = summary(rows, languages)
    out = [
        "---",
        f'title: "{t("title")}"',
        f'description: "{t("description")}"',
        "---",
        "",
        t("intro"),
        "",
        f"| {t('language')} | {t('translated')} | {t('outdated')} | {t('missing')} | % |",
        "|---|---:|---:|---:|---:|",
    ]
    for code, counts in totals.items():
        out.append(
            f"| [{code}](#lang-{code}) | {counts['translated']} | {counts['outdated']} | {counts['missing']} | {counts['percent']} % |"
        )
    for code in totals:
        out += ["", f"## {code} {{#lang-{code}}}", ""]
        for row in rows:
            if row.lang != code:
                continue
            since = f" ({t('english_changed', date=row.english_changed)})" if row.english_changed else ""
            page = row.src
            out.append(
                f'- <span data-translation-state="{row.state}">{t(row.state)}</span>: '
                f"[{html.escape(row.title, quote=False)}]({page}){since}"
            )
    return "\n".join(out) + "\n"
