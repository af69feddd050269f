#ifndef ANNALS_FTS5_INTERNAL_H
#define ANNALS_FTS5_INTERNAL_H

#include "CAnnalsFTS5.h"

/// Registers `annals_snippet`, reading texts with the given tokenizer.
int annals_fts5_register_snippet(fts5_api *api, const char *tokenizer, const char **arguments, int argumentCount);

/// Registers `annals_bm25`.
int annals_fts5_register_rank(fts5_api *api);

int annals_fts5_register_row_count(sqlite3 *db);

#endif
