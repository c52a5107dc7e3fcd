// A whole `SiteBuilder` build of the demo catalogue grown to N horses and M animals, into a fresh
// temporary folder (full build), then a rebuild with nothing changed. Prints wall time and peak RSS
// (VmHWM from /proc/self/status) after each.
// Usage: scripts/bench BuildBenchmark [horses] [animals] [--again] [--render-workers N] [--publish-writers N]
// --again adds a second full build into a fresh folder.
// --render-workers and --publish-writers set the build's thread counts (default: one renderer per
// core, one writer per two cores; 0 writers writes on the render threads).
// The folder is left in place (this file system is slow after mass deletes); its path is printed.
import Foundation
import Logging
import PaddockDemo
import PaddockSite

/// The value after `flag`, if any.
func option(_ flag: String) -> Int? {
    guard let index = CommandLine.arguments.firstIndex(of: flag), index + 1 < CommandLine.arguments.count else { return nil }
    return Int(CommandLine.arguments[index + 1])
}
/// Numbers not given to a flag, in order.
let counts = CommandLine.arguments.indices.dropFirst()
    .filter { !CommandLine.arguments[$0 - 1].hasPrefix("--") }
    .compactMap { Int(CommandLine.arguments[$0]) }
let horseCount = counts.count > 0 ? counts[0] : 10_000
let animalCount = counts.count > 1 ? counts[1] : 10_000

/// Peak resident memory so far, in MB (`VmHWM`).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}


let root = FileManager.default.temporaryDirectory.appending(path: "paddock-build-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
let config = SiteConfig(root: root, title: "Benchmark Stable", baseURL: "https://bench.example/", languages: ["en"])
let logger = Logger(label: "bench.build", factory: { _ in SwiftLogNoOpLogHandler() })
let provider = DemoCatalogueProvider(config: config, horseCount: horseCount, animalCount: animalCount)

func builder(_ config: SiteConfig) -> SiteBuilder {
    var builder = SiteBuilder(config: config, provider: provider, logger: logger)
    if let workers = option("--render-workers") { builder.renderWorkers = max(1, workers) }
    if let writers = option("--publish-writers") { builder.publishWriters = max(0, writers) }
    return builder
}
let first = builder(config)
print("site: \(root.path) (\(horseCount) horses, \(animalCount) animals; "
      + "\(first.renderWorkers) render workers, \(first.publishWriters) publish writers)")

let clock = ContinuousClock()
for round in ["full build", "no-change rebuild"] {
    let start = clock.now
    let report = try await first.build(refetch: false)
    print(String(format: "%@: %.2f s wall, peak RSS %.0f MB; ", round, (clock.now - start) / .seconds(1), peakMemoryMB()) + report.description)
}
// `--again`: one more full build into a second fresh folder, to tell memory kept from the first
// build apart from memory of the no-change path.
if CommandLine.arguments.contains("--again") {
    var second = config
    second.outputFolder = root.appending(path: "public-again")
    let start = clock.now
    let report = try await builder(second).build(refetch: false)
    print(String(format: "second full build (fresh folder): %.2f s wall, peak RSS %.0f MB; ", (clock.now - start) / .seconds(1),
                 peakMemoryMB()) + report.description)
}
