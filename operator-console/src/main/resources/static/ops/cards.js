// Housecall operator page: how things read. Times in the viewer's zone (the UTC instant on hover), event cards with
// their key fields and the JSON on demand. Loaded after /shared/auth.js, before app.js; plain globals, no libraries.
'use strict';

const $ = (id) => document.getElementById(id);
const { el, problemText } = window.HousecallUi; // the gateway's /shared/auth.js
const SAFETY_ALERT = 'com.housecall.safety.alert';

const pad = (n) => String(n).padStart(2, '0');

/** 2026-12-01 14:05:09 GMT+5:30 in the viewer's zone; null for nothing. */
function localText(iso) {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(t)
    .find((part) => part.type === 'timeZoneName');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} `
    + `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}${zone ? ` ${zone.value}` : ''}`;
}

/** The same instant where the patient is (a visit's own zone): 09:00 America/Los_Angeles. */
function zoneText(iso, timeZone) {
  try {
    return `${new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' })
      .format(new Date(iso))} ${timeZone}`;
  } catch (e) {
    return '';
  }
}

/** A <time> in the viewer's zone whose title is the exact UTC instant. */
function timeEl(iso) {
  const utc = iso ? new Date(iso) : null;
  const title = utc && !Number.isNaN(utc.getTime()) ? `${utc.toISOString().replace('.000', '')} (UTC)` : iso || '';
  return el('time', { dateTime: iso || '', title, textContent: localText(iso) });
}

const shortType = (type) => (type || '').replace('com.housecall.', '');

/** visit.status-changed -> "Visit status changed" */
function typeTitle(type) {
  const words = shortType(type).replace(/[.-]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TIME_FIELD = /(At|^at|^start|^end|Start)$/; // raisedAt, at, start, previousStart, …

/**
 * The payload's fields but the consultation id (the card says it), times in the viewer's zone; a visit's times
 * also where the patient is, when the event names the zone.
 */
function keyFields(data) {
  const when = (value) => localText(value) + (data.timeZone ? ` · patient: ${zoneText(value, data.timeZone)}` : '');
  return Object.entries(data || {}).filter(([key, value]) => key !== 'consultationId' && value !== null
    && typeof value !== 'object')
    .map(([key, value]) => [key, TIME_FIELD.test(key) && typeof value === 'string' ? when(value) : String(value)]);
}

function consultationLink(id) {
  const link = el('a', { className: 'consultation', textContent: id || '', href: '#' });
  link.addEventListener('click', (e) => { e.preventDefault(); showTimeline(id); });
  return link;
}

/** One event as a card: when, what, which consultation, its key fields; the JSON behind a disclosure. */
function eventCard(event, tag = 'li') {
  const fields = el('dl', { className: 'fields' });
  keyFields(event.data).forEach(([key, value]) => fields.append(el('dt', { textContent: key }),
    el('dd', { textContent: value })));
  const card = el(tag, { className: `event-card${event.type === SAFETY_ALERT ? ' safety-alert' : ''}` },
    el('div', { className: 'card-head' }, timeEl(event.time),
      el('strong', { className: 'event-type', textContent: shortType(event.type), title: typeTitle(event.type) }),
      event.subject ? consultationLink(event.subject) : ''),
    fields,
    el('details', {}, el('summary', { textContent: 'JSON' }),
      el('pre', { textContent: JSON.stringify(event.data, null, 2) })));
  card.dataset.id = event.id;
  card.dataset.consultation = event.subject || '';
  const data = event.data || {};
  if (data.nurseId && data.start) { // a visit with its nurse: open that nurse's day
    const day = el('button', { type: 'button', className: 'link', textContent: "Nurse's day" });
    day.addEventListener('click', () => showNurseDay(data.nurseId, data.start));
    card.querySelector('.card-head').append(day);
  }
  return card;
}
