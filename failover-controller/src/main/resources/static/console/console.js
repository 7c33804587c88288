// The operators' console (docs/console.md). Plain JavaScript, no build step: the controller serves
// these files as they are. Every value shown comes from /api/v1/console/* with the operator's
// it-ops token; text goes in with textContent only.
'use strict';

const TOKENS = 'console.tokens';
const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
};
const time = (iso) => iso ? new Date(iso).toLocaleString('pt-BR') : '—';
const clock = (iso) => iso ? new Date(iso).toLocaleTimeString('pt-BR') : '—';

const LABELS = {
  role: {active: 'ativo', standby: 'em espera', down: 'fora'},
  pg: {leader: 'líder', sync_standby: 'standby síncrono', replica: 'réplica', standby_leader: 'líder standby', unknown: 'desconhecido'},
  redis: {master: 'master', replica: 'réplica', slave: 'réplica', unknown: 'desconhecido'},
};
const STATE_CLASS = {NORMAL: 'ok', DEGRADED: 'warn', FAILOVER: 'warn', FAILBACK: 'warn', EMERGENCY_CLOUD: 'bad'};

// ---- session: edge-node's own tokens, refreshed through the controller ----
let tokens = JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
let snapshot = null;

function saveTokens(t) {
  tokens = t;
  if (t) sessionStorage.setItem(TOKENS, JSON.stringify(t)); else sessionStorage.removeItem(TOKENS);
}

async function auth(step, body) {
  const r = await fetch('/console/auth/' + step, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  const json = await r.json().catch(() => ({}));
  return {status: r.status, json};
}

async function refreshTokens() {
  if (!tokens || !tokens.refreshToken) return false;
  const r = await auth('refresh', {refreshToken: tokens.refreshToken});
  if (r.status === 200 && r.json.accessToken) { saveTokens(r.json); return true; }
  return false;
}

/** A console API call; a 401 is retried once after a refresh, then the login screen. */
async function api(path, options = {}, retried = false) {
  const headers = Object.assign({'Authorization': 'Bearer ' + (tokens && tokens.accessToken)}, options.headers || {});
  if (options.body && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, Object.assign({}, options, {headers}));
  if (r.status === 401 && !retried && await refreshTokens()) return api(path, options, true);
  if (r.status === 401 || r.status === 403) {
    const problem = await r.json().catch(() => ({}));
    showLogin(r.status === 403 ? 'Acesso recusado: ' + (problem.detail || 'é preciso o papel it-ops') : 'Sessão expirada: entre de novo.');
    throw new Error('refused ' + r.status);
  }
  return r;
}

function showLogin(message) {
  saveTokens(null);
  stopStream();
  $('#console-view').hidden = true;
  $('#who').hidden = true;
  $('#login-view').hidden = false;
  $('#login-error').textContent = message || '';
}

$('#login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#login-error').textContent = '';
  const r = await auth('login', {username: $('#username').value, password: $('#password').value});
  if (r.status !== 200 || !r.json.accessToken) {
    $('#login-error').textContent = r.json.detail || 'Usuário ou senha inválidos.';
    return;
  }
  saveTokens(r.json);
  $('#password').value = '';
  start();
});

$('#logout').addEventListener('click', () => showLogin('Você saiu.'));

async function start() {
  let me;
  try {
    me = await (await api('/api/v1/console/me')).json();
  } catch (e) {
    return;
  }
  $('#operator').textContent = me.operator;
  $('#login-view').hidden = true;
  $('#console-view').hidden = false;
  $('#who').hidden = false;
  showTab();
  openStream();
}

