// Overview: filter the document table by kind.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const filter = document.getElementById("kind-filter");
  const status = document.getElementById("filter-status");
  if (!filter) return;
  filter.addEventListener("change", () => {
    let shown = 0;
    for (const row of document.querySelectorAll("#documents tbody tr")) {
      const visible = !filter.value || row.dataset.kind === filter.value;
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    status.textContent = `${shown} dokumenter vises`;
  });
});
