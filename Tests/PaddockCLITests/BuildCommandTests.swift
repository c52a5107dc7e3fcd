import Foundation
import PaddockSandbox
import PaddockTestSupport
import Testing

/// `paddock build` as cron runs it: where the catalogue comes from when no credentials are set.
@Suite struct BuildCommandTests {
    static func build(_ arguments: [String], in folder: TemporaryFolder) async throws -> ChildProcess.Exit {
        try await PaddockProcess.run(["build"] + arguments, in: folder.url)
    }

    /// A cron job that lost its environment must not publish the demo stable over the real one:
    /// with a fetched catalogue in the cache, a build without credentials builds from that.
    @Test func withoutCredentialsAFetchedCacheIsBuiltAndNotTheDemoData() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let folder = try FetchCommandTests.site(sandbox)
            defer { folder.remove() }
            let fetched = try await FetchCommandTests.fetch([], in: folder, environment: FetchCommandTests.environment(sandbox))
            #expect(fetched.status == 0, "stderr: \(fetched.stderrText)")

            let built = try await Self.build([], in: folder)
            #expect(built.status == 0, "stderr: \(built.stderrText)")
            #expect(built.stdoutText.contains("No credentials configured"))
            #expect(built.stdoutText.contains("building from the catalogue in the cache (fetched 20"))
            #expect(built.stdoutText.contains("data from the cache (offline)"))
            #expect(!built.stdoutText.contains("demo data"))
            #expect(!built.stdoutText.contains(sandbox.options.equictyAPIKey))
            #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "public/nl/index.html").path))

            // A language added since the fetch has no snapshot: the build fails, and neither the
            // demo data nor a half site is published.
            let config = folder.url.appending(path: "paddock.toml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try Data(text.replacingOccurrences(of: #"languages = ["en", "nl"]"#, with: #"languages = ["en", "nl", "de"]"#).utf8).write(to: config)
            let widened = try await Self.build([], in: folder)
            #expect(widened.status != 0)
            #expect(widened.stdoutText.contains("building from the catalogue in the cache"))
            #expect(!widened.stdoutText.contains("demo data") && !widened.stderrText.contains("demo data"))
            #expect(widened.stderrText.contains("Equicty horse list (de)"))
            #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "public/nl/index.html").path))
            #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: "public/de").path))
            try Data(text.utf8).write(to: config)

            // Asked for, the demo data is still built.
            let demo = try await Self.build(["--demo"], in: folder)
            #expect(demo.status == 0, "stderr: \(demo.stderrText)")
            #expect(demo.stdoutText.contains("Building from the bundled demo data (--demo)."))
            #expect(demo.stdoutText.contains("data from bundled demo data"))
        }
    }

    @Test func withoutCredentialsOrACacheTheDemoDataIsBuiltAndSaysSo() async throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("""
        title = "CLI Stable"
        base_url = "https://stable.example/"
        languages = ["en"]

        [sources.equicty]
        """, to: "paddock.toml")
        let built = try await Self.build([], in: folder)
        #expect(built.status == 0, "stderr: \(built.stderrText)")
        #expect(built.stdoutText.contains("No credentials configured"))
        #expect(built.stdoutText.contains("and nothing fetched in the cache: building from the bundled demo data."))
        #expect(built.stdoutText.contains("data from bundled demo data"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "public/en/index.html").path))
    }

    /// A damaged history stops `paddock build` with the file named and the site as it was; moved
    /// aside as the message says, the site is built again from the cache.
    @Test func aDamagedHistoryFailsTheBuildAndMovedAsideTheCacheBuildsAgain() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let folder = try FetchCommandTests.site(sandbox)
            defer { folder.remove() }
            let fetched = try await FetchCommandTests.fetch([], in: folder, environment: FetchCommandTests.environment(sandbox))
            #expect(fetched.status == 0, "stderr: \(fetched.stderrText)")
            let first = try await Self.build(["--offline"], in: folder)
            #expect(first.status == 0, "stderr: \(first.stderrText)")
            let output = folder.url.appending(path: "public")
            let release = try FileManager.default.destinationOfSymbolicLink(atPath: output.path)

            let history = folder.url.appending(path: ".paddock/history.sqlite").resolvingSymlinksInPath()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: history.path + suffix) }
            try Data("this is not a database, it only has the name of one".utf8).write(to: history)
            let damaged = try await Self.build(["--offline"], in: folder)
            #expect(damaged.status == 1)
            #expect(damaged.stderrText.contains("the history database \(history.path) is damaged"), "stderr: \(damaged.stderrText)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.path) == release)

            try FileManager.default.moveItem(at: history, to: history.appendingPathExtension("damaged"))
            let rebuilt = try await Self.build(["--offline"], in: folder)
            #expect(rebuilt.status == 0, "stderr: \(rebuilt.stderrText)")
            #expect(rebuilt.stdoutText.contains("data from the cache"))
            #expect(FileManager.default.fileExists(atPath: history.path))
        }
    }
}
