// Housecall patients' app (CONTRACT.md section 12): request a consultation with the intake form, follow its status
// and visits in the patient's own time, move or cancel a visit, cancel the course, a fresh PHQ-9, channels and
// consents. Crisis resources show the moment PHQ-9 item 9 is answered above 0, before anything is sent.
'use strict';

const { el, problemText, formatTime } = window.HousecallUi;
const { instantIn } = window.HousecallZones;
const F = window.HousecallForms;
const $ = (id) => document.getElementById(id);
const FINAL = ['INELIGIBLE', 'CANCELLED', 'COMPLETED'];
// the same three as GET /api/crisis-resources, for when even that call fails
let crisisResources = [{ name: 'Emergency', phone: '911' },
  { name: '988 Suicide & Crisis Lifeline', phone: '988', text: '988' },
  { name: 'Crisis Text Line', text: '741741', textMessage: 'HOME' }];
const view = { id: null, consultation: null, poll: null, idempotencyKey: null, rescheduleVisit: null };

function show(panel) {
  ['list-panel', 'request-panel', 'detail-panel'].forEach((id) => { $(id).hidden = id !== panel; });
}

function say(text, kind = 'ok') {
  $('message').replaceChildren(text ? el('p', { className: `message ${kind}`, textContent: text }) : '');
}

// ---- crisis resources ------------------------------------------------------------------------------------
function renderCrisis(box) {
  const items = crisisResources.map((resource) => {
    const ways = [];
    if (resource.phone) ways.push(el('a', { href: `tel:${resource.phone}`, textContent: `call ${resource.phone}` }));
    if (resource.text) {
      const body = resource.textMessage ? `?body=${encodeURIComponent(resource.textMessage)}` : '';
      if (ways.length) ways.push(' or ');
      ways.push(el('a', { href: `sms:${resource.text}${body}`,
        textContent: resource.textMessage ? `text ${resource.textMessage} to ${resource.text}` : `text ${resource.text}` }));
    }
    return el('li', {}, el('b', { textContent: `${resource.name}: ` }), ...ways);
  });
  box.replaceChildren(el('h2', { textContent: 'You are not alone: help is available now' }),
    el('p', { textContent: 'If you are in immediate danger, call 911. You can call or text 988 any time, day or night.' }),
    el('ul', { className: 'crisis-resources' }, ...items));
  box.hidden = false;
}

/** Item 9 of a PHQ-9 above 0 shows the resources at once, before submitting. */
function watchItem9(container, prefix, box) {
  container.addEventListener('change', () => {
    const item9 = F.answers(container, prefix, 9)[8];
    if (item9 !== null && item9 > 0) renderCrisis(box); else box.hidden = true;
  });
}

// ---- times in the patient's zone -------------------------------------------------------------------------
/** A visit's start as the patient's clock shows it: the wall time it carries, with its offset. */
function wallTime(rfc3339) {
  if (!rfc3339) return 'to be set';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc3339);
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]));
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric',
    minute: '2-digit', timeZone: 'UTC' }).format(date);
}

function localInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The next weekday at least two days ahead, 09:00 to 13:00: a window a nurse can usually take. */
function defaultWindow() {
  const day = new Date();
  day.setDate(day.getDate() + 2);
  while (day.getDay() === 0) day.setDate(day.getDate() + 1);
  day.setHours(9, 0, 0, 0);
  const end = new Date(day);
  end.setHours(13);
  return [localInput(day), localInput(end)];
}

// ---- the request form ------------------------------------------------------------------------------------
function addWindow() {
  const index = $('windows').children.length;
  const [start, end] = defaultWindow();
  $('windows').append(el('div', { className: 'row' },
    el('div', {}, el('label', { htmlFor: `window-start-${index}`, textContent: `Time ${index + 1}: from` }),
      el('input', { id: `window-start-${index}`, type: 'datetime-local', value: start, className: 'window-start' })),
    el('div', {}, el('label', { htmlFor: `window-end-${index}`, textContent: 'until' }),
      el('input', { id: `window-end-${index}`, type: 'datetime-local', value: end, className: 'window-end' }))));
}

