// The app's configuration from the server (GET app/config.json): the entry points it may call
// and the idle logout. The service worker keeps a copy, so it is known when this node is down.
const DEFAULTS = {entrypoints: [], idleLogoutMinutes: 10};

export async function loadConfig() {
  try {
    const response = await fetch('app/config.json', {cache: 'no-cache'});
    if (!response.ok) return DEFAULTS;
    const body = await response.json();
    return {
      entrypoints: Array.isArray(body.entrypoints) ? body.entrypoints.filter(e => typeof e === 'string') : [],
      idleLogoutMinutes: Number(body.idleLogoutMinutes) > 0 ? Number(body.idleLogoutMinutes) : 10,
    };
  } catch {
    return DEFAULTS;
  }
}
