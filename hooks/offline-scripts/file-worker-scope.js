/* Runs first in the hidden frame of file-worker.js: the two things a worker's
 * script expects from its scope. Messages go to the page that made the frame;
 * importScripts loads its files one after another and returns a promise, which
 * Material's search worker waits for. */
(function () {
  "use strict";
  window.postMessage = function (data) {
    parent.postMessage(data, "*");
  };
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          script.onerror = function () {
            reject(new Error("could not load " + url));
          };
          document.documentElement.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
})();
