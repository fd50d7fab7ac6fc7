// Ferry's browser participant: joins /ws/join/{token} and speaks docs/protocol.md (binary frames).
// Plain script, no bundler: xterm.js, its fit addon, frames.js (the wire format) and panes.js are loaded
// before it as globals.
(function () {
  'use strict';

  const { T, MAX_FRAME, Reader, frame, readLayout } = window.FerryFrames;
  const PING_EVERY_MS = 30000;
  const NOTICE_MS = 5000;
  const BASE_FONT = 15;
  const MIN_FONT = 7;

  const el = (id) => document.getElementById(id);
  const ui = { state: el('state'), badge: el('badge'), size: el('size'), notice: el('notice'),
    ended: el('ended'), endedTitle: el('ended-title'), endedReason: el('ended-reason') };

  // A random token (/t/TOKEN) or a named session (/t/alice/demo).
  const token = location.pathname.replace(/\/+$/, '').replace(/^.*?\/t\//, '').split('/').map(decodeURIComponent).join('/');
  // The session's replay page, when the relay names it (to a logged-in viewer and up only).
  const replayMeta = document.querySelector('meta[name="ferry-recording"]');
  const replay = replayMeta ? replayMeta.content : null;
  function replayLink(id, newTab) {
    const a = document.createElement('a');
    a.id = id;
    a.className = 'replay';
    a.href = replay;
    if (newTab) { a.target = '_blank'; a.rel = 'noopener'; }  // while live: leaving would leave the session
    a.textContent = 'replay';
    return a;
  }
  if (replay) document.getElementById('bar').appendChild(replayLink('replay-link', true));
  const encoder = new TextEncoder();

  // Until session-info says otherwise, nothing typed goes anywhere.
  const term = new Terminal({
    cols: 80, rows: 24, fontSize: BASE_FONT, scrollback: 5000, disableStdin: true, cursorBlink: false,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    theme: { background: '#101216', foreground: '#c9d1d9' },
  });
  const fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(el('term'));
  // The host answers the program's queries (its own terminal, or ferry's engine when headless).
  // If every read-write page answered too, the program would read one answer per page and the
  // rest would arrive as typed junk: the page keeps quiet on cursor-position, status, attribute
  // and mode queries.
  function quiet(t) {
    for (const id of [{ final: 'n' }, { prefix: '?', final: 'n' }, { final: 'c' }, { prefix: '>', final: 'c' },
      { intermediates: '$', final: 'p' }, { prefix: '?', intermediates: '$', final: 'p' }]) {
      t.parser.registerCsiHandler(id, () => true);
    }
  }
  quiet(term);

  // A tmate host's session comes as panes (the relay sends a layout first): one xterm each, in #panes.
  let panes = null;
  function showPanes() {
    if (panes) return panes;
    el('term').hidden = true;
    el('panes').hidden = false;
    panes = window.FerryPanes(el('panes'), {
      fontSize: BASE_FONT, readOnly: !info || info.readOnly, quiet,
      onInput: sendInput,
      onSelect: (id) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, id); send(frame(T.SELECT_PANE, b)); },
    });
    return panes;
  }

  function screenRoom() {
    const s = el('screen');
    return { width: s.clientWidth - 16, height: s.clientHeight - 16 };
  }

  let ws = null;
  let info = null;          // the session-info frame, once joined
  let state = 'connecting'; // connecting | live | ended | error
  let ended = false;
  let pingTimer = 0;
  let sessionSize = { cols: 80, rows: 24 };
  let sentSize = '';

  // ---- frames ----

  function send(f) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(f);
  }

  function sendInput(bytes) {
    if (!info || info.readOnly) return;  // read-only: never a single input frame
    for (let off = 0; off < bytes.length; off += MAX_FRAME - 1) {
      send(frame(T.INPUT, bytes.subarray(off, off + MAX_FRAME - 1)));
    }
  }

  function sendResize(cols, rows) {
    const key = cols + 'x' + rows;
    if (key === sentSize) return;
    sentSize = key;
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint16(0, cols);
    new DataView(b.buffer).setUint16(2, rows);
    send(frame(T.RESIZE, b));
  }

  let pings = 0n;
  function sendPing() {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, ++pings);
    send(frame(T.PING, b));
  }

  // ---- the terminal: writes, snapshots and resizes applied strictly in arrival order ----

  const ops = [];
  let busy = false;

  function enqueue(op) {
    ops.push(op);
    if (!busy) pump();
  }

  function pump() {
    const op = ops.shift();
    if (!op) { busy = false; return; }
    busy = true;
    if (op.kind === 'output') {
      const chunks = [op.data];
      let total = op.data.length;
      while (ops.length && ops[0].kind === 'output' && total < MAX_FRAME) {
        const d = ops.shift().data;
        chunks.push(d);
        total += d.length;
      }
      term.write(concat(chunks, total), pump);
    } else if (op.kind === 'layout') {
      const first = !panes;
      const p = showPanes();
      p.layout(op.layout);
      const room = screenRoom();
      p.fit(BASE_FONT, MIN_FONT, room.width, room.height);
      ui.size.textContent = p.size().cols + '\u00d7' + p.size().rows;
      if (first && info && !info.readOnly) {
        p.focus();
        const w = windowSize();
        if (w) sendResize(w.cols, w.rows);
      }
      pump();
    } else if (op.kind === 'pane-output' || op.kind === 'pane-snapshot') {
      if (!panes) pump();   // a pane before any layout: nothing to show it in
      else if (op.kind === 'pane-output') panes.write(op.pane, op.data, pump);
      else panes.snapshot(op.pane, op.cols, op.rows, op.data, pump);
    } else if (op.kind === 'snapshot') {
      term.reset();  // every snapshot starts from a fresh terminal, the first and any resync alike
      applySize(op.cols, op.rows);
      term.write(op.data, pump);
    } else {
      applySize(op.cols, op.rows);
      pump();
    }
  }

  function concat(chunks, total) {
    if (chunks.length === 1) return chunks[0];
    const all = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) { all.set(c, off); off += c.length; }
    return all;
  }

  // The terminal is always the session's size; the font shrinks when the window is too small for it.
  function applySize(cols, rows) {
    sessionSize = { cols, rows };
    term.options.fontSize = BASE_FONT;
    const room = fit.proposeDimensions();
    if (room && (room.cols < cols || room.rows < rows)) {
      const scale = Math.min(room.cols / cols, room.rows / rows);
      term.options.fontSize = Math.max(MIN_FONT, Math.floor(BASE_FONT * scale));
    }
    if (term.cols !== cols || term.rows !== rows) term.resize(cols, rows);
    ui.size.textContent = cols + '\u00d7' + rows;
  }

  // What this window could show at the normal font: sent as an advisory resize.
  function windowSize() {
    if (panes) {
      const room = screenRoom();
      const r = panes.room(BASE_FONT, room.width, room.height);
      return r && { cols: Math.max(1, Math.min(1000, r.cols)), rows: Math.max(2, Math.min(1000, r.rows)) };
    }
    const saved = term.options.fontSize;
    term.options.fontSize = BASE_FONT;
    const room = fit.proposeDimensions();
    term.options.fontSize = saved;
    if (!room || !isFinite(room.cols) || !isFinite(room.rows)) return null;
    return { cols: Math.max(1, Math.min(1000, room.cols)), rows: Math.max(1, Math.min(1000, room.rows)) };
  }

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (panes) {
        const room = screenRoom();
        panes.fit(BASE_FONT, MIN_FONT, room.width, room.height);
      } else {
        enqueue({ kind: 'resize', cols: sessionSize.cols, rows: sessionSize.rows });
      }
      const w = windowSize();
      if (w && info && !ended) sendResize(w.cols, w.rows);
    }, 150);
  });

  // ---- the header ----

  function setState(s, text) {
    state = s;
    ui.state.className = 'state ' + s;
    ui.state.textContent = text || s;
  }

  let noticeTimer = 0;
  function showNotice(text) {
    ui.notice.textContent = text;
    ui.notice.title = text;
    ui.notice.classList.add('shown');
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => ui.notice.classList.remove('shown'), NOTICE_MS);
  }

  function finish(kind, title, reason) {
    if (ended) return;
    ended = true;
    clearInterval(pingTimer);
    term.options.disableStdin = true;
    if (panes) panes.stop();
    setState(kind, kind === 'ended' ? 'ended' : 'not connected');
    ui.endedTitle.textContent = title;
    ui.endedReason.textContent = reason;
    if (/restricted to listed SSH keys/.test(reason)) {
      // A key-restricted session: logging in as an owner of a listed key lets this browser in.
      const login = document.createElement('a');
      login.id = 'login-link';
      login.href = '/login?next=' + encodeURIComponent(location.pathname);
      login.textContent = 'Log in';
      ui.endedReason.append(' ', login);
    }
    if (replay && kind === 'ended') ui.endedReason.append(' ', replayLink('replay-ended', false));
    ui.ended.hidden = false;
    document.title = 'Ferry: ' + reason;
  }

  // ---- the connection ----

  function onInfo(r) {
    const readOnly = r.flag();
    r.str(); r.str(); r.str(); r.u16(); r.str();  // tokens and links: the page needs none of them
    r.end();
    const first = info === null;
    info = { readOnly };
    if (!first) return;
    setState('live', readOnly ? 'live, watching' : 'live');
    ui.badge.hidden = !readOnly;
    if (!readOnly) {
      term.options.disableStdin = false;
      term.onData((s) => sendInput(encoder.encode(s)));
      term.onBinary((s) => sendInput(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)));
      term.focus();
    }
    const w = windowSize();
    if (w) sendResize(w.cols, w.rows);
    pingTimer = setInterval(sendPing, PING_EVERY_MS);
  }

  function onFrame(buf) {
    const r = new Reader(buf);
    if (r.b.length === 0) throw new Error('empty frame');
    switch (r.b[0]) {
      case T.INFO: onInfo(r); break;
      case T.OUTPUT: enqueue({ kind: 'output', data: r.rest().slice() }); break;
      case T.RESIZE: { const c = r.size(), w = r.size(); r.end(); enqueue({ kind: 'resize', cols: c, rows: w }); break; }
      case T.SNAPSHOT: { const c = r.size(), w = r.size(); enqueue({ kind: 'snapshot', cols: c, rows: w, data: r.rest().slice() }); break; }
      case T.NOTICE: { const text = r.str(); r.end(); showNotice(text); break; }
      case T.CLOSE: {
        const reason = r.str(); r.end();
        if (info) finish('ended', 'Session ended', reason.replace(/^session ended: /, ''));
        else finish('error', 'Cannot join', reason);
        break;
      }
      case T.LAYOUT: enqueue({ kind: 'layout', layout: readLayout(r) }); break;
      case T.PANE_OUTPUT: { const pane = r.u32(); enqueue({ kind: 'pane-output', pane, data: r.rest().slice() }); break; }
      case T.PANE_SNAPSHOT: {
        const pane = r.u32(), c = r.size(), w = r.size();
        enqueue({ kind: 'pane-snapshot', pane, cols: c, rows: w, data: r.rest().slice() });
        break;
      }
      case T.PING: { const v = r.raw(8); r.end(); send(frame(T.PONG, v)); break; }
      case T.PONG: r.raw(8); r.end(); break;
      default: throw new Error('unexpected frame type ' + r.b[0]);
    }
  }

  const frames = window.FerryFrames.inOrder(onFrame, (e) => protocolError(e), () => ended);

  function protocolError(e) {
    ws.close(1002, 'protocol error');
    finish('error', 'Disconnected', 'protocol error: ' + e.message);
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // view=panes: a tmate host's panes come one by one (other sessions ignore it). deflated=1: this page
    // reads deflated frames, which the relay sends instead of permessage-deflate in a crowded session.
    ws = new WebSocket(scheme + '//' + location.host + '/ws/join/' + token.split('/').map(encodeURIComponent).join('/')
        + '?view=panes&deflated=1');
    ws.binaryType = 'arraybuffer';
    let opened = false;
    ws.onopen = () => { opened = true; setState('connecting', 'joining'); };
    ws.onmessage = (ev) => {
      if (ended) return;
      if (!(ev.data instanceof ArrayBuffer)) {
        ws.close(1003, 'protocol error: text frame');
        finish('error', 'Disconnected', 'protocol error: the relay sent a text frame');
        return;
      }
      try {
        frames.receive(ev.data);
      } catch (e) {
        protocolError(e);
      }
    };
    ws.onclose = (ev) => {
      const lost = () => {
        if (ended) return;
        if (!opened) finish('error', 'Cannot join', 'Cannot reach the relay');
        else finish('error', 'Disconnected', 'The connection to the relay was lost' + (ev.reason ? ': ' + ev.reason : ''));
      };
      // Frames still inflating (the relay's close frame among them) come first.
      frames.afterPending(lost);
    };
  }

  // For tests and the curious: what the page shows, read from xterm's buffer.
  window.ferry = Object.freeze({
    get state() { return state; },
    get readOnly() { return info ? info.readOnly : null; },
    get cols() { return panes ? panes.size().cols : term.cols; },
    get rows() { return panes ? panes.size().rows : term.rows; },
    get mode() { return panes ? 'panes' : 'single'; },
    // In panes mode: [{ id, cols, rows, visible, active, left, top, width, height, text }] and the status line.
    panes() { return panes ? panes.describe() : []; },
    status() { return panes ? panes.status() : null; },
    get reason() { return ended ? ui.endedReason.textContent : null; },
    text() {
      if (panes) {
        return panes.describe().filter((p) => p.visible).map((p) => p.text).concat([panes.status()]).join('\n');
      }
      const b = term.buffer.active;
      const lines = [];
      for (let y = 0; y < term.rows; y++) {
        const line = b.getLine(b.viewportY + y);
        lines.push(line ? line.translateToString(true) : '');
      }
      return lines.join('\n');
    },
  });

  if (!token) finish('error', 'Cannot join', 'Invalid or expired session token');
  else connect();
})();
