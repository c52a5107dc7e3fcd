import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite struct SandboxCommandTests {
    /// Starts `paddock sandbox`, reads its banner, returns the process and the base URL.
    static func start(_ arguments: [String]) throws -> (Process, Pipe, String) {
        let process = Process()
        process.executableURL = PaddockProcess.binary
        process.arguments = ["sandbox"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var banner = ""
        while !banner.contains("Press Ctrl-C") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = banner.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no base URL in: \(banner)"])
        }
        return (process, out, String(banner[range]))
    }

    static func get(_ url: String, key: String) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func servesOnAFreePortAndStopsCleanlyOnSIGTERM() async throws {
        let (process, _, base) = try Self.start(["--port", "0", "--hostile"])
        defer { if process.isRunning { process.terminate() } }
        let (status, data) = try await Self.get(base + "/equicty/api/public/web/horses/9001", key: "sandbox-equicty-api-key")
        #expect(status == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("alert(1)"), "--hostile adds the hostile horses")
        let (denied, _) = try await Self.get(base + "/equicty/api/public/web/horses/1201", key: "nope")
        #expect(denied == 401)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test func refusesAFailRateOutsideZeroToOne() throws {
        let result = try PaddockProcess.run(["sandbox", "--fail-rate", "2"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--fail-rate"))
    }
}
