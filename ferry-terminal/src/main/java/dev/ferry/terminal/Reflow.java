package dev.ferry.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-wraps the main screen and its history to a new width the way tmux 3.3's grid_reflow does:
 * a line that fits moves across unchanged, a line too wide is split (a wide character that does
 * not fit moves down whole), and a wrapped line pulls cells up from the lines after it. The
 * cursor keeps its place in its unwrapped line, or its end when it stood past the text.
 */
final class Reflow {
    private final List<Line> src;
    private final boolean[] dead;
    private final List<Line> target = new ArrayList<>();
    private final int cols;

    private Reflow(List<Line> src, int cols) {
        this.src = src;
        this.dead = new boolean[src.size()];
        this.cols = cols;
    }

    static void apply(Screen s, int cols) {
        List<Line> all = new ArrayList<>(s.history.size() + s.rows);
        for (int i = 0; i < s.history.size(); i++) {
            all.add(s.history.getNatural(i, s.cols));
        }
        int hsize = all.size();
        for (Line l : s.lines) {
            all.add(l.copy());
        }
        // the cursor's place in unwrapped terms (tmux grid_wrap_position)
        int cursorAbs = hsize + s.cy;
        int wy = 0, ax = 0;
        for (int y = 0; y < cursorAbs; y++) {
            if (all.get(y).wrapped) {
                ax += all.get(y).used;
            } else {
                ax = 0;
                wy++;
            }
        }
        int wx = s.cx >= all.get(cursorAbs).used ? -1 : ax + s.cx;

        Reflow r = new Reflow(all, cols);
        r.run();
        List<Line> out = r.target;
        while (out.size() < s.rows) {
            out.add(new Line(cols));
        }
        // tmux grid_unwrap_position
        int yy = 0;
        for (int ay = 0; yy < out.size() - 1; yy++) {
            if (ay == wy) {
                break;
            }
            if (!out.get(yy).wrapped) {
                ay++;
            }
        }
        int px;
        if (wx < 0) {
            while (out.get(yy).wrapped && yy < out.size() - 1) {
                yy++;
            }
            px = out.get(yy).used;
        } else {
            while (out.get(yy).wrapped && yy < out.size() - 1 && wx >= out.get(yy).used) {
                wx -= out.get(yy).used;
                yy++;
            }
            px = wx;
        }
        int newHistory = out.size() - s.rows;
        s.history.clear();
        for (int y = 0; y < newHistory; y++) {
            s.history.push(out.get(y));
        }
        s.scrolled = Math.min(s.scrolled, s.history.size());
        s.lines = out.subList(newHistory, out.size()).toArray(new Line[0]);
        s.cols = cols;
        if (yy >= newHistory) {
            s.cx = Math.min(px, cols);
            s.cy = yy - newHistory;
        } else {
            s.cx = 0;
            s.cy = 0;
        }
    }

    private static int width(int cp) {
        return cp == Line.PAD ? 0 : Printer.wideChar(cp) ? 2 : 1;
    }

    private void run() {
        for (int yy = 0; yy < src.size(); yy++) {
            if (dead[yy]) {
                continue;
            }
            Line gl = src.get(yy);
            int at = 0, width = 0;
            for (int i = 0; i < gl.used; i++) {
                int w = width(gl.cp[i]);
                if (at == 0 && width + w > cols) {
                    at = i;
                }
                width += w;
            }
            if (width == cols) {
                target.add(gl.resized(cols));
            } else if (width > cols) {
                split(yy, at);
            } else if (gl.wrapped) {
                join(yy, width, false);
            } else {
                target.add(gl.resized(cols));
            }
        }
    }

    private static void copyCell(Line from, int x, Line to, int at) {
        if (at >= to.cols()) {
            return;
        }
        to.cp[at] = from.cp[x];
        to.st[at] = from.st[x];
        to.setUl(at, from.ul(x));
        String c = from.combo(x);
        if (c != null) {
            to.setCombo(at, c);
        }
        to.used = Math.max(to.used, at + 1);
        to.dirty = Math.max(to.dirty, at + 1);
        if (to.st[at] != Style.DEFAULT || to.cp[at] < 0x20 || to.cp[at] > 0x7e) {
            to.plain = false;
        }
    }

    private void split(int yy, int at) {
        Line gl = src.get(yy);
        boolean wasWrapped = gl.wrapped;
        Line first = new Line(cols);
        for (int i = 0; i < at; i++) {
            copyCell(gl, i, first, i);
        }
        first.used = at;
        first.wrapped = true;
        target.add(first);
        Line cur = new Line(cols);
        int width = 0, xx = 0;
        for (int i = at; i < gl.used; i++) {
            int w = width(gl.cp[i]);
            if (width + w > cols) {
                cur.wrapped = true;
                target.add(cur);
                cur = new Line(cols);
                width = 0;
                xx = 0;
            }
            width += w;
            copyCell(gl, i, cur, xx++);
        }
        if (wasWrapped) {
            cur.wrapped = true;
        }
        target.add(cur);
        dead[yy] = true;
        if (width < cols && wasWrapped) {
            join(yy, width, true);
        }
    }

    private void join(int yy, int width, boolean already) {
        Line gl;
        if (!already) {
            gl = src.get(yy).resized(cols);
            target.add(gl);
        } else {
            gl = target.get(target.size() - 1);
        }
        int at = gl.used;
        int lines = 0, want = 0;
        boolean wrapped = true;
        Line from = null;
        for (;;) {
            if (yy + 1 + lines == src.size()) {
                break;
            }
            int line = yy + 1 + lines;
            Line next = src.get(line);
            if (!next.wrapped) {
                wrapped = false;
            }
            if (next.used == 0) {
                if (!wrapped) {
                    break;
                }
                lines++;
                continue;
            }
            int w0 = width(next.cp[0]);
            if (width + w0 > cols) {
                break;
            }
            width += w0;
            copyCell(next, 0, gl, at++);
            from = next;
            for (want = 1; want < from.used; want++) {
                int w = width(from.cp[want]);
                if (width + w > cols) {
                    break;
                }
                width += w;
                copyCell(from, want, gl, at++);
            }
            lines++;
            if (!wrapped || want != from.used || width == cols) {
                break;
            }
        }
        if (lines == 0) {
            return;
        }
        int left = from == null ? 0 : from.used - want;
        if (left != 0) {
            from.move(0, want, left);
            from.clear(left, Math.min(from.used, from.cols()), Style.DEFAULT);
            from.used = left;
            lines--;
        } else if (!wrapped) {
            gl.wrapped = false;
        }
        for (int i = yy + 1; i < yy + 1 + lines; i++) {
            dead[i] = true;
        }
    }
}
