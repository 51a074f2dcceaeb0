// The agenda item form on an agenda's manifest page: a new item at the end or an existing
// one changed — title, indstilling, minutes, open or closed with the reason, and its own
// appendices, which can be dropped on the form (or chosen with the file field) and are
// saved beside the manifest under punkt-N/ (POST /api/upload). The form's values go into the
// text on screen through the server (POST /api/agenda/item), which writes only the item's
// lines; the page then saves the text as always.
"use strict";

const ItemForm = {
  /** `hooks`: `path`, `text()`, `replaceAndSave(text)`. */
  create(form, hooks) {
    const choice = form.querySelector("#item-choice");
    const title = form.querySelector("#item-title");
    const recommendation = form.querySelector("#item-recommendation");
    const minutes = form.querySelector("#item-minutes");
    const status = form.querySelector("#item-status");
    const reason = form.querySelector("#item-reason");
    const reasonRow = form.querySelector("#item-reason-row");
    const list = form.querySelector("#item-appendix-list");
    const drop = form.querySelector("#item-drop");
    const picker = form.querySelector("#item-files");
    const message = form.querySelector("#item-status-text");
    const folder = hooks.path.includes("/") ? hooks.path.slice(0, hooks.path.lastIndexOf("/") + 1) : "";
    let items = [];
    let appendices = [];

    // The reason shows for a closed item, and whenever one is written (an item closed by its
    // indstilling keeps the manifest's reason: it is always sent back).
    function showReason() { reasonRow.hidden = status.value !== "lukket" && reason.value === ""; }

    function showAppendices() {
      list.replaceChildren();
      appendices.forEach((appendix, index) => {
        const row = document.createElement("li");
        const name = document.createElement("code");
        name.textContent = appendix.fil;
        const titleLabel = document.createElement("label");
        titleLabel.className = "inline";
        titleLabel.htmlFor = `item-appendix-${index}-title`;
        titleLabel.textContent = "Titel";
        const titleInput = document.createElement("input");
        titleInput.type = "text";
        titleInput.id = `item-appendix-${index}-title`;
        titleInput.value = appendix.titel || "";
        titleInput.addEventListener("input", () => { appendix.titel = titleInput.value; });
        const closed = document.createElement("input");
        closed.type = "checkbox";
        closed.id = `item-appendix-${index}-closed`;
        closed.checked = appendix.lukket;
        closed.addEventListener("change", () => { appendix.lukket = closed.checked; });
        const closedLabel = document.createElement("label");
        closedLabel.className = "inline";
        closedLabel.htmlFor = closed.id;
        closedLabel.textContent = "Lukket bilag";
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "secondary";
        remove.textContent = `Fjern ${appendix.fil}`;
        remove.addEventListener("click", () => { appendices.splice(index, 1); showAppendices(); picker.focus(); });
        row.append(name, " ", titleLabel, titleInput, " ", closed, closedLabel, " ", remove);
        list.append(row);
      });
    }

    function fill(number) {
      const entry = number > 0 ? (items.find((item) => item.number === number) || {}).entry || {} : {};
      title.value = entry.titel || "";
      recommendation.value = entry.indstilling || "";
      minutes.value = entry.minutter || "";
      status.value = entry.status || "";
      reason.value = entry.begrundelse || "";
      appendices = (entry.bilag || []).map((appendix) => Object.assign({}, appendix));
      showReason();
      showAppendices();
    }

    // Appendices dropped or chosen: saved in the project, then listed on the item.
    async function upload(files) {
      const number = Number(choice.value) || (items.length + 1);
      for (const file of files) {
        message.textContent = `Lægger ${file.name} ind …`;
        try {
          const query = new URLSearchParams({ manifest: hooks.path, punkt: String(number), navn: file.name });
          const response = await fetch(`/api/upload?${query}`, {
            method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/octet-stream" }, body: file,
          });
          const answer = await response.json();
          if (!response.ok) { message.textContent = answer.message; continue; }
          appendices.push({ fil: answer.file, titel: answer.title, lukket: false });
          message.textContent = `${file.name} er lagt i ${answer.path}; gem punktet for at tilføje det.`;
        } catch (error) {
          message.textContent = `Serveren svarer ikke; ${file.name} er ikke lagt ind.`;
        }
      }
      showAppendices();
    }

    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      event.stopPropagation();  // not the page's Word drop
      drop.classList.remove("over");
      upload([...event.dataTransfer.files]);
    });
    picker.addEventListener("change", () => { upload([...picker.files]); picker.value = ""; });
    status.addEventListener("change", showReason);
    choice.addEventListener("change", () => fill(Number(choice.value)));

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      hooks.queue(saveItem);
    });

    async function saveItem() {
      const number = Number(choice.value);
      message.textContent = "Gemmer punktet …";
      try {
        const response = await fetch("/api/agenda/item", {
          method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            path: hooks.path, text: hooks.text(), item: number, titel: title.value, indstilling: recommendation.value,
            minutter: minutes.value, status: status.value, begrundelse: reason.value,
            bilag: appendices,
          }),
        });
        const answer = await response.json();
        if (!response.ok) { message.textContent = answer.message; return; }
        if (await hooks.replaceAndSave(answer.text)) {
          message.textContent = number > 0 ? `Punkt ${answer.item} er ændret og gemt.` : `Punkt ${answer.item} er tilføjet og gemt.`;
          form.dataset.saved = String(answer.item);
        }
      } catch (error) {
        message.textContent = "Serveren svarer ikke; punktet er ikke gemt.";
      }
    }

    // The project's documents beside the manifest, offered for the indstilling.
    fetch("/api/documents", { credentials: "same-origin" }).then((response) => response.json()).then((documents) => {
      const options = form.querySelector("#item-documents");
      for (const document_ of documents) {
        if (!document_.path.endsWith(".md") || !document_.path.startsWith(folder)) continue;
        const option = document.createElement("option");
        option.value = document_.path.slice(folder.length);
        options.append(option);
      }
    }).catch(() => { /* the field still takes a path typed in */ });

    showReason();
    return {
      /** The analysed agenda's items, for the choice of item (the form's values are kept). */
      show(agenda) {
        items = agenda ? agenda.items : [];
        if (form.contains(document.activeElement)) return;
        const chosen = choice.value;
        choice.replaceChildren(new Option("Nyt punkt sidst på dagsordenen", "0"));
        for (const item of items) choice.append(new Option(`Punkt ${item.number}: ${item.title}`, String(item.number)));
        choice.value = [...choice.options].some((option) => option.value === chosen) ? chosen : "0";
      },
    };
  },
};
