// annals_snippet: FTS5's snippet() for one column, with the column's text tokenized once.
//
// FTS5's own snippet() (ext/fts5/fts5_aux.c) tokenizes the text twice with the table's tokenizer: once to find
// where sentences start, once more to copy the chosen fragment with its marks. With `porter unicode61`, that is
// two stemming passes over every word of a document to show 24 of them (about 90% of a snippet's cost, and over
// half of an `annals search` for a query whose hits are long posts). Here the text is tokenized once, without the
// stemmer (the positions of tokens do not depend on it), recording each token's byte range; the fragment is then
// chosen and marked exactly as snippet() does it, from those ranges.

#include "internal.h"

#include <string.h>

/// What the function keeps per connection: the tokenizer it reads texts with.
typedef struct SnippetContext {
    fts5_tokenizer methods;
    Fts5Tokenizer *tokenizer;
} SnippetContext;

static void snippet_context_free(void *pointer) {
    SnippetContext *context = pointer;
    if (context->tokenizer) context->methods.xDelete(context->tokenizer);
    sqlite3_free(context);
}

/// A growable array of ints.
typedef struct IntArray {
    int *values;
    int count;
    int capacity;
} IntArray;

static int int_array_append(IntArray *array, int value) {
    if (array->count == array->capacity) {
        int capacity = array->capacity ? array->capacity * 2 : 64;
        int *values = sqlite3_realloc64(array->values, (sqlite3_uint64)capacity * sizeof(int));
        if (!values) return SQLITE_NOMEM;
        array->values = values;
        array->capacity = capacity;
    }
    array->values[array->count++] = value;
    return SQLITE_OK;
}

/// The tokens of one text: the byte range of each, and the positions of those that start a sentence.
typedef struct Tokens {
    const char *text;
    int textLength;
    IntArray starts;
    IntArray ends;
    IntArray sentences;
} Tokens;

/// The tokenizer's callback: records a token, and whether it starts a sentence — the first token, or one
/// preceded, across spaces, tabs and line breaks only, by `.` or `:` (snippet()'s own rule).
static int record_token(void *pointer, int flags, const char *token, int length, int start, int end) {
    (void)token;
    (void)length;
    Tokens *tokens = pointer;
    if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    int position = tokens->starts.count;
    int startsSentence = position == 0;
    if (!startsSentence) {
        int index = start - 1;
        char character = 0;
        for (; index >= 0; index--) {
            character = tokens->text[index];
            if (character != ' ' && character != '\t' && character != '\n' && character != '\r') break;
        }
        startsSentence = index != start - 1 && (character == '.' || character == ':');
    }
    int rc = SQLITE_OK;
    if (startsSentence) rc = int_array_append(&tokens->sentences, position);
    if (rc == SQLITE_OK) rc = int_array_append(&tokens->starts, start);
    if (rc == SQLITE_OK) rc = int_array_append(&tokens->ends, end);
    return rc;
}

/// The query's matches in the column: the phrase and token offset of each, in FTS5's order, and each phrase's
/// length in tokens.
typedef struct Instances {
    int *phrases;
    int *offsets;
    int count;
    /// Whether the offsets ascend, as FTS5 reports a column's matches: windows are then found by bisection.
    int isSorted;
    int *phraseSizes;
    unsigned char *seen;
    int phraseCount;
} Instances;

