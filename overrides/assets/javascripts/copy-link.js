/* "Copy link" buttons on a lesson's title and section headings.
 *
 * They copy the lesson's short link (go/<lesson id>/, in the reader's
 * language) plus the section anchor: the address that keeps working after the
 * lesson is renamed or moved. The result is announced to screen readers.
 */
(function () {
  "use strict";

  var shortLink = document.querySelector('link[rel="shortlink"]');
  var stringsNode = document.getElementById("osm-link-strings");
  if (!shortLink || !stringsNode) return;
  var strings = JSON.parse(stringsNode.textContent);
  var base = new URL(shortLink.getAttribute("href"), window.location.href).href;

  var status = document.createElement("p");
  status.className = "osm-sr-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  function copy(url, button) {
    function done() { announce(strings.copied.replace("{url}", url)); button.classList.add("osm-copied"); }
    function failed() { announce(strings.copy_failed.replace("{url}", url)); }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { (fallbackCopy(url) ? done : failed)(); });
    } else {
      (fallbackCopy(url) ? done : failed)();
    }
  }

  function addButton(heading, anchor, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "osm-copy-link";
    button.setAttribute("aria-label", label);
    button.title = label;
    button.dataset.copyLink = base + (anchor ? "#" + anchor : "");
    button.innerHTML = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">' +
      '<path d="M10 13a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 11a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" ' +
      'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';
    button.addEventListener("click", function () { copy(button.dataset.copyLink, button); });
    heading.appendChild(button);
  }

  var article = document.querySelector("article");
  if (!article) return;
  var title = article.querySelector("h1");
  if (title) addButton(title, "", strings.copy_page);
  article.querySelectorAll("h2[id], h3[id]").forEach(function (heading) {
    addButton(heading, heading.id, strings.copy + ": " + heading.textContent.replace("¶", "").trim());
  });
})();
