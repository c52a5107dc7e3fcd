import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The HTTP layer shared by every client of a run: one `HTTPClient`, one bound on requests in
/// flight across all services, one 429 gate per service, retries with backoff and jitter.
///
/// The `HTTPClient` is owned by whoever made it (``CatalogueFetcher`` scopes it to one fetch).
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let limiter: RequestLimiter
    let gates: [SourceService: RateLimitGate]
    let policy: RetryPolicy
    let requestTimeout: Duration
    let scrubber: SecretScrubber
    let statistics: TransportStatistics
    let logger: Logger

    init(client: HTTPClient, configuration: SourcesConfiguration, secrets: [String], logger: Logger) {
        self.client = client
        limiter = RequestLimiter(limit: configuration.maxConcurrentRequests)
        gates = Dictionary(uniqueKeysWithValues: SourceService.allCases.map { ($0, RateLimitGate()) })
        policy = RetryPolicy(maxTries: max(1, configuration.maxTries), baseDelay: configuration.retryBaseDelay)
        requestTimeout = configuration.connectTimeout + configuration.readTimeout
        scrubber = SecretScrubber(secrets: secrets)
        statistics = TransportStatistics()
        self.logger = logger
    }

    /// The client configuration a run uses: the timeouts and a pool as wide as the bound.
    static func clientConfiguration(for configuration: SourcesConfiguration) -> HTTPClient.Configuration {
        var config = HTTPClient.Configuration()
        config.timeout = .init(connect: TimeAmount(configuration.connectTimeout), read: TimeAmount(configuration.readTimeout))
        config.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, configuration.maxConcurrentRequests)
        )
        config.redirectConfiguration = .follow(max: 5, allowCycles: false)
        config.decompression = .enabled(limit: .ratio(50))
        return config
    }

    /// One HTTP exchange's outcome, before it is judged.
    struct Exchange: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    /// Sends the request once (holding one permit of the bound) and collects the body.
    func exchange(_ request: APIRequest, token: String?) async throws -> Exchange {
        var http = HTTPClientRequest(url: request.url)
        http.method = request.method
        for (name, value) in request.headers { http.headers.add(name: name, value: value) }
        if let token { http.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)") }
        http.headers.replaceOrAdd(name: "User-Agent", value: "Paddock/0.1")
        if let body = request.body {
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(http, timeout: TimeAmount(requestTimeout), logger: logger)
        let buffer = try await response.body.collect(upTo: policy.maxBodyBytes)
        return Exchange(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
    }
}
