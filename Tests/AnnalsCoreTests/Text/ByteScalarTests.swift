import Testing

@testable import AnnalsCore

/// `UnsafeBufferPointer<UInt8>.scalar(at:)`, UTF-8 read a scalar at a time.
@Suite struct ByteScalarTests {
    @Test("Every scalar of a text, with its length, as the text's own scalars")
    func readsEveryScalar() {
        var text = "A é ✓ 𝒳 🇵🇪\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
        let expected = text.unicodeScalars.map { ($0, String($0).utf8.count) }
        let read = text.withUTF8 { bytes in
            var scalars: [(Unicode.Scalar, Int)] = []
            var offset = 0
            while offset < bytes.count {
                let (scalar, length) = bytes.scalar(at: offset)
                scalars.append((scalar, length))
                offset += length
            }
            return scalars
        }
        #expect(read.map(\.0) == expected.map(\.0))
        #expect(read.map(\.1) == expected.map(\.1))
    }

    @Test("A sequence the buffer cuts short is U+FFFD, one byte")
    func cutShort() {
        let bytes: [UInt8] = [0x41, 0xE2, 0x9C]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(buffer.scalar(at: 0) == ("A", 1))
            #expect(buffer.scalar(at: 1) == ("\u{FFFD}", 1))
        }
    }
}
