import Foundation

/// What a fetch brought back, and what went wrong on the way.
package struct FetchReport: Sendable {
    /// One catalogue per configured language, in configuration order.
    package var catalogues: [Catalogue]
    /// Problems that did not cost data: an item served from its cached copy, an entry skipped,
    /// a rotated refresh token that could not be saved.
    package var warnings: [String]
    /// Items that could not be fetched and had no cached copy (the horse keeps its list data).
    package var failures: [String]
    /// Items per source and language.
    package var counts: [FetchCount]
    /// Requests sent over the network, retries included (0 offline).
    package var requests: Int
    /// Answers the services found unchanged since they were cached (`304 Not Modified`), and the
    /// bytes of their cached copies, which were used without being downloaded again.
    package var revalidated: Int = 0
    package var bytesSavedByRevalidation: Int = 0
    /// Services that were down during the run (their circuit breaker opened), with the reason;
    /// what was not fetched from them came from the cache.
    package var servicesDown: [SourceService: String] = [:]
    /// What mirroring the pictures did (`nil`: not mirrored in this run).
    package var pictures: PictureCounts?
    package var mode: FetchMode
    package var duration: Duration

    /// True when every item was fetched or stood in for by its cached copy.
    package var isComplete: Bool { failures.isEmpty }

    package init(catalogues: [Catalogue] = [], warnings: [String] = [], failures: [String] = [], counts: [FetchCount] = [],
                requests: Int = 0, mode: FetchMode = .network, duration: Duration = .zero) {
        self.catalogues = catalogues; self.warnings = warnings; self.failures = failures; self.counts = counts
        self.requests = requests; self.mode = mode; self.duration = duration
    }
}
