import Foundation
import Logging
import PaddockSandbox
import PaddockTestSupport
@testable import PaddockSources

/// Shared set-up for tests that run the real clients against a real sandbox on a free loopback port.
enum SourcesTest {
    static let logger = Logger(label: "paddock.sources.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A fresh folder under the system's temporary folder, removed when the test process exits
    /// (the fetchers, caches and token savers a test starts may still write to it as it ends).
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.removedAtExit("paddock-sources")
    }

    /// Sources pointed at `sandbox`, with a quick backoff so retries do not slow the tests.
    static func configuration(
        _ sandbox: SandboxServer, cache: URL, languages: [String] = ["en"], equicty: Bool = true,
        husbandry: HusbandrySourceConfiguration.Version? = nil, pageSize: Int = 100, maxConcurrentRequests: Int = 8
    ) -> SourcesConfiguration {
        var config = SourcesConfiguration(
            equicty: equicty ? EquictySourceConfiguration(baseURL: sandbox.equictyBaseURL) : nil,
            husbandry: husbandry.map { HusbandrySourceConfiguration(version: $0, baseURL: sandbox.husbandryBaseURL, pageSize: pageSize) },
            languages: languages, maxConcurrentRequests: maxConcurrentRequests, maxTries: 3,
            connectTimeout: .seconds(5), readTimeout: .seconds(10), cacheFolder: cache, retryBaseDelay: .milliseconds(20)
        )
        config.equicty?.horsetelexColors = HorseTelexColors(horseTextColor: "123abc", mareBackgroundColor: "fedcba", mareTextColor: "0a0b0c")
        return config
    }

    /// The sandbox's demo credentials (Equicty key, OAuth client, v1 user keys).
    static func credentials(_ sandbox: SandboxServer, refreshToken: String? = nil, userKeys: [String]? = nil) -> Credentials {
        Credentials(
            equictyAPIKey: sandbox.options.equictyAPIKey, husbandryClientID: sandbox.options.husbandryClientID,
            husbandryClientSecret: sandbox.options.husbandryClientSecret, husbandryRefreshToken: refreshToken,
            husbandryUserKeys: userKeys ?? sandbox.husbandryUserKeys
        )
    }

    static func fetcher(_ config: SourcesConfiguration, _ credentials: Credentials, credentialsFile: URL? = nil) -> CatalogueFetcher {
        CatalogueFetcher(configuration: config, credentials: credentials, credentialsFile: credentialsFile, logger: logger)
    }

    /// The demo catalogue the sandbox serves, as typed values (the sandbox's own converter).
    static func expected(_ sandbox: SandboxServer, languages: [String] = ["en"]) throws -> [Catalogue] {
        try DemoData.catalogues(languages: languages, mediaBaseURL: sandbox.mediaBaseURL)
    }

    /// Runs `body` with a sandbox on a free loopback port, stopped afterwards.
    static func withSandbox<T: Sendable>(_ options: SandboxOptions = SandboxOptions(),
                                         _ body: (SandboxServer) async throws -> T) async throws -> T {
        try await SandboxServer.withRunning(options: options, logger: logger, body)
    }
}
