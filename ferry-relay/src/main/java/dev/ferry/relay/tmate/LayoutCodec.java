package dev.ferry.relay.tmate;

import java.util.ArrayList;
import java.util.List;

/** Decodes SYNC_LAYOUT {@code [1, sx, sy, windows, active_window]} with every number bounded. */
final class LayoutCodec {
    private LayoutCodec() {}

    static Layout decode(HostMessage m) throws MsgpackReader.MalformedException {
        int cols = m.integer(0, 1, Layout.MAX_SIZE), rows = m.integer(1, 1, Layout.MAX_SIZE);
        List<?> rawWindows = m.array(2);
        if (rawWindows.size() > Layout.MAX_WINDOWS) throw new MsgpackReader.MalformedException("too many windows");
        List<Layout.Window> windows = new ArrayList<>(rawWindows.size());
        int paneCount = 0;
        for (Object rw : rawWindows) {
            HostMessage w = HostMessage.nested(rw, "a window");
            List<?> rawPanes = w.array(2);
            paneCount += rawPanes.size();
            if (paneCount > Layout.MAX_PANES) throw new MsgpackReader.MalformedException("too many panes");
            List<Layout.Pane> panes = new ArrayList<>(rawPanes.size());
            for (Object rp : rawPanes) {
                HostMessage p = HostMessage.nested(rp, "a pane");
                panes.add(new Layout.Pane(p.integer(0, 0, Integer.MAX_VALUE), p.integer(1, 1, Layout.MAX_SIZE),
                        p.integer(2, 1, Layout.MAX_SIZE), p.integer(3, 0, Layout.MAX_SIZE), p.integer(4, 0, Layout.MAX_SIZE)));
            }
            windows.add(new Layout.Window(w.integer(0, 0, Integer.MAX_VALUE), Mirror.stripStyles(w.string(1)), List.copyOf(panes),
                    w.integer(3, -1, Integer.MAX_VALUE)));
        }
        return new Layout(cols, rows, List.copyOf(windows), m.integer(3, -1, Integer.MAX_VALUE));
    }
}
