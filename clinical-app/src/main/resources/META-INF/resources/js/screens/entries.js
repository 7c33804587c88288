import {backToChart, h, message, mount} from '../dom.js';
import {unavailable} from '../features.js';
import {SEVERITY, VITAL_TYPES} from '../messages.js';
import {enqueue} from '../outbox.js';


function localNow() {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function showVitals(patientId) {
  const reason = unavailable('vitals');
  if (reason) return mount(h('h1', {}, 'Sinais vitais'), message('info', reason), backToChart(patientId));
  const type = h('select', {id: 'vital-type'}, Object.entries(VITAL_TYPES).map(([v, [label, unit]]) =>
    h('option', {value: v}, unit ? `${label} (${unit})` : label)));
  const value = h('input', {id: 'vital-value', inputmode: 'decimal', autocomplete: 'off', required: true});
  const when = h('input', {id: 'vital-time', type: 'datetime-local', value: localNow(), max: localNow()});
  const status = h('div', {'aria-live': 'polite'});
  mount(
    h('h1', {}, 'Registrar sinal vital'),
    h('form', {novalidate: true, onsubmit: async e => {
      e.preventDefault();
      const number = Number(value.value.replace(',', '.'));
      if (!value.value.trim() || !Number.isFinite(number) || number < 0 || number > 1000) {
        return status.replaceChildren(message('error', 'Digite um valor numérico entre 0 e 1000.'));
      }
      const measured = when.value ? new Date(when.value) : new Date();
      if (measured.getTime() > Date.now()) return status.replaceChildren(message('error', 'A hora da medida não pode estar no futuro.'));
      const [label, unit] = VITAL_TYPES[type.value];
      await enqueue({kind: 'vital', patientId, method: 'POST', path: `/api/v1/patients/${patientId}/vital-signs`,
        body: {type: type.value, value: number, measuredAt: measured.toISOString()}, label: `${label}: ${number} ${unit}`});
      location.hash = `#/paciente/${patientId}`;
    }},
    h('label', {for: 'vital-type'}, 'Sinal'), type,
    h('label', {for: 'vital-value'}, 'Valor'), value,
    h('label', {for: 'vital-time'}, 'Medido em'), when,
    status,
    h('button', {type: 'submit', class: 'block', id: 'vital-save'}, 'Salvar sinal vital')),
    backToChart(patientId),
  );
}

export function showAllergy(patientId) {
  const reason = unavailable('allergy');
  if (reason) return mount(h('h1', {}, 'Alergia'), message('info', reason), backToChart(patientId));
  const substance = h('input', {id: 'allergy-substance', autocomplete: 'off', required: true, maxlength: '200'});
  const severity = h('select', {id: 'allergy-severity'}, Object.entries(SEVERITY).map(([v, label]) =>
    h('option', {value: v}, label.toLowerCase())));
  const reaction = h('input', {id: 'allergy-reaction', autocomplete: 'off', maxlength: '500'});
  const status = h('div', {'aria-live': 'polite'});
  mount(
    h('h1', {}, 'Registrar alergia'),
    h('form', {novalidate: true, onsubmit: async e => {
      e.preventDefault();
      if (!substance.value.trim()) return status.replaceChildren(message('error', 'Digite a substância.'));
      if (/[<>;{}\\]/.test(substance.value + reaction.value)) {
        return status.replaceChildren(message('error', 'Não use os caracteres < > ; { } \\ nestes campos.'));
      }
      await enqueue({kind: 'allergy', patientId, method: 'POST', path: `/api/v1/patients/${patientId}/allergies`,
        body: {substance: substance.value.trim(), severity: severity.value, reaction: reaction.value.trim() || null, status: 'active'},
        label: `${substance.value.trim()} (${SEVERITY[severity.value].toLowerCase()})`});
      location.hash = `#/paciente/${patientId}`;
    }},
    h('label', {for: 'allergy-substance'}, 'Substância'), substance,
    h('label', {for: 'allergy-severity'}, 'Gravidade'), severity,
    h('p', {class: 'hint'}, 'Uma alergia grave também cria um alerta crítico no topo do prontuário.'),
    h('label', {for: 'allergy-reaction'}, 'Reação (opcional)'), reaction,
    status,
    h('button', {type: 'submit', class: 'block', id: 'allergy-save'}, 'Salvar alergia')),
    backToChart(patientId),
  );
}
