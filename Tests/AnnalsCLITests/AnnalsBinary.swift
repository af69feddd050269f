import Foundation

/// Runs the built `annals` executable, as a user would, and captures what it prints.
enum AnnalsBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// The `annals` executable beside the test bundle.
    static var url: URL {
        let bundleFolder = Bundle.main.bundleURL
        for folder in [bundleFolder, bundleFolder.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("annals")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("annals")
    }

    /// Runs `annals` under `/usr/bin/time` and returns, with the result, its peak resident memory in KiB.
    static func runMeasuringMemory(_ arguments: [String], scratch: URL) throws -> (Result, kilobytes: Int) {
        let report = scratch.appendingPathComponent("time-\(UUID().uuidString).txt")
        let result = try run(arguments, wrapper: ["/usr/bin/time", "-f", "%M", "-o", report.path])
        let text = try String(contentsOf: report, encoding: .utf8)
        let kilobytes = text.split(whereSeparator: \.isNewline).last.flatMap { Int($0) } ?? -1
        return (result, kilobytes)
    }

    /// Runs `annals` with arguments and an environment without `ANNALS_ARCHIVE`.
    static func run(_ arguments: [String], currentDirectory: URL? = nil, wrapper: [String] = []) throws -> Result {
        let process = Process()
        if let program = wrapper.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(wrapper.dropFirst()) + [url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["ANNALS_ARCHIVE"] = nil
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on its own thread while stdout is read here, so a full pipe cannot block the
        // child. (Not a Task: blocking a cooperative thread to wait for one can deadlock on 2 cores.)
        let errBox = Box()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self), stdoutData: outData)
    }

    private final class Box: @unchecked Sendable {
        var data = Data()
    }
}
