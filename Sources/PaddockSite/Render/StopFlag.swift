import Foundation

/// A flag any worker may raise and all others read, to stop early after a failure.
package final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    package var isSet: Bool { lock.lock(); defer { lock.unlock() }; return raised }
    package init() {}
    package func set() { lock.lock(); raised = true; lock.unlock() }
}