// ---- tabs ----
function showTab() {
  const id = (location.hash || '#ao-vivo').slice(1);
  document.querySelectorAll('.tab').forEach(s => { s.hidden = s.id !== id; });
  document.querySelectorAll('.tabs a').forEach(a => {
    if (a.dataset.tab === id) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (id === 'decisoes') loadDecisions();
  if (id === 'testes') loadDrills();
  if (id === 'acoes') loadAudit();
}
window.addEventListener('hashchange', () => { if (!$('#console-view').hidden) showTab(); });

// ---- live view: server-sent events read with fetch (EventSource cannot send the token) ----
let streamAbort = null;
function stopStream() { if (streamAbort) { streamAbort.abort(); streamAbort = null; } }

async function openStream() {
  stopStream();
  const abort = new AbortController();
  streamAbort = abort;
  while (!abort.signal.aborted) {
    try {
      const r = await api('/api/v1/console/live', {signal: abort.signal, headers: {'Accept': 'text/event-stream'}});
      setStream('ao vivo', 'ok');
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      if (abort.signal.aborted || String(e.message).startsWith('refused')) return;
    }
    setStream('reconectando…', 'warn');
    await new Promise(res => setTimeout(res, 2000));
  }
}

function setStream(text, cls) {
  const s = $('#stream-state');
  s.textContent = text;
  s.className = 'pill ' + cls;
}

function dispatch(block) {
  let event = 'message', data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).replace(/^ /, '');
  }
  if (!data) return;
  const payload = JSON.parse(data);
  if (event === 'snapshot') renderSnapshot(payload);
  if (event === 'job') renderJob(payload);
}

function renderSnapshot(s) {
  snapshot = s;
  const c = s.controller;
  const state = $('#controller-state');
  state.textContent = c.state;
  state.className = 'state ' + (STATE_CLASS[c.state] || '');
  $('#active-node').textContent = c.activeNode || '—';
  $('#maintenance').textContent = c.maintenance ? 'ligada' : 'desligada';
  $('#cloud-active').textContent = c.cloudActive ? 'ATIVA' : 'inativa';
  $('#acting-replica').textContent = c.actingReplica || 'nenhuma';
  $('#updated-at').textContent = clock(s.at);
  const replica = $('#replica');
  replica.textContent = 'Réplica ' + c.replica + (c.acting ? ' · atuante' : ' · observadora');
  replica.dataset.acting = String(c.acting);
  const cards = $('#nodes');
  cards.replaceChildren(...s.nodes.map(nodeCard), witnessCard(s.witness), cloudCard(s.cloud, c.cloudActive));
  const hap = $('#haproxy tbody');
  const rows = [];
  for (const ep of s.entryPoints) {
    if (!ep.answers) rows.push(el('tr', {}, el('td', {text: ep.runtimeApi}), el('td', {text: ep.backend}), el('td', {text: '—'}), el('td', {}, el('span', {class: 'pill bad', text: 'sem resposta'}))));
    for (const [server, status] of Object.entries(ep.servers)) {
      rows.push(el('tr', {'data-server': server}, el('td', {text: ep.runtimeApi}), el('td', {text: ep.backend}), el('td', {text: server}),
        el('td', {}, el('span', {class: 'pill ' + haproxyClass(status), text: status}))));
    }
  }
  hap.replaceChildren(...rows);
  renderAlerts(s.alerts);
  renderLastDecision(c.lastDecision);
  renderActions(s);
}

function haproxyClass(status) {
  if (status.startsWith('UP')) return 'ok';
  if (status.startsWith('MAINT') || status.startsWith('DRAIN') || status.startsWith('no check')) return 'warn';
  return 'bad';
}

function fields(pairs) {
  const dl = el('dl');
  for (const [label, value, key] of pairs) {
    dl.append(el('dt', {text: label}), el('dd', {'data-field': key, text: value}));
  }
  return dl;
}

function nodeCard(n) {
  const lagBytes = n.lagBytes == null ? '—' : n.lagBytes + ' B';
  const lagSeconds = n.lagSeconds == null ? '—' : n.lagSeconds.toFixed(1) + ' s';
  return el('article', {class: 'card ' + n.role, id: 'node-' + n.name, 'aria-label': 'Nó ' + n.name},
    el('h4', {}, el('span', {text: n.name}), el('span', {class: 'pill ' + (n.role === 'active' ? 'ok' : n.role === 'down' ? 'bad' : ''), 'data-field': 'role', text: LABELS.role[n.role] || n.role})),
    fields([
      ['Saúde', n.status, 'status'],
      ['PostgreSQL', LABELS.pg[n.pgRole] || n.pgRole, 'pg-role'],
      ['Replicação', n.pgState, 'pg-state'],
      ['Lag', lagBytes + ' · ' + lagSeconds, 'lag'],
      ['Redis', LABELS.redis[n.redisRole] || n.redisRole, 'redis'],
      ['App (prontidão)', n.appReady ? 'pronta' : 'falhou: ' + n.app, 'app'],
      ['Patroni', n.patroniAnswers ? 'responde' : 'sem resposta', 'patroni'],
      ['Falhas de sonda', 'app ' + n.appFailures + ' · patroni ' + n.patroniFailures, 'failures'],
    ]));
}

