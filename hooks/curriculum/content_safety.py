"""Flag the HTML and links in a page body that could run code in, track, or leave the reader's browser.

Pages come from pull requests by people the maintainers may not know, and
Markdown passes raw HTML through (`md_in_html`). No lesson needs scripts,
frames, forms, event handlers or `javascript:` links, and an image, video or
stylesheet from another host would tell that host who reads which lesson
(the site promises no page talks to another host). Links to other sites stay
allowed: following one is the reader's choice.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .problems import Problem

# Elements that run code, embed another document, send data or change where the page points.
FORBIDDEN_ELEMENTS = {
    "script": "runs code in every reader's browser",
    "iframe": "embeds another site's page",
    "frame": "embeds another site's page",
    "frameset": "embeds other pages",
    "object": "embeds a plug-in or another document",
    "embed": "embeds a plug-in or another document",
    "applet": "embeds a plug-in",
    "form": "sends what the reader types somewhere",
    "base": "changes where every link on the page points",
    "meta": "can redirect the reader or change the page's rules",
    "portal": "embeds another site's page",
}
# Attributes whose URL the browser fetches by itself, without the reader choosing to.
FETCHED = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "action", "formaction"}
LINKING = {"href", "xlink:href", *FETCHED}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme: "java\tscript:" runs.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](url), ![alt](url) and reference definitions [name]: url, with an optional <...> around the url.
MARKDOWN_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)>\s]*)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)")
# attr_list blocks such as {: onclick="..." } or {target=_blank}; heading anchors {#id} are harmless.
ATTR_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
ATTR = re.compile(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def _scheme_of(url: str) -> str:
    cleaned = IGNORED_IN_SCHEME.sub("", html.unescape(url)).lower()
    return next((scheme for scheme in DANGEROUS_SCHEMES if cleaned.startswith(scheme)), "")


def _is_external(url: str) -> bool:
    return bool(EXTERNAL.match(IGNORED_IN_SCHEME.sub("", html.unescape(url))))


def prose_lines(body: str) -> list[str]:
    """The body with fenced code blocks and inline code blanked, line numbers kept.

    Code samples may show any HTML or URL: they are displayed, never run.
    """
    lines, fence = [], None
    for line in body.split("\n"):
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
            lines.append("")
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines.append("")
        else:
            lines.append(INLINE_CODE.sub(lambda m: " " * len(m.group()), line))
    return lines


def _attribute_problem(name: str, value: str | None) -> str | None:
    name = name.lower()
    if name.startswith("on"):
        return f"the `{name}` attribute runs code when the reader acts; remove it"
    if value is None:
        return None
    if name in LINKING and _scheme_of(value):
        return f"a `{_scheme_of(value)}` address in `{name}` can run code or hide content; link to a page instead"
    if name in FETCHED and any(_is_external(part.split()[0]) for part in value.split(",") if part.strip()):
        return (
            f"`{name}` loads a file from another host, which then learns who reads the page; "
            "put the file in the repository (under docs/) and point to it there"
        )
    if name == "style" and any(_is_external(url) for url in _css_urls(value)):
        return "a style that loads a file from another host; put the file in the repository"
    return None


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


class _HtmlScanner(HTMLParser):
    """Collects (line offset, message) for each forbidden element or attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in FORBIDDEN_ELEMENTS:
            self.found.append((line, f"`<{tag}>` {FORBIDDEN_ELEMENTS[tag]}; remove it (to show it, use a code block)"))
            return
        values = dict(attrs)
        if tag == "link" and _is_external(values.get("href") or ""):
            self.found.append((line, "`<link>` loads a file from another host; remove it"))
        for name, value in attrs:
            message = _attribute_problem(name, value)
            if message:
                self.found.append((line, message))
        self._in_style = tag == "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style and any(_is_external(url) for url in _css_urls(data)):
            self.found.append(
                (self.getpos()[0], "a style that loads a file from another host; put the file in the repository")
            )


def check_body(path: str, body: str, body_line: int) -> list[Problem]:
    """Every unsafe element, attribute or link in the body, with its file line."""
    lines = prose_lines(body)
    problems = []
    for offset, line in enumerate(lines):
        here = body_line + offset
        for bang, url in MARKDOWN_LINK.findall(line):
            problems += _link_problems(path, here, url, image=bool(bang))
        reference = REFERENCE.match(line)
        if reference:
            problems += _link_problems(path, here, reference.group(1), image=False)
        for attributes in ATTR_LIST.findall(line):
            for name, *quoted in ATTR.findall(attributes):
                message = _attribute_problem(name, next((v for v in quoted if v), ""))
                if message:
                    problems.append(Problem(path, here, "html", message))
    scanner = _HtmlScanner()
    scanner.feed("\n".join(lines))
    scanner.close()
    problems += [Problem(path, body_line + line - 1, "html", message) for line, message in scanner.found]
    return problems


def _link_problems(path: str, line: int, url: str, image: bool) -> list[Problem]:
    scheme = _scheme_of(url)
    if scheme:
        return [
            Problem(path, line, "link", f"a `{scheme}` address can run code or hide content; link to a page instead")
        ]
    if image and _is_external(url):
        return [
            Problem(
                path,
                line,
                "image",
                "loads from another host, which then learns who reads the page; "
                "put the image in the repository (under docs/) and link to it there",
            )
        ]
    return []
