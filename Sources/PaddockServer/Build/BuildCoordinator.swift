import Foundation
import Logging
import PaddockSite

/// The one queue of builds: runs builds one at a time under the shared ``BuildLock`` and
/// coalesces triggers that arrive while a build runs into a single follow-up build.
///
/// At most one build is running and at most one is queued; a trigger that arrives while a build
/// is queued joins it and gets its id. The lock keeps these builds from overlapping with builds
/// of other processes too (`paddock build` from cron, another server).
///
/// ```swift
/// let coordinator = BuildCoordinator(builder: builder, lockFile: root.appending(path: ".paddock/build.lock"), logger: logger)
/// let ticket = try await coordinator.trigger(refetch: true)
/// let record = await coordinator.finished(ticket.id)
/// ```
package actor BuildCoordinator {
    /// The answer to a trigger.
    package struct Ticket: Sendable, Equatable {
        /// The build that will answer this trigger.
        package var id: Int
        /// True when the trigger joined a build that was already queued.
        package var coalesced: Bool
    }

    let builder: any SiteBuilding
    let lockFile: URL?
    let lockPollInterval: Duration
    let retainedRecords: Int
    let logger: Logger
    let now: @Sendable () -> Date

    var records: [Int: BuildRecord] = [:]
    var nextID = 1
    /// The build the worker is handling (queued while it waits for the lock, then running).
    var currentID: Int?
    /// The follow-up build, queued behind the current one.
    var queuedID: Int?
    var worker: Task<Void, Never>?
    var waiters: [Int: [CheckedContinuation<BuildRecord?, Never>]] = [:]
    var lastDuration: Double?
    /// Once true, triggers are refused (the server is shutting down).
    package internal(set) var isDraining = false

    /// - Parameters:
    ///   - builder: Runs the builds.
    ///   - lockFile: The shared build lock (by convention `<site root>/.paddock/build.lock`); `nil` when
    ///     the builder takes the lock itself. A builder must not take the same lock again in this
    ///     process while the coordinator holds it: `flock` on a second descriptor would wait forever.
    ///   - lockPollInterval: How often a build waiting for the lock tries again.
    ///   - retainedRecords: How many finished builds `record(_:)` still knows.
    ///   - now: The wall clock for timestamps.
    package init(
        builder: any SiteBuilding, lockFile: URL?, lockPollInterval: Duration = .milliseconds(200),
        retainedRecords: Int = 200, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.builder = builder
        self.lockFile = lockFile
        self.lockPollInterval = lockPollInterval
        self.retainedRecords = retainedRecords
        self.logger = logger
        self.now = now
    }

    /// Asks for a build. Never waits for the build itself.
    /// - Parameter refetch: Fetch the catalogue first; a queued build that any of its triggers asked to refetch refetches.
    /// - Throws: ``BuildCoordinatorError/draining`` once ``drain(gracePeriod:)`` began.
    package func trigger(refetch: Bool) throws -> Ticket {
        guard !isDraining else { throw BuildCoordinatorError.draining }
        if let id = queuedID ?? currentID.flatMap({ records[$0]?.state == .queued ? $0 : nil }) {
            records[id]?.triggers += 1
            if refetch { records[id]?.refetch = true }
            return Ticket(id: id, coalesced: true)
        }
        let record = BuildRecord(id: nextID, refetch: refetch, queuedAt: now())
        nextID += 1
        records[record.id] = record
        if currentID == nil {
            currentID = record.id
        } else {
            queuedID = record.id
        }
        if worker == nil {
            worker = Task { await self.runQueue() }
        }
        logger.debug("Build queued", metadata: ["build.id": "\(record.id)", "build.refetch": "\(refetch)"])
        return Ticket(id: record.id, coalesced: false)
    }

    /// The status of a build, while it is queued or running and for the last `retainedRecords` finished ones.
    package func record(_ id: Int) -> BuildRecord? { records[id] }

    /// Waits until the build has finished and returns its record (`nil` for an unknown id).
    package func finished(_ id: Int) async -> BuildRecord? {
        guard let record = records[id] else { return nil }
        if record.state.isFinished { return record }
        return await withCheckedContinuation { waiters[id, default: []].append($0) }
    }

    /// A guess, in whole seconds, of when a new trigger's build will be done (for `Retry-After`).
    package var retryAfterSeconds: Int {
        let one = max(1, Int((lastDuration ?? 4).rounded(.up)))
        return queuedID == nil ? one : 2 * one
    }

    /// How many builds are running or queued (0, 1 or 2).
    package var pendingCount: Int { (currentID == nil ? 0 : 1) + (queuedID == nil ? 0 : 1) }
}

/// Why the coordinator refused a trigger.
package enum BuildCoordinatorError: Error, Equatable, CustomStringConvertible {
    /// The server is shutting down and takes no new builds.
    case draining

    package var description: String { "the server is shutting down and takes no new builds" }
}
