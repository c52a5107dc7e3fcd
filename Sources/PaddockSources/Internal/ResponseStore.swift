import Foundation
import Logging

/// Loads one item in the run's mode: from the network (caching the answer, falling back to the
/// cached copy when allowed) or from the cache alone.
struct ResponseStore: Sendable {
    let mode: FetchMode
    /// `nil` in offline mode: nothing can be sent.
    let transport: HTTPTransport?
    let cache: ResponseCache
    let logger: Logger

    /// Where a loaded value came from.
    enum Origin: Sendable {
        case network
        case cache(fetchedAt: Date)
        /// The network failed with `error`; the cached copy from `fetchedAt` stood in.
        case fallback(fetchedAt: Date, error: SourcesError)
    }

    struct Loaded<Value: Sendable>: Sendable {
        var value: Value
        var origin: Origin
    }

    /// Loads `request`'s item.
    /// - Parameter fallback: whether a cached copy may stand in when the network fails (items: yes;
    ///   listings: no). Whatever it says, the cached copy stands in when the service is down for the
    ///   run (``SourcesError/serviceDown(service:item:reason:)``): nothing newer can come.
    /// - Throws: ``SourcesError`` (the network's, or ``SourcesError/notCached(service:item:)`` offline).
    func load<Value: Sendable>(
        _ request: APIRequest, key: CacheKey, fallback: Bool, decode: @escaping @Sendable (Data) throws -> Value
    ) async throws -> Loaded<Value> {
        guard let transport, mode == .network else {
            guard let cached = try fromCache(request, key: key, decode: decode) else {
                throw SourcesError.notCached(service: request.service, item: request.item)
            }
            return Loaded(value: cached.value, origin: .cache(fetchedAt: cached.fetchedAt))
        }
        do {
            return try await fromNetwork(request, key: key, transport: transport, decode: decode)
        } catch let error as SourcesError {
            guard fallback || error.isServiceDown, let cached = try? fromCache(request, key: key, decode: decode) else { throw error }
            return Loaded(value: cached.value, origin: .fallback(fetchedAt: cached.fetchedAt, error: error))
        }
    }

    /// The answer from the network, cached with its validators. A GET whose cached copy has
    /// validators asks whether that copy is current; a `304` then stands for the cached body, which
    /// is used (and kept, with its fetch time renewed) without being downloaded again. POST answers
    /// are not revalidated: RFC 9110 answers a conditional POST with 412, not 304.
    private func fromNetwork<Value: Sendable>(
        _ request: APIRequest, key: CacheKey, transport: HTTPTransport, decode: @escaping @Sendable (Data) throws -> Value
    ) async throws -> Loaded<Value> {
        var conditional = request
        let cached = request.method == .GET ? (try? cache.entry(for: key)) ?? nil : nil
        if let cached { conditional.headers += cached.metadata.validators.requestHeaders }

        switch try await transport.send(conditional, decode: decode) {
        case .fresh(let value, let body, let headers):
            keep(body, key: key, request: request, validators: CacheValidators(headers))
            return Loaded(value: value, origin: .network)
        case .notModified(let headers):
            // The copy is used as if it had just been sent: it must still pass what a sent body passes.
            if let cached, (try? ResponseValidation.check(cached.body, headers: [:], expecting: request.expects)) != nil,
               let value = try? decode(cached.body) {
                keep(cached.body, key: key, request: request, validators: cached.metadata.validators.updated(by: headers))
                await transport.statistics.recordRevalidated(bytes: cached.body.count)
                return Loaded(value: value, origin: .network)
            }
            // The cached copy is gone or no longer usable: ask again without validators.
            switch try await transport.send(request, decode: decode) {
            case .fresh(let value, let body, let headers):
                keep(body, key: key, request: request, validators: CacheValidators(headers))
                return Loaded(value: value, origin: .network)
            case .notModified:
                throw SourcesError.serviceError(service: request.service, item: request.item, status: 304,
                                                message: "304 Not Modified to a request without validators")
            case .redirect(let location):
                throw SourcesError.serviceError(service: request.service, item: request.item, status: 302, message: "a redirect to \(location)")
            }
        case .redirect(let location):
            throw SourcesError.serviceError(service: request.service, item: request.item, status: 302, message: "a redirect to \(location)")
        }
    }

    private func keep(_ body: Data, key: CacheKey, request: APIRequest, validators: CacheValidators) {
        do {
            try cache.store(body, for: key, item: request.item, url: request.loggableURL, fetchedAt: Date(), validators: validators)
        } catch {
            logger.warning("could not cache a response", metadata: ["api.item": "\(request.item)", "error": "\(error)"])
        }
    }

    /// The same store reading the cache alone (sends nothing).
    var cacheOnly: ResponseStore {
        ResponseStore(mode: .offline, transport: nil, cache: cache, logger: logger)
    }

    private func fromCache<Value>(
        _ request: APIRequest, key: CacheKey, decode: (Data) throws -> Value
    ) throws -> (value: Value, fetchedAt: Date)? {
        guard let entry = try cache.entry(for: key) else { return nil }
        do {
            return (try decode(entry.body), entry.metadata.fetchedAt)
        } catch {
            throw SourcesError.cache(path: cache.url(for: key).path, detail: "the cached \(request.item) no longer decodes (\(error))")
        }
    }
}
