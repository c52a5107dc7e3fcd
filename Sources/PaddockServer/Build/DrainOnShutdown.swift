import ServiceLifecycle

/// A service that does nothing until graceful shutdown, then runs `onShutdown(false)` and returns
/// (`onShutdown(true)` when the group is cancelled instead).
///
/// Placed after the HTTP server in a service group, it runs before the server stops (groups shut
/// down in reverse order), so the server still answers (503) while builds drain.
struct DrainOnShutdown: Service, CustomStringConvertible {
    let name: String
    let onShutdown: @Sendable (_ cancelled: Bool) async -> Void

    var description: String { name }

    func run() async throws {
        do {
            try await gracefulShutdown()
            await onShutdown(false)
        } catch {
            await onShutdown(true)
        }
    }
}
