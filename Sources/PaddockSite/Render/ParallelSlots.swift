import Foundation

/// One slot per parallel worker, each written once, read after all workers finished.
final class ParallelSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock(); values[index] = value; lock.unlock()
    }

    /// The values in slot order; every slot must have been set.
    func take() -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return values.map { $0! }
    }
}
