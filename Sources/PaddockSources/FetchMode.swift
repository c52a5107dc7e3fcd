/// Where a fetch reads from.
package enum FetchMode: String, Sendable, Hashable {
    /// From the services; each successful answer is cached, and a failed item falls back to its cached copy.
    case network
    /// From the cache only: no request is sent.
    case offline
}