function buildForm() {
  F.STATES.forEach((state) => $('state').append(el('option', { value: state, textContent: state })));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  F.ZONES.forEach((zone) => $('timeZone').append(el('option', { value: zone, textContent: zone.replace(/_/g, ' '),
    selected: zone === browserZone })));
  F.questions($('phq9-questions'), 'phq9', F.PHQ9);
  F.questions($('gad7-questions'), 'gad7', F.GAD7);
  F.questions($('fresh-phq9-questions'), 'fresh', F.PHQ9);
  F.YES_NO.forEach(([name, text]) => $('yes-no').append(el('fieldset', { className: 'question' },
    el('legend', { textContent: text }),
    el('label', { className: 'inline' }, el('input', { type: 'radio', name, value: 'true' }), ' Yes'),
    el('label', { className: 'inline' }, el('input', { type: 'radio', name, value: 'false' }), ' No'))));
  Object.entries(F.CONDITIONS).forEach(([code, label]) => $('conditions').append(
    el('label', { className: 'inline' }, el('input', { type: 'checkbox', value: code, name: 'condition' }), ` ${label}`)));
  addWindow();
  watchItem9($('phq9-questions'), 'phq9', $('crisis'));
  watchItem9($('fresh-phq9-questions'), 'fresh', $('fresh-crisis'));
}

function number(id) {
  const value = $(id).value.trim();
  return value === '' ? null : Number(value);
}

function requestBody() {
  const zone = $('timeZone').value;
  const yesNo = Object.fromEntries(F.YES_NO.map(([name]) => {
    const checked = document.querySelector(`input[name="${name}"]:checked`);
    return [name, checked ? checked.value === 'true' : null];
  }));
  const intake = { phq9: F.answers($('phq9-questions'), 'phq9', 9), gad7: F.answers($('gad7-questions'), 'gad7', 7),
    failedAntidepressantTrials: number('trials'),
    conditions: [...document.querySelectorAll('input[name="condition"]:checked')].map((c) => c.value),
    medications: $('medications').value.split('\n').map((m) => m.trim()).filter(Boolean), ...yesNo };
  if (intake.gad7.every((a) => a === null)) delete intake.gad7;
  if (number('systolic') !== null || number('diastolic') !== null) {
    intake.bloodPressure = { systolic: number('systolic'), diastolic: number('diastolic') };
  }
  const starts = [...document.querySelectorAll('.window-start')];
  const ends = [...document.querySelectorAll('.window-end')];
  return {
    patient: { givenName: $('givenName').value.trim(), familyName: $('familyName').value.trim(),
      dateOfBirth: $('dateOfBirth').value || null, email: $('email').value.trim() || null,
      phone: $('phone').value.trim() || null,
      preferredChannels: ['channel-sms', 'channel-email'].filter((id) => $(id).checked).map((id) => $(id).value) },
    address: { line1: $('line1').value.trim(), city: $('city').value.trim(), state: $('state').value,
      postalCode: $('postalCode').value.trim() },
    timeZone: zone,
    intake,
    preferredWindows: starts.filter((s, i) => s.value && ends[i].value)
      .map((s, i) => ({ start: instantIn(s.value, zone), end: instantIn(ends[i].value, zone) })),
    consent: { treatment: $('consent-treatment').checked, sms: $('consent-sms').checked,
      email: $('consent-email').checked },
  };
}

