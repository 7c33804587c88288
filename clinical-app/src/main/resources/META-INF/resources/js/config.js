// The app's configuration from the server (GET app/config.json): the entry points it may call
// and the idle logout. The service worker keeps a copy, so it is known when this node is down.
const DEFAULTS = {entrypoints: [], idleLogoutSeconds: 600};

export async function loadConfig() {
  try {
    const response = await fetch('app/config.json', {cache: 'no-cache'});
    if (!response.ok) return DEFAULTS;
    const body = await response.json();
    return {
      entrypoints: Array.isArray(body.entrypoints) ? body.entrypoints.filter(e => typeof e === 'string') : [],
      idleLogoutSeconds: Number(body.idleLogoutSeconds) > 0 ? Number(body.idleLogoutSeconds) : 600,
    };
  } catch {
    return DEFAULTS;
  }
}
