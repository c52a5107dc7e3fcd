import Foundation

/// Where a build is in its life: `queued` → `running` → `succeeded` or `failed`.
package enum BuildState: String, Sendable, Codable, Equatable {
    case queued, running, succeeded, failed

    /// True once the build will not change any more.
    package var isFinished: Bool { self == .succeeded || self == .failed }
}

/// The status of one build, as `GET /builds/{id}` reports it.
package struct BuildRecord: Sendable, Equatable, Codable, Identifiable {
    /// Increasing from 1 within one coordinator.
    package var id: Int
    package var state: BuildState
    /// Whether the build fetches the catalogue first.
    package var refetch: Bool
    /// How many triggers this build answers (1 plus the ones coalesced into it).
    package var triggers: Int
    /// True while the build waits for the build lock held by another build (cron, another server).
    package var waitingForLock: Bool
    package var queuedAt: Date
    package var startedAt: Date?
    package var finishedAt: Date?
    /// The build's own summary when it succeeded.
    package var outcome: BuildOutcome?
    /// The error text when it failed.
    package var error: String?

    package init(id: Int, refetch: Bool, queuedAt: Date) {
        self.id = id
        self.state = .queued
        self.refetch = refetch
        self.triggers = 1
        self.waitingForLock = false
        self.queuedAt = queuedAt
    }

    /// Seconds from start to finish, once finished.
    package var durationSeconds: Double? {
        guard let startedAt, let finishedAt else { return nil }
        return finishedAt.timeIntervalSince(startedAt)
    }
}

extension BuildRecord {
    /// The JSON body of `GET /builds/{id}`: ISO 8601 dates, sorted keys, plus `durationSeconds`.
    package func jsonData() -> Data {
        struct Wire: Encodable {
            var record: BuildRecord
            enum Keys: String, CodingKey {
                case id, state, refetch, triggers, waitingForLock, queuedAt, startedAt, finishedAt
                case durationSeconds, outcome, error
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(record.id, forKey: .id)
                try c.encode(record.state, forKey: .state)
                try c.encode(record.refetch, forKey: .refetch)
                try c.encode(record.triggers, forKey: .triggers)
                try c.encode(record.waitingForLock, forKey: .waitingForLock)
                try c.encode(record.queuedAt, forKey: .queuedAt)
                try c.encode(record.startedAt, forKey: .startedAt)
                try c.encode(record.finishedAt, forKey: .finishedAt)
                try c.encode(record.durationSeconds, forKey: .durationSeconds)
                try c.encode(record.outcome, forKey: .outcome)
                try c.encode(record.error, forKey: .error)
            }
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(Wire(record: self))) ?? Data("{}".utf8)
    }
}