async function submitRequest(event) {
  event.preventDefault();
  $('request-error').hidden = true;
  $('submit-request').disabled = true;
  try {
    const response = await HousecallAuth.api('/api/consultations', { method: 'POST', body: JSON.stringify(requestBody()),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': view.idempotencyKey } });
    if (!response.ok) {
      $('request-error').textContent = await problemText(response);
      $('request-error').hidden = false;
      $('request-error').focus();
      return;
    }
    const submitted = await response.json();
    say('Thank you: we received your request.');
    await openConsultation(submitted.id, submitted.crisisResources);
  } finally {
    $('submit-request').disabled = false;
  }
}

// ---- the list and one consultation -----------------------------------------------------------------------
async function loadList() {
  show('list-panel');
  history.replaceState(null, '', '/app/');
  const response = await HousecallAuth.api('/api/consultations?size=100');
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  const page = await response.json();
  $('consultations').replaceChildren(...(page.items.length ? page.items.map((item) => {
    const link = el('a', { href: `#${item.id}`, textContent: `Requested ${formatTime(item.createdAt)}` });
    link.addEventListener('click', (e) => { e.preventDefault(); openConsultation(item.id); });
    return el('li', {}, link, ' ', el('span', { className: 'status', textContent: label(item.status) }));
  }) : [el('li', { className: 'muted', textContent: 'None yet.' })]));
}

async function openConsultation(id, crisis) {
  view.id = id;
  history.replaceState(null, '', `/app/#${id}`);
  show('detail-panel');
  $('detail-crisis').hidden = true;
  if (crisis && crisis.length) renderCrisis($('detail-crisis'));
  await refreshConsultation();
  clearInterval(view.poll);
  view.poll = setInterval(refreshConsultation, 5000);
}

async function refreshConsultation() {
  if ($('detail-panel').hidden || !view.id) return;
  const response = await HousecallAuth.api(`/api/consultations/${view.id}`);
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  renderConsultation(await response.json());
}

const label = (status) => F.STATUS_LABELS[status] || status;

/** The status in plain words: a clinician's decline is told as one, and after a crisis with 911 and 988 again. */
function statusWords(consultation) {
  const screening = consultation.screening || {};
  if (consultation.status !== 'INELIGIBLE' || !screening.decision || screening.decision.decision !== 'DECLINE') {
    return F.STATUS_WORDS[consultation.status] || '';
  }
  return screening.outcome === 'CRISIS' ? F.DECLINED_AFTER_CRISIS : F.DECLINED;
}

function renderConsultation(consultation) {
  const first = !view.consultation || view.consultation.id !== consultation.id;
  view.consultation = consultation;
  const ended = FINAL.includes(consultation.status);
  $('status-code').textContent = label(consultation.status);
  $('status-code').classList.toggle('hold', consultation.status === 'SAFETY_HOLD');
  const words = statusWords(consultation);
  $('status-words').textContent = words;
  if (consultation.status === 'SAFETY_HOLD' || words === F.DECLINED_AFTER_CRISIS) renderCrisis($('detail-crisis'));
  $('cancel-course').hidden = ended;
  $('fresh-phq9-part').hidden = ended;
  const visits = consultation.visits || [];
  $('visits-part').hidden = ended && visits.length === 0; // an ended request without visits: nothing to list
  $('no-visits').hidden = visits.length > 0;
  $('visits').replaceChildren(...visits.map((visit) => {
    const actions = el('td');
    if (['SCHEDULED', 'UNSCHEDULABLE', 'REQUESTED'].includes(visit.status)) {
      if (visit.status !== 'REQUESTED') {
        actions.append(button(`Move visit ${visit.sequence}`, 'Move', () => openReschedule(visit), 'secondary'));
      }
      actions.append(' ', button(`Cancel visit ${visit.sequence}`, 'Cancel', () => cancelVisit(visit), 'secondary'));
    }
    const nurse = visit.nurse && visit.nurse.displayName ? visit.nurse.displayName.split(' ')[0] : 'not yet chosen';
    const cells = [['Visit', `${visit.sequence} (${visit.phase.toLowerCase()})`], ['When', wallTime(visit.start)],
      ['Nurse', nurse], ['Status', visit.status.replace(/_/g, ' ').toLowerCase()]].map(([label, text]) => {
      const td = el('td', { textContent: text });
      td.dataset.label = label;
      return td;
    });
    return el('tr', { className: 'visit' }, ...cells, actions);
  }));
  if (first && consultation.patient) fillContact(consultation);
}

/** The contact form as the patient's choices stand now: their contacts, channels and consents. */
function fillContact({ patient, contact }) {
  $('contact-email').value = patient.email || '';
  $('contact-phone').value = patient.phone || '';
  if (!contact) return;
  $('contact-channel-sms').checked = contact.preferredChannels.includes('SMS');
  $('contact-channel-email').checked = contact.preferredChannels.includes('EMAIL');
  $('contact-consent-sms').checked = contact.consent.sms;
  $('contact-consent-email').checked = contact.consent.email;
}

function button(label, text, onClick, className = '') {
  const node = el('button', { type: 'button', textContent: text, className });
  node.setAttribute('aria-label', label);
  node.addEventListener('click', onClick);
  return node;
}

async function action(path, method, body, done) {
  const options = { method };
  if (body) Object.assign(options, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  const response = await HousecallAuth.api(path, options);
  if (!response.ok) { say(await problemText(response), 'error'); return null; }
  const answer = await response.json();
  say(done);
  if (answer && answer.status && answer.id === view.id) renderConsultation(answer);
  return answer;
}

/**
 * The patient's own zone, never the visit's offset: a new time on the other side of a daylight-saving change has
 * another offset than the visit has now.
 */
function patientZone() {
  const contact = view.consultation && view.consultation.contact;
  return (contact && contact.timeZone) || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function openReschedule(visit) {
  view.rescheduleVisit = visit;
  $('reschedule-title').textContent = `Move visit ${visit.sequence} (now ${wallTime(visit.start)})`;
  $('reschedule-zone').textContent = `Times in your time zone (${patientZone().replace(/_/g, ' ')}).`;
  const [start, end] = defaultWindow();
  $('reschedule-start').value = start;
  $('reschedule-end').value = end;
  $('reschedule-form').hidden = false;
  $('reschedule-start').focus();
}

async function reschedule(event) {
  event.preventDefault();
  const visit = view.rescheduleVisit;
  const zone = patientZone();
  const window = { start: instantIn($('reschedule-start').value, zone),
    end: instantIn($('reschedule-end').value, zone) };
  const answer = await action(`/api/consultations/${view.id}/visits/${visit.id}/reschedule`, 'POST',
    { preferredWindows: [window] }, `We are finding a nurse for visit ${visit.sequence} at the new time. `
      + 'It keeps its old time until then.');
  if (answer) $('reschedule-form').hidden = true;
}

async function cancelVisit(visit) {
  await action(`/api/consultations/${view.id}/visits/${visit.id}/cancel`, 'POST', null,
    `Visit ${visit.sequence} is cancelled.`);
}

async function cancelCourse() {
  const buttonNode = $('cancel-course');
  if (buttonNode.dataset.confirm !== 'yes') { // a second, deliberate press: no browser dialog
    buttonNode.dataset.confirm = 'yes';
    buttonNode.textContent = 'Yes, cancel my whole course';
    return;
  }
  delete buttonNode.dataset.confirm;
  buttonNode.textContent = 'Cancel my course';
  await action(`/api/consultations/${view.id}/cancel`, 'POST', null, 'Your course is cancelled.');
}

async function freshPhq9(event) {
  event.preventDefault();
  const phq9 = F.answers($('fresh-phq9-questions'), 'fresh', 9);
  if (phq9.includes(null)) { say('Please answer all nine questions.', 'error'); return; }
  const answer = await action(`/api/consultations/${view.id}/phq9`, 'POST', { phq9 }, 'Thank you: we received your answers.');
  if (answer && answer.crisisResources) renderCrisis($('detail-crisis'));
}

async function saveContact(event) {
  event.preventDefault();
  const body = { email: $('contact-email').value.trim() || null, phone: $('contact-phone').value.trim() || null,
    preferredChannels: [['contact-channel-sms', 'SMS'], ['contact-channel-email', 'EMAIL']]
      .filter(([id]) => $(id).checked).map(([, channel]) => channel),
    consent: { sms: $('contact-consent-sms').checked, email: $('contact-consent-email').checked } };
  await action(`/api/consultations/${view.id}/contact`, 'PUT', body, 'Saved: we will reach you this way from now on.');
}

function openRequestForm() {
  view.idempotencyKey = crypto.randomUUID(); // a double click sends one request
  show('request-panel');
  $('givenName').focus();
}

async function loadCrisisResources() {
  try {
    const response = await fetch('/api/crisis-resources', { headers: { Accept: 'application/json' } });
    if (response.ok) crisisResources = (await response.json()).items || crisisResources;
  } catch (e) {
    // the built-in list stays
  }
}

async function main() {
  buildForm();
  loadCrisisResources();
  $('logout').addEventListener('click', () => HousecallAuth.signOut());
  const claims = await HousecallAuth.start('/app/config.json', 'app.pkce');
  if (!claims) return;
  const opened = location.hash.slice(1); // restored after the sign-in: a message's link opens its consultation
  $('who').textContent = claims.given_name || claims.preferred_username || 'signed in';
  if (!HousecallAuth.roles().includes('patient')) { $('refused').hidden = false; return; }
  $('new-request').addEventListener('click', openRequestForm);
  $('cancel-request').addEventListener('click', loadList);
  $('back-to-list').addEventListener('click', () => { clearInterval(view.poll); loadList(); });
  $('request-form').addEventListener('submit', submitRequest);
  $('add-window').addEventListener('click', addWindow);
  $('reschedule-form').addEventListener('submit', reschedule);
  $('reschedule-close').addEventListener('click', () => { $('reschedule-form').hidden = true; });
  $('cancel-course').addEventListener('click', cancelCourse);
  $('phq9-form').addEventListener('submit', freshPhq9);
  $('contact-form').addEventListener('submit', saveContact);
  if (/^[0-9a-f-]{36}$/.test(opened)) await openConsultation(opened); else await loadList();
}

main();
