// libFuzzer entry: read any bytes as an archived mail page.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let dispatch = try? ArchivedPage.parse(bytes) {
        _ = DocumentUnderstanding.understand(dispatch)
    }
    return 0
}
