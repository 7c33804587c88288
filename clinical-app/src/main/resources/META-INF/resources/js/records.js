// Reads of patient data, in the shape the screens use, from edge-node (normal mode) or from
// cloud-fallback (emergency mode: /summary and ?q= search; see docs/emergency-mode.md).
import {call, serviceMode} from './api.js';

export class ReadError extends Error {
  constructor(status, problem) {
    super(`HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function get(path) {
  const r = await call('GET', path);
  if (!r.ok) throw new ReadError(r.status, r.data);
  return {data: r.data, etag: r.headers.get('ETag')};
}

/**
 * Runs a normal-mode read; when its answer revealed emergency mode (the entry point now reaching
 * cloud-fallback), runs the emergency-mode read instead, whatever the normal one answered.
 */
async function eitherMode(normal, emergency) {
  if (serviceMode() === 'emergency') return emergency();
  try {
    const result = await normal();
    return serviceMode() === 'emergency' ? emergency() : result;
  } catch (e) {
    if (e instanceof ReadError && serviceMode() === 'emergency') return emergency();
    throw e;
  }
}

export function searchPatients(query) {
  return eitherMode(() => searchNormal(query), () => searchEmergency(query));
}

async function searchEmergency(query) {
  const q = query.trim();
  const digits = q.replace(/[.\-\s/]/g, '');
  return (await get(`/api/v1/patients?q=${encodeURIComponent(/^\d+$/.test(digits) ? digits : q)}`)).data.patients || [];
}

async function searchNormal(query) {
  const q = query.trim();
  const digits = q.replace(/[.\-\s/]/g, '');
  let param;
  if (/^\d{11}$/.test(digits)) param = `cpf=${digits}`;
  else if (/^\d{15}$/.test(digits)) param = `cns=${digits}`;
  else param = `name=${encodeURIComponent(q)}&limit=30`;
  return (await get(`/api/v1/patients?${param}`)).data.items || [];
}

const items = page => (page && Array.isArray(page.items) ? page.items : []);
const entry = e => ({id: e.id, version: e.version, recordedAt: e.recordedAt, recordedBy: e.recordedBy, ...(e.data || {})});

/**
 * The chart: {patient, alerts, allergies, problems, vitals, notes, labs, emergency} (labs: the
 * newest lab results, not kept by the emergency site). The patient must
 * load; a list that fails is null (its section says so) so that one failed read does not hide the
 * rest of the chart or the writes still pending on this phone.
 */
export function loadChart(patientId) {
  return eitherMode(() => normalChart(patientId), () => emergencyChart(patientId));
}

async function normalChart(patientId) {
  const base = `/api/v1/patients/${patientId}`;
  const lists = Promise.allSettled(['alerts', 'allergies', 'problems', 'vital-signs', 'notes', 'lab-results']
    .map(kind => get(`${base}/${kind}?limit=${kind === 'lab-results' ? 30 : 100}`)));
  const patient = await get(base);
  const [alerts, allergies, problems, vitals, notes, labs] = (await lists)
    .map(r => (r.status === 'fulfilled' ? items(r.value.data) : null));
  const active = list => list && list.map(entry).filter(e => e.status === 'active');
  return {
    emergency: false,
    patient: patient.data,
    alerts: active(alerts),
    allergies: active(allergies),
    problems: active(problems),
    vitals: vitals && latestPerType(vitals.map(entry)),
    notes,
    labs,
  };
}

async function emergencyChart(patientId) {
  const base = `/api/v1/patients/${patientId}`;
  const [summary, notes] = await Promise.all([get(`${base}/summary`), get(`${base}/notes?limit=50`)]);
  const s = summary.data;
  const data = list => (list || []).map(i => ({id: i.id, version: i.version, recordedAt: i.recordedAt, ...(i.data || {})}));
  return {
    emergency: true,
    patient: s.patient,
    alerts: data(s.criticalAlerts).filter(a => a.status === 'active'),
    allergies: data(s.allergies).filter(a => a.status === 'active'),
    problems: data(s.problems).filter(p => p.status === 'active'),
    vitals: [],
    labs: [],
    notes: items(notes.data).map(n => ({...n, version: 1})),
  };
}

function latestPerType(vitals) {
  const latest = new Map();
  for (const v of vitals) {
    const seen = latest.get(v.type);
    if (!seen || new Date(v.measuredAt) > new Date(seen.measuredAt)) latest.set(v.type, v);
  }
  return [...latest.values()];
}

export async function loadNote(patientId, noteId) {
  const note = await get(`/api/v1/patients/${patientId}/notes/${noteId}`);
  const history = await get(`/api/v1/patients/${patientId}/notes/${noteId}/history`);
  return {note: note.data, etag: note.etag, history: history.data || []};
}
