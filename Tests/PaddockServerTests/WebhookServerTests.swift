import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Foundation
import PaddockTestSupport
import Testing
import PaddockSite
@testable import PaddockServer
import PaddockPublish

@Suite struct WebhookServerTests {
    @Test func acceptsASignedTriggerWith202LocationAndRetryAfterThenBuilds() async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let response = try await fixture.trigger(base)
            #expect(response.status == 202)
            #expect(response.header("location") == "/builds/1")
            #expect(Int(response.header("retry-after") ?? "") ?? 0 >= 1)
            try await eventually("build 1 succeeded") { try await fixture.state(base, 1) == "succeeded" }
            let status = try await fixture.status(base, 1)
            #expect(status["refetch"] as? Bool == true)
            #expect(status["startedAt"] is String)
            #expect(status["finishedAt"] is String)
            #expect(status["durationSeconds"] is Double)
            #expect((status["outcome"] as? [String: Any])?["pagesWritten"] as? Int == 4)
            let home = try String(contentsOf: fixture.builder.outputFolder.appending(path: "index.html"), encoding: .utf8)
            #expect(home.contains("Our horses"))
        }
    }

    @Test func acceptsGitHubsSignatureHeaderWithItsTestVector() async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let response = try await http(
                .POST, base + "/hooks/build",
                headers: [("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")],
                body: Array("Hello, World!".utf8))
            #expect(response.status == 202)
        }
    }

    @Test(arguments: [
        [(String, String)](),
        [("X-Paddock-Signature", "sha256=" + String(repeating: "0", count: 64))],
        [("X-Paddock-Signature", "sha1=0123456789abcdef0123456789abcdef01234567")],
        [("X-Paddock-Signature", "sha256=abcdef")],
        [("X-Paddock-Signature", "sha256=" + String(repeating: "g", count: 64))],
        [("X-Hub-Signature-256", "sha256=" + String(repeating: "a", count: 64))],
        [("Authorization", "Bearer It's a Secret to Everybody")],
    ])
    func refusesBadOrMissingSignaturesWith401AndStartsNoBuild(headers: [(String, String)]) async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let response = try await http(.POST, base + "/hooks/build", headers: headers, body: Array("{}".utf8))
            #expect(response.status == 401)
            #expect(!response.body.contains("Secret to Everybody"))
            #expect(try await http(.GET, base + "/builds/1").status == 404)
        }
    }

    @Test func refusesABodySignedForAnotherBody() async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let signature = fixture.signer.sign(Array("original".utf8))
            let response = try await http(.POST, base + "/hooks/build", headers: [("X-Paddock-Signature", signature)], body: Array("tampered".utf8))
            #expect(response.status == 401)
        }
    }

    @Test func refusesBodiesOver64KiBWith413EvenWhenSigned() async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let big = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024 + 1)
            let response = try await http(.POST, base + "/hooks/build", headers: [("X-Paddock-Signature", fixture.signer.sign(big))], body: big)
            #expect(response.status == 413)
            let limit = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            let fits = try await http(.POST, base + "/hooks/build", headers: [("X-Paddock-Signature", fixture.signer.sign(limit))], body: limit)
            #expect(fits.status == 202)
        }
    }

    @Test func refusesAChunkedBodyThatGrowsOver64KiBWith413() async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            var request = HTTPClientRequest(url: base + "/hooks/build")
            request.method = .POST
            request.headers.add(name: "X-Paddock-Signature", value: "sha256=" + String(repeating: "0", count: 64))
            let chunks = AsyncStream<ByteBuffer> { continuation in
                for _ in 0..<40 { continuation.yield(ByteBuffer(repeating: UInt8(ascii: "b"), count: 4096)) }
                continuation.finish()
            }
            request.body = .stream(chunks, length: .unknown)
            let response = try await testClient.execute(request, timeout: .seconds(60))
            #expect(response.status.code == 413)
        }
    }

    @Test(arguments: [("GET", "/hooks/build", "POST"), ("PUT", "/hooks/build", "POST"), ("POST", "/healthz", "GET, HEAD"), ("DELETE", "/builds/1", "GET, HEAD")])
    func refusesOtherMethodsWith405AndAllow(method: String, path: String, allow: String) async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let response = try await http(HTTPMethod(rawValue: method), base + path)
            #expect(response.status == 405)
            #expect(response.header("allow") == allow)
        }
    }

    @Test func answersHealthChecks() async throws {
        let fixture = try WebhookFixture()
        try await fixture.run { base, _ in
            let response = try await http(.GET, base + "/healthz")
            #expect(response.status == 200)
            #expect(response.body.contains(#""status":"ok""#))
        }
    }

    @Test func coalescesManyTriggersDuringARunningBuildIntoOneFollowUpBuild() async throws {
        let fixture = try WebhookFixture(gateOpen: false)
        try await fixture.run { base, _ in
            #expect(try await fixture.trigger(base).status == 202)
            await fixture.gate.waitForArrivals(1)
            #expect(try await fixture.state(base, 1) == "running")
            let answers = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for index in 0..<40 { group.addTask { try await fixture.trigger(base, body: #"{"n":\#(index)}"#) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.status == 202 })
            #expect(Set(answers.compactMap { $0.header("location") }) == ["/builds/2"])
            let queued = try await fixture.status(base, 2)
            #expect(queued["state"] as? String == "queued")
            #expect(queued["triggers"] as? Int == 40)
            await fixture.gate.open()
            try await eventually("build 2 succeeded") { try await fixture.state(base, 2) == "succeeded" }
            #expect(try await fixture.state(base, 1) == "succeeded")
            #expect(await fixture.builder.statistics.startedCount == 2)
            #expect(await fixture.builder.statistics.maxConcurrent == 1)
            #expect(try await http(.GET, base + "/builds/3").status == 404)
        }
    }

    @Test func reportsAFailedBuildWithItsErrorText() async throws {
        let fixture = try WebhookFixture()
        try fixture.folder.write("<html>\n<title>{{title}}</title>\n<h1>{{nmae}}</h1>\n", to: "templates/layout.html")
        try await fixture.run { base, _ in
            #expect(try await fixture.trigger(base).status == 202)
            try await eventually("build 1 failed") { try await fixture.state(base, 1) == "failed" }
            let error = try #require(try await fixture.status(base, 1)["error"] as? String)
            #expect(error.contains("templates/layout.html:3:5: unknown placeholder {{nmae}}"))
            #expect(error.contains("<h1>{{nmae}}</h1>"))
            #expect(!FileManager.default.fileExists(atPath: fixture.builder.outputFolder.path))
        }
    }

    @Test func waitsForTheBuildLockHeldByAnotherBuildThenRuns() async throws {
        let fixture = try WebhookFixture()
        let held = try BuildLock.acquire(at: fixture.lockFile, wait: false)
        try await fixture.run { base, _ in
            #expect(try await fixture.trigger(base).status == 202)
            try await eventually("build 1 waits for the lock") { try await fixture.status(base, 1)["waitingForLock"] as? Bool == true }
            #expect(try await fixture.state(base, 1) == "queued")
            #expect(await fixture.builder.statistics.startedCount == 0)
            // A trigger while the build still waits joins it.
            let second = try await fixture.trigger(base)
            #expect(second.header("location") == "/builds/1")
            held.release()
            try await eventually("build 1 succeeded") { try await fixture.state(base, 1) == "succeeded" }
            #expect(await fixture.builder.statistics.startedCount == 1)
        }
    }

    @Test(.enabled(if: pythonInterpreter != nil))
    func waitsForTheBuildLockHeldByAnotherProcess() async throws {
        let fixture = try WebhookFixture()
        try FileManager.default.createDirectory(at: fixture.lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Another process takes the same flock(2) lock, as `paddock build` from cron would, and
        // holds it until its standard input closes (so it can never outlive the test).
        let holder = Process()
        holder.executableURL = pythonInterpreter
        holder.arguments = ["-c", "import fcntl,sys; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); sys.stdin.read()", fixture.lockFile.path]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { try? input.fileHandleForWriting.close() }
        try await eventually("the other process holds the lock") {
            guard let lock = try? BuildLock.acquire(at: fixture.lockFile, wait: false) else { return true }
            lock.release()
            return false
        }
        try await fixture.run { base, _ in
            #expect(try await fixture.trigger(base).status == 202)
            try await eventually("build 1 waits for the lock") { try await fixture.status(base, 1)["waitingForLock"] as? Bool == true }
            #expect(await fixture.builder.statistics.startedCount == 0)
            try input.fileHandleForWriting.close()
            try await eventually("build 1 succeeded") { try await fixture.state(base, 1) == "succeeded" }
        }
    }

    @Test func onShutdownRefusesTriggersWith503AndLetsTheRunningBuildFinish() async throws {
        let fixture = try WebhookFixture(gateOpen: false)
        try await fixture.run { base, group in
            #expect(try await fixture.trigger(base).status == 202)
            await fixture.gate.waitForArrivals(1)
            #expect(try await fixture.trigger(base).header("location") == "/builds/2")
            await group.triggerGracefulShutdown()
            try await eventually("triggers refused") { try await fixture.trigger(base).status == 503 }
            #expect(try await http(.GET, base + "/healthz").status == 503)
            #expect(try await fixture.state(base, 2) == "failed")
            #expect(try await fixture.state(base, 1) == "running")
            await fixture.gate.open()
        }
        #expect(await fixture.coordinator.record(1)?.state == .succeeded)
        #expect(await fixture.builder.statistics.startedCount == 1)
    }

    @Test func onShutdownAbandonsABuildThatOutlivesTheGracePeriodAndKeepsThePublishedSite() async throws {
        let fixture = try WebhookFixture(gateOpen: true, grace: .milliseconds(100))
        try await fixture.run { base, group in
            #expect(try await fixture.trigger(base).status == 202)
            try await eventually("first build published") { try await fixture.state(base, 1) == "succeeded" }
            let published = try FileManager.default.destinationOfSymbolicLink(atPath: fixture.builder.outputFolder.path)
            await fixture.gate.close()
            try fixture.folder.write("Changed\n\nNever published.\n", to: "pages/index.txt")
            #expect(try await fixture.trigger(base).status == 202)
            await fixture.gate.waitForArrivals(2)
            await group.triggerGracefulShutdown()
            try await eventually("build 2 abandoned") { await fixture.coordinator.record(2)?.state == .failed }
            #expect(await fixture.coordinator.record(2)?.error?.contains("abandoned") == true)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.builder.outputFolder.path) == published)
            let home = try String(contentsOf: fixture.builder.outputFolder.appending(path: "index.html"), encoding: .utf8)
            #expect(home.contains("Our horses"))
        }
    }

    @Test func refusesToStartWithoutASecret() {
        let coordinator = BuildCoordinator(builder: TextSiteBuilder(root: URL(fileURLWithPath: "/nonexistent")), lockFile: nil, logger: quietLogger)
        #expect(throws: WebhookServerError.missingSecret) {
            try WebhookServer(configuration: .init(), secret: "", coordinator: coordinator, logger: quietLogger)
        }
    }
}
