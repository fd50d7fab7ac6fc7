#!/usr/bin/env python3
"""A small curses program for the corpus: a 256-colour palette, a scrolling region inside the
screen (curses emits DECSTBM and index/reverse-index for it) and inserted/deleted lines
(IL/DL with idlok). It waits for a key between stages so capture.sh can mark checkpoints;
'q' quits at any stage."""
import curses


def wait(scr):
    scr.refresh()
    if scr.getch() == ord('q'):
        raise SystemExit(0)


def palette(scr):
    curses.start_color()
    curses.use_default_colors()
    pairs = min(curses.COLOR_PAIRS - 1, 255)
    for n in range(1, pairs + 1):
        curses.init_pair(n, (n + 8) % curses.COLORS, n % curses.COLORS)
    scr.addstr(0, 0, 'palette: %d colours, %d pairs' % (curses.COLORS, curses.COLOR_PAIRS), curses.A_BOLD)
    width = max(1, (curses.COLS - 1) // 4)
    for n in range(1, pairs + 1):
        y, x = 1 + (n - 1) // width, ((n - 1) % width) * 4
        if y >= curses.LINES - 2:
            break
        scr.addstr(y, x, '%3d' % n, curses.color_pair(n))


def scrolling(scr):
    top, bottom = 3, curses.LINES - 4
    scr.setscrreg(top, bottom)
    scr.scrollok(True)
    scr.idlok(True)
    for i in range(bottom - top + 6):
        scr.scroll(1)
        scr.addstr(bottom, 0, 'scrolled line %d in region %d..%d' % (i, top, bottom), curses.color_pair(1 + i * 7 % 200))
        scr.refresh()
    for i in range(3):
        scr.scroll(-1)
        scr.addstr(top, 0, 'reverse %d' % i, curses.A_REVERSE)
        scr.refresh()
    scr.scrollok(False)
    scr.setscrreg(0, curses.LINES - 1)


def insert_delete(scr):
    for i in range(3):
        scr.move(5 + i, 0)
        scr.insertln()
        scr.addstr(5 + i, 2, 'inserted %d' % i, curses.color_pair(200 + i) | curses.A_UNDERLINE)
        scr.refresh()
    for i in range(2):
        scr.move(10, 0)
        scr.deleteln()
        scr.refresh()
    scr.addstr(curses.LINES - 1, 0, 'press a key', curses.A_DIM)


def main(scr):
    curses.curs_set(0)
    palette(scr)
    wait(scr)
    scrolling(scr)
    wait(scr)
    insert_delete(scr)
    wait(scr)


curses.wrapper(main)
