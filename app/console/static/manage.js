// Tether console, the collection and the numbers: the documents browser (upload, replace, delete for
// ingest and admin keys), the review stats, and the eval reports.
"use strict";

(() => {
  const T = window.Tether;
  const { el, $, clear, fmt } = T;

  function docPath(ref) {
    return "/v1/collections/" + encodeURIComponent(T.state.collection) + "/documents/" +
      ref.split("/").map(encodeURIComponent).join("/");
  }

  async function loadDocuments() {
    const tbody = clear(document.querySelector("#documents-table tbody"));
    T.showError("documents-error", null);
    if (!T.state.collection) return;
    try {
      const list = await T.api("GET", "/v1/collections/" + encodeURIComponent(T.state.collection) + "/documents");
      $("documents-caption").textContent = list.total + " documents in " + list.collection + " (version " + list.version + ")";
      for (const d of list.documents) {
        const actions = el("td", {}, el("button", { type: "button", class: "secondary", "aria-label": "View " + d.source,
          onclick: () => T.openSource(T.state.collection, d.id, null, null) }, "View"));
        if (T.can("ingest")) {
          actions.append(el("button", { type: "button", class: "danger", "aria-label": "Delete " + d.source,
            onclick: () => remove(d.source) }, "Delete"));
        }
        tbody.append(el("tr", {}, el("td", {}, d.source), el("td", {}, d.title), el("td", {}, d.version || "–"),
          el("td", {}, d.verified_by || "–"), el("td", {}, d.verified_at || "–"), el("td", {}, d.revision),
          el("td", {}, d.chunks), actions));
      }
    } catch (err) {
      T.showError("documents-error", err);
    }
  }

  async function remove(source) {
    if (!window.confirm("Delete " + source + " from " + T.state.collection + "?")) return;
    try {
      await T.api("DELETE", docPath(source));
      await loadDocuments();
    } catch (err) {
      T.showError("documents-error", err);
    }
  }

  // One PUT per file, in turn (the server takes one writer at a time); each file's outcome listed.
  async function upload(e) {
    e.preventDefault();
    const files = [...$("upload-files").files];
    const results = clear($("upload-results"));
    let prefix = $("upload-prefix").value.trim().replace(/^\/+/, "");
    if (prefix && !prefix.endsWith("/")) prefix += "/";
    for (const f of files) {
      const source = prefix + f.name;
      const line = el("li", {}, source + ": uploading…");
      results.append(line);
      try {
        const report = await T.api("PUT", docPath(source), f);
        line.className = "ok";
        const what = report.documents_added ? "added" : report.documents_updated ? "replaced" : "unchanged";
        line.textContent = source + ": " + what + " (" + report.chunks_total + " chunks; collection version " +
          report.version + ")";
      } catch (err) {
        line.className = "failed";
        line.textContent = source + ": failed: " + err.message;
      }
    }
    await loadDocuments();
  }

  function number(label, value) {
    return el("div", {}, el("strong", {}, value === null || value === undefined ? "–" : String(value)), label);
  }

  async function loadStats() {
    const body = clear($("stats-body"));
    T.showError("stats-error", null);
    const params = new URLSearchParams();
    if (T.state.collection) params.set("collection", T.state.collection);
    try {
      const s = await T.api("GET", "/v1/reviews/stats?" + params);
      const a = s.agreement;
      const pct = (x) => (x === null ? "–" : (100 * x).toFixed(1) + "%");
      body.append(el("div", { class: "numbers" },
        number("answers", s.answers), number("reviewed", s.reviewed), number("review backlog", s.backlog),
        number("thumbs up", s.ratings.up), number("thumbs down", s.ratings.down),
        number("claims reviewed", a.claims), number("reviewer–verifier agreement", pct(a.agreement_rate)),
        number("verifier said supported, reviewer wrong", a.supported_wrong + " (" + pct(a.supported_judged_wrong_rate) + ")"),
        number("verifier said unsupported, reviewer right", a.unsupported_right + " (" + pct(a.unsupported_judged_right_rate) + ")")));
      const statuses = Object.keys(s.answers_by_status).sort();
      const table = el("table", {}, el("caption", {}, "Answers by status, per day (UTC)"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Day"), statuses.map((st) => el("th", { scope: "col" }, st)))));
      const days = {};
      for (const d of s.answers_by_day) (days[d.day] = days[d.day] || {})[d.status] = d.answers;
      const tb = el("tbody");
      for (const d of Object.keys(days).sort().reverse()) {
        tb.append(el("tr", {}, el("th", { scope: "row" }, d), statuses.map((st) => el("td", {}, days[d][st] || 0))));
      }
      table.append(tb);
      body.append(el("div", { class: "scroll" }, table));
    } catch (err) {
      T.showError("stats-error", err);
    }
  }

  async function openReport(name) {
    try {
      const r = await fetch("/v1/reports/" + name.split("/").map(encodeURIComponent).join("/") + "/report.html",
        { headers: T.headers() });
      if (!r.ok) throw await T.failure(r);
      // A blob of the fetched page: the key goes in the request header, never in a URL.
      const url = URL.createObjectURL(new Blob([await r.text()], { type: "text/html" }));
      window.open(url, "_blank", "noopener");
    } catch (err) {
      T.showError("reports-error", err);
    }
  }

  async function loadReports() {
    const body = clear($("reports-body"));
    T.showError("reports-error", null);
    try {
      const list = await T.api("GET", "/v1/reports");
      if (!list.runs.length) {
        body.append(el("p", {}, "No eval runs in " + list.folder + " (tether eval run --out " + list.folder + "/<name>)."));
        return;
      }
      const tb = el("tbody");
      for (const r of list.runs) {
        tb.append(el("tr", {}, el("td", {}, r.name), el("td", {}, r.suite || "–"), el("td", {}, r.started_at || "–"),
          el("td", {}, r.passed === null ? "–" : r.passed ? "passed" : "failed"), el("td", {}, r.questions ?? "–"),
          el("td", {}, r.has_html ? el("button", { type: "button", class: "secondary", onclick: () => openReport(r.name),
            "aria-label": "Open report: " + r.name }, "Open report") : "")));
      }
      body.append(el("div", { class: "scroll" }, el("table", {}, el("caption", {}, "Eval runs in " + list.folder),
        el("thead", {}, el("tr", {}, ["Run", "Suite", "Started", "Gate", "Questions"].map((h) => el("th", { scope: "col" }, h)),
          el("th", { scope: "col" }, el("span", { class: "visually-hidden" }, "Actions")))), tb)));
    } catch (err) {
      T.showError("reports-error", err);
    }
  }

  T.views.documents = loadDocuments;
  T.views.stats = loadStats;
  T.views.reports = loadReports;

  document.addEventListener("DOMContentLoaded", () => {
    $("upload-form").addEventListener("submit", upload);
  });
})();
