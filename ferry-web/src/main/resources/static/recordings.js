// The list page: /recordings, newest first, each row linking to its replay page.
(function () {
  'use strict';
  const body = document.querySelector('#list tbody');
  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function duration(s) {
    const m = Math.floor(s / 60), sec = Math.floor(s % 60);
    return m + ':' + (sec < 10 ? '0' : '') + sec;
  }
  fetch('/api/me').then(r => r.ok ? r.json() : null).then(me => {
    if (me && me.user) document.getElementById('me').textContent = me.user;
  }).catch(() => {});
  fetch('/api/recordings').then(r => {
    if (r.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname); return []; }
    if (!r.ok) return r.json().then(e => { throw new Error(e.error || r.status); }, () => { throw new Error(r.status + ' ' + r.statusText); });
    return r.json();
  }).then(rows => {
    let bytes = 0;
    rows.reverse().forEach(r => {
      bytes += r.bytes;
      const tr = document.createElement('tr');
      cell(tr, r.started.replace('T', ' ').replace(/\..*/, ''));
      cell(tr, r.finished ? duration(r.duration) : 'live');
      cell(tr, r.bytes.toLocaleString() + ' B');
      cell(tr, r.host || '');
      cell(tr, r.command);
      cell(tr, r.participants);
      const a = document.createElement('a');
      a.href = '/recordings/' + r.id;
      a.textContent = 'replay';
      a.className = 'replay-link';
      cell(tr, '').appendChild(a);
      body.appendChild(tr);
    });
    document.getElementById('stats').textContent = rows.length + ' recording(s), ' + bytes.toLocaleString() + ' bytes';
  }).catch(e => {
    const p = document.getElementById('error');
    p.textContent = 'cannot list recordings: ' + e.message;
    p.hidden = false;
  });
})();
