import Testing

@testable import AnnalsCore

@Suite("Header")
struct HeaderTests {
    @Test(
        "Matches a field name as lower-casing it would",
        arguments: ["Subject", "SUBJECT", "subject", "Subjec", "Subjects", "Sübject", "SÜBJECT", "X-Ümlaut", "", "İd"])
    func matchesAsLowercased(_ name: String) {
        for wanted in ["subject", "sübject", "x-ümlaut", "", "i̇d", "id"] {
            #expect(Header.isNamed(name, wanted) == (name.lowercased() == wanted), "\(name) \(wanted)")
        }
    }

    @Test("Finds the first field of a name, and every one, in any case")
    func findsFields() {
        let header = Header(fields: [
            HeaderField(name: "Received", rawValue: "one"), HeaderField(name: "SUBJECT", rawValue: "Peru"),
            HeaderField(name: "received", rawValue: "two"),
        ])
        #expect(header["subject"] == "Peru" && header["Subject"] == "Peru" && header["From"] == nil)
        #expect(header.values(named: "RECEIVED") == ["one", "two"])
    }
}
