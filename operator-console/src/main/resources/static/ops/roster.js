// Housecall operator page: the roster, editable (CONTRACT.md section 7, DECISIONS 14). A table of the nurses work.js
// loads, and one form that adds a nurse (POST /api/nurses) or replaces the one being edited (PUT): name, login,
// zone, licences, skills, area, weekly shifts, active. The platform's refusals are shown beside the form.
'use strict';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const SKILL_CODES = ['IV_THERAPY', 'ACLS', 'PALS', 'PHLEBOTOMY', 'PSYCH'];
const dayName = (day) => day.charAt(0) + day.slice(1).toLowerCase();
const rosterEdit = { nurse: null }; // the nurse being edited; null: a new one

/** Mon–Fri 08:00–17:00 · Sat 09:00–12:00: consecutive days with the same hours read as one range. */
function weekText(shifts) {
  const sorted = [...shifts].sort((a, b) => DAYS.indexOf(a.dayOfWeek) - DAYS.indexOf(b.dayOfWeek));
  const runs = [];
  sorted.forEach((shift) => {
    const last = runs[runs.length - 1];
    const hours = `${shift.start}–${shift.end}`;
    const index = DAYS.indexOf(shift.dayOfWeek);
    if (last && last.hours === hours && last.to === index - 1) last.to = index;
    else runs.push({ from: index, to: index, hours });
  });
  const short = (index) => dayName(DAYS[index]).slice(0, 3);
  return runs.map((r) => `${short(r.from)}${r.to > r.from ? `–${short(r.to)}` : ''} ${r.hours}`).join(' · ')
    || 'no shifts';
}

function drawRoster() {
  const filter = $('roster-filter').value.trim().toLowerCase();
  const shown = roster.nurses.filter((n) => !filter || [n.displayName, n.username, ...n.licenseStates]
    .some((text) => text.toLowerCase().includes(filter)));
  $('roster').replaceChildren(...shown.map((n) => {
    const editButton = el('button', { type: 'button', textContent: 'Edit' });
    editButton.setAttribute('aria-label', `Edit ${n.displayName} (${n.username})`);
    editButton.addEventListener('click', () => editNurse(n));
    const row = el('tr', { className: n.active ? '' : 'inactive' }, el('td', { textContent: n.displayName }),
      el('td', { textContent: n.username }), el('td', { textContent: n.licenseStates.join(' ') }),
      el('td', { textContent: `${weekText(n.shifts)} (${n.timeZone})` }),
      el('td', { textContent: n.active ? 'yes' : 'no' }), el('td', {}, editButton));
    row.dataset.id = n.id;
    return row;
  }));
  $('roster-count').textContent = `${shown.length} of ${roster.nurses.length} nurses`;
}

function buildNurseForm() {
  $('edit-skills').append(...SKILL_CODES.map((code) => el('label', {},
    el('input', { type: 'checkbox', id: `skill-${code}`, value: code }), ` ${code.replace(/_/g, ' ')}`)));
  $('edit-shifts').replaceChildren(...DAYS.map((day) => {
    const time = (end) => {
      const input = el('input', { type: 'time', id: `shift-${day}-${end}` });
      input.setAttribute('aria-label', `${dayName(day)}: ${end === 'start' ? 'from' : 'until'}`);
      return input;
    };
    return el('tr', {}, el('th', { scope: 'row', textContent: dayName(day) }), el('td', {}, time('start')),
      el('td', {}, time('end')));
  }));
}

const listOf = (value) => value.split(/[\s,]+/).filter(Boolean);

function editNurse(nurse) {
  rosterEdit.nurse = nurse;
  const n = nurse || { displayName: '', username: '', timeZone: 'America/Los_Angeles', licenseStates: [],
    skills: ['IV_THERAPY', 'ACLS'], homePostalCode: '', serviceAreaPrefixes: [], shifts: [], active: true };
  $('nurse-edit-heading').textContent = nurse ? `Edit ${nurse.displayName}` : 'Add a nurse';
  $('nurse-save').textContent = nurse ? 'Save changes' : 'Add nurse';
  ['displayName', 'username', 'timeZone', 'homePostalCode'].forEach((name) => { $(`edit-${name}`).value = n[name]; });
  $('edit-licenseStates').value = n.licenseStates.join(' ');
  $('edit-serviceAreaPrefixes').value = n.serviceAreaPrefixes.join(' ');
  SKILL_CODES.forEach((code) => { $(`skill-${code}`).checked = n.skills.includes(code); });
  DAYS.forEach((day) => {
    const shift = n.shifts.find((s) => s.dayOfWeek === day);
    $(`shift-${day}-start`).value = shift ? shift.start : '';
    $(`shift-${day}-end`).value = shift ? shift.end : '';
  });
  $('edit-active').checked = n.active;
  $('nurse-edit-problem').replaceChildren();
  if (nurse) $('edit-displayName').focus();
}

function nurseBody() {
  const shifts = DAYS.filter((day) => $(`shift-${day}-start`).value || $(`shift-${day}-end`).value)
    .map((day) => ({ dayOfWeek: day, start: $(`shift-${day}-start`).value || null,
      end: $(`shift-${day}-end`).value || null }));
  return { displayName: $('edit-displayName').value.trim(), username: $('edit-username').value.trim(),
    timeZone: $('edit-timeZone').value.trim(), licenseStates: listOf($('edit-licenseStates').value.toUpperCase()),
    skills: SKILL_CODES.filter((code) => $(`skill-${code}`).checked),
    homePostalCode: $('edit-homePostalCode').value.trim(),
    serviceAreaPrefixes: listOf($('edit-serviceAreaPrefixes').value), shifts,
    timeOff: rosterEdit.nurse ? rosterEdit.nurse.timeOff : [], active: $('edit-active').checked };
}

/** A refused field as the form names it: shifts[2].end is Wednesday's shift. */
function fieldText(field, body) {
  const shift = /^shifts\[(\d+)\]\.?(.*)$/.exec(field);
  if (shift && body.shifts[+shift[1]]) return `${dayName(body.shifts[+shift[1]].dayOfWeek)} shift ${shift[2]}`.trim();
  return field;
}

async function saveNurse(event) {
  event.preventDefault();
  const body = nurseBody();
  const editing = rosterEdit.nurse;
  $('nurse-save').disabled = true;
  const response = await api(editing ? `/api/nurses/${encodeURIComponent(editing.id)}` : '/api/nurses', {
    method: editing ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  $('nurse-save').disabled = false;
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const fields = (problem.errors || [])
      .map((e) => el('li', { textContent: `${fieldText(e.field, body)}: ${e.message}` }));
    $('nurse-edit-problem').replaceChildren(el('p', { textContent: `Not saved: ${problem.detail || problem.title
      || `the platform answered ${response.status}`}` }), fields.length ? el('ul', {}, ...fields) : '');
    $('nurse-edit-problem').focus();
    return;
  }
  const saved = await response.json();
  $('roster-message').textContent = `${editing ? 'Saved' : 'Added'} ${saved.displayName} (${saved.username}).`;
  $('roster-filter').value = saved.username;
  editNurse(null);
  await loadRoster();
}

function startRoster() {
  buildNurseForm();
  editNurse(null);
  $('nurse-edit').addEventListener('submit', saveNurse);
  $('nurse-edit-new').addEventListener('click', () => editNurse(null));
  $('roster-filter').addEventListener('input', drawRoster);
  $('roster-filter-form').addEventListener('submit', (e) => e.preventDefault());
}
