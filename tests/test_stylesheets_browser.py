"""The two stylesheets made from Material's: the small one every page loads draws each page exactly as
the fuller one does, and search, which brings Material's script, brings the fuller one with it."""

import re
from pathlib import Path

import pytest

from curriculum import assets, site_links

# One page of each kind, and the kinds most likely to differ in the right-to-left and Devanagari languages.
PAGES = [
    "",
    "01-licensing/",
    "01-licensing/choosing-a-license/",
    "04-continuous-integration/pull-request-checks/",
    "01-licensing/checklist/",
    "01-licensing/print/",
    "checklist/",
    "dpg-readiness/",
    "teams/",
    "glossary/",
    "offline/",
    "translation-status/",
    "mentors/reviewing-progress/",
    "404.html",
    "fa/",
    "fa/04-continuous-integration/pull-request-checks/",
    "fa/checklist/",
    "hi/01-licensing/choosing-a-license/",
]
DESKTOP = {"width": 1280, "height": 900}


# In the browser: the selectors of every rule the full sheet has and the page sheet left out, each
# tried on the page. A left-out rule matters only if its selector matches something there.
# States (:hover, :checked...), pseudo-elements and media conditions are all taken as possible,
# so a rule for the open phone menu or a hovered link counts too.
LEFT_OUT_MATCHES = r"""async ([pageHref, fullHref]) => {
  const sheet = async href => { const s = new CSSStyleSheet(); s.replaceSync(await (await fetch(href)).text()); return s; };
  const split = text => {
    const parts = []; let depth = 0, start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "," && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
    }
    return [...parts, text.slice(start)].map(part => part.trim());
  };
  const selectors = found => {
    const out = new Set();
    const walk = rules => { for (const rule of rules) { if (rule.selectorText) split(rule.selectorText).forEach(s => out.add(s)); if (rule.cssRules) walk(rule.cssRules); } };
    walk(found.cssRules);
    return out;
  };
  const STATE = /:(?:hover|focus|focus-visible|focus-within|active|visited|checked|target|disabled|enabled|indeterminate|placeholder-shown|invalid|valid|open|modal|fullscreen|-(?:webkit|moz)-[\w-]+)(?:\([^()]*\))?/g;
  const ELEMENT = /::?(?:before|after|marker|placeholder|selection|first-line|first-letter|backdrop|-(?:webkit|moz)-[\w-]+)(?:\([^()]*\))?/g;
  const NEGATION = /:not\((?:[^()]|\([^()]*\))*\)/g;
  const tries = selector => {
    const bare = selector.replace(ELEMENT, "").replace(NEGATION, "").replace(STATE, "");
    const crude = bare.replace(/:[\w-]+(?:\((?:[^()]|\([^()]*\))*\))?/g, "");
    // ":hover > a" loses its state and starts with a combinator: "*" stands for any element.
    return [bare, "* " + bare, crude, "* " + crude];
  };
  const kept = selectors(await sheet(pageHref));
  const matched = [], unreadable = [];
  for (const selector of selectors(await sheet(fullHref))) {
    if (kept.has(selector)) continue;
    let answered = false;
    for (const attempt of tries(selector)) {
      try { if (document.querySelector(attempt.trim() || "*")) matched.push(selector); answered = true; break; } catch (e) {}
    }
    if (!answered) unreadable.push(selector);
  }
  return { matched, unreadable };
}"""


def page_sheet(site):
    return next((site / "assets" / "stylesheets").glob("main.*.min.css"))


