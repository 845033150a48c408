// Progressive enhancement: reveal "in your time zone" lines once portal.js has filled them.
(function () {
  "use strict";
  document.querySelectorAll("[data-reader-time]").forEach(function (el) { el.hidden = false; });
})();
