/// Counts of what a run sent, for the summary and the benchmark.
actor TransportStatistics {
    private(set) var sent: [SourceService: Int] = [:]
    private(set) var retries: [SourceService: Int] = [:]
    private(set) var rateLimited: [SourceService: Int] = [:]

    func recordSent(_ service: SourceService) { sent[service, default: 0] += 1 }
    func recordRetry(_ service: SourceService) { retries[service, default: 0] += 1 }
    func recordRateLimited(_ service: SourceService) { rateLimited[service, default: 0] += 1 }
    /// Answers found current by revalidation (`304`), and the bytes of their cached copies, which
    /// were not downloaded again.
    private(set) var revalidated = 0
    private(set) var bytesSavedByRevalidation = 0
    func recordRevalidated(bytes: Int) { revalidated += 1; bytesSavedByRevalidation += bytes }
    var totalSent: Int { sent.values.reduce(0, +) }
}
