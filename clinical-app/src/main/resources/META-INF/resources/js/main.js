// Boot, routing (#/…), the mode banner and the session's life (idle logout, logout).
import {connectionEvents, isReachable, serviceMode, setEntrypoints, watchReconnect, call} from './api.js';
import {loadConfig} from './config.js';
import {h} from './dom.js';
import {icon} from './icons.js';
import {ROLES} from './messages.js';
import {clearAll, drain, entries} from './outbox.js';
import {session, sessionEvents, watchIdle} from './session.js';
import {showLogin} from './screens/login.js';
import {showSearch} from './screens/search.js';
import {showChart} from './screens/chart.js';
import {showNewNote, showNote, showCorrection, showConflict} from './screens/notes.js';
import {showVitals, showAllergy} from './screens/entries.js';
import {showDictation} from './screens/dictation.js';
import {showChat} from './screens/chat.js';
import {showSettings} from './screens/settings.js';

const ROUTES = [
  [/^#\/busca$/, () => showSearch()],
  [/^#\/paciente\/([\w-]+)$/, m => showChart(m[1])],
  [/^#\/paciente\/([\w-]+)\/nota$/, m => showNewNote(m[1])],
  [/^#\/paciente\/([\w-]+)\/nota\/([\w-]+)$/, m => showNote(m[1], m[2])],
  [/^#\/paciente\/([\w-]+)\/nota\/([\w-]+)\/corrigir$/, m => showCorrection(m[1], m[2])],
  [/^#\/paciente\/([\w-]+)\/conflito\/([\w-]+)$/, m => showConflict(m[1], m[2])],
  [/^#\/paciente\/([\w-]+)\/sinais$/, m => showVitals(m[1])],
  [/^#\/paciente\/([\w-]+)\/alergia$/, m => showAllergy(m[1])],
  [/^#\/paciente\/([\w-]+)\/ditado$/, m => showDictation(m[1])],
  [/^#\/paciente\/([\w-]+)\/chat$/, m => showChat(m[1])],
  [/^#\/ajustes$/, () => showSettings()],
];

let loginReason = '';

function route() {
  const hash = location.hash || '#/busca';
  if (!session.active) {
    showLogin(loginReason);
    return;
  }
  loginReason = '';
  const match = ROUTES.map(([re, show]) => [hash.match(re), show]).find(([m]) => m);
  if (match) match[1](match[0]);
  else location.hash = '#/busca';
  document.getElementById('view').focus({preventScroll: true});
  scrollTo(0, 0);
}

function banner() {
  const el = document.getElementById('banner');
  if (serviceMode() === 'emergency') {
    el.className = 'banner banner-emergency';
    el.textContent = 'MODO DE EMERGÊNCIA — nuvem, funções reduzidas';
    if (!isReachable()) el.textContent += ' · reconectando…';
  } else if (!isReachable()) {
    el.className = 'banner banner-reconnecting';
    el.textContent = 'Sem conexão com o servidor — reconectando…';
  } else {
    el.className = 'banner banner-normal';
    el.textContent = 'Modo normal · conectado';
  }
  el.dataset.mode = serviceMode() === 'emergency' ? 'emergency' : (isReachable() ? 'normal' : 'reconnecting');
}

function who() {
  const el = document.getElementById('who');
  const user = session.user;
  if (!user) {
    el.replaceChildren();
    return;
  }
  const role = ROLES[user.roles[0]] || '';
  el.replaceChildren(h('a', {href: '#/ajustes', class: 'button secondary'},
    icon('settings', 'Ajustes'), ` ${user.username}${role ? ' · ' + role : ''}`));
}

/** Logout: the server revokes the refresh token; this phone forgets tokens and pending writes. */
export async function logout(reason = '') {
  const refreshToken = session.refreshToken;
  await clearAll();
  session.end(reason);
  if (refreshToken) {
    call('POST', '/api/v1/auth/logout', {auth: false, json: {refreshToken}}).catch(() => {});
  }
}

/** How many writes of this user are not acknowledged yet (for the logout warning). */
export async function pendingCount() {
  const user = session.user?.username;
  return (await entries()).filter(e => e.user === user).length;
}

async function boot() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
  const config = await loadConfig();
  setEntrypoints(config.entrypoints);
  connectionEvents.addEventListener('change', banner);
  sessionEvents.addEventListener('login', () => { who(); drain(); });
  sessionEvents.addEventListener('logout', e => {
    loginReason = e.detail.reason || '';
    clearAll();
    // the next person to sign in on this phone starts at the search, not at the last patient
    history.replaceState(null, '', '#/busca');
    who();
    route();
  });
  watchIdle(config.idleLogoutSeconds, () => logout('Sessão encerrada após inatividade. Entre de novo.'));
  watchReconnect();
  addEventListener('online', () => drain());
  addEventListener('hashchange', route);
  banner();
  who();
  route();
  drain();
}

boot();
