#ifndef ANNALS_FTS5_H
#define ANNALS_FTS5_H

#include <sqlite3.h>

/// Registers the FTS5 auxiliary function `annals_snippet` on a connection.
///
/// `annals_snippet(fts, column, open, close, ellipsis, tokens)` returns what FTS5's own `snippet()` returns
/// for one column (same arguments, same fragment, same marks), tokenizing the column's text once instead of
/// twice, and with the given tokenizer instead of the table's: pass the table's tokenizer without its stemming
/// wrapper (`porter` keeps every token of the tokenizer it wraps, at the same offsets), so that the positions
/// FTS5 reports for the query's matches are the same.
///
/// @param db The connection.
/// @param tokenizer The tokenizer's name (`unicode61`).
/// @param arguments The tokenizer's arguments (`remove_diacritics`, `2`).
/// @param argumentCount How many arguments.
/// @return `SQLITE_OK`, or an SQLite error code (`SQLITE_ERROR` when the connection has no FTS5 or no such tokenizer).
int annals_fts5_register_snippet(sqlite3 *db, const char *tokenizer, const char **arguments, int argumentCount);

#endif
