/* Checklist progress, kept on the reader's device.
 *
 * Each box is <input type="checkbox" data-checklist-item="<id>">. Ticks are
 * stored in localStorage under one key, by item id, so they survive reloads,
 * reordered or reworded items, and are shared by every language and page of
 * the site (including pages opened from the file system). Nothing is sent
 * anywhere: "Copy as task list" and "Export" hand the data to the reader.
 */
(function () {
  "use strict";

  var KEY = "osm-checklist-v1";
  var FORMAT = "open-source-mentorship-progress";
  var strings = {};
  var memory = null; // used when the browser refuses storage
  // The whole curriculum ticked is about 15 KB: a file far larger is not a progress file,
  // and reading it would only freeze a phone.
  var MAX_IMPORT_BYTES = 256 * 1024;
  var MAX_ITEMS = 5000;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var WHEN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

  function readStrings() {
    var node = document.getElementById("osm-checklist-strings");
    try { strings = node ? JSON.parse(node.textContent) : {}; } catch (e) { strings = {}; }
  }

  // Numbers in the page language's digits (Persian, Devanagari...), as the server writes them:
  // the server names the numbering system, since some browsers lack the locale's default.
  function say(key, values) {
    var numberFormat = new Intl.NumberFormat(document.documentElement.lang || "en", { numberingSystem: strings.numbering || "latn" });
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      var value = values[name];
      text = text.split("{" + name + "}").join(typeof value === "number" ? numberFormat.format(value) : String(value));
    });
    return text;
  }

  function isRecord(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  // Keep only well-formed entries (an item id and the time it was ticked): stored data
  // may be old, hand-edited or corrupt, and an imported file may be anything at all.
  function clean(done) {
    var result = {};
    if (!isRecord(done)) return result;
    Object.keys(done).slice(0, MAX_ITEMS).forEach(function (id) {
      var when = done[id];
      if (id.length <= 100 && ID.test(id) && typeof when === "string" && WHEN.test(when)) result[id] = when;
    });
    return result;
  }

  function load() {
    if (memory) return memory;
    var raw;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { memory = {}; return memory; }
    if (!raw) return {};
    try {
      var data = JSON.parse(raw);
      return clean(data && data.done);
    } catch (e) {
      // Keep the unreadable value aside instead of destroying it, then start afresh.
      try { window.localStorage.setItem(KEY + "-unreadable", raw); } catch (ignored) {}
      return {};
    }
  }

  function save(done) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify({ version: 1, done: done }));
      return true;
    } catch (e) {
      // The stored copy is left as it was; this page keeps the new ticks until it closes.
      memory = done;
      var full = e && (e.name === "QuotaExceededError" || e.code === 22);
      status(say(full ? "storage_full" : "storage_unavailable"));
      return false;
    }
  }

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll("input[data-checklist-item]"));
  }

  function status(message) {
    document.querySelectorAll("[data-checklist-status]").forEach(function (node) { node.textContent = message; });
  }

  function render() {
    var done = load();
    boxes().forEach(function (box) { box.checked = Object.prototype.hasOwnProperty.call(done, box.dataset.checklistItem); });
    document.querySelectorAll("[data-checklist-progress]").forEach(function (node) {
      var ids = node.dataset.checklistProgress.split(/\s+/).filter(Boolean);
      var count = ids.filter(function (id) { return Object.prototype.hasOwnProperty.call(done, id); }).length;
      var bar = node.querySelector("progress");
      if (bar) bar.value = count;
      var text = node.querySelector("[data-checklist-progress-text]");
      if (text) text.textContent = say("progress", { done: count, total: ids.length });
    });
  }

  function onChange(event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-checklist-item]")) return;
    var done = load();
    if (box.checked) done[box.dataset.checklistItem] = new Date().toISOString();
    else delete done[box.dataset.checklistItem];
    save(done);
    render(); // the same item may appear more than once on a page
  }

  function taskList() {
    var seen = {};
    var lines = [];
    boxes().forEach(function (box) {
      var id = box.dataset.checklistItem;
      if (seen[id]) return;
      seen[id] = true;
      var label = box.closest("label");
      var text = (label ? label.textContent : id).trim();
      // The lesson that teaches the task: the item's link, or this page when it is that lesson.
      var link = label && label.parentNode.querySelector("a[href]");
      var url = link ? link.href : window.location.href.split("#")[0];
      var heading = document.querySelector("h1");
      var title = link ? (link.dataset.title || link.textContent) : (heading ? heading.textContent : document.title);
      lines.push("- [" + (box.checked ? "x" : " ") + "] " + text + " ([" + title.trim() + "](" + url + "))");
    });
    return lines.join("\n") + "\n";
  }

  function copy() {
    var text = taskList();
    var count = text.trim().split("\n").length;
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "osm-copy-fallback";
      document.querySelector("[data-checklist-tools]").appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status(ok ? say("copied", { count: count }) : say("copy_failed"));
      if (ok) area.remove();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { status(say("copied", { count: count })); }, fallback);
    } else {
      fallback();
    }
  }

  function exportFile() {
    var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), done: load() };
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "checklist-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status(say("exported"));
  }

  function importFile(file) {
    if (file.size > MAX_IMPORT_BYTES) {
      status(say("import_too_large"));
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      // Deep nesting makes JSON.parse throw, like any other broken file.
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      if (!isRecord(data) || data.format !== FORMAT || !isRecord(data.done)) {
        status(say("import_failed"));
        return;
      }
      // Merge, never replace: importing must not lose ticks made on this device.
      var incoming = clean(data.done);
      var count = Object.keys(incoming).length;
      var ignored = Object.keys(data.done).length - count;
      var done = load();
      Object.keys(incoming).forEach(function (id) { if (!done[id] || done[id] < incoming[id]) done[id] = incoming[id]; });
      var stored = save(done);
      render();
      if (stored) status(ignored ? say("imported_some", { count: count, ignored: ignored }) : say("imported", { count: count }));
    };
    reader.readAsText(file);
  }

  // team-progress.js reads the reader's ticks through this, so both read them the same way.
  window.osmChecklist = { ticked: function () { return load(); } };

  function start() {
    readStrings();
    render();
    document.addEventListener("change", onChange);
    document.querySelectorAll("[data-checklist-tools]").forEach(function (tools) {
      tools.hidden = false;
      var input = tools.querySelector("[data-checklist-import]");
      tools.addEventListener("click", function (event) {
        var button = event.target.closest("[data-checklist-action]");
        if (!button) return;
        var action = button.dataset.checklistAction;
        if (action === "copy") copy();
        else if (action === "export") exportFile();
        else if (action === "import" && input) input.click();
      });
      if (input) input.addEventListener("change", function () { if (input.files[0]) importFile(input.files[0]); input.value = ""; });
    });
    // Another tab of the site changed progress: show it here too.
    window.addEventListener("storage", function (event) { if (event.key === KEY) render(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
