import Foundation

/// Everything one sandbox received, in order, queryable while it runs.
///
/// ```swift
/// let requests = await sandbox.requestLog.requests(to: .equicty)
/// #expect(await sandbox.requestLog.maxInFlight <= 8)
/// for window in await sandbox.requestLog.retryAfterWindows {
///     #expect(await sandbox.requestLog.arrivals(inside: window).isEmpty)
/// }
/// ```
package actor SandboxRequestLog {
    private var entries: [SandboxRequest] = []
    private var windows: [SandboxRetryAfterWindow] = []
    private var inFlight = 0
    private var nextID = 1
    /// The most requests in flight at once so far.
    package private(set) var maxInFlight = 0

    init() {}

    /// All requests so far, in order of arrival.
    package var requests: [SandboxRequest] { entries }

    /// The requests to one service.
    package func requests(to service: SandboxService) -> [SandboxRequest] { entries.filter { $0.service == service } }

    /// The requests whose path contains `fragment`.
    package func requests(pathContaining fragment: String) -> [SandboxRequest] { entries.filter { $0.path.contains(fragment) } }

    /// Requests that arrived inside a running Retry-After window of their service, later than
    /// ``SandboxOptions/retryAfterGrace`` after it opened.
    package var retryAfterViolations: [SandboxRequest] { entries.filter(\.violatedRetryAfter) }

    /// Every Retry-After window announced by an injected 429 or the rate limit, in order.
    package var retryAfterWindows: [SandboxRetryAfterWindow] { windows }

    /// The requests to the window's service that arrived inside it, by the sandbox's clock (the
    /// 429 that opened it excluded: it arrived before).
    package func arrivals(inside window: SandboxRetryAfterWindow) -> [SandboxRequest] {
        entries.filter { $0.service == window.service && window.contains($0.receivedInstant) }
    }

    /// Forgets everything recorded (the in-flight count stays right).
    package func clear() {
        entries.removeAll()
        windows.removeAll()
        maxInFlight = inFlight
    }

    func begin(_ request: SandboxRequest) -> Int {
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        var request = request
        request.id = nextID
        nextID += 1
        request.inFlightAtArrival = inFlight
        entries.append(request)
        return request.id
    }

    func recordWindow(_ window: SandboxRetryAfterWindow) {
        windows.append(window)
    }

    func markViolation(_ id: Int) {
        if let i = index(of: id) { entries[i].violatedRetryAfter = true }
    }

    func finish(_ id: Int, status: Int?, fault: String?) {
        inFlight -= 1
        if let i = index(of: id) {
            entries[i].status = status
            entries[i].fault = fault
            entries[i].answeredInstant = .now
        }
    }

    private func index(of id: Int) -> Int? {
        entries.lastIndex { $0.id == id }
    }
}
