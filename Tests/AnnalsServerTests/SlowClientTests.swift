import AnnalsServer
import Foundation
import Glibc
import Hummingbird
import HummingbirdTesting
import Testing

/// A TCP connection to the server under test, driven with plain non-blocking socket calls so that no
/// thread of the test's (small) cooperative pool ever blocks while the server needs it.
private struct RawConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw SocketError("connect: errno \(errno)")
        }
    }

    /// Sends without blocking and without SIGPIPE; false when the server has closed the connection.
    func send(_ bytes: [UInt8]) -> Bool {
        let sent = bytes.withUnsafeBytes {
            Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        }
        return sent == bytes.count || (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    }

    /// Whether the server has closed the connection (end of stream or reset), without blocking.
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        let read = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if read == 0 { return true }
        return read < 0 && errno != EAGAIN && errno != EWOULDBLOCK
    }

    /// Reads until the server closes the connection, polling without blocking.
    func readAll(deadline: ContinuousClock.Instant) async throws -> [UInt8] {
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while ContinuousClock.now < deadline {
            let read = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if read > 0 {
                response += buffer[0..<read]
            } else if read == 0 {
                return response
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try await Task.sleep(for: .milliseconds(2))
            } else {
                throw SocketError("recv: errno \(errno)")
            }
        }
        throw SocketError("no whole response before the deadline (\(response.count) bytes read)")
    }

    /// Whatever the server has sent that is waiting to be read, without blocking.
    func available() -> [UInt8] {
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let read = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard read > 0 else { return response }
            response += buffer[0..<read]
        }
    }

    func close() { _ = Glibc.close(descriptor) }

    /// One `GET` with `Connection: close`: the status line and how long the whole response took.
    static func get(_ path: String, port: Int) async throws -> (status: String, seconds: Double) {
        let started = ContinuousClock.now
        let connection = try RawConnection(port: port)
        defer { connection.close() }
        let request = "GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        guard connection.send(Array(request.utf8)) else { throw SocketError("send failed") }
        let response = try await connection.readAll(deadline: started + .seconds(20))
        let text = String(decoding: response.prefix(200), as: UTF8.self)
        let status = text.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let elapsed = ContinuousClock.now - started
        return (status, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

private struct SocketError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

@Suite("Slow clients (slowloris) over a real socket")
struct SlowClientTests {
    static let slowClients = 200

    /// The web archive over the test archive, on a free port, with this idle timeout.
    static func application(idleTimeout: Double) -> some ApplicationProtocol {
        buildApplication(
            store: WebArchive.store,
            settings: ServerSettings(
                host: "127.0.0.1", port: 0, site: WebArchive.configuration, idleTimeout: idleTimeout),
            search: ArchiveSearchProvider(store: WebArchive.store))
    }

    @Test("200 clients dripping a request header byte by byte neither stop others being served nor stay open")
    func slowloris() async throws {
        let idleTimeout = 2.0
        let app = Self.application(idleTimeout: idleTimeout)
        let document = try WebArchive.id(subject: "Strike in Lima")
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // Every slow client starts a plausible request and then sends one more byte every 100 ms.
            let header = Array("GET /documents/\(document)/ HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow".utf8)
            var slow: [RawConnection] = []
            for _ in 0..<Self.slowClients {
                slow.append(try RawConnection(port: port))
            }
            defer { for connection in slow { connection.close() } }
            let opened = ContinuousClock.now
            var sent = Array(repeating: 0, count: slow.count)
            var closedAfter: [Int: Double] = [:]

            // While they drip, a normal client is served the home page and a document page, promptly.
            let normal = Task {
                var timings: [(String, String, Double)] = []
                for path in ["/", "/documents/\(document)/", "/search/?q=strike+place:PE", "/places/PE/feed.atom", "/"]
                {
                    try await Task.sleep(for: .milliseconds(150))
                    let (status, seconds) = try await RawConnection.get(path, port: port)
                    timings.append((path, status, seconds))
                }
                return timings
            }
            while ContinuousClock.now < opened + .seconds(idleTimeout + 4), closedAfter.count < slow.count {
                for (index, connection) in slow.enumerated() where closedAfter[index] == nil {
                    let stillOpen =
                        !connection.isClosedByServer()
                        && (sent[index] >= header.count || connection.send([header[sent[index]]]))
                    if stillOpen {
                        sent[index] += 1
                    } else {
                        let elapsed = ContinuousClock.now - opened
                        closedAfter[index] =
                            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    }
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            for (path, status, seconds) in try await normal.value {
                #expect(status == "HTTP/1.1 200 OK", "\(path)")
                #expect(seconds < 2, "\(path) took \(seconds) s beside \(Self.slowClients) slow clients")
            }
            // Each slow client was dropped once the idle timeout passed without a whole request, not before.
            #expect(closedAfter.count == slow.count, "\(slow.count - closedAfter.count) slow clients still open")
            #expect(closedAfter.values.allSatisfy { $0 >= idleTimeout - 0.2 }, "closed before the timeout")
            #expect(sent.allSatisfy { $0 < header.count }, "a slow client finished its header")
            // And the server still answers.
            let (status, _) = try await RawConnection.get("/documents/\(document)/", port: port)
            #expect(status == "HTTP/1.1 200 OK")
        }
    }

    @Test("A POST body trickled a byte at a time is answered 408 and its connection closed when the time is up")
    func trickledBody() async throws {
        let idleTimeout = 1.5
        let app = Self.application(idleTimeout: idleTimeout)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let body = Array("verb=Identify&padding=".utf8) + Array(repeating: UInt8(ascii: "x"), count: 400)
            let head =
                "POST /oai HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(body.count)\r\n\r\n"
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            let started = ContinuousClock.now
            #expect(connection.send(Array(head.utf8)))
            // One byte every 100 ms keeps Hummingbird's idle clock from ever running out.
            var sent = 0
            var response: [UInt8] = []
            var closedAfter: Double?
            var answeredAfter: Double?
            while ContinuousClock.now < started + .seconds(20), sent < body.count {
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                response += connection.available()
                if !response.isEmpty, answeredAfter == nil { answeredAfter = seconds }
                if connection.isClosedByServer() {
                    closedAfter = seconds
                    break
                }
                _ = connection.send([body[sent]])
                sent += 1
                try await Task.sleep(for: .milliseconds(100))
            }
            let text = String(decoding: response.prefix(200), as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 408"), "\(text)")
            let answered = try #require(answeredAfter, "no answer after \(sent) bytes")
            let closed = try #require(closedAfter, "still open after \(sent) bytes")
            #expect(
                answered >= idleTimeout - 0.2 && closed >= answered, "answered \(answered) s, closed \(closed) s")
            #expect(sent < body.count)
            // A quick POST is still answered.
            let quick = try RawConnection(port: port)
            defer { quick.close() }
            let request = head.replacingOccurrences(of: "\r\n\r\n", with: "\r\nConnection: close\r\n\r\n")
            #expect(quick.send(Array(request.utf8) + body))
            let answer = try await quick.readAll(deadline: .now + .seconds(10))
            #expect(String(decoding: answer.prefix(20), as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        }
    }
}
