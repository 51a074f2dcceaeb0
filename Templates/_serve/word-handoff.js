// A Word document dropped on the overview, handed to /word: kept in this browser's
// IndexedDB (never sent anywhere) until /word takes it, once.
"use strict";

const WordHandoff = (() => {
  const open = () => new Promise((resolve, reject) => {
    const request = indexedDB.open("indstil-word", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("files");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = async (mode, work) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction("files", mode);
      const result = work(transaction.objectStore("files"));
      transaction.oncomplete = () => { db.close(); resolve(result.result); };
      transaction.onerror = () => { db.close(); reject(transaction.error); };
    });
  };
  return {
    /** Keeps `file` for /word. */
    put: (file) => run("readwrite", (store) => store.put({ name: file.name, blob: file }, "dropped")),
    /** The kept file (then forgotten), or null. */
    take: async () => {
      const kept = await run("readonly", (store) => store.get("dropped"));
      if (!kept) return null;
      await run("readwrite", (store) => store.delete("dropped"));
      return new File([kept.blob], kept.name, { type: kept.blob.type });
    },
    /** True when the drag carries files. */
    carriesFiles: (event) => Array.from(event.dataTransfer ? event.dataTransfer.types : []).includes("Files"),
    /** A .docx dropped anywhere on the page is kept and checked on /word; `hint` says why
     *  anything else is not (`notWord`). Drags without files (text) are left to the page. */
    acceptDrops(hint, notWord) {
      const carries = this.carriesFiles;
      document.addEventListener("dragover", (event) => {
        if (!carries(event)) return;
        event.preventDefault();
        document.body.classList.add("dragging");
      }, true);
      document.addEventListener("dragleave", (event) => {
        if (event.relatedTarget === null) document.body.classList.remove("dragging");
      });
      document.addEventListener("drop", async (event) => {
        if (!carries(event)) return;
        event.preventDefault();
        event.stopPropagation();
        document.body.classList.remove("dragging");
        const file = event.dataTransfer.files[0];
        if (!file || !file.name.toLowerCase().endsWith(".docx")) {
          hint.textContent = notWord;
          return;
        }
        try {
          await this.put(file);
          window.location.assign("/word#dropped");
        } catch (error) {
          hint.textContent = "Browseren kunne ikke holde på dokumentet; brug »Kontrollér et Word-dokument«.";
        }
      }, true);
    },
  };
})();
