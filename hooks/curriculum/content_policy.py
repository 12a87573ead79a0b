"""A Content Security Policy in every page, so no page can load from or talk to another host.

Static hosts and file:// copies send no headers, so the policy goes in a
<meta http-equiv> tag, first in <head> (a meta policy covers only what comes
after it). The few inline scripts the theme and templates write are allowed by
their SHA-256 hash, computed here from the finished page, so an inline script
that a contributor or an attacker slips in runs nowhere. JSON data blocks
(type="application/json") are not run, so they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Styles may be inline: Material and its scripts set style attributes, and a
# style can neither run code nor, with img-src and font-src 'self', fetch from elsewhere.
POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    # data: for the theme's icons, which its stylesheet embeds as data: URLs.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


class _InlineScripts(HTMLParser):
    """The exact text of each inline script the browser would run, and where <head> opens."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.texts: list[str] = []
        self.head_end: tuple[int, int] | None = None  # (line, column) where the policy goes
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        # After <meta charset> when it opens <head>: the charset must stay in the first 1024 bytes.
        if (tag == "head" and self.head_end is None) or (tag == "meta" and "charset" in values and not self.texts):
            line, column = self.getpos()
            self.head_end = (line, column + len(self.get_starttag_text()))
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in RUNNABLE_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.texts.append("".join(self._current))
            self._current = None


def _offset(html: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = html.index("\n", start) + 1
    return start + column


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# A script element's text ends at the first "</script", whatever it holds (the HTML rule for
# script data). The parser reads <head> whole; in the body it reads only the script elements,
# which is a fifth of the work on a long lesson and gives the same scripts.
BODY_SCRIPT = re.compile(r"<script\b.*?</script", re.IGNORECASE | re.DOTALL)


def _scan(html: str) -> tuple[_InlineScripts, int]:
    """(scanner over <head> and every script element, length of the part read whole)."""
    head_close = html.find("</head>")
    whole = html if head_close < 0 else html[: head_close + len("</head>")]
    scanner = _InlineScripts()
    scanner.feed(whole)
    for match in BODY_SCRIPT.finditer(html, len(whole)):
        scanner.feed(match.group(0) + ">")
    scanner.close()
    return scanner, len(whole)


def add_policy(html: str) -> str:
    """The page with its policy as the first element of <head>; a page without <head> is returned unchanged."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    scanner, _ = _scan(html)
    if scanner.head_end is None:
        return html
    hashes = "".join(" " + h for h in dict.fromkeys(script_hash(text) for text in scanner.texts))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(POLICY).format(hashes=hashes)}">'
    at = _offset(html, *scanner.head_end)
    return html[:at] + tag + html[at:]


def add_policy_to_files(paths: list[str]) -> list[str]:
    """add_policy() on each file, in place; returns the paths, done."""
    for path in paths:
        with open(path, encoding="utf-8") as page:
            html = page.read()
        with_policy = add_policy(html)
        if with_policy != html:
            with open(path, "w", encoding="utf-8") as page:
                page.write(with_policy)
    return paths
