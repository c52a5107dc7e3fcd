import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PaddockDemo
import PaddockServer
import PaddockSite

// TRIGGERS (1,000) triggers, a fifth of them unsigned, from CLIENTS (50) concurrent clients against
// a real `WebhookServer` whose coordinator runs real `SiteBuilder` builds of the demo catalogue grown
// to HORSES and ANIMALS (10,000 each, a few seconds a build); ROUNDS (5) rounds, to see memory stay
// flat. Each build's catalogue differs from the last in one horse, so every build renders the
// whole site (as after a change upstream) and writes little.
// Usage: [TRIGGERS=…] [CLIENTS=…] [ROUNDS=…] [HORSES=…] [ANIMALS=…] scripts/bench WebhookLoad
// Checks: every signed trigger gets 202 and every unsigned one 401; builds never overlap; and triggers
// coalesce: a round starts at most two builds more than the shortest build fits into it.

let environment = ProcessInfo.processInfo.environment
let total = Int(environment["TRIGGERS"] ?? "") ?? 1000
let clients = Int(environment["CLIENTS"] ?? "") ?? 50
let rounds = Int(environment["ROUNDS"] ?? "") ?? 5
let horseCount = Int(environment["HORSES"] ?? "") ?? 10_000
let animalCount = Int(environment["ANIMALS"] ?? "") ?? 10_000
let secret = "benchmark-secret-\(UUID().uuidString)"

func residentKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}


/// The demo catalogue with one horse renamed for each build, so that no build finds the site up to date.
struct ChangingCatalogue: CatalogueProvider {
    let demo: DemoCatalogueProvider
    let calls = CallCount()

    func catalogues(refetch: Bool) async throws -> CatalogueSupply {
        var supply = try await demo.catalogues(refetch: refetch)
        let call = await calls.next()
        for index in supply.catalogues.indices where !supply.catalogues[index].horses.isEmpty {
            supply.catalogues[index].horses[0].name += " \(call)"
        }
        return supply
    }
}

actor CallCount {
    private var count = 0
    func next() -> Int { count += 1; return count }
}

/// The builds the coordinator ran: how many, how long, and the most at once.
actor BuildLog {
    private(set) var started = 0
    private(set) var maxConcurrent = 0
    private(set) var durations: [Double] = []
    private var running = 0

    func start() { started += 1; running += 1; maxConcurrent = max(maxConcurrent, running) }
    func finish(after duration: Duration) { running -= 1; durations.append(duration / .seconds(1)) }
}

/// The real site builder as the servers' `SiteBuilding`, logging each build.
struct LoggedBuilder: SiteBuilding {
    let builder: SiteBuilder
    let log = BuildLog()

    var outputFolder: URL { builder.config.outputFolder }
    var watchedInputs: [URL] { [] }

    func build(refetch: Bool) async throws -> BuildOutcome {
        await log.start()
        let start = ContinuousClock.now
        do {
            let report = try await builder.build(refetch: refetch)
            await log.finish(after: ContinuousClock.now - start)
            return BuildOutcome(summary: report.description)
        } catch {
            await log.finish(after: ContinuousClock.now - start)
            throw error
        }
    }
}

var logger = Logger(label: "paddock.benchmark")
logger.logLevel = .error
let root = FileManager.default.temporaryDirectory.appending(path: "paddock-webhook-load-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
let config = SiteConfig(root: root, title: "Benchmark Stable", baseURL: "https://bench.example/", languages: ["en"])
let provider = ChangingCatalogue(demo: DemoCatalogueProvider(config: config, horseCount: horseCount, animalCount: animalCount))
let builder = LoggedBuilder(builder: SiteBuilder(config: config, provider: provider, logger: logger))
let coordinator = BuildCoordinator(builder: builder, lockFile: builder.builder.lockFile, logger: logger)
let server = try WebhookServer(configuration: .init(host: "127.0.0.1", port: 0), secret: secret, coordinator: coordinator, logger: logger)
let signer = WebhookSignature(secret: secret)
let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
let group = server.serviceGroup(gracefulShutdownSignals: [], onListening: { portContinuation.yield($0) })
let serverTask = Task { try await group.run() }
guard let port = await ports.first(where: { _ in true }) else { fatalError("server did not start") }

var configuration = HTTPClient.Configuration()
configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
let url = "http://127.0.0.1:\(port)/hooks/build"

struct Result: Sendable { var signed: Bool; var status: Int; var seconds: Double }

@Sendable func send(_ index: Int, client: HTTPClient, url: String, signer: WebhookSignature) async -> Result {
    let signed = index % 5 != 0
    let body = Array(#"{"ref":"refs/heads/main","n":\#(index)}"#.utf8)
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    if signed { request.headers.add(name: "X-Paddock-Signature", value: signer.sign(body)) }
    request.body = .bytes(ByteBuffer(bytes: body))
    let start = ContinuousClock.now
    do {
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 64 * 1024)
        return Result(signed: signed, status: Int(response.status.code), seconds: start.duration(to: .now) / .seconds(1))
    } catch {
        return Result(signed: signed, status: -1, seconds: 0)
    }
}

print("webhook load: \(total) triggers, \(clients) clients, builds of \(horseCount) horses and \(animalCount) animals, \(rounds) rounds")
print("site: \(root.path) (left in place: this file system is slow after mass deletes)")
print("RSS at start: \(residentKiB()) KiB")
var failures = 0
for round in 1...rounds {
    let buildsBefore = await builder.log.started
    let start = ContinuousClock.now
    let results = await withTaskGroup(of: [Result].self) { tasks in
        for worker in 0..<clients {
            tasks.addTask {
                var mine: [Result] = []
                var index = worker
                while index < total {
                    mine.append(await send(index + round * total, client: client, url: url, signer: signer))
                    index += clients
                }
                return mine
            }
        }
        var all: [Result] = []
        for await mine in tasks { all += mine }
        return all
    }
    let elapsed = start.duration(to: .now) / .seconds(1)
    while await coordinator.pendingCount > 0 { try await Task.sleep(for: .milliseconds(100)) }
    let builds = await builder.log.started - buildsBefore
    let shortest = await builder.log.durations.min() ?? 0
    // Every build but the last starts on a trigger of the round or when the one before it ends, and
    // triggers that come while a build runs share one queued build: so every build but the last
    // two ends within the round, and at most 2 + round / shortest build start.
    let allowed = 2 + Int(elapsed / max(shortest, 0.001))
    let wrong = results.filter { $0.status != ($0.signed ? 202 : 401) }
    let latencies = results.map(\.seconds).sorted()
    let p50 = latencies[latencies.count / 2] * 1000, p99 = latencies[latencies.count * 99 / 100] * 1000
    let signedCount = results.filter(\.signed).count
    print(String(format: "round %d: %d answers in %.2f s (%.0f req/s), %d×202 expected, %d×401 expected, %d wrong; p50 %.1f ms, p99 %.1f ms; builds %d (at most %d; shortest %.2f s); RSS %d KiB",
                 round, results.count, elapsed, Double(results.count) / elapsed, signedCount, results.count - signedCount,
                 wrong.count, p50, p99, builds, allowed, shortest, residentKiB()))
    if !wrong.isEmpty || builds > allowed || results.count != total { failures += 1 }
}
let maxConcurrent = await builder.log.maxConcurrent
print("max concurrent builds: \(maxConcurrent)")
if maxConcurrent > 1 { failures += 1 }
try await client.shutdown().get()
await group.triggerGracefulShutdown()
try await serverTask.value
print(failures == 0 ? "PASS" : "FAIL")
exit(failures == 0 ? 0 : 1)
