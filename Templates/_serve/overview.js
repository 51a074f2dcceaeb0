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

  const hint = document.getElementById("drop-hint");
  document.addEventListener("dragover", (event) => {
    if (!WordHandoff.carriesFiles(event)) return;
    event.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", async (event) => {
    if (!WordHandoff.carriesFiles(event)) return;
    event.preventDefault();
    document.body.classList.remove("dragging");
    const file = event.dataTransfer.files[0];
    if (!file || !file.name.toLowerCase().endsWith(".docx")) {
      hint.textContent = "Kun Word-dokumenter (.docx) kan kontrolleres her.";
      return;
    }
    try {
      await WordHandoff.put(file);
      window.location.assign("/word#dropped");
    } catch (error) {
      hint.textContent = "Browseren kunne ikke holde på dokumentet; brug »Kontrollér et Word-dokument«.";
    }
  });
});
