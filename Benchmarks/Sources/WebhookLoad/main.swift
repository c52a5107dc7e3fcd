import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PaddockServer

// 1,000 triggers (a fifth of them unsigned) from 50 concurrent clients against `paddock webhook`
// whose builds take BUILD_SECONDS each (default 5); five rounds (ROUNDS), to see memory stay flat.
// Checks: every signed trigger gets 202, every unsigned one 401, at most two builds per round.

let total = Int(ProcessInfo.processInfo.environment["TRIGGERS"] ?? "") ?? 1000
let clients = Int(ProcessInfo.processInfo.environment["CLIENTS"] ?? "") ?? 50
let rounds = Int(ProcessInfo.processInfo.environment["ROUNDS"] ?? "") ?? 5
let buildSeconds = Int(ProcessInfo.processInfo.environment["BUILD_SECONDS"] ?? "") ?? 5
let secret = "benchmark-secret-\(UUID().uuidString)"

func residentKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

var logger = Logger(label: "paddock.benchmark")
logger.logLevel = .error
let root = FileManager.default.temporaryDirectory.appending(path: "paddock-webhook-load-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: root) }
let builder = SlowBuilder(root: root, duration: .seconds(buildSeconds))
let coordinator = BuildCoordinator(builder: builder, lockFile: root.appending(path: ".paddock/build.lock"), logger: logger)
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
        let elapsed = start.duration(to: .now)
        return Result(signed: signed, status: Int(response.status.code), seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    } catch {
        return Result(signed: signed, status: -1, seconds: 0)
    }
}

print("webhook load: \(total) triggers, \(clients) clients, build takes \(buildSeconds) s, \(rounds) rounds")
print("RSS at start: \(residentKiB()) KiB")
var failures = 0
for round in 1...rounds {
    let buildsBefore = await builder.statistics.startedCount
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
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    while await coordinator.pendingCount > 0 { try await Task.sleep(for: .milliseconds(100)) }
    let builds = await builder.statistics.startedCount - buildsBefore
    let wrong = results.filter { $0.status != ($0.signed ? 202 : 401) }
    let latencies = results.map(\.seconds).sorted()
    let p50 = latencies[latencies.count / 2] * 1000, p99 = latencies[latencies.count * 99 / 100] * 1000
    let signedCount = results.filter(\.signed).count
    print(String(format: "round %d: %d answers in %.2f s (%.0f req/s), %d×202 expected, %d×401 expected, %d wrong; p50 %.1f ms, p99 %.1f ms; builds %d; RSS %d KiB",
                 round, results.count, seconds, Double(results.count) / seconds, signedCount, results.count - signedCount,
                 wrong.count, p50, p99, builds, residentKiB()))
    if !wrong.isEmpty || builds > 2 || results.count != total { failures += 1 }
}
print("max concurrent builds: \(await builder.statistics.maxConcurrent)")
try await client.shutdown()
await group.triggerGracefulShutdown()
try await serverTask.value
print(failures == 0 ? "PASS" : "FAIL")
exit(failures == 0 ? 0 : 1)

/// A build that takes `duration` and writes nothing: the benchmark measures the webhook and its
/// queue, not the site builder. It counts its builds, to show they never overlapped.
struct SlowBuilder: SiteBuilding {
    actor Statistics {
        private(set) var startedCount = 0
        private(set) var maxConcurrent = 0
        private var running = 0
        func started() { startedCount += 1; running += 1; maxConcurrent = max(maxConcurrent, running) }
        func finished() { running -= 1 }
    }

    let root: URL
    let duration: Duration
    let statistics = Statistics()
    var outputFolder: URL { root.appending(path: "public") }
    var watchedInputs: [URL] { [] }

    func build(refetch: Bool) async throws -> BuildOutcome {
        await statistics.started()
        do {
            try await Task.sleep(for: duration)
        } catch {
            await statistics.finished()
            throw error
        }
        await statistics.finished()
        return BuildOutcome(summary: "waited \(duration)")
    }
}
