/// Why a query could not be read, and where.
///
/// The message says what is wrong and, where it can, how to write it instead; `position` is the
/// 0-based index of the character (grapheme) where the problem starts.
public struct SearchQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for the user.
    public var message: String
    /// The 0-based character position in the query where the problem starts.
    public var position: Int

    /// Creates an error.
    public init(_ message: String, at position: Int) {
        self.message = message
        self.position = position
    }

    /// The message and the 0-based position, on one line.
    public var description: String { "\(message) (at position \(position))" }
}
