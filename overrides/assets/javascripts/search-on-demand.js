/* Load Material's script (and with it the search worker and this language's
 * index) only when the reader shows intent to search: focusing or clicking
 * the search field, opening search, or pressing the "/" or "s" shortcut.
 * Whether the search worker can start from a file:// page is checked in the
 * offline copy's tests. */
(function () {
  "use strict";
  var me = document.currentScript;
  var loaded = false;
  // The page is already marked as scripted (overrides/main.html does it before the first paint).

  function load() {
    if (loaded) return;
    loaded = true;
    // Opened from a folder, a browser starts no Web Worker: the offline copy brings a stand-in.
    if (location.protocol === "file:" && me.dataset.shim) {
      var shim = document.createElement("script");
      shim.src = me.dataset.shim;
      shim.onload = loadBundle;
      document.body.appendChild(shim);
    } else {
      loadBundle();
    }
  }

  // The page's stylesheet has only what the page itself uses. Material's script draws more
  // (results, tooltips), so a fuller stylesheet, the same rules in the same order, comes with
  // it and then replaces the page's own. Both download at once: the index takes longer anyway.
  function loadStylesheet() {
    var page = document.querySelector('link[rel="stylesheet"][href*="assets/stylesheets/main."]');
    if (!page || !me.dataset.stylesheet) return;
    var full = document.createElement("link");
    full.rel = "stylesheet";
    full.href = me.dataset.stylesheet;
    full.onload = function () { page.remove(); };
    page.after(full);
  }

  function loadBundle() {
    loadStylesheet();
    var script = document.createElement("script");
    script.src = me.dataset.bundle;
    script.onload = function () {
      // Replay what was typed while the script was on its way.
      var input = document.querySelector(".md-search__input");
      if (input && input.value) {
        input.dispatchEvent(new Event("focus"));
        input.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }));
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    };
    document.body.appendChild(script);
  }

  var toggle = document.getElementById("__search");
  if (toggle) toggle.addEventListener("change", load);
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) load();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"], .md-search')) load();
  });
  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      load();
      if (toggle && !toggle.checked) {
        toggle.checked = true;
        var input = document.querySelector(".md-search__input");
        if (input) input.focus();
        event.preventDefault();
      }
    }
  });
})();
