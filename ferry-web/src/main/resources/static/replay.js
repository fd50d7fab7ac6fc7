// The replay page: /recordings/{id}. asciinema-player plays /api/recordings/{id}.cast; its "m" events
// (joins, leaves, the end) show as markers on the progress bar and in the list beside it, which seeks.
(function () {
  'use strict';
  const id = location.pathname.split('/').pop();
  const url = '/api/recordings/' + encodeURIComponent(id) + '.cast';
  const speed = document.getElementById('speed');
  const idle = document.getElementById('idle');
  const list = document.getElementById('markers');
  let player = null;

  document.getElementById('download').href = url;

  function fail(text) {
    const e = document.getElementById('error');
    e.textContent = text;
    e.hidden = false;
  }

  // Markers from the file itself: [time, "m", label] lines.
  function markers(cast) {
    const found = [];
    for (const line of cast.split('\n').slice(1)) {
      if (!line.startsWith('[')) continue;
      try {
        const ev = JSON.parse(line);
        if (ev[1] === 'm') found.push([ev[0], ev[2]]);
      } catch (e) { /* a torn last line of a live recording */ }
    }
    return found;
  }

  function create(cast, startAt) {
    const el = document.getElementById('player');
    if (player) player.dispose();
    el.textContent = '';
    const cap = parseFloat(idle.value);
    player = AsciinemaPlayer.create({ data: cast }, el, {
      speed: parseFloat(speed.value),
      idleTimeLimit: cap > 0 ? cap : undefined,
      startAt: startAt || 0,
      autoPlay: true,
      fit: 'width',
    });
    window.ferryPlayer = player;  // for tests and the console
  }

  fetch(url).then(r => {
    if (r.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname); return new Promise(() => {}); }
    if (!r.ok) return r.text().then(t => { throw new Error(r.status + ' ' + t.replace(/<[^>]*>/g, ' ').trim().slice(0, 200)); });
    return r.text();
  }).then(cast => {
    const header = JSON.parse(cast.slice(0, cast.indexOf('\n')));
    document.getElementById('title').textContent = header.title || header.command || id;
    document.title = 'Ferry recording: ' + (header.command || id);
    for (const [t, label] of markers(cast)) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#';
      a.textContent = formatTime(t) + '  ' + label;
      a.addEventListener('click', ev => { ev.preventDefault(); player.seek(t); player.play(); });
      li.appendChild(a);
      list.appendChild(li);
    }
    create(cast, 0);
    const restart = () => player.getCurrentTime().then(t => create(cast, t));
    speed.addEventListener('change', restart);
    idle.addEventListener('change', restart);
  }).catch(e => fail('cannot load the recording: ' + e.message));

  function formatTime(s) {
    const m = Math.floor(s / 60);
    const sec = Math.floor(s % 60);
    return m + ':' + (sec < 10 ? '0' : '') + sec;
  }
})();
