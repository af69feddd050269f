// libFuzzer entry: read any bytes as every record format, then understand what was read.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for format in [RecordFormat.internetMessage, .plainText] {
        if let dispatch = try? DispatchReader.read(bytes, format: format, mboxVariant: nil) {
            _ = DocumentUnderstanding.understand(dispatch)
            _ = DocumentIdentity.fingerprint(of: dispatch.body)
        }
    }
    return 0
}
