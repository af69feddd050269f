/// Something wrong with an input that the parser recovered from.
///
/// Parsing real mail is lenient: problems are recorded here and parsing goes on.
public struct Defect: Hashable, Sendable, Codable {
    /// A stable short name for the kind of problem, for example `missing-boundary`.
    public var code: String
    /// What went wrong, in words.
    public var message: String

    /// Creates a defect.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
