// Document page: the editor, the live preview and findings (POST /api/analyse), saving
// with conflict handling (PUT /api/documents/…), and following edits made elsewhere
// (server-sent events from /api/events/…). No framework; every text goes in as text.
"use strict";

const PAUSE_MS = 150;
const numberFormat = new Intl.NumberFormat("da-DK");
const decimalFormat = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

document.addEventListener("DOMContentLoaded", () => {
  const workspace = document.getElementById("workspace");
  const editor = document.getElementById("editor");
  const preview = document.getElementById("preview");
  const saveButton = document.getElementById("save");
  const saveStatus = document.getElementById("save-status");
  const conflict = document.getElementById("conflict");
  const diskVersion = document.getElementById("disk-version");
  const path = workspace.dataset.path;
  const urlPath = workspace.dataset.urlPath;

  const state = { version: workspace.dataset.version, saved: editor.value, disk: null, timer: null, sequence: 0 };
  const isDirty = () => editor.value !== state.saved;

  function element(name, text, className) {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function goToLine(line) {
    const lines = editor.value.split("\n");
    let offset = 0;
    for (let index = 0; index < Math.min(line - 1, lines.length); index += 1) offset += lines[index].length + 1;
    editor.focus();
    editor.setSelectionRange(offset, offset + (lines[line - 1] || "").length);
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  const severityNames = { error: "Fejl", warning: "Advarsel", note: "Bemærkning" };

  function showFindings(answer) {
    const list = document.getElementById("findings");
    list.replaceChildren();
    for (const diagnostic of answer.diagnostics) {
      const item = element("li", undefined, diagnostic.severity);
      const button = element("button");
      button.type = "button";
      button.dataset.line = diagnostic.line;
      button.append(element("span", severityNames[diagnostic.severity] || diagnostic.severity, "severity"),
        ` linje ${diagnostic.line}: ${diagnostic.message} `, element("span", `[${diagnostic.check}]`, "check"));
      button.addEventListener("click", () => goToLine(diagnostic.line));
      item.append(button);
      list.append(item);
    }
    const summary = answer.summary;
    document.getElementById("findings-summary").textContent = answer.diagnostics.length === 0
      ? "Ingen fund."
      : `${summary.errors} fejl, ${summary.warnings} advarsler, ${summary.notes} bemærkninger.`;
  }

  function showCounts(answer) {
    const total = document.getElementById("count-total");
    const body = document.querySelector("#sections tbody");
    body.replaceChildren();
    if (!answer.stats) {
      total.textContent = "Dokumentet kan ikke tælles, før fejlene er rettet.";
      document.getElementById("lix").textContent = "";
      return;
    }
    for (const section of answer.stats.sections) {
      const row = element("tr");
      row.append(element("th", section.heading), element("td", numberFormat.format(section.characters), "number"),
        element("td", decimalFormat.format(section.lix), "number"));
      row.firstChild.scope = "row";
      body.append(row);
    }
    const counted = answer.limitedCharacters;
    total.replaceChildren();
    if (answer.limit !== null) {
      total.append(`Antal tegn: ${numberFormat.format(counted)} af højst ${numberFormat.format(answer.limit)}`);
      if (counted > answer.limit) {
        total.append(" – ", element("strong", `over med ${numberFormat.format(counted - answer.limit)}`, "over"));
      } else {
        total.append(` (${numberFormat.format(answer.limit - counted)} tilbage)`);
      }
    } else {
      total.append(`Antal tegn: ${numberFormat.format(answer.stats.characters)} (profilen har ingen grænse)`);
    }
    total.dataset.characters = counted;
    document.getElementById("lix").textContent = `LIX for hele dokumentet: ${decimalFormat.format(answer.stats.lix)}`;
  }

  function showDecisions(answer) {
    const list = document.getElementById("decisions");
    list.replaceChildren();
    if (answer.decisionPoints.length === 0) {
      list.append(element("li", "Ingen beslutningspunkter endnu."));
      return;
    }
    for (const point of answer.decisionPoints) {
      const item = element("li");
      const button = element("button", `${point.number}. ${point.text}`);
      button.type = "button";
      button.addEventListener("click", () => goToLine(point.line));
      item.append(button);
      list.append(item);
    }
  }

  async function analyse() {
    const sequence = ++state.sequence;
    try {
      const response = await fetch("/api/analyse", {
        method: "POST",
        credentials: "same-origin",  // the workspace's cookie; the browser adds this page's Origin
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ path, text: editor.value }),
      });
      const answer = await response.json();
      if (sequence !== state.sequence) return;  // a newer text is on its way
      if (!response.ok) { document.getElementById("findings-summary").textContent = answer.message; return; }
      showFindings(answer);
      showCounts(answer);
      showDecisions(answer);
      if (answer.html !== null) preview.srcdoc = answer.html;
      workspace.dataset.analysed = String(sequence);
    } catch (error) {
      document.getElementById("findings-summary").textContent = "Serveren svarer ikke; kører indstil serve stadig?";
    }
  }

  function scheduleAnalysis() {
    clearTimeout(state.timer);
    state.timer = setTimeout(analyse, PAUSE_MS);
  }

  function showConflict(text, version) {
    state.disk = { text, version };
    diskVersion.value = text;
    conflict.hidden = false;
    saveStatus.textContent = "Filen er ændret på disken. Begge versioner er bevaret; vælg hvilken der skal gælde.";
  }

  async function save(version) {
    saveStatus.textContent = "Gemmer …";
    const text = editor.value;
    try {
      const response = await fetch(`/api/documents/${urlPath}`, {
        method: "PUT",
        credentials: "same-origin",  // the workspace's cookie; the browser adds this page's Origin
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, version }),
      });
      const answer = await response.json();
      if (response.status === 409) { showConflict(answer.text, answer.version); return; }
      if (!response.ok) { saveStatus.textContent = answer.message; return; }
      state.version = answer.version;
      state.saved = text;
      state.disk = null;
      conflict.hidden = true;
      saveStatus.textContent = "Gemt.";
    } catch (error) {
      saveStatus.textContent = "Serveren svarer ikke; intet er gemt.";
    }
  }

  async function reloadFromDisk(version) {
    const response = await fetch(`/api/documents/${urlPath}`);
    if (!response.ok) return;
    const answer = await response.json();
    if (answer.version === state.version) return;
    if (answer.text === editor.value) { state.version = answer.version; state.saved = answer.text; return; }
    if (isDirty()) { showConflict(answer.text, answer.version); return; }
    editor.value = answer.text;
    state.saved = answer.text;
    state.version = answer.version;
    saveStatus.textContent = "Filen blev ændret i en anden editor; siden viser nu den nye tekst.";
    analyse();
  }

  editor.addEventListener("input", scheduleAnalysis);
  saveButton.addEventListener("click", () => save(state.version));
  document.getElementById("keep-mine").addEventListener("click", () => { if (state.disk) save(state.disk.version); });
  document.getElementById("take-disk").addEventListener("click", () => {
    if (!state.disk) return;
    editor.value = state.disk.text;
    state.saved = state.disk.text;
    state.version = state.disk.version;
    state.disk = null;
    conflict.hidden = true;
    saveStatus.textContent = "Versionen på disken bruges nu.";
    analyse();
  });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(state.version); }
  });
  window.addEventListener("beforeunload", (event) => { if (isDirty()) event.preventDefault(); });

  const events = new EventSource(`/api/events/${urlPath}`);
  events.addEventListener("version", (event) => {
    const version = JSON.parse(event.data).version;
    if (version !== state.version && version !== "missing") reloadFromDisk(version);
  });

  analyse();
});
