#ifndef ANNALS_SQLITE_SETTINGS_H
#define ANNALS_SQLITE_SETTINGS_H

#include <sqlite3.h>

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS), which take a process-wide mutex on every
/// sqlite3_malloc and sqlite3_free. sqlite3_config is variadic, so Swift cannot call it itself.
///
/// It only has an effect before SQLite initializes (before the process opens its first connection); later it
/// returns SQLITE_MISUSE and changes nothing. Returns SQLite's result code.
static inline int annals_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
