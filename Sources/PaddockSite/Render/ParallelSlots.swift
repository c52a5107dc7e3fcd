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

extension Array where Element: Sendable {
    /// `map` on every core, in a few contiguous chunks per core; the result keeps the order.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 64 else { return map(transform) }
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let slots = ParallelSlots<[Result]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
            slots.set(chunk, self[range].map(transform))
        }
        return slots.take().flatMap { $0 }
    }
}
