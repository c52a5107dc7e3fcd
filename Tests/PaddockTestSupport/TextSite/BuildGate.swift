import Foundation

/// Holds builds at one point until it is opened; ``TextSiteBuilder`` waits on it before publishing.
///
/// Lets a test look at a running build and the queue behind it without any timing. A waiting
/// build that is cancelled stops waiting.
package actor BuildGate {
    private var isOpen: Bool
    private var waiting: [UUID: CheckedContinuation<Void, Never>] = [:]
    /// How many builds reached the gate so far.
    package private(set) var arrivals = 0
    private var arrivalWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    package init(open: Bool = false) { self.isOpen = open }

    /// Called by a build: returns at once when open, else when ``open()`` is called or the task is cancelled.
    package func pass() async {
        arrivals += 1
        let ready = arrivalWaiters.filter { $0.count <= arrivals }
        arrivalWaiters.removeAll { $0.count <= arrivals }
        for waiter in ready { waiter.continuation.resume() }
        if isOpen { return }
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { continuation.resume() } else { waiting[id] = continuation }
            }
        } onCancel: {
            Task { await self.release(id) }
        }
    }

    private func release(_ id: UUID) { waiting.removeValue(forKey: id)?.resume() }

    /// Lets every waiting and later build through.
    package func open() {
        isOpen = true
        for waiter in waiting.values { waiter.resume() }
        waiting.removeAll()
    }

    /// Closes the gate again for later builds.
    package func close() { isOpen = false }

    /// Returns once `count` builds have reached the gate.
    package func waitForArrivals(_ count: Int) async {
        if arrivals >= count { return }
        await withCheckedContinuation { arrivalWaiters.append((count, $0)) }
    }
}
