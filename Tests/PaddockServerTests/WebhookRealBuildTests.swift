import Foundation
import Logging
import PaddockServer
import PaddockSite
import PaddockTestSupport
import ServiceLifecycle
import Testing

/// The webhook server over the real site builder: a shutdown (SIGTERM) that outlasts the grace
/// period cancels the running build, which stops and leaves the published site as it was.
@Suite struct WebhookRealBuildTests {
    static let logger = Logger(label: "test.webhook.real", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func shutdownDuringARealBuildAbandonsItAndKeepsThePublishedSite() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = SiteConfig(root: folder.url, title: "Stal De Vries", baseURL: "https://stal-devries.example/",
                                description: "Warmbloods.", languages: ["en"], contactEmail: "info@stal-devries.example",
                                currency: "EUR", horsesPerPage: 6)
        // The large build's publish is held at its first progress report until the shutdown began.
        let fixture = try await HeldDemoBuild(config: config, logger: Self.logger)
        let site = ServedSite(builder: fixture.large, configFile: folder.url.appending(path: "paddock.toml"))
        let coordinator = BuildCoordinator(builder: site, lockFile: site.lockFile, lockPollInterval: .milliseconds(20), logger: Self.logger)
        let secret = "It's a Secret to Everybody"
        let server = try WebhookServer(configuration: .init(host: "127.0.0.1", port: 0, shutdownGracePeriod: .milliseconds(100)),
                                       secret: secret, coordinator: coordinator, logger: Self.logger)
        try await withRunningGroup({ server.serviceGroup(gracefulShutdownSignals: [], onListening: $0) }) { port, group in
            let body = Array(#"{"ref":"main"}"#.utf8)
            let answer = try await http(.POST, "http://127.0.0.1:\(port)/hooks/build",
                                        headers: [("X-Paddock-Signature", WebhookSignature(secret: secret).sign(body))], body: body)
            #expect(answer.status == 202)
            for await _ in fixture.hold.reached { break }
            await group.triggerGracefulShutdown()
            // The rest of a 4,000-horse build takes seconds, far past the grace period of 100 ms.
            fixture.hold.release()
        }
        let record = await coordinator.record(1)
        #expect(record?.state == .failed)
        #expect(record?.error?.contains("abandoned") == true, "\(String(describing: record?.error))")
        let now = try fixture.published()
        #expect(now.release == fixture.publishedRelease)
        #expect(now.listing == fixture.publishedListing)
    }
}
