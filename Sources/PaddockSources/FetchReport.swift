import Foundation

/// What a fetch brought back, and what went wrong on the way.
public struct FetchReport: Sendable {
    /// One catalogue per configured language, in configuration order.
    public var catalogues: [Catalogue]
    /// Problems that did not cost data: an item served from its cached copy, an entry skipped,
    /// a rotated refresh token that could not be saved.
    public var warnings: [String]
    /// Items that could not be fetched and had no cached copy (the horse keeps its list data).
    public var failures: [String]
    /// Items per source and language.
    public var counts: [FetchCount]
    /// Requests sent over the network, retries included (0 offline).
    public var requests: Int
    public var mode: FetchMode
    public var duration: Duration

    /// True when every item was fetched or stood in for by its cached copy.
    public var isComplete: Bool { failures.isEmpty }

    public init(catalogues: [Catalogue] = [], warnings: [String] = [], failures: [String] = [], counts: [FetchCount] = [],
                requests: Int = 0, mode: FetchMode = .network, duration: Duration = .zero) {
        self.catalogues = catalogues; self.warnings = warnings; self.failures = failures; self.counts = counts
        self.requests = requests; self.mode = mode; self.duration = duration
    }
}

/// How many items one source gave for one language.
public struct FetchCount: Sendable, Hashable {
    public var service: SourceService
    /// `nil` for sources that do not depend on the language (Husbandry).
    public var language: String?
    /// Horses or animals in the catalogue.
    public var items: Int
    /// Answers read from the cache: all of them offline, the fallbacks online.
    public var fromCache: Int
    /// Items that failed without a cached copy.
    public var failed: Int

    public init(service: SourceService, language: String?, items: Int, fromCache: Int = 0, failed: Int = 0) {
        self.service = service; self.language = language; self.items = items; self.fromCache = fromCache; self.failed = failed
    }
}

/// Progress of one source: `done` of `total` requests (an Equicty language, or Husbandry's pages).
public struct FetchProgress: Sendable, Hashable {
    /// "Equicty (en)", "Husbandry Pro".
    public var source: String
    public var done: Int
    public var total: Int

    public init(source: String, done: Int, total: Int) {
        self.source = source; self.done = done; self.total = total
    }
}
