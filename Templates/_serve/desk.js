// The secretariat's desk on an agenda's manifest page: the sending deadline, each item's
// state (kladde, klar, godkendt) changed with a select, and the button that sends the
// agenda or its supplementary agenda. Changes go into the text on screen through the
// server (POST /api/agenda/item-state, /api/agenda/send), which writes them as YAML
// touching only their lines; the page then saves the text as always.
"use strict";

const Desk = {
  states: [["kladde", "Kladde"], ["klar", "Klar"], ["godkendt", "Godkendt"]],

  /**
   * `hooks`: `path`, `text()` (the text on screen) and `replaceAndSave(text)` (puts the new
   * text in the editor and saves it; true when saved).
   */
  create(section, hooks) {
    const body = section.querySelector("#desk-items tbody");
    const status = section.querySelector("#desk-status");
    const sendButton = section.querySelector("#desk-send");
    const person = section.querySelector("#desk-person");
    const personKey = "indstil-navn";
    try { person.value = localStorage.getItem(personKey) || person.value; } catch (error) { /* the server's guess stays */ }
    person.addEventListener("change", () => {
      try { localStorage.setItem(personKey, person.value.trim()); } catch (error) { /* not kept */ }
    });

    async function post(url, payload) {
      const response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.assign({ path: hooks.path, text: hooks.text() }, payload)),
      });
      return { ok: response.ok, answer: await response.json() };
    }

    async function changeState(number, state, select) {
      status.textContent = `Sætter punkt ${number} til ${state} …`;
      try {
        const { ok, answer } = await post("/api/agenda/item-state", { item: number, state, by: person.value });
        if (!ok) { status.textContent = answer.message; select.value = select.dataset.was; return; }
        if (await hooks.replaceAndSave(answer.text)) {
          select.dataset.was = state;
          status.textContent = `Punkt ${number} er nu ${state}; gemt i manifestet.`;
        }
      } catch (error) {
        status.textContent = "Serveren svarer ikke; tilstanden er ikke ændret.";
        select.value = select.dataset.was;
      }
    }

    sendButton.addEventListener("click", () => hooks.queue(send));

    async function send() {
      status.textContent = "Sender …";
      try {
        const { ok, answer } = await post("/api/agenda/send", {});
        if (!ok) { status.textContent = answer.message; return; }
        if (await hooks.replaceAndSave(answer.text)) status.textContent = answer.message;
      } catch (error) {
        status.textContent = "Serveren svarer ikke; intet er sendt.";
      }
    }

    function cell(text) {
      const node = document.createElement("td");
      node.textContent = text;
      return node;
    }

    return {
      /** Shows the desk of the analysed agenda (`answer.agenda`), or hides it. */
      show(agenda) {
        section.hidden = !agenda;
        if (!agenda) return;
        section.querySelector("#desk-deadline").textContent = agenda.deadline || "";
        sendButton.hidden = !agenda.send;
        sendButton.textContent = agenda.send || "";
        sendButton.disabled = agenda.hasErrors;
        // A select being used keeps its place: the table is rebuilt only when nothing in it has focus.
        if (section.querySelector("#desk-items").contains(document.activeElement)) return;
        body.replaceChildren();
        for (const item of agenda.items) {
          const row = document.createElement("tr");
          const number = document.createElement("th");
          number.scope = "row";
          number.textContent = item.number;
          const title = cell(item.title);
          if (item.closed) title.append(" (lukket)");
          for (const [flag, text] of [[item.changed, "Ændret efter udsendelse"], [item.late, "Tillægsdagsorden"]]) {
            if (!flag) continue;
            const mark = document.createElement("strong");
            mark.className = "mark";
            mark.textContent = text;
            title.append(" ", mark);
          }
          const select = document.createElement("select");
          select.id = `desk-state-${item.number}`;
          select.setAttribute("aria-label", `Tilstand for punkt ${item.number}: ${item.title}`);
          if (!item.state) select.append(new Option("Ikke angivet", ""));
          for (const [value, label] of Desk.states) select.append(new Option(label, value));
          select.value = item.state || "";
          select.dataset.was = select.value;
          // Each change waits for the one before it to be written and saved (arrow keys in a
          // closed select change it once per press).
          select.addEventListener("change", () => {
            const chosen = select.value;
            if (chosen) hooks.queue(() => changeState(item.number, chosen, select));
          });
          const stateCell = document.createElement("td");
          stateCell.append(select);
          const changed = [item.stateBy, item.stateAt].filter(Boolean).join(", ");
          row.append(number, title, stateCell, cell(changed || "–"));
          body.append(row);
        }
      },
    };
  },
};
