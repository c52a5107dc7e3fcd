import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

extension HTTPTransport {
    /// Sends `request` until it succeeds, retrying 5xx, timeouts, dropped connections, bodies that
    /// fail ``ResponseValidation`` (cut short, not whole JSON, a pedigree without its attribution)
    /// and bodies `decode` finds malformed, waiting out every 429 on the service's gate, refreshing an OAuth
    /// token once after a 401. Returns the decoded value and the raw body (for the cache).
    ///
    /// Nothing is sent to a service whose breaker is open (``ServiceBreaker``); a request stops
    /// trying as soon as it opens, and no try outlasts the service's time bound.
    ///
    /// - Throws: ``SourcesError`` naming the service and item, never a secret;
    ///   ``SourcesError/serviceDown(service:item:reason:)`` once the service is down.
    func fetch<Value: Sendable>(
        _ request: APIRequest, decode: @Sendable (Data) throws -> Value
    ) async throws -> (value: Value, body: Data) {
        switch try await send(request, decode: decode) {
        case .fresh(let value, let body, _):
            return (value, body)
        case .notModified:
            throw SourcesError.serviceError(service: request.service, item: request.item, status: 304,
                                            message: "304 Not Modified to a request without validators")
        case .redirect(let location):
            throw SourcesError.serviceError(service: request.service, item: request.item, status: 302,
                                            message: "a redirect to \(scrubber.scrub(location))")
        }
    }

    /// What a successful exchange gave.
    enum Answer<Value: Sendable>: Sendable {
        /// A validated, decoded body, and the headers it came with (their validators go to the cache).
        case fresh(Value, body: Data, headers: HTTPHeaders)
        /// `304 Not Modified` to a conditional request: the copy whose validators it sent is current.
        case notModified(HTTPHeaders)
        /// A 3xx with a `Location` to a request that returns its redirects (``APIRequest/returnsRedirects``).
        case redirect(to: String)
    }