/// The index of the first match at or after token `from` (of sorted matches).
static int first_match_from(Instances *instances, int from) {
    int low = 0;
    int high = instances->count;
    while (low < high) {
        int middle = low + (high - low) / 2;
        if (instances->offsets[middle] < from) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

/// How well the `length` tokens from `from` show the matches: 1000 for each phrase present, 1 for each repeat.
/// With `adjusted`, also where a window of that length centred on the matches it holds starts.
///
/// snippet() reads every match of the column for every window it scores, which is quadratic in the matches (a
/// word found 100,000 times in one document: 10 billion steps); over sorted matches only those in the window are
/// read, in the same order, so the score is the same.
static int window_score(Instances *instances, int from, int length, int columnSize, int *adjusted) {
    memset(instances->seen, 0, (size_t)instances->phraseCount);
    sqlite3_int64 end = (sqlite3_int64)from + length;
    int score = 0;
    int first = -1;
    int last = 0;
    for (int index = instances->isSorted ? first_match_from(instances, from) : 0; index < instances->count; index++) {
        int offset = instances->offsets[index];
        if (instances->isSorted && offset >= end) break;
        if (offset < from || offset >= end) continue;
        int phrase = instances->phrases[index];
        score += instances->seen[phrase] ? 1 : 1000;
        instances->seen[phrase] = 1;
        if (first < 0) first = offset;
        last = offset + instances->phraseSizes[phrase];
    }
    if (adjusted) {
        sqlite3_int64 start = first - (length - (last - first)) / 2;
        if (start + length > columnSize) start = columnSize - length;
        if (start < 0) start = 0;
        *adjusted = (int)start;
    }
    return score;
}

/// Walks the matches a phrase at a time, overlapping ones merged into one range of tokens.
typedef struct MatchRanges {
    Instances *instances;
    int next;
    int start;
    int end;
} MatchRanges;

static void match_ranges_next(MatchRanges *ranges) {
    ranges->start = -1;
    ranges->end = -1;
    Instances *instances = ranges->instances;
    for (; ranges->next < instances->count; ranges->next++) {
        int offset = instances->offsets[ranges->next];
        int end = offset - 1 + instances->phraseSizes[instances->phrases[ranges->next]];
        if (ranges->start < 0) {
            ranges->start = offset;
            ranges->end = end;
        } else if (offset <= ranges->end) {
            if (end > ranges->end) ranges->end = end;
        } else {
            break;
        }
    }
}

static void append_text(sqlite3_str *out, const char *text, int from, int to) {
    if (to > from) sqlite3_str_append(out, text + from, to - from);
}

static const char *text_or_empty(sqlite3_value *value) {
    const char *text = (const char *)sqlite3_value_text(value);
    return text ? text : "";
}

/// Copies the tokens `rangeStart...rangeEnd` of the text with its matches marked, as snippet() does in SQLite 3.40
/// (the version Debian 12 ships; later versions changed how a match cut by the fragment's edge is marked). A range
/// ending at token 0 is no range: the whole text is walked, as there.
static void append_fragment(
    sqlite3_str *out, Tokens *tokens, Instances *instances, int rangeStart, int rangeEnd, const char *open,
    const char *close, const char *ellipsis) {
    const char *text = tokens->text;
    int columnSize = tokens->starts.count;
    if (rangeStart > 0) sqlite3_str_appendall(out, ellipsis);
    MatchRanges ranges = {instances, 0, -1, -1};
    match_ranges_next(&ranges);
    while (ranges.start >= 0 && ranges.start < rangeStart) match_ranges_next(&ranges);
    int copied = 0;
    int ranged = rangeEnd > 0;
    for (int position = ranged ? rangeStart : 0; position < columnSize; position++) {
        if (ranged && position > rangeEnd) break;
        int start = tokens->starts.values[position];
        int end = tokens->ends.values[position];
        if (ranged && rangeStart && position == rangeStart) copied = start;
        if (position == ranges.start) {
            append_text(out, text, copied, start);
            sqlite3_str_appendall(out, open);
            copied = start;
        }
        if (position == ranges.end) {
            // A match that began before the fragment is opened at the fragment's start.
            if (rangeEnd && ranges.start < rangeStart) sqlite3_str_appendall(out, open);
            append_text(out, text, copied, end);
            sqlite3_str_appendall(out, close);
            copied = end;
            match_ranges_next(&ranges);
        }
        if (ranged && position == rangeEnd) {
            append_text(out, text, copied, end);
            copied = end;
            // A match that goes on past the fragment is closed at its end.
            if (position >= ranges.start && position < ranges.end) sqlite3_str_appendall(out, close);
        }
    }
    if (rangeEnd >= columnSize - 1) {
        append_text(out, text, copied, tokens->textLength);
    } else {
        sqlite3_str_appendall(out, ellipsis);
    }
}

/// `annals_snippet(fts, column, open, close, ellipsis, tokens)`.
static void annals_snippet(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int argumentCount,
    sqlite3_value **arguments) {
    if (argumentCount != 5) {
        sqlite3_result_error(result, "wrong number of arguments to function annals_snippet()", -1);
        return;
    }
    SnippetContext *context = api->xUserData(fts);
    int column = sqlite3_value_int(arguments[0]);
    const char *open = text_or_empty(arguments[1]);
    const char *close = text_or_empty(arguments[2]);
    const char *ellipsis = text_or_empty(arguments[3]);
    int length = sqlite3_value_int(arguments[4]);
    if (column < 0 || column >= api->xColumnCount(fts)) {
        sqlite3_result_error(result, "annals_snippet(): no such column", -1);
        return;
    }
    const char *text = NULL;
    int textLength = 0;
    int rc = api->xColumnText(fts, column, &text, &textLength);
    if (rc != SQLITE_OK || !text) {
        if (rc == SQLITE_OK) {
            sqlite3_result_null(result);
        } else {
            sqlite3_result_error_code(result, rc);
        }
        return;
    }

    Instances instances = {0};
    Tokens tokens = {0};
    tokens.text = text;
    tokens.textLength = textLength;
    int instanceCount = 0;
    instances.phraseCount = api->xPhraseCount(fts);
    rc = api->xInstCount(fts, &instanceCount);
    if (rc == SQLITE_OK) {
        sqlite3_uint64 bytes = ((sqlite3_uint64)instanceCount * 2 + (sqlite3_uint64)instances.phraseCount + 1) * sizeof(int)
            + (sqlite3_uint64)instances.phraseCount + 1;
        int *block = sqlite3_malloc64(bytes);
        if (!block) {
            rc = SQLITE_NOMEM;
        } else {
            instances.phrases = block;
            instances.offsets = block + instanceCount;
            instances.phraseSizes = block + instanceCount * 2;
            instances.seen = (unsigned char *)(block + instanceCount * 2 + instances.phraseCount + 1);
        }
    }
    for (int index = 0; rc == SQLITE_OK && index < instanceCount; index++) {
        int phrase = 0;
        int instanceColumn = 0;
        int offset = 0;
        rc = api->xInst(fts, index, &phrase, &instanceColumn, &offset);
        if (rc == SQLITE_OK && instanceColumn == column) {
            instances.phrases[instances.count] = phrase;
            instances.offsets[instances.count] = offset;
            instances.count++;
        }
    }
    for (int phrase = 0; rc == SQLITE_OK && phrase < instances.phraseCount; phrase++) {
        instances.phraseSizes[phrase] = api->xPhraseSize(fts, phrase);
    }
    instances.isSorted = 1;
    for (int index = 1; index < instances.count; index++) {
        if (instances.offsets[index] < instances.offsets[index - 1]) instances.isSorted = 0;
    }
    if (rc == SQLITE_OK) {
        rc = context->methods.xTokenize(
            context->tokenizer, &tokens, FTS5_TOKENIZE_AUX, text, textLength, record_token);
    }

    if (rc == SQLITE_OK) {
        // The best fragment, as snippet() finds it: a window around each match, and one from the start of the
        // match's sentence (worth 100 more, 120 for the text's first sentence); the first best one wins.
        int columnSize = tokens.starts.count;
        int bestStart = 0;
        int bestScore = 0;
        int sentence = 0;
        for (int index = 0; index < instances.count; index++) {
            int offset = instances.offsets[index];
            if (offset > columnSize) continue;
            int adjusted = 0;
            int score = window_score(&instances, offset, length, columnSize, &adjusted);
            if (score > bestScore) {
                bestScore = score;
                bestStart = adjusted;
            }
            if (tokens.sentences.count && columnSize > length) {
                // The sentence holding the match: later than the last one's when matches ascend.
                if (!instances.isSorted) sentence = 0;
                while (sentence < tokens.sentences.count - 1 && tokens.sentences.values[sentence + 1] <= offset) {
                    sentence++;
                }
                int sentenceStart = tokens.sentences.values[sentence];
                if (sentenceStart < offset) {
                    score = window_score(&instances, sentenceStart, length, columnSize, NULL)
                        + (sentenceStart == 0 ? 120 : 100);
                    if (score > bestScore) {
                        bestScore = score;
                        bestStart = sentenceStart;
                    }
                }
            }
        }
        sqlite3_str *out = sqlite3_str_new(NULL);
        append_fragment(out, &tokens, &instances, bestStart, bestStart + length - 1, open, close, ellipsis);
        rc = sqlite3_str_errcode(out);
        int outLength = sqlite3_str_length(out);
        char *snippet = sqlite3_str_finish(out);
        if (rc == SQLITE_OK) {
            if (snippet) {
                sqlite3_result_text(result, snippet, outLength, sqlite3_free);
                snippet = NULL;
            } else {
                sqlite3_result_text(result, "", 0, SQLITE_STATIC);
            }
        }
        sqlite3_free(snippet);
    }
    if (rc != SQLITE_OK) sqlite3_result_error_code(result, rc);
    sqlite3_free(instances.phrases);
    sqlite3_free(tokens.starts.values);
    sqlite3_free(tokens.ends.values);
    sqlite3_free(tokens.sentences.values);
}

int annals_fts5_register_snippet(fts5_api *api, const char *tokenizer, const char **arguments, int argumentCount) {
    SnippetContext *context = sqlite3_malloc(sizeof *context);
    if (!context) return SQLITE_NOMEM;
    memset(context, 0, sizeof *context);
    void *tokenizerContext = NULL;
    int rc = api->xFindTokenizer(api, tokenizer, &tokenizerContext, &context->methods);
    if (rc == SQLITE_OK) rc = context->methods.xCreate(tokenizerContext, arguments, argumentCount, &context->tokenizer);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "annals_snippet", context, annals_snippet, snippet_context_free);
    if (rc != SQLITE_OK) snippet_context_free(context);
    return rc;
}
