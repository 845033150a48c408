// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Show times in the reader's own time zone where a template marks them with
  // <time data-local datetime="ISO-8601">; the server-rendered text stays as the fallback.
  document.querySelectorAll("time[data-local]").forEach(function (el) {
    var date = new Date(el.getAttribute("datetime"));
    if (isNaN(date)) { return; }
    var lang = document.documentElement.lang || undefined;
    var text = date.toLocaleString(lang, { dateStyle: "full", timeStyle: "short" });
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var target = el.parentElement.querySelector("[data-local-target]") || el;
    target.textContent = text + (zone ? " (" + zone + ")" : "");
    target.hidden = false;
  });
})();
