import {NetworkError, serviceMode} from '../api.js';
import {formatDateTime, backToChart, h, message, mount} from '../dom.js';
import {unavailable} from '../features.js';
import {NETWORK_MESSAGE, NOTE_TYPES, problemMessage} from '../messages.js';
import {enqueue, entries, outboxEvents, remove} from '../outbox.js';
import {loadNote, ReadError} from '../records.js';

/** A correction to redo after a conflict: {conflictKey, text, type}, used once by the form. */
let redo = null;

function typeSelect(selected) {
  const types = Object.entries(NOTE_TYPES).filter(([v]) => !(v === 'sumario-alta' && unavailable('dischargeSummary')));
  return h('select', {id: 'note-type', name: 'type'},
    types.map(([value, label]) => h('option', {value, selected: value === selected}, label)));
}

const preview = text => (text.length > 140 ? text.slice(0, 140) + '…' : text);

export function showNewNote(patientId) {
  const type = typeSelect('evolucao');
  const text = h('textarea', {id: 'note-text', name: 'text', required: true});
  const status = h('div', {'aria-live': 'polite'});
  mount(
    h('h1', {}, 'Nova nota'),
    h('form', {novalidate: true, onsubmit: async e => {
      e.preventDefault();
      if (!text.value.trim()) return status.replaceChildren(message('error', 'Escreva o texto da nota.'));
      await enqueue({kind: 'note', patientId, method: 'POST', path: `/api/v1/patients/${patientId}/notes`,
        body: {type: type.value, text: text.value}, label: `${NOTE_TYPES[type.value]}: ${preview(text.value)}`});
      location.hash = `#/paciente/${patientId}`;
    }},
    h('label', {for: 'note-type'}, 'Tipo'), type,
    h('label', {for: 'note-text'}, 'Texto'), text,
    h('p', {class: 'hint'}, 'A nota fica guardada neste aparelho até o servidor confirmar ("salvo").'),
    status,
    h('button', {type: 'submit', class: 'block', id: 'note-save'}, 'Salvar nota')),
    backToChart(patientId),
  );
}

async function load(patientId, noteId) {
  try {
    return await loadNote(patientId, noteId);
  } catch (e) {
    if (e instanceof NetworkError) mount(h('h1', {}, 'Nota'), message('error', NETWORK_MESSAGE), backToChart(patientId));
    else if (e instanceof ReadError) mount(h('h1', {}, 'Nota'), message('error', problemMessage(e.status, e.problem)), backToChart(patientId));
    else throw e;
    return null;
  }
}

function version(n, label, cls = '') {
  return h('div', {class: `version ${cls}`},
    h('strong', {}, label), h('br'),
    h('span', {class: 'meta'}, `${NOTE_TYPES[n.type] || n.type} · ${formatDateTime(n.recordedAt)} · ${n.author || ''}`),
    h('div', {class: 'note-text'}, n.text));
}

export async function showNote(patientId, noteId) {
  const reason = unavailable('history');
  if (reason) return mount(h('h1', {}, 'Nota'), message('info', reason), backToChart(patientId));
  mount(h('p', {class: 'loading'}, 'Abrindo nota…'));
  const loaded = await load(patientId, noteId);
  if (!loaded) return;
  const {note, history} = loaded;
  const correctReason = unavailable('correct');
  mount(
    h('h1', {}, NOTE_TYPES[note.type] || 'Nota', note.version > 1 ? h('span', {class: 'badge badge-corrected'}, 'corrigida') : null),
    h('p', {class: 'meta'}, `${formatDateTime(note.recordedAt)} · ${note.author} · versão ${note.version}`),
    h('div', {class: 'card note-text', id: 'note-current'}, note.text),
    correctReason ? h('p', {class: 'disabled-reason'}, correctReason)
      : h('a', {class: 'button block', id: 'note-correct', href: `#/paciente/${patientId}/nota/${note.id}/corrigir`}, 'Corrigir esta nota'),
    history.length > 1 ? [h('h2', {}, 'Histórico de versões'),
      h('div', {class: 'versions'}, [...history].reverse().map(v => version(v, `Versão ${v.version}${v.id === note.id ? ' (atual)' : ''}`)))] : null,
    backToChart(patientId),
  );
}

