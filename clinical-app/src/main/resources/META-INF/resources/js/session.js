// The signed-in user's tokens. Kept in sessionStorage (this tab only, gone when the tab or the
// installed app is closed) so that iOS reloading a backgrounded page does not log the clinician
// out mid-round; never localStorage, and nothing clinical is stored here.
const KEY = 'prontuario.session';
const ACTIVITY = 'prontuario.lastActivity';
export const sessionEvents = new EventTarget();

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch {
    return {};
  }
}

export const session = {
  get active() {
    return read() !== null;
  },
  get accessToken() {
    return read()?.accessToken || null;
  },
  get refreshToken() {
    return read()?.refreshToken || null;
  },
  get user() {
    const s = read();
    if (!s) return null;
    const c = claims(s.accessToken);
    const roles = Array.isArray(c.roles) ? c.roles : (c.roles ? [c.roles] : []);
    return {username: c.sub || '', roles};
  },
  start(tokens) {
    sessionStorage.setItem(KEY, JSON.stringify({accessToken: tokens.accessToken, refreshToken: tokens.refreshToken}));
    touch();
    sessionEvents.dispatchEvent(new Event('login'));
  },
  /** Ends the session locally; reason is a pt-BR sentence for the login screen. */
  end(reason = '') {
    const had = read() !== null;
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(ACTIVITY);
    if (had) sessionEvents.dispatchEvent(new CustomEvent('logout', {detail: {reason}}));
  },
};

function touch() {
  sessionStorage.setItem(ACTIVITY, String(Date.now()));
}

/** Logs out after `seconds` without a touch or key press; checked also when the phone wakes. */
export function watchIdle(seconds, onIdle) {
  const limit = Math.max(10, seconds) * 1000;
  for (const type of ['pointerdown', 'keydown', 'touchstart']) {
    addEventListener(type, () => session.active && touch(), {passive: true});
  }
  const check = () => {
    const last = Number(sessionStorage.getItem(ACTIVITY) || 0);
    if (session.active && last && Date.now() - last > limit) onIdle();
  };
  document.addEventListener('visibilitychange', check);
  setInterval(check, Math.min(15_000, limit / 4));
  check();
}
