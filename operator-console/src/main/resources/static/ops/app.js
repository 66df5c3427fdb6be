// Housecall operator page: Keycloak login (authorization code + PKCE), the live event stream read with fetch and
// an Authorization header (never a token in a URL), timelines, safety alerts and dead letters. No libraries.
'use strict';

const $ = (id) => document.getElementById(id);
const SAFETY_ALERT = 'com.housecall.safety.alert';
const SAFETY_ACKNOWLEDGED = 'com.housecall.safety.acknowledged';
const MAX_ROWS = 500;
const auth = { token: null, refreshToken: null, config: null, timer: null };
const state = { lastId: null, abort: null, paused: [], counts: {}, alerts: new Map() };

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  children.forEach((child) => node.append(child));
  return node;
}

// ---- login -----------------------------------------------------------------------------------------------
const redirectUri = () => location.origin + location.pathname;
const endpoint = (name) => `${auth.config.issuer}/protocol/openid-connect/${name}`;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function login() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const loginState = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('ops.pkce', JSON.stringify({ verifier, state: loginState }));
  const query = new URLSearchParams({ client_id: auth.config.clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri(), state: loginState, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${endpoint('auth')}?${query}`);
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), { method: 'POST', body: new URLSearchParams(form),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  if (!response.ok) throw new Error('token request refused');
  const tokens = await response.json();
  auth.token = tokens.access_token;
  auth.refreshToken = tokens.refresh_token;
  clearTimeout(auth.timer);
  auth.timer = setTimeout(refresh, Math.max(10, (tokens.expires_in || 300) - 30) * 1000);
  const claims = JSON.parse(atob(auth.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  $('who').textContent = claims.preferred_username || 'signed in';
}

async function refresh() {
  try {
    await tokenRequest({ grant_type: 'refresh_token', client_id: auth.config.clientId, refresh_token: auth.refreshToken });
  } catch (e) {
    await login();
  }
}

async function signIn() {
  auth.config = await (await fetch('config.json')).json();
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem('ops.pkce') || 'null');
  if (params.has('code') && pending && params.get('state') === pending.state) {
    sessionStorage.removeItem('ops.pkce');
    history.replaceState(null, '', redirectUri()); // the code leaves the address bar
    await tokenRequest({ grant_type: 'authorization_code', client_id: auth.config.clientId, code: params.get('code'),
      redirect_uri: redirectUri(), code_verifier: pending.verifier });
    return true;
  }
  await login();
  return false;
}

async function api(path, options = {}) {
  const call = () => fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${auth.token}` } });
  let response = await call();
  if (response.status === 401) {
    await refresh();
    response = await call();
  }
  return response;
}

// ---- live stream -----------------------------------------------------------------------------------------
async function connect() {
  if (state.abort) state.abort.abort();
  const abort = new AbortController();
  state.abort = abort;
  const query = new URLSearchParams();
  if ($('filter-type').value.trim()) query.set('type', $('filter-type').value.trim());
  if ($('filter-consultation').value.trim()) query.set('consultationId', $('filter-consultation').value.trim());
  const headers = { Accept: 'text/event-stream' };
  if (state.lastId) headers['Last-Event-ID'] = state.lastId;
  try {
    const response = await api(`/api/ops/events?${query}`, { headers, signal: abort.signal });
    if (!response.ok) throw new Error(`stream answered ${response.status}`);
    setStreamState('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        onBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (e) {
    if (abort.signal.aborted) return;
  }
  if (state.abort === abort) {
    setStreamState('reconnecting');
    setTimeout(connect, 2000); // resumes after state.lastId
  }
}

function setStreamState(text) {
  $('stream-state').textContent = text;
  $('stream-state').className = `state ${text}`;
}

function onBlock(block) {
  const message = { id: null, event: null, data: [] };
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // a comment (heartbeat) or nothing
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') message.data.push(value);
    else if (field === 'id' || field === 'event') message[field] = value;
  }
  if (!message.data.length) return;
  if (message.id) state.lastId = message.id;
  onEvent(JSON.parse(message.data.join('\n')));
}

function onEvent(event) {
  state.counts[event.type] = (state.counts[event.type] || 0) + 1;
  renderCounts();
  if (event.type === SAFETY_ALERT || event.type === SAFETY_ACKNOWLEDGED) trackAlert(event);
  if ($('pause').checked) {
    state.paused.push(event);
    $('queued').textContent = `${state.paused.length} waiting`;
  } else {
    addRow(event);
  }
}

function renderCounts() {
  $('counts').replaceChildren(...Object.entries(state.counts).sort()
    .map(([type, n]) => el('li', { textContent: `${type.replace('com.housecall.', '')}: ${n}` })));
}

// UTC to the second, wrapping between date and time; the exact instant on hover
function timeCell(iso) {
  return el('td', { className: 'time', title: iso || '', textContent: (iso || '').replace('T', ' ').replace(/\.\d+/, '') });
}

function consultationLink(id) {
  const link = el('a', { className: 'consultation', textContent: id, href: '#' });
  link.addEventListener('click', (e) => { e.preventDefault(); showTimeline(id); });
  return link;
}

