import Foundation
import Synchronization
import Testing
@testable import PaddockSite

/// The worker threads that render and write pages.
@Suite struct ParallelWorkTests {
    @Test(arguments: [(0, 4), (1, 4), (7, 1), (100, 4), (100, 3), (33, 64)])
    func everyIterationRunsOnceAndIsDoneOnReturn(_ iterations: Int, _ workers: Int) {
        let runs = Mutex([Int](repeating: 0, count: iterations))
        ParallelWork.run(iterations: iterations, workers: workers) { iteration in
            if iteration % 7 == 0 { usleep(200) }   // some pieces are slower than others
            runs.withLock { $0[iteration] += 1 }
        }
        runs.withLock { counts in
            #expect(counts.allSatisfy { $0 == 1 }, "\(counts)")
        }
    }

    @Test func workersRunAtTheSameTime() {
        // Four workers, each piece waiting for all four to have started: finishes only when four
        // threads run at once (a serial run would wait forever; the deadline turns that into a failure).
        let started = Mutex(0)
        let deadline = Date().addingTimeInterval(10)
        let sawAllFour = Mutex(true)
        ParallelWork.run(iterations: 4, workers: 4) { _ in
            started.withLock { $0 += 1 }
            while started.withLock({ $0 }) < 4 {
                if Date() > deadline { sawAllFour.withLock { $0 = false }; return }
                usleep(100)
            }
        }
        #expect(sawAllFour.withLock { $0 })
    }
}
