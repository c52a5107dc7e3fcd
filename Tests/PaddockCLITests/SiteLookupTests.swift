import Foundation
import PaddockSandbox
import PaddockTestSupport
import Testing

/// Every command that reads a site finds it the same way, from any folder: `--config` relative to
/// the current folder, else `paddock.toml` here, else `site/paddock.toml`; `--credentials`
/// relative to the current folder. What they write lands inside the site's own folder.
@Suite struct SiteLookupTests {
    /// (the site's folder in the workspace, the arguments that find it)
    static let lookups: [(String, [String])] = [
        ("sites/one", ["--config", "sites/one/paddock.toml"]),
        ("site", []),
    ]

    @Test(arguments: lookups)
    func buildPublishesInsideTheSiteTheLookupFinds(site: String, lookup: [String]) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try await workspace.initSite(site)
        let built = try await workspace.run(["build"] + lookup)
        #expect(built.succeeded, "\(built.stderrText)")
        #expect(built.stdoutText.contains("Built \(workspace.url(site).path)/public:"), "\(built.stdoutText)")
        #expect(workspace.contains("\(site)/public/en/index.html"))
        #expect(workspace.contains("\(site)/public/nl/index.html"))
        #expect(workspace.entries == [site.split(separator: "/")[0].description], "nothing is written in the current folder itself")
    }

    @Test(arguments: lookups)
    func fetchFillsTheCacheOfTheSiteTheLookupFindsWithARelativeCredentialsFile(site: String, lookup: [String]) async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let workspace = try Workspace()
            defer { workspace.remove() }
            try workspace.folder.write(FetchCommandTests.config(sandbox), to: "\(site)/paddock.toml")
            try workspace.writeCredentials("""
                {"equicty_api_key": "\(sandbox.options.equictyAPIKey)", "husbandry_user_keys": ["\(sandbox.husbandryUserKeys.joined(separator: "\", \""))"]}
                """, to: "keys/credentials.json")
            let fetched = try await workspace.run(["fetch", "--credentials", "keys/credentials.json"] + lookup)
            #expect(fetched.succeeded, "\(fetched.stderrText)")
            #expect(fetched.stdoutText.contains("Equicty (en): 30 horses"))
            #expect(workspace.contains("\(site)/.paddock/cache/catalogue-en.json"))
            #expect(workspace.contains("\(site)/.paddock/cache/catalogue-nl.json"))
            #expect(workspace.entries == [site.split(separator: "/")[0].description, "keys"])
        }
    }

    @Test(arguments: ["build", "fetch", "serve", "webhook"])
    func aConfigThatIsNotThereIsAUsageErrorNamingItsPath(command: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let refused = try await workspace.run([command, "--config", "nowhere/paddock.toml"])
        #expect(refused.status == 64, "\(refused.stderrText)")
        #expect(refused.stderrText.contains("--config \(workspace.url("nowhere/paddock.toml").path): no such file"))
        #expect(workspace.entries.isEmpty)
    }

    @Test(arguments: ["build", "fetch", "serve", "webhook"])
    func withoutAnyConfigTheErrorSaysWhereItLooked(command: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let refused = try await workspace.run([command])
        #expect(refused.status == 64, "\(refused.stderrText)")
        #expect(refused.stderrText.contains("no paddock.toml here or in site/"))
        #expect(workspace.entries.isEmpty)
    }
}
