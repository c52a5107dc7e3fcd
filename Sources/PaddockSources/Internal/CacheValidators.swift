import NIOHTTP1

/// The validators a server sent with an answer (`ETag`, `Last-Modified`), kept with its cached copy
/// and sent back (`If-None-Match`, `If-Modified-Since`) to ask whether that copy is still current.
struct CacheValidators: Sendable, Equatable, Codable {
    var etag: String?
    var lastModified: String?

    init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag; self.lastModified = lastModified
    }

    /// Those of an answer's headers.
    init(_ headers: HTTPHeaders) {
        self.init(etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"))
    }

    var isEmpty: Bool { etag == nil && lastModified == nil }

    /// The headers of a conditional request.
    var requestHeaders: [(String, String)] {
        var headers: [(String, String)] = []
        if let etag { headers.append(("If-None-Match", etag)) }
        if let lastModified { headers.append(("If-Modified-Since", lastModified)) }
        return headers
    }

    /// These, updated by a `304`'s headers (which may carry newer ones).
    func updated(by headers: HTTPHeaders) -> CacheValidators {
        let fresh = CacheValidators(headers)
        return CacheValidators(etag: fresh.etag ?? etag, lastModified: fresh.lastModified ?? lastModified)
    }
}
