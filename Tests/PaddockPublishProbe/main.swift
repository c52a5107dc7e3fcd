// Publishes test sites from a separate process so PaddockSiteTests can kill it with SIGKILL.
//
//   PaddockPublishProbe OUTPUT GENERATION FILES pause-staging|pause-sealed|loop
//
// Every page holds "generation N"; `index.html` lists the site's files. `pause-*` prints PAUSED
// and blocks at that phase; `loop` publishes generations N, N+1, … and prints PUBLISHED N each time;
// `bench` times publishing (Bench.swift).
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import PaddockSite
import Synchronization
import PaddockPublish

func site(_ generation: Int, count: Int) -> SiteOutput {
    // Odd generations drop the last tenth of the pages, so removals happen too.
    let files = generation % 2 == 1 ? count - count / 10 : count
    var pages = (0..<files).map { index in
        RenderedPage(path: "pages/\(index)/index.html", bytes: Array("generation \(generation) page \(index)\n".utf8))
    }
    let listing = pages.map(\.path).joined(separator: "\n")
    pages.append(RenderedPage(path: "index.html", bytes: Array("generation \(generation)\n\(listing)\n".utf8)))
    return SiteOutput(pages: pages)
}

/// Publishes `site` through one session, as a build does: static files, then pages from several threads.
func publishAll(_ publisher: Publisher, _ site: SiteOutput) throws -> PublishSummary {
    let session = try publisher.begin(expectedCount: site.pages.count + site.staticFiles.count)
    for file in site.staticFiles { try session.add(file) }
    let failure = Mutex<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: site.pages.count) { index in
        do { try session.add(site.pages[index]) } catch { failure.withLock { $0 = $0 ?? error } }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return try session.finish()
}

/// Set by the first writer that reaches the pause, so PAUSED is printed once even though pages are
/// written by several threads at a time and each may report the phase.
let paused = Atomic<Bool>(false)

func pauseForever() -> Never {
    if !paused.exchange(true, ordering: .sequentiallyConsistent) {
        FileHandle.standardOutput.write(Data("PAUSED\n".utf8))
    }
    while true { sleep(60) }
}

func run(_ arguments: [String]) -> Int32 {
    guard arguments.count == 5, let generation = Int(arguments[2]), let count = Int(arguments[3]) else {
        FileHandle.standardError.write(Data("usage: PaddockPublishProbe OUTPUT GENERATION FILES MODE\n".utf8))
        return 2
    }
    let output = URL(filePath: arguments[1])
    let mode = arguments[4]
    if mode == "bench" {
        do { try bench(output: output, count: count) } catch { print("bench failed: \(error)"); return 1 }
        return 0
    }
    let observer: @Sendable (PublishPhase) -> Void = { phase in
        switch (mode, phase) {
        case ("pause-staging", .staging(let done, let total)) where done >= total / 2: pauseForever()
        case ("pause-sealed", .sealed): pauseForever()
        default: break
        }
    }
    let publisher = Publisher(output: output, syncBeforeSwap: false, logger: Logger(label: "probe"), observer: observer)
    var current = generation
    repeat {
        do {
            _ = try publishAll(publisher, site(current, count: count))
        } catch {
            FileHandle.standardError.write(Data("publish failed: \(error)\n".utf8))
            return 1
        }
        FileHandle.standardOutput.write(Data("PUBLISHED \(current)\n".utf8))
        current += 1
    } while mode == "loop"
    return 0
}

exit(run(CommandLine.arguments))
