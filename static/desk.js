// Desk pages work without this script; it adds keyboard triage on the queue.
// j/k next/previous, o/Enter open, a assign to me, d dismiss, ? help. Every shortcut has a visible
// button or link on the page, and none fires while the person types in a field.
(function () {
  "use strict";

  function isTyping(target) {
    if (!target || target === document.body) return false;
    var tag = (target.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function setupQueue(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody .queue-row"));
    var current = -1;
    var nav = document.querySelector(".queue-nav");
    var help = document.getElementById("shortcut-help");
    if (nav) nav.hidden = false;

    function select(index) {
      if (!rows.length) return;
      index = Math.max(0, Math.min(rows.length - 1, index));
      if (current >= 0 && rows[current]) rows[current].classList.remove("is-current");
      current = index;
      var row = rows[current];
      row.classList.add("is-current");
      row.setAttribute("aria-current", "true");
      rows.forEach(function (r, i) { if (i !== current) r.removeAttribute("aria-current"); });
      var link = row.querySelector(".queue-open");
      if (link) link.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }

    function currentRow() {
      if (current < 0) select(0);
      return rows[current];
    }

    function clickIn(selector) {
      var row = currentRow();
      var el = row && row.querySelector(selector);
      if (el) el.click();
    }

    function toggleHelp() {
      if (!help) return;
      help.open = !help.open;
      if (help.open) help.querySelector("summary").focus();
    }

    if (nav) {
      nav.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.hasAttribute("data-queue-help")) { toggleHelp(); return; }
        var step = parseInt(button.getAttribute("data-queue-move"), 10);
        if (!isNaN(step)) select(current < 0 ? 0 : current + step);
      });
    }

    rows.forEach(function (row, i) {
      row.addEventListener("focusin", function () {
        if (current !== i) {
          if (current >= 0 && rows[current]) rows[current].classList.remove("is-current");
          current = i;
          row.classList.add("is-current");
        }
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      switch (event.key) {
        case "j": select(current + 1); break;
        case "k": select(current < 0 ? 0 : current - 1); break;
        case "o": clickIn(".queue-open"); break;
        case "Enter":
          // A focused link or button handles Enter itself.
          if (event.target.closest && event.target.closest("a, button, summary")) return;
          clickIn(".queue-open");
          break;
        case "a": clickIn(".queue-assign"); break;
        case "d": clickIn(".queue-dismiss"); break;
        case "?": toggleHelp(); break;
        default: return;
      }
      event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("queue");
    if (table) setupQueue(table);
  });
})();
