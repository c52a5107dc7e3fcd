import Foundation

/// Results of `DispatchQueue.concurrentPerform`, one slot per iteration, filled under a lock.
final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock(); values[index] = value; lock.unlock()
    }

    /// The slots in iteration order (`nil` where nothing was set).
    var all: [Value?] { lock.lock(); defer { lock.unlock() }; return values }
}
