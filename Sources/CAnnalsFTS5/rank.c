// annals_bm25: FTS5's bm25() with the row's size read from a value the query joins in, not looked up per row.
//
// bm25() needs each matching row's length in tokens, and asks FTS5 for it (xColumnSize), which runs a statement on
// the `_docsize` table for every row: for a word found in 2,000 documents that was a third of an `annals search`
// process's instructions (callgrind). A query that joins the `_docsize` row itself (a lookup inside the query's own
// loop, about a third of the cost) hands its `sz` value in, and the score is worked out exactly as bm25() works it
// out (ext/fts5/fts5_aux.c, SQLite 3.40: same constants, same operations in the same order, so the same doubles).

#include "internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/// What a query's scores share, worked out at its first row: the average row length and each phrase's IDF.
typedef struct RankData {
    int phraseCount;
    double averageLength;
    double *inverseFrequencies;
    double *frequencies;
} RankData;

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *count) {
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)count)++;
    return SQLITE_OK;
}

/// The query's RankData, worked out at its first row: with each phrase's IDF when `withInverseFrequencies` (counting
/// the rows of each phrase, one more pass over its matches), else with the average length alone.
static int rank_data(const Fts5ExtensionApi *api, Fts5Context *fts, int withInverseFrequencies, RankData **out) {
    RankData *data = api->xGetAuxdata(fts, 0);
    if (data) {
        *out = data;
        return SQLITE_OK;
    }
    int phraseCount = api->xPhraseCount(fts);
    sqlite3_int64 bytes = (sqlite3_int64)sizeof(RankData) + (sqlite3_int64)phraseCount * 2 * (sqlite3_int64)sizeof(double);
    data = sqlite3_malloc64((sqlite3_uint64)bytes);
    if (!data) return SQLITE_NOMEM;
    memset(data, 0, (size_t)bytes);
    data->phraseCount = phraseCount;
    data->inverseFrequencies = (double *)&data[1];
    data->frequencies = &data->inverseFrequencies[phraseCount];
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) data->averageLength = (double)tokens / (double)rows;
    for (int phrase = 0; rc == SQLITE_OK && withInverseFrequencies && phrase < phraseCount; phrase++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, phrase, &hits, count_row);
        if (rc == SQLITE_OK) {
            // IDF = log((N - n + 0.5) / (n + 0.5)), at least 1e-6, as bm25() has it.
            double idf = log((rows - hits + 0.5) / (hits + 0.5));
            if (idf <= 0.0) idf = 1e-6;
            data->inverseFrequencies[phrase] = idf;
        }
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, data, sqlite3_free);
    else sqlite3_free(data);
    *out = rc == SQLITE_OK ? data : NULL;
    return rc;
}

/// Reads one SQLite varint (the format of FTS5's records) at `*offset`, moving past it; 0 when the record ends first.
///
/// Inlined: a call per column of every matching row's sizes cost 0.35 M instructions for 2,431 matches (callgrind).
static inline __attribute__((always_inline)) int read_varint(const unsigned char *bytes, int length, int *offset, sqlite3_uint64 *value) {
    sqlite3_uint64 result = 0;
    for (int read = 0;; read++) {
        if (*offset >= length) return 0;
        unsigned char byte = bytes[(*offset)++];
        if (read == 8) {
            *value = (result << 8) | byte;
            return 1;
        }
        result = (result << 7) | (byte & 0x7F);
        if (!(byte & 0x80)) {
            *value = result;
            return 1;
        }
    }
}

/// The sum of the column sizes in a `_docsize` record (one SQLite varint per column), or -1 when the value is not
/// one such record for `columns` columns.
static int docsize_total(sqlite3_value *value, int columns) {
    if (sqlite3_value_type(value) != SQLITE_BLOB) return -1;
    const unsigned char *bytes = sqlite3_value_blob(value);
    int length = sqlite3_value_bytes(value);
    int offset = 0;
    sqlite3_int64 total = 0;
    for (int column = 0; column < columns; column++) {
        sqlite3_uint64 size = 0;
        if (!read_varint(bytes, length, &offset, &size) || size > 0x7FFFFFFF) return -1;
        total += (sqlite3_int64)size;
    }
    if (offset != length || total > 0x7FFFFFFF) return -1;
    return (int)total;
}

/// BM25's term for one phrase before its IDF, as bm25() works it out: f(k1 + 1) / (f + k1(1 - b + b·length/average)).
static double phrase_term(double frequency, double length, double averageLength) {
    const double k1 = 1.2;
    const double b = 0.75;
    return (frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / averageLength));
}

