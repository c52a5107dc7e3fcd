import Foundation
import PaddockSandbox
import PaddockTestSupport
import Testing

/// `paddock login husbandry` from another folder: argument problems are usage errors that write
/// nothing, and a login against the sandbox saves the token where the relative path says.
@Suite struct LoginCommandTests {
    /// (arguments after `login`, what the usage error says; `{W}` stands for the workspace's path)
    static let refusals: [([String], String)] = [
        (["horsebook"], #"unknown service "horsebook""#),
        (["husbandry", "--client-id", "app", "--port", "70000"], "--port must be between 0 and 65535"),
        (["husbandry", "--client-id", "app", "--timeout", "0"], "--timeout must be positive"),
        (["husbandry", "--client-id", "app", "--config", "nowhere/paddock.toml"], "--config {W}/nowhere/paddock.toml: no such file"),
        (["husbandry", "--client-id", "app", "--credentials", ""], "--credentials needs a file name"),
        (["husbandry"], "no OAuth client id: pass --client-id or set PADDOCK_HUSBANDRY_CLIENT_ID"),
        (["husbandry", "--client-id", "app", "--credentials", "site/public/credentials.json"],
         "the credentials file {W}/site/public/credentials.json is inside the output folder {W}/site/public"),
    ]

    @Test(arguments: refusals)
    func argumentProblemsAreUsageErrorsThatWriteNothing(arguments: [String], message: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try await workspace.initSite("site")
        let refused = try await workspace.run(["login"] + arguments)
        #expect(refused.status == 64, "\(refused.stderrText)")
        #expect(refused.stderrText.contains(message.replacingOccurrences(of: "{W}", with: workspace.url.path)), "\(refused.stderrText)")
        #expect(workspace.entries == ["site"])
        #expect(!workspace.contains("site/.paddock/credentials.json") && !workspace.contains("site/public"))
    }

    @Test func signsInWithSitePaddockTomlAndSavesTheTokenAtARelativePath() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let workspace = try Workspace()
            defer { workspace.remove() }
            try workspace.folder.write("""
                title = "CLI Stable"
                base_url = "https://stable.example/"

                [sources.husbandry]
                version = "v2"
                base_url = "\(sandbox.husbandryBaseURL)"
                """, to: "site/paddock.toml")
            let environment = PaddockProcess.plainEnvironment.merging(["PADDOCK_HUSBANDRY_CLIENT_SECRET": sandbox.options.husbandryClientSecret]) { $1 }
            let login = try workspace.start(
                ["login", "husbandry", "--no-browser", "--port", "0", "--client-id", sandbox.options.husbandryClientID,
                 "--credentials", "secrets/credentials.json"], environment: environment)
            let invitation = try await login.waitForOutput(timeout: .seconds(120)) { $0.contains("Waiting for the browser") }
            let link = try #require(invitation.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("http") }, "no link in: \(invitation)")
            #expect(link.hasPrefix(sandbox.husbandryAuthorizeURL), "the endpoints come from site/paddock.toml: \(link)")

            // The sandbox approves at once and redirects the "browser" to the login's listener.
            let callback = try await HTTP.send(link)
            #expect(callback.status == 200)
            #expect(callback.body.contains("Signed in"))
            let exit = try await login.waitForExit(timeout: .seconds(60))
            #expect(exit.succeeded, "\(exit.stderrText)")
            let file = workspace.url("secrets/credentials.json")
            #expect(exit.stdoutText.contains("saved in \(file.path)"))
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOf: file, encoding: .utf8).contains("husbandry_refresh_token"))
            #expect(workspace.entries == ["site", "secrets"])
        }
    }
}
