// Tether console, the review loop: thumbs and comments on an answer, a reviewer's marks per claim and
// corrected answer, the review queue and one reviewed answer.
"use strict";

(() => {
  const T = window.Tether;
  const { el, $, clear, fmt } = T;
  let formSeq = 0;

  // Feedback (any key) and, for reviewers, the per-claim marks and the corrected answer.
  T.reviewForms = (traceId, claims, opts) => {
    const n = ++formSeq;
    const box = el("div", { class: "card", id: "review-forms" });
    const result = el("p", { role: "status", "aria-live": "polite", class: "status" });
    const error = el("p", { class: "error", role: "alert" });
    let rating = null;
    const thumbs = ["up", "down"].map((r) => {
      const b = el("button", { type: "button", class: "secondary", "aria-pressed": "false", "data-rating": r },
        r === "up" ? "Thumbs up" : "Thumbs down");
      b.addEventListener("click", () => {
        rating = rating === r ? null : r;
        for (const t of thumbs) t.setAttribute("aria-pressed", String(t.dataset.rating === rating));
      });
      return b;
    });
    const comment = el("textarea", { id: "comment-" + n, rows: "2" });
    const feedback = el("form", { class: "feedback" },
      el("h3", {}, "Feedback"), el("div", { role: "group", "aria-label": "Rating" }, thumbs),
      el("label", { for: "comment-" + n }, "Comment"), comment,
      el("button", { type: "submit" }, "Send feedback"));
    feedback.addEventListener("submit", (e) => {
      e.preventDefault();
      send({ rating, comment: comment.value.trim() || null });
    });
    box.append(feedback);

    async function send(body) {
      error.textContent = "";
      result.textContent = "";
      try {
        const saved = await T.api("POST", "/v1/reviews/" + encodeURIComponent(traceId), body);
        result.textContent = "Saved review " + saved.id + " by " + saved.reviewer + ".";
        if (opts.onSaved) opts.onSaved(saved);
      } catch (err) {
        error.textContent = err.message;
      }
    }

    if (T.can("reviewer")) {
      const form = el("form", { class: "reviewer" }, el("h3", {}, "Review (reviewer)"));
      const groups = claims.map((c, i) => {
        const name = "mark-" + n + "-" + i;
        const fs = el("fieldset", { class: "marks" },
          el("legend", {}, "Claim " + (i + 1) + " (verifier: " + c.label + " " + fmt(c.score) + "): " + c.text));
        for (const v of ["right", "wrong", "unmarked"]) {
          const id = name + "-" + v;
          fs.append(el("label", { for: id }, el("input", { type: "radio", id, name, value: v, checked: v === "unmarked" }), v));
        }
        form.append(fs);
        return name;
      });
      const corrected = el("textarea", { id: "corrected-" + n, rows: "3" });
      const unanswerable = el("input", { type: "checkbox", id: "unanswerable-" + n });
      form.append(
        el("label", { for: "corrected-" + n }, "Correct answer (becomes the eval reference)"), corrected,
        el("label", { class: "inline", for: "unanswerable-" + n }, unanswerable,
          "The corpus does not answer this: the right answer is to abstain"),
        el("div", {}, el("button", { type: "submit" }, "Save review")));
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const marks = [];
        groups.forEach((name, i) => {
          const picked = form.querySelector("input[name='" + name + "']:checked");
          if (picked && picked.value !== "unmarked") marks.push({ claim: i, mark: picked.value });
        });
        send({ rating, comment: comment.value.trim() || null, claim_marks: marks,
          corrected_answer: corrected.value.trim() || null, unanswerable: unanswerable.checked });
      });
      box.append(form);
    }
    box.append(result, error);
    return box;
  };

  function day(value) {
    return value ? new Date(value + "T00:00:00Z").toISOString() : null;
  }

  async function loadQueue() {
    const tbody = clear(document.querySelector("#queue-table tbody"));
    T.showError("queue-error", null);
    const params = new URLSearchParams({ limit: "100" });
    if (T.state.collection) params.set("collection", T.state.collection);
    const since = day($("queue-since").value);
    const until = $("queue-until").value ? new Date(Date.parse($("queue-until").value + "T00:00:00Z") + 864e5).toISOString() : null;
    if (since) params.set("since", since);
    if (until) params.set("until", until);
    if ($("queue-reason").value) params.set("reason", $("queue-reason").value);
    if ($("queue-reviewed").checked) params.set("include_reviewed", "true");
    try {
      const q = await T.api("GET", "/v1/reviews/queue?" + params);
      $("queue-caption").textContent = "Answers worth a look: " + q.total + (q.total > q.items.length ? " (newest " + q.items.length + " shown)" : "");
      for (const i of q.items) {
        tbody.append(el("tr", {},
          el("td", {}, new Date(i.created_at).toLocaleString()),
          el("td", {}, i.question),
          el("td", {}, i.status + (i.reviewed ? " · reviewed" : "")),
          el("td", {}, fmt(i.groundedness)),
          el("td", {}, i.reasons.join(", ").replaceAll("_", " ")),
          el("td", {}, el("button", { type: "button", onclick: () => openReview(i.trace_id),
            "aria-label": "Review: " + i.question }, "Review"))));
      }
      if (!q.items.length) tbody.append(el("tr", {}, el("td", { colspan: "6" }, "Nothing to review.")));
    } catch (err) {
      T.showError("queue-error", err);
    }
  }

  // One answer from its audit record, the reviews so far, and the forms.
  async function openReview(traceId) {
    T.show("review", { keep: true, focus: true });
    const out = clear($("review-answer"));
    T.showError("review-error", null);
    try {
      const r = await T.api("GET", "/v1/reviews/" + encodeURIComponent(traceId));
      const a = r.answer;
      out.append(el("p", { class: "status" },
        el("span", { class: "pill " + a.status }, a.status), el("span", {}, "groundedness " + fmt(a.groundedness)),
        el("span", {}, a.collection), el("span", {}, new Date(a.created_at).toLocaleString()),
        el("span", {}, "trace " + a.trace_id)));
      out.append(el("h3", {}, "Question"), el("p", {}, a.question), el("h3", {}, "Answer"));
      const p = el("p", { class: "answer-text" });
      a.claims.forEach((c, i) => p.append(el("span", { class: "claim " + (c.label || "error") },
        c.text, el("span", { class: "score" }, (c.label || "not judged") + " " + fmt(c.score))), " "));
      if (!a.claims.length) p.append(a.answer);
      if (a.reason) out.append(el("p", {}, "Reason: " + a.reason));
      out.append(p);
      const history = el("ul", { class: "history", "aria-label": "Reviews so far" });
      for (const rev of r.reviews) {
        const marks = rev.claim_marks.map((m) => "claim " + (m.claim + 1) + " " + m.mark).join(", ");
        history.append(el("li", {}, new Date(rev.created_at).toLocaleString() + " · " + rev.reviewer +
          (rev.rating ? " · thumbs " + rev.rating : "") + (marks ? " · " + marks : "") +
          (rev.unanswerable ? " · unanswerable" : "") + (rev.corrected_answer ? " · corrected: " + rev.corrected_answer : "") +
          (rev.comment ? " · “" + rev.comment + "”" : "")));
      }
      out.append(el("h3", {}, "Reviews"), history.children.length ? history : el("p", {}, "None yet."));
      out.append(T.reviewForms(a.trace_id, a.claims, { onSaved: () => openReview(traceId) }));
    } catch (err) {
      T.showError("review-error", err);
    }
  }
  T.openReview = openReview;

  T.views.queue = loadQueue;

  document.addEventListener("DOMContentLoaded", () => {
    $("queue-form").addEventListener("submit", (e) => {
      e.preventDefault();
      loadQueue();
    });
    $("review-back").addEventListener("click", () => T.show("queue", { focus: true }));
  });
})();
