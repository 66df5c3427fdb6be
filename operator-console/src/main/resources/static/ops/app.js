// Housecall operator page: Keycloak login (authorization code + PKCE), the live event stream read with fetch and
// an Authorization header (never a token in a URL), timelines, safety alerts and dead letters. No libraries.
'use strict';

const $ = (id) => document.getElementById(id);
const SAFETY_ALERT = 'com.housecall.safety.alert';
const SAFETY_ACKNOWLEDGED = 'com.housecall.safety.acknowledged';
const SAFETY_WITHDRAWN = 'com.housecall.safety.withdrawn';
// a visit record's escalation (issue 19) is shown like a safety alert: raised, repeated, acknowledged
const VISIT_ESCALATED = 'com.housecall.visit.escalated';
const VISIT_ESCALATION_ACKNOWLEDGED = 'com.housecall.visit.escalation-acknowledged';
const MAX_ROWS = 500;
const auth = { token: null, refreshToken: null, config: null, timer: null, operator: false };
const state = { paused: [], counts: {}, alerts: new Map() };

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
  auth.operator = ((claims.realm_access || {}).roles || []).includes('operator');
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

// ---- streams ---------------------------------------------------------------------------------------------
// Two streams of GET /api/ops/events, each resuming after its own last id when the connection drops: the table
// (from now, with the operator's filters) and the safety alerts (from the oldest retained event, whatever the
// filters, so an alert raised before the page opened and still not acknowledged is on screen).
const FROM_OLDEST = 'oldest'; // an id the console never issued: the contract starts it at the oldest retained event
const streams = {
  events: { lastId: null, abort: null, query: eventQuery, onEvent, onState: setStreamState },
  alerts: { lastId: FROM_OLDEST, abort: null, query: () => new URLSearchParams({ type: 'com.housecall.safety.' }),
    onEvent: trackAlert, onState: () => {} },
  escalations: { lastId: FROM_OLDEST, abort: null,
    query: () => new URLSearchParams({ type: 'com.housecall.visit.escalat' }), onEvent: trackAlert, onState: () => {} },
};

function eventQuery() {
  const query = new URLSearchParams();
  if ($('filter-type').value.trim()) query.set('type', $('filter-type').value.trim());
  if ($('filter-consultation').value.trim()) query.set('consultationId', $('filter-consultation').value.trim());
  return query;
}

async function follow(stream) {
  if (stream.abort) stream.abort.abort();
  const abort = new AbortController();
  stream.abort = abort;
  const headers = { Accept: 'text/event-stream' };
  if (stream.lastId) headers['Last-Event-ID'] = stream.lastId;
  try {
    const response = await api(`/api/ops/events?${stream.query()}`, { headers, signal: abort.signal });
    if (!response.ok) throw new Error(`stream answered ${response.status}`);
    stream.onState('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = parseMessage(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!message) continue;
        if (message.name === 'stream-limit') { // this operator opened newer streams (another tab): do not fight them
          stream.abort = null;
          stream.onState('opened elsewhere');
          return;
        }
        if (message.name === 'auth-expired') continue; // the stream ends now; it resumes below with the renewed token
        if (message.id) stream.lastId = message.id;
        stream.onEvent(message.event);
      }
    }
  } catch (e) {
    if (abort.signal.aborted) return;
  }
  if (stream.abort === abort) {
    stream.onState('reconnecting');
    setTimeout(() => follow(stream), 2000); // resumes after stream.lastId
  }
}

function setStreamState(text) {
  $('stream-state').textContent = text;
  $('stream-state').className = `state ${text}`;
}

/** One SSE message: its id and its event, or null for a comment (heartbeat). */
function parseMessage(block) {
  const message = { id: null, data: [] };
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // a comment or nothing
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') message.data.push(value);
    else if (field === 'id') message.id = value;
    else if (field === 'event') message.name = value;
  }
  return message.data.length ? { id: message.id, name: message.name, event: JSON.parse(message.data.join('\n')) } : null;
}

