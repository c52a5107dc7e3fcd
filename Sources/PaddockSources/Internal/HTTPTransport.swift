import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The HTTP layer shared by every client of a run: one `HTTPClient`, one bound on requests in
/// flight across all services, one 429 gate and one circuit breaker per service, retries with
/// backoff and jitter.
///
/// The `HTTPClient` is owned by whoever made it (``CatalogueFetcher`` scopes it to one fetch).
struct HTTPTransport: Sendable {
    let client: HTTPClient
    /// The client of requests that return their redirects (``APIRequest/returnsRedirects``).
    var redirectlessClient: HTTPClient?
    let limiter: RequestLimiter
    let gates: [SourceService: RateLimitGate]
    let breakers: [SourceService: ServiceBreaker]
    let policy: RetryPolicy
    let requestTimeout: Duration
    let scrubber: SecretScrubber
    let statistics: TransportStatistics
    let logger: Logger

    init(client: HTTPClient, configuration: SourcesConfiguration, secrets: [String], logger: Logger) {
        self.client = client
        limiter = RequestLimiter(limit: configuration.maxConcurrentRequests)
        gates = Dictionary(uniqueKeysWithValues: SourceService.allCases.map { ($0, RateLimitGate()) })
        breakers = Dictionary(uniqueKeysWithValues: SourceService.allCases.map {
            ($0, ServiceBreaker(service: $0, threshold: configuration.breakerFailures, timeLimit: configuration.serviceTimeLimit))
        })
        policy = RetryPolicy(maxTries: max(1, configuration.maxTries), baseDelay: configuration.retryBaseDelay)
        requestTimeout = configuration.connectTimeout + configuration.readTimeout
        scrubber = SecretScrubber(secrets: secrets)
        statistics = TransportStatistics()
        self.logger = logger
    }

    /// The configuration of the client that follows no redirect (pictures: each hop is checked).
    static func redirectlessConfiguration(for configuration: SourcesConfiguration) -> HTTPClient.Configuration {
        var config = clientConfiguration(for: configuration)
        config.redirectConfiguration = .disallow
        config.decompression = .disabled
        return config
    }

    /// The client configuration a run uses: the timeouts and a pool as wide as the bound.
    static func clientConfiguration(for configuration: SourcesConfiguration) -> HTTPClient.Configuration {
        var config = HTTPClient.Configuration()
        config.timeout = .init(connect: TimeAmount(configuration.connectTimeout), read: TimeAmount(configuration.readTimeout))
        config.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, configuration.maxConcurrentRequests)
        )
        // A refused connection fails its request at once instead of being tried again until the
        // connect timeout: the retry policy and the service's breaker decide what happens next.
        config.connectionPool.retryConnectionEstablishment = false
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

    /// A try that got no answer: the connection failed, or closed or timed out before the head of
    /// a response came.
    struct NoAnswer: Error {
        var underlying: any Error
    }

    /// Sends the request once (holding one permit of the bound) and collects the body.
    /// - Throws: ``NoAnswer`` when no response head came back within `timeout`; the library's error
    ///   when the body could not be read.
    func exchange(_ request: APIRequest, token: String?, timeout: Duration) async throws -> Exchange {
        var http = HTTPClientRequest(url: request.url)
        http.method = request.method
        for (name, value) in request.headers { http.headers.add(name: name, value: value) }
        if let token { http.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)") }
        http.headers.replaceOrAdd(name: "User-Agent", value: "Paddock/0.1")
        if let body = request.body {
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        do {
            let chosen = request.returnsRedirects ? (redirectlessClient ?? client) : client
            response = try await chosen.execute(http, timeout: TimeAmount(timeout), logger: logger)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw NoAnswer(underlying: error)
        }
        let limit = request.maxBodyBytes ?? policy.maxBodyBytes
        let buffer: ByteBuffer
        if let deadline = request.deadline {
            buffer = try await Self.collect(response.body, upTo: limit, before: deadline)
        } else {
            buffer = try await response.body.collect(upTo: limit)
        }
        return Exchange(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
    }

    /// The body, unless it is still coming at `deadline` (the client's own deadline ends with the
    /// head, and its read timeout does not stop a server that sends a byte now and then).
    /// - Throws: `HTTPClientError.deadlineExceeded` at the deadline; the body's errors.
    static func collect(_ body: HTTPClientResponse.Body, upTo limit: Int, before deadline: ContinuousClock.Instant) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw HTTPClientError.deadlineExceeded }
            return buffer
        }
    }
}
