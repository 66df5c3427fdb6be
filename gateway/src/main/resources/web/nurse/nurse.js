// Housecall nurse page (DECISIONS 47, CONTRACT.md sections 7 and 15): the nurse's visits, one visit with its status
// buttons and its record (vitals, dose, draw, reconcile, adverse event, discharge), the gates' 409s and an
// escalation's on-call number shown as the platform words them. Times in the visit's zone.
'use strict';

const { el, problemText, formatTime } = window.HousecallUi;
const $ = (id) => document.getElementById(id);
const VISIT_PATH = /^\/nurse\/visits\/([0-9a-fA-F-]{36})$/;
const NEXT = { SCHEDULED: ['EN_ROUTE'], EN_ROUTE: ['ARRIVED', 'NO_SHOW'], ARRIVED: ['INFUSION_STARTED', 'NO_SHOW'],
  INFUSION_STARTED: ['INFUSION_COMPLETED'], INFUSION_COMPLETED: ['COMPLETED'] };
// each entry's fields: [name, label, input type, extra attributes]; `at` is added as now
const KINDS = {
  VITALS: [['systolic', 'Systolic (mmHg)', 'number'], ['diastolic', 'Diastolic (mmHg)', 'number'],
    ['heartRate', 'Heart rate (/min)', 'number'], ['spo2', 'SpO2 (%)', 'number'],
    ['respiratoryRate', 'Respiratory rate (/min)', 'number']],
  DOSE: [['weightKg', 'Weight (kg)', 'number', { step: '0.1' }], ['mgPerKg', 'Dose (mg/kg)', 'number', { step: '0.01' }],
    ['totalMg', 'Total (mg)', 'number', { step: '0.01' }], ['lot', 'Lot', 'text'], ['expiry', 'Expiry', 'date'],
    ['minutes', 'Over (minutes)', 'number']],
  DRAW: [['lot', 'Lot', 'text'], ['drawnMg', 'Drawn (mg)', 'number', { step: '0.01' }]],
  RECONCILE: [['administeredMg', 'Administered (mg)', 'number', { step: '0.01' }],
    ['wastedMg', 'Wasted (mg)', 'number', { step: '0.01' }], ['witness', 'Witness (username)', 'text']],
  ADVERSE_EVENT: [['code', 'Event', 'select', { options: ['NAUSEA', 'VOMITING', 'HYPERTENSION', 'AGITATION',
    'EMERGENCE_REACTION', 'RESPIRATORY', 'OTHER'] }], ['severity', 'Severity', 'select',
    { options: ['MILD', 'MODERATE', 'SEVERE'] }], ['action', 'Action taken', 'text']],
  DISCHARGE: [['alert', 'Alert and oriented', 'checkbox'], ['escort', 'Escort or ride home', 'checkbox'],
    ['notes', 'Notes', 'text']],
};
const state = { visits: [] };

function say(text, kind = 'ok') {
  $('message').replaceChildren(text ? el('p', { className: `message ${kind}`, textContent: text }) : '');
  // the buttons and the form sit below the fold on a phone: a refusal must not go unseen
  if (text) $('message').scrollIntoView({ block: 'center' });
}

const words = (code) => code.replace(/_/g, ' ').toLowerCase();

function visitLink(visit) {
  const link = el('a', { href: `/nurse/visits/${visit.visitId}`, className: 'visit-link',
    textContent: formatTime(visit.start, visit.timeZone) });
  link.addEventListener('click', (event) => { event.preventDefault(); history.pushState(null, '', link.href); route(); });
  return link;
}

async function loadVisits() {
  const response = await HousecallAuth.api('/api/nurse/visits?size=100');
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  state.visits = (await response.json()).items;
  $('visits-empty').hidden = state.visits.length > 0;
  $('visits').replaceChildren(...state.visits.map((visit) => el('li', { className: 'card' }, visitLink(visit),
    ` · ${words(visit.status)} · ${patientText(visit)}`)));
}

function patientText(visit) {
  const name = (visit.patient && visit.patient.firstName) || 'patient';
  const address = visit.address ? `${visit.address.line1}, ${visit.address.city}` : 'address to follow';
  return `${name}, ${address}`;
}

