import Foundation
import PaddockTestSupport
import PaddockSandbox
import Testing

/// A cron host with the Husbandry refresh token only in `PADDOCK_HUSBANDRY_REFRESH_TOKEN`: the
/// sandbox rotates refresh tokens (each works once), as Husbandry Pro does.
@Suite struct RefreshTokenRotationTests {
    /// A site folder whose paddock.toml reads Husbandry Pro v2 from `sandbox`, with no credentials file.
    static func site(_ sandbox: SandboxServer) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("""
        title = "Cron Stable"
        base_url = "https://stable.example/"
        languages = ["en"]

        [sources.husbandry]
        version = "v2"
        base_url = "\(sandbox.husbandryBaseURL)"
        """, to: "paddock.toml")
        return folder
    }

    static func environment(_ sandbox: SandboxServer, refreshToken: String) -> [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "PADDOCK_HUSBANDRY_CLIENT_ID": sandbox.options.husbandryClientID,
            "PADDOCK_HUSBANDRY_CLIENT_SECRET": sandbox.options.husbandryClientSecret,
            "PADDOCK_HUSBANDRY_REFRESH_TOKEN": refreshToken,
        ]
    }

    /// Runs the binary off the cooperative pool, so the in-process sandbox keeps answering.
    static func run(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String]) async throws -> ChildProcess.Exit {
        try await PaddockProcess.run(arguments, in: folder.url, environment: environment)
    }

    static func credentialsFile(_ folder: TemporaryFolder) -> URL { folder.url.appending(path: ".paddock/credentials.json") }

    static func stored(_ folder: TemporaryFolder) throws -> [String: String] {
        let data = try Data(contentsOf: credentialsFile(folder))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).compactMapValues { $0 as? String }
    }

    /// The hex SHA-256 the credentials file records of the environment's token (Python's hashlib
    /// would give the same; here from the system's `sha256sum`, not from Paddock's code).
    static func sha256(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(answer.prefix(64))
    }

    /// Build, fetch, build with the same environment token: each run refreshes once and Husbandry
    /// rotates the token each time; the rotated token is kept in the site's default credentials
    /// file (created, 0600) and used in place of the spent environment token.
    @Test func threeRunsWithTheTokenOnlyInTheEnvironmentAllSucceedWhileItRotates() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let token = await sandbox.mintRefreshToken()
            let environment = Self.environment(sandbox, refreshToken: token)
            var seen: [String] = [token]
            for (run, command) in ["build", "fetch", "build"].enumerated() {
                let result = try await Self.run([command], in: folder, environment: environment)
                #expect(result.status == 0, "run \(run + 1) (\(command)) failed: \(result.stderrText)")
                #expect(!result.stdoutText.contains(token) && !result.stderrText.contains(token), "the token is never printed")
                let stored = try Self.stored(folder)
                let saved = try #require(stored["husbandry_refresh_token"], "run \(run + 1) saved the rotated token")
                #expect(!seen.contains(saved), "run \(run + 1) rotated the token again")
                seen.append(saved)
                #expect(stored["husbandry_refresh_token_replaces"] == "sha256:" + (try Self.sha256(token)),
                        "the file records which environment token its token descends from")
                let text = try String(contentsOf: Self.credentialsFile(folder), encoding: .utf8)
                #expect(!text.contains(token), "the environment's token itself is never written")
                let mode = try FileManager.default.attributesOfItem(atPath: Self.credentialsFile(folder).path)[.posixPermissions] as? Int
                #expect(mode == 0o600)
            }
            #expect(seen.count == 4, "three refreshes, three rotations")
            #expect(await sandbox.issuedAccessTokenCount == 3)
            #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "public/en/index.html").path))

            // The administrator sets a new token: it wins over the file's, whose chain it does not continue.
            let fresh = await sandbox.mintRefreshToken()
            let renewed = try await Self.run(["fetch"], in: folder, environment: Self.environment(sandbox, refreshToken: fresh))
            #expect(renewed.status == 0, "stderr: \(renewed.stderrText)")
            #expect(try Self.stored(folder)["husbandry_refresh_token_replaces"] == "sha256:" + (try Self.sha256(fresh)))
            #expect(await sandbox.issuedAccessTokenCount == 4)
        }
    }

    /// A spent environment token with no successor in the credentials file: the error names the
    /// variable to remove or update, and never the token.
    @Test(arguments: [false, true])
    func aStaleEnvironmentTokenFailsNamingTheVariable(fileHoldsAnotherToken: Bool) async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let folder = try Self.site(sandbox)
            defer { folder.remove() }
            let token = await sandbox.mintRefreshToken()
            // Spent elsewhere: another host refreshed with it, and its successor lives there.
            _ = try await Self.run(["fetch", "--credentials", folder.url.appending(path: "elsewhere.json").path],
                                   in: folder, environment: Self.environment(sandbox, refreshToken: token))
            if fileHoldsAnotherToken {
                let own = await sandbox.mintRefreshToken()
                try folder.write(#"{"husbandry_refresh_token": "\#(own)"}"#, to: ".paddock/credentials.json")
                chmod(Self.credentialsFile(folder).path, 0o600)
            }
            let result = try await Self.run(["fetch"], in: folder, environment: Self.environment(sandbox, refreshToken: token))
            #expect(result.status == 1)
            let message = result.stdoutText + result.stderrText
            #expect(message.contains("Husbandry Pro refused the refresh token in PADDOCK_HUSBANDRY_REFRESH_TOKEN (invalid_grant)"), "\(message)")
            if fileHoldsAnotherToken {
                #expect(message.contains("remove PADDOCK_HUSBANDRY_REFRESH_TOKEN from the environment to use the token in \(Self.credentialsFile(folder).path)"), "\(message)")
            } else {
                #expect(message.contains("set PADDOCK_HUSBANDRY_REFRESH_TOKEN to a fresh token"), "\(message)")
            }
            #expect(!message.contains(token))
        }
    }
}
