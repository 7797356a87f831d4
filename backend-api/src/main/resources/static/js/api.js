// Talks to /api/v1 with the signed-in key. Every failure becomes an ApiError whose message
// names the request and what the API answered (problem+json title and detail), so pages can
// show it as it is.

const KEY = 'etl-fleet.api-key';
const BASE = 'api/v1';

export class ApiError extends Error {
  constructor(method, path, status, problem) {
    const what = status === 0 ? 'could not reach the API' : `answered ${status}${problem.title ? ' ' + problem.title : ''}`;
    const detail = problem.detail ? `: ${problem.detail}` : '';
    // field errors the detail does not already name
    const fields = (problem.errors || []).filter((e) => !detail.includes(e.field)).map((e) => `${e.field} ${e.message}`).join('; ');
    super(`${method} /api/v1${path} ${what}${detail}${fields ? ` (${fields})` : ''}`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  save: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export async function request(method, path, body, key = session.key()) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(BASE + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(method, path, 0, { detail: e.message });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const problem = json && typeof json === 'object' ? json : { title: response.statusText, detail: text.slice(0, 200) };
    const error = new ApiError(method, path, response.status, problem);
    if (response.status === 401 && key === session.key()) onUnauthorized(error);
    throw error;
  }
  return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);

/** Builds "?a=1&b=2" from the non-empty values. */
export function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return pairs.length ? '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : '';
}
