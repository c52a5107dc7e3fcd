// Fetches N horses (list, details, HorseTelex HTML for a third) from the sandbox with a fixed
// latency per request, at 8 requests in flight, and compares the time with the latency-bound ideal
// (requests / 8 × latency). A second run injects 429s and checks, from the sandbox's request log,
// that no request started inside a Retry-After window. Then the same for a smaXtec herd of N animals
// (sign-in, organisations, each organisation's animals, every animal's events).
//
//   scripts/bench FetchBenchmark [horses=1000] [latency-ms=50] [rounds=3] [herd=1000]
import Foundation
import Logging
import PaddockSandbox
import PaddockSources

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let horseCount = arguments.count > 0 ? arguments[0] : 1000
let latencyMS = arguments.count > 1 ? arguments[1] : 50
let rounds = arguments.count > 2 ? arguments[2] : 3
let herdCount = arguments.count > 3 ? arguments[3] : 1000
let inFlight = 8
let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}


/// One fetch into a fresh cache folder; returns (wall time, requests the sandbox received, report).
func fetchOnce(_ sandbox: SandboxServer) async throws -> (Duration, Int, FetchReport) {
    await sandbox.requestLog.clear()
    let cache = FileManager.default.temporaryDirectory.appending(path: "paddock-fetch-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let config = SourcesConfiguration(
        equicty: EquictySourceConfiguration(baseURL: sandbox.equictyBaseURL), languages: ["en"],
        maxConcurrentRequests: inFlight, maxTries: 3, cacheFolder: cache)
    let fetcher = CatalogueFetcher(configuration: config, credentials: Credentials(equictyAPIKey: sandbox.options.equictyAPIKey),
                                   logger: quiet)
    let started = ContinuousClock.now
    let report = try await fetcher.fetch(mode: .network)
    let elapsed = ContinuousClock.now - started
    let received = await sandbox.requestLog.requests(to: .equicty).count
    guard report.failures.isEmpty, report.catalogues.first?.horses.count == horseCount else {
        throw NSError(domain: "FetchBenchmark", code: 1, userInfo: [NSLocalizedDescriptionKey: "incomplete fetch: \(report.failures.prefix(3))"])
    }
    return (elapsed, received, report)
}

var options = SandboxOptions()
options.horseCount = horseCount
options.latency = .milliseconds(latencyMS)
print("FetchBenchmark: \(horseCount) horses, \(latencyMS) ms latency, \(inFlight) in flight, \(rounds) rounds; load average \(loadAverage())")

try await SandboxServer.withRunning(options: options, logger: quiet) { sandbox in
    _ = try await fetchOnce(sandbox)  // warm-up: connections, caches, page faults
    var ratios: [Double] = []
    for round in 1...rounds {
        let (elapsed, requests, report) = try await fetchOnce(sandbox)
        let ideal = Double(requests) / Double(inFlight) * Double(latencyMS) / 1000
        let ratio = (elapsed / .seconds(1)) / ideal
        ratios.append(ratio)
        let peak = await sandbox.requestLog.maxInFlight
        print(String(format: "round %d: %d requests (client counted %d), %.3f s measured, %.3f s ideal, ratio %.3f, peak in flight %d",
                     round, requests, report.requests, elapsed / .seconds(1), ideal, ratio, peak))
    }
    let median = ratios.sorted()[ratios.count / 2]
    print(String(format: "median ratio %.3f (target <= 1.15): %@", median, median <= 1.15 ? "met" : "NOT met"))
}

// With 429s: Retry-After 1 s at a few points of the run; every request must wait the window out.
options.faults = [SandboxFault(.tooManyRequests(retryAfterSeconds: 1), trigger: .requestNumbers([100, 500, 900]), pathContains: "/equicty/")]
try await SandboxServer.withRunning(options: options, logger: quiet) { sandbox in
    let (elapsed, requests, _) = try await fetchOnce(sandbox)
    let log = await sandbox.requestLog.requests(to: .equicty)
    let limited = log.filter { $0.status == 429 }.count
    // By the sandbox's clock: requests inside each window, and those that arrived so late in it
    // that they cannot have been in flight when the 429 reached the client (at most 7 of the
    // first kind per window are requests already in flight; none of the second kind may exist).
    var inside = 0, late = 0
    for window in await sandbox.requestLog.retryAfterWindows {
        let arrivals = await sandbox.requestLog.arrivals(inside: window)
        inside += arrivals.count
        late += arrivals.filter { $0.receivedInstant >= window.sentAt + .milliseconds(400) }.count
    }
    print(String(format: "with 429s: %d requests, %d answered 429, %.3f s, arrivals inside a Retry-After window: %d (already in flight), started inside one: %d (%@)",
                 requests, limited, elapsed / .seconds(1), inside, late, late == 0 ? "none: met" : "NOT met"))
}

// The smaXtec herd: sign-in, organisations and animal lists first (they decide what comes next),
// then every animal's events at 8 in flight. The ideal counts every request as if all ran 8 at a time.
func fetchHerdOnce(_ sandbox: SandboxServer) async throws -> (Duration, Int, FetchReport) {
    await sandbox.requestLog.clear()
    let cache = FileManager.default.temporaryDirectory.appending(path: "paddock-herd-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    var config = SourcesConfiguration(languages: ["en"], maxConcurrentRequests: inFlight, maxTries: 3, cacheFolder: cache)
    config.smaxtec = SmaxtecSourceConfiguration(baseURL: sandbox.smaxtecBaseURL)
    let credentials = Credentials(smaxtecEmail: sandbox.options.smaxtecEmail, smaxtecPassword: sandbox.options.smaxtecPassword)
    let fetcher = CatalogueFetcher(configuration: config, credentials: credentials, logger: quiet)
    let started = ContinuousClock.now
    let report = try await fetcher.fetch(mode: .network)
    let elapsed = ContinuousClock.now - started
    let received = await sandbox.requestLog.requests.count
    guard report.failures.isEmpty, report.catalogues.first?.herd.count == herdCount else {
        throw NSError(domain: "FetchBenchmark", code: 2, userInfo: [NSLocalizedDescriptionKey: "incomplete herd fetch: \(report.failures.prefix(3))"])
    }
    return (elapsed, received, report)
}

var herdOptions = SandboxOptions()
herdOptions.herdCount = herdCount
herdOptions.latency = .milliseconds(latencyMS)
print("FetchBenchmark smaXtec: \(herdCount) animals with events, \(latencyMS) ms latency, \(inFlight) in flight, \(rounds) rounds; load average \(loadAverage())")
try await SandboxServer.withRunning(options: herdOptions, logger: quiet) { sandbox in
    _ = try await fetchHerdOnce(sandbox)
    var ratios: [Double] = []
    for round in 1...rounds {
        let (elapsed, requests, report) = try await fetchHerdOnce(sandbox)
        let ideal = Double(requests) / Double(inFlight) * Double(latencyMS) / 1000
        let ratio = (elapsed / .seconds(1)) / ideal
        ratios.append(ratio)
        let peak = await sandbox.requestLog.maxInFlight
        print(String(format: "herd round %d: %d requests (client counted %d), %.3f s measured, %.3f s ideal, ratio %.3f, peak in flight %d",
                     round, requests, report.requests, elapsed / .seconds(1), ideal, ratio, peak))
    }
    let median = ratios.sorted()[ratios.count / 2]
    print(String(format: "herd median ratio %.3f (target <= 1.15): %@", median, median <= 1.15 ? "met" : "NOT met"))
}
