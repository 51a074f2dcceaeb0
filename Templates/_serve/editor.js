// The document page's text editor: CodeMirror 5 (Debian's libjs-codemirror, served by the
// workspace) with line numbers, the front matter highlighted as YAML and the findings as
// gutter marks and underlined lines; or, when CodeMirror is not installed, the plain text
// field with the same interface. document.js talks only to `TextEditor`.
"use strict";

const TextEditor = (() => {
  const severityRank = { error: 3, warning: 2, note: 1 };

  function codeMirrorEditor(textarea) {
    const cm = CodeMirror.fromTextArea(textarea, {
      mode: document.getElementById("workspace").dataset.kind === "manifest" ? "yaml" : "yaml-frontmatter",
      lineNumbers: true,
      lineWrapping: true,
      gutters: ["indstil-findings", "CodeMirror-linenumbers"],
      inputStyle: "contenteditable",  // what screen readers read best
      spellcheck: true,
      screenReaderLabel: document.getElementById("editor-label").textContent,
      styleActiveLine: true,
      viewportMargin: 50,
      // Tab moves on to the next control, as everywhere else on the page (a keyboard user is
      // never trapped in the text; YAML does not indent with tabs anyway).
      extraKeys: { Enter: "newlineAndIndentContinueMarkdownList", Tab: false, "Shift-Tab": false },
    });
    let marks = [];
    let flash = null;

    // The word the message names (»…«), found from the finding's column on its line.
    function spellingMark(diagnostic) {
      const index = diagnostic.line - 1;
      if (index < 0 || index >= cm.lineCount()) return null;
      const word = (/»([^«]+)«/.exec(diagnostic.message) || [])[1];
      if (!word) return null;
      const text = cm.getLine(index);
      let start = text.indexOf(word, Math.max(0, (diagnostic.column || 1) - 1));
      if (start < 0) start = text.indexOf(word);
      if (start < 0) return null;
      return cm.markText({ line: index, ch: start }, { line: index, ch: start + word.length },
        { className: "cm-spelling", attributes: { title: `Stavning: ${diagnostic.message}` } });
    }

    return {
      kind: "codemirror",
      getValue: () => cm.getValue(),
      setValue(text) {
        const cursor = cm.getCursor(), scroll = cm.getScrollInfo();
        cm.setValue(text);
        cm.setCursor(cursor);
        cm.scrollTo(scroll.left, scroll.top);
      },
      focus: () => cm.focus(),
      onChange: (handler) => cm.on("changes", () => handler()),
      onCursorLine: (handler) => cm.on("cursorActivity", () => handler(cm.getCursor().line + 1)),
      cursorLine: () => cm.getCursor().line + 1,
      lineText: (line) => cm.getLine(line - 1) || "",
      // The line on screen (a few lines of context above it), the caret at its start, the
      // line highlighted for a moment, the focus in the editor.
      goToLine(line) {
        const index = Math.max(0, Math.min(line - 1, cm.lineCount() - 1));
        cm.focus();
        cm.setCursor({ line: index, ch: 0 });
        const top = cm.charCoords({ line: index, ch: 0 }, "local").top;
        cm.scrollTo(null, Math.max(0, top - cm.getScrollInfo().clientHeight / 3));
        if (flash) cm.removeLineClass(flash, "background", "cm-jumped");
        flash = cm.addLineClass(index, "background", "cm-jumped");
        setTimeout(() => { if (flash) { cm.removeLineClass(flash, "background", "cm-jumped"); flash = null; } }, 2000);
      },
      // Findings by line: a mark in the gutter (the worst severity on the line) and the line
      // underlined, each with the messages as its title (shown on hover). An unknown word is
      // quieter: only the word itself gets a thin dotted underline, as in a word processor.
      showFindings(diagnostics) {
        cm.operation(() => {
          cm.clearGutter("indstil-findings");
          for (const mark of marks) mark.clear();
          marks = [];
          const byLine = new Map();
          for (const diagnostic of diagnostics) {
            if (diagnostic.check === "spelling.unknown-word") {
              const mark = spellingMark(diagnostic);
              if (mark) { marks.push(mark); continue; }
            }
            const index = Math.max(0, Math.min(diagnostic.line - 1, cm.lineCount() - 1));
            if (!byLine.has(index)) byLine.set(index, []);
            byLine.get(index).push(diagnostic);
          }
          for (const [index, found] of byLine) {
            const worst = found.reduce((a, b) => (severityRank[b.severity] > severityRank[a.severity] ? b : a));
            const title = found.map((d) => `${TextEditor.severityName(d.severity)}: ${d.message} [${d.check}]`).join("\n");
            const marker = document.createElement("span");
            marker.className = `finding-marker ${worst.severity}`;
            marker.textContent = worst.severity === "error" ? "●" : worst.severity === "warning" ? "▲" : "•";
            marker.title = title;
            marker.setAttribute("aria-hidden", "true");
            cm.setGutterMarker(index, "indstil-findings", marker);
            const length = cm.getLine(index).length;
            if (length > 0) {
              marks.push(cm.markText({ line: index, ch: 0 }, { line: index, ch: length },
                { className: `cm-finding ${worst.severity}`, attributes: { title } }));
            }
          }
        });
      },
    };
  }

  function plainEditor(textarea) {
    return {
      kind: "textarea",
      getValue: () => textarea.value,
      setValue(text) { textarea.value = text; },
      focus: () => textarea.focus(),
      onChange: (handler) => textarea.addEventListener("input", handler),
      onCursorLine(handler) {
        const report = () => handler(this.cursorLine());
        textarea.addEventListener("keyup", report);
        textarea.addEventListener("click", report);
      },
      cursorLine: () => textarea.value.slice(0, textarea.selectionStart).split("\n").length,
      lineText: (line) => textarea.value.split("\n")[line - 1] || "",
      goToLine(line) {
        const lines = textarea.value.split("\n");
        let offset = 0;
        for (let index = 0; index < Math.min(line - 1, lines.length); index += 1) offset += lines[index].length + 1;
        textarea.focus();
        textarea.setSelectionRange(offset, offset + (lines[line - 1] || "").length);
        // Soft-wrapped lines are taller than one line: measure where the line starts.
        const mirror = document.createElement("div");
        const style = getComputedStyle(textarea);
        for (const property of ["font", "lineHeight", "padding", "border", "boxSizing", "whiteSpace", "wordWrap", "letterSpacing"]) {
          mirror.style[property] = style[property];
        }
        mirror.style.width = `${textarea.clientWidth}px`;
        mirror.style.whiteSpace = "pre-wrap";
        mirror.style.position = "absolute";
        mirror.style.visibility = "hidden";
        mirror.textContent = textarea.value.slice(0, offset);
        document.body.append(mirror);
        const top = mirror.scrollHeight;
        mirror.remove();
        textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
      },
      showFindings() {},
    };
  }

  return {
    create(textarea) {
      return window.CodeMirror ? codeMirrorEditor(textarea) : plainEditor(textarea);
    },
    severityName(severity) {
      return { error: "Fejl", warning: "Advarsel", note: "Note" }[severity] || severity;
    },
  };
})();
