/* The hosted site's service worker: pages a reader opened or saved stay readable without a network.
 *
 * Written for this site rather than generated with Workbox: the part that
 * matters here (saving one module in one language, refreshing it after a new
 * release, the offline page in the reader's language) is custom in either
 * case, and Workbox's build step would add a bundler to `make site` for the
 * ~40 lines of caching it would replace.
 *
 * Caches, by name:
 *   osm-shell-<version>  styles and scripts every page uses, plus offline pages; replaced on each release
 *   osm-saved-v1         a record per module saved with "Save this module for offline"
 *   osm-module-<...>     the pages of one saved copy of a module, named in its record; a new
 *                        copy (after a release) is written beside the old one, then replaces it
 *   osm-pages-v1         pages as last opened (newest 200), always fetched fresh when the network answers
 * Any other osm-* cache is from an older release or layout, or an unfinished copy, and is
 * deleted on activation.
 */
"use strict";

// scripts/build puts `self.OSM_BUILD = {...}` on the first line (hooks/curriculum/service_worker.py);
// the values after || only serve an unbuilt copy.
const BUILD = self.OSM_BUILD || {
  version: "dev",
  languages: ["en"],
  default: "en",
  offline: "offline/",
  offlineAssets: [],
  shell: [],
  pagesList: "offline-pages.json",
};

const SHELL = "osm-shell-" + BUILD.version;
const SAVED = "osm-saved-v1";
const PAGES = "osm-pages-v1";
const KEEP = [SHELL, SAVED, PAGES];
const RECORDS = "__osm/saved/"; // made-up addresses under which saved-module records are kept
const MAX_PAGES = 200;
// On a connection that comes and goes, a saved copy now beats a fresh one in a minute.
const PATIENCE_MS = 4000;

const scope = self.registration.scope;
const at = (path) => new URL(path, scope).href;

function languageOf(url) {
  const first = url.startsWith(scope) ? url.slice(scope.length).split("/")[0] : "";
  return BUILD.languages.includes(first) ? first : BUILD.default;
}

function offlinePageOf(lang) {
  return at((lang === BUILD.default ? "" : lang + "/") + BUILD.offline);
}

