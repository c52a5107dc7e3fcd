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
            let (value, body) = try await transport.fetch(request, decode: decode)
            do {
                try cache.store(body, for: key, item: request.item, url: request.loggableURL, fetchedAt: Date())
            } catch {
                logger.warning("could not cache a response", metadata: ["api.item": "\(request.item)", "error": "\(error)"])
            }
            return Loaded(value: value, origin: .network)
        } catch let error as SourcesError {
            guard fallback || error.isServiceDown, let cached = try? fromCache(request, key: key, decode: decode) else { throw error }
            return Loaded(value: cached.value, origin: .fallback(fetchedAt: cached.fetchedAt, error: error))
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
