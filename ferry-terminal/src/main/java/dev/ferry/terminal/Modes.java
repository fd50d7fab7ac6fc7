package dev.ferry.terminal;

/** The terminal modes that a participant's own terminal must mirror to send the right keys. */
public record Modes(
        boolean applicationCursorKeys,   // DECCKM, CSI ? 1 h
        boolean applicationKeypad,       // DECKPAM, ESC =
        boolean bracketedPaste,          // CSI ? 2004 h
        int mouseTracking,               // 0 off, 1000, 1002 or 1003
        boolean mouseSgr,                // CSI ? 1006 h
        boolean focusEvents,             // CSI ? 1004 h
        boolean cursorVisible) {         // DECTCEM, CSI ? 25 h
}
