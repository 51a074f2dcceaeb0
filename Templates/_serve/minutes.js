// The minutes form on a referat's manifest page: for each agenda item the outcome of
// each decision point (the standard phrases to choose from, "godkendt med ændringer" only
// with the changes written), the item's own sentence, and who was absent for it. Saving an
// item sends it to the server (POST /api/minutes/item), which writes it into the text on
// screen touching only that item; the page then saves the text as always.
"use strict";

const MinutesForm = {
  /** `hooks` as for Desk: `path`, `text()`, `replaceAndSave(text)`. */
  create(section, hooks) {
    const list = section.querySelector("#minutes-items");
    const status = section.querySelector("#minutes-status");

    function element(name, text, className) {
      const node = document.createElement(name);
      if (text !== undefined) node.textContent = text;
      if (className) node.className = className;
      return node;
    }

    // An outcome and its sentence: a select of the standard phrases and a text field that is
    // required (and says so) for "godkendt med ændringer".
    function outcomeControls(id, label, outcomes, chosen, text, reason) {
      const box = element("div", undefined, "minutes-point");
      const selectLabel = element("label", label);
      selectLabel.htmlFor = id;
      const select = element("select");
      select.id = id;
      select.append(new Option("Intet udfald endnu", ""));
      for (const outcome of outcomes) select.append(new Option(`${outcome.label} – »${outcome.phrase}«`, outcome.value));
      select.value = chosen || "";
      const textLabel = element("label", "Ændringer eller referatets egen tekst");
      textLabel.htmlFor = `${id}-tekst`;
      const input = element("input");
      input.type = "text";
      input.id = `${id}-tekst`;
      input.value = text || "";
      const hint = element("span", "Skriv ændringerne: »Godkendt med ændringer« kræver dem.", "help");
      hint.id = `${id}-krav`;
      // Why it was not approved: the phrase becomes "… kunne ikke tiltrædes, da <begrundelse>."
      const reasonBox = element("div");
      const reasonLabel = element("label", "Begrundelse (»… kunne ikke tiltrædes, da …«)");
      reasonLabel.htmlFor = `${id}-begrundelse`;
      const reasonInput = element("input");
      reasonInput.type = "text";
      reasonInput.id = `${id}-begrundelse`;
      reasonInput.value = reason || "";
      reasonBox.append(reasonLabel, reasonInput);
      const mark = () => {
        const needed = select.value === "godkendt med ændringer";
        input.required = needed;
        hint.hidden = !needed;
        if (needed) input.setAttribute("aria-describedby", hint.id); else input.removeAttribute("aria-describedby");
        reasonBox.hidden = select.value !== "ikke godkendt" && !reasonInput.value;
      };
      select.addEventListener("change", mark);
      mark();
      box.append(selectLabel, select, textLabel, input, hint, reasonBox);
      return { box, select, input, reason: reasonInput };
    }

    async function save(item, controls, absentBoxes) {
      const payload = {
        path: hooks.path, text: hooks.text(), item: item.number,
        points: controls.points.map((point) => ({
          number: point.number, outcome: point.select.value || null, text: point.input.value, reason: point.reason.value,
        })),
        outcome: controls.whole ? controls.whole.select.value || null : null,
        decision: controls.whole ? controls.whole.input.value : null,
        reason: controls.whole ? controls.whole.reason.value : null,
        absent: absentBoxes.filter((box) => box.checked).map((box) => box.value),
      };
      status.textContent = `Gemmer beslutningen for punkt ${item.number} …`;
      try {
        const response = await fetch("/api/minutes/item", {
          method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
        });
        const answer = await response.json();
        if (!response.ok) { status.textContent = answer.message; return; }
        if (await hooks.replaceAndSave(answer.text)) status.textContent = `Beslutningen for punkt ${item.number} er skrevet i referatet og gemt.`;
      } catch (error) {
        status.textContent = "Serveren svarer ikke; beslutningen er ikke gemt.";
      }
    }

    return {
      show(minutes) {
        section.hidden = !minutes;
        if (!minutes || section.contains(document.activeElement)) return;  // never rebuilt under the user's hands
        list.replaceChildren();
        for (const item of minutes.items) {
          const box = element("fieldset", undefined, "minutes-item");
          box.append(element("legend", `Punkt ${item.number}: ${item.title}${item.closed ? " (lukket)" : ""}`));
          const controls = { points: [], whole: null };
          for (const point of item.points) {
            const proposal = point.proposal.length > 120 ? `${point.proposal.slice(0, 117)} …` : point.proposal;
            const made = outcomeControls(`referat-${item.number}-${point.number}`, `Beslutningspunkt ${point.number}: ${proposal}`,
              minutes.outcomes, point.outcome || item.outcome, point.text, point.reason);
            controls.points.push({ number: point.number, select: made.select, input: made.input, reason: made.reason });
            box.append(made.box);
          }
          if (item.points.length === 0) {
            controls.whole = outcomeControls(`referat-${item.number}`, "Udfald", minutes.outcomes, item.outcome, item.text, item.reason);
            box.append(controls.whole.box);
          }
          const absentBoxes = [];
          if (minutes.members.length > 0) {
            const absent = element("fieldset", undefined, "minutes-absent");
            absent.append(element("legend", "Fraværende under punktet"));
            minutes.members.forEach((name, index) => {
              const check = element("input");
              check.type = "checkbox";
              check.id = `referat-${item.number}-fravaer-${index}`;
              check.value = name;
              check.checked = item.absent.includes(name);
              const label = element("label", name);
              label.htmlFor = check.id;
              const row = element("div", undefined, "check-row");
              row.append(check, label);
              absent.append(row);
              absentBoxes.push(check);
            });
            box.append(absent);
          }
          const button = element("button", `Gem beslutningen for punkt ${item.number}`);
          button.type = "button";
          button.id = `referat-${item.number}-gem`;
          button.addEventListener("click", () => hooks.queue(() => save(item, controls, absentBoxes)));
          box.append(button);
          list.append(box);
        }
      },
    };
  },
};
