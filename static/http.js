/*
 * The page's one way to ask the server: fetch with JSON answers, and errors as Problem objects that carry the
 * application/problem+json members (title, detail, parameter, status) the server sends for bad input.
 * When the user has signed in (signin.js), every request carries their bearer token.
 */

/* The token lives for this tab only (sessionStorage): closing the tab signs out, and no other site's page sees it. */
const TOKEN_KEY = 'parkgrid.token';

/** The signed-in user's bearer token, or null. */
export function token() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
}

/** Keeps `value` as the bearer token of every later request; null or '' signs out. */
export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function withToken(options) {
  const t = token();
  if (!t) return options;
  return Object.assign({}, options, { headers: Object.assign({}, options.headers, { Authorization: 'Bearer ' + t }) });
}

/** Thrown for an HTTP error; carries the application/problem+json fields when the server sent them. */
export class Problem extends Error {
  constructor(status, body, url) {
    const detail = body && (body.detail || body.title) ? body.detail || body.title : 'HTTP ' + status;
    super(detail);
    this.status = status;
    this.title = body && body.title ? body.title : 'HTTP ' + status;
    this.detail = detail;
    this.parameter = body && body.parameter ? body.parameter : null;
    // an import's refusal carries its report: {problems: [{feature, id, field, reason}], …}
    this.report = body && body.report ? body.report : null;
    this.url = url;
  }
}

/** "Invalid parameter: radius.class must be … (parameter radius.class)": what a person reads of a problem. */
export function problemText(err) {
  if (!(err instanceof Problem)) return String(err && err.message ? err.message : err);
  return (err.title && err.title !== err.detail ? err.title + ': ' : '') + err.detail +
    (err.parameter ? ' (parameter 参数 ' + err.parameter + ')' : '');
}

async function readAnswer(response, url) {
  const type = response.headers.get('Content-Type') || '';
  const text = await response.text();
  let body = null;
  if (/json/.test(type)) {
    try { body = JSON.parse(text); } catch (e) { body = null; }
  }
  if (!response.ok) throw new Problem(response.status, body || { detail: text.slice(0, 300) || null }, url);
  if (body === null) throw new Problem(response.status, { title: 'Not JSON', detail: url + ' did not answer JSON' }, url);
  return body;
}

/** The Problem for a fetch that never got an answer: cancelled (aborted = true) or the network failed. */
function networkProblem(err, url) {
  if (err && err.name === 'AbortError') {
    const p = new Problem(0, { title: 'Cancelled 已取消', detail: 'The request was cancelled 请求已取消' }, url);
    p.aborted = true;
    p.name = 'AbortError';
    return p;
  }
  return new Problem(0, { title: 'Network error', detail: 'Could not reach the server 无法连接服务器: ' + err.message }, url);
}

async function request(url, options) {
  let response;
  try {
    response = await fetch(url, withToken(options || {}));
  } catch (err) {
    throw networkProblem(err, url);
  }
  try {
    return await readAnswer(response, url);
  } catch (err) {
    throw err instanceof Problem ? err : networkProblem(err, url);
  }
}

/**
 * GETs JSON (or GeoJSON: pass its media type as `accept`); `options.signal` cancels it (a Problem whose `aborted`
 * is true). @throws Problem
 */
export function getJson(url, accept, options) {
  return request(url, { headers: { Accept: accept || 'application/json, application/geo+json;q=0.9' },
    signal: options && options.signal });
}

/**
 * POSTs an OGC API – Processes style execution request ({"inputs": …}). The third argument, an AbortSignal or
 * `{signal}`, cancels it: the promise then rejects with a Problem of status 0 whose `aborted` is true (and whose
 * name is 'AbortError', as the browser's own). @throws Problem
 */
export function execute(processId, inputs, options) {
  const url = '/processes/' + encodeURIComponent(processId) + '/execution';
  const signal = typeof AbortSignal !== 'undefined' && options instanceof AbortSignal ? options : options && options.signal;
  return request(url, { method: 'POST', body: JSON.stringify({ inputs }), signal,
    headers: { 'Content-Type': 'application/json', Accept: 'application/geo+json, application/json;q=0.9' } });
}

