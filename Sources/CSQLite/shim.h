#include <sqlite3.h>

/// Turns off SQLite's memory statistics for the process: every sqlite3_malloc and sqlite3_free
/// otherwise takes a global mutex to count bytes (SQLite's docs recommend it off where
/// sqlite3_memory_used and the soft heap limit are not used; Seleksi uses neither). Only takes effect
/// before SQLite initialises; later it returns SQLITE_MISUSE and changes nothing. A function of its own
/// because sqlite3_config is variadic, which Swift cannot call.
static inline int seleksi_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
