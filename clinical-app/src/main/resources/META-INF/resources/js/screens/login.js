import {call, NetworkError} from '../api.js';
import {h, message, mount} from '../dom.js';
import {NETWORK_MESSAGE, problemMessage} from '../messages.js';
import {cameraInput, faceMessage} from '../photo.js';
import {session} from '../session.js';
import {unavailable} from '../features.js';

export function showLogin(reason) {
  const status = h('div', {'aria-live': 'polite'}, reason ? message('info', reason) : null);
  const username = h('input', {id: 'username', name: 'username', autocomplete: 'username', autocapitalize: 'none',
    autocorrect: 'off', spellcheck: 'false', required: true, enterkeyhint: 'next'});
  const password = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password',
    required: true, enterkeyhint: 'go'});
  const submit = h('button', {type: 'submit', class: 'block', id: 'login-submit'}, 'Entrar');
  const camera = cameraInput('face-photo');
  const faceReason = unavailable('face');

  const finish = (reply, failure) => {
    if (reply.ok) {
      session.start(reply.data);
      if (!location.hash || location.hash === '#/entrar') location.hash = '#/busca';
      else dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    status.replaceChildren(message('error', failure(reply.status, reply.data)));
  };

  const form = h('form', {novalidate: true, onsubmit: async e => {
    e.preventDefault();
    if (!username.value.trim() || !password.value) {
      status.replaceChildren(message('error', 'Preencha usuário e senha.'));
      return;
    }
    submit.disabled = true;
    status.replaceChildren(message('info', 'Entrando…'));
    try {
      const reply = await call('POST', '/api/v1/auth/login', {auth: false,
        json: {username: username.value.trim(), password: password.value}});
      finish(reply, (s, p) => problemMessage(s, p, {401: 'Usuário ou senha incorretos.',
        429: 'Muitas tentativas: conta bloqueada por alguns minutos. Procure a TI se precisar.'}));
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      status.replaceChildren(message('error', NETWORK_MESSAGE));
    } finally {
      submit.disabled = false;
    }
  }},
  h('label', {for: 'username'}, 'Usuário'), username,
  h('label', {for: 'password'}, 'Senha'), password,
  submit);

  const face = h('button', {type: 'button', class: 'block secondary', id: 'face-login', disabled: !!faceReason,
    onclick: async () => {
      if (!username.value.trim()) {
        status.replaceChildren(message('error', 'Digite seu usuário e depois toque em "Entrar com o rosto".'));
        username.focus();
        return;
      }
      const photo = await camera.take();
      if (!photo) return;
      status.replaceChildren(message('info', 'Verificando o rosto…'));
      try {
        const reply = await call('POST', '/api/v1/auth/face', {auth: false, json: {username: username.value.trim(), photo}});
        finish(reply, faceMessage);
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        status.replaceChildren(message('error', NETWORK_MESSAGE));
      }
    }}, 'Entrar com o rosto (câmera)');

  mount(
    h('h1', {}, 'Entrar no prontuário'),
    status,
    form,
    face,
    faceReason ? h('p', {class: 'disabled-reason'}, faceReason) : h('p', {class: 'hint'},
      'Digite o usuário e tire uma foto do rosto. A senha sempre funciona.'),
    camera.input,
  );
}
