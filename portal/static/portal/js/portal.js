// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Show times in the reader's own time zone where a template marks them with
  // <time data-local datetime="ISO-8601">; the server-rendered text stays as the fallback.
  // data-local="short" (cards) gives the date in its medium form; data-local-label, the
  // words (translated by the template) put before it.
  document.querySelectorAll("time[data-local]").forEach(function (el) {
    var date = new Date(el.getAttribute("datetime"));
    if (isNaN(date)) { return; }
    var lang = document.documentElement.lang || undefined;
    var style = el.getAttribute("data-local") === "short" ? "medium" : "full";
    var text = date.toLocaleString(lang, { dateStyle: style, timeStyle: "short" });
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var target = el.parentElement.querySelector("[data-local-target]") || el;
    var label = el.getAttribute("data-local-label");
    target.textContent = (label ? label + " " : "") + text + (zone ? " (" + zone + ")" : "");
    target.hidden = false;
  });
})();
