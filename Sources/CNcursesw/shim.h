// The wide-character ncurses API, and the macros Swift cannot import, as functions.
// Nothing here touches stdscr, curscr, LINES, COLS or stdio's globals, which Swift 6
// rejects as not concurrency-safe: callers keep the WINDOW* and SCREEN* they get back.
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <ncurses.h>

// Attributes (function-like macros in ncurses.h).
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }

// Sets a window's attributes and colour pair for the text written next.
static inline int cn_attr_set(WINDOW *win, attr_t attrs, short pair) {
    return wattr_set(win, attrs, pair, NULL);
}

// Writes a wide string of `n` characters at (y, x).
static inline int cn_put(WINDOW *win, int y, int x, const wchar_t *text, int n) {
    if (wmove(win, y, x) == ERR) return ERR;
    return waddnwstr(win, text, n);
}

// Whether the terminal restores the screen it had before curses (xterm's alternate
// screen): without it (vt100) the last frame stays, and the shell's next line must not
// land on it.
static inline int cn_restores_screen(void) {
    char *rmcup = tigetstr("rmcup");
    return rmcup != NULL && rmcup != (char *)-1 && rmcup[0] != '\0';
}

// Moves the shell's cursor to a fresh line after the last frame (stdout is a global Swift
// may not touch).
static inline void cn_fresh_line(void) {
    fputc('\n', stdout);
    fflush(stdout);
}

// The size of the terminal on stdout, if stdout is one: 0 on success.
static inline int cn_stdout_size(int *rows, int *cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(1, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static inline int cn_rows(const WINDOW *win) { return getmaxy(win); }
static inline int cn_columns(const WINDOW *win) { return getmaxx(win); }

// A terminal on the process's own stdin/stdout, for TERM from the environment.
// NULL (instead of initscr's exit) when the terminal is unknown.
static inline SCREEN *cn_newterm(void) {
    return newterm(NULL, stdout, stdin);
}

// A terminal of type `type` on the given streams, sized from the terminal itself (its
// window size wins over LINES/COLUMNS). For driving curses over a pseudo-terminal in tests.
static inline SCREEN *cn_newterm_on(const char *type, FILE *out, FILE *in) {
    use_env(TRUE);
    use_tioctl(TRUE);
    return newterm(type, out, in);
}

// A pseudo-terminal pair of `rows`×`cols`; 0 on success.
static inline int cn_open_pty(int *master, int *slave, int rows, int cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    return openpty(master, slave, NULL, NULL, &ws);
}

// The standard screen of the current terminal (after cn_newterm), read in C because
// Swift 6 refuses the global.
static inline WINDOW *cn_stdscr(void) { return stdscr; }

// setlocale(LC_ALL, "") — the user's locale, needed before any wide output.
static inline void cn_adopt_user_locale(void) { setlocale(LC_ALL, ""); }

// 1 when the current locale's character set is UTF-8.
static inline int cn_locale_is_utf8(void) {
    const char *set = nl_langinfo(CODESET);
    if (set == NULL) return 0;
    return strcasecmp(set, "UTF-8") == 0 || strcasecmp(set, "UTF8") == 0;
}

// Whether the terminal supports colours (after cn_newterm).
static inline int cn_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int cn_color_count(void) { return COLORS; }
static inline int cn_pair_count(void) { return COLOR_PAIRS; }

static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }

// The mouse (`mouse: true` in the settings): clicks and the wheel, reported at once.
static inline void cn_enable_mouse(void) {
    mmask_t old;
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, &old);
    mouseinterval(0);
}
static inline int cn_key_mouse(void) { return KEY_MOUSE; }
// The pending mouse event: 1 with its cell and kind (1 a click, 2 the wheel up, 3 down,
// 0 anything else), or 0 when there is none.
static inline int cn_read_mouse(int *x, int *y, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *kind = 1;
    else if (event.bstate & BUTTON4_PRESSED) *kind = 2;
    else if (event.bstate & BUTTON5_PRESSED) *kind = 3;
    else *kind = 0;
    return 1;
}

#endif
