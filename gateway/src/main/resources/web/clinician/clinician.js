// Housecall clinicians' workspace (CONTRACT.md section 12): the review queue (safety holds first, with their age),
// one case at /clinician/cases/{id} with reasons, scores, bands and the intake, APPROVE or DECLINE with a note, the
// decisions' audit, and open safety alerts with acknowledge. Everything refreshes every 10 s (DECISIONS 37).
'use strict';

const { el, problemText, formatTime, age } = window.HousecallUi;
const $ = (id) => document.getElementById(id);
const REFRESH_MS = 10000;
const CASE_PATH = /^\/clinician\/cases\/([0-9a-fA-F-]{36})$/;
const INTAKE_LABELS = { failedAntidepressantTrials: 'Failed antidepressant trials', conditions: 'Conditions',
  medications: 'Medications', alcoholUseDisorder: 'Alcohol use disorder', substanceUseDisorder: 'Substance use disorder',
  pregnant: 'Pregnant', breastfeeding: 'Breastfeeding', bloodPressure: 'Blood pressure',
  inPersonEvaluationCompleted: 'In-person evaluation done', phq9: 'PHQ-9 answers', gad7: 'GAD-7 answers' };

function say(text, kind = 'ok') {
  $('message').replaceChildren(text ? el('p', { className: `message ${kind}`, textContent: text }) : '');
}

function caseLink(id, text) {
  const link = el('a', { href: `/clinician/cases/${id}`, textContent: text || id.slice(0, 8), className: 'case-link' });
  link.dataset.id = id;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', link.href); // the token stays in memory: no reload, no new sign-in
    route();
  });
  return link;
}

/** A cell that names its column where a phone stacks the table's cells. */
function labelled(label, text) {
  const cell = el('td', { textContent: text });
  cell.dataset.label = label;
  return cell;
}

function score(view) {
  return view ? `${view.total} (${view.band.replace(/_/g, ' ').toLowerCase()})` : '–';
}

// ---- the queue and the alerts ----------------------------------------------------------------------------
async function loadQueue() {
  const response = await HousecallAuth.api('/api/screenings/review-queue?size=100');
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  const page = await response.json();
  $('queue-empty').hidden = page.items.length > 0;
  $('queue').replaceChildren(...page.items.map((item) => el('tr', { className: item.status === 'SAFETY_HOLD' ? 'hold-row' : '' },
    el('td', {}, caseLink(item.consultationId)),
    el('td', {}, el('span', { className: `status${item.status === 'SAFETY_HOLD' ? ' hold' : ''}`,
      textContent: (item.status || item.outcome).replace(/_/g, ' ') })),
    labelled('Kind', item.kind.toLowerCase()),
    Object.assign(labelled('Waiting', age(item.createdAt)), { title: formatTime(item.createdAt) }),
    labelled('Reasons', item.reasons.map((r) => r.code).join(', ')),
    labelled('PHQ-9 / GAD-7', `${score(item.phq9)} / ${score(item.gad7)}`))));
  $('refreshed').textContent = `updated ${new Date().toLocaleTimeString()}`;
}

async function loadAlerts() {
  const response = await HousecallAuth.api('/api/screenings/alerts?open=true&size=100');
  if (!response.ok) { say(await problemText(response), 'error'); return; }
  const page = await response.json();
  $('alert-count').textContent = String(page.totalItems);
  $('alerts').replaceChildren(...(page.items.length ? page.items.map((alert) => {
    const acknowledge = el('button', { type: 'button', textContent: 'Acknowledge', className: 'danger' });
    acknowledge.setAttribute('aria-label', `Acknowledge the alert of case ${alert.consultationId.slice(0, 8)}`);
    acknowledge.addEventListener('click', () => acknowledgeAlert(alert.consultationId, acknowledge));
    return el('li', { className: 'alert-open' }, caseLink(alert.consultationId),
      ` raised ${age(alert.raisedAt)} ago, paged ${alert.sequence} time${alert.sequence === 1 ? '' : 's'} `, acknowledge);
  }) : [el('li', { className: 'muted', textContent: 'No open safety alerts.' })]));
}