function fresh(url) {
  // Revalidate with the server: a copy in the browser's HTTP cache may be from the last release.
  return fetch(new Request(url, { cache: "no-cache" }));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // A first install takes what the page just loaded from the browser's cache: no second download.
      // A new release replacing an old one asks the server, as those names may hold last release's files.
      const updating = Boolean(self.registration.active);
      const request = (url) => new Request(url, updating ? { cache: "no-cache" } : {});
      const shell = await caches.open(SHELL);
      await shell.addAll(BUILD.shell.map((path) => request(at(path))));
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      if (updating) {
        const languages = new Set(open.map((client) => languageOf(client.url)));
        await Promise.all([...languages].map((lang) => cacheOfflinePage(lang).catch(() => {})));
      } else {
        // The page that registered the worker was not served by it: keep it too, from the browser's cache.
        // Its offline page follows with the next page opened, so a one-page visit costs no more.
        const pages = await caches.open(PAGES);
        await Promise.all(open.map((client) => pages.add(request(client.url.split("#")[0])).catch(() => {})));
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const copies = new Set((await records()).map((record) => record.cache));
      const stale = (n) => n.startsWith("osm-") && !KEEP.includes(n) && !copies.has(n);
      await Promise.all(names.filter(stale).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

// The offline page and the script that lists what is saved on it.
async function cacheOfflinePage(lang) {
  const shell = await caches.open(SHELL);
  for (const url of [offlinePageOf(lang), ...BUILD.offlineAssets.map(at)]) {
    if (await shell.match(url)) continue;
    const response = await fresh(url);
    if (response.ok) await shell.put(url, response);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) return;
  // Downloads (offline zips, Kiwix files) go straight to the network: megabytes nobody asked to keep.
  if (/\.(zip|zim)$/.test(new URL(request.url).pathname)) return;
  event.respondWith(request.mode === "navigate" ? page(event) : asset(event));
  // The first request a new release's worker sees starts refreshing the saved modules, in the background.
  event.waitUntil(refreshSaved().catch(() => {}));
});

async function page(event) {
  const request = event.request;
  const network = fetch(request).then((response) => {
    // Cache a copy after the reader has the page, never before.
    if (response.ok) event.waitUntil(afterPage(request.url, response.clone()).catch(() => {}));
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  const cached = await caches.match(request, { ignoreSearch: true });
  try {
    if (!cached) return await network;
    const late = new Promise((resolve) => setTimeout(() => resolve(null), PATIENCE_MS));
    return (await Promise.race([network, late])) || cached;
  } catch (error) {
    return cached || (await offlineFallback(request.url));
  }
}

async function afterPage(url, response) {
  await remember(url, response);
  await cacheOfflinePage(languageOf(url)).catch(() => {});
}

async function remember(url, response) {
  const pages = await caches.open(PAGES);
  await pages.put(url, response.clone());
  // A page of a saved module, read online, refreshes the saved copy too.
  for (const name of [SAVED, ...(await caches.keys()).filter((n) => n.startsWith(MODULE_CACHE))]) {
    const copy = await caches.open(name);
    if (await copy.match(url)) await copy.put(url, response.clone());
  }
  const keys = await pages.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => pages.delete(key)));
}

async function asset(event) {
  const request = event.request;
  const shell = await caches.open(SHELL);
  const kept = await shell.match(request, { ignoreSearch: true });
  if (kept) return kept;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((pages) => pages.put(request, copy)));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function offlineFallback(url) {
  const lang = languageOf(url);
  const home = offlinePageOf(lang);
  const cached = (await caches.match(home)) || (await caches.match(offlinePageOf(BUILD.default)));
  if (!cached) return new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
  // The offline page answers at the address asked for: <base> keeps its relative links working,
  // and the marker tells its script to say that this page is not saved.
  const marker = `<base href="${cached.url || home}"><meta name="osm-offline-fallback" content="${url}">`;
  const html = (await cached.text()).replace(/<head>/i, (head) => head + marker);
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Saved modules --------------------------------------------------------------

const recordKey = (lang, module) => at(RECORDS + lang + "/" + module);

async function pagesList() {
  const response = await fresh(at(BUILD.pagesList));
  if (!response.ok) throw new Error("no list of pages (" + response.status + ")");
  return response.json();
}

async function records() {
  const saved = await caches.open(SAVED);
  const keys = (await saved.keys()).filter((key) => key.url.startsWith(at(RECORDS)));
  return Promise.all(keys.map(async (key) => (await saved.match(key)).json()));
}

function storedPage(body, type) {
  return new Response(body, { headers: { "Content-Type": type || "text/html" } });
}

// Each saved copy of a module lives in a cache of its own, named in its record. A new copy
// is written beside the old one and replaces it only when complete: on a device that runs out
// of space half-way, deleting the unfinished cache leaves the previous copy exactly as it was
// (putting deleted entries back would need space the browser frees only later).
const MODULE_CACHE = "osm-module-";

async function save(lang, module, title, progress, list) {
  const entry = ((list || (await pagesList())).pages[lang] || {})[module];
  if (!entry) throw new Error("unknown module " + lang + "/" + module);
  const downloaded = [];
  // One page at a time: gentle on a slow line, and the reader sees it move.
  for (const path of entry.urls) {
    const response = await fresh(at(path));
    if (!response.ok) throw new Error(path + ": " + response.status);
    downloaded.push([at(path), await response.blob(), response.headers.get("Content-Type")]);
    progress(downloaded.length, entry.urls.length);
  }
  const saved = await caches.open(SAVED);
  const previous = await saved.match(recordKey(lang, module));
  const old = previous ? await previous.json() : null;
  const name = `${MODULE_CACHE}${lang}-${module}-${BUILD.version}-${Date.now()}`;
  const bytes = downloaded.reduce((sum, [, body]) => sum + body.size, 0);
  const record = { lang, module, title, urls: entry.urls, bytes, cache: name, saved: new Date().toISOString(), version: BUILD.version };
  try {
    const copy = await caches.open(name);
    for (const [url, body, type] of downloaded) await copy.put(url, storedPage(body, type));
    await saved.put(recordKey(lang, module), new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }));
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
  if (old) await dropCopy(old);
  // Whoever saves a module for offline also wants the page that says what is saved.
  await cacheOfflinePage(lang).catch(() => {});
  return record;
}

// A record's pages: its own cache, or (saved before copies had caches of their own) entries of SAVED.
async function dropCopy(record) {
  if (record.cache) await caches.delete(record.cache);
  else {
    const saved = await caches.open(SAVED);
    await Promise.all(record.urls.map((path) => saved.delete(at(path))));
  }
}

async function remove(lang, module) {
  const saved = await caches.open(SAVED);
  const record = await saved.match(recordKey(lang, module));
  if (!record) return;
  await saved.delete(recordKey(lang, module));
  await dropCopy(await record.json());
}

// After a release, saved modules are fetched again once the network answers; once per worker start.
let refreshing = null;
function refreshSaved() {
  refreshing =
    refreshing ||
    (async () => {
      const outdated = (await records()).filter((record) => record.version !== BUILD.version);
      if (!outdated.length) return;
      const list = await pagesList();
      for (const record of outdated) {
        if (!(list.pages[record.lang] || {})[record.module]) await remove(record.lang, record.module);
        else await save(record.lang, record.module, record.title, () => {}, list);
      }
    })().catch((error) => {
      refreshing = null; // try again on the next page
      throw error;
    });
  return refreshing;
}

async function status(lang) {
  const list = await fetch(at(BUILD.pagesList)).then((r) => (r.ok ? r.json() : { pages: {} }), () => ({ pages: {} }));
  const sizes = {};
  for (const [module, entry] of Object.entries(list.pages[lang] || {})) sizes[module] = entry.bytes;
  const pages = await caches.open(PAGES);
  const visited = [];
  for (const key of (await pages.keys()).reverse()) {
    if (visited.length >= 50) break;
    const response = await pages.match(key);
    if (languageOf(key.url) !== lang || !(response.headers.get("Content-Type") || "").includes("html")) continue;
    const title = ((await response.text()).match(/<title>([^<]*)<\/title>/) || [])[1] || key.url;
    visited.push({ url: key.url, title });
  }
  return { records: (await records()).filter((record) => record.lang === lang), sizes, visited };
}

self.addEventListener("message", (event) => {
  const { type, lang, module, title } = event.data || {};
  const port = event.ports && event.ports[0];
  if (!port) return;
  const reply = (message) => port.postMessage(message);
  let work;
  if (type === "save") {
    work = save(lang, module, title, (done, total) => reply({ type: "progress", done, total })).then((record) =>
      reply({ type: "saved", record }),
    );
  } else if (type === "remove") {
    work = remove(lang, module).then(() => reply({ type: "removed" }));
  } else if (type === "status") {
    work = status(lang).then((result) => reply({ type: "status", ...result }));
  } else {
    return;
  }
  // The name lets the page tell a full device (QuotaExceededError) from a lost connection.
  event.waitUntil(work.catch((error) => reply({ type: "error", name: error && error.name, message: String(error) })));
});
