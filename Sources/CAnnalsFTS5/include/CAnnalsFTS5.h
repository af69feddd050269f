#ifndef ANNALS_FTS5_H
#define ANNALS_FTS5_H

#include <sqlite3.h>

/// Registers Annals' FTS5 auxiliary functions on a connection:
///
/// - `annals_snippet(fts, column, open, close, ellipsis, tokens)` returns what FTS5's own `snippet()` returns for
///   one column (same arguments, same fragment, same marks), tokenizing the column's text once instead of twice,
///   with the given tokenizer instead of the table's: pass the table's tokenizer without its stemming wrapper
///   (`porter` keeps every token of the tokenizer it wraps, at the same offsets), so that the positions FTS5
///   reports for the query's matches are the same;
/// - `annals_bm25(fts, docsize, weight...)` returns what `bm25(fts, weight...)` returns, taking the row's size from
///   `docsize`, the row's `sz` in the table's `_docsize` table, joined by the query (NULL: FTS5 is asked).
///
/// @param db The connection.
/// @param tokenizer The tokenizer's name (`unicode61`).
/// @param arguments The tokenizer's arguments (`remove_diacritics`, `2`).
/// @param argumentCount How many arguments.
/// @return `SQLITE_OK`, or an SQLite error code (`SQLITE_ERROR` when the connection has no FTS5 or no such tokenizer).
int annals_fts5_register(sqlite3 *db, const char *tokenizer, const char **arguments, int argumentCount);

#endif
