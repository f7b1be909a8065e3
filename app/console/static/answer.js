// Tether console, answers: ask (streamed over SSE when asked), claims coloured by verdict and score, the
// evidence behind a claim, citations opened in their document, and the feedback / review forms.
"use strict";

(() => {
  const T = window.Tether;
  const { el, $, clear, fmt } = T;

  const REASONS = {
    no_relevant_passages: "Nothing in the collection was relevant enough to answer from.",
    model_abstained: "The backend said the passages do not answer the question.",
    low_groundedness: "Too few claims were supported (below the abstain-below threshold).",
    all_claims_unsupported: "Every claim was unsupported, so all were removed.",
    unsupported_claims: "Some claims are not supported by the cited passages.",
    unsupported_claims_removed: "Unsupported claims were removed (redact policy).",
    claims_not_judged: "The verifier could not judge some claims.",
    no_claims: "The answer makes no factual claim to check.",
  };

  function requestBody() {
    const body = { question: $("question").value.trim(), policy: $("policy").value };
    if (T.state.collection) body.collection = T.state.collection;
    for (const [id, key] of [["support-threshold", "support_threshold"], ["abstain-below", "abstain_below"], ["top-k", "top_k"]]) {
      const v = $(id).value;
      if (v !== "") body[key] = Number(v);
    }
    return body;
  }

  // POST /v1/answer with stream: true, read as Server-Sent Events: passages, delta*, result, done.
  async function streamAnswer(body, onDelta, onPassages) {
    const r = await fetch("/v1/answer", {
      method: "POST",
      headers: T.headers({ "Content-Type": "application/json", Accept: "text/event-stream" }),
      body: JSON.stringify(Object.assign({}, body, { stream: true })),
    });
    if (!r.ok) throw await T.failure(r);
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let result = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let name = "message";
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) name = line.slice(7);
          else if (line.startsWith("data: ")) data += line.slice(6);
        }
        const payload = data ? JSON.parse(data) : {};
        if (name === "passages") onPassages(payload.passages || []);
        else if (name === "delta") onDelta(payload.text || "");
        else if (name === "result") result = payload;
        else if (name === "error") throw new T.ApiError(500, payload.error.code, payload.error.message);
      }
    }
    if (!result) throw new Error("the stream ended without a result");
    return result;
  }

  async function ask(e) {
    e.preventDefault();
    const body = requestBody();
    if (!body.question) return;
    const out = clear($("answer"));
    T.showError("ask-error", null);
    const button = $("ask-button");
    button.disabled = true;
    button.textContent = "Asking…";
    try {
      let result;
      let passages = [];
      if ($("stream").checked) {
        const draft = el("p", { class: "answer-text draft", "aria-label": "Answer, arriving" });
        out.append(draft);
        result = await streamAnswer(body, (text) => draft.append(text), (ps) => { passages = ps; });
        result.passages = passages;
      } else {
        result = await T.api("POST", "/v1/answer", body);
      }
      T.state.lastAnswer = result;
      renderAnswer(out, result, { question: body.question });
    } catch (err) {
      clear(out);
      T.showError("ask-error", err);
    } finally {
      button.disabled = false;
      button.textContent = "Ask";
    }
  }

  function claimLabel(c) {
    if (c.label === "error") return "not judged";
    return c.label + " " + fmt(c.score);
  }

  // The answer text with each claim as a button, in order; the text between claims stays plain.
  function answerText(result, onSelect) {
    const p = el("p", { class: "answer-text", id: "answer-text" });
    const claims = (result.claims || []).slice().sort((a, b) => a.start - b.start);
    let at = 0;
    claims.forEach((c) => {
      const i = result.claims.indexOf(c);
      if (c.start > at) p.append(result.answer.slice(at, c.start));
      // The visible text is the accessible name: the claim, then its verdict and score.
      const b = el("button", { type: "button", class: "claim " + c.label, "aria-pressed": "false", "data-claim": i },
        result.answer.slice(c.start, c.end) || c.text, el("span", { class: "score" }, claimLabel(c)));
      b.addEventListener("click", () => onSelect(i, b));
      p.append(b);
      at = Math.max(at, c.end);
    });
    if (at < result.answer.length) p.append(result.answer.slice(at));
    return p;
  }

  // Passage n as cited, else as retrieved (a streamed answer brings every passage it was written from).
  function citationOf(result, n) {
    return (result.citations || []).find((c) => c.n === n) || (result.passages || []).find((p) => p.n === n) || null;
  }

  function claimPanel(panel, result, i) {
    const c = result.claims[i];
    clear(panel);
    panel.className = "panel " + c.label;
    panel.append(el("h3", { tabindex: "-1" }, "Claim " + (i + 1) + ": " + claimLabel(c)));
    panel.append(el("p", {}, c.text));
    const facts = ["score " + fmt(c.score, 3), "threshold " + fmt(result.thresholds && result.thresholds.support)];
    if (c.citations.length) facts.push("cites [" + c.citations.join("], [") + "]" +
      (c.citations_support === false ? ", which do not support it" : c.citations_support ? ", which support it" : ""));
    if (c.reason) facts.push(c.reason);
    panel.append(el("p", { class: "status" }, facts.join(" · ")));
    const list = el("ul", { class: "evidence", "aria-label": "Evidence sentences" });
    for (const ev of c.evidence || []) {
      const cit = citationOf(result, ev.n);
      const title = cit ? cit.title : "passage [" + ev.n + "]";
      list.append(el("li", {},
        el("blockquote", {}, ev.text),
        el("span", {}, "score " + fmt(ev.score, 3) + " · [" + ev.n + "] " + title + " "),
        el("button", { type: "button", class: "secondary", onclick: () => openSource(result.collection, ev.doc_id, cit, ev) },
          "Open in " + title)));
    }
    if (!list.children.length) list.append(el("li", {}, "No evidence sentence was found for this claim."));
    panel.append(el("h4", {}, "Evidence"), list);
    panel.querySelector("h3").focus();
  }

  function renderAnswer(out, result, opts) {
    clear(out);
    const status = el("p", { class: "status" },
      el("span", { class: "pill " + result.status }, result.status),
      el("span", {}, "groundedness " + fmt(result.groundedness)),
      el("span", {}, "policy " + result.policy),
      el("span", {}, "support ≥ " + fmt(result.thresholds && result.thresholds.support)),
      el("span", {}, "backend " + result.backend),
      el("span", {}, "trace " + result.trace_id));
    out.append(status);
    if (result.reason) out.append(el("p", { class: "reason" }, "Why: " + (REASONS[result.reason] || result.reason) + " (" + result.reason + ")"));
    const panel = el("div", { class: "panel", id: "claim-panel", "aria-live": "polite" }, "Select a claim to see its evidence.");
    let pressed = null;
    out.append(answerText(result, (i, button) => {
      if (pressed) pressed.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", "true");
      pressed = button;
      claimPanel(panel, result, i);
    }));
    if (result.claims && result.claims.length) out.append(panel);
    if (result.citations && result.citations.length) {
      const list = el("ol", { class: "citations", "aria-label": "Citations" });
      for (const c of result.citations) {
        const pages = c.pages && c.pages.length ? " · page " + c.pages.join(", ") : "";
        list.append(el("li", { value: c.n },
          el("button", { type: "button", class: "secondary", onclick: () => openSource(result.collection, c.doc_id, c, null) },
            c.title), " " + c.source + (c.version ? " · version " + c.version : "") + pages));
      }
      out.append(el("h3", {}, "Citations"), list);
    }
    out.append(T.reviewForms(result.trace_id, result.claims || [], opts || {}));
  }
  T.renderAnswer = renderAnswer;

  // The document's normalised text with the cited passage shaded and the evidence sentence marked.
  async function openSource(collection, docId, citation, evidence) {
    T.state.back = T.state.view;
    T.show("source", { keep: true });
    const meta = clear($("source-meta"));
    const text = clear($("source-text"));
    T.showError("source-error", null);
    try {
      const doc = await T.api("GET", "/v1/collections/" + encodeURIComponent(collection) + "/documents/" + encodeURIComponent(docId));
      const rows = [["Title", doc.title], ["Source", doc.source], ["Version", doc.version], ["Revision", doc.revision],
        ["Verified by", doc.verified_by], ["Verified at", doc.verified_at]];
      if (citation && citation.pages && citation.pages.length) rows.push(["Page", citation.pages.join(", ")]);
      for (const [k, v] of rows) if (v !== null && v !== undefined) meta.append(el("dt", {}, k), el("dd", {}, String(v)));
      const span = citation ? [citation.start, citation.end] : evidence ? [evidence.start, evidence.end] : [0, 0];
      const ev = evidence ? [evidence.start, evidence.end] : null;
      const cuts = [...new Set([0, span[0], span[1], ...(ev || []), doc.text.length])].sort((a, b) => a - b);
      let target = null;
      for (let k = 0; k + 1 < cuts.length; k++) {
        const [a, b] = [cuts[k], cuts[k + 1]];
        const piece = doc.text.slice(a, b);
        const inEv = ev && a >= ev[0] && b <= ev[1];
        const inSpan = a >= span[0] && b <= span[1] && span[1] > span[0];
        let node = document.createTextNode(piece);
        if (inEv) node = el("mark", {}, piece);
        else if (inSpan) node = el("span", { class: "passage" }, piece);
        if (inEv && !target) target = node;
        text.append(node);
      }
      target = target || text.querySelector(".passage");
      if (target) {
        target.id = "cited";
        target.scrollIntoView({ block: "center" });
      }
      text.focus({ preventScroll: true });
    } catch (err) {
      T.showError("source-error", err);
    }
  }
  T.openSource = openSource;

  document.addEventListener("DOMContentLoaded", () => {
    $("ask-form").addEventListener("submit", ask);
    $("question").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("ask-form").requestSubmit();
    });
    $("source-back").addEventListener("click", () => T.show(T.state.back || "ask", { keep: true, focus: true }));
  });
})();
