// The header search box as an ARIA 1.2 combobox with a list of suggestions.
// Progressive enhancement: without this file the box is a plain GET form to the search page.
(function () {
  "use strict";
  var form = document.querySelector("form.header-search[data-autocomplete-url]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[type=search]");
  var listbox = form.querySelector("[role=listbox]");
  var status = form.querySelector("[role=status]");
  var script = document.currentScript || document.querySelector("script[data-i18n-results]");
  var i18n = {
    results: (script && script.getAttribute("data-i18n-results")) || "{count} suggestions available.",
    none: (script && script.getAttribute("data-i18n-none")) || "No suggestions."
  };
  var url = form.getAttribute("data-autocomplete-url");
  var items = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var lastQuery = "";

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    var options = listbox.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function render(results) {
    items = results;
    listbox.textContent = "";
    results.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "header-search-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = item.label;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = item.type_label;
      li.appendChild(kind);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { go(i); });
      listbox.appendChild(li);
    });
    if (results.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = i18n.results.replace("{count}", results.length);
    } else {
      close();
      status.textContent = lastQuery ? i18n.none : "";
    }
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }

  function go(index) {
    var item = items[index];
    if (item && item.url) { window.location.assign(item.url); }
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) { return; }
    lastQuery = query;
    if (query.length < 2) { render([]); return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : { results: [] };
    }).then(function (data) {
      if (input.value.trim() === query) { render(data.results || []); }
    }).catch(function () { /* aborted or offline: the plain form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 180);
  });

  input.addEventListener("keydown", function (event) {
    var open = !listbox.hidden;
    switch (event.key) {
      case "ArrowDown":
        if (!open && items.length) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
        if (items.length) { event.preventDefault(); setActive(active + 1); }
        break;
      case "ArrowUp":
        if (open && items.length) { event.preventDefault(); setActive(active - 1); }
        break;
      case "Enter":
        if (open && active >= 0) { event.preventDefault(); go(active); }
        break;
      case "Escape":
        if (open) { event.preventDefault(); close(); } else { input.value = ""; lastQuery = ""; }
        break;
      case "Tab":
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(close, 100); });
})();
