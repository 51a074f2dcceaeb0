// The document page's "Ændringer": the text on screen compared with the saved file or with
// git's last commit (POST /api/diff, the changes `indstil diff --format json` lists), each
// change with its place and its words: deletions in <del>, insertions in <ins>, both said in
// words for a screen reader. A change's line opens the text there.
"use strict";

const Changes = (() => {
  function element(name, text, className) {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function marked(kind, text) {
    const node = element(kind === "deleted" ? "del" : "ins");
    node.append(element("span", kind === "deleted" ? "slettet: " : "indsat: ", "visually-hidden"), document.createTextNode(text));
    return node;
  }

  function words(change) {
    const paragraph = element("p", undefined, "change-text");
    if (Array.isArray(change.segments)) {
      for (const segment of change.segments) {
        paragraph.append(segment.kind === "same" ? document.createTextNode(segment.text) : marked(segment.kind, segment.text));
      }
    } else if (change.kind === "moved") {
      paragraph.textContent = change.new;
    } else {
      if (change.old !== null) paragraph.append(marked("deleted", change.old));
      if (change.old !== null && change.new !== null) paragraph.append(document.createTextNode(" "));
      if (change.new !== null) paragraph.append(marked("inserted", change.new));
    }
    return paragraph;
  }

  function attach(panel, { path, text, goToLine }) {
    if (!panel) return;
    const button = panel.querySelector("#changes-show");
    const against = panel.querySelector("#changes-against");
    const summary = panel.querySelector("#changes-summary");
    const list = panel.querySelector("#changes");

    button.addEventListener("click", async () => {
      summary.textContent = "Sammenligner …";
      list.replaceChildren();
      try {
        const response = await fetch("/api/diff", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ path, text: text(), against: against.value }),
        });
        const answer = await response.json();
        if (!response.ok) { summary.textContent = answer.message; return; }
        const base = against.value === "commit" ? "seneste commit" : "den gemte udgave";
        summary.textContent = answer.count === 0 ? `Ingen ændringer i forhold til ${base}.`
          : `${answer.count === 1 ? "1 ændring" : `${answer.count} ændringer`} i forhold til ${base}`
            + (answer.decisionPointsChanged ? "; beslutningspunkterne er ændret." : ".");
        for (const change of answer.changes) {
          const item = element("li");
          const headline = element("p", undefined, "change-headline");
          headline.append(element("strong", change.summary + (change.section ? ` (${change.section})` : "")));
          const line = change.newLine;
          if (line) {
            headline.append(document.createTextNode(" "));
            const link = element("a", `linje ${line}`);
            link.href = `#linje-${line}`;
            link.addEventListener("click", (event) => { event.preventDefault(); goToLine(line); });
            headline.append(link);
          }
          item.append(headline, words(change));
          list.append(item);
        }
      } catch (error) {
        summary.textContent = "Serveren svarer ikke; kører indstil serve stadig?";
      }
    });
  }

  return { attach };
})();
