// Progressive enhancement only: every feature works without this file.
"use strict";

function addCopyButtons() {
  // A copy button next to each feed URL (the clipboard needs JS, so the button does too).
  for (const input of document.querySelectorAll("input[data-copy]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = "复制";
    button.setAttribute("aria-label", "复制" + (input.getAttribute("aria-label") || "地址"));
    button.addEventListener("click", async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(input.value);
        button.textContent = "已复制";
      } catch {
        button.textContent = "请按 Ctrl+C";
      }
    });
    input.addEventListener("focus", () => input.select());
    input.parentElement.appendChild(button);
  }
}

function menus() {
  // One menu of the filter bar open at a time; Escape or a click elsewhere closes it.
  const all = [...document.querySelectorAll("details.menu")];
  for (const menu of all) {
    menu.addEventListener("toggle", () => {
      if (menu.open) all.forEach((other) => { if (other !== menu) other.open = false; });
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const menu of all) {
      if (menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    }
  });
  document.addEventListener("click", (event) => {
    for (const menu of all) if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
}

function chart() {
  // The chart is one tab stop: arrow keys, Home and End move between cells (a roving
  // tabindex); a tooltip shows the focused or hovered cell; Enter follows its link.
  const svg = document.querySelector("svg[data-chart]");
  if (!svg) return;
  const tip = document.getElementById("chart-tip");
  const box = svg.parentElement;
  const cells = [...svg.querySelectorAll("a.cell")];
  const grid = new Map(cells.map((c) => [c.dataset.row + ":" + c.dataset.col, c]));
  const rows = Math.max(...cells.map((c) => +c.dataset.row)) + 1;
  const cols = Math.max(...cells.map((c) => +c.dataset.col)) + 1;
  for (const cell of cells) cell.querySelector("title")?.remove();   // the tooltip replaces them

  function show(cell) {
    tip.textContent = cell.getAttribute("aria-label");
    tip.hidden = false;
    const r = cell.getBoundingClientRect(), b = box.getBoundingClientRect();
    const left = Math.min(r.left - b.left + box.scrollLeft, box.clientWidth - tip.offsetWidth);
    tip.style.left = Math.max(0, left) + "px";
    tip.style.top = (r.bottom - b.top + 4) + "px";
  }
  function hide() { tip.hidden = true; }
  function move(cell) {
    for (const c of cells) c.tabIndex = -1;
    cell.tabIndex = 0;
    cell.focus();
  }
  svg.addEventListener("keydown", (event) => {
    const cell = event.target.closest("a.cell");
    if (!cell) return;
    let r = +cell.dataset.row, c = +cell.dataset.col;
    switch (event.key) {
      case "ArrowRight": c = Math.min(cols - 1, c + 1); break;
      case "ArrowLeft": c = Math.max(0, c - 1); break;
      case "ArrowDown": r = Math.min(rows - 1, r + 1); break;
      case "ArrowUp": r = Math.max(0, r - 1); break;
      case "Home": c = 0; break;
      case "End": c = cols - 1; break;
      default: return;
    }
    event.preventDefault();
    const next = grid.get(r + ":" + c);
    if (next) move(next);
  });
  for (const cell of cells) {
    cell.addEventListener("focus", () => show(cell));
    cell.addEventListener("blur", hide);
    cell.addEventListener("mouseenter", () => show(cell));
    cell.addEventListener("mouseleave", () => { if (document.activeElement !== cell) hide(); });
  }
}

function slashSearch() {
  // "/" jumps to the search box, as on many sites.
  const search = document.getElementById("q");
  if (!search) return;
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
    }
  });
}

function start() {
  addCopyButtons();
  menus();
  chart();
  slashSearch();
}

// Loaded async (it never holds up the page): start now if the document is already parsed.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