function onEvent(event) {
  state.counts[event.type] = (state.counts[event.type] || 0) + 1;
  renderCounts();
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
  return el('td', { title: iso || '', textContent: (iso || '').replace('T', ' ').replace(/\.\d+/, '') });
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
// an alert is open until acknowledged, or withdrawn because the consultation was cancelled (it pages no more)
function trackAlert(event) {
  if (![SAFETY_ALERT, SAFETY_ACKNOWLEDGED, SAFETY_WITHDRAWN, VISIT_ESCALATED, VISIT_ESCALATION_ACKNOWLEDGED]
    .includes(event.type)) return;
  const alertId = event.data.alertId || event.data.escalationId || event.id;
  const alert = state.alerts.get(alertId) || { consultationId: event.subject, repeats: 0 };
  if (event.type === SAFETY_ALERT || event.type === VISIT_ESCALATED) {
    alert.raisedAt = alert.raisedAt || event.data.raisedAt || event.time; // the first page, not the latest repeat
    alert.repeats += 1;
    // reason codes only (the record's values never leave dispatch)
    if (event.type === VISIT_ESCALATED) alert.label = `Visit: ${(event.data.reasons || []).join(', ')} · `;
  } else if (event.type === SAFETY_ACKNOWLEDGED || event.type === VISIT_ESCALATION_ACKNOWLEDGED) {
    alert.acknowledgedAt = event.data.acknowledgedAt || event.time;
  } else {
    alert.withdrawnAt = event.data.withdrawnAt || event.time;
  }
  state.alerts.set(alertId, alert);
  const closed = (a) => a.acknowledgedAt || a.withdrawnAt;
  // open alerts first, then the newest
  const order = (a) => `${closed(a) ? 0 : 1}${a.raisedAt || ''}`;
  const alerts = [...state.alerts.values()].sort((a, b) => order(b).localeCompare(order(a)));
  $('alerts').replaceChildren(...alerts.map((a) => el('li',
    { className: a.acknowledgedAt ? 'alert-acknowledged' : a.withdrawnAt ? 'alert-withdrawn' : 'alert-open' },
    a.label || '',
    a.acknowledgedAt ? `Acknowledged ${a.acknowledgedAt} · `
      : a.withdrawnAt ? `Withdrawn: consultation cancelled ${a.withdrawnAt} · `
        : `NOT ACKNOWLEDGED · raised ${a.raisedAt || '?'}${a.repeats > 1 ? ` · paged ${a.repeats} times` : ''} · `,
    consultationLink(a.consultationId))));
}

// ---- timeline ----------------------------------------------------------------------------------------------
async function showTimeline(id) {
  const response = await api(`/api/ops/consultations/${encodeURIComponent(id)}/timeline`);
  $('timeline-panel').hidden = false;
  $('timeline-id').textContent = id;
  if (!response.ok) {
    const why = response.status === 404 ? 'No consultation with this id has any events here' : `Could not load (${response.status})`;
    $('timeline').replaceChildren(el('li', { textContent: why }));
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
  const problem = response.ok ? null : await response.json().catch(() => ({}));
  $('dead-letter-message').textContent = response.ok ? `Replayed ${id}`
    : `${id} not replayed: ${problem.detail || `the console answered ${response.status}`}`;
  await loadDeadLetters();
}

// ---- start -------------------------------------------------------------------------------------------------
$('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  streams.events.lastId = null;
  $('events').replaceChildren();
  follow(streams.events);
});
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
  // nothing of the page is drawn for a user without the operator role (the API refuses them anyway)
  if (!auth.operator) {
    $('refused').hidden = false;
    return;
  }
  document.querySelector('main').hidden = false;
  follow(streams.events);
  follow(streams.alerts);
  follow(streams.escalations);
  loadDeadLetters();
}).catch(() => { $('who').textContent = 'Sign-in failed: reload the page'; });
