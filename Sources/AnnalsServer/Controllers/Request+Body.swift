import Hummingbird

extension Request {
    /// The whole body, at most `limit` bytes, if it all arrives within `timeout` of asking for it.
    ///
    /// Hummingbird's idle timeout restarts whenever a piece of a body is read, so a client sending a
    /// byte now and then would otherwise keep a handler waiting for as long as it likes. On time-out
    /// the response is 408 and asks for the connection to be closed.
    ///
    /// - Parameters:
    ///   - limit: The most bytes accepted (more is a 413).
    ///   - timeout: How long the whole body may take; `nil` waits for ever.
    /// - Returns: The body.
    /// - Throws: `HTTPError` 408 when the body is late, 413 when it is too large.
    func collectBody(upTo limit: Int, within timeout: Duration?) async throws -> ByteBuffer {
        guard let timeout else { return try await body.collect(upTo: limit) }
        let body = self.body
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let collected = first else {
                throw HTTPError(
                    .requestTimeout, headers: [.connection: "close"],
                    message: "The request's body did not arrive in time.")
            }
            return collected
        }
    }
}
