import Foundation
import GRDB
import Testing

@testable import AnnalsSQLite

@Suite("StoredDate")
struct StoredDateTests {
    @Test("Writes the text GRDB stores for a Date, from 1583 to 9999, milliseconds rounded half up")
    func matchesGRDB() {
        var generator = SystemRandomNumberGenerator()
        var instants: [TimeInterval] = [
            0, -0.0005, 0.0005, 0.9999, -1, 86_399.999, 951_782_400, 1_796_296_000.123,
            -12_212_553_600, -12_212_553_600.001, 253_402_300_799.999, 253_402_300_800,
        ]
        for _ in 0..<3_000 {
            instants.append(Double.random(in: -12_300_000_000..<253_500_000_000, using: &generator))
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoredDate.value(date) == date.databaseValue, "\(seconds)")
        }
    }
}
