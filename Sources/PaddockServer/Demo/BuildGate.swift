/// Holds builds at one point until it is opened; ``DemoSiteBuilder`` waits on it before publishing.
///
/// Lets a test look at a running build and the queue behind it without any timing.
public actor BuildGate {
    private var isOpen: Bool
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// How many builds reached the gate so far.
    public private(set) var arrivals = 0
    private var arrivalWaiters: [(Int, CheckedContinuation<Void, Never>)] = []

    public init(open: Bool = false) { self.isOpen = open }

    /// Called by a build: returns at once when open, else when ``open()`` is called.
    public func pass() async {
        arrivals += 1
        let ready = arrivalWaiters.filter { $0.0 <= arrivals }
        arrivalWaiters.removeAll { $0.0 <= arrivals }
        for (_, waiter) in ready { waiter.resume() }
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Lets every waiting and later build through.
    public func open() {
        isOpen = true
        for waiter in waiting { waiter.resume() }
        waiting.removeAll()
    }

    /// Closes the gate again for later builds.
    public func close() { isOpen = false }

    /// Returns once `count` builds have reached the gate.
    public func waitForArrivals(_ count: Int) async {
        if arrivals >= count { return }
        await withCheckedContinuation { arrivalWaiters.append((count, $0)) }
    }
}
