import Foundation
import PaddockPublish

/// A publish observer that holds a build's writers at their first progress report until the test
/// releases them, so a test can act (cancel, shut down) while a build is surely publishing,
/// whatever the machine's load.
package final class PublishHold: Sendable {
    /// Yields when a writer reached the hold.
    package let reached: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let released = DispatchSemaphore(value: 0)

    package init() { (reached, continuation) = AsyncStream<Void>.makeStream() }

    /// Pass as the builder's `publishObserver`.
    package var observer: @Sendable (PublishPhase) -> Void {
        { [self] phase in
            guard case .staging = phase else { return }
            continuation.yield()
            released.wait()
            released.signal()
        }
    }

    /// Lets every held and later writer go on.
    package func release() { released.signal() }
}