function witnessCard(w) {
  const count = (list) => list.filter(m => m.answers).length + '/' + list.length;
  const down = [...w.etcd, ...w.sentinels].some(m => !m.answers);
  return el('article', {class: 'card ' + (down ? 'down' : 'standby'), id: 'node-witness', 'aria-label': 'Testemunha'},
    el('h4', {}, el('span', {text: 'witness (quórum)'}), el('span', {class: 'pill ' + (down ? 'bad' : 'ok'), text: down ? 'incompleto' : 'completo'})),
    fields([
      ['etcd respondendo', count(w.etcd), 'etcd'],
      ['Sentinels respondendo', count(w.sentinels), 'sentinels'],
      ['PostgreSQL', 'nenhum (só quórum)', 'pg-role'],
    ]));
}

function cloudCard(cloud, active) {
  const delay = cloud.delaySeconds == null ? '—' : cloud.delaySeconds.toFixed(1) + ' s';
  return el('article', {class: 'card ' + (active ? 'active' : 'standby'), id: 'node-cloud', 'aria-label': 'Site na nuvem'},
    el('h4', {}, el('span', {text: 'nuvem (GKE)'}), el('span', {class: 'pill ' + (active ? 'bad' : 'ok'), 'data-field': 'active', text: active ? 'ATIVA' : 'em espera'})),
    cloud.configured ? fields([
      ['Patroni', LABELS.pg[cloud.patroniRole] || cloud.patroniRole, 'pg-role'],
      ['Estado', cloud.patroniState, 'pg-state'],
      ['Banco', cloud.database, 'database'],
      ['Atraso do standby', delay, 'lag'],
    ]) : el('p', {class: 'muted', text: 'Sem site na nuvem configurado.'}));
}

function renderAlerts(alerts) {
  const names = ['MacStudioDown', 'DatabaseReplicationLag', 'GCPFallbackActivated', 'HAClusterDegraded', 'RestoreDrillOverdue', 'AuditChainTampered'];
  const rows = [];
  for (const name of names) {
    const active = alerts.filter(a => a.name === name);
    if (active.length === 0) {
      rows.push(el('tr', {'data-alert': name}, el('td', {text: name}), el('td', {text: '—'}), el('td', {}, el('span', {class: 'pill ok', text: 'inativo'})), el('td', {text: '—'})));
    }
    for (const a of active) {
      rows.push(el('tr', {'data-alert': name, 'data-firing': String(a.firing)},
        el('td', {text: a.summary}), el('td', {text: a.severity}),
        el('td', {}, el('span', {class: 'pill ' + (a.firing ? 'bad' : 'warn'), text: a.firing ? 'DISPARANDO' : 'pendente'})),
        el('td', {text: clock(a.since)})));
    }
  }
  $('#alerts tbody').replaceChildren(...rows);
}

function renderLastDecision(e) {
  const box = $('#last-decision');
  box.replaceChildren(e ? decisionItem(e, 'div') : el('span', {text: 'Nenhuma decisão registrada.'}));
}

// ---- decisions ----
// the controller's typed outcomes decide; the results lines are text for people
function decisionFailed(e) {
  return (e.outcomes || []).some(o => o.outcome && o.outcome.type === 'failed');
}

function list(items) {
  if (!items || items.length === 0) return el('span', {class: 'muted', text: 'nada'});
  return el('ul', {}, ...items.map(i => el('li', {text: typeof i === 'string' ? i : JSON.stringify(i)})));
}