function addRow(event) {
  const row = el('tr', { className: event.type === SAFETY_ALERT ? 'safety-alert' : '' },
    timeCell(event.time), el('td', { textContent: event.type.replace('com.housecall.', '') }),
    el('td', {}, consultationLink(event.subject)), el('td', { className: 'data', textContent: JSON.stringify(event.data) }));
  row.dataset.id = event.id;
  $('events').prepend(row);
  while ($('events').children.length > MAX_ROWS) $('events').lastChild.remove();
}

// ---- safety alerts -----------------------------------------------------------------------------------------
function trackAlert(event) {
  const alertId = event.data.alertId || event.id;
  const alert = state.alerts.get(alertId) || { consultationId: event.subject };
  if (event.type === SAFETY_ALERT) alert.raisedAt = event.data.raisedAt || event.time;
  else alert.acknowledgedAt = event.data.acknowledgedAt || event.time;
  state.alerts.set(alertId, alert);
  $('alerts').replaceChildren(...[...state.alerts.values()].reverse().map((a) => el('li',
    { className: a.acknowledgedAt ? 'alert-acknowledged' : 'alert-open' },
    a.acknowledgedAt ? `Acknowledged ${a.acknowledgedAt} · ` : `NOT ACKNOWLEDGED · raised ${a.raisedAt || '?'} · `,
    consultationLink(a.consultationId))));
}

// ---- timeline ----------------------------------------------------------------------------------------------
async function showTimeline(id) {
  const response = await api(`/api/ops/consultations/${encodeURIComponent(id)}/timeline`);
  $('timeline-panel').hidden = false;
  $('timeline-id').textContent = id;
  if (!response.ok) {
    $('timeline').replaceChildren(el('li', { textContent: `Could not load (${response.status})` }));
    return;
  }
  const body = await response.json();
  $('timeline').replaceChildren(...body.items.map((e) => el('li', { className: e.type === SAFETY_ALERT ? 'alert-open' : '' },
    el('b', { textContent: e.type.replace('com.housecall.', '') }), ` ${e.time} `,
    el('code', { textContent: JSON.stringify(e.data) }))));
}

// ---- dead letters ------------------------------------------------------------------------------------------
let deadLetterLoads = 0;

async function loadDeadLetters() {
  const load = ++deadLetterLoads;
  const response = await api('/api/ops/dead-letters?size=100');
  if (load !== deadLetterLoads) return; // a newer load (after a replay, say) will draw the list
  if (!response.ok) {
    $('dead-letter-message').textContent = `Could not load dead letters (${response.status})`;
    return;
  }
  const body = await response.json();
  $('dead-letters').replaceChildren(...body.items.map((d) => {
    const button = el('button', { type: 'button', textContent: d.replayedAt ? 'Replayed' : 'Replay', disabled: !!d.replayedAt });
    button.dataset.id = d.id;
    button.addEventListener('click', () => replay(d.id));
    return el('tr', {}, timeCell(d.failedAt), el('td', { textContent: d.originalTopic || d.topic }),
      el('td', { textContent: consumerOf(d) }),
      el('td', { textContent: (d.type || '').replace('com.housecall.', '') }),
      el('td', {}, d.subject ? consultationLink(d.subject) : ''),
      el('td', { className: 'reason', textContent: (d.reason || '') + (d.phi ? ' (PHI topic: metadata only)' : '') }),
      el('td', { textContent: d.replayedAt ? `by ${d.replayedBy} ` : '' }, button));
  }));
  if (!body.items.length) $('dead-letters').replaceChildren(el('tr', {}, el('td', { className: 'empty', colSpan: 7, textContent: 'No dead letters.' })));
}

// the consumer group that gave up: <original topic>.<group>.dlq
function consumerOf(d) {
  const prefix = `${d.originalTopic}.`;
  return d.originalTopic && d.topic.startsWith(prefix) && d.topic.endsWith('.dlq') ? d.topic.slice(prefix.length, -4) : '';
}

async function replay(id) {
  const response = await api(`/api/ops/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' });
  $('dead-letter-message').textContent = response.ok ? `Replayed ${id}`
    : response.status === 409 ? `${id} was already replayed` : `Replay of ${id} failed (${response.status})`;
  await loadDeadLetters();
}

// ---- start -------------------------------------------------------------------------------------------------
$('filters').addEventListener('submit', (e) => { e.preventDefault(); state.lastId = null; $('events').replaceChildren(); connect(); });
$('pause').addEventListener('change', () => {
  if ($('pause').checked) return;
  state.paused.splice(0).forEach(addRow);
  $('queued').textContent = '';
});
$('reload-dead-letters').addEventListener('click', loadDeadLetters);
$('logout').addEventListener('click', () => {
  const query = new URLSearchParams({ client_id: auth.config.clientId, post_logout_redirect_uri: redirectUri() });
  location.assign(`${endpoint('logout')}?${query}`);
});

signIn().then((signedIn) => {
  if (!signedIn) return;
  connect();
  loadDeadLetters();
}).catch(() => { $('who').textContent = 'Sign-in failed: reload the page'; });
