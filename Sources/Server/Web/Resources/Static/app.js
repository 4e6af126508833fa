// SREtv page helpers, shared by every page: SREtv.t(key) for the page's strings, and
// SREtv.api(method, path, body) for the JSON API with the session cookie and its CSRF header.
'use strict';

window.SREtv = (() => {
  const strings = JSON.parse(document.getElementById('sretv-strings').textContent);
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

  /** The page string `key`, with `{name}` placeholders filled from `values`. */
  function t(key, values = {}) {
    const text = strings[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** An answer of the API that was not 2xx: `status`, the JSON `body` and its `error` as message. */
  class APIError extends Error {
    constructor(status, body) {
      super(body?.error ?? `HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }

  /** Calls the JSON API as the logged-in user; resolves to the parsed answer (null when empty). */
  async function api(method, path, body, headers = {}) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
    if (method !== 'GET' && method !== 'HEAD') init.headers['X-SREtv-CSRF'] = csrf;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { error: text }; }
    if (!response.ok) throw new APIError(response.status, parsed);
    return parsed;
  }

  return { t, api, APIError, lang: document.documentElement.lang };
})();
