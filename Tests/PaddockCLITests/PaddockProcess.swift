import Foundation

/// Runs the `paddock` binary built beside the test bundle and collects what it printed.
struct PaddockProcess {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    static var binary: URL {
        URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "paddock")
    }

    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let errorBox = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorBox.data = (try? err.fileHandleForReading.readToEnd()) ?? Data()
            done.signal()
        }
        let outData = (try? out.fileHandleForReading.readToEnd()) ?? Data()
        done.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errorBox.data, as: UTF8.self))
    }
}

private final class ErrorBox: @unchecked Sendable {
    var data = Data()
}

/// A fresh temporary folder, removed by `cleanup()`.
struct TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appending(path: "paddock-cli-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    func write(_ name: String, _ text: String) throws {
        let file = url.appending(path: name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}
