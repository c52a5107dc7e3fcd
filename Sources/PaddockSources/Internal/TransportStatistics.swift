/// Counts of what a run sent, for the summary and the benchmark.
actor TransportStatistics {
    private(set) var sent: [SourceService: Int] = [:]
    private(set) var retries: [SourceService: Int] = [:]
    private(set) var rateLimited: [SourceService: Int] = [:]

    func recordSent(_ service: SourceService) { sent[service, default: 0] += 1 }
    func recordRetry(_ service: SourceService) { retries[service, default: 0] += 1 }
    func recordRateLimited(_ service: SourceService) { rateLimited[service, default: 0] += 1 }
    var totalSent: Int { sent.values.reduce(0, +) }
}
