/* "Save this module for offline", "Remove", and the list of what this device has saved.
 * The work is done by the service worker (sw.js); this script asks it and shows the answers.
 * Without a service worker (an old browser, or an offline copy opened from a folder) the
 * controls stay hidden: they could not keep their promise. */
(function () {
  "use strict";
  var stringsElement = document.getElementById("osm-offline-strings");
  if (!stringsElement || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var strings = JSON.parse(stringsElement.textContent);
  var lang = document.documentElement.lang || "en";

  // Numbers in the page language's digits, as the server writes them (hooks/curriculum/numbers.py).
  function say(key, values) {
    return strings[key].replace(/\{(\w+)\}/g, function (whole, name) {
      if (!values || !(name in values)) return whole;
      return typeof values[name] === "number" ? new Intl.NumberFormat(lang, { numberingSystem: strings.numbering || "latn" }).format(values[name]) : values[name];
    });
  }
  function size(bytes) {
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, numberingSystem: strings.numbering || "latn" });
    return bytes >= 1e6 ? number.format(bytes / 1e6) + " MB" : number.format(Math.max(1, Math.round(bytes / 1e3))) + " KB";
  }
  function date(iso) {
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", calendar: "gregory", numberingSystem: strings.numbering || "latn" }).format(new Date(iso));
  }

  // Ask the worker; progress messages arrive before the final answer.
  function ask(message, onProgress) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          var data = event.data;
          if (data.type === "progress") return onProgress && onProgress(data);
          if (data.type === "error") {
            var error = new Error(data.message);
            error.name = data.name || "Error";
            return reject(error);
          }
          resolve(data);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  var scope = location.href;
  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-offline-module]"));
  var savedList = document.querySelector("[data-offline-saved]");
  var fallback = document.querySelector('meta[name="osm-offline-fallback"]');
  var notice = document.querySelector("[data-offline-fallback]");
  if (fallback && notice) notice.hidden = false;

  function show(control, record, sizes) {
    var status = control.querySelector("[data-offline-status]");
    control.querySelector('[data-offline-action="save"]').hidden = !!record;
    control.querySelector('[data-offline-action="remove"]').hidden = !record;
    if (record) status.textContent = say("saved_status", { date: date(record.saved), size: size(record.bytes) });
    else if (sizes && sizes[control.dataset.offlineModule]) {
      status.textContent = say("estimate", { size: size(sizes[control.dataset.offlineModule]) });
    }
    control.hidden = false;
  }

  function link(url, text) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = text;
    return a;
  }

  function list(state) {
    if (!savedList) return;
    var mine = state.records;
    if (!mine.length && !state.visited.length) return;
    savedList.textContent = "";
    var ul = document.createElement("ul");
    mine.forEach(function (record) {
      var li = document.createElement("li");
      // The module's own page has the shortest address of its pages.
      var home = record.urls.reduce(function (a, b) {
        return a.length <= b.length ? a : b;
      });
      li.appendChild(link(new URL(home, scope).href, record.title));
      li.appendChild(document.createTextNode(" " + say("saved_status", { date: date(record.saved), size: size(record.bytes) })));
      ul.appendChild(li);
    });
    savedList.appendChild(ul);
    if (state.visited.length) {
      var details = document.createElement("details");
      var summary = document.createElement("summary");
      summary.textContent = say("saved_pages", { count: state.visited.length });
      details.appendChild(summary);
      var pages = document.createElement("ul");
      state.visited.forEach(function (page) {
        var li = document.createElement("li");
        li.appendChild(link(page.url, page.title));
        pages.appendChild(li);
      });
      details.appendChild(pages);
      savedList.appendChild(details);
    }
  }

  function refresh() {
    return ask({ type: "status", lang: lang }).then(function (state) {
      controls.forEach(function (control) {
        var record = state.records.filter(function (r) {
          return r.module === control.dataset.offlineModule;
        })[0];
        show(control, record, state.sizes);
      });
      list(state);
    });
  }

  controls.forEach(function (control) {
    var status = control.querySelector("[data-offline-status]");
    var buttons = control.querySelectorAll("button");
    function busy(on) {
      Array.prototype.forEach.call(buttons, function (button) {
        button.disabled = on;
      });
    }
    control.addEventListener("click", function (event) {
      var button = event.target.closest("[data-offline-action]");
      if (!button) return;
      var action = button.dataset.offlineAction;
      var message = { type: action, lang: control.dataset.offlineLang, module: control.dataset.offlineModule, title: control.dataset.offlineTitle };
      busy(true);
      ask(message, function (progress) {
        status.textContent = say("saving", { done: progress.done, total: progress.total });
      })
        .then(function (answer) {
          return refresh().then(function () {
            if (answer.type === "removed") status.textContent = say("removed");
            var other = control.querySelector('[data-offline-action="' + (action === "save" ? "remove" : "save") + '"]');
            if (other && !other.hidden) other.focus();
          });
        })
        .catch(function (error) {
          status.textContent = say(error && error.name === "QuotaExceededError" ? "storage_full" : "save_failed");
        })
        .then(function () {
          busy(false);
        });
    });
  });

  navigator.serviceWorker.ready
    .then(function (registration) {
      scope = registration.scope;
      return refresh();
    })
    .catch(function () {});
})();
