import {connectionEvents, isReachable, NetworkError} from '../api.js';
import {age, formatDate, formatDateTime, h, message, mount} from '../dom.js';
import {unavailable} from '../features.js';
import {icon} from '../icons.js';
import {NETWORK_MESSAGE, NOTE_TYPES, problemMessage, SEVERITY, SEX, VITAL_TYPES} from '../messages.js';
import {entries, outboxEvents, remove, saved} from '../outbox.js';
import {loadChart, ReadError} from '../records.js';

const KIND_LABEL = {note: 'Nota', correction: 'Correção de nota', vital: 'Sinal vital', allergy: 'Alergia'};
let listening = null;

export async function showChart(patientId) {
  const here = `#/paciente/${patientId}`;
  const pending = h('div', {id: 'pending'});
  if (listening) outboxEvents.removeEventListener('change', listening);
  listening = e => {
    if (location.hash !== here) return;
    if (e.detail.state === 'salvo') showChart(patientId);
    else renderPending(patientId, pending);
  };
  outboxEvents.addEventListener('change', listening);
  mount(h('p', {class: 'loading'}, 'Abrindo prontuário…'));
  let chart;
  try {
    chart = await loadChart(patientId);
  } catch (e) {
    if (!(e instanceof NetworkError) && !(e instanceof ReadError)) throw e;
    // the chart cannot be read now, but what this phone still has to send is shown; it opens by
    // itself once the connection is back (e.g. the cloud finishing its takeover)
    mount(h('h1', {}, 'Prontuário'),
      message('error', e instanceof NetworkError ? NETWORK_MESSAGE : problemMessage(e.status, e.problem)),
      h('button', {class: 'block', onclick: () => showChart(patientId)}, 'Tentar de novo'),
      h('h2', {}, 'Registros guardados neste aparelho'), pending);
    reopenWhenReachable(patientId, here);
    return renderPending(patientId, pending);
  }
  if (location.hash !== here) return;
  mount(
    header(chart.patient),
    section('Alertas críticos', 'alerts', chart.alerts, a => h('div', {class: 'alert-critical', role: 'alert'}, icon('warning', 'Alerta crítico'), ' ', a.message),
      'Nenhum alerta crítico ativo.'),
    section('Alergias', 'allergies', chart.allergies, a => h('div', {class: 'allergy'},
      h('strong', {}, a.substance), ` — ${SEVERITY[a.severity] || a.severity}`, a.reaction ? ` · ${a.reaction}` : ''),
      'Nenhuma alergia registrada.'),
    section('Problemas', 'problems', chart.problems, p => h('div', {class: 'card'}, p.description,
      p.cid10 ? h('span', {class: 'meta'}, ` · CID-10 ${p.cid10}`) : ''), 'Nenhum problema ativo.'),
    chart.emergency ? null : vitalsSection(chart.vitals),
    chart.emergency ? null : labsSection(chart.labs),
    h('h2', {id: 'notes-title'}, 'Notas'),
    pending,
    h('ul', {class: 'list', id: 'notes', 'aria-labelledby': 'notes-title'}, !chart.notes ? h('li', {}, unreadable())
      : chart.notes.length ? chart.notes.map(n => noteCard(patientId, n)) : h('li', {class: 'none'}, 'Nenhuma nota ainda.')),
    actions(patientId),
  );
  renderPending(patientId, pending);
  const incomplete = [chart.alerts, chart.allergies, chart.problems, chart.vitals, chart.notes, chart.labs].includes(null);
  if (incomplete) reopenWhenReachable(patientId, here);
}

/** Shows the chart again, once, when the connection comes back (if it is still on screen). */
function reopenWhenReachable(patientId, here) {
  const again = () => {
    if (!isReachable()) return;
    connectionEvents.removeEventListener('change', again);
    if (location.hash === here) showChart(patientId);
  };
  connectionEvents.addEventListener('change', again);
}

function header(p) {
  const details = [p.birthDate ? `${formatDate(p.birthDate)} · ${age(p.birthDate)}` : '', SEX[p.sex] || '',
    p.cpf ? `CPF ${p.cpf}` : '', p.cns ? `CNS ${p.cns}` : ''].filter(Boolean).join(' · ');
  return h('div', {}, h('h1', {id: 'patient-name'}, p.name), h('p', {class: 'meta'}, details));
}

function section(title, id, list, render, empty) {
  return h('section', {'aria-labelledby': `${id}-title`, id},
    h('h2', {id: `${id}-title`}, title),
    !list ? unreadable() : list.length ? list.map(render) : h('p', {class: 'none'}, empty));
}

function unreadable() {
  return message('error', 'Não foi possível carregar esta parte agora; ela volta sozinha quando a conexão voltar.');
}

function vitalsSection(vitals) {
  return h('section', {'aria-labelledby': 'vitals-title', id: 'vitals'},
    h('h2', {id: 'vitals-title'}, 'Sinais vitais (últimos)'),
    !vitals ? unreadable() : vitals.length ? h('div', {class: 'vitals'}, vitals.map(v => {
      const [name, unit] = VITAL_TYPES[v.type] || [v.type, ''];
      return h('div', {class: 'vital'}, h('span', {class: 'meta'}, name),
        h('b', {}, `${String(v.value).replace('.', ',')} ${unit}`), h('span', {class: 'meta'}, formatDateTime(v.measuredAt)));
    })) : h('p', {class: 'none'}, 'Nenhum sinal vital registrado.'));
}

