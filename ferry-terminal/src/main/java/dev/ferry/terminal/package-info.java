/**
 * Ferry's terminal engine: a passive virtual terminal that behaves like one tmux 3.3 pane.
 *
 * <p>Public API: {@link dev.ferry.terminal.Terminal} (feed bytes, resize, snapshot, text),
 * {@link dev.ferry.terminal.Frame} (an immutable picture of the screen),
 * {@link dev.ferry.terminal.Renderer} (diffs frames onto one client of any size) and
 * {@link dev.ferry.terminal.Modes}.
 *
 * <p>Inside, following tmux's split: {@code Parser} (DEC state machine, UTF-8) hands controls and
 * sequences to {@code Dispatcher} ({@code Sgr}, {@code PrivateModes}), which drives the
 * {@code Screen} (grid, scrolling, erasing), {@code Printer} (characters: tmux's collect and cell
 * paths), {@code Cursor} (motion, tabs, region, DECSC) and {@code ScreenLayout} (alternate screen,
 * RIS, resize) with {@code Reflow}. Rows are {@code Line}s of primitive arrays with {@code Style}
 * packed in a long; scrollback is a {@code History} ring of {@code LineCodec}-packed byte arrays.
 * {@code Capture} prints what capture-pane prints, {@code Snapshot} writes the bytes that rebuild a
 * screen, {@code CharWidth} is glibc's wcwidth and {@code Charsets} the DEC special graphics.
 */
package dev.ferry.terminal;
