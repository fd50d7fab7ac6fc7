// A tmate host's panes, one xterm each, laid out as the host has them, with tmux's status line under
// them. session.js creates it when the relay sends a layout frame (docs/protocol.md, "Panes") and
// feeds it the layout and each pane's snapshots and output, in arrival order.
// Plain script: defines window.FerryPanes; xterm.js is loaded before it as a global.
(function () {
  'use strict';

  const THEME = { background: '#101216', foreground: '#c9d1d9' };
  const FONT = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';

  // root: the element to fill; opts: { fontSize, readOnly, onInput(bytes), onSelect(paneId), quiet(term) }
  window.FerryPanes = function (root, opts) {
    const encoder = new TextEncoder();
    const panes = new Map();   // id -> { id, term, box, x, y, cols, rows }
    const status = document.createElement('div');
    status.className = 'status-line';
    root.appendChild(status);
    let layout = null;
    let fontSize = opts.fontSize;
    let cell = null;           // { w, h } in CSS pixels at fontSize

    function create(p) {
      const box = document.createElement('div');
      box.className = 'pane';
      box.dataset.pane = String(p.id);
      root.appendChild(box);
      const term = new Terminal({
        cols: p.cols, rows: p.rows, fontSize, fontFamily: FONT, theme: THEME, scrollback: 1000,
        disableStdin: opts.readOnly, cursorBlink: false,
      });
      term.open(box);
      opts.quiet(term);
      const pane = { id: p.id, term, box };
      if (!opts.readOnly) {
        term.onData((s) => opts.onInput(encoder.encode(s)));
        term.onBinary((s) => opts.onInput(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)));
      }
      // Picking a pane makes it the host's active pane, as clicking does in tmux with the mouse on.
      box.addEventListener('mousedown', () => {
        if (!opts.readOnly && !box.classList.contains('active')) opts.onSelect(pane.id);
      });
      panes.set(p.id, pane);
      return pane;
    }

    // One character cell, measured on a pane that is shown (xterm sizes its screen element exactly).
    function measure() {
      for (const pane of panes.values()) {
        const screen = pane.box.querySelector('.xterm-screen');
        if (!screen || pane.box.hidden) continue;
        const r = screen.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return { w: r.width / pane.term.cols, h: r.height / pane.term.rows };
      }
      return null;
    }

    function current() {
      if (!layout) return null;
      return layout.windows.find((w) => w.index === layout.activeWindow) || layout.windows[0] || null;
    }

    function place() {
      const win = current();
      for (const pane of panes.values()) pane.box.hidden = !win || !win.panes.some((p) => p.id === pane.id);
      cell = measure() || cell;
      if (!cell || !layout) return;
      for (const w of layout.windows) {
        for (const p of w.panes) {
          const pane = panes.get(p.id);
          Object.assign(pane.box.style, { left: p.x * cell.w + 'px', top: p.y * cell.h + 'px' });
          pane.box.classList.toggle('active', w === win && p.id === w.activePane && win.panes.length > 1);
        }
      }
      root.style.width = layout.cols * cell.w + 'px';
      root.style.height = (layout.rows + 1) * cell.h + 'px';
      Object.assign(status.style, { top: layout.rows * cell.h + 'px', height: cell.h + 'px', lineHeight: cell.h + 'px',
        fontSize: fontSize + 'px' });
      status.textContent = statusText();
      for (const pane of panes.values()) if (!pane.box.hidden) pane.term.refresh(0, pane.term.rows - 1);
    }

    function statusText() {
      const list = layout.windows.map((w) => w.index + ':' + w.name + (w === current() ? '*' : '')).join(' ');
      return layout.statusLeft + list + (layout.statusRight ? '  ' + layout.statusRight : '');
    }

    return {
      layout(next) {
        layout = next;
        const live = new Set();
        for (const w of next.windows) {
          for (const p of w.panes) {
            live.add(p.id);
            const pane = panes.get(p.id) || create(p);
            if (pane.term.cols !== p.cols || pane.term.rows !== p.rows) pane.term.resize(p.cols, p.rows);
          }
        }
        for (const [id, pane] of panes) {
          if (!live.has(id)) { pane.term.dispose(); pane.box.remove(); panes.delete(id); }
        }
        place();
      },
      write(id, data, done) {
        const pane = panes.get(id);
        if (pane) pane.term.write(data, done); else done();
      },
      snapshot(id, cols, rows, data, done) {
        const pane = panes.get(id);
        if (!pane) { done(); return; }
        pane.term.reset();
        if (pane.term.cols !== cols || pane.term.rows !== rows) pane.term.resize(cols, rows);
        pane.term.write(data, done);
      },
      // The largest font (up to base) at which the whole window and its status line fit in width x height.
      fit(base, min, width, height) {
        if (!layout) return;
        for (const pane of panes.values()) pane.term.options.fontSize = base;
        fontSize = base;
        cell = measure() || cell;
        if (cell) {
          const scale = Math.min(width / (layout.cols * cell.w), height / ((layout.rows + 1) * cell.h));
          if (scale < 1) {
            fontSize = Math.max(min, Math.floor(base * scale));
            for (const pane of panes.values()) pane.term.options.fontSize = fontSize;
          }
        }
        place();
      },
      // What this window could show at the base font, for the advisory resize; null before a pane is shown.
      room(base, width, height) {
        if (!cell) return null;
        const w = cell.w * base / fontSize, h = cell.h * base / fontSize;
        return { cols: Math.floor(width / w), rows: Math.floor(height / h) };
      },
      focus() {
        const win = current();
        const pane = win && panes.get(win.activePane);
        if (pane) pane.term.focus();
      },
      size() { return layout ? { cols: layout.cols, rows: layout.rows + 1 } : null; },
      // For tests: every pane with its place and text, the status line.
      describe() {
        const win = current();
        return [...panes.values()].map((pane) => {
          const b = pane.term.buffer.active;
          const lines = [];
          for (let y = 0; y < pane.term.rows; y++) {
            const line = b.getLine(b.viewportY + y);
            lines.push(line ? line.translateToString(true) : '');
          }
          const r = pane.box.getBoundingClientRect();
          return { id: pane.id, cols: pane.term.cols, rows: pane.term.rows, visible: !pane.box.hidden,
            active: !!win && win.activePane === pane.id, left: Math.round(r.left), top: Math.round(r.top),
            width: Math.round(r.width), height: Math.round(r.height), text: lines.join('\n') };
        });
      },
      status() { return status.textContent; },
      // The session is over: nothing typed goes anywhere any more.
      stop() { for (const pane of panes.values()) pane.term.options.disableStdin = true; },
    };
  };
})();
