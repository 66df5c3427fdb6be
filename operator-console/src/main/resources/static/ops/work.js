// Housecall operator page: finding a consultation (by the start of its id and by status), a nurse's day, and
// reassigning a visit to another nurse (the roster's table and form are roster.js). Each calls the platform's API
// through the gateway with the operator's token.
'use strict';

const STATUSES = ['REQUESTED', 'SCREENING', 'INELIGIBLE', 'IN_REVIEW', 'SAFETY_HOLD', 'SCHEDULING', 'CONFIRMED',
  'UNFULFILLED', 'COMPLETED', 'CANCELLED'];
const roster = { nurses: [], shown: null };

// ---- search ------------------------------------------------------------------------------------------------
async function search(event) {
  event.preventDefault();
  const query = new URLSearchParams({ size: '50' });
  if ($('search-id').value.trim()) query.set('idPrefix', $('search-id').value.trim());
  if ($('search-status').value) query.set('status', $('search-status').value);
  $('search-message').textContent = 'Searching…';
  const response = await api(`/api/consultations?${query}`);
  if (!response.ok) {
    $('search-results').replaceChildren();
    $('search-table').hidden = true;
    $('search-message').textContent = `Not searched: ${await problemText(response)}`;
    return;
  }
  const body = await response.json();
  $('search-table').hidden = body.items.length === 0;
  $('search-message').textContent = body.totalItems === 0 ? 'No consultation matches.'
    : `${body.items.length} of ${body.totalItems} shown, newest first.`;
  $('search-results').replaceChildren(...body.items.map((c) => el('tr', {},
    el('td', {}, consultationLink(c.id)), el('td', { textContent: c.status }), el('td', {}, timeEl(c.createdAt)),
    el('td', { textContent: c.source || '' }))));
}

// ---- nurse day and reassignment ----------------------------------------------------------------------------
/** Every nurse, a page of 100 at a time (the demo roster alone has two a state); at most 50 pages. */
async function loadRoster() {
  const nurses = [];
  for (let page = 0; page < 50; page++) {
    const response = await api(`/api/nurses?size=100&page=${page}`);
    if (!response.ok) {
      $('nurse-message').textContent = `Could not load the roster: ${await problemText(response)}`;
      return;
    }
    const body = await response.json();
    nurses.push(...body.items);
    if (!body.items.length || nurses.length >= body.totalItems) break;
  }
  roster.nurses = nurses;
  const chosen = $('nurse-select').value;
  $('nurse-select').replaceChildren(...roster.nurses.map((n) => el('option',
    { value: n.id, textContent: `${n.displayName} (${n.username}, ${n.licenseStates.join(' ')})` })));
  if (chosen) $('nurse-select').value = chosen;
  if (!$('nurse-date').value) $('nurse-date').value = new Date().toLocaleDateString('en-CA'); // yyyy-mm-dd
  drawRoster();
}

async function showNurseDay(nurseId, isoOrDate) {
  await loadRoster(); // the roster may have changed since the page opened
  $('nurse-select').value = nurseId;
  if (isoOrDate) $('nurse-date').value = isoOrDate.slice(0, 10);
  $('nurse-panel').scrollIntoView({ block: 'nearest' });
  await drawNurseDay();
}

async function drawNurseDay() {
  const nurseId = $('nurse-select').value;
  if (!nurseId) return;
  const query = new URLSearchParams({ date: $('nurse-date').value });
  const response = await api(`/api/nurses/${encodeURIComponent(nurseId)}/visits?${query}`);
  if (!response.ok) {
    $('nurse-visits').replaceChildren();
    $('nurse-message').textContent = `Could not load the day: ${await problemText(response)}`;
    return;
  }
  const day = await response.json();
  roster.shown = day;
  $('nurse-message').textContent = `${day.items.length} visit${day.items.length === 1 ? '' : 's'} on ${day.date} `
    + `(the nurse's zone: ${day.timeZone})`;
  $('nurse-visits').replaceChildren(...day.items.map(visitItem));
}

function visitItem(visit) {
  const item = el('li', { className: `visit status-${visit.status.toLowerCase()}` },
    el('div', {}, timeEl(visit.start), ` · ${visit.status} · visit ${visit.sequence} · `,
      consultationLink(visit.consultationId)),
    el('div', { className: 'muted', textContent: `Patient's time: ${zoneText(visit.start, visit.timeZone)}` }));
  item.dataset.visit = visit.visitId;
  if (visit.status !== 'SCHEDULED') return item;
  const label = `reassign-${visit.visitId}`;
  const others = roster.nurses.filter((n) => n.id !== visit.nurseId && n.active !== false);
  const select = el('select', { id: label, className: 'reassign-to' },
    ...others.map((n) => el('option', { value: n.id, textContent: `${n.displayName} (${n.username})` })));
  const button = el('button', { type: 'button', className: 'reassign', textContent: 'Reassign' });
  button.addEventListener('click', () => reassign(visit, select.value, button));
  item.append(el('div', { className: 'reassign-row' },
    el('label', { htmlFor: label, textContent: 'Give to ' }), select, button));
  return item;
}

async function reassign(visit, nurseId, button) {
  button.disabled = true;
  const response = await api(`/api/visits/${encodeURIComponent(visit.visitId)}/reassign`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ nurseId }) });
  button.disabled = false;
  const nurse = roster.nurses.find((n) => n.id === nurseId);
  if (!response.ok) {
    $('reassign-message').className = 'problem';
    $('reassign-message').textContent = `Not reassigned: ${await problemText(response)}`;
    return;
  }
  $('reassign-message').className = 'done';
  $('reassign-message').textContent = `Visit ${visit.sequence} of ${visit.consultationId} now goes to `
    + `${nurse ? nurse.displayName : nurseId}; the patient is told of the new nurse.`;
  await drawNurseDay();
}

function startWork() {
  $('search-status').append(...STATUSES.map((s) => el('option', { value: s, textContent: s })));
  $('search').addEventListener('submit', search);
  $('nurse-form').addEventListener('submit', (e) => { e.preventDefault(); drawNurseDay(); });
  startRoster();
  loadRoster();
}
