// /word: a Word document checked as `indstil check` checks it (POST /api/analyse-word, the
// .docx as the body; nothing saved), then optionally imported into the project
// (POST /api/import-word). The file picker is the accessible way; the drop zone opens it
// too, and takes a dropped file; a file dropped on the overview arrives through WordHandoff.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.getElementById("word-file");
  const zone = document.getElementById("drop-zone");
  const profile = document.getElementById("word-profile");
  const status = document.getElementById("word-status");
  const result = document.getElementById("word-result");
  const SEVERITY = { error: "Fejl", warning: "Advarsel", note: "Note" };
  let current = null;  // the File last analysed
  let sequence = 0;

  const element = (name, text, className) => {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const query = (extra) => {
    const params = new URLSearchParams({ navn: current.name, ...extra });
    if (profile.value) params.set("profil", profile.value);
    return params.toString();
  };

  function showFindings(answer) {
    const list = document.getElementById("word-findings");
    list.replaceChildren();
    const { errors, warnings, notes } = answer.summary;
    document.getElementById("word-summary").textContent = answer.diagnostics.length === 0
      ? "Ingen fund: dokumentet følger profilens regler."
      : `${plural(errors, "fejl", "fejl")}, ${plural(warnings, "advarsel", "advarsler")}, ${plural(notes, "note", "noter")}.`;
    for (const finding of answer.diagnostics) {
      const item = element("li", undefined, finding.severity);
      item.dataset.check = finding.check;
      item.dataset.line = String(finding.line);
      item.append(element("span", SEVERITY[finding.severity] || finding.severity, "severity"));
      const place = finding.heading ? `afsnit ${finding.line} under »${finding.heading}«` : `afsnit ${finding.line}`;
      item.append(` ${place}: ${finding.message} `);
      item.append(element("span", `[${finding.check}]`, "check"));
      list.append(item);
    }
  }

  function showCounts(answer) {
    const count = document.getElementById("word-count");
    if (answer.limitedCharacters === null) { count.textContent = "Antal tegn kan ikke tælles uden en profil."; return; }
    const limit = answer.limit === null ? "" : ` af højst ${formatNumber(answer.limit)}`;
    count.textContent = `${plural(answer.limitedCharacters, "tegn", "tegn")}${limit}.`;
    count.classList.toggle("over", answer.limit !== null && answer.limitedCharacters > answer.limit);
  }

  function showDecisions(answer) {
    const list = document.getElementById("word-decisions");
    list.replaceChildren();
    document.getElementById("word-decision-count").textContent =
      plural(answer.decisionPoints.length, "beslutningspunkt", "beslutningspunkter");
    for (const point of answer.decisionPoints) list.append(element("li", `${point.number}. ${point.text}`));
  }

  function showPreview(answer) {
    const preview = document.getElementById("word-preview");
    if (answer.html === null) { preview.srcdoc = ""; return; }
    // Links in the preview open in a new tab (the sandbox allows only that).
    const base = '<base target="_blank">';
    preview.srcdoc = /<head[^>]*>/i.test(answer.html) ? answer.html.replace(/<head[^>]*>/i, (head) => head + base) : base + answer.html;
  }

  async function analyse(file) {
    if (!file) return;
    if (!file.name.toLowerCase().endsWith(".docx")) {
      status.textContent = `»${file.name}« er ikke et Word-dokument (.docx).`;
      return;
    }
    current = file;
    const mine = ++sequence;
    status.textContent = `Kontrollerer »${file.name}« …`;
    try {
      const response = await fetch(`/api/analyse-word?${query({})}`, {
        method: "POST",
        credentials: "same-origin",  // the workspace's cookie; the browser adds this page's Origin
        headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        body: file,
      });
      const answer = await response.json();
      if (mine !== sequence) return;
      if (!response.ok) { status.textContent = answer.message; result.hidden = true; return; }
      document.getElementById("word-name").textContent = file.name;
      document.getElementById("import-path").value = file.name.replace(/\.docx$/i, ".md");
      document.getElementById("import-status").textContent = "";
      showFindings(answer);
      showCounts(answer);
      showDecisions(answer);
      showPreview(answer);
      result.hidden = false;
      status.textContent = `»${file.name}« er kontrolleret.`;
      result.dataset.analysed = String(mine);
    } catch (error) {
      status.textContent = "Serveren svarer ikke; kører indstil serve stadig?";
    }
  }

  picker.addEventListener("change", () => analyse(picker.files[0]));
  profile.addEventListener("change", () => analyse(current));
  zone.addEventListener("click", () => picker.click());
  zone.addEventListener("dragover", (event) => {
    if (!WordHandoff.carriesFiles(event)) return;
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    if (!WordHandoff.carriesFiles(event)) return;
    event.preventDefault();
    zone.classList.remove("dragging");
    analyse(event.dataTransfer.files[0]);
  });
  // A file dropped elsewhere on the page is not opened by the browser in place of it.
  document.addEventListener("dragover", (event) => { if (WordHandoff.carriesFiles(event)) event.preventDefault(); });
  document.addEventListener("drop", (event) => {
    if (!WordHandoff.carriesFiles(event)) return;
    event.preventDefault();
    analyse(event.dataTransfer.files[0]);
  });

  document.getElementById("import-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const importStatus = document.getElementById("import-status");
    if (!current) return;
    importStatus.textContent = "Importerer …";
    try {
      const response = await fetch(`/api/import-word?${query({ sti: document.getElementById("import-path").value.trim() })}`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        body: current,
      });
      const answer = await response.json();
      if (!response.ok) { importStatus.textContent = answer.message; return; }
      window.location.assign(answer.page);
    } catch (error) {
      importStatus.textContent = "Serveren svarer ikke; kører indstil serve stadig?";
    }
  });

  if (window.location.hash === "#dropped") {
    history.replaceState(null, "", "/word");
    WordHandoff.take().then(analyse).catch(() => {
      status.textContent = "Det slupne dokument kunne ikke hentes; vælg det igen.";
    });
  }
});