const LAB_FLAG = {HH: 'crítico alto', LL: 'crítico baixo', AA: 'crítico', H: 'alto', L: 'baixo', A: 'alterado'};

/** The newest lab results as the labs sent them: value, unit, reference range, abnormal flag. */
function labsSection(labs) {
  return h('section', {'aria-labelledby': 'labs-title', id: 'labs'},
    h('h2', {id: 'labs-title'}, 'Exames laboratoriais (recentes)'),
    !labs ? unreadable() : labs.length ? h('ul', {class: 'list labs'}, labs.map(r => {
      const flag = LAB_FLAG[r.abnormalFlag];
      return h('li', {class: r.critical ? 'lab lab-critical' : 'lab', 'data-lab-id': r.id},
        h('span', {class: 'lab-name'}, r.name || r.code),
        h('b', {class: 'lab-value'}, `${String(r.value).replace('.', ',')}${r.unit ? ' ' + r.unit : ''}`),
        flag ? h('span', {class: r.critical ? 'badge badge-error' : 'badge badge-pending'}, flag) : null,
        h('br'),
        h('span', {class: 'meta'}, [r.referenceRange ? `ref. ${r.referenceRange}` : '',
          formatDateTime(r.observedAt || r.recordedAt), r.status === 'C' ? 'corrigido' : ''].filter(Boolean).join(' · ')));
    })) : h('p', {class: 'none'}, 'Nenhum resultado de exame.'));
}

function noteCard(patientId, n) {
  const savedHere = [...saved.values()].some(s => s.id === n.id);
  return h('li', {}, h('a', {class: 'result', href: `#/paciente/${patientId}/nota/${n.id}`, 'data-note-id': n.id},
    h('strong', {}, NOTE_TYPES[n.type] || n.type),
    n.version > 1 ? h('span', {class: 'badge badge-corrected'}, 'corrigida') : null,
    savedHere ? h('span', {class: 'badge badge-saved'}, 'salvo') : null,
    n.origin === 'cloud' ? h('span', {class: 'badge badge-pending'}, 'nuvem') : null,
    h('br'), h('span', {class: 'meta'}, `${formatDateTime(n.recordedAt)} · ${n.author}`),
    h('div', {class: 'note-text'}, n.text.length > 280 ? n.text.slice(0, 280) + '…' : n.text)));
}

async function renderPending(patientId, el) {
  const mine = (await entries()).filter(e => e.patientId === patientId);
  el.replaceChildren(...mine.map(e => h('div', {class: 'card', 'data-outbox-key': e.key, 'data-state': e.state},
    h('strong', {}, KIND_LABEL[e.kind] || 'Registro'),
    badge(e),
    h('div', {class: 'note-text'}, e.label),
    e.state === 'pendente' ? h('p', {class: 'meta'}, e.attempts
      ? `Guardado neste aparelho; tentando enviar (tentativa ${e.attempts + 1}).` : 'Guardado neste aparelho; enviando…') : null,
    e.state === 'recusado' ? [message('error', e.error || 'O servidor recusou este registro.'),
      h('button', {class: 'secondary', onclick: () => remove(e.key)}, 'Descartar')] : null,
    e.state === 'conflito' ? h('a', {class: 'button block', href: `#/paciente/${patientId}/conflito/${e.key}`},
      'Ver as duas versões e refazer') : null)));
}

function badge(e) {
  if (e.state === 'pendente') return h('span', {class: 'badge badge-pending'}, 'pendente');
  if (e.state === 'conflito') return h('span', {class: 'badge badge-error'}, 'conflito');
  return h('span', {class: 'badge badge-error'}, 'não salvo');
}

function actions(patientId) {
  const base = `#/paciente/${patientId}`;
  const item = (feature, href, symbol, label) => {
    const reason = feature && unavailable(feature);
    return reason
      ? h('button', {type: 'button', disabled: true, title: reason, 'aria-describedby': 'actions-reason'}, icon(symbol), label)
      : h('a', {class: 'button', href: `${base}/${href}`}, icon(symbol), label);
  };
  const reasons = ['dictation', 'vitals', 'allergy'].map(unavailable).filter(Boolean);
  return [
    reasons.length ? h('p', {class: 'disabled-reason', id: 'actions-reason'}, 'Modo de emergência: ditado, sinais vitais e alergias voltam quando o hospital reconectar.') : null,
    h('nav', {class: 'actions', 'aria-label': 'Ações do prontuário'},
      item(null, 'nota', 'pencil', 'Nota'),
      item('dictation', 'ditado', 'microphone', 'Ditar'),
      item('vitals', 'sinais', 'heart', 'Sinais'),
      item('allergy', 'alergia', 'warning', 'Alergia'),
      item(null, 'chat', 'chat', 'Chat')),
  ];
}
