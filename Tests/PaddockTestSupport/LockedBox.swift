import Foundation

/// A value shared with a `@Sendable` closure in a test.
package final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    package init(_ value: Value) { self.value = value }
    package func get() -> Value { lock.withLock { value } }
    package func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
