#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H

#include <sqlite3.h>

// `SQLITE_TRANSIENT` is a macro that casts -1 to a function pointer, which Swift cannot import:
// this forwarder binds text that SQLite copies before the call returns.

static inline int CSQLite_bind_text_transient(sqlite3_stmt *statement, int index,
                                              const char *text, int length) {
  return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

#endif
