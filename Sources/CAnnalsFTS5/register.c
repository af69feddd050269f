#include "internal.h"

#include <stddef.h>

int annals_fts5_register(sqlite3 *db, const char *tokenizer, const char **arguments, int argumentCount) {
    // The connection's FTS5 API, as SQLite documents it: a pointer bound to `SELECT fts5(?1)`.
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    rc = annals_fts5_register_snippet(api, tokenizer, arguments, argumentCount);
    if (rc == SQLITE_OK) rc = annals_fts5_register_rank(api);
    if (rc == SQLITE_OK) rc = annals_fts5_register_row_count(db);
    return rc;
}
