import Foundation
import PaddockTestSupport
import Testing

/// `paddock serve` and `paddock webhook` started from another folder with relative paths: they
/// build and serve the site those paths name, and stop cleanly on SIGTERM.
@Suite struct ServerCommandTests {
    /// The `http://127.0.0.1:PORT` in the first line of `output` that starts with `prefix`.
    static func address(after prefix: String, in output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix(prefix) }, "no \(prefix) line in: \(output)")
        let range = try #require(line.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression))
        return String(line[range])
    }

    @Test func serveBuildsAndServesTheSiteARelativeConfigNames() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try await workspace.initSite("sites/one")
        let serve = try workspace.start(["serve", "--config", "sites/one/paddock.toml", "--port", "0"])
        let output = try await serve.waitForOutput(timeout: PaddockProcess.timeout) { $0.contains("Serving http://") }
        #expect(output.contains("Built: "), "the first build succeeded: \(output)")
        let base = try Self.address(after: "Serving", in: output)
        let page = try await HTTP.send(base + "/en/")
        #expect(page.status == 200)
        #expect(page.body.contains("data-paddock-preview"), "the preview's reload script is in the page")
        #expect(workspace.contains("sites/one/public/en/index.html"))
        #expect(workspace.entries == ["sites"])
        serve.signal(SIGTERM)
        let exit = try await serve.waitForExit(timeout: .seconds(60))
        #expect(exit.succeeded, "\(exit.stderrText)")
    }

    @Test func webhookStartsWithTheSecretOfARelativeCredentialsFile() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try await workspace.initSite("sites/one")
        try workspace.writeCredentials(#"{"webhook_secret": "a long random test secret"}"#, to: "keys/credentials.json")
        let webhook = try workspace.start(["webhook", "--config", "sites/one/paddock.toml", "--credentials", "keys/credentials.json", "--port", "0"])
        let output = try await webhook.waitForOutput(timeout: .seconds(120)) { $0.contains("Webhook listening on http://") }
        let base = try Self.address(after: "Webhook listening on", in: output)
        let unsigned = try await HTTP.send(base + "/hooks/build", method: "POST", body: Data(#"{"ref":"main"}"#.utf8))
        #expect(unsigned.status == 401)
        webhook.signal(SIGTERM)
        let exit = try await webhook.waitForExit(timeout: .seconds(60))
        #expect(exit.succeeded, "\(exit.stderrText)")
        #expect(workspace.entries == ["sites", "keys"])
    }

    @Test func webhookWithoutASecretNamesTheCredentialsFileItRead() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try await workspace.initSite("sites/one")
        let refused = try await workspace.run(["webhook", "--config", "sites/one/paddock.toml", "--credentials", "keys/none.json", "--port", "0"])
        #expect(refused.status == 64, "\(refused.stderrText)")
        #expect(refused.stderrText.contains("no webhook secret"))
        #expect(refused.stderrText.contains(workspace.url("keys/none.json").path))
    }
}
