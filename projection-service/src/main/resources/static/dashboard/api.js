// Reads from the read API and opens the live stream, with or without a token.
//
// Tokens: in standalone mode the service lets a browser without a token read as a VIEWER, and none is needed.
// Otherwise the reader pastes a token, which is kept in this tab's sessionStorage only and sent as an
// Authorization header on every fetch. EventSource cannot send headers, so the stream gets the token as the
// access_token query parameter, which the service accepts on the stream endpoint alone and answers with
// Referrer-Policy: no-referrer; a short-lived VIEWER token keeps what a leaked URL could give away small.

const TOKEN_KEY = 'risk-budget-ledger.token';
const BASE = '/api/v1';

/** A refusal of the API: its HTTP status and its problem+json code. */
export class Refusal extends Error {
  constructor(status, code, detail) {
    super(`${status} ${code}${detail ? ': ' + detail : ''}`);
    this.status = status;
    this.code = code;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function useToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** GET a read endpoint, such as "/regimes/global/budget", with optional query parameters; answers its JSON. */
export async function read(path, parameters = {}) {
  const url = new URL(BASE + path, location.origin);
  Object.entries(parameters).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      url.searchParams.set(name, String(value));
    }
  });
  const headers = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  const response = await fetch(url, { headers, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Refusal(response.status, body.code || 'UNKNOWN', body.detail);
  }
  return body;
}

/**
 * Every item of a paged list, following the next cursors, at most maxPages pages of 1000: a dashboard shows a
 * bounded amount, and says so when there is more.
 */
export async function readAll(path, parameters = {}, maxPages = 1) {
  const items = [];
  let after;
  for (let page = 0; page < maxPages; page++) {
    const answer = await read(path, { ...parameters, limit: 1000, after });
    items.push(...answer.items);
    after = answer.next;
    if (!after) {
      return { items, complete: true };
    }
  }
  return { items, complete: false };
}

/** The regime's live stream, replaying what came after afterSequence first. */
export function stream(regimeId, afterSequence) {
  const url = new URL(`${BASE}/regimes/${encodeURIComponent(regimeId)}/stream`, location.origin);
  url.searchParams.set('lastEventId', String(afterSequence));
  const bearer = token();
  if (bearer) {
    url.searchParams.set('access_token', bearer);
  }
  return new EventSource(url);
}
