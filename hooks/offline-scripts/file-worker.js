/* A stand-in for Web Workers in the offline copy. Opened from a folder
 * (file://), a browser will not start a worker, and Material's search runs in
 * one. The worker's script runs instead in a hidden frame of the page's own
 * origin, with postMessage and importScripts provided by file-worker-scope.js.
 * The frame is written with <script src> only, never inline code, so the
 * page's Content Security Policy can forbid every inline script it has not hashed. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var scopeScript = new URL("file-worker-scope.js", document.currentScript.src).href;

  function attribute(url) {
    return String(url).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "";
      document.body.appendChild(frame);
      this.frame = frame;
      this.onmessage = null;
      this.relay = (event) => {
        if (event.source !== frame.contentWindow) return;
        var message = new MessageEvent("message", { data: event.data });
        this.dispatchEvent(message);
        if (this.onmessage) this.onmessage(message);
      };
      window.addEventListener("message", this.relay);
      var scope = frame.contentWindow;
      scope.document.open();
      scope.document.write(
        '<!doctype html><script src="' + attribute(scopeScript) + '"></script>' +
          '<script src="' + attribute(new URL(url, location.href).href) + '"></script>'
      );
      scope.document.close();
      // Only now: document.open() removes the listeners a window had before.
      this.ready = new Promise(function (resolve) {
        scope.addEventListener("load", resolve);
      });
    }

    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        if (frame.contentWindow) {
          frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
        }
      });
    }

    terminate() {
      window.removeEventListener("message", this.relay);
      this.frame.remove();
    }
  }

  window.Worker = FileWorker;
})();
