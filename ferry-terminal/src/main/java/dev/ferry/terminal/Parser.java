package dev.ferry.terminal;

/**
 * The DEC ANSI parser state machine (vt100.net/emu/dec_ansi_parser) with tmux 3.3's choices:
 * UTF-8 in the ground state (invalid or interrupted sequences are dropped, as tmux drops them),
 * no 8-bit C1 controls, OSC ended by BEL or ESC, DCS/SOS/PM payloads consumed and discarded.
 * Printable ASCII runs go to the screen in one call; nothing allocates per byte.
 */
final class Parser {
    static final int GROUND = 0, ESC = 1, ESC_INTER = 2, CSI_ENTRY = 3, CSI_PARAM = 4, CSI_INTER = 5,
            CSI_IGNORE = 6, OSC = 7, DCS = 8, DCS_ESC = 9, STRING = 10, CONSUME_ST = 11, DCS_ENTRY = 12;
    static final int MAX_PARAM_BYTES = 64, MAX_STRING = 4096;

    private final Screen s;
    private final Dispatcher dispatch;
    int state = GROUND;

    // UTF-8 decoding
    private int utfNeed, utfHave, utfCp, utfLen;

    // sequence collection
    final byte[] paramBytes = new byte[MAX_PARAM_BYTES];
    int paramLen;
    int inter;               // intermediates and private marker, packed one byte each
    private int interLen;
    /** The sequence overflowed tmux's buffers (63 parameter bytes, 3 intermediates): ignore it. */
    boolean discard;
    final byte[] str = new byte[MAX_STRING];
    int strLen;
    boolean strOverflow;
    private int stringKind;  // 'P' DCS, '_' APC, 'k' rename

    Parser(Screen s) {
        this.s = s;
        this.dispatch = new Dispatcher(s, this);
    }

