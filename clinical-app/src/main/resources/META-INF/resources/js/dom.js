// A tiny element builder: h('p', {class: 'x', onclick: fn}, 'text', child). Text is always set
// as text (never HTML), so server data cannot inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children, skipping null/undefined/false (the DOM's append would print "null"). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function mount(...children) {
  const view = document.getElementById('view');
  view.replaceChildren();
  append(view, children);
  return view;
}

export function message(kind, text) {
  return h('p', {class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status'}, text);
}

const dateTime = new Intl.DateTimeFormat('pt-BR', {dateStyle: 'short', timeStyle: 'short'});
const dateOnly = new Intl.DateTimeFormat('pt-BR', {dateStyle: 'short', timeZone: 'UTC'});

export function formatDateTime(iso) {
  return iso ? dateTime.format(new Date(iso)) : '';
}

export function formatDate(isoDate) {
  return isoDate ? dateOnly.format(new Date(`${isoDate}T00:00:00Z`)) : '';
}

export function age(isoDate) {
  if (!isoDate) return '';
  const born = new Date(`${isoDate}T00:00:00`);
  const now = new Date();
  let years = now.getFullYear() - born.getFullYear();
  if (now < new Date(now.getFullYear(), born.getMonth(), born.getDate())) years--;
  return `${years} anos`;
}

export function backToChart(patientId) {
  return h('a', {class: 'button secondary block', href: `#/paciente/${patientId}`}, 'Voltar ao prontuário');
}