function decisionItem(e, tag = 'li') {
  const observed = [e.trigger === 'probe' ? 'sondas' : e.trigger, e.from + ' → ' + e.to];
  if (e.detectedAt) observed.push('primeira falha ' + clock(e.detectedAt) + (e.detectionMillis != null ? ' (detecção ' + (e.detectionMillis / 1000).toFixed(1) + ' s)' : ''));
  return el(tag, {class: 'decision' + (decisionFailed(e) ? ' failed' : ''), 'data-sequence': String(e.sequence)},
    el('header', {}, el('strong', {text: '#' + e.sequence + ' · ' + e.from + ' → ' + e.to}),
      el('span', {text: time(e.decidedAt)}), el('span', {class: 'muted', text: 'ativo: ' + (e.activeNode || '—') + ' · ' + e.controller})),
    el('dl', {},
      el('dt', {text: 'Observado'}), el('dd', {'data-part': 'observed', text: observed.join(' · ')}),
      el('dt', {text: 'Por quê'}), el('dd', {'data-part': 'why'}, list(e.reasons)),
      el('dt', {text: 'Feito'}), el('dd', {'data-part': 'done'}, list(e.actions)),
      el('dt', {text: 'Resultado'}), el('dd', {'data-part': 'outcome'}, list(e.results),
        el('span', {class: 'muted', text: 'ação em ' + (e.actionMillis / 1000).toFixed(1) + ' s'}))));
}

async function loadDecisions() {
  const f = new FormData($('#decision-filters'));
  const q = new URLSearchParams();
  for (const key of ['node', 'state']) if (f.get(key)) q.set(key, f.get(key));
  for (const key of ['since', 'until']) if (f.get(key)) q.set(key, new Date(f.get(key)).toISOString());
  const r = await api('/api/v1/console/decisions?' + q);
  const events = await r.json();
  const ol = $('#decisions');
  ol.replaceChildren(...(events.length ? events.map(e => decisionItem(e)) : [el('li', {class: 'muted', text: 'Nenhuma decisão com esses filtros.'})]));
}
$('#decision-filters').addEventListener('submit', (ev) => { ev.preventDefault(); loadDecisions(); });

// ---- drills ----
let charts = null;
async function loadDrills() {
  const d = await (await api('/api/v1/console/drills')).json();
  const select = $('#drill-scenario');
  const chosen = select.value;
  select.replaceChildren(...d.allowed.map(s => el('option', {value: s.id, text: s.id})));
  if (chosen) select.value = chosen;
  $('#drill-start').disabled = !d.canStart;
  $('#drill-site').textContent = (d.production ? 'Site de produção: só os testes seguros.' : 'Cluster local: todos os cenários.')
    + (d.canStart ? '' : ' Esta réplica não tem edgectl para iniciar testes.');
  if (d.current) {
    if (d.current.exitCode != null) refreshedAfterJob = d.current.id; // these lists are fresh
    renderJob(d.current);
  }
  const rows = d.history.slice().reverse().map(r => {
    const rtos = r.runDetails.map(x => x.rtoSeconds).filter(x => x != null);
    const lost = r.runDetails.reduce((sum, x) => sum + x.lostAcknowledgedWrites, 0);
    const open = r.hasHtml ? el('button', {type: 'button', class: 'link-dark', 'data-report': r.id, text: 'Abrir'}) : el('span', {text: '—'});
    return el('tr', {'data-report-row': r.id}, el('td', {text: time(r.startedAt)}), el('td', {text: r.scenario}),
      el('td', {text: r.passedRuns + '/' + r.runs}), el('td', {text: rtos.length ? Math.max(...rtos).toFixed(2) : '—'}),
      el('td', {text: String(lost)}), el('td', {}, el('span', {class: 'pill ' + (r.passed ? 'ok' : 'bad'), text: r.passed ? 'passou' : 'falhou'})),
      el('td', {}, open));
  });
  $('#drill-history tbody').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', {colspan: '7', class: 'muted', text: 'Nenhum teste ainda.'}))]));
  renderCharts(d.history);
}

