/// Progress of one publish, reported to ``Publisher/observer`` (progress output, crash tests).
package enum PublishPhase: Sendable, Equatable {
    /// The new release folder is being filled: `done` of `total` files placed (in a streaming
    /// ``PublishSession`` the total is not known ahead: it is the number of files added so far).
    case staging(done: Int, total: Int)
    /// Every file is in place and the manifest written; the swap comes next.
    case sealed(release: String)
    /// The output link now points at `release`.
    case swapped(release: String)
}
