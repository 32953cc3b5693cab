// The wide-character ncurses API, and the macros Swift cannot import, as functions.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