@pytest.mark.parametrize("path", PAGES)
def test_no_rule_the_page_needs_is_left_out_of_its_stylesheet(browser, built_site, serve, path):
    base = serve(built_site)
    assert (built_site / "assets" / "stylesheets" / assets.FULL_SHEET).stat().st_size > page_sheet(
        built_site
    ).stat().st_size
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    # Every element the page's own scripts add (checklist tools, copy buttons) is in place by now.
    sheets = [base + "assets/stylesheets/" + name for name in (page_sheet(built_site).name, assets.FULL_SHEET)]
    found = page.evaluate(LEFT_OUT_MATCHES, sheets)
    context.close()
    assert found["unreadable"] == []
    assert found["matched"] == [], f"{path or 'home'} needs rules its stylesheet left out"


def test_every_colour_and_size_the_stylesheets_use_is_still_defined(built_site):
    """PurgeCSS also drops custom properties no kept rule of Material's reads: the page sheet and
    curriculum.css must not read one that Material defines and the trim dropped."""
    import material

    folder = built_site / "assets" / "stylesheets"
    sheets = [page_sheet(built_site), *folder.glob("palette.*.min.css"), folder / "curriculum.css"]
    text = "".join(sheet.read_text(encoding="utf-8") for sheet in sheets)
    original = (Path(material.__file__).parent / "templates" / "assets" / "stylesheets" / page_sheet(built_site).name)
    defined_by_material = set(re.findall(r"(--[\w-]+)\s*:", original.read_text(encoding="utf-8")))
    # var(--x, fallback) works without --x; the tooltip's position is set by Material's script.
    used = set(re.findall(r"var\((--[\w-]+)\s*\)", text))
    assert (used - set(re.findall(r"(--[\w-]+)\s*:", text))) & defined_by_material == set()


def test_search_brings_the_full_stylesheet_and_its_results_are_styled(browser, built_site, serve):
    base = serve(built_site)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base + "03-documentation/kinds-of-documentation/", wait_until="networkidle")
    assert not [u for u in requested if u.endswith(assets.FULL_SHEET)], "the full stylesheet came before a search"
    page.locator(".md-search__input").click()
    page.keyboard.type("license")
    page.wait_for_selector(".md-search-result__link")
    page.wait_for_function("!document.querySelector('link[href*=\"stylesheets/main.\"]')")
    sheets = page.eval_on_selector_all('link[rel="stylesheet"]', "links => links.map(l => l.getAttribute('href'))")
    names = [sheet.rsplit("/", 1)[-1] for sheet in sheets]
    # In the page sheet's place, so the project's own stylesheet still comes last and wins.
    assert names[0] == assets.FULL_SHEET and names[-1] == "curriculum.css"
    assert not [name for name in names if name.startswith("main.")]
    # A rule only the full stylesheet has: a result's link is a block, not an inline link.
    assert page.eval_on_selector(".md-search-result__link", "a => getComputedStyle(a).display") == "block"
    context.close()


def test_the_page_stylesheet_is_smaller_and_a_lesson_word_keeps_no_rule(built_site):
    page = page_sheet(built_site).read_text(encoding="utf-8")
    full = (built_site / "assets" / "stylesheets" / assets.FULL_SHEET).read_text(encoding="utf-8")
    # "Success" and "question" are words in lessons, not classes on any page: Material's admonition
    # colours for them stay out of the page sheet.
    assert ".admonition.success" not in page and ".admonition.question" not in page
    assert ".md-search-result__link" in full and ".md-search-result__link" not in page
    assert len(page) < 0.7 * len(full)


def test_markup_is_what_selectors_can_match_and_never_the_words_of_a_page(tmp_path):
    html = tmp_path / "page.html"
    html.write_text(
        '<html dir="rtl"><head><title>Note</title></head><body class="md-typeset js-free">'
        '<a href="success.html" title="question" data-md-component="skip">note</a>'
        '<input type="checkbox" aria-label="warning"></body></html>',
        encoding="utf-8",
    )
    markup = site_links.read_page(html).markup
    assert {"html", "dir", "rtl", "md-typeset", "js-free", "data-md-component", "skip", "type", "checkbox"} <= markup
    assert {"note", "success.html", "question", "warning", "Note"}.isdisjoint(markup)
