import Foundation
import Logging
import PaddockSandbox
import PaddockTestSupport
import Testing

/// `paddock fetch` as a user runs it: the real binary against a sandbox on a free loopback port.
@Suite struct FetchCommandTests {
    static let quiet = Logger(label: "paddock.cli.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A site folder whose paddock.toml points at `sandbox` (Equicty in two languages, Husbandry v1).
    static func site(_ sandbox: SandboxServer) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("paddock-cli")
        try folder.write(config(sandbox), to: "paddock.toml")
        return folder
    }

    /// A paddock.toml whose sources point at `sandbox` (Equicty in two languages, Husbandry v1).
    static func config(_ sandbox: SandboxServer) -> String {
        """
        title = "CLI Stable"
        base_url = "https://stable.example/"
        languages = ["en", "nl"]

        [sources.equicty]
        base_url = "\(sandbox.equictyBaseURL)"

        [sources.husbandry]
        version = "v1"
        base_url = "\(sandbox.husbandryBaseURL)"

        [media]
        video_thumbnail_url = "\(sandbox.videoThumbnailURL)"
        """
    }

    /// The sandbox's Equicty key (or `key`) and Husbandry v1 user keys, as a cron job would set them.
    static func environment(_ sandbox: SandboxServer, key: String? = nil) -> [String: String] {
        PaddockProcess.plainEnvironment.merging([
            "PADDOCK_EQUICTY_API_KEY": key ?? sandbox.options.equictyAPIKey,
            "PADDOCK_HUSBANDRY_USER_KEYS": sandbox.husbandryUserKeys.joined(separator: ","),
        ]) { $1 }
    }

    static func fetch(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String]) async throws -> ChildProcess.Exit {
        try await PaddockProcess.run(["fetch"] + arguments, in: folder.url, environment: environment)
    }

    @Test func fetchesIntoTheCacheAndPrintsASummary() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: Self.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let online = try await Self.fetch([], in: folder, environment: Self.environment(sandbox))
            #expect(online.status == 0, "stderr: \(online.stderrText)")
            #expect(online.stdoutText.contains("Equicty (en): 30 horses"))
            #expect(online.stdoutText.contains("Equicty (nl): 30 horses"))
            #expect(online.stdoutText.contains("Husbandry Pro:"))
            #expect(online.stderrText.contains("fetching"), "off a terminal, progress goes to plain log lines")
            #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: ".paddock/cache/catalogue-nl.json").path))

            let offline = try await Self.fetch(["--offline"], in: folder, environment: PaddockProcess.plainEnvironment)
            #expect(offline.status == 0, "stderr: \(offline.stderrText)")
            #expect(offline.stdoutText.contains("from the cache"))
        }
    }

    @Test func exitsTwoWhenAnItemFailedWithoutACachedCopy() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(503), trigger: .always, pathContains: "/public/web/horses/1208", method: "GET")]
        try await SandboxServer.withRunning(options: options, logger: Self.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let result = try await Self.fetch([], in: folder, environment: Self.environment(sandbox))
            #expect(result.status == 2)
            #expect(result.stdoutText.contains("Could not fetch"))
            #expect(result.stdoutText.contains("horse 1208 (en)"))
        }
    }

    @Test func exitsOneWithoutTheKeyWhenItIsRefused() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: Self.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let key = "cli-wrong-key-\(UUID().uuidString)"
            let result = try await Self.fetch([], in: folder, environment: Self.environment(sandbox, key: key))
            #expect(result.status == 1)
            #expect(result.stderrText.contains("Equicty refused the credentials"))
            #expect(!result.stderrText.contains(key))
            #expect(!result.stdoutText.contains(key))
        }
    }
}
