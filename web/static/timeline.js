// Progressive enhancement only: every feature works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A copy button next to the feed URL (clipboard needs JS, so the button does too).
  for (const input of document.querySelectorAll("input[data-copy]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = "复制";
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
  // "/" jumps to the search box, as on many sites.
  const search = document.getElementById("q");
  if (search) {
    document.addEventListener("keydown", (event) => {
      const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.focus();
      }
    });
  }
});
