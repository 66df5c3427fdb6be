// Housecall operator page: the live event stream read with fetch and an Authorization header (never a token in a
// URL), timelines and dead letters. No libraries. After the gateway's /shared/auth.js (the page is reached through
// the gateway at /ops/), cards.js, alerts.js and work.js.
'use strict';

const MAX_ROWS = 500;
/** Dead letters counted this often; the banner shows when there are more than when the page opened. */
const DEAD_LETTER_POLL_MS = 30000;
const DEAD_LETTER_WARNING = 10;
const state = { paused: [], counts: {}, deadLetterBaseline: null };
// the login, the bearer calls and sign-out are the gateway's /shared/auth.js, as the other pages have them
const { api } = window.HousecallAuth;

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
  $('dead-letter-message').textContent = response.ok ? `Replayed ${id}`
    : `${id} not replayed: ${await problemText(response)}`;
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
$('logout').addEventListener('click', () => HousecallAuth.signOut());

HousecallAuth.start('config.json', 'ops.pkce').then((claims) => {
  if (!claims) return;
  $('who').textContent = claims.preferred_username || 'signed in';
  // nothing of the page is drawn for a user without the operator role (the API refuses them anyway)
  if (!HousecallAuth.roles().includes('operator')) {
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
