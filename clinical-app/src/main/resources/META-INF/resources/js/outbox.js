// The outbox: every write is stored on the device (IndexedDB) with an Idempotency-Key made here
// BEFORE it is sent, then sent until the server acknowledges it. Network errors and 502/503/504
// are retried with exponential backoff and full jitter; the server's idempotency makes a retry
// of an acknowledged-but-unanswered POST return the same record, never a second one.
import {call, NetworkError} from './api.js';
import {problemMessage} from './messages.js';
import {session} from './session.js';

const DB = 'prontuario-app';
const STORE = 'outbox';
export const outboxEvents = new EventTarget();
/** Writes acknowledged in this page's life: key → {id, patientId, kind}, to show "salvo". */
export const saved = new Map();
let draining = false;

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, {keyPath: 'key'});
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function tx(mode, work) {
  const database = await db();
  try {
    return await new Promise((resolve, reject) => {
      const t = database.transaction(STORE, mode);
      const result = work(t.objectStore(STORE));
      t.oncomplete = () => resolve(result.result);
      t.onerror = () => reject(t.error);
    });
  } finally {
    database.close();
  }
}

export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const entries = () => tx('readonly', s => s.getAll()).then(list => list.sort((a, b) => a.createdAt - b.createdAt));
const put = entry => tx('readwrite', s => s.put(entry));
export const remove = key => tx('readwrite', s => s.delete(key)).then(() => changed(key, 'removido'));

/** Logout: pending writes of a shared phone never outlive the session that wrote them. */
export const clearAll = () => tx('readwrite', s => s.clear()).then(() => changed(null, 'limpo'));

function changed(key, state, extra = {}) {
  outboxEvents.dispatchEvent(new CustomEvent('change', {detail: {key, state, ...extra}}));
}

/**
 * Stores a write and starts sending. write: {kind, patientId, method, path, body, ifMatch?,
 * noteId?, label}. Answers the entry's key.
 */
export async function enqueue(write) {
  const entry = {...write, key: newKey(), state: 'pendente', attempts: 0, createdAt: Date.now(),
    user: session.user?.username || ''};
  await put(entry);
  changed(entry.key, 'pendente');
  drain();
  return entry.key;
}

/** Sends pending writes of the signed-in user, oldest first, until none is left. */
export async function drain() {
  if (draining) return;
  draining = true;
  try {
    for (;;) {
      const user = session.user?.username;
      if (!user) return;
      const next = (await entries()).find(e => e.state === 'pendente' && e.user === user);
      if (!next) return;
      const wait = await deliver(next);
      if (wait === 'stop') return;
      if (wait > 0) await new Promise(r => setTimeout(r, wait));
    }
  } finally {
    draining = false;
  }
}

async function deliver(entry) {
  let reply;
  try {
    reply = await call(entry.method, entry.path, {json: entry.body, ifMatch: entry.ifMatch,
      idempotencyKey: entry.method === 'POST' ? entry.key : undefined});
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    return retryLater(entry, null);
  }
  if (reply.ok) {
    const id = reply.data?.id || reply.data?.note?.id || reply.data?.alert?.id || null;
    saved.set(entry.key, {id, patientId: entry.patientId, kind: entry.kind});
    await tx('readwrite', s => s.delete(entry.key));
    changed(entry.key, 'salvo', {id, patientId: entry.patientId});
    return 0;
  }
  if (reply.status === 401) return 'stop'; // the session ended; the login screen resumes it
  if ([429, 502, 503, 504].includes(reply.status) || (reply.status === 500 && entry.attempts < 5)) {
    return retryLater(entry, reply.headers.get('Retry-After'));
  }
  if (reply.status === 412 && entry.kind === 'correction') return conflict(entry);
  entry.state = 'recusado';
  entry.error = problemMessage(reply.status, reply.data);
  await put(entry);
  changed(entry.key, 'recusado');
  return 0;
}

async function retryLater(entry, retryAfter) {
  entry.attempts += 1;
  await put(entry);
  changed(entry.key, 'pendente', {attempts: entry.attempts});
  const cap = Math.min(15_000, 500 * 2 ** Math.min(entry.attempts, 10));
  const jittered = cap / 2 + Math.random() * cap / 2;
  const asked = Number(retryAfter) > 0 ? Number(retryAfter) * 1000 : 0;
  return Math.max(jittered, Math.min(asked, 30_000));
}

/**
 * 412 on a correction: either our own correction landed and only its answer was lost (then it
 * is saved), or someone else corrected the note first: keep both versions for the clinician.
 */
async function conflict(entry) {
  let latest = null;
  try {
    const history = await call('GET', `/api/v1/patients/${entry.patientId}/notes/${entry.noteId}/history`);
    if (history.ok && Array.isArray(history.data)) latest = history.data[history.data.length - 1];
  } catch {
    return retryLater(entry, null);
  }
  if (latest && latest.replacesId === entry.noteId && latest.text === entry.body.text
      && latest.type === entry.body.type && latest.author === entry.user) {
    saved.set(entry.key, {id: latest.id, patientId: entry.patientId, kind: entry.kind});
    await tx('readwrite', s => s.delete(entry.key));
    changed(entry.key, 'salvo', {id: latest.id, patientId: entry.patientId});
    return 0;
  }
  entry.state = 'conflito';
  entry.current = latest;
  await put(entry);
  changed(entry.key, 'conflito');
  return 0;
}
