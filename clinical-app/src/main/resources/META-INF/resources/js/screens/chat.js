import {call, NetworkError, serviceMode} from '../api.js';
import {add, backToChart, h, message, mount} from '../dom.js';
import {NETWORK_MESSAGE, problemMessage} from '../messages.js';
import {newKey} from '../outbox.js';


export function showChat(patientId) {
  const log = h('div', {class: 'chat-log', id: 'chat-log', 'aria-live': 'polite'});
  const question = h('textarea', {id: 'chat-question', rows: '3', maxlength: '4000'});
  const ask = h('button', {type: 'submit', class: 'block', id: 'chat-ask'}, 'Perguntar');
  const emergency = serviceMode() === 'emergency';
  mount(
    h('h1', {}, 'Perguntar sobre o paciente'),
    emergency ? message('info', 'Modo de emergência: respostas simples tiradas do resumo, sem IA.') : null,
    log,
    h('form', {onsubmit: async e => {
      e.preventDefault();
      const q = question.value.trim();
      if (!q) return;
      question.value = '';
      ask.disabled = true;
      log.append(h('div', {class: 'bubble q'}, q));
      const answer = h('div', {class: 'bubble a'});
      log.append(answer);
      try {
        if (serviceMode() === 'emergency') await askCloud(patientId, q, answer);
        else await askStreaming(patientId, q, answer);
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        answer.replaceChildren(message('error', NETWORK_MESSAGE));
      } finally {
        ask.disabled = false;
      }
    }},
    h('label', {for: 'chat-question'}, 'Sua pergunta'), question, ask),
    backToChart(patientId),
  );
}

/** edge-node: server-sent events over POST (token…, then done with the cited note ids). */
async function askStreaming(patientId, question, answer) {
  const reply = await call('POST', '/api/v1/chat/stream', {json: {question, patientId}, stream: true, timeoutMs: 300_000});
  if (!reply.ok) return answer.replaceChildren(message('error', problemMessage(reply.status, reply.data)));
  const text = h('span', {class: 'answer-text'});
  answer.replaceChildren(text);
  const reader = reply.response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      handle(block, patientId, text, answer);
    }
  }
}

function handle(block, patientId, text, answer) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  let payload = {};
  try {
    payload = JSON.parse(data.join('\n'));
  } catch {
    return;
  }
  if (event === 'token') text.append(payload.text || '');
  else if (event === 'done') {
    // only what the answer cites, never every note the model was shown (edge-node drops ids
    // outside the patient's context)
    const cited = payload.citations || [];
    add(answer,
      cited.length ? h('p', {class: 'meta'}, 'Notas citadas: ', cited.map((id, i) =>
        [i ? ', ' : '', h('a', {href: `#/paciente/${patientId}/nota/${id}`}, `nota ${i + 1}`)])) : null,
      payload.disclaimer ? h('p', {class: 'disclaimer'}, payload.disclaimer) : null);
  } else if (event === 'error') answer.append(message('error', 'A resposta foi interrompida. Tente de novo.'));
}

/** cloud-fallback: one JSON answer drawn from the emergency summary, labelled as such. */
async function askCloud(patientId, question, answer) {
  const reply = await call('POST', `/api/v1/patients/${patientId}/chat`, {json: {question: question.slice(0, 500)}, idempotencyKey: newKey()});
  if (!reply.ok) return answer.replaceChildren(message('error', problemMessage(reply.status, reply.data)));
  answer.replaceChildren(...(reply.data.answer || []).map(line => h('p', {}, line)),
    h('p', {class: 'disclaimer'}, reply.data.label || ''));
}
