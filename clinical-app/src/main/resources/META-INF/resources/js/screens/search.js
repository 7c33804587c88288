import {NetworkError} from '../api.js';
import {age, formatDate, h, message, mount} from '../dom.js';
import {NETWORK_MESSAGE, problemMessage, SEX} from '../messages.js';
import {searchPatients, ReadError} from '../records.js';

let lastQuery = '';

export function showSearch() {
  const input = h('input', {id: 'search', type: 'search', name: 'q', autocomplete: 'off', autocorrect: 'off',
    spellcheck: 'false', enterkeyhint: 'search', value: lastQuery, 'aria-describedby': 'search-hint'});
  const results = h('div', {id: 'results', 'aria-live': 'polite'});

  const run = async () => {
    const q = input.value.trim();
    lastQuery = q;
    if (q.replace(/[.\-\s/]/g, '').length < 2) {
      results.replaceChildren(message('info', 'Digite ao menos 2 letras do nome, ou o CPF, ou o CNS.'));
      return;
    }
    results.replaceChildren(h('p', {class: 'loading'}, 'Buscando…'));
    try {
      const patients = await searchPatients(q);
      results.replaceChildren(patients.length
        ? h('ul', {class: 'list', 'aria-label': 'Pacientes encontrados'}, patients.map(card))
        : message('info', 'Nenhum paciente encontrado.'));
    } catch (e) {
      if (e instanceof NetworkError) results.replaceChildren(message('error', NETWORK_MESSAGE));
      else if (e instanceof ReadError) results.replaceChildren(message('error', problemMessage(e.status, e.problem,
        {400: 'Busca inválida: use o início do nome (só letras), um CPF válido (11 dígitos) ou um CNS (15 dígitos).'})));
      else throw e;
    }
  };

  mount(
    h('h1', {}, 'Buscar paciente'),
    h('form', {role: 'search', onsubmit: e => { e.preventDefault(); run(); }},
      h('label', {for: 'search'}, 'Nome, CPF ou CNS'),
      input,
      h('p', {class: 'hint', id: 'search-hint'}, 'Ex.: "maria so", "123.456.789-09" ou o número do cartão SUS.'),
      h('button', {type: 'submit', class: 'block', id: 'search-submit'}, 'Buscar')),
    results,
  );
  if (lastQuery) run();
}

function card(p) {
  const details = [p.birthDate ? `${formatDate(p.birthDate)} (${age(p.birthDate)})` : '', SEX[p.sex] || '',
    p.cpf ? `CPF ${p.cpf}` : ''].filter(Boolean).join(' · ');
  return h('li', {}, h('a', {class: 'result', href: `#/paciente/${p.id}`},
    h('strong', {}, p.name), h('br'), h('span', {class: 'meta'}, details)));
}
