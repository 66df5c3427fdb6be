// Housecall operator page: Keycloak login (authorization code + PKCE), the live event stream read with fetch and
// an Authorization header (never a token in a URL), timelines and dead letters. No libraries. After cards.js,
// alerts.js and work.js.
'use strict';

const MAX_ROWS = 500;
/** Dead letters counted this often; the banner shows when there are more than when the page opened. */
const DEAD_LETTER_POLL_MS = 30000;
const DEAD_LETTER_WARNING = 10;
const auth = { token: null, refreshToken: null, config: null, timer: null, operator: false };
const state = { paused: [], counts: {}, deadLetterBaseline: null };

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

function addRow(event) {
  $('events').prepend(eventCard(event));
  while ($('events').children.length > MAX_ROWS) $('events').lastChild.remove();
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
  $('timeline').replaceChildren(...body.items.map((e) => eventCard(e)));
  if (!body.items.length) {
    $('timeline').replaceChildren(el('li', { className: 'empty', textContent: 'No events yet.' }));
  }
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
    return el('tr', {}, el('td', {}, timeEl(d.failedAt)), el('td', { textContent: d.originalTopic || d.topic }),
      el('td', { textContent: consumerOf(d) }),
      el('td', { textContent: (d.type || '').replace('com.housecall.', '') }),
      el('td', {}, d.subject ? consultationLink(d.subject) : ''),
      el('td', { className: 'reason', textContent: (d.reason || '') + (d.phi ? ' (PHI topic: metadata only)' : '') }),
      el('td', { textContent: d.replayedAt ? `by ${d.replayedBy} ` : '' }, button));
  }));
  if (!body.items.length) $('dead-letters').replaceChildren(el('tr', {}, el('td', { className: 'empty', colSpan: 7, textContent: 'No dead letters.' })));
  warnOfDeadLetters(body.totalItems, body.items.filter((d) => !d.replayedAt).length);
}

/** A banner when dead letters grew since the page opened, or many wait for a replay: consumers are failing. */
function warnOfDeadLetters(total, waiting) {
  if (state.deadLetterBaseline === null) state.deadLetterBaseline = total;
  const grown = total - state.deadLetterBaseline;
  const reasons = [];
  if (grown > 0) reasons.push(`${grown} new dead letter${grown === 1 ? '' : 's'} since this page opened`);
  if (waiting >= DEAD_LETTER_WARNING) reasons.push(`${waiting} waiting for a replay`);
  $('dead-letter-warning').hidden = reasons.length === 0;
  $('dead-letter-warning').textContent = `Warning: ${reasons.join('; ')}. A consumer is failing: see Dead letters.`;
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
$('sound').addEventListener('click', toggleSound);
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
  setInterval(loadDeadLetters, DEAD_LETTER_POLL_MS);
  startWork();
}).catch(() => { $('who').textContent = 'Sign-in failed: reload the page'; });
