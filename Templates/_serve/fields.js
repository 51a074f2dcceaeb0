// The document page's form for the front matter: built from the profile's fields (labels,
// guidance, valid values; dates as dates; lists with add and remove), filled from the
// analysis of the text, and writing each change back into the text through
// POST /api/front-matter, so the text stays the one thing that is saved.
"use strict";

const FieldsForm = (() => {
  const PLACEHOLDER = "[…]";
  const months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

  function danishDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return match ? `${Number(match[3])}. ${months[Number(match[2]) - 1]} ${match[1]}` : "";
  }

  const shown = (value) => (typeof value === "string" && !value.includes(PLACEHOLDER) ? value : "");

  function create(form, { apply }) {
    let profile = null;
    let timer = null;
    let serial = 0;
    const inputs = new Map();  // key ("titel", "sagsbehandler.navn") → input
    const lists = new Map();   // key → { spec, rows element, entries }

    function element(name, attributes = {}, text) {
      const node = document.createElement(name);
      for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function send(key, value) {
      clearTimeout(timer);
      apply([{ key, value }]);
    }

    function control(spec, key, value, container) {
      const id = `felt-${key.replace(/[^\w-]/g, "-")}-${serial}`;
      const label = element("label", { for: id }, spec.label + (spec.required ? " *" : ""));
      let input;
      if (spec.type === "choice" && Array.isArray(spec.values)) {
        input = element("select", { id });
        if (!spec.required) input.append(element("option", { value: "" }, "(ingen)"));
        for (const choice of spec.values) input.append(element("option", { value: choice }, choice));
        input.value = shown(value);
        input.addEventListener("change", () => send(key, input.value));
      } else {
        const type = { date: "date", email: "email", phone: "tel", integer: "number" }[spec.type] || "text";
        input = element("input", { id, type });
        if (spec.example && type !== "date") input.placeholder = `fx ${spec.example}`;
        input.value = shown(value);
        if (type === "date") {
          input.addEventListener("change", () => send(key, input.value));
        } else {
          input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => send(key, input.value), 600); });
          input.addEventListener("change", () => send(key, input.value));
        }
      }
      input.dataset.key = key;
      const wrapper = element("div", { class: `field field-${spec.type}` });
      wrapper.append(label, input);
      if (spec.type === "date") {
        const words = element("span", { class: "field-date", id: `${id}-dato`, "aria-live": "polite" }, danishDate(shown(value)));
        input.addEventListener("input", () => { words.textContent = danishDate(input.value); });
        wrapper.append(words);
      }
      if (spec.help) {
        const help = element("p", { class: "help", id: `${id}-hjaelp` }, spec.help);
        input.setAttribute("aria-describedby", help.id);
        wrapper.append(help);
      }
      if (spec.requiredWhen) wrapper.dataset.requiredWhen = JSON.stringify(spec.requiredWhen);
      container.append(wrapper);
      inputs.set(key, input);
    }

    function listEntries(key) {
      const list = lists.get(key);
      return [...list.rows.querySelectorAll(".list-entry")].map((row) => {
        const entry = {};
        for (const input of row.querySelectorAll("[data-field]")) entry[input.dataset.field] = input.value;
        return entry;
      });
    }

    function listRow(key, spec, entry, number) {
      const row = element("fieldset", { class: "list-entry" });
      row.append(element("legend", {}, `${spec.label} ${number}`));
      for (const inner of spec.fields || []) {
        const id = `felt-${key}-${number}-${inner.key}-${serial}`;
        const input = element("input", { id, type: inner.type === "date" ? "date" : "text" });
        input.dataset.field = inner.key;
        input.value = shown(entry ? entry[inner.key] : "");
        const wrapper = element("div", { class: `field field-${inner.type}` });
        wrapper.append(element("label", { for: id }, inner.label + (inner.required ? " *" : "")), input);
        if (inner.type === "date") {
          const words = element("span", { class: "field-date" }, danishDate(input.value));
          input.addEventListener("input", () => { words.textContent = danishDate(input.value); });
          wrapper.append(words);
        }
        input.addEventListener("change", () => send(key, listEntries(key)));
        row.append(wrapper);
      }
      const remove = element("button", { type: "button", class: "secondary" }, `Fjern ${spec.label.toLowerCase()} ${number}`);
      remove.addEventListener("click", () => {
        row.remove();
        send(key, listEntries(key));
      });
      row.append(remove);
      return row;
    }

    function showList(key, spec, value) {
      const list = lists.get(key);
      const entries = Array.isArray(value) ? value.filter((entry) => entry && typeof entry === "object") : [];
      list.rows.replaceChildren(...entries.map((entry, index) => listRow(key, spec, entry, index + 1)));
    }

    function listControl(spec, value) {
      const box = element("fieldset", { class: "field-list" });
      box.append(element("legend", {}, spec.label));
      if (spec.help) box.append(element("p", { class: "help" }, spec.help));
      const rows = element("div");
      box.append(rows);
      const add = element("button", { type: "button" }, `Tilføj ${spec.label.toLowerCase()}`);
      add.addEventListener("click", () => {
        const number = rows.querySelectorAll(".list-entry").length + 1;
        const row = listRow(spec.key, spec, null, number);
        rows.append(row);
        row.querySelector("input").focus();
      });
      box.append(add);
      form.append(box);
      lists.set(spec.key, { spec, rows });
      showList(spec.key, spec, value);
    }

    function build(answer) {
      serial += 1;
      inputs.clear();
      lists.clear();
      form.replaceChildren();
      for (const spec of answer.fields) {
        if (spec.key === "profil") continue;  // the profile is chosen when the document is made
        const value = answer.frontMatter ? answer.frontMatter[spec.key] : undefined;
        if (spec.type === "group") {
          const box = element("fieldset", { class: "field-group" });
          box.append(element("legend", {}, spec.label));
          for (const inner of spec.fields || []) control(inner, `${spec.key}.${inner.key}`, value ? value[inner.key] : undefined, box);
          form.append(box);
        } else if (spec.type === "list") {
          listControl(spec, value);
        } else {
          control(spec, spec.key, value, form);
        }
      }
      showConditions(answer.frontMatter || {});
    }

    // A field required only when another has a value (begrundelse when status is lukket)
    // is shown when that holds, or when it has a value already.
    function showConditions(frontMatter) {
      for (const wrapper of form.querySelectorAll("[data-required-when]")) {
        const condition = JSON.parse(wrapper.dataset.requiredWhen);
        const input = wrapper.querySelector("input, select");
        wrapper.hidden = frontMatter[condition.key] !== condition.value && !input.value;
      }
    }

    return {
      /** Fills the form from an analysis; rebuilt when the profile changed. */
      show(answer) {
        if (!answer.fields || !answer.frontMatter) {
          form.replaceChildren(element("p", { class: "help" },
            "Felterne vises, når teksten kan læses; ret først fejlen øverst i listen over fund."));
          profile = null;
          return;
        }
        if (answer.profile !== profile) {
          profile = answer.profile;
          build(answer);
          return;
        }
        const active = document.activeElement;
        for (const [key, input] of inputs) {
          if (input === active) continue;
          const [outer, inner] = key.split(".");
          const raw = inner ? (answer.frontMatter[outer] || {})[inner] : answer.frontMatter[outer];
          const value = shown(raw);
          if (input.value !== value) {
            input.value = value;
            const words = input.parentElement.querySelector(".field-date");
            if (words) words.textContent = danishDate(value);
          }
        }
        for (const [key, list] of lists) {
          if (list.rows.contains(active)) continue;
          const now = JSON.stringify(listEntries(key));
          const wanted = Array.isArray(answer.frontMatter[key]) ? answer.frontMatter[key] : [];
          const normalised = JSON.stringify(wanted.map((entry) => Object.fromEntries(
            (list.spec.fields || []).map((inner) => [inner.key, shown(entry ? entry[inner.key] : "")]))));
          if (now !== normalised) showList(key, list.spec, wanted);
        }
        showConditions(answer.frontMatter);
      },
    };
  }

  return { create, danishDate };
})();