/// What annals_bm25() and annals_bm25_phrase() (called `name`) share: the query's RankData, each phrase's weighted
/// count of instances in the row (in `data->frequencies`) and the row's length in tokens. Answers 0 when it cannot,
/// having set the function's error on `result`.
static int row_frequencies(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, const char *name,
    int withInverseFrequencies, int argumentCount, sqlite3_value **arguments, RankData **out, double *length) {
    if (argumentCount < 1) {
        char *message = sqlite3_mprintf("wrong number of arguments to function %s()", name);
        sqlite3_result_error(result, message ? message : "wrong number of arguments", -1);
        sqlite3_free(message);
        return 0;
    }
    RankData *data = NULL;
    int rc = rank_data(api, fts, withInverseFrequencies, &data);
    double *frequencies = NULL;
    if (rc == SQLITE_OK) {
        frequencies = data->frequencies;
        memset(frequencies, 0, sizeof(double) * (size_t)data->phraseCount);
    }
    // Each phrase's instances, read from its position list in place (xPhraseFirst/xPhraseNext). bm25() asks xInst,
    // which first copies every phrase's instances into one array sorted by position (fts5CacheInstArray): a third of
    // the function's cost. A phrase's instances come in the same order either way (by column, then offset), so each
    // sum takes its terms in the same order, and is the same double.
    int weights = argumentCount - 1;
    for (int phrase = 0; rc == SQLITE_OK && phrase < data->phraseCount; phrase++) {
        Fts5PhraseIter iterator;
        int column = 0;
        int offset = 0;
        rc = api->xPhraseFirst(fts, phrase, &iterator, &column, &offset);
        for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &iterator, &column, &offset)) {
            double weight = weights > column ? sqlite3_value_double(arguments[1 + column]) : 1.0;
            frequencies[phrase] += weight;
        }
    }
    int tokens = 0;
    if (rc == SQLITE_OK) {
        tokens = docsize_total(arguments[0], api->xColumnCount(fts));
        if (tokens < 0) rc = api->xColumnSize(fts, -1, &tokens);
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return 0;
    }
    *out = data;
    *length = (double)tokens;
    return 1;
}

/// `annals_bm25(fts, docsize, weight...)`: bm25(fts, weight...), with the row's `_docsize.sz` handed in (or NULL, and
/// FTS5 is asked).
static void annals_bm25(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int argumentCount,
    sqlite3_value **arguments) {
    RankData *data = NULL;
    double length = 0.0;
    if (!row_frequencies(api, fts, result, "annals_bm25", 1, argumentCount, arguments, &data, &length)) return;
    double score = 0.0;
    for (int phrase = 0; phrase < data->phraseCount; phrase++) {
        score += data->inverseFrequencies[phrase] * phrase_term(data->frequencies[phrase], length, data->averageLength);
    }
    sqlite3_result_double(result, -1.0 * score);
}

/// `annals_bm25_phrase(fts, docsize, weight...)`: for a query of one phrase, its term of bm25() without the IDF, which
/// is the same for every row: bm25() is then -(IDF × this), as the same doubles.
///
/// bm25() works the IDF out from how many rows hold the phrase, which it counts in a second pass over the phrase's
/// matches (for a prefix, its expansion again). When the query is that one phrase, the caller, who reads every match,
/// has counted them already.
static void annals_bm25_phrase(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int argumentCount,
    sqlite3_value **arguments) {
    if (api->xPhraseCount(fts) != 1) {
        sqlite3_result_error(result, "annals_bm25_phrase() ranks a query of one phrase", -1);
        return;
    }
    RankData *data = NULL;
    double length = 0.0;
    if (!row_frequencies(api, fts, result, "annals_bm25_phrase", 0, argumentCount, arguments, &data, &length)) return;
    sqlite3_result_double(result, phrase_term(data->frequencies[0], length, data->averageLength));
}

/// `annals_fts5_rows(block)`: how many rows an FTS5 table holds, read from its averages record (the `_data` row with
/// id 1: the row count, then each column's total of tokens, as SQLite varints): what bm25() reads as N. NULL when
/// the value is not such a record.
///
/// A query of FTS5 (`xRowCount` in an auxiliary function) would read the same record, but preparing it prepares
/// FTS5's own statements too: a third of a million instructions, more than a short search spends counting.
static void annals_fts5_rows(sqlite3_context *result, int argumentCount, sqlite3_value **arguments) {
    if (argumentCount != 1 || sqlite3_value_type(arguments[0]) != SQLITE_BLOB) {
        sqlite3_result_null(result);
        return;
    }
    int offset = 0;
    sqlite3_uint64 rows = 0;
    if (!read_varint(sqlite3_value_blob(arguments[0]), sqlite3_value_bytes(arguments[0]), &offset, &rows)
        || rows > (sqlite3_uint64)INT64_MAX) {
        sqlite3_result_null(result);
        return;
    }
    sqlite3_result_int64(result, (sqlite3_int64)rows);
}

int annals_fts5_register_rank(fts5_api *api) {
    int rc = api->xCreateFunction(api, "annals_bm25", NULL, annals_bm25, NULL);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "annals_bm25_phrase", NULL, annals_bm25_phrase, NULL);
    return rc;
}

int annals_fts5_register_row_count(sqlite3 *db) {
    return sqlite3_create_function_v2(
        db, "annals_fts5_rows", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, annals_fts5_rows,
        NULL, NULL, NULL);
}
