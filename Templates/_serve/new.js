// New document: create the file from the chosen profile's skeleton, then open it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("new-document");
  const status = document.getElementById("new-status");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "Opretter …";
    const body = { path: document.getElementById("new-path").value.trim(), profile: document.getElementById("profile").value };
    try {
      const response = await fetch("/api/documents", {
        method: "POST",
        credentials: "same-origin",  // the workspace's cookie; the browser adds this page's Origin
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (!response.ok) { status.textContent = answer.message; return; }
      window.location.assign(answer.page);
    } catch (error) {
      status.textContent = "Serveren svarer ikke; kører indstil serve stadig?";
    }
  });
});