$('#drill-history').addEventListener('click', async (ev) => {
  const id = ev.target.dataset && ev.target.dataset.report;
  if (!id) return;
  const win = window.open('', '_blank');
  const html = await (await api('/api/v1/console/drills/' + encodeURIComponent(id) + '/report')).text();
  const url = URL.createObjectURL(new Blob([html], {type: 'text/html'}));
  if (win) win.location = url; else location.href = url;
});

function renderCharts(history) {
  if (!window.echarts) return;
  if (!charts) charts = {rto: echarts.init($('#chart-rto')), lost: echarts.init($('#chart-lost'))};
  const byScenario = {};
  for (const r of history) for (const run of r.runDetails) {
    (byScenario[r.scenario] = byScenario[r.scenario] || []).push(run);
  }
  const series = (value) => Object.entries(byScenario).map(([name, runs]) => ({
    name, type: 'line', showSymbol: true, connectNulls: true,
    data: runs.map(run => [run.startedAt, value(run)]),
  }));
  const empty = Object.keys(byScenario).length === 0;
  const option = (data, unit) => ({
    animation: false, tooltip: {trigger: 'axis'}, legend: {type: 'scroll', bottom: 0},
    title: empty ? {text: 'Nenhum teste ainda', left: 'center', top: 'middle', textStyle: {color: '#4a5561', fontSize: 14, fontWeight: 'normal'}} : {show: false},
    grid: {left: 48, right: 16, top: 16, bottom: 48},
    xAxis: {type: 'time'}, yAxis: {type: 'value', name: unit, minInterval: unit === 's' ? 0 : 1}, series: data,
  });
  charts.rto.setOption(option(series(run => run.rtoSeconds), 's'), true);
  charts.lost.setOption(option(series(run => run.lostAcknowledgedWrites), ''), true);
  charts.rto.resize();
  charts.lost.resize();
}

$('#drill-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const scenario = $('#drill-scenario').value;
  const safe = ['health-check-validation', 'planned-switchover'].includes(scenario);
  const ok = await confirmAction('Iniciar o teste ' + scenario + '?',
    (safe ? 'Roda sob carga clínica sintética e mede RTO e RPO; ' : 'Injeta uma falha real no cluster (mata ou congela processos); ')
    + 'o controlador reage como numa falha verdadeira e o relatório fica em drills/.', 'Iniciar ' + scenario);
  if (!ok) return;
  const r = await api('/api/v1/console/drills', {method: 'POST', body: JSON.stringify({scenario})});
  if (r.status === 202) renderJob(await r.json()); else showProblem(r, $('#drill-site'));
});

// the job whose end already refreshed the lists: loadDrills renders the finished job again, and
// refreshing on every render looped (fetch, render, fetch…) for as long as the tab stayed open
let refreshedAfterJob = null;

function renderJob(job) {
  const box = $('#job');
  box.className = 'job';
  const state = job.exitCode == null ? 'em andamento' : job.exitCode === 0 ? 'terminou bem (código 0)' : 'terminou com código ' + job.exitCode;
  box.dataset.state = job.exitCode == null ? 'running' : job.exitCode === 0 ? 'passed' : 'failed';
  box.replaceChildren(el('div', {text: job.title + ' — por ' + job.operator + ' — ' + state}),
    ...job.lines.map(l => el('div', {text: clock(l.at) + '  ' + l.text})));
  box.scrollTop = box.scrollHeight;
  if (job.exitCode == null || refreshedAfterJob === job.id) return;
  refreshedAfterJob = job.id;
  if (!$('#testes').hidden) loadDrills();
  if (!$('#acoes').hidden) loadAudit();
}

