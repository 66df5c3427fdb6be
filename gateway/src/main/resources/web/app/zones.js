// Housecall patients' app: times in the patient's zone. A datetime-local value is read in an IANA zone with the
// offset that zone has on that day (Intl knows each zone's daylight-saving rules). No libraries.
'use strict';

window.HousecallZones = (() => {
  function offsetMinutes(utcMillis, timeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric',
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(utcMillis)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
    return Math.round((asUtc - utcMillis) / 60000);
  }

  function offsetText(minutes) {
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }

  /** A datetime-local value read in an IANA zone, as RFC 3339 with seconds and the offset the zone has then. */
  function instantIn(local, timeZone) {
    const [date, time] = local.split('T');
    const wall = `${date}T${time.slice(0, 5)}:00`;
    const [y, m, d] = date.split('-').map(Number);
    const [h, mi] = time.split(':').map(Number);
    const guess = Date.UTC(y, m - 1, d, h, mi);
    let offset = offsetMinutes(guess, timeZone);
    offset = offsetMinutes(guess - offset * 60000, timeZone);
    return wall + offsetText(offset);
  }

  return { instantIn };
})();
