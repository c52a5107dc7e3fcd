#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import PaddockSources

/// Shows fetch progress: one rewritten line on a terminal (stderr), else a log line per tenth.
final class FetchProgressDisplay: @unchecked Sendable {
    let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var latest: [String: FetchProgress] = [:]
    private var order: [String] = []

    func show(_ update: FetchProgress, logger: Logger) {
        lock.lock()
        defer { lock.unlock() }
        if latest[update.source] == nil { order.append(update.source) }
        latest[update.source] = update
        if isTerminal {
            let line = order.compactMap { latest[$0] }.map { "\($0.source) \($0.done)/\($0.total)" }.joined(separator: "   ")
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        } else {
            let step = max(1, update.total / 10)
            if update.done == update.total || update.done % step == 0 {
                logger.info("fetching", metadata: ["source": "\(update.source)", "done": "\(update.done)", "total": "\(update.total)"])
            }
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isTerminal, !order.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
