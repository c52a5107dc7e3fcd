// A whole `SiteBuilder` build of the demo catalogue grown to N horses and M animals, into a fresh
// temporary folder (full build), then a rebuild with nothing changed. Prints wall time and peak RSS
// (VmHWM from /proc/self/status) after each.
// Usage: swift run -c release --package-path Benchmarks BuildBenchmark [horses] [animals] [--in-memory] [--again]
// --again adds a second full build into a fresh folder.
// --in-memory builds the way SiteBuilder did before streaming (InMemoryBuild.swift), for comparison.
// The folder is left in place (this file system is slow after mass deletes); its path is printed.
import Foundation
import Logging
import PaddockDemo
import PaddockSite

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let horseCount = arguments.count > 0 ? arguments[0] : 10_000
let animalCount = arguments.count > 1 ? arguments[1] : 10_000
let inMemory = CommandLine.arguments.contains("--in-memory")

/// Peak resident memory so far, in MB (`VmHWM`).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let root = FileManager.default.temporaryDirectory.appending(path: "paddock-build-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
let config = SiteConfig(root: root, title: "Benchmark Stable", baseURL: "https://bench.example/", languages: ["en"])
let logger = Logger(label: "bench.build", factory: { _ in SwiftLogNoOpLogHandler() })
let provider = DemoCatalogueProvider(config: config, horseCount: horseCount, animalCount: animalCount)
let builder = SiteBuilder(config: config, provider: provider, logger: logger)
print("site: \(root.path) (\(horseCount) horses, \(animalCount) animals\(inMemory ? ", in-memory build" : ", streaming build"))")

let clock = ContinuousClock()
for round in ["full build", "no-change rebuild"] {
    let start = clock.now
    let outcome: String
    if inMemory {
        outcome = "\(try await InMemoryBuild(config: config, provider: provider, logger: logger).build())"
    } else {
        outcome = "\(try await builder.build(refetch: false))"
    }
    let wall = clock.now - start
    print(String(format: "%@: %.2f s wall, peak RSS %.0f MB; ", round, seconds(wall), peakMemoryMB()) + outcome)
}
// `--again`: one more full build into a second fresh folder, to tell memory kept from the first
// build apart from memory of the no-change path.
if CommandLine.arguments.contains("--again") {
    var second = config
    second.outputFolder = root.appending(path: "public-again")
    let start = clock.now
    let report = try await SiteBuilder(config: second, provider: provider, logger: logger).build(refetch: false)
    print(String(format: "second full build (fresh folder): %.2f s wall, peak RSS %.0f MB; ", seconds(clock.now - start),
                 peakMemoryMB()) + report.description)
}