// ---- one visit -------------------------------------------------------------------------------------------
function drawFields() {
  const fields = KINDS[$('entry-kind').value].map(([name, label, type, extra = {}]) => {
    const id = `field-${name}`;
    let input;
    if (type === 'select') {
      input = el('select', { id, name }, ...extra.options.map((o) => el('option', { value: o, textContent: words(o) })));
    } else {
      input = el('input', { id, name, type, required: type !== 'checkbox' && name !== 'witness' && name !== 'notes' });
      if (extra.step) input.step = extra.step;
    }
    const labelNode = el('label', { htmlFor: id, textContent: label, className: type === 'checkbox' ? 'inline' : '' });
    return type === 'checkbox' ? el('p', {}, input, ' ', labelNode) : el('p', {}, labelNode, input);
  });
  $('entry-fields').replaceChildren(...fields);
}

function entryBody() {
  const body = { kind: $('entry-kind').value, at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  for (const [name, , type] of KINDS[body.kind]) {
    const input = $(`field-${name}`);
    if (type === 'checkbox') body[name] = input.checked;
    else if (type === 'number') body[name] = input.value === '' ? null : Number(input.value);
    else if (input.value !== '') body[name] = input.value;
  }
  return body;
}

function drawRecord(record) {
  const values = (entry) => Object.entries(entry).filter(([key]) => !['id', 'recordedAt', 'recordedBy', 'kind', 'at']
    .includes(key)).map(([key, value]) => `${key} ${value}`).join(', ');
  $('entries').replaceChildren(...record.entries.map((entry) => el('tr', {},
    el('td', { textContent: formatTime(entry.at) }), el('td', { textContent: words(entry.kind) }),
    el('td', { textContent: values(entry) }))));
  const open = record.escalation && !record.escalation.acknowledgedAt;
  $('on-call').hidden = !open;
  if (open && record.onCall) {
    $('on-call').textContent = `Escalated (${record.escalation.reasons.map(words).join(', ')}). ${record.onCall.advice}`;
  }
}

async function loadVisit(visitId) {
  await loadVisits();
  const visit = state.visits.find((v) => v.visitId === visitId);
  if (!visit) { say('This visit is not one of yours.', 'error'); return; }
  $('visit-when').textContent = formatTime(visit.start, visit.timeZone);
  $('visit-status').textContent = words(visit.status);
  $('visit-patient').textContent = patientText(visit);
  $('status-buttons').replaceChildren(...(NEXT[visit.status] || []).map((status) => {
    const move = el('button', { type: 'button', textContent: words(status), className: 'status-move' });
    move.dataset.status = status;
    move.addEventListener('click', () => moveTo(visitId, status));
    return move;
  }));
  const response = await HousecallAuth.api(`/api/nurse/visits/${visitId}/record`);
  if (response.ok) drawRecord(await response.json());
  else $('entries').replaceChildren(); // no record before the arrival
}

async function moveTo(visitId, status) {
  const response = await HousecallAuth.api(`/api/nurse/visits/${visitId}/status`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) });
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  say(`Now ${words(status)}.`);
  await loadVisit(visitId);
}

async function record(event) {
  event.preventDefault();
  const visitId = currentVisit();
  const response = await HousecallAuth.api(`/api/nurse/visits/${visitId}/record`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(entryBody()) });
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  drawRecord(await response.json());
  say(`Recorded ${words($('entry-kind').value)}.`);
}

function currentVisit() {
  const match = VISIT_PATH.exec(location.pathname);
  return match ? match[1].toLowerCase() : null;
}

async function route() {
  const id = currentVisit();
  $('visit-panel').hidden = !id;
  $('visits-panel').hidden = !!id;
  if (id) await loadVisit(id); else await loadVisits();
}

async function main() {
  $('logout').addEventListener('click', () => HousecallAuth.signOut());
  const claims = await HousecallAuth.start('/nurse/config.json', 'nurse.pkce');
  if (!claims) return;
  $('who').textContent = claims.preferred_username || 'signed in';
  if (!HousecallAuth.roles().includes('nurse')) { $('refused').hidden = false; return; }
  for (const id of ['home', 'back']) {
    $(id).addEventListener('click', (event) => { event.preventDefault(); history.pushState(null, '', '/nurse/'); route(); });
  }
  window.addEventListener('popstate', route);
  $('entry-kind').replaceChildren(...Object.keys(KINDS).map((k) => el('option', { value: k, textContent: words(k) })));
  $('entry-kind').addEventListener('change', drawFields);
  drawFields();
  $('entry-form').addEventListener('submit', record);
  await route();
}

main();
