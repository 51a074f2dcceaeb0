// Overview: filter the documents by type and by state (all, with errors, closed): the
// two combine. A Word document dropped on the page is checked on /word.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const kindFilter = document.getElementById("kind-filter");
  const stateFilter = document.getElementById("state-filter");
  const status = document.getElementById("filter-status");
  if (!kindFilter || !stateFilter) return;
  const apply = () => {
    let shown = 0;
    for (const row of document.querySelectorAll("#documents tbody tr")) {
      const kindMatches = !kindFilter.value || row.dataset.kind === kindFilter.value;
      const stateMatches = !stateFilter.value
        || (stateFilter.value === "errors" && Number(row.dataset.errors) > 0)
        || (stateFilter.value === "closed" && row.dataset.closed === "true");
      const visible = kindMatches && stateMatches;
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    status.textContent = `${plural(shown, "dokument", "dokumenter")} vist`;
  };
  kindFilter.addEventListener("change", apply);
  stateFilter.addEventListener("change", apply);

  WordHandoff.acceptDrops(document.getElementById("drop-hint"), "Kun Word-dokumenter (.docx) kan kontrolleres her.");
});
