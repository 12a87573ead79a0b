/* Progress links: a team shares its ticks with its mentor, and the mentor keeps each team apart.
 *
 * A link carries the ticks after the "#", which browsers never send to a server:
 *   #team=1.<YYYYMMDD>.<ticks>.<check>.<team name>
 * <ticks> is one bit per item number (published-checklist-items.txt), base64url, so the whole
 * curriculum fits in a few dozen characters and a link made before items were added still
 * names the same items. <check> is a checksum over the rest, so a link cut short in a chat is
 * refused rather than read as fewer ticks. The mentor's teams are stored on the mentor's
 * device under their own key, never merged with the mentor's own ticks.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var STORE = "osm-mentor-teams-v1";
  var NAME_KEY = "osm-team-name";
  var MAX_CODE = 2000; // a real link is under 500 characters even with a long name in Devanagari
  var MAX_NAME = 60;
  var MAX_TEAMS = 100;
  var CODE = /^team=(\d{1,4})\.(\d{8})\.([A-Za-z0-9_-]{0,700})\.([0-9a-z]{7})\.(.+)$/;
  var data = {};
  var strings = {};
  var memory = null; // the teams, when the browser refuses storage

  function readData() {
    var node = document.getElementById("osm-team-data");
    try { data = node ? JSON.parse(node.textContent) : {}; } catch (e) { data = {}; }
    strings = data.strings || {};
    if (!Array.isArray(data.numbers)) data.numbers = [];
  }

  function lang() { return document.documentElement.lang || "en"; }

  function say(key, values) {
    var numberFormat = new Intl.NumberFormat(lang(), { numberingSystem: strings.numbering || "latn" });
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      var value = values[name];
      text = text.split("{" + name + "}").join(typeof value === "number" ? numberFormat.format(value) : String(value));
    });
    return text;
  }

  function shownDate(iso) {
    var parts = iso.split("-").map(Number);
    var when = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    try {
      return new Intl.DateTimeFormat(lang(), { dateStyle: "long", calendar: "gregory", timeZone: "UTC", numberingSystem: strings.numbering || "latn" }).format(when);
    } catch (e) {
      return iso;
    }
  }

  function status(message) {
    document.querySelectorAll("[data-team-status]").forEach(function (node) { node.textContent = message; });
  }

  // FNV-1a over the UTF-16 code units: small, and the same in every browser.
  function checksum(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("000000" + hash.toString(36)).slice(-7);
  }

  function toBase64Url(bytes) {
    var binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var padded = text.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) padded += "=";
    var binary = atob(padded); // throws on a damaged value
    var bytes = [];
    for (var i = 0; i < binary.length; i++) bytes.push(binary.charCodeAt(i));
    return bytes;
  }

  function validName(name) {
    return name.length >= 1 && name.length <= MAX_NAME && !/[<>\u0000-\u001f\u007f]/.test(name);
  }

  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + two(now.getMonth() + 1) + two(now.getDate());
  }

  function encode(name, done) {
    var bytes = [];
    data.numbers.forEach(function (id, index) {
      if (!Object.prototype.hasOwnProperty.call(done, id)) return;
      while (bytes.length <= index >> 3) bytes.push(0);
      bytes[index >> 3] |= 1 << (index & 7);
    });
    var date = today();
    var ticks = toBase64Url(bytes);
    var body = VERSION + "." + date + "." + ticks;
    return "team=" + body + "." + checksum(body + "." + name) + "." + encodeURIComponent(name);
  }

  // -> {name, date, ids} or {error: <string key>}; never throws.
  function decode(code) {
    if (code.length > MAX_CODE) return { error: "link_too_long" };
    var version = /^team=(\d{1,4})\./.exec(code);
    if (version && Number(version[1]) > VERSION) return { error: "link_newer" };
    var m = CODE.exec(code);
    if (!m || Number(m[1]) !== VERSION) return { error: "link_damaged" };
    var name;
    try { name = decodeURIComponent(m[5]); } catch (e) { return { error: "link_damaged" }; }
    if (!validName(name)) return { error: "link_bad_name" };
    if (checksum(m[1] + "." + m[2] + "." + m[3] + "." + name) !== m[4]) return { error: "link_damaged" };
    var y = Number(m[2].slice(0, 4)), mo = Number(m[2].slice(4, 6)), d = Number(m[2].slice(6, 8));
    var when = new Date(Date.UTC(y, mo - 1, d));
    // A real date, and not after tomorrow (the team's clock may be a day ahead of the mentor's).
    if (when.getUTCMonth() !== mo - 1 || when.getUTCDate() !== d || y < 2020 || when.getTime() > Date.now() + 2 * 86400000) {
      return { error: "link_damaged" };
    }
    var bytes;
    try { bytes = fromBase64Url(m[3]); } catch (e) { return { error: "link_damaged" }; }
    var ids = {};
    for (var index = 0; index < bytes.length * 8; index++) {
      if (!(bytes[index >> 3] & (1 << (index & 7)))) continue;
      // An item number this copy does not know: the link is from a newer version of the site.
      if (index >= data.numbers.length) return { error: "link_newer" };
      ids[data.numbers[index]] = true;
    }
    return { name: name, date: m[2].slice(0, 4) + "-" + m[2].slice(4, 6) + "-" + m[2].slice(6), ids: ids, code: code };
  }

  /* ---- The team's side: "Share with your mentor" ---- */

  function startShare(box) {
    box.hidden = false;
    var nameInput = box.querySelector("[data-team-name]");
    var result = box.querySelector("[data-team-result]");
    var output = box.querySelector("[data-team-link]");
    var label = box.querySelector("[data-team-link-label]");
    var target = box.querySelector("[data-team-page]");
    try { nameInput.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) {}
    box.addEventListener("click", function (event) {
      var button = event.target.closest("[data-team-action]");
      if (!button) return;
      if (button.dataset.teamAction === "share") {
        var name = nameInput.value.trim();
        if (!name) { status(say("name_needed")); nameInput.focus(); return; }
        if (!validName(name)) { status(say("name_invalid")); nameInput.focus(); return; }
        try { window.localStorage.setItem(NAME_KEY, name); } catch (e) {}
        var done = window.osmChecklist ? window.osmChecklist.ticked() : {};
        var count = data.numbers.filter(function (id) { return Object.prototype.hasOwnProperty.call(done, id); }).length;
        var code = encode(name, done);
        // An offline copy (file://) does not know the website's address: it gives the code alone.
        var online = /^https?:$/.test(window.location.protocol) && target;
        output.value = online ? new URL(target.getAttribute("href"), window.location.href).href.split("#")[0] + "#" + code : code;
        label.textContent = say(online ? "link_label" : "code_label");
        result.hidden = false;
        output.focus();
        output.select();
        status(say(online ? "link_made" : "code_made", { done: count }));
      } else if (button.dataset.teamAction === "copy") {
        output.select();
        var copied = function () { status(say("link_copied")); };
        // Where the clipboard is refused (file://, older browsers), the selected text is copied instead.
        var byCommand = function () { try { if (document.execCommand("copy")) copied(); } catch (e) {} };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(output.value).then(copied, byCommand);
        else byCommand();
      }
    });
  }

  /* ---- The mentor's side: the Teams' progress page ---- */

  function keyOf(name) { return name.trim().toLocaleLowerCase(); }

  function loadTeams() {
    if (memory) return memory.slice();
    var raw;
    try { raw = window.localStorage.getItem(STORE); } catch (e) { return []; }
    var stored;
    try { stored = JSON.parse(raw || "{}"); } catch (e) { stored = {}; }
    var teams = stored && Array.isArray(stored.teams) ? stored.teams : [];
    // Stored links are read again like new ones: a hand-edited or corrupt entry is dropped.
    return teams.slice(0, MAX_TEAMS).map(function (entry) {
      return entry && typeof entry.code === "string" ? decode(entry.code) : { error: "link_damaged" };
    }).filter(function (team) { return !team.error; });
  }

  function saveTeams(teams) {
    var value = JSON.stringify({ version: VERSION, teams: teams.map(function (t) { return { code: t.code }; }) });
    try {
      window.localStorage.setItem(STORE, value);
      memory = null;
      return true;
    } catch (e) {
      memory = teams.slice();
      return false;
    }
  }

  function counts(team, ids) {
    return ids.filter(function (id) { return team.ids[id]; }).length;
  }

  function renderTable(shown) {
    var teams = loadTeams().sort(function (a, b) { return a.name.localeCompare(b.name, lang()); });
    var holder = document.querySelector("[data-team-table]");
    document.querySelector("[data-team-none]").hidden = teams.length > 0;
    document.querySelector('[data-team-action="csv"]').hidden = teams.length === 0;
    holder.textContent = "";
    if (!teams.length) return;
    var table = document.createElement("table");
    var caption = table.createCaption();
    caption.textContent = say("table_caption");
    var head = table.createTHead().insertRow();
    var corner = document.createElement("th");
    corner.scope = "col";
    corner.textContent = say("section");
    head.appendChild(corner);
    teams.forEach(function (team) {
      var th = document.createElement("th");
      th.scope = "col";
      var name = document.createElement("span");
      name.className = "osm-team-name";
      name.textContent = team.name;
      var date = document.createElement("span");
      date.className = "osm-team-date";
      date.textContent = shownDate(team.date);
      th.append(name, date);
      [["show", "show"], ["remove", "remove"]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button osm-team-button";
        button.dataset.teamAction = pair[0];
        button.dataset.team = keyOf(team.name);
        button.textContent = say(pair[1]);
        button.setAttribute("aria-label", say(pair[1]) + ": " + team.name);
        th.appendChild(button);
      });
      if (shown && keyOf(shown.name) === keyOf(team.name)) th.className = "osm-team-current";
      head.appendChild(th);
    });
    var body = table.createTBody();
    (data.sections || []).forEach(function (section) {
      var row = body.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = section.label;
      row.appendChild(th);
      teams.forEach(function (team) {
        row.insertCell().textContent = say("cell", { done: counts(team, section.ids), total: section.ids.length });
      });
    });
    holder.appendChild(table);
  }

  function showTeam(team) {
    var detail = document.querySelector("[data-team-detail]");
    document.querySelectorAll("input[data-team-item]").forEach(function (box) { box.checked = !!team.ids[box.dataset.teamItem]; });
    var title = detail.querySelector("h2");
    if (!title) {
      title = document.createElement("h2");
      title.tabIndex = -1;
      detail.insertBefore(title, detail.firstChild);
    }
    title.textContent = say("shared_by", { team: team.name, date: shownDate(team.date) });
    detail.hidden = false;
  }

  // Keep the team unless a newer link of the same team is kept already; returns the status key.
  function keep(team) {
    var teams = loadTeams();
    var same = teams.filter(function (t) { return keyOf(t.name) === keyOf(team.name); })[0];
    if (same && same.date > team.date) return { key: "kept_newer", values: { date: shownDate(same.date) } };
    var others = teams.filter(function (t) { return keyOf(t.name) !== keyOf(team.name); });
    if (others.length >= MAX_TEAMS) others = others.slice(1);
    return { key: saveTeams(others.concat([team])) ? "kept" : "storage_unavailable" };
  }

  function open(text) {
    var at = text.indexOf("team=");
    var team = at < 0 ? { error: "link_damaged" } : decode(text.slice(at));
    if (team.error) {
      status(say(team.error));
      return;
    }
    var result = keep(team);
    showTeam(team);
    renderTable(team);
    status(say(result.key, result.values));
    document.querySelector("[data-team-detail] h2").focus();
  }

  function csvCell(value) {
    var text = String(value);
    // A leading =, +, - or @ makes a spreadsheet run the cell as a formula.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function exportCsv() {
    var rows = [[say("csv_team"), say("csv_shared"), say("section"), say("csv_done"), say("csv_total")]];
    loadTeams().forEach(function (team) {
      (data.sections || []).forEach(function (section) {
        rows.push([team.name, team.date, section.label, counts(team, section.ids), section.ids.length]);
      });
    });
    var text = "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = "teams-progress.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status(say("exported"));
  }

  function startTeams(page) {
    page.hidden = false;
    var noscript = document.querySelector("[data-team-noscript]");
    if (noscript) noscript.hidden = true;
    renderTable(null);
    page.addEventListener("click", function (event) {
      var button = event.target.closest("[data-team-action]");
      if (!button) return;
      var action = button.dataset.teamAction;
      if (action === "csv") { exportCsv(); return; }
      var team = loadTeams().filter(function (t) { return keyOf(t.name) === button.dataset.team; })[0];
      if (!team) return;
      if (action === "show") {
        showTeam(team);
        renderTable(team);
        document.querySelector("[data-team-detail] h2").focus();
      } else if (action === "remove") {
        saveTeams(loadTeams().filter(function (t) { return keyOf(t.name) !== keyOf(team.name); }));
        document.querySelector("[data-team-detail]").hidden = true;
        renderTable(null);
        status(say("removed", { team: team.name }));
      }
    });
    var form = page.querySelector("[data-team-paste]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      open(form.querySelector("[data-team-paste-input]").value.trim());
    });
    function fromAddress() {
      var hash = window.location.hash;
      // The raw hash, before any decoding: its length is checked before anything else.
      if (hash.indexOf("#team=") !== 0 && hash.length <= MAX_CODE) return;
      // Out of the address once read: a reload must not bring back a team the mentor removed.
      try { window.history.replaceState(null, "", window.location.pathname + window.location.search); } catch (e) {}
      open(hash.slice(1));
    }
    window.addEventListener("hashchange", fromAddress);
    fromAddress();
    window.addEventListener("storage", function (event) { if (event.key === STORE) renderTable(null); });
  }

  function start() {
    readData();
    document.querySelectorAll("[data-team-share]").forEach(startShare);
    var teams = document.querySelector("[data-teams]");
    if (teams) startTeams(teams);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
