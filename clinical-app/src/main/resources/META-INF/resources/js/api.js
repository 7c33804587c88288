// Every call to the server goes through here: the entry point in use (moving to the next one
// when it is unreachable), the bearer token (refreshed once on 401), the connection state and
// the service mode the server reports (X-Service-Mode), which drive the banner.
import {session} from './session.js';

export const connectionEvents = new EventTarget();
const TRANSIENT = new Set([502, 503, 504]);
let entrypoints = [''];
let current = 0;
let mode = 'normal';
let reachable = true;
let refreshing = null;

export class NetworkError extends Error {}

export function setEntrypoints(list) {
  const origins = list.filter(e => e !== location.origin);
  // the origin that served the app first (it answered just now), then the others in order
  entrypoints = [''].concat(origins);
  current = 0;
}

export function serviceMode() {
  return mode;
}

export function isReachable() {
  return reachable;
}

function setState(nextMode, nextReachable) {
  if (nextMode === mode && nextReachable === reachable) return;
  mode = nextMode;
  reachable = nextReachable;
  connectionEvents.dispatchEvent(new Event('change'));
}

/**
 * One request; answers {status, ok, headers, data} for any HTTP answer and throws NetworkError
 * when no entry point answered. Transient answers (502/503/504) also try the next entry point.
 */
export async function call(method, path, options = {}) {
  let response = await attempt(method, path, options);
  if (response.status === 401 && options.auth !== false && session.refreshToken) {
    const renewed = await refresh();
    // a refresh that met an outage is not a rejection: ending the session would delete the
    // outbox, so the caller sees a network failure and retries later
    if (renewed === 'transient') throw new NetworkError('refresh unavailable');
    if (renewed === 'ok') response = await attempt(method, path, options);
    if (response.status === 401) session.end('Sua sessão terminou. Entre de novo.');
  }
  if (options.stream && response.ok) return {status: response.status, ok: true, headers: response.headers, response};
  return {status: response.status, ok: response.ok, headers: response.headers, data: await body(response)};
}

async function attempt(method, path, options) {
  let lastTransient = null;
  for (let tried = 0; tried < entrypoints.length; tried++) {
    const index = (current + tried) % entrypoints.length;
    try {
      const response = await send(entrypoints[index], method, path, options);
      current = index;
      const emergency = (response.headers.get('X-Service-Mode') || '').toLowerCase() === 'emergency';
      if (TRANSIENT.has(response.status)) {
        lastTransient = response;
        setState(emergency ? 'emergency' : mode, false);
        continue;
      }
      setState(emergency ? 'emergency' : 'normal', true);
      return response;
    } catch (e) {
      if (e.name !== 'TypeError' && e.name !== 'AbortError' && e.name !== 'TimeoutError') throw e;
      // the clinician has waited a whole timeout already: say so while the next entry is tried
      setState(mode, false);
    }
  }
  setState(mode, false);
  if (lastTransient) return lastTransient;
  current = (current + 1) % entrypoints.length;
  throw new NetworkError('unreachable');
}

async function send(origin, method, path, options) {
  const headers = new Headers(options.headers || {});
  if (options.auth !== false && session.accessToken) headers.set('Authorization', `Bearer ${session.accessToken}`);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);
  let requestBody = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    requestBody = JSON.stringify(options.json);
  }
  headers.set('Accept', options.stream ? 'text/event-stream' : 'application/json, application/problem+json');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs || 20_000);
  try {
    const response = await fetch(origin + path, {method, headers, body: requestBody, signal: controller.signal,
      cache: 'no-store', credentials: 'omit', mode: origin ? 'cors' : 'same-origin'});
    if (!options.stream) await response.clone().arrayBuffer(); // the whole body within the timeout
    return response;
  } finally {
    clearTimeout(timer);
  }
}

async function body(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204 || !type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** 'ok' with new tokens, 'rejected' when the server refused the refresh token, else 'transient'. */
async function refresh() {
  refreshing ||= (async () => {
    try {
      const r = await attempt('POST', '/api/v1/auth/refresh', {auth: false, json: {refreshToken: session.refreshToken}});
      if (r.status === 401 || r.status === 400) return 'rejected';
      if (!r.ok) return 'transient';
      session.start(await r.json());
      return 'ok';
    } catch (e) {
      if (e instanceof NetworkError) return 'transient';
      throw e;
    } finally {
      setTimeout(() => { refreshing = null; }, 0);
    }
  })();
  return refreshing;
}

/** While unreachable, a light probe brings the banner back to normal without user action. */
export function watchReconnect() {
  setInterval(async () => {
    if (reachable) return;
    try {
      await attempt('GET', '/health/live', {auth: false, timeoutMs: 5000});
    } catch {
      // still unreachable: the banner stays
    }
  }, 3000);
}
