// The wire format of docs/protocol.md as the browser participant reads and writes it: frame types,
// a bounds-checked reader, the layout frame, and deflated frames inflated in arrival order.
// Plain script: defines window.FerryFrames; session.js uses it.
(function () {
  'use strict';

  const T = { HELLO: 1, INFO: 2, OUTPUT: 3, INPUT: 4, RESIZE: 5, SNAPSHOT: 6, NOTICE: 7, CLOSE: 8, PING: 9, PONG: 10,
    LAYOUT: 12, PANE_OUTPUT: 13, PANE_SNAPSHOT: 14, SELECT_PANE: 15, DEFLATED: 16 };
  // What a deflated frame may carry.
  const DEFLATABLE = [T.OUTPUT, T.SNAPSHOT, T.PANE_OUTPUT, T.PANE_SNAPSHOT];
  const MAX_FRAME = 1 << 20;
  const decoder = new TextDecoder('utf-8', { fatal: true });

  // Reads one frame's body (after its type byte); anything short or out of range throws.
  class Reader {
    constructor(buf) { this.v = new DataView(buf); this.b = new Uint8Array(buf); this.p = 1; }
    need(n) { if (this.p + n > this.b.length) throw new Error('frame too short'); }
    u8() { this.need(1); return this.b[this.p++]; }
    u16() { this.need(2); const x = this.v.getUint16(this.p); this.p += 2; return x; }
    u32() { this.need(4); const x = this.v.getUint32(this.p); this.p += 4; return x; }
    flag() { const f = this.u8(); if (f > 1) throw new Error('bad flag'); return f === 1; }
    size() { const n = this.u16(); if (n < 1 || n > 1000) throw new Error('bad size ' + n); return n; }
    str() { const n = this.u16(); this.need(n); const s = decoder.decode(this.b.subarray(this.p, this.p + n)); this.p += n; return s; }
    rest() { const r = this.b.subarray(this.p); this.p = this.b.length; return r; }
    raw(n) { this.need(n); const r = this.b.slice(this.p, this.p + n); this.p += n; return r; }
    end() { if (this.p !== this.b.length) throw new Error('bytes left over'); }
  }

  function frame(type, body) {
    const f = new Uint8Array(1 + (body ? body.length : 0));
    f[0] = type;
    if (body) f.set(body, 1);
    return f;
  }

  function readLayout(r) {
    const l = { cols: r.size(), rows: r.size(), activeWindow: r.u32(), statusLeft: r.str(), statusRight: r.str(), windows: [] };
    for (let n = r.u16(); n > 0; n--) {
      const w = { index: r.u32(), name: r.str(), activePane: r.u32(), panes: [] };
      for (let k = r.u16(); k > 0; k--) w.panes.push({ id: r.u32(), x: r.u16(), y: r.u16(), cols: r.size(), rows: r.size() });
      l.windows.push(w);
    }
    r.end();
    return l;
  }

  // Raw DEFLATE, bounded like every frame: a frame that inflates past MAX_FRAME is malformed.
  async function inflate(bytes) {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_FRAME) { reader.cancel(); throw new Error('a deflated frame inflates past ' + MAX_FRAME + ' bytes'); }
      parts.push(value);
    }
    if (total === 0) throw new Error('empty deflated frame');
    const frame = new Uint8Array(total);
    let off = 0;
    for (const p of parts) { frame.set(p, off); off += p.length; }
    return frame.buffer;
  }

  // Deflated frames (type 16) inflate asynchronously: from the first one on, every frame waits its turn
  // behind those before it, so the order on the wire is the order on screen. onFrame(buf) gets each
  // frame whole; onError(e) what a deflated one did wrong; stopped() says the page has ended.
  function inOrder(onFrame, onError, stopped) {
    let inflating = Promise.resolve();
    let behind = 0;
    return {
      receive(buf) {
        const deflated = new Uint8Array(buf)[0] === T.DEFLATED;
        if (!deflated && behind === 0) { onFrame(buf); return; }
        behind++;
        const ready = deflated ? inflate(new Uint8Array(buf, 1)) : Promise.resolve(buf);
        inflating = inflating.then(() => ready).then((f) => {
          behind--;
          if (stopped()) return;
          if (deflated && !DEFLATABLE.includes(new Uint8Array(f)[0])) throw new Error('a deflated frame may not carry this frame type');
          onFrame(f);
        }).catch((e) => { if (!stopped()) onError(e); });
      },
      // Runs fn once every frame received so far has been handled (at once when none waits).
      afterPending(fn) {
        if (behind > 0) inflating.then(fn, fn); else fn();
      },
    };
  }

  window.FerryFrames = Object.freeze({ T, MAX_FRAME, Reader, frame, readLayout, inOrder });
})();
