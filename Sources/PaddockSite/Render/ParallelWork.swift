import Foundation

/// Runs `iterations` pieces of work on `workers` threads, each taking the next piece until none is
/// left; returns when all are done.
enum ParallelWork {
    static func run(iterations: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        let workers = max(1, min(workers, iterations))
        guard workers > 1 else { for iteration in 0..<iterations { body(iteration) }; return }
        // Every worker is done with `body` before this returns; the box lets go of it then, while
        // the threads themselves may still be winding down.
        withoutActuallyEscaping(body) { body in
            let work = SharedWork(body: body)
            let done = DispatchGroup()
            for _ in 0..<workers {
                done.enter()
                let thread = Thread {
                    while let iteration = work.take(below: iterations) { work.run(iteration) }
                    done.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            done.wait()
            work.release()
        }
    }
}

/// The work the workers share: the body, and the next unclaimed iteration.
private final class SharedWork: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var body: ((Int) -> Void)?

    init(body: @escaping (Int) -> Void) { self.body = body }

    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }

    /// Runs the body (set until ``release()``, which comes after every worker has finished).
    func run(_ iteration: Int) { body?(iteration) }

    func release() { lock.lock(); body = nil; lock.unlock() }
}
