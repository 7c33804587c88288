import {call, NetworkError} from '../api.js';
import {add, h, message, mount} from '../dom.js';
import {unavailable} from '../features.js';
import {NETWORK_MESSAGE, ROLES} from '../messages.js';
import {cameraInput, faceMessage} from '../photo.js';
import {session} from '../session.js';
import {logout, pendingCount} from '../main.js';

const MAX_PHOTOS = 5;

/** The settings screen; `notice` is a confirmation to show after a re-render ("Rosto cadastrado"). */
export async function showSettings(notice = '') {
  const user = session.user;
  const status = h('div', {'aria-live': 'polite', id: 'settings-status'}, notice ? message('ok', notice) : null);
  const face = h('section', {'aria-labelledby': 'face-title'}, h('h2', {id: 'face-title'}, 'Entrada pelo rosto'));
  const leave = h('section', {'aria-labelledby': 'logout-title'}, h('h2', {id: 'logout-title'}, 'Sair'));
  mount(
    h('h1', {}, 'Ajustes'),
    h('p', {}, `${user.username} · ${user.roles.map(r => ROLES[r] || r).join(', ')}`),
    status, face, leave,
    h('a', {class: 'button secondary block', href: '#/busca'}, 'Voltar à busca'),
  );
  renderLogout(leave);
  const reason = unavailable('face');
  if (reason) return face.append(h('p', {class: 'disabled-reason'}, reason));
  await renderFace(face, status);
}

async function renderLogout(el) {
  const pending = await pendingCount();
  add(el,
    pending ? message('error', `${pending} registro(s) ainda não confirmado(s) pelo servidor serão APAGADOS deste aparelho ao sair.`) : null,
    h('button', {class: 'block danger', id: 'logout', onclick: async () => {
      if (pending && !el.querySelector('#logout-confirm')) {
        el.append(h('button', {class: 'block danger', id: 'logout-confirm', onclick: () => logout()},
          'Sair e apagar os registros pendentes'));
        return;
      }
      await logout();
    }}, 'Sair deste aparelho'));
}

async function renderFace(el, status) {
  let enrolled = null;
  try {
    const reply = await call('GET', '/api/v1/auth/face/enrolment');
    if (reply.ok) enrolled = reply.data;
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
  }
  const photos = [];
  const camera = cameraInput('enrol-photo');
  const count = h('p', {id: 'photo-count'}, 'Nenhuma foto tirada.');
  const send = h('button', {class: 'block', id: 'enrol-send', disabled: true, onclick: async () => {
    status.replaceChildren(message('info', 'Enviando fotos…'));
    try {
      const reply = await call('POST', '/api/v1/auth/face/enrolment', {json: {photos}});
      if (reply.ok) return showSettings('Rosto cadastrado. Na próxima vez, toque em "Entrar com o rosto".');
      status.replaceChildren(message('error', faceMessage(reply.status, reply.data)));
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      status.replaceChildren(message('error', NETWORK_MESSAGE));
    }
  }}, 'Enviar fotos e cadastrar');
  add(el,
    h('p', {}, enrolled?.enrolled ? `Cadastrado (${enrolled.embeddings} foto(s)).` : 'Você ainda não cadastrou o rosto.'),
    h('p', {class: 'hint'}, `Tire de 1 a ${MAX_PHOTOS} fotos de frente, com boa luz, só você na foto. A imagem do rosto fica cifrada no servidor; você pode apagá-la quando quiser.`),
    h('button', {class: 'block secondary', id: 'enrol-photo-take', onclick: async () => {
      const photo = await camera.take();
      if (!photo) return;
      if (photos.length < MAX_PHOTOS) photos.push(photo);
      count.textContent = `${photos.length} foto(s) pronta(s).`;
      send.disabled = false;
    }}, 'Tirar foto'),
    count, send, camera.input,
    enrolled?.enrolled ? h('button', {class: 'block danger', id: 'face-delete', onclick: async () => {
      try {
        const reply = await call('DELETE', '/api/v1/auth/face/enrolment');
        if (reply.ok) return showSettings('Cadastro do rosto apagado.');
        status.replaceChildren(message('error', faceMessage(reply.status, reply.data)));
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        status.replaceChildren(message('error', NETWORK_MESSAGE));
      }
    }}, 'Apagar meu cadastro de rosto') : null,
  );
}
