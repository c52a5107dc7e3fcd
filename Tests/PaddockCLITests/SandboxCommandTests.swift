import Foundation
import PaddockTestSupport
import Testing

@Suite struct SandboxCommandTests {
    /// Starts `paddock sandbox`, reads its banner, returns the process and the base URL.
    static func start(_ arguments: [String]) async throws -> (ChildProcess, String) {
        let child = try PaddockProcess.start(["sandbox"] + arguments)
        let banner = try await child.waitForOutput(timeout: .seconds(60)) { $0.contains("Press Ctrl-C") }
        let range = try #require(banner.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression), "no base URL in: \(banner)")
        return (child, String(banner[range]))
    }

    @Test func servesOnAFreePortAndStopsCleanlyOnSIGTERM() async throws {
        let (sandbox, base) = try await Self.start(["--port", "0", "--hostile"])
        let hostile = try await HTTP.send(base + "/equicty/api/public/web/horses/9001", headers: ["Authorization": "Bearer sandbox-equicty-api-key"])
        #expect(hostile.status == 200)
        #expect(hostile.body.contains("alert(1)"), "--hostile adds the hostile horses")
        let denied = try await HTTP.send(base + "/equicty/api/public/web/horses/1201", headers: ["Authorization": "Bearer nope"])
        #expect(denied.status == 401)
        sandbox.signal(SIGTERM)
        let exit = try await sandbox.waitForExit(timeout: .seconds(30))
        #expect(exit.succeeded)
    }

    @Test func refusesAFailRateOutsideZeroToOne() throws {
        let result = try PaddockProcess.run(["sandbox", "--fail-rate", "2"])
        #expect(result.status != 0)
        #expect(result.stderrText.contains("--fail-rate"))
    }
}