    /// ``fetch(_:decode:)``, and a `304` to a conditional request (``APIRequest/isConditional``)
    /// as ``Answer/notModified(_:)``.
    func send<Value: Sendable>(
        _ request: APIRequest, decode: @Sendable (Data) throws -> Value
    ) async throws -> Answer<Value> {
        let gate = gates[request.service]!
        let breaker = breakers[request.service]!
        var failedTries = 0
        var triesWithoutAnswer = 0
        var lastNoAnswer = ""
        var rateLimitWaits = 0
        var refreshedAfter401 = false
        var lastFailure: SourcesError
        let log = logger.with(request)

        while true {
            try Task.checkCancellation()
            _ = try await breaker.admit(request.item)
            let token = try await currentToken(for: request)
            if let reopening = await gate.reopening, await breaker.boundEnds(before: reopening) {
                await breaker.open("its Retry-After runs past its time bound for the run")
                continue
            }
            try await gate.waitUntilOpen()
            try await limiter.acquire()
            // The breaker may have opened while this request waited for its slot.
            var timeLeft: Duration
            do { timeLeft = try await breaker.admit(request.item) } catch {
                await limiter.release()
                throw error
            }
            if let deadline = request.deadline {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else {
                    await limiter.release()
                    throw SourcesError.transport(service: request.service, item: request.item,
                                                 detail: "its time limit passed", tries: failedTries)
                }
                timeLeft = min(timeLeft, remaining)
            }
            guard await gate.isOpen else {
                await limiter.release()
                continue
            }
            let result: Result<Exchange, any Error>
            do {
                result = .success(try await exchange(request, token: token, timeout: min(requestTimeout, timeLeft)))
            } catch {
                result = .failure(error)
            }
            // A 429 closes the gate while this request still holds its slot: a request waiting for
            // the slot must find the gate closed, not slip in before it closes.
            var rateLimitWait: Duration?
            if case .success(let answer) = result, answer.status == 429 {
                rateLimitWaits += 1
                let wait = RetryPolicy.retryAfter(answer.headers.first(name: "Retry-After"))
                    ?? policy.backoff(afterFailedTries: rateLimitWaits)
                if wait <= policy.maxRetryAfter { await gate.close(for: wait) }
                rateLimitWait = wait
            }
            await limiter.release()
            await statistics.recordSent(request.service)

            switch result {
            case .failure(let error):
                if error is CancellationError { throw error }
                if error is NIOTooManyBytesError {
                    throw SourcesError.bodyTooLarge(service: request.service, item: request.item,
                                                    limit: request.maxBodyBytes ?? policy.maxBodyBytes)
                }
                let detail = scrubber.scrub(Self.describe((error as? NoAnswer)?.underlying ?? error))
                if let noAnswer = error as? NoAnswer, Self.isConnectionFailure(noAnswer.underlying) {
                    triesWithoutAnswer += 1
                    lastNoAnswer = detail
                    // Pictures come from many hosts: one that is unreachable does not make the others down
                    // (each picture is bounded by its own time limit instead).
                    if request.service != .media { await breaker.recordConnectionFailure(detail) }
                }
                lastFailure = .transport(service: request.service, item: request.item, detail: detail, tries: failedTries + 1)
            case .success(let exchange):
                await breaker.recordAnswer()
                switch exchange.status {
                case 304 where request.isConditional:
                    return .notModified(exchange.headers)
                case 300..<400 where request.returnsRedirects:
                    guard let location = exchange.headers.first(name: "Location"), !location.isEmpty else {
                        throw SourcesError.serviceError(service: request.service, item: request.item, status: exchange.status,
                                                        message: "a redirect without a Location")
                    }
                    return .redirect(to: location)
                case 200..<300:
                    do {
                        try ResponseValidation.check(exchange.body, headers: exchange.headers, expecting: request.expects)
                        return .fresh(try decode(exchange.body), body: exchange.body, headers: exchange.headers)
                    } catch let failure as ResponseValidation.Failure {
                        lastFailure = .malformedResponse(service: request.service, item: request.item,
                                                         detail: failure.detail, tries: failedTries + 1)
                    } catch CatalogueDecodingError.serviceError(let message) {
                        throw SourcesError.serviceError(service: request.service, item: request.item,
                                                        status: exchange.status, message: scrubber.scrub(message))
                    } catch {
                        lastFailure = .malformedResponse(service: request.service, item: request.item,
                                                         detail: scrubber.scrub(String(describing: error)), tries: failedTries + 1)
                    }
                case 429:
                    await statistics.recordRateLimited(request.service)
                    let wait = rateLimitWait ?? .zero
                    if wait > policy.maxRetryAfter || rateLimitWaits > policy.maxRateLimitWaits {
                        throw SourcesError.rateLimited(service: request.service, item: request.item,
                                                       retryAfterSeconds: wait / .seconds(1))
                    }
                    log.info("rate limited, waiting", metadata: ["retry_after_ms": "\(Int(wait / .milliseconds(1)))"])
                    continue
                case 401 where !refreshedAfter401:
                    if case .oauth(let provider) = request.authorization, let token {
                        refreshedAfter401 = true
                        await provider.invalidate(token)
                        log.info("access token refused, refreshing")
                        continue
                    }
                    throw unauthorized(request, exchange)
                case 401, 403:
                    throw unauthorized(request, exchange)
                case 408, 500...599:
                    lastFailure = .httpStatus(service: request.service, item: request.item,
                                              status: exchange.status, tries: failedTries + 1)
                default:
                    let message = ErrorBody.message(in: exchange.body) ?? "HTTP \(exchange.status)"
                    throw SourcesError.serviceError(service: request.service, item: request.item,
                                                    status: exchange.status, message: scrubber.scrub(message))
                }
            }

            failedTries += 1
            if let reason = await breaker.openReason {
                throw SourcesError.serviceDown(service: request.service, item: request.item, reason: reason)
            }
            let pastDeadline = request.deadline.map { ContinuousClock.now >= $0 } ?? false
            guard failedTries < policy.maxTries, !pastDeadline else {
                // No answer to any of its tries, and none from the service in between: down.
                if request.service != .media, triesWithoutAnswer == failedTries, await breaker.consecutiveFailures >= failedTries {
                    let reason = "\(request.item) could not reach it on any of \(failedTries) tries, the last: \(lastNoAnswer)"
                    await breaker.open(reason)
                    throw SourcesError.serviceDown(service: request.service, item: request.item, reason: reason)
                }
                throw lastFailure
            }
            await statistics.recordRetry(request.service)
            let delay = policy.backoff(afterFailedTries: failedTries)
            log.info("request failed, retrying", metadata: [
                "error": "\(lastFailure)", "retry_in_ms": "\(Int(delay / .milliseconds(1)))",
            ])
            try await Task.sleep(for: delay)
        }
    }

    private func currentToken(for request: APIRequest) async throws -> String? {
        switch request.authorization {
        case .none: return nil
        case .bearer(let key): return key
        case .oauth(let provider): return try await provider.accessToken()
        }
    }

    private func unauthorized(_ request: APIRequest, _ exchange: Exchange) -> SourcesError {
        .unauthorized(service: request.service, item: request.item, status: exchange.status,
                      message: ErrorBody.message(in: exchange.body).map(scrubber.scrub))
    }

    /// Whether a try that got no answer failed to connect or lost its connection (what the breaker
    /// counts), rather than waiting too long for an answer from a service that took the request:
    /// a slow service is not down, and its time bound deals with one that never answers.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError, error == .readTimeout || error == .deadlineExceeded { return false }
        return true
    }

    /// A library error in words, without the request (which may carry a key in its query).
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connect timeout"
            case .readTimeout: return "read timeout"
            case .deadlineExceeded: return "request timed out"
            case .remoteConnectionClosed: return "the connection was closed before the answer was complete"
            default: return String(describing: error)
            }
        }
        return String(describing: error)
    }
}
