// Building every PDF of a packet from the page (GET /api/build/…, server-sent events):
// each step as it happens (converting, setting, stamping, merging), then the finished
// PDFs to open, or the reason it failed with a link to where it is fixed.
"use strict";

const PacketBuild = {
  /**
   * Wires the build section. `beforeBuild` (optional, async) runs first and returns false
   * to stop (the manifest page saves unsaved text there: a build reads the saved files).
   */
  attach(section, beforeBuild) {
    if (!section) return;
    const button = section.querySelector("#build-start");
    const steps = section.querySelector("#build-steps");
    const status = section.querySelector("#build-status");
    const results = section.querySelector("#build-results");
    const urlPath = section.dataset.urlPath;
    let source = null;
    let busy = false;

    function line(text, className) {
      const item = document.createElement("li");
      item.textContent = text;
      if (className) item.className = className;
      steps.append(item);
    }

    function finish() {
      if (source) source.close();
      source = null;
      busy = false;
      button.removeAttribute("aria-disabled");
      section.dataset.state = "idle";
    }

    button.addEventListener("click", async () => {
      if (busy) return;  // set before anything is awaited: a second press starts nothing
      busy = true;
      if (beforeBuild && !(await beforeBuild())) { busy = false; return; }
      steps.replaceChildren();
      results.replaceChildren();
      // Not `disabled`: a disabled button loses the focus, and a keyboard user would be
      // sent back to the top of the page. A second press while building does nothing.
      button.setAttribute("aria-disabled", "true");
      section.dataset.state = "building";
      status.textContent = "Bygger pakkerne …";
      const started = Date.now();
      source = new EventSource(`/api/build/${urlPath}`);
      source.addEventListener("step", (event) => {
        const step = JSON.parse(event.data);
        // The message says what happens ("Sætter PDF med WeasyPrint …"); a note is marked as one.
        line(step.stage === "note" ? `Bemærk: ${step.message.replace(/^Bemærk: /, "")}` : step.message, `step ${step.stage}`);
        status.textContent = step.message;
      });
      source.addEventListener("done", (event) => {
        const answer = JSON.parse(event.data);
        const seconds = formatDecimal((Date.now() - started) / 1000);
        status.textContent = `${plural(answer.packets.length, "PDF", "PDF'er")} er bygget på ${seconds} sekunder.`;
        for (const packet of answer.packets) {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = packet.href;
          link.className = "button";
          link.textContent = `Hent ${packet.label} (PDF)`;
          item.append(link);
          if (packet.closed) {
            const badge = document.createElement("span");
            badge.className = "badge closed";
            badge.textContent = "LUKKET – må ikke offentliggøres";
            item.append(" ", badge);
          }
          results.append(item);
        }
        section.dataset.result = "done";
        finish();
      });
      source.addEventListener("failure", (event) => {
        const failure = JSON.parse(event.data);
        status.replaceChildren(`Pakkerne kunne ikke bygges: ${failure.message}`);
        if (failure.href) {
          const link = document.createElement("a");
          link.href = failure.href + (failure.line ? `#linje-${failure.line}` : "");
          link.textContent = failure.file ? `Ret det i ${failure.file}${failure.line ? `, linje ${failure.line}` : ""}` : "Ret det i manifestet";
          status.append(" ", link);
        }
        section.dataset.result = "failure";
        finish();
      });
      source.onerror = () => {
        if (!source) return;
        status.textContent = "Forbindelsen til serveren blev afbrudt; kører indstil serve stadig?";
        section.dataset.result = "failure";
        finish();
      };
    });
  },
};

// The packet page has the section and nothing else to do first.
document.addEventListener("DOMContentLoaded", () => {
  if (!document.getElementById("workspace")) PacketBuild.attach(document.getElementById("build"));
});