/**
 * The same execution answered as a file (a report: PDF, xlsx): `{ blob, type, filename }`, the file name from
 * Content-Disposition when the server sends one. Carries the bearer token, unlike a plain link. @throws Problem
 */
export async function executeFile(processId, inputs, options) {
  const url = '/processes/' + encodeURIComponent(processId) + '/execution';
  let response;
  try {
    response = await fetch(url, withToken({ method: 'POST', body: JSON.stringify({ inputs }), signal: options && options.signal,
      headers: { 'Content-Type': 'application/json', Accept: (options && options.accept) || '*/*' } }));
  } catch (err) {
    throw networkProblem(err, url);
  }
  if (!response.ok) return readAnswer(response, url);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const filename = star ? decodeURIComponent(star[1]) : plain ? plain[1] : null;
  return { blob, type: response.headers.get('Content-Type') || blob.type, filename };
}

/** POSTs a JSON body to `url` and reads the JSON answer. @throws Problem */
export function postJson(url, body) {
  return request(url, { method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Accept: 'application/geo+json, application/json;q=0.9' } });
}

/**
 * Sends a feature write (POST/PUT/PATCH/DELETE, or a GET whose version matters) and reads the answer with its
 * ETag: `{ body, etag }` (body null for 204). `etag` goes out as If-Match. @throws Problem
 */
export async function send(method, url, body, etag) {
  const headers = { Accept: 'application/geo+json, application/json;q=0.9' };
  if (body !== null && body !== undefined) headers['Content-Type'] = 'application/geo+json';
  if (etag) headers['If-Match'] = etag;
  let response;
  try {
    response = await fetch(url, withToken({ method, headers, body: body === null || body === undefined ? undefined : JSON.stringify(body) }));
  } catch (err) {
    throw new Problem(0, { title: 'Network error', detail: 'Could not reach the server 无法连接服务器: ' + err.message }, url);
  }
  const tag = response.headers.get('ETag');
  if (response.status === 204) return { body: null, etag: tag };
  return { body: await readAnswer(response, url), etag: tag };
}

/** The file name a Content-Disposition header gives (RFC 5987 filename* first, then filename), or null. */
export function dispositionFileName(header) {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try { return decodeURIComponent(star[2].trim()); } catch (e) { /* fall back to the plain name */ }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? (plain[1] || plain[2] || '').trim() || null : null;
}

/**
 * GETs a file (an export): `{ blob, fileName, type }`, fileName from Content-Disposition (null without one).
 * `signal` (optional) cancels it with an AbortError. @throws Problem
 */
export async function getFile(url, signal) {
  let response;
  try {
    response = await fetch(url, withToken({ headers: { Accept: '*/*' }, signal }));
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new Problem(0, { title: 'Network error', detail: 'Could not reach the server 无法连接服务器: ' + err.message }, url);
  }
  if (!response.ok) await readAnswer(response, url);
  const blob = await response.blob();
  return { blob, fileName: dispositionFileName(response.headers.get('Content-Disposition')),
    type: response.headers.get('Content-Type') || blob.type };
}

/**
 * POSTs a file as the request body (an import: POST /imports?…) with the bearer token; `headers` adds e.g.
 * `Prefer: respond-async`. Reads the JSON answer: `{ status, body }`. @throws Problem (with `report` when refused)
 */
export async function upload(url, file, headers) {
  let response;
  try {
    response = await fetch(url, withToken({ method: 'POST', body: file,
      headers: Object.assign({ 'Content-Type': 'application/octet-stream', Accept: 'application/json' }, headers || {}) }));
  } catch (err) {
    throw new Problem(0, { title: 'Network error', detail: 'Could not reach the server 无法连接服务器: ' + err.message }, url);
  }
  return { status: response.status, body: await readAnswer(response, url) };
}
