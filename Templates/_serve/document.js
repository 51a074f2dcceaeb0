// Document page: the editor (editor.js), the live preview and findings (POST /api/analyse),
// saving with conflict handling (PUT /api/documents/…), unsaved state and a local draft
// that survives a closed tab, and following edits made elsewhere (server-sent events from
// /api/events/…). No framework; every text goes in as text.
"use strict";

const PAUSE_MS = 150;

document.addEventListener("DOMContentLoaded", () => {
  const workspace = document.getElementById("workspace");
  const editor = TextEditor.create(document.getElementById("editor"));
  const preview = document.getElementById("preview");
  const saveButton = document.getElementById("save");
  const saveStatus = document.getElementById("save-status");
  const conflict = document.getElementById("conflict");
  const diskVersion = document.getElementById("disk-version");
  const path = workspace.dataset.path;
  const urlPath = workspace.dataset.urlPath;
  const pageTitle = document.title;
  const draftKey = `indstil-kladde:${path}`;

  const state = {
    version: workspace.dataset.version, saved: editor.getValue(), disk: null, timer: null, draftTimer: null,
    sequence: 0, diagnostics: [], previewReady: false, section: null,
  };
  const isDirty = () => editor.getValue() !== state.saved;
  const isManifest = workspace.dataset.kind === "manifest";
  // A manifest has no front matter form; a document's fields are a form above its text.
  const fields = isManifest ? { show() {} } : FieldsForm.create(document.getElementById("fields"), { apply: applyFields });
  // An agenda's manifest has the desk (item states, sending, the item form), a referat's the
  // minutes form, every manifest the build. They change the text on screen, then save it.
  let manifestQueue = Promise.resolve();
  const manifestHooks = {
    path, text: () => editor.getValue(),
    // One change at a time: each reads the text the one before it saved.
    queue(job) {
      manifestQueue = manifestQueue.then(job, job);
      return manifestQueue;
    },
    async replaceAndSave(text) {
      if (text !== editor.getValue()) editor.setValue(text);
      return save(state.version);
    },
  };
  const desk = isManifest ? Desk.create(document.getElementById("desk"), manifestHooks) : { show() {} };
  const itemForm = isManifest ? ItemForm.create(document.getElementById("item-form"), manifestHooks) : { show() {} };
  const minutes = isManifest ? MinutesForm.create(document.getElementById("minutes"), manifestHooks) : { show() {} };
  if (isManifest) PacketBuild.attach(document.getElementById("build"), async () => !isDirty() || save(state.version));
  if (!isManifest) Changes.attach(document.getElementById("changes-panel"), { path, text: () => editor.getValue(), goToLine: (line) => editor.goToLine(line) });

  function element(name, text, className) {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // MARK: unsaved state and the local draft

  function showDirtyState() {
    const dirty = isDirty();
    document.title = dirty ? `Ikke gemt – ${pageTitle}` : pageTitle;
    workspace.dataset.dirty = String(dirty);
    if (conflict.hidden) {
      if (dirty) saveStatus.textContent = "Ikke gemt.";
      else if (saveStatus.textContent === "Ikke gemt.") saveStatus.textContent = "";
    }
    for (const link of document.querySelectorAll("a.download")) {
      link.textContent = dirty ? `Gem og hent ${link.dataset.format}` : `Hent ${link.dataset.format}`;
    }
  }

  function keepDraft() {
    clearTimeout(state.draftTimer);
    state.draftTimer = setTimeout(() => {
      try {
        if (isDirty()) localStorage.setItem(draftKey, JSON.stringify({ text: editor.getValue(), at: Date.now() }));
        else localStorage.removeItem(draftKey);
      } catch (error) { /* storage full or off: the draft is a help, not a promise */ }
    }, 400);
  }

  function dropDraft() {
    clearTimeout(state.draftTimer);
    try { localStorage.removeItem(draftKey); } catch (error) { /* nothing kept */ }
  }

  function offerDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (error) { draft = null; }
    if (!draft || typeof draft.text !== "string" || draft.text === editor.getValue()) { dropDraft(); return; }
    const box = document.getElementById("draft");
    const when = new Date(draft.at);
    document.getElementById("draft-text").textContent =
      `Der er en kladde af dokumentet fra ${when.toLocaleDateString("da-DK", { day: "numeric", month: "long" })} `
      + `${clockTime(when)}, som ikke blev gemt. Gendan den i editoren (den gemmes først, når du vælger Gem), eller kassér den.`;
    box.hidden = false;
    document.getElementById("draft-restore").addEventListener("click", () => {
      editor.setValue(draft.text);
      box.hidden = true;
      editor.focus();
    }, { once: true });
    document.getElementById("draft-discard").addEventListener("click", () => { dropDraft(); box.hidden = true; }, { once: true });
  }

  // MARK: findings, counts, decision points, preview

  function goToLine(line) { editor.goToLine(line); }

  function showFindings(answer) {
    state.diagnostics = answer.diagnostics;
    editor.showFindings(answer.diagnostics);
    const list = document.getElementById("findings");
    list.replaceChildren();
    for (const diagnostic of answer.diagnostics) {
      const item = element("li", undefined, diagnostic.severity);
      const button = element("button");
      button.type = "button";
      button.dataset.line = diagnostic.line;
      button.append(element("span", TextEditor.severityName(diagnostic.severity), "severity"),
        ` linje ${diagnostic.line}: ${diagnostic.message} `, element("span", `[${diagnostic.check}]`, "check"));
      button.addEventListener("click", () => goToLine(diagnostic.line));
      item.append(button);
      list.append(item);
    }
    const summary = answer.summary;
    const parts = [plural(summary.errors, "fejl", "fejl"), plural(summary.warnings, "advarsel", "advarsler"),
      plural(summary.notes, "note", "noter")];
    const text = answer.diagnostics.length === 0 ? "Ingen fund." : `${parts.join(", ")}.`;
    document.getElementById("findings-summary").textContent = text;
    const near = document.getElementById("editor-summary");
    near.textContent = answer.diagnostics.length === 0 ? "Ingen fund" : `Fund: ${parts.join(", ")}`;
    near.className = `editor-summary ${summary.errors > 0 ? "error" : summary.warnings > 0 ? "warning" : "ok"}`;
    showLineFindings(editor.cursorLine());
  }

  // The findings on the caret's line, read out as the caret reaches it (keyboard users
  // cannot hover the gutter).
  function showLineFindings(line) {
    const here = state.diagnostics.filter((d) => d.line === line);
    document.getElementById("line-findings").textContent = here.length === 0 ? ""
      : `Linje ${line}: ` + here.map((d) => `${TextEditor.severityName(d.severity)}: ${d.message}`).join(" ");
  }

  function showCounts(answer) {
    const total = document.getElementById("count-total");
    const body = document.querySelector("#sections tbody");
    body.replaceChildren();
    if (answer.kind === "manifest") {
      // A manifest's files: each one with findings, counted (their lines are in their own pages).
      document.getElementById("sections").hidden = true;
      document.getElementById("count-heading").textContent = "Pakkens filer";
      document.getElementById("lix").textContent = "";
      total.replaceChildren(answer.files.length === 0 ? "Ingen fund i pakkens filer." : "Fund i pakkens filer:");
      if (answer.files.length > 0) {
        const list = element("ul");
        for (const file of answer.files) {
          list.append(element("li", `${file.path}: ${plural(file.errors, "fejl", "fejl")}, ${plural(file.warnings, "advarsel", "advarsler")}`));
        }
        total.append(list);
      }
      return;
    }
    if (!answer.stats) {
      total.textContent = "Dokumentet kan ikke tælles, før fejlene er rettet.";
      document.getElementById("lix").textContent = "";
      return;
    }
    for (const section of answer.stats.sections) {
      const row = element("tr");
      row.append(element("th", section.heading), element("td", formatNumber(section.characters), "number"),
        element("td", formatDecimal(section.lix), "number"));
      row.firstChild.scope = "row";
      body.append(row);
    }
    const counted = answer.limitedCharacters;
    total.replaceChildren();
    if (answer.limit !== null) {
      total.append(`Antal tegn: ${formatNumber(counted)} af højst ${formatNumber(answer.limit)}`);
      if (counted > answer.limit) {
        total.append(" – ", element("strong", `over med ${formatNumber(counted - answer.limit)}`, "over"));
      } else {
        total.append(` (${formatNumber(answer.limit - counted)} tilbage)`);
      }
    } else {
      total.append(`Antal tegn: ${formatNumber(answer.stats.characters)} (profilen har ingen grænse)`);
    }
    total.dataset.characters = counted;
    document.getElementById("lix").textContent = `LIX for hele dokumentet: ${formatDecimal(answer.stats.lix)}`;
  }

  function showDecisions(answer) {
    const list = document.getElementById("decisions");
    if (isManifest) { list.closest("section").hidden = true; return; }
    list.replaceChildren();
    if (answer.decisionPoints.length === 0) {
      list.append(element("li", "Ingen beslutningspunkter endnu.", "empty"));
      return;
    }
    for (const point of answer.decisionPoints) {
      const item = element("li");
      item.value = point.number;  // the list numbers it; the text does not repeat the number
      const button = element("button", point.text);
      button.type = "button";
      button.addEventListener("click", () => goToLine(point.line));
      item.append(button);
      list.append(item);
    }
  }

  // Links in the preview never open the workspace inside it: web addresses open in a new
  // tab, a place in the document scrolls there, anything else (an appendix file) is text.
  function neutralisedPreview(html) {
    const page = new DOMParser().parseFromString(html, "text/html");
    for (const link of page.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (/^(https?:|mailto:)/i.test(href)) {
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      } else if (!href.startsWith("#")) {
        link.removeAttribute("href");
        link.title = "Åbnes ikke fra forhåndsvisningen";
      }
    }
    return page;
  }

  // The preview is updated in place: its scroll position stays where the reader left it.
  function showPreview(html) {
    const page = neutralisedPreview(html);
    const frame = state.previewReady ? preview.contentDocument : null;
    if (frame && frame.body) {
      const x = preview.contentWindow.scrollX, y = preview.contentWindow.scrollY;
      frame.head.replaceWith(frame.importNode(page.head, true));
      frame.body.replaceWith(frame.importNode(page.body, true));
      preview.contentWindow.scrollTo(x, y);
      followSection(editor.cursorLine(), true);
    } else {
      preview.addEventListener("load", () => { state.previewReady = true; followSection(editor.cursorLine(), true); }, { once: true });
      preview.srcdoc = "<!DOCTYPE html>\n" + page.documentElement.outerHTML;
    }
  }

  // The preview follows the section being edited: when the caret moves into another
  // section, its heading is scrolled into view (unless it is on screen already).
  function followSection(line, quietly) {
    let heading = null;
    for (let index = line; index >= 1; index -= 1) {
      const match = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(editor.lineText(index));
      if (match) { heading = match[1]; break; }
    }
    if (heading === state.section && quietly) return;
    state.section = heading;
    const frame = state.previewReady ? preview.contentDocument : null;
    if (!heading || !frame) return;
    const simple = (text) => text.toLowerCase().replace(/^[\d.\s]+/, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const wanted = simple(heading);
    const target = [...frame.querySelectorAll("h1, h2, h3, h4, h5, h6")].find((node) => simple(node.textContent) === wanted)
      || [...frame.querySelectorAll("h1, h2, h3, h4, h5, h6")].find((node) => simple(node.textContent).includes(wanted));
    if (!target) return;
    const box = target.getBoundingClientRect();
    if (box.top < 0 || box.top > preview.clientHeight - 40) target.scrollIntoView({ block: "start" });
  }

  async function analyse() {
    const sequence = ++state.sequence;
    try {
      const response = await fetch("/api/analyse", {
        method: "POST",
        credentials: "same-origin",  // the workspace's cookie; the browser adds this page's Origin
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ path, text: editor.getValue() }),
      });
      const answer = await response.json();
      if (sequence !== state.sequence) return;  // a newer text is on its way
      if (!response.ok) { document.getElementById("findings-summary").textContent = answer.message; return; }
      showFindings(answer);
      showCounts(answer);
      showDecisions(answer);
      fields.show(answer);
      desk.show(answer.agenda || null);
      itemForm.show(answer.agenda || null);
      minutes.show(answer.minutes || null);
      if (answer.html !== null) showPreview(answer.html);
      workspace.dataset.analysed = String(sequence);
    } catch (error) {
      document.getElementById("findings-summary").textContent = "Serveren svarer ikke; kører indstil serve stadig?";
    }
  }

  function scheduleAnalysis() {
    clearTimeout(state.timer);
    state.timer = setTimeout(analyse, PAUSE_MS);
  }

  // The form's changes go into the text (the server writes them as YAML, touching only
  // the changed field's lines); the text is what is saved.
  async function applyFields(changes) {
    const status = document.getElementById("fields-status");
    try {
      const response = await fetch("/api/front-matter", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ path, text: editor.getValue(), changes }),
      });
      const answer = await response.json();
      if (!response.ok) { status.textContent = answer.message; return; }
      status.textContent = "";
      if (answer.text !== editor.getValue()) editor.setValue(answer.text);
    } catch (error) {
      status.textContent = "Serveren svarer ikke; feltet er ikke skrevet i teksten.";
    }
  }

  // MARK: saving

  function showConflict(text, version) {
    state.disk = { text, version };
    diskVersion.value = text;
    conflict.hidden = false;
    saveStatus.textContent = "Filen er ændret på disken. Begge versioner er bevaret; vælg hvilken der skal gælde.";
  }

  /** Saves the text on screen; true when it is on disk. */
  async function save(version) {
    saveStatus.textContent = "Gemmer …";
    const text = editor.getValue();
    try {
      const response = await fetch(`/api/documents/${urlPath}`, {
        method: "PUT",
        credentials: "same-origin",  // the workspace's cookie; the browser adds this page's Origin
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, version }),
      });
      const answer = await response.json();
      if (response.status === 409) { showConflict(answer.text, answer.version); return false; }
      if (!response.ok) { saveStatus.textContent = answer.message; return false; }
      state.version = answer.version;
      state.saved = text;
      state.disk = null;
      conflict.hidden = true;
      dropDraft();
      saveStatus.textContent = isDirty() ? "Ikke gemt." : "Gemt.";  // typed on while it was saved
      showDirtyState();
      return true;
    } catch (error) {
      saveStatus.textContent = "Serveren svarer ikke; intet er gemt.";
      return false;
    }
  }

  async function reloadFromDisk() {
    const response = await fetch(`/api/documents/${urlPath}`);
    if (!response.ok) return;
    const answer = await response.json();
    if (answer.version === state.version) return;
    if (answer.text === editor.getValue()) { state.version = answer.version; state.saved = answer.text; showDirtyState(); return; }
    if (isDirty()) { showConflict(answer.text, answer.version); return; }
    state.saved = answer.text;
    state.version = answer.version;
    editor.setValue(answer.text);
    saveStatus.textContent = "Filen blev ændret i en anden editor; siden viser nu den nye tekst.";
    analyse();
  }

  editor.onChange(() => { showDirtyState(); keepDraft(); scheduleAnalysis(); });
  editor.onCursorLine((line) => { showLineFindings(line); followSection(line, true); });
  saveButton.addEventListener("click", () => save(state.version));
  // A download is of the text on screen: unsaved text is saved first (the link says so).
  for (const link of document.querySelectorAll("a.download")) {
    link.addEventListener("click", async (event) => {
      if (!isDirty()) return;
      event.preventDefault();
      if (await save(state.version)) window.location.href = link.href;
    });
  }
  document.getElementById("keep-mine").addEventListener("click", () => { if (state.disk) save(state.disk.version); });
  document.getElementById("take-disk").addEventListener("click", () => {
    if (!state.disk) return;
    state.saved = state.disk.text;
    state.version = state.disk.version;
    editor.setValue(state.disk.text);
    state.disk = null;
    conflict.hidden = true;
    dropDraft();
    saveStatus.textContent = "Versionen på disken bruges nu.";
    showDirtyState();
    analyse();
  });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save(state.version);
    }
  }, true);
  window.addEventListener("beforeunload", (event) => { if (isDirty()) event.preventDefault(); });

  const events = new EventSource(`/api/events/${urlPath}`);
  events.addEventListener("version", (event) => {
    const version = JSON.parse(event.data).version;
    if (version !== state.version && version !== "missing") reloadFromDisk();
  });

  // A Word document dropped on the page is checked on /word (the text here is not touched).
  WordHandoff.acceptDrops(document.getElementById("drop-hint"),
    "Kun Word-dokumenter (.docx) kan kontrolleres; teksten her er ikke ændret.");

  offerDraft();
  showDirtyState();
  analyse();
  // A new document (from "Nyt dokument") opens with the caret in the text; a link to a
  // line (#linje-12, from a failed packet build) opens with the caret there.
  if (new URLSearchParams(window.location.search).has("ny")) editor.focus();
  const lineLink = /^#linje-(\d+)$/.exec(window.location.hash);
  if (lineLink) goToLine(Number(lineLink[1]));
});