// ---- actions ----
function confirmAction(title, consequence, confirmLabel) {
  const dialog = $('#confirm');
  $('#confirm-title').textContent = title;
  $('#confirm-consequence').textContent = consequence;
  $('#confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(res => dialog.addEventListener('close', () => res(dialog.returnValue === 'ok'), {once: true}));
}

async function showProblem(r, target) {
  const p = await r.json().catch(() => ({}));
  target.textContent = 'Recusado (' + r.status + '): ' + (p.detail || r.statusText);
  target.className = 'error';
}

function syncStandby() {
  const n = snapshot && snapshot.nodes.find(x => x.pgRole === 'sync_standby');
  return n ? n.name : null;
}
function leader() {
  const n = snapshot && snapshot.nodes.find(x => x.pgRole === 'leader');
  return n ? n.name : null;
}

function renderActions(s) {
  const target = syncStandby();
  const sw = $('#act-switchover');
  sw.textContent = target ? 'Switchover planejado para ' + target + '…' : 'Switchover planejado (sem standby síncrono)';
  sw.disabled = !target;
  $('#act-maintenance').textContent = s.controller.maintenance ? 'Desligar manutenção…' : 'Ligar manutenção…';
}

async function act(path, method, body, result) {
  const r = await api(path, {method, body: body && JSON.stringify(body)});
  const out = $('#action-result');
  if (r.ok) {
    out.className = '';
    out.textContent = result;
    if (r.status === 202) renderJob(await r.json());
  } else {
    await showProblem(r, out);
  }
  loadAudit();
}

$('#act-switchover').addEventListener('click', async () => {
  const to = syncStandby();
  const from = leader();
  if (!to) return;
  if (await confirmAction('Switchover planejado para ' + to + '?',
      'O líder PostgreSQL passa de ' + (from || 'o líder atual') + ' para ' + to + ' e o tráfego clínico vai para ' + to
      + '. As escritas pausam alguns segundos; nada confirmado se perde (o standby é síncrono).', 'Mover o líder para ' + to)) {
    act('/api/v1/console/actions/switchover', 'POST', {to}, 'Switchover pedido: acompanhe em Ao vivo e Decisões.');
  }
});

$('#act-maintenance').addEventListener('click', async () => {
  const on = !(snapshot && snapshot.controller.maintenance);
  const consequence = on
    ? 'O controlador para de decidir sozinho: uma falha de nó NÃO move o papel ativo nem ativa a nuvem até você desligar a manutenção.'
    : 'O controlador volta a decidir sozinho: failover e ativação da nuvem voltam a ser automáticos.';
  if (await confirmAction((on ? 'Ligar' : 'Desligar') + ' a manutenção?', consequence, on ? 'Ligar manutenção' : 'Desligar manutenção')) {
    act('/api/v1/console/actions/maintenance', 'PUT', {enabled: on}, 'Manutenção ' + (on ? 'ligada.' : 'desligada.'));
  }
});

$('#act-cloud').addEventListener('click', async () => {
  if (await confirmAction('Ativar o site de emergência na nuvem?',
      'O standby da nuvem é promovido e os clínicos passam ao modo de emergência (cerca de 25% das funções, 50 usuários). '
      + 'O que os nós ainda não replicaram fica de fora até o failback. Use só com os dois nós fora.', 'Ativar a nuvem')) {
    act('/api/v1/console/actions/cloud-activation', 'POST', null, 'Ativação da nuvem iniciada.');
  }
});

$('#act-failback').addEventListener('click', async () => {
  if (await confirmAction('Fazer o failback para a borda?',
      'As escritas da nuvem são trazidas para a borda, os clínicos voltam aos nós e o standby da nuvem é recriado a partir da borda. '
      + 'O modo de emergência termina.', 'Fazer failback')) {
    act('/api/v1/console/actions/failback', 'POST', null, 'Failback iniciado.');
  }
});

async function loadAudit() {
  const entries = await (await api('/api/v1/console/audit')).json();
  $('#audit tbody').replaceChildren(...(entries.length ? entries.map(a => el('tr', {},
    el('td', {text: time(a.at)}), el('td', {text: a.operator}), el('td', {text: a.replica}), el('td', {text: a.action}),
    el('td', {text: a.phase}), el('td', {text: a.detail}))) : [el('tr', {}, el('td', {colspan: '6', class: 'muted', text: 'Nenhuma ação ainda.'}))]));
}

// ---- boot ----
if (tokens) start(); else showLogin('');
