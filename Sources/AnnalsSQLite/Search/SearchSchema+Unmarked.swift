import GRDB
import GRDBSQLite
import Glibc

/// `annals_unmarked(text)`: the text without the bytes U+0002 and U+0003, with which FTS5's `snippet()`
/// marks matched words, so that the marks of a snippet are never confused with the text's own characters.
///
/// It answers what `CASE WHEN instr(x, char(2)) + instr(x, char(3)) > 0 THEN replace(replace(x, char(2), ''),
/// char(3), '') ELSE x END` answers, with one `memchr` per mark over the text instead of SQLite's `instr`, which
/// compares at every character (a tenth of the instructions of the writer's indexing). A text without marks,
/// as nearly all are, is handed back as it is; `NULL` stays `NULL`.
extension SearchSchema {
    /// The function's SQL name.
    static let unmarkedFunction = "annals_unmarked"

    /// Registers ``unmarkedFunction`` on the connection that runs the queue's statements.
    static func registerFunctions(_ db: Database) throws {
        let code = sqlite3_create_function_v2(
            db.sqliteConnection, unmarkedFunction, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, unmarked, nil, nil,
            nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: "cannot register the \(unmarkedFunction) function")
        }
    }
}

/// The body of ``SearchSchema/unmarkedFunction`` (SQLite's `xFunc`).
private func unmarked(
    _ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let argument = arguments?.pointee, sqlite3_value_type(argument) != SQLITE_NULL else {
        sqlite3_result_null(context)
        return
    }
    guard let text = sqlite3_value_text(argument) else {
        sqlite3_result_error_nomem(context)
        return
    }
    let length = Int(sqlite3_value_bytes(argument))
    guard memchr(text, 2, length) != nil || memchr(text, 3, length) != nil else {
        sqlite3_result_value(context, argument)
        return
    }
    guard let copy = sqlite3_malloc64(UInt64(length))?.assumingMemoryBound(to: UInt8.self) else {
        sqlite3_result_error_nomem(context)
        return
    }
    var kept = 0
    for offset in 0..<length where text[offset] != 2 && text[offset] != 3 {
        copy[kept] = text[offset]
        kept += 1
    }
    copy.withMemoryRebound(to: CChar.self, capacity: kept) {
        sqlite3_result_text(context, $0, Int32(kept), sqlite3_free)
    }
}