export async function showCorrection(patientId, noteId) {
  const reason = unavailable('correct');
  if (reason) return mount(h('h1', {}, 'Corrigir nota'), message('info', reason), backToChart(patientId));
  mount(h('p', {class: 'loading'}, 'Abrindo nota…'));
  const loaded = await load(patientId, noteId);
  if (!loaded) return;
  const {note, etag} = loaded;
  const redoing = redo;
  redo = null;
  const type = typeSelect(redoing ? redoing.type : note.type);
  const text = h('textarea', {id: 'note-text', name: 'text'}, redoing ? redoing.text : note.text);
  const status = h('div', {'aria-live': 'polite', id: 'correction-status'});
  mount(
    h('h1', {}, 'Corrigir nota'),
    redoing ? [message('info', 'Refaça sua correção sobre a versão atual abaixo. Nada foi sobrescrito.'),
      version(note, 'Versão atual no prontuário', 'theirs')] : null,
    h('form', {novalidate: true, onsubmit: async e => {
      e.preventDefault();
      if (!text.value.trim()) return status.replaceChildren(message('error', 'O texto da nota não pode ficar vazio.'));
      const key = await enqueue({kind: 'correction', patientId, noteId: note.id, method: 'PUT',
        path: `/api/v1/patients/${patientId}/notes/${note.id}`, ifMatch: etag,
        body: {type: type.value, text: text.value}, label: `Correção: ${preview(text.value)}`});
      if (redoing) await remove(redoing.conflictKey);
      follow(patientId, key, status);
    }},
    h('label', {for: 'note-type'}, 'Tipo'), type,
    h('label', {for: 'note-text'}, 'Texto corrigido'), text,
    h('p', {class: 'hint'}, 'A correção vira uma nova versão; a anterior fica no histórico.'),
    status,
    h('button', {type: 'submit', class: 'block', id: 'correction-save'}, 'Salvar correção')),
    backToChart(patientId),
  );
}

/** Waits on the outbox for this correction: saved → chart; conflict → both versions. */
function follow(patientId, key, status) {
  const here = location.hash;
  status.replaceChildren(h('p', {class: 'message message-info'}, 'Correção ', h('span', {class: 'badge badge-pending'}, 'pendente'),
    ' — guardada neste aparelho, enviando…'));
  const listener = e => {
    if (e.detail.key !== key) return;
    if (location.hash !== here) return outboxEvents.removeEventListener('change', listener);
    if (e.detail.state === 'salvo') {
      outboxEvents.removeEventListener('change', listener);
      location.hash = `#/paciente/${patientId}`;
    } else if (e.detail.state === 'conflito') {
      outboxEvents.removeEventListener('change', listener);
      location.hash = `#/paciente/${patientId}/conflito/${key}`;
    } else if (e.detail.state === 'recusado') {
      outboxEvents.removeEventListener('change', listener);
      location.hash = `#/paciente/${patientId}`;
    }
  };
  outboxEvents.addEventListener('change', listener);
}

export async function showConflict(patientId, key) {
  const entry = (await entries()).find(e => e.key === key);
  if (!entry || entry.state !== 'conflito') {
    return mount(h('h1', {}, 'Conflito'), message('info', 'Não há mais conflito pendente para esta nota.'), backToChart(patientId));
  }
  const current = entry.current;
  mount(
    h('h1', {}, 'Outra pessoa corrigiu esta nota'),
    message('error', 'Sua correção NÃO foi salva: a nota mudou enquanto você editava. Compare e refaça.'),
    h('div', {class: 'versions', id: 'conflict-versions'},
      current ? version(current, 'Versão atual no prontuário', 'theirs') : message('info', 'A versão atual não pôde ser lida agora.'),
      version({...entry.body, recordedAt: entry.createdAt, author: entry.user}, 'Sua versão (não salva)', 'mine')),
    h('button', {class: 'block', id: 'conflict-redo', disabled: !current || serviceMode() === 'emergency', onclick: () => {
      redo = {conflictKey: key, text: entry.body.text, type: entry.body.type};
      location.hash = `#/paciente/${patientId}/nota/${current.id}/corrigir`;
    }}, 'Refazer minha correção sobre a versão atual'),
    h('button', {class: 'block secondary', id: 'conflict-discard', onclick: async () => {
      await remove(key);
      location.hash = `#/paciente/${patientId}`;
    }}, 'Descartar minha versão'),
  );
}
