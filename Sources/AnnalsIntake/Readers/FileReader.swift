import AnnalsCore

/// Reads one file into records: decompresses gzip, tells the form from the content, and splits it.
struct FileReader {
    /// The file's path.
    var path: String
    /// The largest record kept whole.
    var recordLimit: Int

    /// Reads the file, emitting each record in order; a file that cannot be read becomes a problem record.
    ///
    /// - Returns: Whether the data was gzip-compressed.
    @discardableResult
    func read(emit: @escaping (SourceRecord) throws -> Void) throws -> Bool {
        let file: FileByteStream
        switch FileByteStream.open(path: path) {
        case .success(let opened):
            file = opened
        case .failure(let failure):
            try emitProblem("cannot read: \(failure.reason)", emit)
            return false
        }
        var head = file.nextChunk()
        var stream: any ByteStream = file
        let isCompressed = GzipByteStream.isGzip(head)
        if isCompressed {
            stream = GzipByteStream(head: head, source: file)
            head = stream.nextChunk()
        }
        var isComplete = head.isEmpty
        while head.count < ReadLimits.sniffSize, !isComplete {
            let chunk = stream.nextChunk()
            if chunk.isEmpty { isComplete = true }
            head.append(contentsOf: chunk)
        }
        let sniffed = FormatSniffer.sniff(
            head.count > ReadLimits.sniffSize ? Array(head.prefix(ReadLimits.sniffSize)) : head,
            isComplete: isComplete && head.count <= ReadLimits.sniffSize)
        let replay = ReplayingByteStream(head: head, source: stream)
        switch sniffed {
        case .mbox:
            try MboxSplitter(path: path, recordLimit: recordLimit, emit: emit).run(replay)
            return isCompressed
        case .reutersSGML:
            try ReutersSplitter(path: path, recordLimit: recordLimit, emit: emit).run(replay)
            return isCompressed
        case .single(let format):
            try readWhole(replay, format: format, problem: nil, emit: emit)
        case .empty(let reason):
            let reason = isCompressed ? reason + " (after gzip decompression)" : reason
            try readWhole(replay, format: .plainText, problem: reason, emit: emit)
        case .unknown(let reason):
            try readWhole(replay, format: .plainText, problem: reason, emit: emit)
        }
        return isCompressed
    }

    /// Emits the whole stream as one record (up to the record limit), then a problem record if it broke.
    private func readWhole(
        _ stream: any ByteStream, format: RecordFormat, problem: String?, emit: (SourceRecord) throws -> Void
    ) throws {
        var bytes: [UInt8] = []
        var problem = problem
        while true {
            let chunk = stream.nextChunk()
            if chunk.isEmpty { break }
            if bytes.count + chunk.count > recordLimit {
                bytes.append(contentsOf: chunk.prefix(recordLimit - bytes.count))
                let cut =
                    "file longer than the \(ReadLimits.describe(recordLimit)) record limit; "
                    + "only its first \(ReadLimits.describe(recordLimit)) are kept"
                problem = problem.map { $0 + "; " + cut } ?? cut
                break
            }
            bytes.append(contentsOf: chunk)
        }
        let origin = RecordOrigin(path: path)
        try emit(SourceRecord(bytes: bytes, origin: origin, format: format, problem: problem))
        if let failure = stream.failure {
            try emit(
                SourceRecord(
                    bytes: [], origin: RecordOrigin(path: path, offset: bytes.count), format: format, problem: failure))
        }
    }

    private func emitProblem(_ problem: String, _ emit: (SourceRecord) throws -> Void) throws {
        try emit(SourceRecord(bytes: [], origin: RecordOrigin(path: path), format: .plainText, problem: problem))
    }
}
