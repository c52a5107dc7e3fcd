import Foundation
import Logging
import PaddockSandbox
import PaddockTestSupport
import Testing

/// `paddock fetch` and `paddock build` of a site that has only `[sources.smaxtec]`.
@Suite struct HerdCommandTests {
    static let quiet = Logger(label: "paddock.cli.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static func site(_ sandbox: SandboxServer) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("paddock-cli-herd")
        try folder.write("""
            title = "Hof Berger"
            base_url = "https://hof.example/"
            languages = ["de", "en"]

            [sources.smaxtec]
            base_url = "\(sandbox.smaxtecBaseURL)"
            organisations = ["Hof Berger", "\(sandbox.smaxtecOrganisations[1].id)"]
            publish_reproduction = true
            """, to: "paddock.toml")
        return folder
    }

    static func environment(_ sandbox: SandboxServer, password: String? = nil) -> [String: String] {
        PaddockProcess.plainEnvironment.merging([
            "PADDOCK_SMAXTEC_EMAIL": sandbox.options.smaxtecEmail,
            "PADDOCK_SMAXTEC_PASSWORD": password ?? sandbox.options.smaxtecPassword,
        ]) { $1 }
    }

    @Test func fetchesAndBuildsAHerdSite() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: Self.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let total = sandbox.statement().herd.listed.count + sandbox.statement().herd.withheld.count
            let fetched = try await PaddockProcess.run(["fetch"], in: folder.url, environment: Self.environment(sandbox))
            #expect(fetched.status == 0, "stderr: \(fetched.stderrText)")
            #expect(fetched.stdoutText.contains("smaXtec: \(total) animals of the herd"), "\(fetched.stdoutText)")
            #expect(fetched.stderrText.contains("source=smaXtec"), "progress names smaXtec: \(fetched.stderrText.prefix(400))")
            let built = try await PaddockProcess.run(["build"], in: folder.url, environment: Self.environment(sandbox))
            #expect(built.status == 0, "stderr: \(built.stderrText)")
            for path in ["public/de/herd/index.html", "public/en/herd/index.html", "public/en/herd/status/lactating/index.html"] {
                #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: path).path), "\(path)")
            }
            for output in [fetched.stdoutText, fetched.stderrText, built.stdoutText, built.stderrText] {
                #expect(!output.contains(sandbox.options.smaxtecPassword))
            }
        }
    }

    @Test func aWrongPasswordExitsOneWithoutPrintingIt() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: Self.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let password = "cli-wrong-\(UUID().uuidString)"
            let result = try await PaddockProcess.run(["fetch"], in: folder.url, environment: Self.environment(sandbox, password: password))
            #expect(result.status == 1)
            #expect(result.stderrText.contains("smaXtec refused the credentials for sign-in token"), "\(result.stderrText)")
            #expect(!result.stderrText.contains(password) && !result.stdoutText.contains(password))
        }
    }
}
