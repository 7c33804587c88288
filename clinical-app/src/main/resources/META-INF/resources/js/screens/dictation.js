import {call, NetworkError} from '../api.js';
import {backToChart, h, message, mount} from '../dom.js';
import {unavailable} from '../features.js';
import {icon} from '../icons.js';
import {NETWORK_MESSAGE, NOTE_TYPES, problemMessage} from '../messages.js';
import {enqueue} from '../outbox.js';
import {startRecording} from '../wav.js';


export function showDictation(patientId) {
  const reason = unavailable('dictation');
  if (reason) return mount(h('h1', {}, 'Ditado'), message('info', reason), backToChart(patientId));
  const status = h('div', {'aria-live': 'polite', id: 'dictation-status'});
  const draft = h('div', {id: 'draft'});
  let recorder = null;
  let ticker = null;
  const toggle = h('button', {class: 'block', id: 'dictation-toggle', onclick: async () => {
    if (!recorder) {
      try {
        recorder = await startRecording();
      } catch {
        return status.replaceChildren(message('error', 'Sem acesso ao microfone. Permita o microfone para este site nos ajustes do iPhone.'));
      }
      toggle.textContent = 'Parar e transcrever';
      toggle.classList.add('danger');
      ticker = setInterval(() => status.replaceChildren(h('p', {class: 'recording'},
        icon('record-filled'), ` Gravando… ${Math.floor(recorder.seconds())} s`)), 500);
      return;
    }
    clearInterval(ticker);
    const wav = await recorder.stop();
    recorder = null;
    toggle.textContent = 'Gravar de novo';
    toggle.classList.remove('danger');
    status.replaceChildren(message('info', 'Transcrevendo no servidor do hospital…'));
    await transcribe(patientId, wav, status, draft);
  }}, 'Começar a gravar');
  mount(
    h('h1', {}, 'Ditado'),
    h('p', {}, 'Fale a nota. O texto vira um rascunho: nada é salvo até você revisar e confirmar.'),
    toggle, status, draft, backToChart(patientId),
  );
}

async function transcribe(patientId, wav, status, draft) {
  let reply;
  try {
    reply = await call('POST', `/api/v1/dictations?language=pt-BR&patientId=${patientId}`,
      {body: wav, headers: {'Content-Type': 'audio/wav'}, timeoutMs: 180_000});
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    return status.replaceChildren(message('error', NETWORK_MESSAGE));
  }
  if (!reply.ok) {
    return status.replaceChildren(message('error', problemMessage(reply.status, reply.data, {
      413: 'A gravação é grande demais para enviar. Grave trechos menores.',
      415: 'A gravação não está em WAV. Atualize o aplicativo e grave de novo.'})));
  }
  status.replaceChildren(message('ok', `Rascunho pronto (${Math.round(reply.data.durationMs / 1000)} s de áudio). Revise antes de salvar.`));
  const type = h('select', {id: 'draft-type'}, Object.entries(NOTE_TYPES).map(([v, label]) => h('option', {value: v, selected: v === 'evolucao'}, label)));
  const text = h('textarea', {id: 'draft-text'}, reply.data.text || '');
  const problem = h('div', {'aria-live': 'polite'});
  draft.replaceChildren(
    h('h2', {}, 'Rascunho (não salvo)'),
    h('label', {for: 'draft-type'}, 'Tipo'), type,
    h('label', {for: 'draft-text'}, 'Texto transcrito — corrija o que precisar'), text,
    problem,
    h('button', {class: 'block', id: 'draft-save', onclick: async () => {
      if (!text.value.trim()) return problem.replaceChildren(message('error', 'O rascunho está vazio: escreva ou grave de novo.'));
      await enqueue({kind: 'note', patientId, method: 'POST', path: `/api/v1/patients/${patientId}/notes`,
        body: {type: type.value, text: text.value}, label: `${NOTE_TYPES[type.value]} (ditado): ${text.value.slice(0, 140)}`});
      location.hash = `#/paciente/${patientId}`;
    }}, 'Confirmar e salvar como nota'),
    h('button', {class: 'block secondary', id: 'draft-discard', onclick: () => {
      draft.replaceChildren();
      status.replaceChildren(message('info', 'Rascunho descartado.'));
    }}, 'Descartar rascunho'),
  );
}
