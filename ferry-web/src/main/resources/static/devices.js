// Keeps the devices pages current without a reload: every few seconds it asks /api/devices (what the
// logged-in user may see) and updates, in place, the list's rows or the device page's status, its
// shell count and whether "Connect terminal" can be pressed. Plain script, no globals.
(function () {
  'use strict';

  const EVERY_MS = 5000;
  const list = document.getElementById('devices');
  const heading = document.getElementById('device');
  if (!list && !heading) return;

  const status = (d) => (d.revoked ? 'revoked' : d.online ? 'online' : 'offline');
  // The cells after the name, as the relay renders them (DevicesPage.cells).
  const cells = (d) => [status(d), d.lastSeen ?? '-', d.group ?? '-', d.agentVersion ?? '-',
    (d.os ?? '-') + (d.hostname ? ' (' + d.hostname + ')' : '')];

  // Sets a row's cells from index `from` on to texts (the first of them the status).
  function fill(row, texts, from) {
    texts.forEach((t, i) => {
      const td = row.cells[from + i] || row.insertCell();
      if (i === 0) td.className = 'status';
      td.textContent = t;
    });
  }

  function showList(devices) {
    const body = list.tBodies[0];
    const rows = devices.map((d) => {
      const tr = document.createElement('tr');
      const name = tr.insertCell();
      const a = document.createElement('a');
      a.href = '/devices/' + encodeURIComponent(d.name);
      a.textContent = d.name;
      name.appendChild(a);
      fill(tr, cells(d), 1);
      return tr;
    });
    body.replaceChildren(...rows);
  }

  function showDevice(devices) {
    const d = devices.find((x) => x.name === heading.textContent);
    const row = document.getElementById('device-row');
    if (d) fill(row, cells(d), 0); else row.cells[0].textContent = 'removed';
    const shells = document.getElementById('shells');
    if (shells && d) shells.textContent = String(d.shells);
    const connect = document.getElementById('connect');
    if (connect) connect.disabled = !(d && d.online && !d.revoked);
  }

  let last = null;   // the answer shown: an unchanged one leaves the page alone (a link being clicked stays)
  async function refresh() {
    try {
      const r = await fetch('/api/devices', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (r.status === 401 || r.status === 403) return;   // logged out meanwhile: the page stays as it was
      const text = r.ok ? await r.text() : last;
      if (text !== last) {
        const devices = JSON.parse(text);
        if (list) showList(devices); else showDevice(devices);
        last = text;
      }
    } catch (e) {
      // the relay is restarting or the network is down: try again next time
    }
    setTimeout(refresh, EVERY_MS);
  }

  setTimeout(refresh, EVERY_MS);
})();
