import Foundation
import Testing
@testable import PaddockMedia

@Suite struct MediaThreadsTests {
    @Test func runsWorkOffTheCallingThreadAndReturnsItsResult() async throws {
        let threads = MediaThreads(count: 2)
        let own = try await threads.run { _ in threads.isCurrentThreadOwn }
        #expect(own)
        #expect(!threads.isCurrentThreadOwn)
    }

    @Test func aCancelledTaskStartsNoWork() async throws {
        let threads = MediaThreads(count: 1)
        let gate = DispatchSemaphore(value: 0)
        let started = CancelFlag()
        // The only thread is held, so the second job cannot start before its task is cancelled
        // (whether it was queued by then or not).
        async let holding: Void = threads.run { _ in gate.wait() }
        let queued = Task { try await threads.run { _ in started.set() } }
        queued.cancel()
        gate.signal()
        try await holding
        await #expect(throws: CancellationError.self) { try await queued.value }
        #expect(!started.isSet)
    }
}
