// Tether console, core: the API client, DOM helpers, sign-in and navigation. Plain browser JS, no build
// step. Every string from the server reaches the page as text (textContent), never as markup.
"use strict";

const T = (window.Tether = {});
const KEY = "tether.apiKey";

T.state = { key: null, me: null, collection: null, view: "ask", lastAnswer: null, back: "ask" };

T.$ = (id) => document.getElementById(id);

// el("button", {class: "x", onclick: f}, "text", child, ...): attributes set as properties or attributes.
T.el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};

T.clear = (node) => {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

T.fmt = (x, digits = 2) => (x === null || x === undefined ? "–" : Number(x).toFixed(digits));

T.headers = (extra) => {
  const h = Object.assign({}, extra || {});
  if (T.state.key) h.Authorization = "Bearer " + T.state.key;
  return h;
};

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
T.ApiError = ApiError;

async function failure(r) {
  let code = "http_" + r.status;
  let message = "HTTP " + r.status;
  try {
    const body = await r.json();
    if (body && body.error) ({ code, message } = body.error);
  } catch (_) { /* not JSON: keep the status line */ }
  return new ApiError(r.status, code, message);
}
T.failure = failure;

// JSON in, JSON out; a non-2xx answer throws ApiError with the server's own message.
T.api = async (method, path, body, opts) => {
  const init = { method, headers: T.headers(opts && opts.headers) };
  if (body instanceof Blob || body instanceof ArrayBuffer) init.body = body;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  if (!r.ok) throw await failure(r);
  return r.status === 204 ? null : r.json();
};

T.can = (role) => {
  const roles = (T.state.me && T.state.me.roles) || [];
  if (roles.includes("admin")) return true;
  return roles.includes(role);
};

T.showError = (id, err) => {
  T.$(id).textContent = err ? (err.message || String(err)) : "";
};

// Views: one <section> shown at a time; the nav button of the current one carries aria-current.
T.views = {};
T.show = (view, opts) => {
  T.state.view = view;
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "view-" + view;
  for (const b of document.querySelectorAll(".tabs [data-view]")) {
    if (b.dataset.view === view) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  }
  const hook = T.views[view];
  if (hook && !(opts && opts.keep)) hook();
  const heading = document.querySelector("#view-" + view + " h2");
  if (heading && opts && opts.focus) {
    heading.tabIndex = -1;
    heading.focus();
  }
};

async function signIn(key) {
  T.state.key = key || null;
  T.showError("signin-error", null);
  try {
    T.state.me = await T.api("GET", "/v1/me");
    const cols = await T.api("GET", "/v1/collections");
    const select = T.clear(T.$("collection"));
    for (const c of cols.collections) select.append(T.el("option", { value: c.name }, c.name + " (v" + c.version + ")"));
    if (!cols.collections.length) select.append(T.el("option", { value: "" }, "no collections"));
    const saved = sessionStorage.getItem("tether.collection");
    if (saved && cols.collections.some((c) => c.name === saved)) select.value = saved;
    T.state.collection = select.value || null;
  } catch (err) {
    T.state.key = null;
    T.state.me = null;
    sessionStorage.removeItem(KEY);
    T.showError("signin-error", err.status === 401 ? new Error("Sign-in failed: " + err.message) : err);
    T.$("api-key").focus();
    T.$("api-key").select(); // typing the next try replaces the refused key
    return;
  }
  sessionStorage.setItem(KEY, key || "");
  T.$("api-key").value = "";
  const me = T.state.me;
  T.$("who").textContent = "Signed in as " + me.name + " · roles: " + me.roles.join(", ") +
    " · collections: " + me.collections.join(", ");
  T.$("signin").hidden = true;
  T.$("app").hidden = false;
  T.$("sign-out").hidden = false;
  for (const node of document.querySelectorAll("[data-needs]")) node.hidden = !T.can(node.dataset.needs);
  T.show("ask");
  T.$("question").focus();
}
T.signIn = signIn;

function signOut() {
  sessionStorage.removeItem(KEY);
  T.state.key = null;
  T.state.me = null;
  T.$("app").hidden = true;
  T.$("sign-out").hidden = true;
  T.$("signin").hidden = false;
  T.$("who").textContent = "";
  T.clear(T.$("answer"));
  T.$("api-key").focus();
}

document.addEventListener("DOMContentLoaded", () => {
  T.$("signin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    signIn(T.$("api-key").value.trim());
  });
  T.$("sign-out").addEventListener("click", signOut);
  for (const b of document.querySelectorAll(".tabs [data-view]")) {
    b.addEventListener("click", () => T.show(b.dataset.view, { focus: true }));
  }
  T.$("collection").addEventListener("change", (e) => {
    T.state.collection = e.target.value;
    sessionStorage.setItem("tether.collection", e.target.value);
    if (T.state.view !== "ask") T.show(T.state.view);
  });
  const saved = sessionStorage.getItem(KEY);
  if (saved !== null) signIn(saved);
  else T.$("api-key").focus();
});
