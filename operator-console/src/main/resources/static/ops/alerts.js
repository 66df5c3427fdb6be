// Housecall operator page: safety alerts. Open ones are counted in a badge and the tab's title; a new one rings a
// tone the operator switched on (browsers allow sound only after a click; WebAudio, no file to download).
// Loaded after cards.js.
'use strict';

const SAFETY_ACKNOWLEDGED = 'com.housecall.safety.acknowledged';
const SAFETY_WITHDRAWN = 'com.housecall.safety.withdrawn';
// a visit record's escalation (issue 19) is shown like a safety alert: raised, repeated, acknowledged
const VISIT_ESCALATED = 'com.housecall.visit.escalated';
const VISIT_ESCALATION_ACKNOWLEDGED = 'com.housecall.visit.escalation-acknowledged';
const RAISED = [SAFETY_ALERT, VISIT_ESCALATED];
const PAGE_TITLE = document.title;
const alerting = { alerts: new Map(), audio: null, rung: 0 };
/** Alerts raised before the page opened are on screen and counted, but ring no bell (a replay of many would). */
const RING_AFTER = Date.now() - 5000;

// an alert is open until acknowledged, or withdrawn because the consultation was cancelled (it pages no more)
const closed = (a) => a.acknowledgedAt || a.withdrawnAt;

function trackAlert(event) {
  if (![SAFETY_ALERT, SAFETY_ACKNOWLEDGED, SAFETY_WITHDRAWN, VISIT_ESCALATED, VISIT_ESCALATION_ACKNOWLEDGED]
    .includes(event.type)) return;
  const alertId = event.data.alertId || event.data.escalationId || event.id;
  const known = alerting.alerts.get(alertId);
  const alert = known || { consultationId: event.subject, repeats: 0 };
  if (RAISED.includes(event.type)) {
    alert.raisedAt = alert.raisedAt || event.data.raisedAt || event.time; // the first page, not the latest repeat
    alert.repeats += 1;
    // reason codes only (the record's values never leave dispatch)
    if (event.type === VISIT_ESCALATED) alert.label = `Visit: ${(event.data.reasons || []).join(', ')} · `;
  } else if (event.type === SAFETY_ACKNOWLEDGED || event.type === VISIT_ESCALATION_ACKNOWLEDGED) {
    alert.acknowledgedAt = event.data.acknowledgedAt || event.time;
  } else {
    alert.withdrawnAt = event.data.withdrawnAt || event.time;
  }
  alerting.alerts.set(alertId, alert);
  if (!known && RAISED.includes(event.type) && Date.parse(alert.raisedAt) >= RING_AFTER) ring();
  drawAlerts();
}

function drawAlerts() {
  const order = (a) => `${closed(a) ? 0 : 1}${a.raisedAt || ''}`; // open alerts first, then the newest
  const alerts = [...alerting.alerts.values()].sort((a, b) => order(b).localeCompare(order(a)));
  $('alerts').replaceChildren(...alerts.map((a) => el('li',
    { className: a.acknowledgedAt ? 'alert-acknowledged' : a.withdrawnAt ? 'alert-withdrawn' : 'alert-open' },
    a.label || '', a.acknowledgedAt ? 'Acknowledged '
      : a.withdrawnAt ? 'Withdrawn: consultation cancelled ' : 'NOT ACKNOWLEDGED · raised ',
    timeEl(a.acknowledgedAt || a.withdrawnAt || a.raisedAt),
    !closed(a) && a.repeats > 1 ? ` · paged ${a.repeats} times` : '', ' · ', consultationLink(a.consultationId))));
  const open = alerts.filter((a) => !closed(a)).length;
  $('alert-badge').textContent = open === 1 ? '1 open safety alert' : `${open} open safety alerts`;
  $('alert-badge').className = open ? 'badge open' : 'badge';
  document.title = open ? `(${open}) ${PAGE_TITLE}` : PAGE_TITLE;
}

// ---- sound -------------------------------------------------------------------------------------------------
function toggleSound() {
  const on = $('sound').getAttribute('aria-pressed') !== 'true';
  if (on && !alerting.audio) alerting.audio = new AudioContext(); // created in the click: allowed to play
  $('sound').setAttribute('aria-pressed', String(on));
  $('sound').textContent = on ? 'Alert sound: on' : 'Alert sound: off';
  if (on) tone();
}

/** Two short high tones, loud enough to wake a quiet night room, not a siren. */
function tone() {
  const audio = alerting.audio;
  if (!audio) return;
  audio.resume();
  [0, 0.35].forEach((delay) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, audio.currentTime + delay);
    gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + delay + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + delay + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + delay);
    oscillator.stop(audio.currentTime + delay + 0.3);
  });
}

function ring() {
  if ($('sound').getAttribute('aria-pressed') !== 'true') return;
  alerting.rung += 1;
  $('sound').dataset.rung = String(alerting.rung); // how many alerts rang: what a test can read
  tone();
}