    void feed(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (state == GROUND) {
                if (c >= 0x20 && c < 0x7F) {
                    int j = i + 1;
                    while (j < end && ((b[j] - 0x20) & 0xFF) < 0x5F) {     // 0x20..0x7e, one compare
                        j++;
                    }
                    utfNeed = 0;
                    Printer.printAscii(s, b, i, j);
                    i = j;
                    continue;
                }
                if (c >= 0x80) {
                    utf8(c);
                    i++;
                    continue;
                }
            }
            if ((state == CSI_PARAM || state == CSI_ENTRY) && c >= 0x30 && c <= 0x3B) {
                i = params(b, i, end);      // what step() does for each parameter byte, in one loop
                continue;
            }
            step(c);
            i++;
        }
        s.zwj = false;   // tmux forgets a pending ZWJ at the end of each read
    }

    private void utf8(int c) {
        if (utfNeed == 0) {
            if (c >= 0xC2 && c <= 0xDF) {
                utfNeed = 1;
                utfCp = c & 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                utfNeed = 2;
                utfCp = c & 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                utfNeed = 3;
                utfCp = c & 0x07;
            } else {
                return;
            }
            utfLen = utfNeed + 1;
            utfHave = 0;
            return;
        }
        if ((c & 0xC0) != 0x80) {
            utfNeed = 0;     // tmux drops both the broken sequence and this byte
            return;
        }
        utfCp = utfCp << 6 | (c & 0x3F);
        utfHave++;
        if (--utfNeed > 0) {
            return;
        }
        int cp = utfCp;
        boolean overlong = (utfLen == 3 && cp < 0x800) || (utfLen == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return;
        }
        Printer.print(s, cp);
    }

    private void step(int c) {
        // tmux's INPUT_STATE_ANYWHERE: every state but a DCS payload; leaving a string ends it
        if (state != DCS && state != DCS_ESC && (c == 0x1B || c == 0x18 || c == 0x1A)) {
            endString();
            if (c == 0x1B) {
                enterEsc();
            } else {
                state = GROUND;
                control(c);
            }
            return;
        }
        switch (state) {
            case GROUND -> control(c);
            case ESC -> {
                if (c < 0x20) {
                    control(c);
                } else if (c < 0x30) {
                    collect(c);
                    state = ESC_INTER;
                } else if (c == '[') {
                    paramLen = 0;
                    inter = 0;
                    interLen = 0;
                    discard = false;
                    state = CSI_ENTRY;
                } else if (c == ']') {
                    startString(']');
                    state = OSC;
                    s.last = -1;
                } else if (c == 'P') {
                    state = DCS_ENTRY;
                    s.last = -1;
                } else if (c == '_' || c == 'k') {
                    startString(c);
                    state = STRING;
                    s.last = -1;
                } else if (c == 'X' || c == '^') {
                    state = CONSUME_ST;
                } else if (c < 0x7F) {
                    state = GROUND;
                    dispatch.esc(c);
                }
            }
            case ESC_INTER -> {
                if (c < 0x20) {
                    control(c);
                } else if (c < 0x30) {
                    collect(c);
                } else if (c < 0x7F) {
                    state = GROUND;
                    dispatch.esc(c);
                }
            }
            case CSI_ENTRY, CSI_PARAM -> {
                if (c < 0x20) {
                    control(c);
                } else if (c < 0x30) {
                    collect(c);
                    state = CSI_INTER;
                } else if (c <= 0x3B) {
                    param(c);
                    state = CSI_PARAM;
                } else if (c <= 0x3F) {
                    if (state == CSI_ENTRY) {
                        collect(c);
                        state = CSI_PARAM;
                    } else {
                        state = CSI_IGNORE;
                    }
                } else if (c < 0x7F) {
                    state = GROUND;
                    dispatch.csi(c);
                }
            }
            case CSI_INTER -> {
                if (c < 0x20) {
                    control(c);
                } else if (c < 0x30) {
                    collect(c);
                } else if (c < 0x40) {
                    state = CSI_IGNORE;
                } else if (c < 0x7F) {
                    state = GROUND;
                    dispatch.csi(c);
                }
            }
            case CSI_IGNORE -> {
                if (c < 0x20) {
                    control(c);
                } else if (c >= 0x40 && c < 0x7F) {
                    state = GROUND;
                }
            }
            case OSC -> {
                if (c == 0x07) {
                    endString();
                    state = GROUND;
                } else if (c >= 0x20) {
                    addString(c);
                }
            }
            case STRING -> {
                if (c >= 0x20) {
                    addString(c);
                }
            }
            case DCS_ENTRY -> {
                if (c == ':') {
                    state = CONSUME_ST;     // tmux's dcs_ignore
                } else if (c >= 0x40 && c < 0x7F) {
                    state = DCS;
                }
            }
            case DCS -> {
                if (c == 0x1B) {
                    state = DCS_ESC;
                }
            }
            case DCS_ESC -> state = c == '\\' ? GROUND : DCS;
            case CONSUME_ST -> { }
            default -> state = GROUND;
        }
    }

    /** Leaving an OSC or APC string acts on it, whatever ended it (tmux's state exit handlers). */
    private void endString() {
        if (state == OSC) {
            dispatch.osc();
        } else if (state == STRING && stringKind == '_') {
            dispatch.apc();
        }
        state = GROUND;
    }

    private void enterEsc() {
        state = ESC;
        inter = 0;
        interLen = 0;
        discard = false;
    }

    private void control(int c) {
        if (c != 0x1B && c >= 0x20) {
            return;
        }
        utfNeed = 0;     // a C0 control ends any UTF-8 sequence (tmux); an escape sequence does not
        dispatch.control(c);
    }

    private void collect(int c) {
        if (interLen == 3) {
            discard = true;
        } else {
            inter = inter << 8 | c;
            interLen++;
        }
    }

    /** Collects the run of parameter bytes (0-9 : ;) from i, as param() would one by one. */
    private int params(byte[] b, int i, int end) {
        byte[] pb = paramBytes;
        int len = paramLen;
        while (i < end) {
            int c = b[i];
            if (c < 0x30 || c > 0x3B) {
                break;
            }
            if (len == MAX_PARAM_BYTES - 1) {
                discard = true;
            } else {
                pb[len++] = (byte) c;
            }
            i++;
        }
        paramLen = len;
        state = CSI_PARAM;
        return i;
    }

    private void param(int c) {
        if (paramLen == MAX_PARAM_BYTES - 1) {
            discard = true;
        } else {
            paramBytes[paramLen++] = (byte) c;
        }
    }

    private void startString(int kind) {
        stringKind = kind;
        strLen = 0;
        strOverflow = false;
    }

    private void addString(int c) {
        if (strLen < MAX_STRING) {
            str[strLen++] = (byte) c;
        } else {
            strOverflow = true;
        }
    }
}