async function acknowledgeAlert(id, buttonNode) {
  buttonNode.disabled = true;
  const response = await HousecallAuth.api(`/api/screenings/${id}/acknowledge`, { method: 'POST' });
  if (!response.ok) { say(await problemText(response), 'error'); buttonNode.disabled = false; return; }
  say(`Acknowledged the alert of case ${id.slice(0, 8)}.`);
  await loadAlerts();
}

// ---- one case --------------------------------------------------------------------------------------------
async function loadCase(id) {
  const [consultationResponse, decisionsResponse] = await Promise.all([
    HousecallAuth.api(`/api/consultations/${id}`), HousecallAuth.api(`/api/screenings/${id}/decisions`)]);
  if (!consultationResponse.ok) { say(await problemText(consultationResponse), 'error'); return; }
  const consultation = await consultationResponse.json();
  const screening = consultation.screening || {};
  $('case-id').textContent = id;
  $('case-status').textContent = consultation.status.replace(/_/g, ' ');
  $('case-status').classList.toggle('hold', consultation.status === 'SAFETY_HOLD');
  $('case-outcome').textContent = screening.outcome || 'not screened yet';
  $('case-created').textContent = `${formatTime(consultation.createdAt)} (${age(consultation.createdAt)} ago)`;
  $('case-reasons').replaceChildren(...(screening.reasons || []).map((r) =>
    el('li', {}, el('b', { textContent: r.code }), `: ${r.message}`)));
  $('case-scores').textContent = `PHQ-9 ${score(screening.phq9)} · GAD-7 ${score(screening.gad7)}`;
  const intake = consultation.intake || {};
  $('case-intake').replaceChildren(...Object.entries(intake).flatMap(([key, value]) => [
    el('dt', { textContent: INTAKE_LABELS[key] || key }), el('dd', { textContent: intakeValue(value) })]));
  $('decide-section').hidden = !!(screening.decision); // a decided case shows its decision below, not a form
  if (decisionsResponse.ok) {
    const decisions = (await decisionsResponse.json()).items;
    $('no-decisions').hidden = decisions.length > 0;
    $('decisions').replaceChildren(...decisions.map((d) => el('tr', {}, el('td', { textContent: formatTime(d.decidedAt) }),
      el('td', { textContent: d.decision }), el('td', { textContent: d.decidedBy }), el('td', { textContent: d.note || '' }))));
  }
}

function intakeValue(value) {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return value.systolic !== undefined ? `${value.systolic}/${value.diastolic} mmHg`
    : JSON.stringify(value);
  return String(value);
}

async function decide(event) {
  event.preventDefault();
  const id = currentCase();
  const checked = document.querySelector('input[name="decision"]:checked');
  if (!checked) { say('Choose Approve or Decline.', 'error'); return; }
  $('decide').disabled = true;
  try {
    const response = await HousecallAuth.api(`/api/screenings/${id}/decision`, { method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: checked.value, note: $('decision-note').value.trim() || null }) });
    if (!response.ok) { say(await problemText(response), 'error'); return; }
    say(`${checked.value === 'APPROVE' ? 'Approved' : 'Declined'} case ${id.slice(0, 8)}.`);
    $('decision-note').value = '';
    checked.checked = false;
    await loadCase(id);
  } finally {
    $('decide').disabled = false;
  }
}

// ---- pages -----------------------------------------------------------------------------------------------
function currentCase() {
  const match = CASE_PATH.exec(location.pathname);
  return match ? match[1].toLowerCase() : null;
}

async function route() {
  const id = currentCase();
  $('case-panel').hidden = !id;
  $('queue-panel').hidden = !!id;
  $('alerts-panel').hidden = false;
  if (id) { say(''); await loadCase(id); } else { await loadQueue(); }
  await loadAlerts();
}

async function main() {
  $('logout').addEventListener('click', () => HousecallAuth.signOut());
  const claims = await HousecallAuth.start('/clinician/config.json', 'clinician.pkce');
  if (!claims) return;
  $('who').textContent = claims.preferred_username || 'signed in';
  if (!HousecallAuth.roles().includes('clinician')) { $('refused').hidden = false; return; }
  for (const id of ['home', 'back']) {
    $(id).addEventListener('click', (event) => { event.preventDefault(); history.pushState(null, '', '/clinician/'); route(); });
  }
  window.addEventListener('popstate', route);
  $('decision-form').addEventListener('submit', decide);
  await route();
  setInterval(() => route().catch(() => {}), REFRESH_MS);
}

main();
